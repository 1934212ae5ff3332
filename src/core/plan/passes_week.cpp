// Passes that fit the plan to the person's time: one routine within its
// minutes (fit_budget), or a week of sessions within their minutes and
// exercise count (plan_sessions). Both describe the choice as one integer
// programme (core/plan/week_model) over the problems' muscles: weak ones
// strengthened, tight ones released or stretched, the prescription's
// essential exercises and position drill held, then the composition, the
// active time, few distinct sessions and the shortest week.

#include "core/model/calendar_date.hpp"
#include "core/plan/passes.hpp"
#include "core/plan/week_input.hpp"
#include "core/plan/week_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace valgus {

namespace {

using week_input::covers;
using week_input::Model;
using week_input::model_of;
using week_input::Need;
using week_input::phase_serves;
using week_input::shortlist;

// Why a need no exercise of the week works is not worked.
UncoveredWhy why_uncovered(const PlanInput& in, const Model& model, std::size_t n) {
  const bool candidate = std::any_of(model.input.items.begin(), model.input.items.end(), [&](const WeekItem& item) {
    return std::find(item.needs.begin(), item.needs.end(), static_cast<int>(n)) != item.needs.end();
  });
  if (candidate) {
    return UncoveredWhy::no_room;
  }
  const Need& need = model.needs[n];
  const bool in_catalogue =
      std::any_of(in.catalogue.exercises.begin(), in.catalogue.exercises.end(), [&](const Exercise& exercise) {
        if (!phase_serves(exercise.phase, need.weak)) {
          return false;
        }
        const auto muscles = matching_muscles(in.catalogue, *need.problem, exercise);
        return std::find(muscles.begin(), muscles.end(), need.muscle) != muscles.end();
      });
  return in_catalogue && in.request.equipment ? UncoveredWhy::no_equipment : UncoveredWhy::not_in_catalogue;
}

// The phase an uncovered need asks for: strengthen for a weak muscle; for a
// tight one, the phase of the first exercise that would work it, else stretch.
Phase phase_asked(const std::vector<PlannedExercise>& exercises, const Model& model, std::size_t n) {
  if (model.needs[n].weak) {
    return Phase::strengthen;
  }
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const auto& covered = model.input.items[i].needs;
    if (std::find(covered.begin(), covered.end(), static_cast<int>(n)) != covered.end()) {
      return exercises[i].exercise.phase;
    }
  }
  return Phase::stretch;
}

// What the week leaves out, as facts: the muscles not worked, and the
// exercises the prescription calls for that it does not hold.
void say_what_is_missing(const PlanInput& in, const std::vector<PlannedExercise>& exercises, const Model& model,
                         const WeekChoice& choice, std::vector<UncoveredMuscle>& uncovered,
                         std::vector<LeftOutExercise>& left_out) {
  std::set<std::size_t> listed;
  const auto leave_out = [&](std::size_t i, LeftOutWhy why) {
    if (listed.insert(i).second) {
      left_out.push_back({exercises[i].exercise.id, exercises[i].exercise.name, why});
    }
  };
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (model.input.items[i].prescribed && choice.per_week[i] == 0) {
      leave_out(i, LeftOutWhy::essential);
    }
  }
  for (std::size_t n = 0; n < model.needs.size(); ++n) {
    if (choice.covered[n]) {
      continue;
    }
    const Need& need = model.needs[n];
    uncovered.push_back({need.problem->id, need.problem->name, need.muscle, in.catalogue.muscle_name(need.muscle),
                         phase_asked(exercises, model, n), why_uncovered(in, model, n)});
    std::vector<std::size_t> only;
    for (std::size_t i = 0; i < exercises.size(); ++i) {
      const auto& covered = model.input.items[i].needs;
      if (std::find(covered.begin(), covered.end(), static_cast<int>(n)) != covered.end()) {
        only.push_back(i);
      }
    }
    if (only.size() == 1) {
      leave_out(only.front(), LeftOutWhy::only_exercise);
    }
  }
  if (model.input.shape.need_position && !choice.position_held) {
    for (std::size_t i = 0; i < exercises.size(); ++i) {
      if (model.input.items[i].position) {
        leave_out(i, LeftOutWhy::position_drill);
        break;
      }
    }
  }
}

