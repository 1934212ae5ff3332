#pragma once

// The interactive questionnaire of valgus assess in a terminal: one
// question at a time, instructions, an answer typed, `skip` and `back`, a bad
// answer asked again with what is valid.

#include "cli/context.hpp"
#include "core/assess/questionnaire.hpp"

#include <vector>

namespace valgus::cli {

// Asks `questions` in order on the terminal and returns the answers; after a
// red flag answered yes, no self-test is asked. Ctrl-C or end of input ends
// it with Error(usage) and the terminal restored.
[[nodiscard]] Answers ask_in_terminal(const Context& context, const Catalogue& catalogue,
                                      const std::vector<Question>& questions);

// After the result: "Start this programme now?" yes or no (no on end of
// input); a bad answer is asked again.
[[nodiscard]] bool ask_to_start(const Context& context);

}  // namespace valgus::cli
