#include "core/plan/integer_program.hpp"

#include <glpk.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace valgus {

struct IntegerProgram::Problem {
  glp_prob* lp = glp_create_prob();
  const std::vector<double>* seed = nullptr;  // offered once to the search, when it keeps every row
  bool offered = false;

  Problem() = default;
  ~Problem() { glp_delete_prob(lp); }
  Problem(const Problem&) = delete;
  Problem& operator=(const Problem&) = delete;
  Problem(Problem&&) = delete;
  Problem& operator=(Problem&&) = delete;
};

namespace {

// The last optimum seeds the next search (each goal's optimum is feasible
// for the next goal), so the solver starts with a good bound.
void offer_seed(glp_tree* tree, void* info) {
  auto* problem = static_cast<IntegerProgram::Problem*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && !problem->offered && problem->seed != nullptr) {
    problem->offered = true;
    glp_ios_heur_sol(tree, problem->seed->data());
  }
}

// RINS, the relaxation induced neighbourhood search (Danna, Rothberg and
// Le Pape, 2005): the integer columns on which the seed and the linear
// relaxation agree are fixed and the much smaller programme left is solved
// exactly. Its optimum keeps every row of the whole programme, so it may
// replace the seed; when it reaches the relaxation's bound, no search of the
// whole programme is needed. The bounds are put back and the relaxation
// solved again before returning. True when the seed was improved.
bool improve_in_neighbourhood(IntegerProgram::Problem& problem, const glp_iocp& search, std::vector<double>& seed) {
  glp_prob* lp = problem.lp;
  const int columns = glp_get_num_cols(lp);
  struct Bounds {
    int column;
    int type;
    double low;
    double high;
  };
  std::vector<Bounds> freed;
  for (int j = 1; j <= columns; ++j) {
    const double value = seed[static_cast<std::size_t>(j)];
    if (glp_get_col_kind(lp, j) != GLP_CV && glp_get_col_type(lp, j) != GLP_FX &&
        std::abs(glp_get_col_prim(lp, j) - value) < 1e-6) {
      freed.push_back({j, glp_get_col_type(lp, j), glp_get_col_lb(lp, j), glp_get_col_ub(lp, j)});
      glp_set_col_bnds(lp, j, GLP_FX, value, value);
    }
  }
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  bool improved = false;
  if (glp_simplex(lp, &simplex) == 0 && glp_get_status(lp) == GLP_OPT) {
    problem.seed = &seed;
    problem.offered = false;
    glp_iocp within = search;
    if (glp_intopt(lp, &within) == 0 && glp_mip_status(lp) == GLP_OPT) {
      double before = 0;
      double after = 0;
      for (int j = 1; j <= columns; ++j) {
        before += glp_get_obj_coef(lp, j) * seed[static_cast<std::size_t>(j)];
        after += glp_get_obj_coef(lp, j) * glp_mip_col_val(lp, j);
      }
      if (after > before + 1e-9) {
        improved = true;
        for (int j = 1; j <= columns; ++j) {
          seed[static_cast<std::size_t>(j)] = glp_mip_col_val(lp, j);
        }
      }
    }
  }
  for (const Bounds& column : freed) {
    glp_set_col_bnds(lp, column.column, column.type, column.low, column.high);
  }
  if (glp_simplex(lp, &simplex) != 0) {
    throw std::logic_error("the week's linear relaxation could not be solved");
  }
  return improved;
}

}  // namespace

IntegerProgram::IntegerProgram() : problem_(std::make_unique<Problem>()) {
  glp_term_out(GLP_OFF);
  glp_set_obj_dir(problem_->lp, GLP_MAX);
}

IntegerProgram::~IntegerProgram() = default;

int IntegerProgram::add_columns(int count, Kind kind, double upper) {
  if (count <= 0) {
    return glp_get_num_cols(problem_->lp) + 1;
  }
  const int first = glp_add_cols(problem_->lp, count);
  for (int j = first; j < first + count; ++j) {
    glp_set_col_kind(problem_->lp, j, kind == Kind::binary ? GLP_BV : kind == Kind::integer ? GLP_IV : GLP_CV);
    glp_set_col_bnds(problem_->lp, j, upper > 0 ? GLP_DB : GLP_FX, 0.0, upper);
  }
  return first;
}

void IntegerProgram::fix(int column, double value) { glp_set_col_bnds(problem_->lp, column, GLP_FX, value, value); }

int IntegerProgram::columns() const { return glp_get_num_cols(problem_->lp); }

void IntegerProgram::at_least(const Terms& terms, double low) { add_row(terms, GLP_LO, low, 0.0); }
void IntegerProgram::at_most(const Terms& terms, double high) { add_row(terms, GLP_UP, 0.0, high); }
void IntegerProgram::equal(const Terms& terms, double value) { add_row(terms, GLP_FX, value, value); }

void IntegerProgram::add_row(const Terms& terms, int type, double low, double high) {
  std::vector<int> index{0};
  std::vector<double> value{0.0};
  for (const auto& [column, coefficient] : terms) {
    if (coefficient != 0.0) {
      index.push_back(column);
      value.push_back(coefficient);
    }
  }
  const int row = glp_add_rows(problem_->lp, 1);
  glp_set_mat_row(problem_->lp, row, static_cast<int>(index.size()) - 1, index.data(), value.data());
  glp_set_row_bnds(problem_->lp, row, type, low, high);
}

