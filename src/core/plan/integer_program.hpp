#pragma once

// A small integer programme (maximise a linear objective over binary,
// integer and continuous columns under linear rows), solved exactly by GLPK's
// branch and cut with a zero gap. The week model builds on it; this is the
// only place that sees GLPK.

#include <memory>
#include <utility>
#include <vector>

namespace valgus {

class IntegerProgram {
 public:
  using Terms = std::vector<std::pair<int, double>>;  // (column, coefficient)

  IntegerProgram();
  ~IntegerProgram();
  IntegerProgram(const IntegerProgram&) = delete;
  IntegerProgram& operator=(const IntegerProgram&) = delete;
  IntegerProgram(IntegerProgram&&) = delete;
  IntegerProgram& operator=(IntegerProgram&&) = delete;

  enum class Kind { binary, integer, continuous };
  // `count` new columns of `kind` within [0, upper]; returns the first index.
  int add_columns(int count, Kind kind, double upper);
  void fix(int column, double value);
  [[nodiscard]] int columns() const;

  // Rows: terms at least `low`, at most `high`, or exactly `value`.
  void at_least(const Terms& terms, double low);
  void at_most(const Terms& terms, double high);
  void equal(const Terms& terms, double value);

  // Maximises `objective` (dense, index 0 unused); false when no solution
  // keeps the rows. Throws std::logic_error when GLPK does not prove the
  // optimum, which a zero gap and no limits never allow.
  bool maximise(const std::vector<double>& objective);
  // The last optimum's value of `column`, and of `objective`.
  [[nodiscard]] double value(int column) const;
  [[nodiscard]] double value_of(const std::vector<double>& objective) const;

  struct Problem;  // GLPK's problem and the search's seed (integer_program.cpp)

 private:
  void add_row(const Terms& terms, int type, double low, double high);
  [[nodiscard]] bool solution_keeps_rows() const;
  [[nodiscard]] bool seed_reaches_bound(const std::vector<double>& objective) const;

  std::unique_ptr<Problem> problem_;
  std::vector<double> solution_;  // the last optimum, 1-based by column
};

}  // namespace valgus
