#include "core/plan/week_model.hpp"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace valgus {

namespace {

constexpr auto phase_index(Phase phase) { return static_cast<std::size_t>(phase); }

bool active(Phase phase) { return phase == Phase::strengthen || phase == Phase::integrate; }

int days_of(const WeekInput& input) { return static_cast<int>(input.shape.weekdays.size()); }

// Sessions a week an item needs once chosen: its weekly least, or every day
// when the week has fewer.
int least_sessions(const WeekItem& item, int days) { return std::min(std::max(item.per_week.min, 1), days); }

int most_sessions(const WeekItem& item, int days) {
  return std::min(item.per_week.max > 0 ? item.per_week.max : days, days);
}

// Pairs of training days, by position in `weekdays`, that fall on
// consecutive calendar days; Sunday to Monday counts, as the week repeats.
std::vector<std::pair<int, int>> consecutive_days(const std::vector<int>& weekdays) {
  std::vector<std::pair<int, int>> pairs;
  const auto count = static_cast<int>(weekdays.size());
  for (int a = 0; a < count; ++a) {
    for (int b = 0; b < count; ++b) {
      const int gap = (weekdays[static_cast<std::size_t>(b)] - weekdays[static_cast<std::size_t>(a)] + 7) % 7;
      if (a != b && gap == 1) {
        pairs.emplace_back(a, b);
      }
    }
  }
  return pairs;
}

bool fits_alone(const WeekItem& item, const WeekShape& shape) {
  return (!shape.seconds || item.seconds <= *shape.seconds) && (!shape.exercises || *shape.exercises >= 1);
}

int position_target(const WeekInput& input) { return input.shape.need_position ? std::min(2, days_of(input)) : 0; }

// The model's columns and rows, built once; the goals are solved in turn on
// it, each adding a row that holds its optimum.
class Model {
 public:
  Model(const WeekInput& input, bool integrate_rule) : in_(input), lp_(glp_create_prob(), glp_delete_prob) {
    glp_set_obj_dir(lp_.get(), GLP_MAX);
    build(integrate_rule);
  }

  // Solves the current objective; false when the rows admit no week.
  bool solve() {
    glp_smcp simplex;
    glp_init_smcp(&simplex);
    simplex.msg_lev = GLP_MSG_OFF;
    simplex.presolve = GLP_OFF;
    if (glp_simplex(lp_.get(), &simplex) != 0) {
      throw std::logic_error("the week's linear relaxation could not be solved");
    }
    if (glp_get_status(lp_.get()) == GLP_NOFEAS) {
      return false;
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;  // keeps column numbers, so the last optimum can seed the search
    parm.mip_gap = 0.0;
    parm.gmi_cuts = GLP_ON;
    parm.mir_cuts = GLP_ON;
    parm.clq_cuts = GLP_ON;
    parm.cov_cuts = GLP_ON;
    parm.cb_func = &Model::callback;
    parm.cb_info = this;
    heuristic_given_ = false;
    seed_ = incumbent_keeps_rows();
    const int ret = glp_intopt(lp_.get(), &parm);
    const int status = glp_mip_status(lp_.get());
    if (ret != 0 || status != GLP_OPT) {
      if (status == GLP_NOFEAS || ret == GLP_ENOPFS) {
        return false;
      }
      throw std::logic_error("the week's integer programme was not solved to optimality");
    }
    incumbent_.assign(static_cast<std::size_t>(glp_get_num_cols(lp_.get())) + 1, 0.0);
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) {
      incumbent_[static_cast<std::size_t>(j)] = glp_mip_col_val(lp_.get(), j);
    }
    return true;
  }

