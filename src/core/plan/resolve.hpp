#pragma once

// Request resolution: the names a person gave (problem ids, a phase, a
// position, equipment words) turned into catalogue entries, and a request's
// numbers checked, before the planner sees them. Messages speak of fields and
// values; the command line adds what to type.

#include "core/catalogue/catalogue.hpp"
#include "core/model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct Request;  // core/plan/planner.hpp

// Looks up a problem, phase or position the person named; throws
// Error(usage) with the valid choices and a did-you-mean.
[[nodiscard]] const Problem& require_problem(const Catalogue& catalogue, std::string_view id);
[[nodiscard]] Phase require_phase(std::string_view name);
[[nodiscard]] const Position& require_position(const Catalogue& catalogue, std::string_view id);

// Parses what a person has, "band,foam-roller" ("none": bodyweight only).
// Throws Error(usage) naming the valid items for an unknown one.
[[nodiscard]] std::vector<std::string> parse_equipment_list(const Catalogue& catalogue, std::string_view list);

// The problems `ids` name, each once, in catalogue order (so the order they
// were given in does not matter). Throws Error(usage) for none or an
// unknown one.
[[nodiscard]] std::vector<const Problem*> resolve_problems(const Catalogue& catalogue,
                                                           const std::vector<std::string>& ids);

// Throws Error(usage) when the week or the minutes are out of range.
void check_request(const Request& request);

}  // namespace valgus
