#include "core/catalogue/field_reader.hpp"

#include "core/model/text.hpp"

#include <algorithm>
#include <tuple>

namespace valgus {
namespace {

using Kind = YamlNode::Kind;

constexpr std::size_t max_reported_errors = 100;
// What one person can do in one exercise; far beyond any real dose (the
// built-in catalogue's largest are 3 sets, 30 reps, 10 s holds, 2 min),
// and small enough that estimates stay meaningful.
constexpr int max_sets = 10;                // sets of one exercise
constexpr int max_count = 100;              // repetitions in a set
constexpr int max_hold_seconds = 300;       // one hold: 5 min
constexpr int max_duration_seconds = 1800;  // one timed set: 30 min
constexpr int max_seconds_per_rep = 20;

std::vector<std::string> to_strings(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }

template <typename Enum, std::size_t N>
std::optional<Enum> choice(FieldReader& reader, const YamlNode* node, std::string_view field,
                           const std::array<Named<Enum>, N>& table, std::optional<Enum> (*parse)(std::string_view)) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  auto value = reader.line(node, field);
  if (!value) {
    return std::nullopt;
  }
  auto parsed = parse(*value);
  if (!parsed) {
    const auto valid = names_of(table);
    reader.errors().error(node->where, fmt::format("unknown {} \"{}\"{}; choose one of {}", field, *value,
                                                   did_you_mean_suffix(*value, valid), join(valid, ", ")));
  }
  return parsed;
}

}  // namespace

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case Kind::null: return "nothing";
    case Kind::sequence: return "a list";
    case Kind::mapping: return "a mapping";
    case Kind::scalar: break;
  }
  return fmt::format("\"{}\"", node.value);
}

// ---- errors --------------------------------------------------------------

std::size_t LoadErrors::begin_file(const std::string& path) {
  file_order_.emplace(path, file_order_.size());
  file_ = path;
  files_.push_back(path);
  return files_.size() - 1;
}

void LoadErrors::error(const SourceLocation& where, std::string message) {
  if (errors_.size() < max_reported_errors) {
    errors_.push_back(Diagnostic{where, std::move(message)});
  } else {
    ++unreported_;
    last_unreported_file_ = where.file;
  }
}

std::vector<Diagnostic> LoadErrors::take_sorted() {
  std::stable_sort(errors_.begin(), errors_.end(), [this](const Diagnostic& a, const Diagnostic& b) {
    const auto order = [this](const Diagnostic& d) {
      const auto it = file_order_.find(d.where.file);
      return std::make_tuple(it == file_order_.end() ? file_order_.size() : it->second, d.where.line, d.where.column);
    };
    return order(a) < order(b);
  });
  if (unreported_ > 0) {
    errors_.push_back(Diagnostic{SourceLocation{last_unreported_file_, 0, 0},
                                 fmt::format("{} more errors not shown; fix these first", unreported_)});
  }
  return std::move(errors_);
}

// ---- structure -----------------------------------------------------------

std::optional<Fields> FieldReader::fields(const YamlNode& node, const Schema& schema) {
  const std::string_view what = schema.what;
  if (node.kind != Kind::mapping) {
    errors_.error(node.where,
                  fmt::format("{} must be a mapping of fields (\"id: ...\"), not {}", what, describe(node)));
    return std::nullopt;
  }
  const auto& known = schema.known;
  Fields result;
  result.nodes_.reserve(node.entries.size());
  for (const auto& [key, value] : node.entries) {
    const auto known_key = std::find(known.begin(), known.end(), key.value);
    if (known_key == known.end()) {
      const auto names = to_strings(known);
      const std::string guess = did_you_mean_suffix(key.value, names);
      errors_.error(key.where, guess.empty() ? fmt::format("unknown field \"{}\" in {}; fields are {}", key.value, what,
                                                           join(names, ", "))
                                             : fmt::format("unknown field \"{}\" in {}{}", key.value, what, guess));
      result.complete = false;
      continue;
    }
    if (result.get(key.value) != nullptr) {
      errors_.error(key.where, fmt::format("duplicate field \"{}\" in {}; keep only one", key.value, what));
      result.complete = false;
      continue;
    }
    result.nodes_.emplace_back(*known_key, &value);
  }
  for (const auto key : schema.required) {
    if (result.get(key) == nullptr) {
      errors_.error(node.where, fmt::format("{} is missing the required field \"{}\"", what, key));
      result.complete = false;
    }
  }
  return result;
}

// ---- scalars -------------------------------------------------------------

// How one kind of text field is checked, and what its limit message says.
struct FieldReader::TextRule {
  bool one_line = false;
  std::size_t max_characters = 0;
  std::string_view what;  // what the limit is for: "an id", "a name or title"
  std::string_view fix;   // what to do past it
};

