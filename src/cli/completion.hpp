#pragma once

// Shell completion: the command line described as plain data (every
// command, option and what its value takes), and one script generator per
// shell. Catalogue words are asked of `valgus __complete KIND` at TAB time,
// so they follow the catalogue loaded then.

#include <string>
#include <vector>

namespace valgus::cli {

// What an option's value completes to, as a script needs it.
struct ValueSpec {
  enum class Kind { none, choices, catalogue, file, number };
  Kind kind = Kind::none;
  std::string words;  // choices ("text markdown json") or a catalogue kind ("problems")
};

struct OptionInfo {
  std::vector<std::string> names;  // "--format", "-o"
  std::string description;
  ValueSpec value;
  bool positional = false;
  bool repeatable = false;
};

struct CommandInfo {
  std::string name;  // empty for the top level
  std::string description;
  std::vector<OptionInfo> options;
};

// `commands` starts with the top level, then each visible command.
// `words_of` gives the word list a value completes from.
[[nodiscard]] std::string words_of(const ValueSpec& value, const std::string& call);
[[nodiscard]] std::string bash_completion(const std::vector<CommandInfo>& commands);
[[nodiscard]] std::string zsh_completion(const std::vector<CommandInfo>& commands);
[[nodiscard]] std::string fish_completion(const std::vector<CommandInfo>& commands);

}  // namespace valgus::cli