  // The shortest rotation of sessions (A A A, then A B A B ..., then
  // A B C A B C ...) that keeps the goals held so far: each period in turn,
  // its rows kept once one holds. The full period (every day its own
  // session) always holds, as it adds nothing.
  void rotate() {
    const int days = days_of(in_);
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) {
      glp_set_obj_coef(lp_.get(), j, 0.0);
    }
    for (int period = 1; period < days; ++period) {
      const int first = glp_get_num_rows(lp_.get()) + 1;
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        for (int d = period; d < days; ++d) {
          row({{x(i, d), 1.0}, {x(i, d % period), -1.0}}, GLP_FX, 0.0, 0.0);
        }
      }
      if (solve()) {
        return;
      }
      std::vector<int> rows{0};
      for (int r = first; r <= glp_get_num_rows(lp_.get()); ++r) {
        rows.push_back(r);
      }
      glp_del_rows(lp_.get(), static_cast<int>(rows.size()) - 1, rows.data());
      glp_std_basis(lp_.get());
    }
  }

  // Sets the objective to `goal`, solves it, then holds its optimum.
  void optimise(WeekGoal goal) {
    if (goal == WeekGoal::few_sessions) {
      rotate();
      return;
    }
    const std::vector<double> coefficients = goal_coefficients(goal);
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) {
      glp_set_obj_coef(lp_.get(), j, coefficients[static_cast<std::size_t>(j)]);
    }
    if (!solve()) {
      throw std::logic_error("a week that kept every rule lost its feasibility");
    }
    double value = 0;
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) {
      value += coefficients[static_cast<std::size_t>(j)] * incumbent_[static_cast<std::size_t>(j)];
    }
    add_row(coefficients, GLP_LO, std::round(value) - 0.5, 0.0);
  }

  [[nodiscard]] std::vector<std::vector<std::size_t>> sessions() const {
    std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(days_of(in_)));
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      for (int d = 0; d < days_of(in_); ++d) {
        if (incumbent_[static_cast<std::size_t>(x(i, d))] > 0.5) {
          out[static_cast<std::size_t>(d)].push_back(i);
        }
      }
    }
    return out;
  }

  // Every need covered, every prescribed item chosen, the position drill
  // held: the rows that make "it fits".
  void require_everything() {
    for (std::size_t n = 0; n < in_.needs.size(); ++n) {
      glp_set_col_bnds(lp_.get(), cover_col_ + static_cast<int>(n), GLP_FX, 1.0, 1.0);
    }
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      if (in_.items[i].prescribed) {
        glp_set_col_bnds(lp_.get(), y(i), GLP_FX, 1.0, 1.0);
      }
    }
    const int target = position_target(in_);
    if (target > 0) {
      std::vector<double> row(columns() + 1, 0.0);
      for (int d = 0; d < days_of(in_); ++d) {
        row[static_cast<std::size_t>(position_col_ + d)] = 1.0;
      }
      add_row(row, GLP_LO, target, 0.0);
    }
  }

 private:
  [[nodiscard]] std::size_t columns() const { return static_cast<std::size_t>(glp_get_num_cols(lp_.get())); }
  [[nodiscard]] int x(std::size_t item, int day) const { return x_col_ + static_cast<int>(item) * days_of(in_) + day; }
  [[nodiscard]] int y(std::size_t item) const { return y_col_ + static_cast<int>(item); }

  int add_columns(int count, int kind, double upper) {
    const int first = glp_add_cols(lp_.get(), count);
    for (int j = first; j < first + count; ++j) {
      glp_set_col_kind(lp_.get(), j, kind);
      glp_set_col_bnds(lp_.get(), j, GLP_DB, 0.0, upper);
    }
    return first;
  }

  // A row from dense coefficients (index 0 unused).
  void add_row(const std::vector<double>& dense, int type, double low, double high) {
    std::vector<int> index{0};
    std::vector<double> value{0.0};
    for (std::size_t j = 1; j < dense.size(); ++j) {
      if (dense[j] != 0.0) {
        index.push_back(static_cast<int>(j));
        value.push_back(dense[j]);
      }
    }
    add_sparse(index, value, type, low, high);
  }

  void add_sparse(std::vector<int>& index, std::vector<double>& value, int type, double low, double high) {
    const int row = glp_add_rows(lp_.get(), 1);
    glp_set_mat_row(lp_.get(), row, static_cast<int>(index.size()) - 1, index.data(), value.data());
    glp_set_row_bnds(lp_.get(), row, type, low, high);
  }

  // A sparse row: pairs of (column, coefficient).
  void row(const std::vector<std::pair<int, double>>& terms, int type, double low, double high) {
    std::vector<int> index{0};
    std::vector<double> value{0.0};
    for (const auto& [column, coefficient] : terms) {
      index.push_back(column);
      value.push_back(coefficient);
    }
    add_sparse(index, value, type, low, high);
  }

  void build(bool integrate_rule);
  [[nodiscard]] std::vector<double> goal_coefficients(WeekGoal goal) const;

  // Whether the last optimum keeps every row now in the model: GLPK takes a
  // heuristic solution on trust (it checks bounds and integrality only), so
  // one that breaks a row added since must not be offered.
  [[nodiscard]] bool incumbent_keeps_rows() const {
    if (incumbent_.size() != columns() + 1) {
      return false;
    }
    std::vector<int> index(columns() + 1);
    std::vector<double> value(columns() + 1);
    for (int r = 1; r <= glp_get_num_rows(lp_.get()); ++r) {
      const int length = glp_get_mat_row(lp_.get(), r, index.data(), value.data());
      double activity = 0;
      for (int k = 1; k <= length; ++k) {
        activity += value[static_cast<std::size_t>(k)] *
                    incumbent_[static_cast<std::size_t>(index[static_cast<std::size_t>(k)])];
      }
      const int type = glp_get_row_type(lp_.get(), r);
      const bool low_ok =
          (type != GLP_LO && type != GLP_DB && type != GLP_FX) || activity >= glp_get_row_lb(lp_.get(), r) - 1e-6;
      const bool high_ok =
          (type != GLP_UP && type != GLP_DB && type != GLP_FX) || activity <= glp_get_row_ub(lp_.get(), r) + 1e-6;
      if (!low_ok || !high_ok) {
        return false;
      }
    }
    for (int j = 1; j <= glp_get_num_cols(lp_.get()); ++j) {
      const double x = incumbent_[static_cast<std::size_t>(j)];
      if (x < glp_get_col_lb(lp_.get(), j) - 1e-6 ||
          (glp_get_col_type(lp_.get(), j) != GLP_LO && x > glp_get_col_ub(lp_.get(), j) + 1e-6)) {
        return false;
      }
    }
    return true;
  }

  static void callback(glp_tree* tree, void* info) {
    auto* self = static_cast<Model*>(info);
    if (glp_ios_reason(tree) == GLP_IHEUR && !self->heuristic_given_ && self->seed_) {
      self->heuristic_given_ = true;
      glp_ios_heur_sol(tree, self->incumbent_.data());
    }
  }

  const WeekInput& in_;
  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp_;
  int x_col_ = 0;         // x(i, d): item i in day d's session
  int y_col_ = 0;         // y(i): item i chosen for the week
  int cover_col_ = 0;     // c(n): need n covered
  int position_col_ = 0;  // q(d): day d's session trains the position (counted up to the target)
  int least_col_ = 0;     // u(d, phase): the phase's exercises in day d, counted up to its least
  std::vector<double> incumbent_;
  bool heuristic_given_ = false;
  bool seed_ = false;  // the last optimum may seed this search
};

