// The exact optimiser (make_plan with --full --minutes N) against the greedy
// rule valgus used before it, on the built-in catalogue: every non-empty set
// of the built-in problems, session budgets from 5 to 45 minutes.
//
// The old greedy, re-implemented here only: from the whole routine, drop the
// least important exercise first (priority 3 before 2 before 1), then the
// longest, then the latest in plan order, until the total fits, never the
// last exercise serving a (problem, phase) pair; if no exercise can go, the
// over-budget plan is what it printed.
//
// A third, independent reference: the shortest cover of every pair, by
// dynamic programming over the set of pairs covered.
//
//   bench_optimiser_vs_greedy            summary per problem set
//   bench_optimiser_vs_greedy --detail   also one row per set and budget
//
// Prints Markdown tables.

#include "core/catalogue/catalogue.hpp"
#include "core/plan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace {

using valgus::Catalogue;
using valgus::Plan;
using valgus::PlannedExercise;
using valgus::Request;

constexpr int first_budget = 5;
constexpr int last_budget = 45;

struct Item {
  std::string id;
  int priority = 2;
  std::int64_t seconds = 0;
  std::uint32_t pairs = 0;  // bit per (problem, phase) pair it serves
};

struct Outcome {
  int pairs = 0;
  std::int64_t seconds = 0;
  bool over = false;
};

// The pairs of one problem set, numbered, and the routine as items.
struct Routine {
  std::map<std::pair<std::string, int>, int> pair_bits;
  std::vector<Item> items;  // plan order
  [[nodiscard]] int pair_count() const { return static_cast<int>(pair_bits.size()); }
};

std::vector<const PlannedExercise*> exercises_of(const Plan& plan) {
  std::vector<const PlannedExercise*> all;
  for (const auto& phase : plan.phases) {
    for (const auto& planned : phase.exercises) {
      all.push_back(&planned);
    }
  }
  return all;
}

std::uint32_t pairs_of(const PlannedExercise& planned, std::map<std::pair<std::string, int>, int>& bits, bool add) {
  std::uint32_t mask = 0;
  for (const auto& reason : planned.reasons) {
    const std::pair<std::string, int> key{reason.problem_id, static_cast<int>(planned.exercise.phase)};
    auto found = bits.find(key);
    if (found == bits.end()) {
      if (!add) {
        continue;
      }
      found = bits.emplace(key, static_cast<int>(bits.size())).first;
    }
    mask |= 1U << static_cast<unsigned>(found->second);
  }
  return mask;
}

Routine whole_routine(const Catalogue& catalogue, const std::vector<std::string>& problems) {
  Request request;
  request.problems = problems;  // days empty, no minutes: --full, the whole routine
  const Plan plan = valgus::make_plan(catalogue, request);
  Routine routine;
  for (const PlannedExercise* planned : exercises_of(plan)) {
    routine.items.push_back({planned->exercise.id, planned->exercise.priority, planned->seconds,
                             pairs_of(*planned, routine.pair_bits, true)});
  }
  return routine;
}

Outcome exact(const Catalogue& catalogue, const std::vector<std::string>& problems, Routine& routine, int minutes) {
  Request request;
  request.problems = problems;
  request.minutes = minutes;
  const Plan plan = valgus::make_plan(catalogue, request);
  std::uint32_t covered = 0;
  for (const PlannedExercise* planned : exercises_of(plan)) {
    covered |= pairs_of(*planned, routine.pair_bits, false);
  }
  return {__builtin_popcount(covered), plan.seconds, plan.seconds > std::int64_t{minutes} * 60};
}

Outcome greedy(const Routine& routine, std::int64_t budget_seconds) {
  std::vector<Item> kept = routine.items;
  std::int64_t total = 0;
  for (const Item& item : kept) {
    total += item.seconds;
  }
  while (total > budget_seconds) {
    std::map<int, int> servers;  // pair bit -> exercises serving it
    for (const Item& item : kept) {
      for (int bit = 0; bit < 32; ++bit) {
        if ((item.pairs >> static_cast<unsigned>(bit) & 1U) != 0) {
          ++servers[bit];
        }
      }
    }
    int drop = -1;
    for (int i = 0; i < static_cast<int>(kept.size()); ++i) {
      const Item& item = kept[static_cast<std::size_t>(i)];
      bool last = false;
      for (const auto& [bit, count] : servers) {
        last = last || ((item.pairs >> static_cast<unsigned>(bit) & 1U) != 0 && count == 1);
      }
      if (last) {
        continue;
      }
      if (drop < 0) {
        drop = i;
        continue;
      }
      const Item& best = kept[static_cast<std::size_t>(drop)];
      // Least important, then longest, then latest: later ties win.
      if (item.priority > best.priority || (item.priority == best.priority && item.seconds >= best.seconds)) {
        drop = i;
      }
    }
    if (drop < 0) {
      break;  // over budget: the old tool printed this plan
    }
    total -= kept[static_cast<std::size_t>(drop)].seconds;
    kept.erase(kept.begin() + drop);
  }
  std::uint32_t covered = 0;
  for (const Item& item : kept) {
    covered |= item.pairs;
  }
  return {__builtin_popcount(covered), total, total > budget_seconds};
}

