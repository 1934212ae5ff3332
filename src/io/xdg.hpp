#pragma once

// XDG base folders (https://specifications.freedesktop.org/basedir-spec/).

#include <string>

namespace valgus {

// `$variable` when it is an absolute path, else `$HOME/fallback`; empty when
// neither gives an absolute path (relative values are ignored, as the
// specification says).
[[nodiscard]] std::string xdg_base(const char* variable, const char* fallback);

}  // namespace valgus
