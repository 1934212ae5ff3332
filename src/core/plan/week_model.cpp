// The week as integer programmes, one per rotation period: with period p the
// week's sessions are p templates done in turn (A A A, A B A B, A B C A B C),
// so a programme has at most three sessions to learn and the days that share
// a template share its columns. Each period's programme is solved goal by
// goal (each optimum held as a row before the next goal); the periods are
// compared by their goals in order, the period itself in the few-sessions
// place.

#include "core/plan/week_model.hpp"
#include "core/plan/integer_program.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace valgus {

namespace {

using Terms = IntegerProgram::Terms;
using Kind = IntegerProgram::Kind;

constexpr auto phase_index(Phase phase) { return static_cast<std::size_t>(phase); }

int days_of(const WeekInput& input) { return static_cast<int>(input.shape.weekdays.size()); }

// Whether training day `b` follows day `a` (Sunday to Monday counts).
bool consecutive(const WeekInput& input, int a, int b) {
  const auto& days = input.shape.weekdays;
  return a != b && (days[static_cast<std::size_t>(b)] - days[static_cast<std::size_t>(a)] + 7) % 7 == 1;
}

// The goals solved on each period's programme, in order (the period itself
// is the few-sessions goal, compared across periods).
constexpr std::array<WeekGoal, week_goal_count - 1> solved_goals{
    WeekGoal::position,   WeekGoal::weak_covered, WeekGoal::progressed,      WeekGoal::tight_covered,
    WeekGoal::prescribed, WeekGoal::composition,  WeekGoal::essential_slots, WeekGoal::active_minutes,
    WeekGoal::short_week, WeekGoal::preferred};

class PeriodModel {
 public:
  PeriodModel(const WeekInput& input, int period, bool integrate_rule) : in_(input), period_(period) {
    for (int d = 0; d < days_of(in_); ++d) {
      ++uses_.at(static_cast<std::size_t>(d % period_));
    }
    build(integrate_rule);
  }

  bool feasible() { return program_.maximise(std::vector<double>(static_cast<std::size_t>(program_.columns()) + 1)); }

  // Maximises `goal`, then holds its optimum; the goal's value.
  std::int64_t optimise(WeekGoal goal) {
    const std::vector<double> objective = coefficients(goal);
    if (!program_.maximise(objective)) {
      throw std::logic_error("a week that kept every rule lost its feasibility");
    }
    const double value = std::round(program_.value_of(objective));
    Terms terms;
    for (std::size_t j = 1; j < objective.size(); ++j) {
      terms.emplace_back(static_cast<int>(j), objective[j]);
    }
    program_.at_least(terms, value - 0.5);
    return static_cast<std::int64_t>(value);
  }

  // Holds `goal` at `value` or better, as optimise holds its optimum.
  void hold(WeekGoal goal, std::int64_t value) {
    const std::vector<double> objective = coefficients(goal);
    Terms terms;
    for (std::size_t j = 1; j < objective.size(); ++j) {
      terms.emplace_back(static_cast<int>(j), objective[j]);
    }
    program_.at_least(terms, static_cast<double>(value) - 0.5);
  }

  // Every need covered, every prescribed item chosen, the position drill in
  // its sessions: the rows that make "it fits".
  void require_everything() {
    for (std::size_t n = 0; n < in_.needs.size(); ++n) {
      program_.fix(cover_ + static_cast<int>(n), 1.0);
    }
    // A prescribed item at either of its doses.
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      if (in_.items[i].prescribed && in_.items[i].lighter_of < 0) {
        Terms either{{y(i), 1.0}};
        for (std::size_t k = 0; k < in_.items.size(); ++k) {
          if (in_.items[k].lighter_of == static_cast<int>(i)) {
            either.emplace_back(y(k), 1.0);
          }
        }
        program_.at_least(either, 1.0);
      }
    }
    program_.at_least({{position_count_, 1.0}}, position_target(in_));
  }

