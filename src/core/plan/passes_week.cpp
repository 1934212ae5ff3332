// Passes that fit the plan to the person's time: one routine within its
// minutes (fit_budget), or a week of sessions within their minutes and
// exercise count (plan_sessions). Both choose exactly (core/optimiser): the
// most (problem, phase) pairs, then priority, the position, the shortest.

#include "core/model/text.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/sessions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace valgus {

namespace {

constexpr int phase_count = static_cast<int>(all_phases.size());

// The bit of a (problem, phase) pair: problems in the plan's order.
PairMask mask_of(const PlanInput& in, const PlannedExercise& planned) {
  PairMask mask = 0;
  for (const Reason& reason : planned.reasons) {
    const auto found = std::find_if(in.problems.begin(), in.problems.end(),
                                    [&](const Problem* problem) { return problem->id == reason.problem_id; });
    if (found != in.problems.end()) {
      const auto problem = static_cast<int>(found - in.problems.begin());
      mask |= PairMask{1} << static_cast<unsigned>(problem * phase_count + static_cast<int>(planned.exercise.phase));
    }
  }
  return mask;
}

std::vector<PairMask> masks_of(const PlanInput& in, const std::vector<PlannedExercise>& exercises) {
  std::vector<PairMask> masks;
  masks.reserve(exercises.size());
  for (const auto& planned : exercises) {
    masks.push_back(mask_of(in, planned));
  }
  return masks;
}

PairMask union_of(const std::vector<PairMask>& masks) {
  PairMask all = 0;
  for (const PairMask mask : masks) {
    all |= mask;
  }
  return all;
}

std::vector<WeekItem> items_of(const PlanInput& in, const std::vector<PlannedExercise>& exercises,
                               const std::vector<PairMask>& masks) {
  std::vector<WeekItem> items;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const PlannedExercise& planned = exercises[i];
    WeekItem item;
    item.pairs = masks[i];
    item.seconds = planned.seconds;
    item.priority = planned.exercise.priority;
    item.integrate = planned.exercise.phase == Phase::integrate;
    item.position = trains_position(planned, in.position);
    item.per_week = in.catalogue.per_week(planned.exercise.phase);
    items.push_back(item);
  }
  return items;
}

std::int64_t total_seconds(const std::vector<WeekItem>& items) {
  std::int64_t total = 0;
  for (const auto& item : items) {
    total += item.seconds;
  }
  return total;
}

// The pairs of `missing`, each with the smallest session minutes and the
// fewest days at which `cover` (the week or routine as planned for those
// limits) covers it. Minutes are searched up to where the budget no longer
// binds (every exercise fits in one session), by bisection since coverage
// grows with minutes; days one by one up to seven.
template <typename Cover>
std::vector<UncoveredPair> what_would_cover(const PlanInput& in, PairMask missing, int minutes, int days,
                                            std::int64_t all_seconds, bool search, Cover cover) {
  std::map<int, UncoveredPair> found;  // by bit
  for (int bit = 0; bit < 64; ++bit) {
    if ((missing >> static_cast<unsigned>(bit)) & PairMask{1}) {
      const Problem* problem = in.problems[static_cast<std::size_t>(bit / phase_count)];
      found[bit] = UncoveredPair{problem->id, problem->name, all_phases[static_cast<std::size_t>(bit % phase_count)],
                                 std::nullopt, std::nullopt};
    }
  }
  // Minutes: coverage grows with the budget, so each pair's smallest
  // covering minute is found by bisection, over one shared memo of plans.
  std::map<int, PairMask> by_minutes;
  const auto covered_at = [&](int m) {
    const auto known = by_minutes.find(m);
    return known != by_minutes.end() ? known->second : by_minutes.emplace(m, cover(m, days)).first->second;
  };
  if (!search) {
    // A choice beyond the search limit: planning it again for every minute
    // would take as long again, many times over; say nothing rather than guess.
    std::vector<UncoveredPair> pairs;
    for (auto& entry : found) {
      pairs.push_back(std::move(entry.second));
    }
    return pairs;
  }
  const auto last_minute = static_cast<int>(std::min<std::int64_t>(max_minutes, (all_seconds + 59) / 60));
  if (last_minute > minutes) {
    const PairMask reachable = covered_at(last_minute) & missing;
    for (auto& [bit, pair] : found) {
      const PairMask mask = PairMask{1} << static_cast<unsigned>(bit);
      if ((reachable & mask) == 0) {
        continue;
      }
      int low = minutes;       // not covered (the plan as asked)
      int high = last_minute;  // covered
      while (high - low > 1) {
        const int middle = low + (high - low) / 2;
        ((covered_at(middle) & mask) != 0 ? high : low) = middle;
      }
      pair.needs_minutes = high;
    }
  }
  PairMask left = missing;
  for (int d = days + 1; left != 0 && d <= 7; ++d) {
    const PairMask covered = cover(minutes, d) & left;
    for (auto& [bit, pair] : found) {
      if ((covered >> static_cast<unsigned>(bit)) & PairMask{1}) {
        pair.needs_days = d;
      }
    }
    left &= ~covered;
  }
  std::vector<UncoveredPair> pairs;
  for (auto& entry : found) {
    pairs.push_back(std::move(entry.second));
  }
  return pairs;
}