// The smallest value of each limit that, the others unchanged, holds
// everything; each candidate value is checked by solving again. Minutes and
// the exercise cap by bisection (a larger value only relaxes the week); days
// one count at a time, as a day more adds rest-day rules.
FitsWith smallest_fits(const PlanInput& in, const Model& model, bool week) {
  FitsWith fits;
  const auto holds = [&](const WeekShape& shape) {
    WeekInput input = model.input;
    input.shape = shape;
    return in.weeks != nullptr ? in.weeks->holds(input) : holds_everything(input);
  };
  const auto bisect = [&](int low, int high, auto&& shape_at) -> std::optional<int> {
    if (low >= high || !holds(shape_at(high))) {
      return std::nullopt;
    }
    while (high - low > 1) {  // low does not hold, high does
      const int middle = low + (high - low) / 2;
      (holds(shape_at(middle)) ? high : low) = middle;
    }
    return high;
  };
  const WeekShape& shape = model.input.shape;
  if (in.request.minutes) {
    std::int64_t all = 0;
    for (const auto& item : model.input.items) {
      all += item.seconds * std::max(item.per_week.min, 1);
    }
    const auto last = static_cast<int>(std::min<std::int64_t>(max_minutes, (all + 59) / 60));
    fits.minutes = bisect(*in.request.minutes, std::max(last, *in.request.minutes), [&](int minutes) {
      WeekShape at = shape;
      at.seconds = std::int64_t{minutes} * 60;
      return at;
    });
  }
  if (in.request.max_exercises) {
    const auto last = std::min(max_session_exercises, static_cast<int>(model.input.items.size()));
    fits.max_exercises = bisect(*in.request.max_exercises, std::max(last, *in.request.max_exercises), [&](int count) {
      WeekShape at = shape;
      at.exercises = count;
      return at;
    });
  }
  if (week) {
    for (int days = 1; days <= 7 && !fits.days; ++days) {
      WeekShape at = shape;
      at.weekdays = spread_days(days);
      if (holds(at)) {
        fits.days = days;
      }
    }
  }
  return fits;
}

// The week's choice, its shortfall stated, the exercises kept.
struct Fitted {
  WeekChoice choice;
  std::vector<UncoveredMuscle> uncovered;
  std::vector<LeftOutExercise> left_out;
  FitsWith fits_with;
  std::vector<std::optional<int>> held;  // per exercise: the stage of the earlier dose kept
};

// The choice in exercises' terms: a lighter dose's sessions are its
// exercise's, and that exercise is marked as held at its earlier dose.
void fold_lighter(const Model& model, std::size_t count, WeekChoice& choice, std::vector<std::optional<int>>& held) {
  held.assign(count, std::nullopt);
  for (std::size_t k = count; k < model.input.items.size(); ++k) {
    const auto of = static_cast<std::size_t>(model.input.items[k].lighter_of);
    if (choice.per_week[k] > 0) {
      held[of] = model.input.items[k].stage;
      choice.per_week[of] = choice.per_week[k];
    }
  }
  choice.per_week.resize(count);
  for (auto& session : choice.sessions) {
    for (auto& i : session) {
      i = i < count ? i : static_cast<std::size_t>(model.input.items[i].lighter_of);
    }
    std::sort(session.begin(), session.end());
  }
}

Fitted fit(const PlanInput& in, const std::vector<PlannedExercise>& exercises, bool week) {
  const Model model = model_of(in, exercises, week);
  Fitted fitted;
  fitted.choice = in.weeks != nullptr ? in.weeks->solve(model.input) : solve_week(model.input);
  fold_lighter(model, exercises.size(), fitted.choice, fitted.held);
  say_what_is_missing(in, exercises, model, fitted.choice, fitted.uncovered, fitted.left_out);
  const bool missing = !fitted.uncovered.empty() || !fitted.left_out.empty();
  const bool room_only = std::all_of(fitted.uncovered.begin(), fitted.uncovered.end(),
                                     [](const UncoveredMuscle& m) { return m.why == UncoveredWhy::no_room; });
  if (missing && room_only && in.request.advise) {
    fitted.fits_with = smallest_fits(in, model, week);
  }
  return fitted;
}

// The exercises the week keeps at their earlier dose take it, and the plan
// says why: the harder dose would have cost a weak muscle its work (or the
// position drill its sessions).
void hold_back(const PlanInput& in, const std::vector<std::optional<int>>& held,
               std::vector<PlannedExercise>& exercises, Draft& draft) {
  const std::string also = in.position ? fmt::format(" and the {} drill", in.position->name) : "";
  for (std::size_t i = 0; i < held.size(); ++i) {
    if (!held[i]) {
      continue;
    }
    const int stage = *held[i];
    PlannedExercise& planned = exercises[i];
    if (!planned.base_form.empty() && stage <= planned.base_form.front().stage) {
      draft.adjustments.push_back(
          {AdjustmentKind::progressed,
           fmt::format("week {}: {} stays in place of its harder form, {}: with the harder form the sessions could "
                       "not hold every weak muscle's strengthening{}",
                       in.request.week, planned.base_form.front().exercise.name, planned.exercise.name, also)});
      PlannedExercise base = std::move(planned.base_form.front());
      planned = std::move(base);
      if (stage == planned.stage) {
        continue;
      }
    }
    const EarlierDose earlier = *std::find_if(planned.earlier.begin(), planned.earlier.end(),
                                              [&](const EarlierDose& dose) { return dose.stage == stage; });
    draft.adjustments.push_back(
        {AdjustmentKind::progressed,
         fmt::format("week {}: {} stays at its earlier dose: with the harder one (due from week {}) the sessions "
                     "could not hold every weak muscle's strengthening{}",
                     in.request.week, planned.exercise.name, earlier.held_week, also)});
    planned.dose = earlier.dose;
    planned.progress = earlier.progress;
    planned.seconds = earlier.seconds;
    planned.stage = earlier.stage;
    planned.earlier.clear();
  }
}