  // The last optimum, as the sessions of every training day.
  [[nodiscard]] std::vector<std::vector<std::size_t>> sessions() const {
    std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(days_of(in_)));
    for (int d = 0; d < days_of(in_); ++d) {
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        if (program_.value(x(i, d % period_)) > 0.5) {
          out[static_cast<std::size_t>(d)].push_back(i);
        }
      }
    }
    return out;
  }

 private:
  [[nodiscard]] int x(std::size_t item, int slot) const { return x_ + static_cast<int>(item) * period_ + slot; }
  [[nodiscard]] int y(std::size_t item) const { return y_ + static_cast<int>(item); }
  [[nodiscard]] double uses(int slot) const { return uses_.at(static_cast<std::size_t>(slot)); }

  void build(bool integrate_rule);
  void build_sessions(bool integrate_rule);
  void break_symmetry();
  void order_copies();
  [[nodiscard]] std::vector<double> coefficients(WeekGoal goal) const;

  const WeekInput& in_;
  int period_;
  std::array<int, 7> uses_{};  // days a template is done on
  IntegerProgram program_;
  int x_ = 0;               // x(i, t): item i in template t
  int y_ = 0;               // y(i): item i chosen for the week
  int cover_ = 0;           // c(n): need n covered
  int position_ = 0;        // q(t): template t trains the position
  int position_count_ = 0;  // sessions training the position, counted up to the target
  int least_ = 0;           // u(t, phase): the phase's exercises in template t, up to its least
};

void PeriodModel::build(bool integrate_rule) {
  const int days = days_of(in_);
  const auto items = static_cast<int>(in_.items.size());
  x_ = program_.add_columns(items * period_, Kind::binary, 1.0);
  y_ = program_.add_columns(items, Kind::binary, 1.0);
  cover_ = program_.add_columns(static_cast<int>(in_.needs.size()), Kind::binary, 1.0);
  position_ = program_.add_columns(period_, Kind::binary, 1.0);
  position_count_ = program_.add_columns(1, Kind::integer, position_target(in_));
  least_ = program_.add_columns(period_ * 4, Kind::integer, 60.0);
  for (std::size_t i = 0; i < in_.items.size(); ++i) {
    const WeekItem& item = in_.items[i];
    // In a session only when chosen; once chosen, its weekly least and most.
    Terms week;
    for (int t = 0; t < period_; ++t) {
      program_.at_most({{x(i, t), 1.0}, {y(i), -1.0}}, 0.0);
      week.emplace_back(x(i, t), uses(t));
    }
    auto least = week;
    least.emplace_back(y(i), -std::min(std::max(item.per_week.min, 1), days));
    program_.at_least(least, 0.0);
    auto most = week;
    most.emplace_back(y(i), -std::min(item.per_week.max > 0 ? item.per_week.max : days, days));
    program_.at_most(most, 0.0);
    if (!fits_alone(item, in_.shape)) {
      program_.fix(y(i), 0.0);
    }
    // One dose of an exercise.
    Terms doses{{y(i), 1.0}};
    for (std::size_t k = 0; k < in_.items.size(); ++k) {
      if (in_.items[k].lighter_of == static_cast<int>(i)) {
        doses.emplace_back(y(k), 1.0);
      }
    }
    if (doses.size() > 1) {
      program_.at_most(doses, 1.0);
    }
    // Resisted work never on consecutive days (Sunday to Monday counts):
    // two templates on consecutive days never share it, and a template on
    // two consecutive days never holds it.
    if (item.resisted) {
      for (int a = 0; a < days; ++a) {
        for (int b = 0; b < days; ++b) {
          if (!consecutive(in_, a, b)) {
            continue;
          }
          if (a % period_ == b % period_) {
            program_.fix(x(i, a % period_), 0.0);
          } else {
            program_.at_most({{x(i, a % period_), 1.0}, {x(i, b % period_), 1.0}}, 1.0);
          }
        }
      }
    }
    for (const int other : item.apart_from) {
      for (int t = 0; t < period_ && static_cast<std::size_t>(other) != i; ++t) {
        program_.at_most({{x(i, t), 1.0}, {x(static_cast<std::size_t>(other), t), 1.0}}, 1.0);
      }
    }
  }
  for (std::size_t n = 0; n < in_.needs.size(); ++n) {
    Terms terms{{cover_ + static_cast<int>(n), 1.0}};
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      const auto& covers = in_.items[i].needs;
      if (std::find(covers.begin(), covers.end(), static_cast<int>(n)) != covers.end()) {
        terms.emplace_back(y(i), -1.0);
      }
    }
    program_.at_most(terms, 0.0);
  }
  Terms counted{{position_count_, 1.0}};
  for (int t = 0; t < period_; ++t) {
    Terms terms{{position_ + t, 1.0}};
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      if (in_.items[i].position) {
        terms.emplace_back(x(i, t), -1.0);
      }
    }
    program_.at_most(terms, 0.0);
    counted.emplace_back(position_ + t, -uses(t));
  }
  program_.at_most(counted, 0.0);
  build_sessions(integrate_rule);
  break_symmetry();
  order_copies();
}