void Model::build(bool integrate_rule) {
  const int days = days_of(in_);
  const auto items = static_cast<int>(in_.items.size());
  const auto needs = static_cast<int>(in_.needs.size());
  x_col_ = items * days > 0 ? add_columns(items * days, GLP_BV, 1.0) : 1;
  y_col_ = items > 0 ? add_columns(items, GLP_BV, 1.0) : x_col_;
  cover_col_ = needs > 0 ? add_columns(needs, GLP_BV, 1.0) : y_col_ + items;
  position_col_ = add_columns(days, GLP_BV, 1.0);
  least_col_ = add_columns(days * 4, GLP_IV, 0.0);
  for (int d = 0; d < days; ++d) {
    for (const Phase phase : all_phases) {
      const int least = in_.composition.least[phase_index(phase)];
      glp_set_col_bnds(lp_.get(), least_col_ + d * 4 + static_cast<int>(phase), least > 0 ? GLP_DB : GLP_FX, 0.0,
                       static_cast<double>(least));
    }
  }

  for (std::size_t i = 0; i < in_.items.size(); ++i) {
    const WeekItem& item = in_.items[i];
    // In a session only when chosen; chosen means its weekly least, at most its most.
    std::vector<std::pair<int, double>> sessions;
    for (int d = 0; d < days; ++d) {
      row({{x(i, d), 1.0}, {y(i), -1.0}}, GLP_UP, 0.0, 0.0);
      sessions.emplace_back(x(i, d), 1.0);
    }
    auto least = sessions;
    least.emplace_back(y(i), -least_sessions(item, days));
    row(least, GLP_LO, 0.0, 0.0);
    auto most = sessions;
    most.emplace_back(y(i), -most_sessions(item, days));
    row(most, GLP_UP, 0.0, 0.0);
    if (!fits_alone(item, in_.shape)) {
      glp_set_col_bnds(lp_.get(), y(i), GLP_FX, 0.0, 0.0);
    }
    if (item.resisted) {
      for (const auto& [a, b] : consecutive_days(in_.shape.weekdays)) {
        row({{x(i, a), 1.0}, {x(i, b), 1.0}}, GLP_UP, 0.0, 1.0);
      }
    }
    for (const int other : item.apart_from) {
      for (int d = 0; d < days; ++d) {
        row({{x(i, d), 1.0}, {x(static_cast<std::size_t>(other), d), 1.0}}, GLP_UP, 0.0, 1.0);
      }
    }
  }
  for (int n = 0; n < needs; ++n) {
    std::vector<std::pair<int, double>> terms{{cover_col_ + n, 1.0}};
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      const auto& covers = in_.items[i].needs;
      if (std::find(covers.begin(), covers.end(), n) != covers.end()) {
        terms.emplace_back(y(i), -1.0);
      }
    }
    row(terms, GLP_UP, 0.0, 0.0);
  }
  const int target = position_target(in_);
  if (target > 0) {
    std::vector<std::pair<int, double>> total;
    for (int d = 0; d < days; ++d) {
      std::vector<std::pair<int, double>> terms{{position_col_ + d, 1.0}};
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        if (in_.items[i].position) {
          terms.emplace_back(x(i, d), -1.0);
        }
      }
      row(terms, GLP_UP, 0.0, 0.0);
      total.emplace_back(position_col_ + d, 1.0);
    }
    row(total, GLP_UP, 0.0, target);
  } else {
    for (int d = 0; d < days; ++d) {
      glp_set_col_bnds(lp_.get(), position_col_ + d, GLP_FX, 0.0, 0.0);
    }
  }
  for (int d = 0; d < days; ++d) {
    std::vector<std::pair<int, double>> time;
    std::vector<std::pair<int, double>> count;
    std::vector<std::pair<int, double>> share;
    std::array<std::vector<std::pair<int, double>>, 4> by_phase;
    for (std::size_t i = 0; i < in_.items.size(); ++i) {
      const WeekItem& item = in_.items[i];
      const auto seconds = static_cast<double>(item.seconds);
      time.emplace_back(x(i, d), seconds);
      count.emplace_back(x(i, d), 1.0);
      share.emplace_back(x(i, d), (active(item.phase) ? 100.0 - in_.composition.active_percent
                                                      : -static_cast<double>(in_.composition.active_percent)) *
                                      seconds);
      by_phase[phase_index(item.phase)].emplace_back(x(i, d), 1.0);
    }
    if (in_.shape.seconds) {
      row(time, GLP_UP, 0.0, static_cast<double>(*in_.shape.seconds));
    }
    if (in_.shape.exercises) {
      row(count, GLP_UP, 0.0, *in_.shape.exercises);
    }
    if (in_.composition.active_percent > 0) {
      row(share, GLP_LO, 0.0, 0.0);
    }
    for (const Phase phase : all_phases) {
      auto terms = by_phase[phase_index(phase)];
      if (const auto most = in_.composition.most[phase_index(phase)]; most) {
        row(terms, GLP_UP, 0.0, *most);
      }
      terms.emplace_back(least_col_ + d * 4 + static_cast<int>(phase), -1.0);
      row(terms, GLP_LO, 0.0, 0.0);
    }
    if (integrate_rule) {
      row(by_phase[phase_index(Phase::integrate)], GLP_LO, 1.0, 0.0);
    }
  }
}