std::optional<std::string> FieldReader::checked_text(const YamlNode* node, std::string_view field,
                                                     const TextRule& rule) {
  if (node->kind != Kind::scalar) {
    errors_.error(node->where, fmt::format("\"{}\" must be text, not {}", field, describe(*node)));
    return std::nullopt;
  }
  const std::string_view raw = node->value;
  if (!is_valid_utf8(raw)) {
    // The file's bytes were checked before parsing: only yaml-cpp's "\N"
    // and "\_" escapes decode to bytes that are not UTF-8.
    errors_.error(node->where, fmt::format("\"{}\" holds a \"\\N\" or \"\\_\" escape, which the YAML reader cannot "
                                           "decode; write the character itself",
                                           field));
    return std::nullopt;
  }
  // The file's bytes passed the same rule (yaml_tree.cpp); this catches
  // what escapes such as "\u009B" or "\u202E" put back.
  for (std::size_t i = 0; i < raw.size();) {
    const Utf8Char c = utf8_char_at(raw, i);
    i += c.length;
    if (c.code >= 0x20 && c.code < 0x7F) {
      continue;
    }
    if (is_hidden_control(c.code)) {
      // Worded as check_text in yaml_tree.cpp words the same characters.
      const std::string what = c.code < 0x80 ? fmt::format("control character 0x{:02X}", c.code)
                                             : fmt::format("invisible control character U+{:04X}", c.code);
      errors_.error(node->where, fmt::format("\"{}\" contains the {}; remove it", field, what));
      return std::nullopt;
    }
    if (rule.one_line && is_line_break(c.code)) {
      errors_.error(node->where, fmt::format("\"{}\" must be one line; remove its line break", field));
      return std::nullopt;
    }
  }
  std::string value = trim(raw);
  if (value.find_first_of("\t\n\xE2") != std::string::npos) {  // \xE2: U+2028, U+2029
    value = trim(fold_white_space(value));
  }
  if (const std::size_t length = count_characters(value); length > rule.max_characters) {
    errors_.error(node->where, fmt::format("\"{}\" is {} characters long; {} is at most {} characters: {}", field,
                                           length, rule.what, rule.max_characters, rule.fix));
    return std::nullopt;
  }
  if (value.empty()) {
    errors_.error(node->where, fmt::format("\"{}\" must not be empty", field));
    return std::nullopt;
  }
  // Zero-width spaces, joiners, combining marks and tag characters alone
  // pass every rule above and print as nothing.
  if (display_width(value) == 0) {
    errors_.error(node->where, fmt::format("\"{}\" shows nothing: it holds only characters that take no room on a "
                                           "screen, such as zero-width spaces or combining marks; write it in letters",
                                           field));
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> FieldReader::text(const YamlNode* node, std::string_view field) {
  static constexpr TextRule paragraph{false, max_text_characters, "one text", "shorten it"};
  return node == nullptr ? std::string() : checked_text(node, field, paragraph);
}

std::optional<std::string> FieldReader::line(const YamlNode* node, std::string_view field) {
  static constexpr TextRule one_line{true, max_line_characters, "a name or title", "shorten it"};
  return node == nullptr ? std::string() : checked_text(node, field, one_line);
}

std::optional<std::string> FieldReader::identifier(const YamlNode* node, std::string_view field) {
  static constexpr TextRule id{true, max_id_characters, "an id", "use a short name like \"side-lunge\""};
  if (node == nullptr) {
    return std::nullopt;  // a missing id is reported as a missing field
  }
  auto value = checked_text(node, field, id);
  if (!value) {
    return std::nullopt;
  }
  bool ok = !value->empty() && value->front() != '-' && value->back() != '-' && value->find("--") == std::string::npos;
  for (const char c : *value) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }
  if (!ok) {
    errors_.error(node->where, fmt::format("invalid {} \"{}\": use lower-case letters, digits and single dashes, like "
                                           "\"side-lunge\"",
                                           field, *value));
    return std::nullopt;
  }
  return value;
}

// Strict decimal: no sign, no leading zero, no spaces, no quotes.
std::optional<int> FieldReader::whole_number(const YamlNode& node, std::string_view text_value, std::string_view field,
                                             int low, int high) {
  // A minus sign only where the field takes negative numbers (an angle).
  const bool negative = low < 0 && text_value.size() > 1 && text_value.front() == '-';
  const std::string_view magnitude = negative ? text_value.substr(1) : text_value;
  const bool digits = !magnitude.empty() &&
                      std::all_of(magnitude.begin(), magnitude.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (magnitude.size() > 1 && magnitude.front() == '0')) {
    errors_.error(node.where, fmt::format("\"{}\" must be a whole number like 12, not {}", field, describe(node)));
    return std::nullopt;
  }
  // Past nine digits it is out of range whatever it is: say so, with the range.
  const int size = static_cast<int>(magnitude.size());
  const int value = size <= 9 ? std::stoi(std::string(text_value)) : high;
  if (size > 9 || value < low || value > high) {
    errors_.error(node.where, fmt::format("\"{}\" is {}, outside {}..{}", field, text_value, low, high));
    return std::nullopt;
  }
  return value;
}

std::optional<int> FieldReader::integer(const YamlNode* node, std::string_view field, int low, int high) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  if (node->kind != Kind::scalar || node->quoted) {
    errors_.error(node->where, fmt::format("\"{}\" must be a whole number like 12, not {}", field, describe(*node)));
    return std::nullopt;
  }
  return whole_number(*node, node->value, field, low, high);
}

