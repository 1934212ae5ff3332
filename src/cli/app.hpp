#pragma once

// What main() needs besides the command table: the global options, the
// wording of CLI11's parse errors, and the one place an Error becomes the
// lines on stderr and the exit code.

#include "cli/context.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace valgus::cli {

// --version, --catalog, --no-user-catalog, --no-builtin, --color, and the
// examples under --help.
void add_global_options(CLI::App& app, Context& context);

// What CLI11's parse exceptions mean: --help and --version print and give
// 0; anything else throws a usage Error saying what the word is and what
// was probably meant ("unknown option \"--hip-rotaton\" (did you mean ...").
int handle_parse_error(const CLI::App& app, const CLI::ParseError& error);

// Prints the error, one "valgus: error:" line per diagnostic and its hint,
// and returns its exit code.
int report_error(const Error& error);

}  // namespace valgus::cli
