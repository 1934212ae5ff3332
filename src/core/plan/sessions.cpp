#include "core/plan/sessions.hpp"

#include <algorithm>

namespace valgus {

namespace {

// Priorities compare class by class: one essential exercise outweighs any
// number of normal ones (a session holds at most 60), and one normal any
// number of optional ones.
int priority_weight(int priority) {
  switch (std::clamp(priority, 1, 3)) {
    case 1: return 10000;
    case 2: return 100;
    default: return 1;
  }
}

}  // namespace

Week plan_week(const std::vector<WeekItem>& items, const WeekLimits& limits) {
  Week week;
  std::vector<int> times(items.size(), 0);  // sessions each item is in so far
  for (int day = 0; day < limits.days; ++day) {
    // The candidates of this session: every item still under its weekly
    // maximum, indexed back to `items`.
    std::vector<Candidate> candidates;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const WeekItem& item = items[i];
      if (times[i] >= std::max(item.per_week.max, 1)) {
        continue;
      }
      Candidate c;
      c.seconds = item.seconds;
      c.pairs = item.pairs;
      c.wanted = times[i] > 0 && times[i] < item.per_week.min ? 1 : 0;
      // After the first session: new to the week, and this session plus
      // those left can still give it its weekly minimum (variety that does
      // not under-dose).
      c.fresh = day > 0 && times[i] == 0 && limits.days - day >= std::min(item.per_week.min, limits.days) ? 1 : 0;
      c.priority_score = priority_weight(item.priority);
      c.position = item.position ? 1 : 0;
      c.integrate = item.integrate;
      candidates.push_back(c);
      index.push_back(i);
    }
    Limits session;
    session.seconds = limits.seconds;
    session.count = limits.exercises;
    session.covered_before = week.covered;
    session.need_integrate = true;
    session.need_position = limits.need_position;
    const Choice choice = choose_exactly(candidates, session);
    week.visited += choice.visited;
    week.proven = week.proven && choice.proven;
    std::vector<std::size_t> chosen;
    for (const std::size_t c : choice.chosen) {
      const std::size_t i = index[c];
      chosen.push_back(i);
      ++times[i];
      week.covered |= items[i].pairs;
    }
    std::sort(chosen.begin(), chosen.end());
    week.sessions.push_back(std::move(chosen));
  }
  return week;
}

}  // namespace valgus