std::vector<double> Model::goal_coefficients(WeekGoal goal) const {
  std::vector<double> c(columns() + 1, 0.0);
  const int days = days_of(in_);
  switch (goal) {
    case WeekGoal::weak_covered:
    case WeekGoal::tight_covered:
      for (std::size_t n = 0; n < in_.needs.size(); ++n) {
        if (in_.needs[n].weak == (goal == WeekGoal::weak_covered)) {
          c[static_cast<std::size_t>(cover_col_) + n] = 1.0;
        }
      }
      break;
    case WeekGoal::prescribed:
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        c[static_cast<std::size_t>(y(i))] = in_.items[i].prescribed ? 1.0 : 0.0;
      }
      for (int d = 0; d < days; ++d) {
        c[static_cast<std::size_t>(position_col_ + d)] = 1.0;
      }
      break;
    case WeekGoal::composition:
      for (int k = 0; k < days * 4; ++k) {
        c[static_cast<std::size_t>(least_col_ + k)] = 1.0;
      }
      break;
    case WeekGoal::active_minutes:
    case WeekGoal::short_week:
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        const auto seconds = static_cast<double>(in_.items[i].seconds);
        for (int d = 0; d < days; ++d) {
          if (goal == WeekGoal::short_week) {
            c[static_cast<std::size_t>(x(i, d))] = -seconds;
          } else if (active(in_.items[i].phase)) {
            c[static_cast<std::size_t>(x(i, d))] = static_cast<double>(goal_minutes(in_.items[i].seconds));
          }
        }
      }
      break;
    case WeekGoal::few_sessions: break;  // not an objective: rotate() tries each period in turn
    case WeekGoal::preferred:
      for (std::size_t i = 0; i < in_.items.size(); ++i) {
        c[static_cast<std::size_t>(y(i))] = -static_cast<double>(in_.items[i].rank);
      }
      break;
  }
  return c;
}

