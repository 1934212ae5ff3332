#pragma once

// The command table (like ninja's kTools[]): every command once, in the
// order help lists them. main() builds the command line from it; help,
// completion and the tests' command lists (valgus __complete commands) read it.

#include "cli/commands.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus::cli {

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for --help
  bool hidden = false;       // a helper for scripts: not in help or usage messages
  // Declares the command's options; returns what runs it once parsed.
  Runner (*setup)(OptionBuilder& options) = nullptr;
};

[[nodiscard]] const std::vector<Command>& command_table();
// The commands a person sees, in table order.
[[nodiscard]] std::vector<std::string> visible_command_names();

}  // namespace valgus::cli