std::vector<std::string> names_left_out(const std::vector<PlannedExercise>& exercises, const std::vector<bool>& kept) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (!kept[i]) {
      names.push_back(exercises[i].exercise.name);
    }
  }
  return names;
}

// The smallest minutes and the fewest days that cover every pair of the
// shortfall, each when there is one.
void add_ways_to_cover(TimeShortfall& shortfall) {
  std::optional<int> minutes;
  std::optional<int> days;
  bool minutes_cover = true;
  bool days_cover = true;
  for (const auto& pair : shortfall.uncovered) {
    minutes_cover = minutes_cover && pair.needs_minutes.has_value();
    days_cover = days_cover && pair.needs_days.has_value();
    if (pair.needs_minutes) {
      minutes = std::max(minutes.value_or(0), *pair.needs_minutes);
    }
    if (pair.needs_days) {
      days = std::max(days.value_or(0), *pair.needs_days);
    }
  }
  if (minutes && minutes_cover) {
    shortfall.ways.push_back({Limit::minutes, *minutes});
  }
  if (shortfall.kind == ShortfallKind::week_pairs && days && days_cover) {
    shortfall.ways.push_back({Limit::days, *days});
  }
  shortfall.remedy = shortfall.ways.empty() ? Remedy::none : Remedy::found;
}

// The pairs the plan leaves uncovered, as the time adjustment: with the
// smallest minutes and the fewest days that cover every one of them, each
// when there is one.
void say_what_covers_all(ShortfallKind kind, const SessionLimits& limits, bool searched, Draft& draft) {
  TimeShortfall shortfall;
  shortfall.kind = kind;
  shortfall.limits = limits;
  shortfall.uncovered = draft.uncovered;
  if (searched) {
    add_ways_to_cover(shortfall);
  } else {
    shortfall.remedy = Remedy::not_searched;
  }
  draft.adjustments.push_back({AdjustmentKind::time, {}, Phase::release, std::move(shortfall)});
}

// Drops the exercises not kept.
void keep_only(std::vector<PlannedExercise>& exercises, const std::vector<bool>& kept) {
  std::vector<PlannedExercise> out;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (kept[i]) {
      out.push_back(std::move(exercises[i]));
    }
  }
  exercises = std::move(out);
}

// Whether a week holds every item at least once.
bool holds_all(const Week& week, std::size_t items) {
  std::vector<bool> in(items, false);
  for (const auto& session : week.sessions) {
    for (const std::size_t i : session) {
      in[i] = true;
    }
  }
  return std::find(in.begin(), in.end(), false) == in.end();
}

