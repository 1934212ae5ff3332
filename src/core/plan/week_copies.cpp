// Copies of an item as the week sees them: the same in everything the week
// model reads but their rank (week_model.hpp, copies_in_order).

#include "core/plan/week_model.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace valgus {

std::vector<std::pair<std::size_t, std::size_t>> copies_in_order(const WeekInput& input) {
  std::vector<std::pair<std::size_t, std::size_t>> order;
  const auto& items = input.items;
  const std::size_t count = items.size();
  std::vector<bool> has_doses(count, false);
  for (const WeekItem& item : items) {
    if (item.lighter_of >= 0) {
      has_doses.at(static_cast<std::size_t>(item.lighter_of)) = true;
    }
  }
  // Apart as a relation: the row is the same whichever item lists the other.
  std::vector<std::vector<bool>> apart(count, std::vector<bool>(count, false));
  for (std::size_t i = 0; i < count; ++i) {
    for (const int other : items[i].apart_from) {
      const auto k = static_cast<std::size_t>(other);
      apart[i][k] = true;
      apart[k][i] = true;
    }
  }
  // Every field the week reads (WeekItem::tied, so a new one counts too)
  // but the rank, and apartness, compared as a relation below.
  const auto alike = [](WeekItem item) {
    item.rank = 0;
    item.apart_from.clear();
    return item;
  };
  const auto copies = [&](std::size_t i, std::size_t j) {
    const WeekItem& a = items[i];
    const WeekItem& b = items[j];
    if (a.lighter_of >= 0 || b.lighter_of >= 0 || has_doses[i] || has_doses[j] || !(alike(a) == alike(b))) {
      return false;
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (k != i && k != j && apart[i][k] != apart[j][k]) {
        return false;
      }
    }
    return true;
  };
  std::vector<bool> placed(count, false);
  for (std::size_t i = 0; i < count; ++i) {
    if (placed[i]) {
      continue;
    }
    // Being a copy is an equivalence (apart is symmetric: if j and l are
    // each a copy of i, what sets them apart from i sets them apart from
    // each other), so a group is what matches its first item.
    std::vector<std::size_t> group{i};
    for (std::size_t j = i + 1; j < count; ++j) {
      if (!placed[j] && copies(i, j)) {
        group.push_back(j);
        placed[j] = true;
      }
    }
    std::sort(group.begin(), group.end(),
              [&](std::size_t a, std::size_t b) { return std::tie(items[a].rank, a) < std::tie(items[b].rank, b); });
    for (std::size_t k = 0; k + 1 < group.size(); ++k) {
      order.emplace_back(group[k], group[k + 1]);
    }
  }
  return order;
}

}  // namespace valgus
