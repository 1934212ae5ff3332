// valgus completion bash|zsh|fish: shell completion generated from the
// command definitions themselves (every command of the table, every option
// and what it takes, from the typed completion registry), so it never
// drifts from the command line. The hidden `valgus __complete KIND` prints
// catalogue words at TAB time.

#include "cli/completion.hpp"

#include "cli/command_table.hpp"
#include "core/model/model.hpp"
#include "core/model/text.hpp"
#include "io/catalogue_files.hpp"
#include "io/word_cache.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace valgus::cli {
namespace {

ValueSpec value_spec(const CompletionSpec& spec) {
  switch (spec.kind) {
    case Completes::nothing: return {};
    case Completes::choices: return {ValueSpec::Kind::choices, join(spec.choices, " ")};
    case Completes::number: return {ValueSpec::Kind::number, ""};
    case Completes::file: return {ValueSpec::Kind::file, ""};
    case Completes::problem:
    case Completes::exercise:
    case Completes::phase:
    case Completes::equipment:
    case Completes::position:
    case Completes::command: return {ValueSpec::Kind::catalogue, std::string(completion_word_kind(spec.kind))};
  }
  return {};
}

OptionInfo describe(const CLI::Option& option, const Context& context) {
  OptionInfo info;
  for (const auto& name : option.get_lnames()) {
    info.names.push_back("--" + name);
  }
  for (const auto& name : option.get_snames()) {
    info.names.push_back("-" + name);
  }
  info.description = option.get_description();
  info.value = value_spec(context.completions.of(option));
  info.positional = option.get_positional() && !option.nonpositional();
  info.repeatable = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  return info;
}

std::vector<CommandInfo> describe_command_line(const CLI::App& app, const Context& context) {
  std::vector<CommandInfo> commands;
  CommandInfo top{"", app.get_description(), {}};
  for (const CLI::Option* option : app.get_options()) {
    top.options.push_back(describe(*option, context));
  }
  commands.push_back(top);
  for (const std::string& name : visible_command_names()) {
    const CLI::App* sub = app.get_subcommand(name);
    CommandInfo command{sub->get_name(), sub->get_description(), {}};
    for (const CLI::Option* option : sub->get_options()) {
      command.options.push_back(describe(*option, context));
    }
    commands.push_back(command);
  }
  return commands;
}

std::vector<std::string> catalogue_words(const Catalogue& catalogue, Completes kind) {
  switch (kind) {
    case Completes::problem: return catalogue.problem_ids();
    case Completes::exercise: return catalogue.exercise_ids();
    case Completes::position: return catalogue.position_ids();
    case Completes::command: return visible_command_names();
    case Completes::phase: {
      std::vector<std::string> phases;
      for (const Phase phase : all_phases) {
        phases.emplace_back(to_string(phase));
      }
      return phases;
    }
    case Completes::equipment: {
      std::vector<std::string> equipment{"none"};
      const auto kit = catalogue.kit_ids();
      equipment.insert(equipment.end(), kit.begin(), kit.end());
      return equipment;
    }
    case Completes::nothing:
    case Completes::choices:
    case Completes::number:
    case Completes::file: break;
  }
  return {};
}

}  // namespace

Runner setup_completion(OptionBuilder& options) {
  auto shell = std::make_shared<std::string>();
  options.positional("shell", *shell, "The shell: bash, zsh or fish", "SHELL")
      .required()
      .one_of({"bash", "zsh", "fish"});
  const CLI::App* app = &options.root();
  return [shell, app, &context = options.context()] {
    const auto commands = describe_command_line(*app, context);
    context.print(*shell == "bash"  ? bash_completion(commands)
                  : *shell == "zsh" ? zsh_completion(commands)
                                    : fish_completion(commands));
    return ExitCode::ok;
  };
}

Runner setup_complete_words(OptionBuilder& options) {
  auto kind = std::make_shared<std::string>();
  std::vector<std::string> kinds;
  for (const Completes each : word_completion_kinds()) {
    kinds.emplace_back(completion_word_kind(each));
  }
  options.positional("kind", *kind, "", "").required().one_of(kinds);
  return [kind, &context = options.context()] {
    Completes chosen = Completes::nothing;
    for (const Completes each : word_completion_kinds()) {
      if (completion_word_kind(each) == *kind) {
        chosen = each;
      }
    }
    // Command names need no catalogue (and must work with a broken one).
    if (chosen == Completes::command) {
      context.print(join(visible_command_names(), "\n") + "\n");
      return ExitCode::ok;
    }
    // Cached by the personal catalogue's files (the scripts pass no
    // --catalog), so TAB does not load a large catalogue every time.
    const bool cacheable =
        context.global.catalog_paths.empty() && !context.global.no_builtin && !context.global.no_user_catalog;
    const std::string name = "complete-" + *kind;
    const std::string key = cacheable ? word_cache_key({user_catalogue_dir()}) : std::string();
    if (cacheable) {
      if (const auto cached = read_word_cache(name, key)) {
        context.print(*cached);
        return ExitCode::ok;
      }
    }
    std::string out;
    for (const auto& word : catalogue_words(context.catalogue(), chosen)) {
      out += word + "\n";
    }
    if (cacheable) {
      write_word_cache(name, key, out);
    }
    context.print(out);
    return ExitCode::ok;
  };
}

}  // namespace valgus::cli
