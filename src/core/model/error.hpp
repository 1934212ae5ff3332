#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace valgus {

// Process exit codes, from sysexits.h: scripts rely on them.
enum class ExitCode : int {
  ok = 0,
  usage = 64,
  bad_data = 65,
  no_input = 66,
  internal = 70,
  cannot_create = 73,
  io_error = 74,
};

// Where in a catalogue file something was found; line and column are 1-based.
// An empty file means "not from a file".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  friend bool operator==(const SourceLocation& a, const SourceLocation& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
  }
  friend bool operator!=(const SourceLocation& a, const SourceLocation& b) { return !(a == b); }
};

// One problem, printed as one line: "file:line:col: message" or "message".
struct Diagnostic {
  SourceLocation where;
  std::string message;

  [[nodiscard]] std::string to_string() const;
};

// The single error type of valgus. It carries the exit code and one or more
// diagnostics (the catalogue checker reports all of them at once).
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message);
  Error(ExitCode code, SourceLocation where, std::string message);
  Error(ExitCode code, std::vector<Diagnostic> diagnostics);

  [[nodiscard]] ExitCode code() const noexcept { return code_; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  // Lines printed after the error lines, as they are: what to do next
  // (the choices a usage error leaves open). Ends with a newline or is empty.
  [[nodiscard]] const std::string& hint() const noexcept { return hint_; }
  void set_hint(std::string hint) { hint_ = std::move(hint); }

 private:
  ExitCode code_;
  std::vector<Diagnostic> diagnostics_;
  std::string hint_;
};

}  // namespace valgus
