#include "core/follow/stage.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>

namespace valgus {
namespace {

// Training days in [from, to] that are on or after `start`: whole weeks
// counted at once, then the days left over (every review of a ten-year log
// asks this).
int planned_between(const std::vector<int>& days, Date start, Date from, Date to) {
  const Date first = std::max(from, start);
  if (to < first) {
    return 0;
  }
  std::array<bool, 7> trains{};
  for (const int day : days) {
    if (day >= 0 && day < 7) {
      trains.at(static_cast<std::size_t>(day)) = true;
    }
  }
  const int span = days_between(first, to) + 1;
  int count = static_cast<int>(std::count(trains.begin(), trains.end(), true)) * (span / 7);
  const int first_day = weekday(first);
  for (int k = 0; k < span % 7; ++k) {
    count += trains.at(static_cast<std::size_t>((first_day + k) % 7)) ? 1 : 0;
  }
  return count;
}

// What the records of [from, to) say.
struct Window {
  int done = 0;
  int with_pain = 0;
  int pain_sum = 0;
  int hard = 0;
  int highest = -1;  // the highest pain, and the first session that had it
  Date highest_on;
};

Window window_of(const std::vector<SessionRecord>& records, Date from, Date to) {
  Window window;
  const auto first = std::lower_bound(records.begin(), records.end(), from,
                                      [](const SessionRecord& record, Date date) { return record.date < date; });
  for (auto it = first; it != records.end() && it->date < to; ++it) {
    ++window.done;
    if (const auto pain = it->worst_pain()) {
      ++window.with_pain;
      window.pain_sum += *pain;
      if (*pain > window.highest) {
        window.highest = *pain;
        window.highest_on = it->date;
      }
    }
    window.hard += it->effort == Effort::hard ? 1 : 0;
  }
  return window;
}

std::string stage_words(const std::vector<int>& weeks, int stage) {
  (void)weeks;  // a stage is named by its number; what it changes is said where it is shown
  return fmt::format("stage {}", stage + 1);
}

std::string mean_text(int sum, int count) { return fmt::format("{:.1f}", static_cast<double>(sum) / count); }

// The advance rule over the window ending before `boundary`: the decision,
// or nullopt when no decision is due (no next stage, its week not yet come,
// or the stage younger than the window).
std::optional<StageDecision> review(const ProgressionRule& rule, const ProgressionRule* hold,
                                    const std::vector<int>& weeks, Date start, const std::vector<int>& days,
                                    const std::vector<SessionRecord>& records, Date boundary, int stage,
                                    Date stage_began) {
  const int next = stage + 1;
  if (next >= static_cast<int>(weeks.size())) {
    return std::nullopt;
  }
  const int programme_week = days_between(start, boundary) / 7 + 1;
  if (weeks.at(static_cast<std::size_t>(next)) > programme_week ||
      days_between(stage_began, boundary) < rule.window_days) {
    return std::nullopt;
  }
  const Date from = add_days(boundary, -rule.window_days);
  const int planned = planned_between(days, start, from, add_days(boundary, -1));
  const Window window = window_of(records, from, boundary);
  const int weeks_in_window = rule.window_days / 7;
  const std::string span = rule.window_days % 7 == 0 ? fmt::format("the last {} weeks", weeks_in_window)
                                                     : fmt::format("the last {} days", rule.window_days);
  const int adherence = planned == 0 ? 0 : std::min(100, window.done * 100 / planned);
  StageDecision decision{boundary, StageMove::hold, stage, stage, ""};
  if (planned == 0 || adherence < rule.adherence_percent) {
    decision.why =
        fmt::format("held at {}: {} of {} planned sessions done in {} ({} %), under {} %", stage_words(weeks, stage),
                    std::min(window.done, planned), planned, span, adherence, rule.adherence_percent);
    return decision;
  }
  if (hold != nullptr && window.highest >= hold->pain_at_least) {
    decision.why =
        fmt::format("held at {}: pain of {}/10 on {}; the doses wait for {} with pain under {}/10",
                    stage_words(weeks, stage), window.highest, to_string(window.highest_on), span, hold->pain_at_least);
    return decision;
  }
  if (window.with_pain > 0 && window.pain_sum > rule.mean_pain_at_most * window.with_pain) {
    decision.why = fmt::format("held at {}: mean pain {}/10 in {}, above {}/10", stage_words(weeks, stage),
                               mean_text(window.pain_sum, window.with_pain), span, rule.mean_pain_at_most);
    return decision;
  }
  if (window.hard > rule.hard_sessions_at_most) {
    decision.why = fmt::format("held at {}: {} session{} felt hard in {}", stage_words(weeks, stage), window.hard,
                               window.hard == 1 ? "" : "s", span);
    return decision;
  }
  decision.move = StageMove::advance;
  decision.to = next;
  const std::string pain = window.with_pain == 0
                               ? "no pain logged"
                               : fmt::format("mean pain {}/10", mean_text(window.pain_sum, window.with_pain));
  decision.why = fmt::format("moved on to {}: {} of {} planned sessions done in {} ({} %), {}, none too hard",
                             stage_words(weeks, next), std::min(window.done, planned), planned, span, adherence, pain);
  return decision;
}

}  // namespace

std::string_view to_string(SafetyKind kind) {
  for (const auto& entry : safety_kind_names) {
    if (entry.value == kind) {
      return entry.name;
    }
  }
  return "pause";
}

std::optional<SafetyKind> parse_safety_kind(std::string_view text) {
  for (const auto& entry : safety_kind_names) {
    if (entry.name == text) {
      return entry.value;
    }
  }
  return std::nullopt;
}

std::vector<int> stage_weeks(const Catalogue& catalogue, const Plan& plan) {
  std::vector<int> weeks{1};
  for (const PlannedPhase& phase : plan.phases) {
    for (const PlannedExercise& planned : phase.exercises) {
      for (const Progression& progression : planned.exercise.progressions) {
        weeks.push_back(progression.week);
      }
      for (const Exercise& form : catalogue.exercises) {
        if (form.variant_of == planned.exercise.id && form.from_week > 0) {
          weeks.push_back(form.from_week);
        }
      }
    }
  }
  std::sort(weeks.begin(), weeks.end());
  weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
  weeks.erase(std::remove_if(weeks.begin(), weeks.end(), [](int week) { return week < 1 || week > max_week; }),
              weeks.end());
  return weeks;
}

StageState stage_on(const Catalogue& catalogue, const std::vector<int>& weeks, Date start, const std::vector<int>& days,
                    const std::vector<SessionRecord>& records, const std::vector<SafetyEvent>& events, Date date) {
  StageState state;
  state.stages = static_cast<int>(weeks.size());
  state.decisions.push_back(
      {start, StageMove::start, 0, 0, fmt::format("the programme starts at {}", stage_words(weeks, 0))});
  const ProgressionRule* advance = catalogue.progression_rule(ProgressionKind::advance);
  const ProgressionRule* hold = catalogue.progression_rule(ProgressionKind::hold);
  const ProgressionRule* step_back = catalogue.progression_rule(ProgressionKind::step_back);
  Date stage_began = start;
  int painful = 0;  // sessions since the stage began at or above the step-back pain
  auto record = std::lower_bound(records.begin(), records.end(), start,
                                 [](const SessionRecord& r, Date d) { return r.date < d; });
  auto event = events.begin();
  for (; event != events.end() && event->date < start; ++event) {
  }
  const auto paused_on = [&](Date day) {
    return std::any_of(events.begin(), events.end(),
                       [&](const SafetyEvent& e) { return e.kind == SafetyKind::pause && e.date == day; });
  };
  int since_start = -1;  // days from start to day, counted along
  for (Date day = start; day <= date; day = add_days(day, 1)) {
    ++since_start;
    for (; event != events.end() && event->date == day; ++event) {
      if (event->kind == SafetyKind::pause && !state.pause) {
        state.pause = *event;
      } else if (event->kind == SafetyKind::resume && state.pause) {
        // Back one stage after a pause, jumps and hops left out until the
        // programme moves on again.
        const int to = std::max(0, state.stage - 1);
        state.decisions.push_back(
            {day, StageMove::resume, state.stage, to,
             fmt::format("resumed after the pause of {} ({}): {}", to_string(state.pause->date), state.pause->reason,
                         state.stage == 0 ? fmt::format("back at {}, the first", stage_words(weeks, 0))
                                          : fmt::format("one stage lower, {}", stage_words(weeks, to)))});
        state.stage = to;
        state.pause.reset();
        state.impact_out = true;
        stage_began = day;
        painful = 0;
      }
    }
    if (advance != nullptr && !state.pause && since_start > 0 && since_start % 7 == 0) {
      if (auto decision = review(*advance, hold, weeks, start, days, records, day, state.stage, stage_began)) {
        if (decision->move == StageMove::advance) {
          state.stage = decision->to;
          stage_began = day;
          painful = 0;
          state.see_clinician = false;
          state.impact_out = false;
        }
        state.decisions.push_back(std::move(*decision));
      }
    }
    for (; record != records.end() && record->date == day; ++record) {
      const auto pain = record->worst_pain();
      // A session that paused the programme steps it back on resume instead.
      if (step_back == nullptr || state.pause || !pain || *pain < step_back->pain_at_least || paused_on(day)) {
        continue;
      }
      if (++painful < step_back->sessions) {
        continue;
      }
      const Date next_day = add_days(day, 1);
      if (next_day > date) {
        break;  // decided tomorrow
      }
      const int to = std::max(0, state.stage - 1);
      const std::string what = state.stage == 0 ? fmt::format("stayed at {}, the first", stage_words(weeks, 0))
                                                : fmt::format("stepped back to {}", stage_words(weeks, to));
      const std::string count = painful == 1 ? "a session" : fmt::format("{} sessions", painful);
      state.decisions.push_back({next_day, StageMove::step_back, state.stage, to,
                                 fmt::format("{}: {} with pain of {}/10 or more (during a session or the "
                                             "next morning); jumps and hops wait until the programme moves on; if the "
                                             "pain persists, see a clinician",
                                             what, count, step_back->pain_at_least)});
      state.stage = to;
      state.see_clinician = true;
      state.impact_out = true;
      stage_began = next_day;
      painful = 0;
    }
  }
  state.week = weeks.at(static_cast<std::size_t>(state.stage));
  return state;
}

std::optional<SafetyEvent> referral_in_force(const std::vector<SafetyEvent>& events) {
  std::optional<SafetyEvent> referral;
  for (const SafetyEvent& event : events) {
    if (event.kind == SafetyKind::referred) {
      referral = event;
    } else if (event.kind == SafetyKind::cleared) {
      referral.reset();
    }
  }
  return referral;
}

std::optional<SafetyEvent> pause_in_force(const std::vector<SafetyEvent>& events) {
  std::optional<SafetyEvent> pause;
  for (const SafetyEvent& event : events) {
    if (event.kind == SafetyKind::pause && !pause) {
      pause = event;
    } else if (event.kind == SafetyKind::resume) {
      pause.reset();
    }
  }
  return pause;
}

std::optional<SafetyEvent> pause_for(const Catalogue& catalogue, const LoggedSession& session,
                                     const std::vector<SessionRecord>& records,
                                     const std::vector<SafetyEvent>& events) {
  if (pause_in_force(events)) {
    return std::nullopt;  // the first pause stands until resumed
  }
  std::optional<Date> since;  // the last resume
  for (const SafetyEvent& event : events) {
    if (event.kind == SafetyKind::resume) {
      since = event.date;
    }
  }
  if (!session.symptoms.empty()) {
    std::vector<std::string> names;
    for (const std::string& id : session.symptoms) {
      const Symptom* symptom = catalogue.find_symptom(id);
      names.push_back(symptom != nullptr ? symptom->name : id);
    }
    return SafetyEvent{session.date, SafetyKind::pause,
                       fmt::format("{} logged on {}", join_and(names), to_string(session.date))};
  }
  const ProgressionRule* rule = catalogue.progression_rule(ProgressionKind::pause);
  SessionRecord now{session.date, session.pain, session.effort, session.next_morning_pain, false};
  const auto pain = now.worst_pain();
  if (rule == nullptr || !pain || *pain < rule->pain_at_least) {
    return std::nullopt;
  }
  int count = 1;
  for (const SessionRecord& record : records) {
    const auto earlier = record.worst_pain();
    count +=
        record.date != session.date && (!since || record.date >= *since) && earlier && *earlier >= rule->pain_at_least
            ? 1
            : 0;
  }
  if (count < rule->sessions) {
    return std::nullopt;
  }
  const bool morning = session.next_morning_pain && (!session.pain || *session.next_morning_pain > *session.pain);
  return SafetyEvent{session.date, SafetyKind::pause,
                     morning ? fmt::format("pain of {}/10 the morning after {}", *pain, to_string(session.date))
                             : fmt::format("pain of {}/10 on {}", *pain, to_string(session.date))};
}

DayPlan day_plan(const Plan& plan, Date start, Date date) {
  DayPlan day;
  day.date = date;
  const int since = days_between(start, date);
  day.programme_week = since < 0 ? 0 : since / 7 + 1;
  const auto session_on = [&](Date when) -> const PlannedSession* {
    if (when < start) {
      return nullptr;
    }
    for (const PlannedSession& session : plan.sessions) {
      if (std::find(session.days.begin(), session.days.end(), weekday(when)) != session.days.end()) {
        return &session;
      }
    }
    return nullptr;
  };
  day.session = session_on(date);
  if (day.session != nullptr) {
    for (const std::string& id : day.session->exercise_ids) {
      for (const PlannedPhase& phase : plan.phases) {
        for (const PlannedExercise& planned : phase.exercises) {
          if (planned.exercise.id == id) {
            day.exercises.push_back(planned);
          }
        }
      }
    }
  }
  // The next training day: within a week of the date, or of the start.
  const Date from = std::max(add_days(date, 1), start);
  for (int ahead = 0; ahead < 7; ++ahead) {
    const Date candidate = add_days(from, ahead);
    if (const PlannedSession* next = session_on(candidate)) {
      day.next_date = candidate;
      day.next_session = next;
      break;
    }
  }
  return day;
}

const PlannedSession* session_for_log(const Plan& plan, Date date) {
  for (int ahead = 0; ahead < 7; ++ahead) {
    const int day = weekday(add_days(date, ahead));
    for (const PlannedSession& session : plan.sessions) {
      if (std::find(session.days.begin(), session.days.end(), day) != session.days.end()) {
        return &session;
      }
    }
  }
  return nullptr;
}

std::vector<WeekProgress> progress_by_week(const StageState& state, const std::vector<int>& weeks, Date start,
                                           const std::vector<int>& days, const std::vector<SessionRecord>& records,
                                           Date date) {
  std::vector<WeekProgress> out;
  if (date < start) {
    return out;
  }
  const int last_week = days_between(start, date) / 7 + 1;
  auto decision = state.decisions.begin();
  int stage = 0;
  for (int week = 1; week <= last_week; ++week) {
    WeekProgress row;
    row.week = week;
    row.first = add_days(start, 7 * (week - 1));
    const Date last = std::min(add_days(row.first, 6), date);
    row.planned = planned_between(days, start, row.first, last);
    const Window window = window_of(records, row.first, add_days(last, 1));
    row.done = window.done;
    row.hard = window.hard;
    if (row.planned > 0) {
      row.adherence_percent = std::min(100, row.done * 100 / row.planned);
    }
    if (window.with_pain > 0) {
      row.mean_pain = static_cast<double>(window.pain_sum) / window.with_pain;
    }
    for (; decision != state.decisions.end() && decision->date <= last; ++decision) {
      stage = decision->to;
    }
    row.stage = stage;
    row.stage_week = weeks.at(static_cast<std::size_t>(stage));
    out.push_back(row);
  }
  return out;
}

}  // namespace valgus