// The shortest time that covers every pair: DP over covered-pair masks.
std::int64_t shortest_cover(const Routine& routine) {
  const std::size_t states = std::size_t{1} << static_cast<unsigned>(routine.pair_count());
  constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> best(states, none);
  best[0] = 0;
  for (const Item& item : routine.items) {
    for (std::size_t mask = states; mask-- > 0;) {  // each item once: downwards over a copy-free order
      if (best[mask] == none) {
        continue;
      }
      const std::size_t next = mask | item.pairs;
      if (next != mask) {
        best[next] = std::min(best[next], best[mask] + item.seconds);
      }
    }
  }
  return best[states - 1];
}

std::string minutes(std::int64_t seconds) { return fmt::format("{:.1f}", static_cast<double>(seconds) / 60.0); }

}  // namespace

int main(int argc, char** argv) {
  const bool detail = argc > 1 && std::strcmp(argv[1], "--detail") == 0;
  const Catalogue catalogue = valgus::builtin_catalogue();
  const int n = static_cast<int>(catalogue.problems.size());
  std::string details =
      "| problems | budget | pairs | exact pairs | exact min | greedy pairs | greedy min | greedy over |\n"
      "|---|---|---|---|---|---|---|---|\n";
  fmt::print(
      "| problems | pairs | shortest cover (DP) | greedy's shortest | greedy longer by | exact covers all from | "
      "greedy fits a full cover from | budgets: greedy over, a cover fits | budgets: greedy over budget | budgets: "
      "both fit, exact covers more |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n");
  int optimal_sets = 0;
  double worst = 0.0;
  std::string worst_set;
  int not_enough_total = 0;
  int exact_more_total = 0;
  int greedy_over_total = 0;
  int exact_over_total = 0;
  for (int set = 1; set < (1 << n); ++set) {
    std::vector<std::string> problems;
    std::vector<std::string> short_names;
    for (int p = 0; p < n; ++p) {
      if ((set >> p & 1) != 0) {
        problems.push_back(catalogue.problems[static_cast<std::size_t>(p)].id);
      }
    }
    const std::string label = fmt::format("{}", fmt::join(problems, " "));
    Routine routine = whole_routine(catalogue, problems);
    const std::int64_t cover = shortest_cover(routine);
    const Outcome greedy_min = greedy(routine, 0);
    const double longer = 100.0 * static_cast<double>(greedy_min.seconds - cover) / static_cast<double>(cover);
    if (greedy_min.seconds == cover) {
      ++optimal_sets;
    }
    if (longer > worst) {
      worst = longer;
      worst_set = label;
    }
    int exact_full_from = 0;
    int greedy_full_from = 0;
    std::vector<int> not_enough;
    std::vector<int> exact_more;
    std::vector<int> greedy_over;
    for (int budget = first_budget; budget <= last_budget; ++budget) {
      const Outcome e = exact(catalogue, problems, routine, budget);
      const Outcome g = greedy(routine, std::int64_t{budget} * 60);
      if (e.pairs == routine.pair_count() && !e.over && exact_full_from == 0) {
        exact_full_from = budget;
      }
      if (!g.over && greedy_full_from == 0) {
        greedy_full_from = budget;
      }
      if (g.over && cover <= std::int64_t{budget} * 60) {
        not_enough.push_back(budget);
      }
      if (g.over) {
        greedy_over.push_back(budget);
      }
      if (e.pairs > g.pairs && !g.over) {
        exact_more.push_back(budget);
      }
      exact_over_total += e.over ? 1 : 0;
      details += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", label, budget, routine.pair_count(),
                             e.pairs, minutes(e.seconds), g.pairs, minutes(g.seconds), g.over ? "over" : "");
    }
    not_enough_total += static_cast<int>(not_enough.size());
    exact_more_total += static_cast<int>(exact_more.size());
    greedy_over_total += static_cast<int>(greedy_over.size());
    const auto range = [](const std::vector<int>& budgets) {
      return budgets.empty() ? std::string("–")
                             : fmt::format("{}–{} ({})", budgets.front(), budgets.back(), budgets.size());
    };
    const auto from = [](int budget) { return budget == 0 ? std::string("> 45") : fmt::format("{}", budget); };
    fmt::print("| {} | {} | {} | {} | {:.1f} % | {} | {} | {} | {} | {} |\n", label, routine.pair_count(),
               minutes(cover), minutes(greedy_min.seconds), longer, from(exact_full_from), from(greedy_full_from),
               range(not_enough), range(greedy_over), range(exact_more));
  }
  fmt::print("\nsets: {}; greedy's shortest cover is the shortest in {} of them; worst {:.1f} % longer ({}).\n",
             (1 << n) - 1, optimal_sets, worst, worst_set);
  fmt::print("(set, budget) cases where greedy is over budget although a full cover fits: {} of {}.\n",
             not_enough_total, ((1 << n) - 1) * (last_budget - first_budget + 1));
  fmt::print(
      "greedy over budget: {} cases; both within budget and the exact plan covers more pairs: {}; exact over "
      "budget: {}.\n",
      greedy_over_total, exact_more_total, exact_over_total);
  if (detail) {
    fmt::print("\n{}", details);
  }
  return 0;
}
