#include "core/optimiser.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <numeric>
#include <tuple>

namespace valgus {

namespace {

int count_bits(PairMask mask) { return static_cast<int>(std::bitset<64>(mask).count()); }

auto tied(const Score& s) {
  return std::make_tuple(s.new_pairs, s.pairs, s.wanted, s.priority, s.position, -s.seconds);
}

bool fits_alone(const Candidate& c, const Limits& limits) {
  return (!limits.seconds || c.seconds <= *limits.seconds) && (!limits.count || *limits.count >= 1);
}

// Whether a need applies: some candidate of the kind fits on its own.
template <typename Kind>
bool need_applies(bool asked, const std::vector<Candidate>& candidates, const Limits& limits, Kind kind) {
  return asked && std::any_of(candidates.begin(), candidates.end(),
                              [&](const Candidate& c) { return kind(c) && fits_alone(c, limits); });
}

bool is_integrate(const Candidate& c) { return c.integrate; }
bool is_position(const Candidate& c) { return c.position > 0; }

// Depth-first branch and bound over the candidates in a fixed order. Two
// prunings keep it exact: a bound (what the rest could add at best cannot
// beat the best found) and dominance (when a candidate is at least as good
// as another in every respect, an optimum never takes the worse one without
// the better one, so that branch is skipped).
class Search {
 public:
  Search(const std::vector<Candidate>& candidates, const Limits& limits)
      : all_(candidates), limits_(limits), order_(candidates.size()) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    // Most pairs first, then cheapest: good subsets early, and any dominator
    // sorts before what it dominates.
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return std::make_tuple(-count_bits(all_[a].pairs), all_[a].seconds) <
             std::make_tuple(-count_bits(all_[b].pairs), all_[b].seconds);
    });
    const std::size_t n = order_.size();
    suffix_pairs_.assign(n + 1, 0);
    suffix_best_.assign(n + 1, std::array<int, 3>{});
    suffix_sum_.assign(n + 1, std::array<int, 3>{});
    suffix_integrate_.assign(n + 1, false);
    suffix_position_.assign(n + 1, false);
    for (std::size_t i = n; i-- > 0;) {
      const Candidate& c = all_[order_[i]];
      suffix_pairs_[i] = suffix_pairs_[i + 1] | c.pairs;
      const std::array<int, 3> values{c.wanted, c.priority_score, c.position};
      for (std::size_t k = 0; k < 3; ++k) {
        suffix_best_[i][k] = std::max(suffix_best_[i + 1][k], values[k]);
        suffix_sum_[i][k] = suffix_sum_[i + 1][k] + values[k];
      }
      suffix_integrate_[i] = suffix_integrate_[i + 1] || c.integrate;
      suffix_position_[i] = suffix_position_[i + 1] || c.position > 0;
    }
    dominators_.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        if (dominates(all_[order_[i]], all_[order_[j]])) {
          dominators_[j].push_back(i);
        }
      }
    }
    need_integrate_ = need_applies(limits.need_integrate, all_, limits, is_integrate);
    need_position_ = need_applies(limits.need_position, all_, limits, is_position);
    taken_.assign(n, false);
  }

  Choice run() {
    best_ = Score{};
    best_.seconds = 0;
    have_best_ = false;
    visit(0, State{});
    Choice choice;
    choice.chosen = best_set_;
    std::sort(choice.chosen.begin(), choice.chosen.end());
    choice.score = best_;
    choice.visited = visited_;
    return choice;
  }

 private:
  struct State {
    PairMask pairs = 0;
    int wanted = 0;
    int priority = 0;
    int position = 0;
    std::int64_t seconds = 0;
    int count = 0;
    bool integrate = false;
  };

  static bool dominates(const Candidate& a, const Candidate& b) {
    return (a.pairs | b.pairs) == a.pairs && a.seconds <= b.seconds && a.wanted >= b.wanted &&
           a.priority_score >= b.priority_score && a.position >= b.position && (a.integrate || !b.integrate);
  }

  Score score(const State& s) const {
    return Score{count_bits(s.pairs & ~limits_.covered_before),
                 count_bits(s.pairs),
                 s.wanted,
                 s.priority,
                 s.position,
                 s.seconds};
  }

  // The best any completion of `s` from position `i` could score.
  Score bound(std::size_t i, const State& s) const {
    const int slots = limits_.count ? *limits_.count - s.count : static_cast<int>(order_.size() - i);
    const auto add = [&](std::size_t k) { return std::min(suffix_sum_[i][k], slots * suffix_best_[i][k]); };
    const PairMask pairs = s.pairs | suffix_pairs_[i];
    return Score{count_bits(pairs & ~limits_.covered_before),
                 count_bits(pairs),
                 s.wanted + add(0),
                 s.priority + add(1),
                 s.position + add(2),
                 s.seconds};
  }

  void visit(std::size_t i, const State& s) {
    ++visited_;
    if (need_integrate_ && !s.integrate && !suffix_integrate_[i]) {
      return;
    }
    if (need_position_ && s.position == 0 && !suffix_position_[i]) {
      return;
    }
    const bool complete = (!need_integrate_ || s.integrate) && (!need_position_ || s.position > 0);
    if (complete) {
      const Score here = score(s);
      if (!have_best_ || best_ < here) {
        best_ = here;
        have_best_ = true;
        best_set_.clear();
        for (std::size_t k = 0; k < i; ++k) {
          if (taken_[k]) {
            best_set_.push_back(order_[k]);
          }
        }
      }
    }
    if (i == order_.size() || (have_best_ && !(best_ < bound(i, s)))) {
      return;
    }
    const Candidate& c = all_[order_[i]];
    const bool room =
        (!limits_.count || s.count < *limits_.count) && (!limits_.seconds || s.seconds + c.seconds <= *limits_.seconds);
    const bool allowed = std::all_of(dominators_[i].begin(), dominators_[i].end(),
                                     [&](std::size_t d) { return static_cast<bool>(taken_[d]); });
    if (room && allowed) {
      State with = s;
      with.pairs |= c.pairs;
      with.wanted += c.wanted;
      with.priority += c.priority_score;
      with.position += c.position;
      with.seconds += c.seconds;
      ++with.count;
      with.integrate = with.integrate || c.integrate;
      taken_[i] = true;
      visit(i + 1, with);
      taken_[i] = false;
    }
    visit(i + 1, s);
  }

  const std::vector<Candidate>& all_;
  const Limits& limits_;
  std::vector<std::size_t> order_;
  std::vector<PairMask> suffix_pairs_;
  std::vector<std::array<int, 3>> suffix_best_;
  std::vector<std::array<int, 3>> suffix_sum_;
  std::vector<bool> suffix_integrate_;
  std::vector<bool> suffix_position_;
  std::vector<std::vector<std::size_t>> dominators_;
  std::vector<bool> taken_;
  bool need_integrate_ = false;
  bool need_position_ = false;
  Score best_;
  bool have_best_ = false;
  std::vector<std::size_t> best_set_;
  std::uint64_t visited_ = 0;
};

}  // namespace

