#include "core/catalogue/importer.hpp"

#include "core/catalogue/field_reader.hpp"
#include "core/model/dose.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

namespace valgus {
namespace {

using Json = nlohmann::json;

SourceLocation json_location(const std::string& file, std::string_view text, std::size_t byte) {
  const auto [line, column] = position_in(text, byte);
  return SourceLocation{file, line, column};
}

// Where each top-level record starts. One pass over the text, outside
// strings, before any tree is built: the tree of hostile JSON costs many
// times its text. Malformed JSON passes on to the parser, which names its
// error.
std::vector<std::size_t> scan_records(const std::string& file, std::string_view text) {
  const auto refuse = [&](std::size_t at, const std::string& what) {
    throw Error(ExitCode::bad_data, json_location(file, text, at), what + "; is it free-exercise-db's exercises.json?");
  };
  std::vector<std::size_t> starts;
  int depth = 0;
  std::size_t values = 0;
  bool records_level = false;  // the top level is an array: its items are records
  bool expect_record = false;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    }
    if (expect_record && c != ']') {
      if (starts.size() == max_import_records) {
        refuse(i, fmt::format("more than {} records", max_import_records));
      }
      starts.push_back(i);
    }
    expect_record = false;
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > max_import_depth) {
          refuse(i, fmt::format("the data nests deeper than {} levels", max_import_depth));
        }
        if (depth == 1) {
          records_level = c == '[';
          expect_record = records_level;
        }
        ++values;
        break;
      case ']':
      case '}': --depth; break;
      case ',':
        expect_record = depth == 1 && records_level;
        ++values;
        break;
      default: break;
    }
    if (values > max_import_values) {
      refuse(i, fmt::format("more than {} values", max_import_values));
    }
  }
  return starts;
}