std::optional<Range> FieldReader::range(const YamlNode* node, std::string_view field, int high) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  // "10-15" is text to YAML whether quoted or not, so accept both; a lone
  // quoted number stays an error like everywhere else.
  const bool is_range = node->value.find('-') != std::string::npos;
  if (node->kind != Kind::scalar || (node->quoted && !is_range)) {
    errors_.error(node->where,
                  fmt::format("\"{}\" must be a number like 12 or a range like 10-15, not {}", field, describe(*node)));
    return std::nullopt;
  }
  const std::string_view value = node->value;
  const auto dash = value.find('-');
  if (dash == std::string_view::npos) {
    const auto number = whole_number(*node, value, field, 1, high);
    return number ? std::optional<Range>(Range{*number, *number}) : std::nullopt;
  }
  const auto low = whole_number(*node, value.substr(0, dash), field, 1, high);
  const auto top = low ? whole_number(*node, value.substr(dash + 1), field, 1, high) : std::nullopt;
  if (!low || !top) {
    return std::nullopt;
  }
  if (*low >= *top) {
    errors_.error(node->where,
                  fmt::format("\"{}\" range {} must go from the smaller to the larger number", field, value));
    return std::nullopt;
  }
  return Range{*low, *top};
}

std::optional<bool> FieldReader::boolean(const YamlNode* node, std::string_view field) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  if (node->kind == Kind::scalar && !node->quoted && (node->value == "true" || node->value == "false")) {
    return node->value == "true";
  }
  errors_.error(node->where, fmt::format("\"{}\" must be true or false, not {}", field, describe(*node)));
  return std::nullopt;
}

std::optional<Phase> FieldReader::phase(const YamlNode* node) {
  return choice(*this, node, "phase", phase_names, &parse_phase);
}

std::optional<Region> FieldReader::region(const YamlNode* node) {
  return choice(*this, node, "region", region_names, &parse_region);
}

std::optional<Placement> FieldReader::placement(const YamlNode* node) {
  return choice(*this, node, "placement", placement_names, &parse_placement);
}

std::optional<Unit> FieldReader::unit(const YamlNode* node) {
  return choice(*this, node, "unit", unit_names, &parse_unit);
}

std::optional<Comparison> FieldReader::comparison(const YamlNode* node) {
  return choice(*this, node, "comparison", comparison_names, &parse_comparison);
}

std::optional<double> FieldReader::number(const YamlNode* node, std::string_view field, double low, double high) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  const std::string_view value = node->value;
  const auto point = value.find('.');
  const auto digits = [](std::string_view part) {
    return !part.empty() && part.size() <= 6 &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string_view whole = value.substr(0, point);
  const bool ok = node->kind == Kind::scalar && !node->quoted && digits(whole) &&
                  (whole.size() == 1 || whole.front() != '0') &&
                  (point == std::string_view::npos || digits(value.substr(point + 1)));
  if (!ok) {
    errors_.error(node->where, fmt::format("\"{}\" must be a number like 10 or 3.5, not {}", field, describe(*node)));
    return std::nullopt;
  }
  const double number = std::stod(std::string(value));
  if (number < low || number > high) {
    errors_.error(node->where, fmt::format("\"{}\" is {}, outside {}..{}", field, value, low, high));
    return std::nullopt;
  }
  return number;
}