// Whether the integration rule applies: some integration exercise fits a
// session on its own (the solver then finds out whether every day can have one).
bool integrate_rule_asked(const WeekInput& input) {
  return input.composition.integrate_every_session &&
         std::any_of(input.items.begin(), input.items.end(), [&](const WeekItem& item) {
           return item.phase == Phase::integrate && fits_alone(item, input.shape);
         });
}

constexpr std::array<WeekGoal, week_goal_count> goals{
    WeekGoal::weak_covered,   WeekGoal::tight_covered, WeekGoal::prescribed, WeekGoal::composition,
    WeekGoal::active_minutes, WeekGoal::few_sessions,  WeekGoal::short_week, WeekGoal::preferred};

}  // namespace

WeekChoice solve_week(const WeekInput& input) {
  glp_term_out(GLP_OFF);
  bool integrate_rule = integrate_rule_asked(input);
  auto model = std::make_unique<Model>(input, integrate_rule);
  if (integrate_rule && !model->solve()) {
    // Not every day can have an integration exercise (too few, each at
    // most so often): the rule lapses rather than the week failing.
    integrate_rule = false;
    model = std::make_unique<Model>(input, false);
  }
  for (const WeekGoal goal : goals) {
    const auto t0 = std::chrono::steady_clock::now();
    model->optimise(goal);
    if (std::getenv("VALGUS_PROFILE") != nullptr) {
      std::fprintf(stderr, "goal %d: %.3f s\n", static_cast<int>(goal),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  WeekChoice choice;
  choice.sessions = model->sessions();
  choice.score = score_week(input, choice.sessions);
  choice.covered.assign(input.needs.size(), false);
  choice.per_week.assign(input.items.size(), 0);
  for (const auto& session : choice.sessions) {
    for (const std::size_t i : session) {
      ++choice.per_week[i];
      for (const int n : input.items[i].needs) {
        choice.covered[static_cast<std::size_t>(n)] = true;
      }
    }
  }
  int position_sessions = 0;
  for (const auto& session : choice.sessions) {
    position_sessions +=
        std::any_of(session.begin(), session.end(), [&](std::size_t i) { return input.items[i].position; }) ? 1 : 0;
  }
  choice.position_held = input.shape.need_position && position_sessions >= position_target(input);
  return choice;
}

bool holds_everything_(const WeekInput& input);
bool holds_everything(const WeekInput& input) {
  const auto t0 = std::chrono::steady_clock::now();
  const bool r = holds_everything_(input);
  if (std::getenv("VALGUS_PROFILE") != nullptr) {
    std::fprintf(stderr, "holds(days %zu, s %lld, ex %d) = %d: %.3f s\n", input.shape.weekdays.size(),
                 static_cast<long long>(input.shape.seconds.value_or(0)), input.shape.exercises.value_or(0), r,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return r;
}
bool holds_everything_(const WeekInput& input) {
  glp_term_out(GLP_OFF);
  if (integrate_rule_asked(input)) {
    Model strict(input, true);
    if (strict.solve()) {
      strict.require_everything();
      return strict.solve();
    }
  }
  Model model(input, false);
  model.require_everything();
  return model.solve();
}

}  // namespace valgus
