#include "core/follow/saved_programme.hpp"

#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace valgus {
namespace {

const Schema& programme_schema() {
  static const Schema schema{"programme",
                             {"start", "problems", "equipment", "days", "minutes", "max_exercises", "side", "when"},
                             {"start", "problems", "days", "minutes", "max_exercises"}};
  return schema;
}

std::string flow_list(const std::vector<std::string>& items) { return "[" + join(items, ", ") + "]"; }

// A value read from the file, checked against the catalogue: `known` says
// whether the id exists; an unknown one is reported with the valid ids.
template <typename Entry>
std::optional<std::vector<std::string>> known_ids(FieldReader& read, const YamlNode* node, std::string_view field,
                                                  const std::vector<Entry>& entries, std::string_view what) {
  return read.list(node, field, [&](const YamlNode* item) -> std::optional<std::string> {
    auto value = read.identifier(item, field);
    if (!value) {
      return std::nullopt;
    }
    const bool found =
        std::any_of(entries.begin(), entries.end(), [&](const Entry& entry) { return entry.id == *value; });
    if (!found) {
      std::vector<std::string> valid;
      for (const auto& entry : entries) {
        valid.push_back(entry.id);
      }
      read.errors().error(item->where, fmt::format("unknown {} \"{}\"{}; choose from {}", what, *value,
                                                   did_you_mean_suffix(*value, valid), join(valid, ", ")));
      return std::nullopt;
    }
    return value;
  });
}

}  // namespace

std::string programme_yaml(const SavedProgramme& programme, std::string_view header) {
  std::vector<std::string> days;
  for (const int day : programme.days) {
    days.emplace_back(weekday_names.at(static_cast<std::size_t>(day)).id);
  }
  std::string out;
  while (!header.empty()) {
    const auto end = header.find('\n');
    out += fmt::format("# {}\n", header.substr(0, end));
    header.remove_prefix(end == std::string_view::npos ? header.size() : end + 1);
  }
  out += fmt::format("start: {}\n", to_string(programme.start));
  out += fmt::format("problems: {}\n", flow_list(programme.problems));
  if (programme.equipment) {
    out += "# What you have; remove this line to use everything.\n";
    out += fmt::format("equipment: {}\n", flow_list(*programme.equipment));
  }
  out += fmt::format("days: {}\n", flow_list(days));
  out += fmt::format("minutes: {}\n", programme.minutes);
  out += fmt::format("max_exercises: {}\n", programme.max_exercises);
  out += fmt::format("side: {}\n", to_string(programme.side));
  if (!programme.when.empty()) {
    out += fmt::format("when: {}\n", programme.when);
  }
  return out;
}

SavedProgramme read_programme(const CatalogueFile& file, const Catalogue& catalogue) {
  const YamlDocument document = parse_yaml(file.path, file.text);
  LoadErrors errors;
  errors.begin_file(file.path);
  FieldReader read(errors);
  SavedProgramme programme;
  const auto fields = read.fields(document.root, programme_schema());
  if (!fields) {
    throw Error(ExitCode::bad_data, errors.take_sorted());
  }
  bool ok = fields->complete;
  if (const YamlNode* node = fields->get("start")) {
    const auto text = read.line(node, "start");
    try {
      programme.start = text ? parse_date(*text) : programme.start;
      ok = ok && text.has_value();
    } catch (const Error& error) {
      errors.error(node->where, error.diagnostics().front().message);
      ok = false;
    }
  }
  const auto problems = known_ids(read, fields->get("problems"), "problems", catalogue.problems, "problem");
  if (problems && problems->empty() && fields->get("problems") != nullptr) {
    errors.error(fields->get("problems")->where, "\"problems\" must name at least one problem");
    ok = false;
  }
  ok = ok && problems.has_value();
  programme.problems = problems.value_or(std::vector<std::string>{});
  if (const YamlNode* node = fields->get("equipment")) {
    const auto equipment = known_ids(read, node, "equipment", catalogue.equipment, "equipment");
    ok = ok && equipment.has_value();
    programme.equipment = equipment;
  }
  if (const YamlNode* node = fields->get("days")) {
    const auto names = read.lines(node, "days");
    ok = ok && names.has_value();
    for (const auto& name : names.value_or(std::vector<std::string>{})) {
      const std::optional<int> day = weekday_of_id(name);
      if (!day || (!programme.days.empty() && *day <= programme.days.back())) {
        errors.error(node->where, fmt::format("\"days\" must be distinct weekdays in week order, such as [mon, wed, "
                                              "fri] (mon tue wed thu fri sat sun), not \"{}\"",
                                              one_line(name)));
        ok = false;
        break;
      }
      programme.days.push_back(*day);
    }
    if (ok && programme.days.empty()) {
      errors.error(node->where, "\"days\" must name at least one weekday, such as [mon, wed, fri]");
      ok = false;
    }
  }
  const auto minutes = read.integer(fields->get("minutes"), "minutes", 1, max_minutes);
  const auto most = read.integer(fields->get("max_exercises"), "max_exercises", 1, max_session_exercises);
  ok = ok && minutes && most;
  programme.minutes = minutes.value_or(programme.minutes);
  programme.max_exercises = most.value_or(programme.max_exercises);
  if (const YamlNode* node = fields->get("side")) {
    const auto text = read.line(node, "side");
    const auto side = text ? parse_side(*text) : std::nullopt;
    if (text && !side) {
      errors.error(node->where, fmt::format("unknown side \"{}\"; choose one of {}", one_line(*text),
                                            join(names_of(side_names), ", ")));
    }
    ok = ok && side.has_value();
    programme.side = side.value_or(Side::both);
  }
  if (const YamlNode* node = fields->get("when")) {
    const auto when = read.identifier(node, "when");
    if (when && catalogue.find_position(*when) == nullptr) {
      std::vector<std::string> valid;
      for (const auto& position : catalogue.positions) {
        valid.push_back(position.id);
      }
      errors.error(node->where, fmt::format("unknown position \"{}\"{}; choose from {}", *when,
                                            did_you_mean_suffix(*when, valid), join(valid, ", ")));
      ok = false;
    }
    ok = ok && when.has_value();
    programme.when = when.value_or("");
  }
  auto found = errors.take_sorted();
  if (!ok || !found.empty()) {
    if (found.empty()) {
      found.push_back(Diagnostic{SourceLocation{file.path, 1, 1}, "the programme could not be read"});
    }
    throw Error(ExitCode::bad_data, std::move(found));
  }
  return programme;
}

}  // namespace valgus