// Each template is one session: its minutes, exercise count, composition and
// active share.
void PeriodModel::build_sessions(bool integrate_rule) {
  const Composition& rules = in_.composition;
  for (int t = 0; t < period_; ++t) {
    Terms time;
    Terms count;
    Terms share;
    std::array<Terms, 4> by_phase;
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      const WeekItem& item = in_.items[i];
      const auto seconds = static_cast<double>(item.seconds);
      time.emplace_back(x(i, t), seconds);
      count.emplace_back(x(i, t), 1.0);
      share.emplace_back(x(i, t),
                         (active_phase(item.phase) ? 100.0 - rules.active_percent : -rules.active_percent) * seconds);
      by_phase[phase_index(item.phase)].emplace_back(x(i, t), 1.0);
    }
    if (in_.shape.seconds) {
      program_.at_most(time, static_cast<double>(*in_.shape.seconds));
    }
    if (in_.shape.exercises) {
      program_.at_most(count, *in_.shape.exercises);
    }
    if (rules.active_percent > 0) {
      program_.at_least(share, 0.0);
    }
    for (const Phase phase : all_phases) {
      auto terms = by_phase[phase_index(phase)];
      if (const auto most = rules.most[phase_index(phase)]) {
        program_.at_most(terms, *most);
      }
      const int column = least_ + t * 4 + static_cast<int>(phase);
      const int least = rules.least[phase_index(phase)];
      if (least > 0) {
        program_.at_most({{column, 1.0}}, least);
        terms.emplace_back(column, -1.0);
        program_.at_least(terms, 0.0);
      } else {
        program_.fix(column, 0.0);
      }
    }
    if (integrate_rule) {
      program_.at_least(by_phase[phase_index(Phase::integrate)], 1.0);
    }
  }
}

// Templates done equally often, on days no rest rule tells apart, are
// interchangeable: every goal values a week and its templates swapped the
// same. Ordering neighbouring ones by a weighted sum of their items cuts
// those copies from the search without cutting an optimum.
void PeriodModel::break_symmetry() {
  // Which templates fall on consecutive days (a template may on itself).
  std::array<std::array<bool, 7>, 7> adjacent{};
  const int days = days_of(in_);
  for (int a = 0; a < days; ++a) {
    for (int b = 0; b < days; ++b) {
      if (consecutive(in_, a, b)) {
        adjacent.at(static_cast<std::size_t>(a % period_)).at(static_cast<std::size_t>(b % period_)) = true;
      }
    }
  }
  const bool resisted = std::any_of(in_.items.begin(), in_.items.end(), [](const WeekItem& i) { return i.resisted; });
  for (int t = 0; t + 1 < period_; ++t) {
    // Swapping t and t + 1 must keep how often each is done and, when rest
    // days matter, which templates follow which.
    const auto swapped = [&](int k) { return k == t ? t + 1 : k == t + 1 ? t : k; };
    bool same = uses_.at(static_cast<std::size_t>(t)) == uses_.at(static_cast<std::size_t>(t) + 1);
    for (int a = 0; same && resisted && a < period_; ++a) {
      for (int b = 0; same && b < period_; ++b) {
        same = adjacent.at(static_cast<std::size_t>(a)).at(static_cast<std::size_t>(b)) ==
               adjacent.at(static_cast<std::size_t>(swapped(a))).at(static_cast<std::size_t>(swapped(b)));
      }
    }
    if (!same) {
      continue;
    }
    Terms order;
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      const auto weight = static_cast<double>(i + 1);
      order.emplace_back(x(i, t), weight);
      order.emplace_back(x(i, t + 1), -weight);
    }
    program_.at_least(order, 0.0);
  }
}