void keep_chosen(std::vector<PlannedExercise>& exercises, const std::vector<int>& per_week, bool week) {
  std::vector<PlannedExercise> kept;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (per_week[i] > 0) {
      exercises[i].per_week = week ? per_week[i] : 1;
      kept.push_back(std::move(exercises[i]));
    }
  }
  exercises = std::move(kept);
}

void record(const PlanInput& in, Fitted& fitted, Draft& draft) {
  if (fitted.uncovered.empty() && fitted.left_out.empty()) {
    return;
  }
  TimeShortfall shortfall;
  shortfall.week = !in.request.days.empty();
  shortfall.limits = SessionLimits{static_cast<int>(std::max<std::size_t>(in.request.days.size(), 1)),
                                   in.request.minutes, in.request.max_exercises};
  shortfall.left_out = fitted.left_out;
  shortfall.uncovered = fitted.uncovered;
  shortfall.fits_with = fitted.fits_with;
  draft.adjustments.push_back({AdjustmentKind::time, {}, Phase::release, std::move(shortfall)});
  draft.uncovered = std::move(fitted.uncovered);
  draft.left_out = std::move(fitted.left_out);
  draft.fits_with = fitted.fits_with;
}

// The phases that had exercises before the time was fitted and have none
// after: their empty reason is the limits.
void say_what_time_emptied(const std::vector<PlannedExercise>& before, const std::vector<int>& per_week,
                           bool short_of_time, Draft& draft) {
  for (const Phase phase : all_phases) {
    bool had = false;
    bool has = false;
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (before[i].exercise.phase == phase) {
        had = true;
        has = has || per_week[i] > 0;
      }
    }
    if (had && !has) {
      draft.time_emptied[static_cast<std::size_t>(phase)] =
          short_of_time ? "none fits the session with the rest; see above"
                        : "none needed: the week's other exercises work these muscles";
    }
  }
}

}  // namespace

void passes::fit_budget(const PlanInput& in, Draft& draft) {
  if (!in.request.days.empty() || !in.request.minutes) {
    return;  // a week is fitted by plan_sessions; no budget, nothing to fit
  }
  std::int64_t seconds = 0;
  for (const auto& planned : draft.exercises) {
    seconds += planned.seconds;
  }
  const auto count = static_cast<int>(draft.exercises.size());
  if (seconds <= std::int64_t{*in.request.minutes} * 60 && count <= in.request.max_exercises.value_or(count)) {
    return;  // the whole routine fits: a coach asked for every exercise
  }
  draft.exercises = shortlist(in, std::move(draft.exercises));
  Fitted fitted = fit(in, draft.exercises, false);
  hold_back(in, fitted.held, draft.exercises, draft);
  say_what_time_emptied(draft.exercises, fitted.choice.per_week, !fitted.uncovered.empty() || !fitted.left_out.empty(),
                        draft);
  record(in, fitted, draft);
  keep_chosen(draft.exercises, fitted.choice.per_week, false);
}

void passes::plan_sessions(const PlanInput& in, Draft& draft) {
  const Request& request = in.request;
  if (request.days.empty()) {
    return;
  }
  auto& chosen = draft.exercises;
  chosen = shortlist(in, std::move(chosen));
  Fitted fitted = fit(in, chosen, true);
  hold_back(in, fitted.held, chosen, draft);
  // Identical sessions are one session done on several days.
  std::vector<PlannedSession> sessions;
  for (std::size_t d = 0; d < fitted.choice.sessions.size(); ++d) {
    std::vector<std::string> ids;
    std::int64_t seconds = 0;
    for (const std::size_t i : fitted.choice.sessions[d]) {
      ids.push_back(chosen[i].exercise.id);
      seconds += chosen[i].seconds;
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
  say_what_time_emptied(chosen, fitted.choice.per_week, !fitted.uncovered.empty() || !fitted.left_out.empty(), draft);
  record(in, fitted, draft);
  keep_chosen(chosen, fitted.choice.per_week, true);
  draft.sessions = std::move(sessions);
}

}  // namespace valgus
