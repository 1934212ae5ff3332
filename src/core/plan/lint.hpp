#pragma once

// Warnings about a valid catalogue: entries that load but would make the
// rule engine work against itself. `valgus check` prints them; they never
// change its exit code.

#include "core/catalogue/catalogue.hpp"
#include "core/model/error.hpp"

#include <vector>

namespace valgus {

// Release, stretch and strengthen exercises whose targets (groups expanded)
// hold both a muscle some problem calls overactive and one the same problem
// calls underactive: such an exercise would loosen and strengthen at once,
// which a coarse group tag (say "abductors" for TFL and gluteus medius)
// usually causes. Integration exercises work whole-leg patterns and are
// not checked. One warning per exercise and problem, in catalogue order.
[[nodiscard]] std::vector<Diagnostic> lint_catalogue(const Catalogue& catalogue);

// Exercises without a figure (drawn as a placeholder), in catalogue order.
[[nodiscard]] std::vector<Diagnostic> figure_warnings(const Catalogue& catalogue);

}  // namespace valgus