// What would hold every exercise of the routine in the week: the smallest
// session minutes (by bisection: a longer session holds at least as much),
// or the fewest days, or else the exercise cap is in the way.
template <typename Solve>
void say_what_fits_everything(const Request& request, int days, const std::vector<WeekItem>& items, bool searched,
                              Solve solve, TimeShortfall& shortfall) {
  if (!searched) {
    shortfall.remedy = Remedy::not_searched;
    return;
  }
  // A week of d days holds every item its weekly minimum times only if
  // that many slots exist: no need to plan a week that cannot.
  const auto room_for_all = [&](int d) {
    if (!request.max_exercises) {
      return true;
    }
    int slots = 0;
    for (const auto& item : items) {
      slots += std::min(std::max(item.per_week.min, 1), d);
    }
    return slots <= d * *request.max_exercises;
  };
  if (request.minutes && room_for_all(days)) {
    const auto last = static_cast<int>(std::min<std::int64_t>(max_minutes, (total_seconds(items) + 59) / 60));
    if (last > *request.minutes && holds_all(solve(last, days), items.size())) {
      int low = *request.minutes;
      int high = last;
      while (high - low > 1) {
        const int middle = low + (high - low) / 2;
        (holds_all(solve(middle, days), items.size()) ? high : low) = middle;
      }
      shortfall.ways.push_back({Limit::minutes, high});
    }
  }
  for (int d = days + 1; d <= 7; ++d) {
    if (room_for_all(d) && holds_all(solve(request.minutes, d), items.size())) {
      shortfall.ways.push_back({Limit::days, d});
      break;
    }
  }
  shortfall.remedy = shortfall.ways.empty() ? Remedy::none : Remedy::found;
  if (shortfall.ways.empty() && request.max_exercises) {
    shortfall.held_back_by = LimitValue{Limit::max_exercises, *request.max_exercises};
  }
}

// The phases that had exercises before the time was fitted and have none
// after: their empty reason is the time.
void say_what_time_emptied(const std::vector<PlannedExercise>& before, const std::vector<bool>& kept, int minutes,
                           Draft& draft) {
  for (const Phase phase : all_phases) {
    bool had = false;
    bool has = false;
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (before[i].exercise.phase == phase) {
        had = true;
        has = has || kept[i];
      }
    }
    if (had && !has) {
      draft.time_emptied[static_cast<std::size_t>(phase)] = fmt::format(
          "no {} exercise fits {} min with the rest; see what would cover it above", to_string(phase), minutes);
    }
  }
}

void say_if_unproven(const Week& week, Draft& draft) {
  if (!week.proven) {
    draft.adjustments.push_back(
        {AdjustmentKind::time, fmt::format("so many exercises fit that the choice is the best of the first {} "
                                           "considered, not proven the best; fewer problems or a smaller catalogue "
                                           "give an exact one",
                                           max_search_nodes)});
  }
}

}  // namespace

void passes::fit_budget(const PlanInput& in, Draft& draft) {
  if (!in.request.days.empty() || !in.request.minutes) {
    return;  // a week is fitted by plan_sessions; no budget, nothing to fit
  }
  auto& chosen = draft.exercises;
  const std::vector<PairMask> masks = masks_of(in, chosen);
  const std::vector<WeekItem> items = items_of(in, chosen, masks);
  const auto solve = [&](int minutes) {
    WeekLimits limits;
    limits.days = 1;
    limits.seconds = std::int64_t{minutes} * 60;
    limits.exercises = in.request.max_exercises;
    limits.need_position = in.position.has_value();
    return plan_week(items, limits);
  };
  const int minutes = *in.request.minutes;
  const Week week = solve(minutes);
  std::vector<bool> kept(chosen.size(), false);
  for (const std::size_t i : week.sessions.front()) {
    kept[i] = true;
  }
  if (std::find(kept.begin(), kept.end(), false) != kept.end()) {
    draft.adjustments.push_back({AdjustmentKind::time, fmt::format("{} min budget: left out {}", minutes,
                                                                   join(names_left_out(chosen, kept), ", "))});
  }
  say_if_unproven(week, draft);
  say_what_time_emptied(chosen, kept, minutes, draft);
  const PairMask missing = union_of(masks) & ~week.covered;
  if (missing != 0) {
    draft.uncovered = what_would_cover(in, missing, minutes, 1, total_seconds(items), week.proven,
                                       [&](int m, int /*days*/) { return solve(m).covered; });
    say_what_covers_all(ShortfallKind::routine_pairs, SessionLimits{1, minutes, in.request.max_exercises}, week.proven,
                        draft);
  }
  keep_only(chosen, kept);
}

