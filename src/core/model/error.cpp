#include "core/model/error.hpp"

#include <fmt/format.h>

#include <utility>

namespace valgus {

std::string Diagnostic::to_string() const {
  if (where.file.empty()) {
    return message;
  }
  if (where.line <= 0) {
    return fmt::format("{}: {}", where.file, message);
  }
  return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, message);
}

namespace {
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  return diagnostics.empty() ? std::string("error") : diagnostics.front().to_string();
}
}  // namespace

Error::Error(ExitCode code, std::string message)
    : Error(code, std::vector<Diagnostic>{Diagnostic{{}, std::move(message)}}) {}

Error::Error(ExitCode code, SourceLocation where, std::string message)
    : Error(code, std::vector<Diagnostic>{Diagnostic{std::move(where), std::move(message)}}) {}

Error::Error(ExitCode code, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), code_(code), diagnostics_(std::move(diagnostics)) {}

}  // namespace valgus
