#pragma once

// Weeks solved by an earlier run, kept between runs. `today`, `go`, `log`
// and `progress` plan the same week every day of a stage, and `plan` is run
// again with the same options; the solver's proof is the slow part of each
// (GLPK, tens of milliseconds to a second), so its answer is kept under a key
// that is the whole week model as text. Core knows only this interface: the
// CLI passes a folder of files (io/week_cache.hpp), tests a map.
//
// An answer read back is trusted only as far as it can be checked: it must
// parse, name items the week has, and keep every hard rule (keeps_rules);
// anything else is a miss and the week is solved again. A week solved with
// the integration rule lapsed says so in its answer ("lapsed"): it is
// checked without that rule once a feasibility search has shown that no
// week keeps it.

#include "core/plan/week_model.hpp"

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

class WeekStore {
 public:
  WeekStore() = default;
  virtual ~WeekStore() = default;
  WeekStore(const WeekStore&) = delete;
  WeekStore& operator=(const WeekStore&) = delete;
  WeekStore(WeekStore&&) = delete;
  WeekStore& operator=(WeekStore&&) = delete;

  // The answer kept under `key`, if any. Never throws: a store that cannot
  // be read answers nothing.
  [[nodiscard]] virtual std::optional<std::string> find(const std::string& key) = 0;
  // Keeps `answer` under `key`. Never throws: a store that cannot be written
  // only makes the next run slower.
  virtual void keep(const std::string& key, const std::string& answer) = 0;
};

// What is asked of a week: its best sessions, or whether any week holds
// everything (fits_with's probe).
enum class WeekQuestion { best_week, holds_everything };

// The key: the question and every field of `input`, as text, one line per
// part, so equal inputs give equal keys and any difference a different key.
[[nodiscard]] std::string week_key(WeekQuestion question, const WeekInput& input);

using WeekSessions = std::vector<std::vector<std::size_t>>;

// A week's sessions as text: one line per training day, item indices
// separated by spaces ("-" for an empty session), after a line "lapsed" when
// the week breaks the integration rule that `input` asks (so it lapsed).
[[nodiscard]] std::string week_answer_text(const WeekInput& input, const WeekSessions& sessions);

// The sessions in `text` if they are a week of `input` that keeps every hard
// rule (but the integration rule, after a "lapsed" line, when no week can
// keep it); nothing otherwise (malformed text, an index out of range, a rule
// broken).
[[nodiscard]] std::optional<WeekSessions> read_week_answer(const WeekInput& input, std::string_view text);

// The weeks solved so far, so weeks that share their input share the solve
// (an export's weeks before and between progressions are the same week),
// and, given a store, what earlier runs solved.
class WeekMemo {
 public:
  explicit WeekMemo(WeekStore* kept = nullptr) : kept_(kept) {}

  // solve_week(input), solved once for each distinct input; the answer
  // stays where it is while the memo lives.
  [[nodiscard]] const WeekChoice& solve(const WeekInput& input);
  // holds_everything(input), asked once for each distinct input.
  [[nodiscard]] bool holds(const WeekInput& input);

 private:
  WeekStore* kept_;
  std::deque<std::pair<WeekInput, WeekChoice>> solved_;  // a deque: answers never move
  std::deque<std::pair<WeekInput, bool>> held_;
};

}  // namespace valgus