void passes::plan_sessions(const PlanInput& in, Draft& draft) {
  const Request& request = in.request;
  if (request.days.empty()) {
    return;
  }
  auto& chosen = draft.exercises;
  const std::vector<PairMask> masks = masks_of(in, chosen);
  const std::vector<WeekItem> items = items_of(in, chosen, masks);
  const auto solve = [&](std::optional<int> minutes, int days) {
    WeekLimits limits;
    limits.days = days;
    if (minutes) {
      limits.seconds = std::int64_t{*minutes} * 60;
    }
    limits.exercises = request.max_exercises;
    limits.need_position = in.position.has_value();
    return plan_week(items, limits);
  };
  const int days = static_cast<int>(request.days.size());
  const Week week = solve(request.minutes, days);

  // Identical sessions are one session done on several days.
  std::vector<int> per_week(chosen.size(), 0);
  std::vector<PlannedSession> sessions;
  for (std::size_t d = 0; d < week.sessions.size(); ++d) {
    std::vector<std::string> ids;
    std::int64_t seconds = 0;
    for (const std::size_t i : week.sessions[d]) {
      ids.push_back(chosen[i].exercise.id);
      seconds += chosen[i].seconds;
      ++per_week[i];
    }
    const auto same = std::find_if(sessions.begin(), sessions.end(),
                                   [&](const PlannedSession& session) { return session.exercise_ids == ids; });
    if (same != sessions.end()) {
      same->days.push_back(request.days[d]);
      continue;
    }
    const auto letter = static_cast<char>('A' + static_cast<int>(sessions.size()));
    sessions.push_back(PlannedSession{std::string(1, letter), {request.days[d]}, std::move(ids), seconds});
  }

  std::vector<bool> kept(chosen.size(), false);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    kept[i] = per_week[i] > 0;
    chosen[i].per_week = per_week[i];
  }
  if (std::find(kept.begin(), kept.end(), false) != kept.end()) {
    TimeShortfall shortfall;
    shortfall.kind = ShortfallKind::week_exercises;
    shortfall.limits = SessionLimits{days, request.minutes, request.max_exercises};
    shortfall.left_out = names_left_out(chosen, kept);
    say_what_fits_everything(
        request, days, items, week.proven, [&](std::optional<int> m, int d) { return solve(m, d); }, shortfall);
    draft.adjustments.push_back({AdjustmentKind::time, {}, Phase::release, std::move(shortfall)});
  }
  say_if_unproven(week, draft);
  say_what_time_emptied(chosen, kept, request.minutes.value_or(max_minutes), draft);
  const PairMask missing = union_of(masks) & ~week.covered;
  if (missing != 0) {
    draft.uncovered = what_would_cover(in, missing, request.minutes.value_or(max_minutes), days, total_seconds(items),
                                       week.proven, [&](int m, int d) { return solve(m, d).covered; });
    say_what_covers_all(ShortfallKind::week_pairs, SessionLimits{days, request.minutes, request.max_exercises},
                        week.proven, draft);
  }
  keep_only(chosen, kept);
  draft.sessions = std::move(sessions);
}

}  // namespace valgus
