#pragma once

// A week of sessions from a programme's exercises: each session chosen
// exactly (core/optimiser) within the session's minutes and exercise count,
// the week covering what earlier sessions left out first, then repeating
// what the week asks for again (a phase's weekly frequency). Pure: plain
// values in, plain values out.

#include "core/model/model.hpp"
#include "core/plan/optimiser.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace valgus {

// One exercise as the week sees it.
struct WeekItem {
  PairMask pairs = 0;  // the (problem, phase) pairs it covers
  std::int64_t seconds = 0;
  int priority = 2;  // 1 essential, 2 normal, 3 optional
  bool integrate = false;
  bool position = false;  // trains the position where the knee caves
  Range per_week{1, 7};   // sessions a week: at least min once chosen, at most max
};

struct WeekLimits {
  int days = default_days_a_week;
  std::optional<std::int64_t> seconds;  // per session; none: unlimited
  std::optional<int> exercises;         // per session; none: unlimited
  bool need_position = false;           // the person said where the knee caves
};

struct Week {
  std::vector<std::vector<std::size_t>> sessions;  // per training day, item indices ascending
  PairMask covered = 0;                            // pairs some session covers
  std::uint64_t visited = 0;                       // search nodes over all sessions, for the benchmark
  bool proven = true;                              // every session's choice proven best (see Choice)
};

// Each session in turn takes the best choice by the optimiser's goals: the
// pairs no earlier session covered, every pair it can, then the exercises
// the week asks for again (chosen before, fewer times than their phase's
// weekly minimum), then priority, position work and brevity. An exercise is
// never planned more often than its weekly maximum.
[[nodiscard]] Week plan_week(const std::vector<WeekItem>& items, const WeekLimits& limits);

}  // namespace valgus