// Copies of an item (week_copies.cpp): the lower-ranked is chosen whenever
// the higher-ranked is, which cuts their interchangeable weeks from the
// search and no optimum.
void PeriodModel::order_copies() {
  for (const auto& [first, second] : copies_in_order(in_)) {
    program_.at_least({{y(first), 1.0}, {y(second), -1.0}}, 0.0);
  }
}

std::vector<double> PeriodModel::coefficients(WeekGoal goal) const {
  std::vector<double> c(static_cast<std::size_t>(program_.columns()) + 1, 0.0);
  const auto at = [&](int column) -> double& { return c[static_cast<std::size_t>(column)]; };
  for (std::size_t n = 0; n < in_.needs.size(); ++n) {
    if ((goal == WeekGoal::weak_covered && in_.needs[n].weak) ||
        (goal == WeekGoal::tight_covered && !in_.needs[n].weak)) {
      at(cover_ + static_cast<int>(n)) = 1.0;
    }
  }
  if (goal == WeekGoal::position) {
    at(position_count_) = 1.0;
  }
  for (std::size_t i = 0; i < in_.items.size(); ++i) {
    const WeekItem& item = in_.items[i];
    if (goal == WeekGoal::prescribed && item.prescribed) {
      at(y(i)) = 1.0;
    }
    if (goal == WeekGoal::progressed && item.lighter_of >= 0) {
      at(y(i)) = -static_cast<double>(held_back(in_, item));
    }
    if (goal == WeekGoal::preferred) {
      at(y(i)) = -static_cast<double>(item.rank);
    }
    for (int t = 0; t < period_; ++t) {
      if (goal == WeekGoal::essential_slots && item.essential) {
        at(x(i, t)) = uses(t);
      } else if (goal == WeekGoal::active_minutes && active_phase(item.phase)) {
        at(x(i, t)) = uses(t) * static_cast<double>(goal_minutes(item.seconds));
      } else if (goal == WeekGoal::short_week) {
        at(x(i, t)) = -uses(t) * static_cast<double>(item.seconds);
      }
    }
  }
  for (int k = 0; goal == WeekGoal::composition && k < period_ * 4; ++k) {
    at(least_ + k) = uses(k / 4);
  }
  return c;
}

// Rotation periods: every one up to three sessions; a week of up to three
// days may give each day its own.
std::vector<int> periods_of(const WeekInput& input) {
  std::vector<int> periods;
  for (int p = 1; p <= std::min(days_of(input), 3); ++p) {
    periods.push_back(p);
  }
  return periods;
}

}  // namespace

bool integration_rule_in_force(const WeekInput& input) {
  if (!integration_rule_asked(input)) {
    return false;
  }
  const auto periods = periods_of(input);
  return std::any_of(periods.rbegin(), periods.rend(),
                     [&](int period) { return PeriodModel(input, period, true).feasible(); });
}