bool operator<(const Score& a, const Score& b) { return tied(a) < tied(b); }
bool operator==(const Score& a, const Score& b) { return tied(a) == tied(b); }

Score score_of(const std::vector<Candidate>& candidates, const std::vector<std::size_t>& chosen,
               PairMask covered_before) {
  Score s;
  PairMask pairs = 0;
  for (const std::size_t i : chosen) {
    const Candidate& c = candidates[i];
    pairs |= c.pairs;
    s.wanted += c.wanted;
    s.priority += c.priority_score;
    s.position += c.position;
    s.seconds += c.seconds;
  }
  s.new_pairs = count_bits(pairs & ~covered_before);
  s.pairs = count_bits(pairs);
  return s;
}

bool feasible(const std::vector<Candidate>& candidates, const std::vector<std::size_t>& chosen, const Limits& limits) {
  std::int64_t seconds = 0;
  bool integrate = false;
  bool position = false;
  for (const std::size_t i : chosen) {
    seconds += candidates[i].seconds;
    integrate = integrate || candidates[i].integrate;
    position = position || candidates[i].position > 0;
  }
  return (!limits.seconds || seconds <= *limits.seconds) &&
         (!limits.count || static_cast<int>(chosen.size()) <= *limits.count) &&
         (integrate || !need_applies(limits.need_integrate, candidates, limits, is_integrate)) &&
         (position || !need_applies(limits.need_position, candidates, limits, is_position));
}

Choice choose_exactly(const std::vector<Candidate>& candidates, const Limits& limits) {
  return Search(candidates, limits).run();
}

}  // namespace valgus
