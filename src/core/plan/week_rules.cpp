// The week's hard rules and goals on a given week: what solve_week's
// integer programme encodes, written as plain checks, so tests can compare
// the solver's answer with an enumeration of every week.

#include "core/plan/week_model.hpp"

#include <algorithm>
#include <utility>

namespace valgus {

namespace {

std::vector<int> sessions_of(const WeekInput& input, const std::vector<std::vector<std::size_t>>& sessions) {
  std::vector<int> count(input.items.size(), 0);
  for (const auto& session : sessions) {
    for (const std::size_t i : session) {
      ++count[i];
    }
  }
  return count;
}

bool session_keeps_rules(const WeekInput& input, const std::vector<std::size_t>& session, bool integrate_rule) {
  std::int64_t seconds = 0;
  std::int64_t active_seconds = 0;
  std::array<int, 4> by_phase{};
  for (const std::size_t i : session) {
    const WeekItem& item = input.items[i];
    seconds += item.seconds;
    active_seconds += active_phase(item.phase) ? item.seconds : 0;
    ++by_phase[static_cast<std::size_t>(item.phase)];
    for (const int other : item.apart_from) {
      if (std::find(session.begin(), session.end(), static_cast<std::size_t>(other)) != session.end()) {
        return false;
      }
    }
  }
  const Composition& rules = input.composition;
  for (const Phase phase : all_phases) {
    const auto most = rules.most[static_cast<std::size_t>(phase)];
    if (most && by_phase[static_cast<std::size_t>(phase)] > *most) {
      return false;
    }
  }
  return (!input.shape.seconds || seconds <= *input.shape.seconds) &&
         (!input.shape.exercises || static_cast<int>(session.size()) <= *input.shape.exercises) &&
         100 * active_seconds >= std::int64_t{rules.active_percent} * seconds &&
         (!integrate_rule || by_phase[static_cast<std::size_t>(Phase::integrate)] >= 1);
}

}  // namespace

bool integration_rule_asked(const WeekInput& input) {
  return input.composition.integrate_every_session &&
         std::any_of(input.items.begin(), input.items.end(), [&](const WeekItem& item) {
           return item.phase == Phase::integrate && fits_alone(item, input.shape);
         });
}

bool keeps_rules(const WeekInput& input, const std::vector<std::vector<std::size_t>>& sessions,
                 bool integration_lapsed) {
  const auto days = static_cast<int>(input.shape.weekdays.size());
  if (static_cast<int>(sessions.size()) != days) {
    return false;
  }
  const bool integrate_rule = !integration_lapsed && integration_rule_asked(input);
  for (const auto& session : sessions) {
    if (!std::is_sorted(session.begin(), session.end()) ||
        std::adjacent_find(session.begin(), session.end()) != session.end() ||
        !session_keeps_rules(input, session, integrate_rule)) {
      return false;
    }
  }
  if (-score_week(input, sessions)[static_cast<std::size_t>(WeekGoal::few_sessions)] > std::min(days, 3)) {
    return false;  // at most three sessions, done in turn
  }
  const std::vector<int> count = sessions_of(input, sessions);
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    const WeekItem& item = input.items[i];
    if (count[i] == 0) {
      continue;
    }
    const int least = std::min(std::max(item.per_week.min, 1), days);
    const int most = std::min(item.per_week.max > 0 ? item.per_week.max : days, days);
    if (count[i] < least || count[i] > most || !fits_alone(item, input.shape)) {
      return false;
    }
    for (std::size_t k = 0; k < input.items.size(); ++k) {
      const int of = input.items[k].lighter_of;
      if (count[k] > 0 && k != i && (of == static_cast<int>(i) || (of >= 0 && of == item.lighter_of))) {
        return false;  // one dose of an exercise
      }
    }
    if (item.resisted) {
      for (int a = 0; a < days; ++a) {
        for (int b = 0; b < days; ++b) {
          const int gap = (input.shape.weekdays[static_cast<std::size_t>(b)] -
                           input.shape.weekdays[static_cast<std::size_t>(a)] + 7) %
                          7;
          const auto& first = sessions[static_cast<std::size_t>(a)];
          const auto& second = sessions[static_cast<std::size_t>(b)];
          if (a != b && gap == 1 && std::count(first.begin(), first.end(), i) != 0 &&
              std::count(second.begin(), second.end(), i) != 0) {
            return false;
          }
        }
      }
    }
  }
  return true;
}

