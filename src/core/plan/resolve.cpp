#include "core/plan/resolve.hpp"

#include "core/model/text.hpp"
#include "core/plan/planner.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {

namespace {

// The one wording for a name the catalogue does not know: "unknown problem
// "x" (did you mean "y"?); valid problems: a, b". `guesses` are the words a
// did-you-mean may suggest, `valid` the choices listed.
Error unknown_name(std::string_view kind, std::string_view word, const std::vector<std::string>& guesses,
                   std::string_view valid_label, const std::vector<std::string>& valid) {
  return {ExitCode::usage, fmt::format("unknown {} \"{}\"{}; valid {}: {}", kind, word,
                                       did_you_mean_suffix(word, guesses), valid_label, join(valid, ", "))};
}

void check_range(std::string_view field, int value, int max) {
  if (value < 1 || value > max) {
    throw Error(ExitCode::usage, fmt::format("{} must be a whole number from 1 to {}", field, max));
  }
}

}  // namespace

const Problem& require_problem(const Catalogue& catalogue, std::string_view id) {
  const Problem* problem = catalogue.find_problem(id);
  if (problem == nullptr) {
    const auto valid = catalogue.problem_ids();
    throw unknown_name("problem", id, valid, "problems", valid);
  }
  return *problem;
}

Phase require_phase(std::string_view name) {
  if (const auto phase = parse_phase(name)) {
    return *phase;
  }
  std::vector<std::string> valid;
  for (const Phase phase : all_phases) {
    valid.emplace_back(to_string(phase));
  }
  throw unknown_name("phase", name, valid, "phases", valid);
}

const Position& require_position(const Catalogue& catalogue, std::string_view id) {
  const Position* position = catalogue.find_position(id);
  if (position == nullptr) {
    const auto valid = catalogue.position_ids();
    throw unknown_name("position", id, valid, "positions", valid);
  }
  return *position;
}

std::vector<std::string> parse_equipment_list(const Catalogue& catalogue, std::string_view list) {
  std::vector<std::string> items;
  std::vector<std::string> valid{"none"};
  const auto kit = catalogue.kit_ids();
  valid.insert(valid.end(), kit.begin(), kit.end());
  std::vector<std::string> words{"none"};  // every word accepted, for did-you-mean
  for (const auto& item : catalogue.equipment) {
    words.push_back(item.id);
    words.push_back(item.name);
    words.insert(words.end(), item.aliases.begin(), item.aliases.end());
  }
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = trim(list.substr(start, comma - start));
    start = comma + 1;
    if (item.empty() || item == "none") {
      continue;
    }
    const auto named = catalogue.equipment_named(item);
    if (named.empty()) {
      throw unknown_name("equipment", item, words, "equipment", valid);
    }
    if (named.size() > 1) {
      std::vector<std::string> ids;
      for (const Equipment* candidate : named) {
        ids.push_back(candidate->id);
      }
      throw Error(ExitCode::usage, fmt::format("equipment \"{}\" could be any of {}; give one of these ids instead",
                                               item, join(ids, ", ")));
    }
    if (std::find(items.begin(), items.end(), named.front()->id) == items.end()) {
      items.push_back(named.front()->id);
    }
  }
  return items;
}

std::vector<const Problem*> resolve_problems(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  if (ids.empty()) {
    throw Error(ExitCode::usage,
                fmt::format("no problem given; valid problems: {}", join(catalogue.problem_ids(), ", ")));
  }
  std::vector<const Problem*> problems;
  for (const auto& id : ids) {
    const Problem* problem = &require_problem(catalogue, id);
    if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
      problems.push_back(problem);
    }
  }
  // Catalogue order (the problems are one vector), so "--pronation
  // --hip-rotation" and the reverse agree.
  std::sort(problems.begin(), problems.end());
  if (problems.size() > max_plan_problems) {
    throw Error(ExitCode::usage, fmt::format("{} problems given; a plan covers at most {}: choose the ones that "
                                             "matter most",
                                             problems.size(), max_plan_problems));
  }
  return problems;
}

void check_request(const Request& request) {
  check_range("week", request.week, max_week);
  if (request.minutes) {
    check_range("minutes", *request.minutes, max_minutes);
  }
  if (request.max_exercises) {
    check_range("max_exercises", *request.max_exercises, max_session_exercises);
  }
  const auto& days = request.days;
  const bool days_ok = days.size() <= 7 && std::is_sorted(days.begin(), days.end()) &&
                       std::adjacent_find(days.begin(), days.end()) == days.end() &&
                       std::all_of(days.begin(), days.end(), [](int day) { return day >= 0 && day <= 6; });
  if (!days_ok) {
    throw Error(ExitCode::usage, "days must be distinct weekdays from 0 (Monday) to 6 (Sunday), in order");
  }
}

}  // namespace valgus