// GLPK takes a heuristic solution on trust (it checks only bounds and
// integrality), so one that breaks a row added since must not be offered.
bool IntegerProgram::solution_keeps_rows() const {
  glp_prob* lp = problem_->lp;
  if (solution_.size() != static_cast<std::size_t>(columns()) + 1) {
    return false;
  }
  const auto at = [&](int column) { return solution_[static_cast<std::size_t>(column)]; };
  constexpr double slack = 1e-6;
  for (int j = 1; j <= columns(); ++j) {
    if (at(j) < glp_get_col_lb(lp, j) - slack || at(j) > glp_get_col_ub(lp, j) + slack) {
      return false;
    }
  }
  std::vector<int> index(static_cast<std::size_t>(columns()) + 1);
  std::vector<double> value(static_cast<std::size_t>(columns()) + 1);
  for (int r = 1; r <= glp_get_num_rows(lp); ++r) {
    const int length = glp_get_mat_row(lp, r, index.data(), value.data());
    double activity = 0;
    for (std::size_t k = 1; k <= static_cast<std::size_t>(length); ++k) {
      activity += value[k] * at(index[k]);
    }
    const int type = glp_get_row_type(lp, r);
    if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) && activity < glp_get_row_lb(lp, r) - slack) ||
        ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && activity > glp_get_row_ub(lp, r) + slack)) {
      return false;
    }
  }
  return true;
}

// The last optimum, which keeps every row, is optimal for `objective` too
// when it reaches the linear relaxation's bound, rounded down where every
// column the objective values is integer with an integer coefficient: then
// no branch and cut is needed. Most goals of an easy week end here.
bool IntegerProgram::seed_reaches_bound(const std::vector<double>& objective) const {
  glp_prob* lp = problem_->lp;
  bool integral = true;
  for (int j = 1; j <= columns() && integral; ++j) {
    const double c = objective[static_cast<std::size_t>(j)];
    integral = c == 0.0 || (glp_get_col_kind(lp, j) != GLP_CV && c == std::floor(c));
  }
  constexpr double slack = 1e-6;
  const double relaxed = glp_get_obj_val(lp);
  const double bound = integral ? std::floor(relaxed + slack) : relaxed;
  return value_of(objective) >= bound - slack;
}

bool IntegerProgram::maximise(const std::vector<double>& objective) {
  glp_prob* lp = problem_->lp;
  for (int j = 1; j <= columns(); ++j) {
    glp_set_obj_coef(lp, j, objective[static_cast<std::size_t>(j)]);
  }
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  if (glp_simplex(lp, &simplex) != 0) {
    throw std::logic_error("the week's linear relaxation could not be solved");
  }
  if (glp_get_status(lp) == GLP_NOFEAS) {
    return false;
  }
  const bool seed = solution_keeps_rows();
  if (seed && seed_reaches_bound(objective)) {
    return true;  // the last optimum is this one too: solution_ stands
  }
  glp_iocp search;
  glp_init_iocp(&search);
  search.msg_lev = GLP_MSG_OFF;
  search.presolve = GLP_OFF;  // keeps the column numbers, so the last optimum can seed the search
  search.mip_gap = 0.0;
  // Measured on the slowest weeks (scripts in bench/): branching on the last
  // fractional column with Gomory cuts off halves the search; Gomory cuts
  // cost more time than the nodes they save here.
  search.br_tech = GLP_BR_LFV;
  search.gmi_cuts = GLP_OFF;
  search.mir_cuts = GLP_ON;
  search.cov_cuts = GLP_ON;
  search.clq_cuts = GLP_ON;
  search.cb_func = offer_seed;
  search.cb_info = problem_.get();
  // A better seed first, from its neighbourhood: often the optimum itself,
  // which then needs no proof beyond the bound.
  if (seed && improve_in_neighbourhood(*problem_, search, solution_) && seed_reaches_bound(objective)) {
    return true;
  }
  problem_->seed = seed ? &solution_ : nullptr;
  problem_->offered = false;
  const int result = glp_intopt(lp, &search);
  const int status = glp_mip_status(lp);
  if (status == GLP_NOFEAS || result == GLP_ENOPFS) {
    return false;
  }
  if (result != 0 || status != GLP_OPT) {
    throw std::logic_error("the week's integer programme was not solved to optimality");
  }
  solution_.assign(static_cast<std::size_t>(columns()) + 1, 0.0);
  for (int j = 1; j <= columns(); ++j) {
    solution_[static_cast<std::size_t>(j)] = glp_mip_col_val(lp, j);
  }
  return true;
}

double IntegerProgram::value(int column) const { return solution_.at(static_cast<std::size_t>(column)); }

double IntegerProgram::value_of(const std::vector<double>& objective) const {
  double total = 0;
  for (std::size_t j = 1; j < objective.size() && j < solution_.size(); ++j) {
    total += objective[j] * solution_[j];
  }
  return total;
}

}  // namespace valgus
