// valgus problems: the red flags to rule out first, then every problem with its
// self-tests, to choose the flags.

#include "cli/commands.hpp"

#include "render/formats.hpp"

#include <memory>

namespace valgus::cli {

ExitCode run_problems(const Context& context, const ProblemsArgs& args) {
  const Format& format = find_format(DataKind::problems, args.format);
  const Catalogue catalogue = context.catalogue();
  ProblemsListing listing{&catalogue, problem_labels(catalogue, context.builtin().problem_ids()), {}};
  if (listing.labels.size() >= 2) {
    listing.closing = "Combine the flags of every problem that fits you, e.g. valgus plan " + listing.labels[0] + " " +
                      listing.labels[1] + ".";
  }
  context.print(format.problems(listing, context.terminal_style()));
  return ExitCode::ok;
}

Runner setup_problems(OptionBuilder& options) {
  auto args = std::make_shared<ProblemsArgs>();
  add_format_option(options, DataKind::problems, args->format);
  return [args, &context = options.context()] { return run_problems(context, *args); };
}

}  // namespace valgus::cli