std::optional<Range> FieldReader::answer_range(const YamlNode* node, std::string_view field, int low, int high) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  const std::string_view value = node->value;
  const auto dash = value.find('-');
  if (node->kind != Kind::scalar || dash == std::string_view::npos) {
    errors_.error(node->where,
                  fmt::format("\"{}\" must be a range of answers like 0-30, not {}", field, describe(*node)));
    return std::nullopt;
  }
  const auto from = whole_number(*node, value.substr(0, dash), field, low, high);
  const auto to = from ? whole_number(*node, value.substr(dash + 1), field, low, high) : std::nullopt;
  if (!from || !to) {
    return std::nullopt;
  }
  if (*from >= *to) {
    errors_.error(node->where,
                  fmt::format("\"{}\" range {} must go from the smaller to the larger number", field, value));
    return std::nullopt;
  }
  return Range{*from, *to};
}

// ---- lists ---------------------------------------------------------------

std::optional<std::vector<std::string>> FieldReader::texts(const YamlNode* node, std::string_view field) {
  return list(node, field, [&](const YamlNode* item) { return text(item, field); });
}

std::optional<std::vector<std::string>> FieldReader::lines(const YamlNode* node, std::string_view field) {
  return list(node, field, [&](const YamlNode* item) { return line(item, field); });
}

std::optional<std::vector<std::string>> FieldReader::sources(const YamlNode* node) {
  if (node != nullptr && node->kind == Kind::scalar) {
    auto one = text(node, "source");
    return one ? std::optional<std::vector<std::string>>({*one}) : std::nullopt;
  }
  return texts(node, "source");
}

// ---- doses ---------------------------------------------------------------

std::optional<DoseChange> FieldReader::dose_change(const YamlNode& node, const Schema& schema, Fields* out) {
  auto f = fields(node, schema);
  if (!f) {
    return std::nullopt;
  }
  DoseChange change;
  bool ok = f->complete;
  const auto read = [&](const char* key, int high, std::optional<Range>& target) {
    if (const YamlNode* value = f->get(key)) {
      target = range(value, key, high);
      ok = ok && target.has_value();
    }
  };
  read("sets", max_sets, change.sets);
  read("reps", max_count, change.reps);
  read("hold_seconds", max_hold_seconds, change.hold_seconds);
  read("duration_seconds", max_duration_seconds, change.duration_seconds);
  if (out != nullptr) {
    *out = *f;
  }
  return ok ? std::optional<DoseChange>(change) : std::nullopt;
}

std::optional<Dose> FieldReader::dose(const YamlNode& node) {
  Fields f;
  auto change = dose_change(node, dose_schema(), &f);
  Dose result;
  bool ok = change.has_value();
  if (const YamlNode* per_side = f.get("per_side")) {
    const auto value = boolean(per_side, "per_side");
    ok = ok && value.has_value();
    result.per_side = value.value_or(false);
  }
  if (const YamlNode* tempo = f.get("seconds_per_rep")) {
    const auto value = integer(tempo, "seconds_per_rep", 1, max_seconds_per_rep);
    ok = ok && value.has_value();
    result.seconds_per_rep = value.value_or(result.seconds_per_rep);
  }
  if (!ok) {
    return std::nullopt;
  }
  if (!change->reps && !change->duration_seconds) {
    errors_.error(node.where, "dose needs \"reps\" or \"duration_seconds\"");
    return std::nullopt;
  }
  if (change->reps && change->duration_seconds) {
    errors_.error(node.where,
                  "dose gives both \"reps\" and \"duration_seconds\"; keep the one the exercise is counted in");
    return std::nullopt;
  }
  if (change->hold_seconds && !change->reps) {
    errors_.error(node.where,
                  "\"hold_seconds\" is a pause per repetition and needs \"reps\"; use \"duration_seconds\" for "
                  "a single hold");
    return std::nullopt;
  }
  result.sets = change->sets.value_or(result.sets);
  result.reps = change->reps.value_or(Range{});
  result.hold_seconds = change->hold_seconds.value_or(Range{});
  result.duration_seconds = change->duration_seconds.value_or(Range{});
  return result;
}

std::optional<Progression> FieldReader::progression(const YamlNode* node) {
  if (node == nullptr) {
    return std::nullopt;  // a missing required field is reported by fields()
  }
  auto f = fields(*node, progression_schema());
  if (!f) {
    return std::nullopt;
  }
  auto week = f->get("week") ? integer(f->get("week"), "week", 1, max_week) : std::nullopt;
  auto change = text(f->get("change"), "change");
  std::optional<DoseChange> dose_fields = DoseChange{};
  if (const YamlNode* dose_node = f->get("dose")) {
    dose_fields = dose_change(*dose_node, progression_dose_schema(), nullptr);
  }
  if (!(f->complete && week && change && dose_fields)) {
    return std::nullopt;
  }
  return Progression{*week, *change, *dose_fields};
}

}  // namespace valgus