// Latin letters with accents as ASCII, for ids ("é" -> "e", "ß" -> "ss");
// empty for anything else.
std::string_view ascii_letters(std::uint32_t code) {
  static constexpr std::array<std::string_view, 64> latin1{
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00C0
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00E0
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // U+00F0
  // U+0100..U+017F, Latin Extended-A: mostly pairs of one base letter;
  // '*' marks the ligatures handled below.
  static constexpr std::string_view extended_a =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssss"
      "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  static_assert(extended_a.size() == 0x80);
  if (code >= 0xC0 && code <= 0xFF) {
    return latin1.at(code - 0xC0);
  }
  if (code == 0x132 || code == 0x133) {
    return "ij";
  }
  if (code == 0x152 || code == 0x153) {
    return "oe";
  }
  if (code >= 0x100 && code <= 0x17F) {
    return extended_a.substr(code - 0x100, 1);
  }
  return {};
}

// "Lower Back" -> "lower-back", "Élévation" -> "elevation": the dataset's
// words as catalogue ids. Without `fold_accents` only ASCII letters count.
std::string slug(std::string_view text, bool fold_accents = true) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = utf8_char_at(text, i);
    i += c.length;
    std::string letters;
    if (c.valid && c.code < 0x80 && std::isalnum(static_cast<int>(c.code)) != 0) {
      letters = static_cast<char>(std::tolower(static_cast<int>(c.code)));
    } else if (c.valid && fold_accents) {
      letters = ascii_letters(c.code);
    }
    if (!letters.empty()) {
      out += letters;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

// At most `max_characters` characters: cut, with "…" at the end.
std::string shortened(std::string text, std::size_t max_characters) {
  if (count_characters(text) <= max_characters) {
    return text;
  }
  std::size_t end = 0;
  for (std::size_t n = 0; n + 1 < max_characters; ++n) {
    end += utf8_char_at(text, end).length;
  }
  return trim(std::string_view(text).substr(0, end)) + "\xE2\x80\xA6";
}

// The strings of one record as catalogue text: tabs and line breaks become
// spaces (names and steps are one line, and a newline in the summary could
// forge a "valgus: error:" line), other controls U+FFFD (terminal_safe),
// trimmed, within `max_characters`. Notes what it had to change.
struct RecordText {
  const Json& record;
  bool neutralised = false;
  bool cut = false;

  std::string get(const char* key, std::size_t max_characters) {
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? clean(it->get_ref<const std::string&>(), max_characters)
                                                 : std::string();
  }
  std::vector<std::string> list(const char* key, std::size_t max_characters) {
    std::vector<std::string> out;
    const auto it = record.find(key);
    if (it != record.end() && it->is_array()) {
      for (const auto& item : *it) {
        if (item.is_string()) {
          out.push_back(clean(item.get_ref<const std::string&>(), max_characters));
        }
      }
    }
    return out;
  }
  std::string clean(std::string_view raw, std::size_t max_characters) {
    const auto first = raw.find_first_not_of(" \t\r\n");
    raw = first == std::string_view::npos ? std::string_view() : raw.substr(first);
    // Only the first max_characters + 1 characters can reach the catalogue:
    // clean no more, so a 64 MiB name costs no copies.
    std::size_t end = 0;
    for (std::size_t n = 0; end < raw.size() && n <= max_characters; ++n) {
      end += utf8_char_at(raw, end).length;
    }
    const bool over = end < raw.size();
    raw = raw.substr(0, end);
    std::string spaced(raw);
    std::replace(spaced.begin(), spaced.end(), '\r', '\n');
    std::string safe = trim(terminal_safe(fold_white_space(spaced)));
    neutralised = neutralised || safe != trim(raw);
    std::string out = shortened(safe, max_characters);
    cut = cut || over || out.size() != safe.size();
    return out;
  }
};

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

// Names in the summary stay short, whatever the data holds.
constexpr std::size_t label_characters = 60;

std::string counted(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A count with the first few records it was found in.
struct Examples {
  explicit Examples(std::string_view one_thing = {}, std::string_view many_things = {})
      : one(one_thing), many(many_things) {}

  std::string_view one;  // what is counted: "id", "ids"
  std::string_view many;
  int count = 0;
  int records = 0;
  std::vector<std::string> shown;

  void add(std::string example, int n = 1) {
    if (shown.size() < 3) {
      shown.push_back(shortened(std::move(example), label_characters));
    }
    count += n;
    ++records;
  }
  [[nodiscard]] std::string list() const {
    return join(shown, ", ") + (records > static_cast<int>(shown.size()) ? ", ..." : "");
  }
};

// Records not imported, by reason; most common first.
using Skips = std::map<std::string, Examples>;

std::vector<std::string> skip_lines(const Skips& skips) {
  std::vector<std::pair<std::string, Examples>> sorted(skips.begin(), skips.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  std::vector<std::string> out;
  for (const auto& [reason, examples] : sorted) {
    out.push_back(fmt::format("{}: {} (e.g. {})", reason, examples.count, join(examples.shown, ", ")));
  }
  return out;
}

// "fedb-" and `stem` within the loader's id length; "-2", "-3", ... when
// the id is taken.
std::string unique_id(const std::string& stem, std::set<std::string>& used) {
  for (int n = 1;; ++n) {
    const std::string suffix = n > 1 ? fmt::format("-{}", n) : std::string();
    std::string id = "fedb-" + stem.substr(0, max_id_characters - std::string_view("fedb-").size() - suffix.size());
    while (id.back() == '-') {
      id.pop_back();
    }
    if (used.insert(id + suffix).second) {
      return id + suffix;
    }
  }
}

// An entry written: the line of the YAML it starts on, and its record.
struct Written {
  int line = 0;
  std::size_t record = 0;
  std::string name;
};

constexpr std::size_t max_reported_errors = 5;

Error too_large(const std::string& file, std::size_t max_yaml_bytes) {
  constexpr std::size_t mib = std::size_t{1024} * 1024;
  return Error(ExitCode::bad_data, SourceLocation{file, 0, 0},
               fmt::format("the catalogue made from it would be larger than the {} a catalogue file may hold; split "
                           "the data into smaller files",
                           max_yaml_bytes % mib == 0 ? fmt::format("{} MiB", max_yaml_bytes / mib)
                                                     : fmt::format("{} bytes", max_yaml_bytes)));
}

// The backstop: what import writes passes the real loader on top of the
// catalogue it extends, or nothing is written. Errors point at the record.
void check_loads(const Catalogue& base, const std::string& file, std::string_view json,
                 const std::vector<std::size_t>& starts, const std::string& yaml, const std::vector<Written>& written) {
  const LoadResult loaded = load_catalogue(base, {CatalogueFile{"import", yaml, 1, "import"}});
  if (loaded.errors.empty()) {
    return;
  }
  // One named location, not a temporary per message: GCC 12 at -O3 warns
  // (wrongly) that a temporary's string may be used uninitialised.
  const SourceLocation whole_file{file, 0, 0};
  std::vector<Diagnostic> diagnostics{
      {whole_file, "the catalogue made from it would not pass valgus check, so nothing was written:"}};
  for (std::size_t i = 0; i < loaded.errors.size() && i < max_reported_errors; ++i) {
    const Diagnostic& error = loaded.errors[i];
    const auto after = std::upper_bound(written.begin(), written.end(), error.where.line,
                                        [](int line, const Written& entry) { return line < entry.line; });
    if (after == written.begin() || after[-1].record >= starts.size()) {
      diagnostics.push_back({whole_file, error.message});
    } else {
      diagnostics.push_back({json_location(file, json, starts[after[-1].record]),
                             fmt::format("{}: {}", yaml_double_quoted(after[-1].name), error.message)});
    }
  }
  if (loaded.errors.size() > max_reported_errors) {
    diagnostics.push_back(
        {whole_file, fmt::format("and {} more", counted(static_cast<int>(loaded.errors.size() - max_reported_errors),
                                                        "error", "errors"))});
  }
  throw Error(ExitCode::bad_data, std::move(diagnostics));
}

}  // namespace

ImportResult import_free_exercise_db(const Catalogue& catalogue, const std::string& file, std::string_view text,
                                     std::size_t max_yaml_bytes) {
  const std::vector<std::size_t> starts = scan_records(file, text);
  Json data;
  try {
    data = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    throw Error(ExitCode::bad_data, json_location(file, text, error.byte > 0 ? error.byte - 1 : 0),
                "not valid JSON; free-exercise-db data is one JSON array of exercises");
  } catch (const Json::out_of_range&) {
    // "1e999": the parser names no position.
    throw Error(ExitCode::bad_data, SourceLocation{file, 0, 0},
                "a number is too large; free-exercise-db data is one JSON array of exercises");
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
  Examples renamed{"id", "ids"};
  Examples dropped_steps{"empty step", "empty steps"};
  Examples neutralised{"exercise", "exercises"};
  Examples cut{"exercise", "exercises"};
  std::set<std::string> used_ids;
  std::vector<Written> written;
  // The header's lines and "exercises:", then the body's.
  int line = 5;
  std::string body;
  for (const auto& record : data) {
    const auto index = static_cast<std::size_t>(result.read++);
    if (!record.is_object()) {
      skips["not an exercise record"].add(fmt::format("item {}", result.read));
      continue;
    }
    RecordText fields{record};
    const std::string name = fields.get("name", max_line_characters);
    const std::string category = fields.get("category", label_characters);
    if (name.empty()) {
      skips["no name"].add(fmt::format("item {}", result.read));
      continue;
    }
    Phase phase = Phase::strengthen;
    if (name.size() >= 4 && name.compare(name.size() - 4, 4, "-SMR") == 0) {
      phase = Phase::release;
    } else if (category == "stretching") {
      phase = Phase::stretch;
    } else if (category != "strength") {
      skips[fmt::format("category \"{}\" is not part of corrective exercise", category)].add(name);
      continue;
    }
    std::vector<std::string> targets;
    std::vector<std::string> unknown;
    for (const auto& muscle : fields.list("primaryMuscles", label_characters)) {
      const std::string id = slug(muscle);
      if (catalogue.find_muscle(id) != nullptr || catalogue.find_muscle_group(id) != nullptr) {
        if (std::find(targets.begin(), targets.end(), id) == targets.end()) {
          targets.push_back(id);
        }
      } else if (!muscle.empty()) {
        unknown.push_back(muscle);
      }
    }
    if (targets.empty()) {
      skips[unknown.empty() ? std::string("no primary muscle")
                            : shortened("works only muscles valgus does not treat (" + join(unknown, ", "), 120) + ")"]
          .add(name);
      continue;
    }
    std::vector<std::string> gear;
    const std::string equipment_name = fields.get("equipment", label_characters);
    if (!equipment_name.empty()) {
      const auto found = equipment.find(slug(equipment_name));
      if (found == equipment.end()) {
        skips[fmt::format("equipment \"{}\" is not in the vocabulary", equipment_name)].add(name);
        continue;
      }
      gear.push_back(found->second);
    }
    std::vector<std::string> steps = fields.list("instructions", max_text_characters);
    const auto empty_steps = std::count(steps.begin(), steps.end(), std::string());
    steps.erase(std::remove(steps.begin(), steps.end(), std::string()), steps.end());
    if (steps.empty()) {
      skips["no instructions"].add(name);
      continue;
    }
    // The region of the first muscle (a group: its first member).
    Region region = Region::hip;
    const std::string first = catalogue.expand_muscles(targets.front()).front();
    if (const Muscle* muscle = catalogue.find_muscle(first)) {
      region = muscle->region;
    }
    // The id: from the dataset's id (else the name), accents folded, within
    // the loader's length, numbered when nothing is left or it is taken.
    const std::string source_id = fields.get("id", max_text_characters - 40);
    const std::string from = source_id.empty() ? name : source_id;
    const std::string stem = slug(from).empty() ? fmt::format("exercise-{}", result.read) : slug(from);
    const std::string id = unique_id(stem, used_ids);
    if (id != "fedb-" + slug(from, false)) {
      renamed.add(fmt::format("{} -> {}", yaml_double_quoted(shortened(from, label_characters)), id));
    }
    const std::string level = fields.get("level", label_characters);
    std::string entry = fmt::format("  - id: {}\n    name: {}\n    phase: {}\n    region: {}\n    targets: [{}]\n", id,
                                    yaml_double_quoted(name), to_string(phase), to_string(region), join(targets, ", "));
    if (!gear.empty()) {
      entry += fmt::format("    equipment: [{}]\n", join(gear, ", "));
    }
    entry += fmt::format(
        "    summary: {}\n",
        yaml_double_quoted(level.empty() ? "From free-exercise-db." : "From free-exercise-db, level " + level + "."));
    entry += fmt::format("    dose: {}\n    steps:\n", default_dose(phase));
    for (const auto& step : steps) {
      entry += fmt::format("      - {}\n", yaml_double_quoted(step));
    }
    entry += fmt::format("    source: {}\n    priority: 3\n",
                         yaml_double_quoted("free-exercise-db (public domain): " + source_id));
    if (empty_steps > 0) {
      dropped_steps.add(name, static_cast<int>(empty_steps));
    }
    if (fields.neutralised) {
      neutralised.add(name);
    }
    if (fields.cut) {
      cut.add(name);
    }
    written.push_back(Written{line, index, name});
    line += static_cast<int>(std::count(entry.begin(), entry.end(), '\n'));
    body += entry;
    ++result.imported;
    if (body.size() > max_yaml_bytes) {
      throw too_large(file, max_yaml_bytes);  // before the rest is built
    }
  }
  result.yaml = fmt::format(
      "# Imported from free-exercise-db (github.com/yuhonas/free-exercise-db, public domain) by\n"
      "# `valgus import free-exercise-db`: {} of {} records. Doses are valgus defaults, as the\n"
      "# dataset has none; every entry has priority 3 so built-in exercises come first.\n",
      result.imported, result.read);
  result.yaml += result.imported > 0 ? "exercises:\n" + body : "exercises: []\n";
  if (result.yaml.size() > max_yaml_bytes) {
    throw too_large(file, max_yaml_bytes);
  }
  check_loads(catalogue, file, text, starts, result.yaml, written);

  for (const auto& [examples, what] :
       {std::pair{&renamed, "renamed {}: {}"}, std::pair{&dropped_steps, "dropped {} (in {})"},
        std::pair{&neutralised, "replaced control characters or line breaks in {}: {}"},
        std::pair{&cut, "shortened over-long text in {}: {}"}}) {
    if (examples->count > 0) {
      result.changed.push_back(
          fmt::format(fmt::runtime(what), counted(examples->count, examples->one, examples->many), examples->list()));
    }
  }
  result.skipped = skip_lines(skips);
  return result;
}

}  // namespace valgus