namespace {

// The goals solved before the period is compared (few sessions' place).
constexpr std::size_t goals_before_period = 8;
static_assert(solved_goals[goals_before_period - 1] == WeekGoal::active_minutes);

// With at most three training days, one session a day admits every week a
// shorter rotation does (A B A is A B C with C = A), so its optimum bounds
// theirs goal by goal, and a shorter rotation wins only by reaching it on
// every goal before few sessions. The full rotation is solved goal by goal;
// each shorter one, smallest first, is one feasibility check with those
// optima held, instead of a search of its own per goal.
std::vector<std::vector<std::size_t>> solve_by_dominance(const WeekInput& input) {
  const int days = days_of(input);
  bool integrate_rule = integration_rule_asked(input);
  auto full = std::make_unique<PeriodModel>(input, days, integrate_rule);
  if (integrate_rule && !full->feasible()) {
    integrate_rule = false;  // no week gives every session an integration exercise: the rule lapses
    full = std::make_unique<PeriodModel>(input, days, false);
  }
  std::array<std::int64_t, goals_before_period> optimum{};
  for (std::size_t k = 0; k < goals_before_period; ++k) {
    optimum.at(k) = full->optimise(solved_goals.at(k));
  }
  PeriodModel* winner = full.get();
  std::unique_ptr<PeriodModel> shorter;
  for (int period = 1; period < days && winner == full.get(); ++period) {
    shorter = std::make_unique<PeriodModel>(input, period, integrate_rule);
    for (std::size_t k = 0; k < goals_before_period; ++k) {
      shorter->hold(solved_goals.at(k), optimum.at(k));
    }
    if (shorter->feasible()) {
      winner = shorter.get();
    }
  }
  for (std::size_t k = goals_before_period; k < solved_goals.size(); ++k) {
    winner->optimise(solved_goals.at(k));
  }
  return winner->sessions();
}

// From four training days, rotations of two and three sessions fall on the
// days differently and bound nothing of each other: each is solved goal by
// goal, and one already ranked below the best ends its search early.
std::vector<std::vector<std::size_t>> solve_each_period(const WeekInput& input) {
  std::vector<std::vector<std::size_t>> sessions(input.shape.weekdays.size());
  const bool integrate_rule = integration_rule_in_force(input);
  std::optional<std::array<std::int64_t, week_goal_count>> best;
  for (const int period : periods_of(input)) {
    PeriodModel model(input, period, integrate_rule);
    if (!model.feasible()) {
      continue;  // with the integration rule, this period admits no week
    }
    std::array<std::int64_t, week_goal_count> score{};
    score[static_cast<std::size_t>(WeekGoal::few_sessions)] = -period;
    bool worse = false;
    for (const WeekGoal goal : solved_goals) {
      score[static_cast<std::size_t>(goal)] = model.optimise(goal);
      // Goals solved so far (the period in its place once reached) that
      // already rank this period below the best one end its search.
      const auto solved =
          static_cast<std::size_t>(goal == WeekGoal::active_minutes ? WeekGoal::few_sessions : goal) + 1;
      if (best && std::lexicographical_compare(score.begin(), score.begin() + static_cast<std::ptrdiff_t>(solved),
                                               best->begin(), best->begin() + static_cast<std::ptrdiff_t>(solved))) {
        worse = true;
        break;
      }
    }
    if (!worse && (!best || *best < score)) {
      best = score;
      sessions = model.sessions();
    }
  }
  return sessions;
}

}  // namespace

WeekChoice solve_week(const WeekInput& input) {
  return describe_week(input, days_of(input) == 0   ? std::vector<std::vector<std::size_t>>{}
                              : days_of(input) <= 3 ? solve_by_dominance(input)
                                                    : solve_each_period(input));
}

bool holds_everything(const WeekInput& input) {
  const bool integrate_rule = integration_rule_in_force(input);
  auto periods = periods_of(input);
  if (days_of(input) <= 3 && !periods.empty()) {
    periods = {periods.back()};  // one session a day admits every shorter rotation's week
  }
  return std::any_of(periods.rbegin(), periods.rend(), [&](int period) {
    PeriodModel model(input, period, integrate_rule);
    model.require_everything();
    return model.feasible();
  });
}

}  // namespace valgus
