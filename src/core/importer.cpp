#include "core/importer.hpp"

#include "core/dose.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace valgus {
namespace {

using Json = nlohmann::json;

// "Lower Back" -> "lower-back": the dataset's names become catalogue ids.
std::string slug(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) {
      out += static_cast<char>(std::tolower(byte));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

SourceLocation json_location(const std::string& file, std::string_view text, std::size_t byte) {
  const auto [line, column] = position_in(text, byte);
  return SourceLocation{file, line, column};
}

std::string string_field(const Json& record, const char* key) {
  const auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> string_list(const Json& record, const char* key) {
  std::vector<std::string> out;
  const auto it = record.find(key);
  if (it != record.end() && it->is_array()) {
    for (const auto& item : *it) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      }
    }
  }
  return out;
}

// Doses for data that has none: the low end of the method's typical range.
std::string default_dose(Phase phase) {
  switch (phase) {
    case Phase::release: return "{duration_seconds: 30-60}";
    case Phase::stretch: return "{sets: 2, duration_seconds: 30}";
    case Phase::strengthen:
    case Phase::integrate: break;
  }
  return "{sets: 2, reps: 10-12}";
}

class Skips {
 public:
  void add(const std::string& reason, const std::string& name) {
    auto& entry = reasons_[reason];
    ++entry.first;
    if (entry.second.size() < 3) {
      entry.second.push_back(name);
    }
  }
  [[nodiscard]] std::vector<std::string> lines() const {
    std::vector<std::pair<std::string, std::pair<int, std::vector<std::string>>>> sorted(reasons_.begin(),
                                                                                         reasons_.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::vector<std::string> out;
    for (const auto& [reason, entry] : sorted) {
      out.push_back(fmt::format("{}: {} (e.g. {})", reason, entry.first, join(entry.second, ", ")));
    }
    return out;
  }

 private:
  std::map<std::string, std::pair<int, std::vector<std::string>>> reasons_;
};

}  // namespace

ImportResult import_free_exercise_db(const Catalogue& catalogue, const std::string& file, std::string_view text) {
  Json data;
  try {
    data = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    throw Error(ExitCode::bad_data, json_location(file, text, error.byte > 0 ? error.byte - 1 : 0),
                "not valid JSON; free-exercise-db data is one JSON array of exercises");
  }
  if (!data.is_array()) {
    throw Error(ExitCode::bad_data, SourceLocation{file, 1, 1},
                "expected a JSON array of exercises, as in free-exercise-db's exercises.json");
  }

  // Equipment names of the dataset -> vocabulary ids, through ids and aliases.
  std::map<std::string, std::string> equipment;
  for (const auto& item : catalogue.equipment) {
    equipment.emplace(slug(item.id), item.id);
    for (const auto& alias : item.aliases) {
      equipment.emplace(slug(alias), item.id);
    }
  }

  ImportResult result;
  Skips skips;
  std::set<std::string> used_ids;
  std::string body;
  for (const auto& record : data) {
    ++result.read;
    if (!record.is_object()) {
      skips.add("not an exercise record", fmt::format("item {}", result.read));
      continue;
    }
    const std::string name = string_field(record, "name");
    const std::string category = string_field(record, "category");
    const std::string label = name.empty() ? fmt::format("item {}", result.read) : name;
    if (name.empty()) {
      skips.add("no name", label);
      continue;
    }
    Phase phase = Phase::strengthen;
    if (name.size() >= 4 && name.compare(name.size() - 4, 4, "-SMR") == 0) {
      phase = Phase::release;
    } else if (category == "stretching") {
      phase = Phase::stretch;
    } else if (category != "strength") {
      skips.add(fmt::format("category \"{}\" is not part of corrective exercise", category), label);
      continue;
    }
    std::vector<std::string> targets;
    std::vector<std::string> unknown;
    for (const auto& muscle : string_list(record, "primaryMuscles")) {
      const std::string id = slug(muscle);
      if (catalogue.find_muscle(id) != nullptr || catalogue.find_muscle_group(id) != nullptr) {
        if (std::find(targets.begin(), targets.end(), id) == targets.end()) {
          targets.push_back(id);
        }
      } else {
        unknown.push_back(muscle);
      }
    }
    if (targets.empty()) {
      skips.add(unknown.empty() ? std::string("no primary muscle")
                                : "works only muscles valgus does not treat (" + join(unknown, ", ") + ")",
                label);
      continue;
    }
    std::vector<std::string> gear;
    const std::string equipment_name = string_field(record, "equipment");
    if (!equipment_name.empty()) {
      const auto found = equipment.find(slug(equipment_name));
      if (found == equipment.end()) {
        skips.add(fmt::format("equipment \"{}\" is not in the vocabulary", equipment_name), label);
        continue;
      }
      gear.push_back(found->second);
    }
    const auto steps = string_list(record, "instructions");
    if (steps.empty()) {
      skips.add("no instructions", label);
      continue;
    }
    // The region of the first muscle (a group: its first member).
    Region region = Region::hip;
    const std::string first = catalogue.expand_muscles(targets.front()).front();
    if (const Muscle* muscle = catalogue.find_muscle(first)) {
      region = muscle->region;
    }
    std::string id = "fedb-" + slug(string_field(record, "id").empty() ? name : string_field(record, "id"));
    for (int n = 2; !used_ids.insert(id).second; ++n) {
      id = fmt::format("fedb-{}-{}", slug(name), n);
    }
    body += fmt::format("  - id: {}\n    name: {}\n    phase: {}\n    region: {}\n    targets: [{}]\n", id,
                        yaml_double_quoted(name), to_string(phase), to_string(region), join(targets, ", "));
    if (!gear.empty()) {
      body += fmt::format("    equipment: [{}]\n", join(gear, ", "));
    }
    const std::string level = string_field(record, "level");
    body += fmt::format(
        "    summary: {}\n",
        yaml_double_quoted(level.empty() ? "From free-exercise-db." : "From free-exercise-db, level " + level + "."));
    body += fmt::format("    dose: {}\n    steps:\n", default_dose(phase));
    for (const auto& step : steps) {
      body += fmt::format("      - {}\n", yaml_double_quoted(step.empty() ? "-" : step));
    }
    body += fmt::format("    source: {}\n    priority: 3\n",
                        yaml_double_quoted("free-exercise-db (public domain): " + string_field(record, "id")));
    ++result.imported;
  }
  result.yaml = fmt::format(
      "# Imported from free-exercise-db (github.com/yuhonas/free-exercise-db, public domain) by\n"
      "# `valgus import free-exercise-db`: {} of {} records. Doses are valgus defaults, as the\n"
      "# dataset has none; every entry has priority 3 so built-in exercises come first.\n",
      result.imported, result.read);
  result.yaml += result.imported > 0 ? "exercises:\n" + body : "exercises: []\n";
  result.skipped = skips.lines();
  return result;
}

}  // namespace valgus