std::array<std::int64_t, week_goal_count> score_week(const WeekInput& input,
                                                     const std::vector<std::vector<std::size_t>>& sessions) {
  std::array<std::int64_t, week_goal_count> score{};
  const auto at = [&](WeekGoal goal) -> std::int64_t& { return score[static_cast<std::size_t>(goal)]; };
  const std::vector<int> count = sessions_of(input, sessions);
  std::vector<bool> covered(input.needs.size(), false);
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    if (count[i] == 0) {
      continue;
    }
    const WeekItem& item = input.items[i];
    for (const int n : item.needs) {
      covered[static_cast<std::size_t>(n)] = true;
    }
    at(WeekGoal::prescribed) += item.prescribed ? 1 : 0;
    at(WeekGoal::progressed) -= held_back(input, item);
    at(WeekGoal::preferred) -= item.rank;
  }
  for (std::size_t n = 0; n < input.needs.size(); ++n) {
    if (covered[n]) {
      ++at(input.needs[n].weak ? WeekGoal::weak_covered : WeekGoal::tight_covered);
    }
  }
  const auto days = static_cast<int>(sessions.size());
  int position_sessions = 0;
  for (const auto& session : sessions) {
    std::array<int, 4> by_phase{};
    bool position = false;
    for (const std::size_t i : session) {
      const WeekItem& item = input.items[i];
      ++by_phase[static_cast<std::size_t>(item.phase)];
      position = position || item.position;
      at(WeekGoal::active_minutes) += active_phase(item.phase) ? goal_minutes(item.seconds) : 0;
      at(WeekGoal::short_week) -= item.seconds;
      at(WeekGoal::essential_slots) += item.essential ? 1 : 0;
    }
    for (const Phase phase : all_phases) {
      at(WeekGoal::composition) +=
          std::min(by_phase[static_cast<std::size_t>(phase)], input.composition.least[static_cast<std::size_t>(phase)]);
    }
    position_sessions += position ? 1 : 0;
  }
  at(WeekGoal::position) = std::min(position_sessions, position_target(input));
  // The shortest period the sessions rotate with (A A A: 1, A B A: 2, ...).
  int period = std::max(days, 1);
  for (int k = 1; k < days; ++k) {
    bool rotates = true;
    for (int d = k; d < days && rotates; ++d) {
      rotates = sessions[static_cast<std::size_t>(d)] == sessions[static_cast<std::size_t>(d % k)];
    }
    if (rotates) {
      period = k;
      break;
    }
  }
  at(WeekGoal::few_sessions) = -period;
  return score;
}

WeekChoice describe_week(const WeekInput& input, std::vector<std::vector<std::size_t>> sessions) {
  WeekChoice choice;
  choice.sessions = std::move(sessions);
  choice.score = score_week(input, choice.sessions);
  choice.covered.assign(input.needs.size(), false);
  choice.per_week.assign(input.items.size(), 0);
  int position_sessions = 0;
  for (const auto& session : choice.sessions) {
    bool position = false;
    for (const std::size_t i : session) {
      ++choice.per_week[i];
      position = position || input.items[i].position;
      for (const int n : input.items[i].needs) {
        choice.covered[static_cast<std::size_t>(n)] = true;
      }
    }
    position_sessions += position ? 1 : 0;
  }
  choice.position_held = input.shape.need_position && position_sessions >= position_target(input);
  return choice;
}

}  // namespace valgus
