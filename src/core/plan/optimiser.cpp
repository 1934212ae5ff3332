#include "core/plan/optimiser.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

namespace valgus {

namespace {

// Bit counting inline: without -mpopcnt (Debian's x86-64 baseline)
// std::bitset::count calls libgcc, and the bound counts bits at every node.
int count_bits(PairMask mask) {
  mask -= (mask >> 1U) & 0x5555555555555555ULL;
  mask = (mask & 0x3333333333333333ULL) + ((mask >> 2U) & 0x3333333333333333ULL);
  mask = (mask + (mask >> 4U)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((mask * 0x0101010101010101ULL) >> 56U);
}

auto tied(const Score& s) {
  return std::make_tuple(s.new_pairs, s.pairs, s.wanted, s.fresh, s.priority, s.position, -s.seconds);
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
    // Most pairs first, then the most important, then cheapest: good
    // subsets early (the bounds prune more), and any dominator sorts before
    // what it dominates.
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      const auto key = [&](const Candidate& c) {
        return std::make_tuple(-count_bits(c.pairs), -c.priority_score, c.seconds);
      };
      return key(all_[a]) < key(all_[b]);
    });
    const std::size_t n = order_.size();
    suffix_pairs_.assign(n + 1, 0);
    suffix_best_.assign(n + 1, std::array<int, 4>{});
    suffix_sum_.assign(n + 1, std::array<int, 4>{});
    suffix_integrate_.assign(n + 1, false);
    suffix_shortest_.assign(n + 1, 0);
    suffix_position_.assign(n + 1, false);
    for (std::size_t i = n; i-- > 0;) {
      const Candidate& c = all_[order_[i]];
      suffix_pairs_[i] = suffix_pairs_[i + 1] | c.pairs;
      const std::array<int, 4> values{c.wanted, c.fresh, c.priority_score, c.position};
      for (std::size_t k = 0; k < values.size(); ++k) {
        suffix_best_[i][k] = std::max(suffix_best_[i + 1][k], values[k]);
        suffix_sum_[i][k] = suffix_sum_[i + 1][k] + values[k];
      }
      suffix_integrate_[i] = suffix_integrate_[i + 1] || c.integrate;
      suffix_shortest_[i] = i + 1 == n ? c.seconds : std::min(suffix_shortest_[i + 1], c.seconds);
      suffix_position_[i] = suffix_position_[i + 1] || c.position > 0;
    }
    for (const std::size_t j : order_) {
      pairs_in_order_.push_back(all_[j].pairs);
    }
    dominators_.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        if (dominates(all_[order_[i]], all_[order_[j]])) {
          dominators_[j].push_back(i);
        }
      }
    }
    for (std::size_t k = 0; k < by_ratio_.size(); ++k) {
      for (std::size_t j = 0; j < n; ++j) {
        if (const int value = value_of(all_[order_[j]], k); value > 0) {
          by_ratio_[k].push_back(Worth{j, value, all_[order_[j]].seconds});
        }
      }
      // Value per second, descending, by cross-multiplying (no division by a
      // zero-second candidate, which goes first).
      std::stable_sort(by_ratio_[k].begin(), by_ratio_[k].end(), [](const Worth& x, const Worth& y) {
        return std::int64_t{x.value} * y.seconds > std::int64_t{y.value} * x.seconds;
      });
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
    choice.proven = !stopped_;
    return choice;
  }

 private:
  struct State {
    PairMask pairs = 0;
    int wanted = 0;
    int fresh = 0;
    int priority = 0;
    int position = 0;
    std::int64_t seconds = 0;
    int count = 0;
    bool integrate = false;
  };

  static bool dominates(const Candidate& a, const Candidate& b) {
    return (a.pairs | b.pairs) == a.pairs && a.seconds <= b.seconds && a.wanted >= b.wanted && a.fresh >= b.fresh &&
           a.priority_score >= b.priority_score && a.position >= b.position && (a.integrate || !b.integrate);
  }

  Score score(const State& s) const {
    return Score{count_bits(s.pairs & ~limits_.covered_before),
                 count_bits(s.pairs),
                 s.wanted,
                 s.fresh,
                 s.priority,
                 s.position,
                 s.seconds};
  }

  // Whether no completion of `s` from position `i` can beat the best found.
  // At most
  // `slots` more candidates fit (by count, and by the budget over the
  // shortest one left); the pairs they add are at most the union of all that
  // remain and at most the sum of the `slots` largest additions.
  bool cannot_beat_best(std::size_t i, const State& s) {
    int slots = limits_.count ? *limits_.count - s.count : static_cast<int>(order_.size() - i);
    if (limits_.seconds && suffix_shortest_[i] > 0) {
      slots = static_cast<int>(std::min<std::int64_t>(slots, (*limits_.seconds - s.seconds) / suffix_shortest_[i]));
    }
    slots = std::max(slots, 0);
    // The knapsack bound walks the candidates left, so it is computed only
    // when the cheap bounds cannot already show the best found unbeaten.
    const auto add = [&](std::size_t k, int base, std::int64_t floor) {
      const int cheap = std::min(suffix_sum_[i][k], slots * suffix_best_[i][k]);
      if (base + cheap < floor) {
        return cheap;
      }
      return std::min(cheap, knapsack_bound(k, i, s.seconds));
    };
    // `floor`: the best found's value; when even the union of all that is
    // left cannot reach it, the cheap bound already decides. Otherwise the
    // `slots` largest gains, counted by size (a gain is at most 64).
    const auto added = [&](PairMask have, int base, std::int64_t floor) {
      const int by_union = count_bits(suffix_pairs_[i] & ~have);
      if (base + by_union < floor || by_union == 0 || slots == 0) {
        return slots == 0 ? 0 : by_union;
      }
      std::array<int, 65> by_gain;  // NOLINT(cppcoreguidelines-pro-type-member-init): the used part is zeroed
      std::fill_n(by_gain.begin(), by_union + 1, 0);
      for (std::size_t j = i; j < pairs_in_order_.size(); ++j) {
        // Most exercises cover one pair: no bits to count for them.
        const PairMask gained = pairs_in_order_[j] & ~have;
        ++by_gain[static_cast<std::size_t>((gained & (gained - 1)) == 0 ? (gained != 0 ? 1 : 0) : count_bits(gained))];
      }
      int sum = 0;
      int left = slots;
      for (auto gain = static_cast<std::size_t>(by_union); gain > 0 && left > 0 && sum < by_union; --gain) {
        const int take = std::min(left, by_gain[gain]);
        sum += take * static_cast<int>(gain);
        left -= take;
      }
      return std::min(by_union, sum);
    };
    // Lexicographic: a component is bounded only while the ones before it
    // tie with the best found, the rest cannot change the verdict.
    const PairMask fresh_pairs = s.pairs | limits_.covered_before;
    const auto component = [&](std::size_t k) -> std::int64_t {
      switch (k) {
        case 0: {
          const int base = count_bits(s.pairs & ~limits_.covered_before);
          return base + added(fresh_pairs, base, best_.new_pairs);
        }
        case 1: {
          const int base = count_bits(s.pairs);
          return base + added(s.pairs, base, best_.pairs);
        }
        case 2: return s.wanted + add(0, s.wanted, best_.wanted);
        case 3: return s.fresh + add(1, s.fresh, best_.fresh);
        case 4: return s.priority + add(2, s.priority, best_.priority);
        case 5: return s.position + add(3, s.position, best_.position);
        default: return -s.seconds;
      }
    };
    const std::array<std::int64_t, 7> best{best_.new_pairs, best_.pairs,    best_.wanted,  best_.fresh,
                                           best_.priority,  best_.position, -best_.seconds};
    for (std::size_t k = 0; k < best.size(); ++k) {
      const std::int64_t at_most = component(k);
      if (at_most != best[k]) {
        return at_most < best[k];
      }
    }
    return true;  // at best a tie: the first found stays
  }

  // With a budget: the most of component `k` the candidates from `i` on
  // could add if they could be taken in fractions (the knapsack's linear
  // relaxation, best value per second first), rounded down.
  int knapsack_bound(std::size_t k, std::size_t i, std::int64_t used) const {
    if (!limits_.seconds) {
      return std::numeric_limits<int>::max();
    }
    std::int64_t left = *limits_.seconds - used;
    double total = 0;
    for (const Worth& w : by_ratio_[k]) {
      if (w.position < i) {
        continue;
      }
      if (w.seconds <= left) {
        left -= w.seconds;
        total += w.value;
      } else {
        total += static_cast<double>(w.value) * static_cast<double>(left) / static_cast<double>(w.seconds);
        break;
      }
    }
    return static_cast<int>(total + 1e-9);
  }

  static int value_of(const Candidate& c, std::size_t k) {
    const std::array<int, 4> values{c.wanted, c.fresh, c.priority_score, c.position};
    return values[k];
  }

  void visit(std::size_t i, const State& s) {
    if (++visited_ > max_search_nodes) {
      stopped_ = true;
      return;
    }
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
    if (i == order_.size() || (have_best_ && cannot_beat_best(i, s))) {
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
      with.fresh += c.fresh;
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
  std::vector<std::array<int, 4>> suffix_best_;
  std::vector<std::array<int, 4>> suffix_sum_;
  std::vector<bool> suffix_integrate_;
  std::vector<std::int64_t> suffix_shortest_;  // the shortest candidate from here on
  std::vector<PairMask> pairs_in_order_;       // each candidate's pairs, in search order
  struct Worth {
    std::size_t position;  // in the search order
    int value;
    std::int64_t seconds;
  };
  std::array<std::vector<Worth>, 4> by_ratio_;  // per component: best value per second first
  std::vector<bool> suffix_position_;
  std::vector<std::vector<std::size_t>> dominators_;
  std::vector<bool> taken_;
  bool need_integrate_ = false;
  bool need_position_ = false;
  Score best_;
  bool have_best_ = false;
  std::vector<std::size_t> best_set_;
  std::uint64_t visited_ = 0;
  bool stopped_ = false;
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
    s.fresh += c.fresh;
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
  // Candidates alike in all but their time are interchangeable, so an
  // optimum takes the shortest of them first: of each kind, keep only as
  // many as could be taken at once (the count limit, or what fits the
  // budget shortest first). Exact, and it keeps a catalogue of thousands
  // of look-alike exercises down to a few per kind.
  std::map<std::tuple<PairMask, int, int, int, int, bool>, std::vector<std::size_t>> kinds;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!limits.seconds || c.seconds <= *limits.seconds) {
      kinds[{c.pairs, c.wanted, c.fresh, c.priority_score, c.position, c.integrate}].push_back(i);
    }
  }
  std::vector<std::size_t> kept;
  for (auto& [kind, members] : kinds) {
    std::stable_sort(members.begin(), members.end(),
                     [&](std::size_t a, std::size_t b) { return candidates[a].seconds < candidates[b].seconds; });
    std::int64_t seconds = 0;
    for (std::size_t k = 0; k < members.size(); ++k) {
      seconds += candidates[members[k]].seconds;
      if ((limits.count && static_cast<int>(k) >= *limits.count) || (limits.seconds && seconds > *limits.seconds)) {
        break;
      }
      kept.push_back(members[k]);
    }
  }
  std::sort(kept.begin(), kept.end());  // the candidates' own order: ties stay deterministic
  std::vector<Candidate> reduced;
  reduced.reserve(kept.size());
  for (const std::size_t i : kept) {
    reduced.push_back(candidates[i]);
  }
  Choice choice = Search(reduced, limits).run();
  for (std::size_t& i : choice.chosen) {
    i = kept[i];
  }
  return choice;
}

}  // namespace valgus
