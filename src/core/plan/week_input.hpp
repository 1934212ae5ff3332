#pragma once

// The week's integer programme as the planner poses it: the problems' muscles
// as needs, the exercises (a physiotherapist's short list) as items, the
// catalogue's rules as the composition, the request as the week's shape.
// Shared by the passes that fit a routine or a week (passes_week.cpp).

#include "core/plan/passes.hpp"
#include "core/plan/week_model.hpp"

#include <string>
#include <vector>

namespace valgus::week_input {

// A muscle of a chosen problem the week should work.
struct Need {
  const Problem* problem = nullptr;
  std::string muscle;  // as the problem names it
  bool weak = true;
};

struct Model {
  WeekInput input;
  std::vector<Need> needs;  // by index, as the input's needs
};

[[nodiscard]] std::vector<Need> needs_of(const PlanInput& in);
// Whether `phase` works a weak (strengthen) or a tight (release, stretch) muscle.
[[nodiscard]] bool phase_serves(Phase phase, bool weak);
// Whether `planned` works `need` in the phase the need asks for.
[[nodiscard]] bool covers(const PlannedExercise& planned, const Need& need);
// The exercises a week chooses among (each phase's `shortlist`).
[[nodiscard]] std::vector<PlannedExercise> shortlist(const PlanInput& in, std::vector<PlannedExercise> exercises);
// The week's programme over `exercises`: one item each, in order, then the
// lighter doses of progressed strengthen exercises.
[[nodiscard]] Model model_of(const PlanInput& in, const std::vector<PlannedExercise>& exercises, bool week);

}  // namespace valgus::week_input
