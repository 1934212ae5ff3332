#pragma once

// An adjustment in words, the same in every format (text, Markdown, JSON):
// its own text, or a time shortfall's facts worded here, each limit named by
// the option the caller gives for it.

#include "core/plan/planner.hpp"
#include "render/render.hpp"

#include <string>

namespace valgus {

// "3 sessions a week of 20 min and at most 6 exercises: left out Clam; 4 days
// a week (--days 4) would fit them all", with "--days" from `options`.
[[nodiscard]] std::string adjustment_text(const Adjustment& adjustment, const LimitOptions& options);

// What a plan made without being told the equipment assumed, and how to say
// what one has: "a foam roller and a resistance band, assumed at hand; ...".
// Empty when the equipment was given, the plan needs none or `options`
// names no equipment option.
[[nodiscard]] std::string equipment_assumed_text(const Plan& plan, const LimitOptions& options);

}  // namespace valgus
