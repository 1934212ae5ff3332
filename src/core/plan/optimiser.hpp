#pragma once

// Choosing exercises under a time budget, exactly. The planner describes
// each candidate by what it is worth (the (problem, phase) pairs it covers,
// its priority, whether it trains the person's position) and what it costs
// (seconds, one of the session's exercise slots); the optimiser returns the
// best subset by a fixed order of goals. It knows nothing of exercises, so
// tests can pit it against a brute-force search on random instances.

#include <cstdint>
#include <optional>
#include <vector>

namespace valgus {

using PairMask = std::uint64_t;  // bit i: the i-th (problem, phase) pair (at most 64)

struct Candidate {
  std::int64_t seconds = 0;
  PairMask pairs = 0;      // the (problem, phase) pairs this exercise covers
  int wanted = 0;          // 1 when the week asks for it again (its weekly frequency is not met)
  int fresh = 0;           // 1 when the week has not had it yet (and can still give it its frequency)
  int priority_score = 0;  // higher for more important exercises (the planner weighs classes apart)
  int position = 0;        // 1 when it trains the position where the knee caves (integration only)
  bool integrate = false;  // an integration exercise
};

struct Limits {
  std::optional<std::int64_t> seconds;  // the budget; none: unlimited
  std::optional<int> count;             // most exercises; none: unlimited
  PairMask covered_before = 0;          // pairs earlier sessions of the week covered
  // At least one integration (position) exercise, whenever one fits the
  // limits on its own; when none does, the need lapses.
  bool need_integrate = false;
  bool need_position = false;
};

// The goals, in order: the most pairs no earlier session covered, the most
// pairs, the most exercises the week wants again, the most it has not had
// yet (variety), the highest priority, the most position work, then the
// shortest. Greater is better.
struct Score {
  int new_pairs = 0;
  int pairs = 0;
  int wanted = 0;
  int fresh = 0;
  int priority = 0;
  int position = 0;
  std::int64_t seconds = 0;

  friend bool operator<(const Score& a, const Score& b);
  friend bool operator==(const Score& a, const Score& b);
};

[[nodiscard]] Score score_of(const std::vector<Candidate>& candidates, const std::vector<std::size_t>& chosen,
                             PairMask covered_before);

// Whether `chosen` keeps the limits, the integrate and position needs included.
[[nodiscard]] bool feasible(const std::vector<Candidate>& candidates, const std::vector<std::size_t>& chosen,
                            const Limits& limits);

struct Choice {
  std::vector<std::size_t> chosen;  // indices into the candidates, ascending
  Score score;
  std::uint64_t visited = 0;  // search nodes, for the benchmark
  // False when the search stopped at max_search_nodes with the best found so
  // far (only catalogues far beyond the built-in one's size get there).
  bool proven = true;
};

// Search nodes one choice may visit: about a second on a slow machine. The
// built-in catalogue needs at most a few tens of thousands.
inline constexpr std::uint64_t max_search_nodes = 1'000'000;

// The best feasible subset by branch and bound: exact. Ties go to the subset
// found first, which depends only on the candidates' order: deterministic.
[[nodiscard]] Choice choose_exactly(const std::vector<Candidate>& candidates, const Limits& limits);

}  // namespace valgus
