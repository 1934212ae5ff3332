// YAML text -> validated Catalogue. Every check reports "file:line:col:
// message" and the loader goes on, so `valgus check` can list all errors.

#include "parse_ahead.hpp"
#include "valgus/catalogue.hpp"
#include "valgus/text.hpp"
#include "yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory_resource>
#include <set>
#include <tuple>
#include <utility>

namespace valgus {
namespace {

using Kind = YamlNode::Kind;

constexpr int max_count = 1000;
constexpr std::size_t max_reported_errors = 100;
constexpr int max_seconds = 3600;
constexpr int max_week = 104;

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case Kind::null: return "nothing";
    case Kind::sequence: return "a list";
    case Kind::mapping: return "a mapping";
    case Kind::scalar: break;
  }
  return fmt::format("\"{}\"", node.value);
}

// What kind of entry an id belongs to; ids are unique per kind.
enum class EntryKind { muscle, muscle_group, equipment, position, problem, exercise, habit, note };

std::string_view entry_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::muscle: return "muscle";
    case EntryKind::muscle_group: return "muscle group";
    case EntryKind::equipment: return "equipment";
    case EntryKind::position: return "position";
    case EntryKind::problem: return "problem";
    case EntryKind::exercise: return "exercise";
    case EntryKind::habit: return "habit";
    case EntryKind::note: return "note";
  }
  return "entry";
}

// A reference to another entry, checked once every file is loaded.
// Cheap to record by the hundred thousand: the file is an index into the
// loader's file list, and the field a literal.
struct Reference {
  enum class To { muscle, equipment, exercise, position };
  To to = To::muscle;
  std::string id;
  std::size_t file = 0;
  Mark mark;
  std::string_view field;
  std::optional<Phase> phase;  // an alternative must share its exercise's phase
};

// The keys of one mapping, checked against the schema.
// A handful of keys per mapping: a flat list beats a map (no allocation per
// key), which matters for catalogues of many thousand entries.
class Fields {
 public:
  [[nodiscard]] const YamlNode* get(std::string_view key) const {
    for (const auto& [name, node] : nodes_) {
      if (name == key) {
        return node;
      }
    }
    return nullptr;
  }
  std::vector<std::pair<std::string_view, const YamlNode*>> nodes_;
  bool complete = true;  // every required key is there
};

using Keys = std::initializer_list<std::string_view>;

std::vector<std::string> to_strings(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }

class Loader {
 public:
  Loader() = default;

  // Starts from a valid catalogue: its entries are layer 0.
  explicit Loader(Catalogue base) : catalogue_(std::move(base)) {
    register_all(EntryKind::muscle, catalogue_.muscles);
    register_all(EntryKind::muscle_group, catalogue_.muscle_groups);
    register_all(EntryKind::equipment, catalogue_.equipment);
    register_all(EntryKind::position, catalogue_.positions);
    register_all(EntryKind::problem, catalogue_.problems);
    register_all(EntryKind::exercise, catalogue_.exercises);
    register_all(EntryKind::habit, catalogue_.habits);
    register_all(EntryKind::note, catalogue_.notes);
  }

  // `parsed` is the file's tree (from ParseAhead): the loader only checks
  // and converts it.
  void load(const CatalogueFile& file, ParsedFile parsed) {
    file_order_.emplace(file.path, file_order_.size());
    file_ = file.path;
    file_index_ = files_.size();
    files_.push_back(file.path);
    origin_ = file.origin;
    try {
      if (parsed.failure) {
        std::rethrow_exception(parsed.failure);
      }
    } catch (const Error& error) {
      for (const auto& diagnostic : error.diagnostics()) {
        this->error(diagnostic.where, diagnostic.message);
      }
      return;
    }
    const YamlNode& root = parsed.document.root;
    layer_ = file.layer;
    if (root.kind != Kind::mapping) {
      error(root.where, fmt::format("a catalogue file must be a mapping of sections such as \"exercises:\", not {}",
                                    describe(root)));
      return;
    }
    static const std::vector<std::string> sections{"muscles",  "muscle_groups", "equipment", "positions",
                                                   "problems", "exercises",     "habits",    "notes"};
    std::set<std::string, std::less<>> seen;
    for (const auto& entry : root.entries) {
      // Plain references, not a structured binding: the lambda below uses them.
      const YamlNode& key = entry.key;
      const YamlNode& value = entry.value;
      if (!seen.insert(std::string(key.value)).second) {
        error(key.where, fmt::format("duplicate section \"{}\"; merge the two lists into one", key.value));
        continue;
      }
      const auto each = [&](const auto& parse_entry) {
        if (value.kind != Kind::sequence) {
          error(value.where,
                fmt::format("\"{}\" must be a list of entries (\"- id: ...\"), not {}", key.value, describe(value)));
          return;
        }
        for (const auto& item : value.items) {
          parse_entry(item);
        }
      };
      if (key.value == "muscles") {
        each([this](const YamlNode& n) { muscle(n); });
      } else if (key.value == "muscle_groups") {
        each([this](const YamlNode& n) { muscle_group(n); });
      } else if (key.value == "equipment") {
        each([this](const YamlNode& n) { equipment(n); });
      } else if (key.value == "positions") {
        each([this](const YamlNode& n) { position(n); });
      } else if (key.value == "problems") {
        each([this](const YamlNode& n) { problem(n); });
      } else if (key.value == "exercises") {
        each([this](const YamlNode& n) { exercise(n); });
      } else if (key.value == "habits") {
        each([this](const YamlNode& n) { habit(n); });
      } else if (key.value == "notes") {
        each([this](const YamlNode& n) { note(n); });
      } else {
        error(key.where, fmt::format("unknown section \"{}\"{}; sections are {}", key.value,
                                     did_you_mean_suffix(key.value, sections), join(sections, ", ")));
      }
    }
  }

  LoadResult finish() {
    check_references();  // which leaves the catalogue indexed
    // Report in reading order: file by file, top to bottom.
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
    return LoadResult{std::move(catalogue_), std::move(errors_)};
  }

 private:
  // A broken file can hold a huge number of errors; the first ones are
  // what a person can act on, and the rest only cost memory and screen.
  [[nodiscard]] SourceLocation at(const Mark& mark) const { return SourceLocation{file_, mark.line, mark.column}; }

  void error(const Mark& mark, std::string message) { error(at(mark), std::move(message)); }

  [[nodiscard]] SourceLocation where_of(const Reference& ref) const {
    return SourceLocation{files_[ref.file], ref.mark.line, ref.mark.column};
  }

  void error(const SourceLocation& where, std::string message) {
    if (errors_.size() < max_reported_errors) {
      errors_.push_back(Diagnostic{where, std::move(message)});
    } else {
      ++unreported_;
      last_unreported_file_ = where.file;
    }
  }

  // ---- structure ---------------------------------------------------------

  std::optional<Fields> fields(const YamlNode& node, std::string_view what, const std::vector<std::string_view>& known,
                               Keys required) {
    if (node.kind != Kind::mapping) {
      error(node.where, fmt::format("{} must be a mapping of fields (\"id: ...\"), not {}", what, describe(node)));
      return std::nullopt;
    }
    Fields result;
    result.nodes_.reserve(node.entries.size());
    for (const auto& [key, value] : node.entries) {
      const auto known_key = std::find(known.begin(), known.end(), key.value);
      if (known_key == known.end()) {
        const auto names = to_strings(known);
        const std::string guess = did_you_mean_suffix(key.value, names);
        error(key.where, guess.empty() ? fmt::format("unknown field \"{}\" in {}; fields are {}", key.value, what,
                                                     join(names, ", "))
                                       : fmt::format("unknown field \"{}\" in {}{}", key.value, what, guess));
        result.complete = false;
        continue;
      }
      if (result.get(key.value) != nullptr) {
        error(key.where, fmt::format("duplicate field \"{}\" in {}; keep only one", key.value, what));
        result.complete = false;
        continue;
      }
      result.nodes_.emplace_back(*known_key, &value);
    }
    for (const auto key : required) {
      if (result.get(key) == nullptr) {
        error(node.where, fmt::format("{} is missing the required field \"{}\"", what, key));
        result.complete = false;
      }
    }
    return result;
  }

  // ---- scalars -----------------------------------------------------------

  std::optional<std::string> text(const YamlNode* node, std::string_view field) {
    if (node == nullptr) {
      return std::string();
    }
    if (node->kind != Kind::scalar) {
      error(node->where, fmt::format("\"{}\" must be text, not {}", field, describe(*node)));
      return std::nullopt;
    }
    if (!is_valid_utf8(node->value)) {
      error(node->where, fmt::format("\"{}\" is not valid UTF-8; save the file as UTF-8", field));
      return std::nullopt;
    }
    for (const char c : node->value) {
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
        error(node->where, fmt::format("\"{}\" contains the control character 0x{:02X}; remove it", field,
                                       static_cast<unsigned>(byte)));
        return std::nullopt;
      }
    }
    std::string value = trim(node->value);
    if (value.empty()) {
      error(node->where, fmt::format("\"{}\" must not be empty", field));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> identifier(const YamlNode* node, std::string_view field) {
    if (node == nullptr) {
      return std::nullopt;  // a missing id is reported as a missing field
    }
    auto value = text(node, field);
    if (!value) {
      return std::nullopt;
    }
    bool ok =
        !value->empty() && value->front() != '-' && value->back() != '-' && value->find("--") == std::string::npos;
    for (const char c : *value) {
      ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    }
    if (!ok) {
      error(node->where, fmt::format("invalid {} \"{}\": use lower-case letters, digits and single dashes, like "
                                     "\"side-lunge\"",
                                     field, *value));
      return std::nullopt;
    }
    return value;
  }

  // Strict decimal: no sign, no leading zero, no spaces, no quotes.
  std::optional<int> whole_number(const YamlNode& node, std::string_view text_value, std::string_view field, int low,
                                  int high) {
    const bool digits = !text_value.empty() && text_value.size() <= 9 &&
                        std::all_of(text_value.begin(), text_value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || (text_value.size() > 1 && text_value.front() == '0')) {
      error(node.where, fmt::format("\"{}\" must be a whole number like 12, not {}", field, describe(node)));
      return std::nullopt;
    }
    const int value = std::stoi(std::string(text_value));
    if (value < low || value > high) {
      error(node.where, fmt::format("\"{}\" is {}, outside {}..{}", field, value, low, high));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> integer(const YamlNode* node, std::string_view field, int low, int high) {
    if (node->kind != Kind::scalar || node->quoted) {
      error(node->where, fmt::format("\"{}\" must be a whole number like 12, not {}", field, describe(*node)));
      return std::nullopt;
    }
    return whole_number(*node, node->value, field, low, high);
  }

  // 12, or "10-15" (a range).
  std::optional<Range> range(const YamlNode* node, std::string_view field, int high) {
    // "10-15" is text to YAML whether quoted or not, so accept both; a lone
    // quoted number stays an error like everywhere else.
    const bool is_range = node->value.find('-') != std::string::npos;
    if (node->kind != Kind::scalar || (node->quoted && !is_range)) {
      error(node->where,
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
      error(node->where, fmt::format("\"{}\" range {} must go from the smaller to the larger number", field, value));
      return std::nullopt;
    }
    return Range{*low, *top};
  }

  std::optional<bool> boolean(const YamlNode* node, std::string_view field) {
    if (node->kind == Kind::scalar && !node->quoted && (node->value == "true" || node->value == "false")) {
      return node->value == "true";
    }
    error(node->where, fmt::format("\"{}\" must be true or false, not {}", field, describe(*node)));
    return std::nullopt;
  }

  template <typename Convert>
  auto list(const YamlNode* node, std::string_view field, Convert convert)
      -> std::optional<std::vector<typename std::invoke_result_t<Convert, const YamlNode*>::value_type>> {
    using Item = typename std::invoke_result_t<Convert, const YamlNode*>::value_type;
    std::vector<Item> items;
    if (node == nullptr) {
      return items;
    }
    if (node->kind != Kind::sequence) {
      error(node->where, fmt::format("\"{}\" must be a list like [a, b], not {}", field, describe(*node)));
      return std::nullopt;
    }
    bool ok = true;
    for (const auto& item : node->items) {
      auto value = convert(&item);
      ok = ok && value.has_value();
      if (value) {
        items.push_back(std::move(*value));
      }
    }
    return ok ? std::optional<std::vector<Item>>(std::move(items)) : std::nullopt;
  }

  std::optional<std::vector<std::string>> texts(const YamlNode* node, std::string_view field) {
    return list(node, field, [&](const YamlNode* item) { return text(item, field); });
  }

  // A list of ids that refer to other entries, checked in finish().
  std::optional<std::vector<std::string>> references(const YamlNode* node, std::string_view field, Reference::To to,
                                                     std::optional<Phase> phase = std::nullopt) {
    return list(node, field, [&](const YamlNode* item) {
      auto id = identifier(item, field);
      if (id) {
        references_.push_back(Reference{to, *id, file_index_, item->where, field, phase});
      }
      return id;
    });
  }

  std::optional<std::vector<std::string>> sources(const YamlNode* node) {
    if (node != nullptr && node->kind == Kind::scalar) {
      auto one = text(node, "source");
      return one ? std::optional<std::vector<std::string>>({*one}) : std::nullopt;
    }
    return texts(node, "source");
  }

  template <typename Enum>
  std::optional<Enum> choice(const YamlNode* node, std::string_view field,
                             std::optional<Enum> (*parse)(std::string_view), const std::vector<std::string>& valid) {
    auto value = text(node, field);
    if (!value) {
      return std::nullopt;
    }
    auto parsed = parse(*value);
    if (!parsed) {
      error(node->where, fmt::format("unknown {} \"{}\"{}; choose one of {}", field, *value,
                                     did_you_mean_suffix(*value, valid), join(valid, ", ")));
    }
    return parsed;
  }

  std::optional<Phase> phase(const YamlNode* node) {
    static const std::vector<std::string> valid{"release", "stretch", "strengthen", "integrate"};
    return choice<Phase>(node, "phase", &parse_phase, valid);
  }
  std::optional<Region> region(const YamlNode* node) {
    static const std::vector<std::string> valid{"pelvis", "hip", "knee", "ankle", "foot"};
    return choice<Region>(node, "region", &parse_region, valid);
  }

  // ---- entries -----------------------------------------------------------

  template <typename T>
  void register_all(EntryKind kind, const std::vector<T>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      owners_.emplace(std::make_pair(kind, items[i].id), Owner{0, items[i].where, i});
    }
  }

  // Reads the id of an entry and claims it as soon as it is read, so a
  // repeated id is reported even when either entry has other errors.
  std::optional<std::string> claim_id(EntryKind kind, const Fields& f, const YamlNode& entry) {
    auto id = identifier(f.get("id"), "id");
    if (!id) {
      return std::nullopt;
    }
    const auto key = std::make_pair(kind, *id);
    const auto found = owners_.find(key);
    if (found == owners_.end()) {
      owners_.emplace(key, Owner{layer_, at(entry.where), no_index});
      return id;
    }
    Owner& owner = found->second;
    if (owner.layer == layer_) {
      error(entry.where, fmt::format("duplicate {} id \"{}\" (first defined at {}:{}:{}); rename one of them",
                                     entry_name(kind), *id, owner.where.file, owner.where.line, owner.where.column));
      return std::nullopt;
    }
    owner.layer = layer_;
    owner.where = at(entry.where);
    return id;
  }

  // Adds a valid entry; one from a later layer replaces the earlier entry
  // with its id in place, keeping catalogue order stable.
  template <typename T>
  void add(EntryKind kind, std::vector<T>& items, T entry) {
    Owner& owner = owners_.at(std::make_pair(kind, entry.id));
    if (owner.index == no_index) {
      owner.index = items.size();
      items.push_back(std::move(entry));
    } else {
      items[owner.index] = std::move(entry);
    }
  }

  void muscle(const YamlNode& node) {
    auto f = fields(node, "muscle", {"id", "name", "region"}, {"id", "name", "region"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::muscle, *f, node);
    auto name = text(f->get("name"), "name");
    auto where = f->get("region") ? region(f->get("region")) : std::nullopt;
    if (f->complete && id && name && where) {
      add(EntryKind::muscle, catalogue_.muscles, Muscle{*id, *name, *where, at(node.where)});
    }
  }

  void muscle_group(const YamlNode& node) {
    auto f = fields(node, "muscle group", {"id", "name", "members"}, {"id", "name", "members"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::muscle_group, *f, node);
    auto name = text(f->get("name"), "name");
    auto members = list(f->get("members"), "members", [&](const YamlNode* item) {
      auto member = identifier(item, "members");
      if (member) {
        group_members_.push_back(
            Reference{Reference::To::muscle, *member, file_index_, item->where, "members", std::nullopt});
      }
      return member;
    });
    if (f->complete && id && name && members) {
      if (members->empty()) {
        error(f->get("members")->where, "\"members\" must name at least one muscle");
        return;
      }
      add(EntryKind::muscle_group, catalogue_.muscle_groups, MuscleGroup{*id, *name, *members, at(node.where)});
    }
  }

  void equipment(const YamlNode& node) {
    auto f = fields(node, "equipment", {"id", "name", "household", "aliases"}, {"id", "name"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::equipment, *f, node);
    auto name = text(f->get("name"), "name");
    const YamlNode* household_node = f->get("household");
    auto household = household_node ? boolean(household_node, "household") : std::optional<bool>(false);
    auto aliases = texts(f->get("aliases"), "aliases");
    if (f->complete && id && name && household && aliases) {
      add(EntryKind::equipment, catalogue_.equipment, Equipment{*id, *name, *household, *aliases, at(node.where)});
    }
  }

  void problem(const YamlNode& node) {
    auto f = fields(node, "problem", {"id", "name", "summary", "overactive", "underactive", "self_test", "source"},
                    {"id", "name", "overactive", "underactive", "self_test"});
    if (!f) {
      return;
    }
    Problem entry;
    entry.where = at(node.where);
    auto id = claim_id(EntryKind::problem, *f, node);
    auto name = text(f->get("name"), "name");
    auto summary = f->get("summary") ? text(f->get("summary"), "summary") : std::optional<std::string>("");
    auto overactive = references(f->get("overactive"), "overactive", Reference::To::muscle);
    auto underactive = references(f->get("underactive"), "underactive", Reference::To::muscle);
    auto self_test = text(f->get("self_test"), "self_test");
    auto source = sources(f->get("source"));
    if (!(f->complete && id && name && summary && overactive && underactive && self_test && source)) {
      return;
    }
    if (overactive->empty() && underactive->empty()) {
      error(node.where, fmt::format("problem \"{}\" names no muscles; list its \"overactive\" or \"underactive\" "
                                    "muscles",
                                    *id));
      return;
    }
    entry.id = *id;
    entry.name = *name;
    entry.summary = *summary;
    entry.overactive = *overactive;
    entry.underactive = *underactive;
    entry.self_test = *self_test;
    entry.sources = *source;
    add(EntryKind::problem, catalogue_.problems, std::move(entry));
  }

  std::optional<DoseChange> dose_change(const YamlNode& node, std::string_view what, Keys extra_known, Fields* out) {
    std::vector<std::string_view> known{"sets", "reps", "hold_seconds", "duration_seconds"};
    known.insert(known.end(), extra_known.begin(), extra_known.end());
    auto f = fields(node, what, known, {});
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
    read("sets", 20, change.sets);
    read("reps", max_count, change.reps);
    read("hold_seconds", max_seconds, change.hold_seconds);
    read("duration_seconds", max_seconds, change.duration_seconds);
    if (out != nullptr) {
      *out = *f;
    }
    return ok ? std::optional<DoseChange>(change) : std::nullopt;
  }

  std::optional<Dose> dose(const YamlNode& node) {
    Fields f;
    auto change = dose_change(node, "dose", {"per_side", "seconds_per_rep"}, &f);
    Dose result;
    bool ok = change.has_value();
    if (const YamlNode* per_side = f.get("per_side")) {
      const auto value = boolean(per_side, "per_side");
      ok = ok && value.has_value();
      result.per_side = value.value_or(false);
    }
    if (const YamlNode* tempo = f.get("seconds_per_rep")) {
      const auto value = integer(tempo, "seconds_per_rep", 1, 60);
      ok = ok && value.has_value();
      result.seconds_per_rep = value.value_or(result.seconds_per_rep);
    }
    if (!ok) {
      return std::nullopt;
    }
    if (!change->reps && !change->duration_seconds) {
      error(node.where, "dose needs \"reps\" or \"duration_seconds\"");
      return std::nullopt;
    }
    if (change->reps && change->duration_seconds) {
      error(node.where, "dose gives both \"reps\" and \"duration_seconds\"; keep the one the exercise is counted in");
      return std::nullopt;
    }
    if (change->hold_seconds && !change->reps) {
      error(node.where,
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

  std::optional<Progression> progression(const YamlNode* node) {
    auto f = fields(*node, "progression", {"week", "change", "dose"}, {"week", "change"});
    if (!f) {
      return std::nullopt;
    }
    auto week = f->get("week") ? integer(f->get("week"), "week", 1, max_week) : std::nullopt;
    auto change = text(f->get("change"), "change");
    std::optional<DoseChange> dose_fields = DoseChange{};
    if (const YamlNode* dose_node = f->get("dose")) {
      dose_fields = dose_change(*dose_node, "progression dose", {}, nullptr);
    }
    if (!(f->complete && week && change && dose_fields)) {
      return std::nullopt;
    }
    return Progression{*week, *change, *dose_fields};
  }

  void exercise(const YamlNode& node) {
    auto f = fields(node, "exercise",
                    {"id", "name", "phase", "region", "targets", "equipment", "summary", "dose", "steps", "cues",
                     "source", "priority", "positions", "alternatives", "variant_of", "progressions"},
                    {"id", "name", "phase", "region", "targets", "dose", "steps", "source"});
    if (!f) {
      return;
    }
    Exercise entry;
    entry.where = at(node.where);
    auto id = claim_id(EntryKind::exercise, *f, node);
    auto name = text(f->get("name"), "name");
    auto phase_value = f->get("phase") ? phase(f->get("phase")) : std::nullopt;
    auto region_value = f->get("region") ? region(f->get("region")) : std::nullopt;
    auto targets = references(f->get("targets"), "targets", Reference::To::muscle);
    auto gear = references(f->get("equipment"), "equipment", Reference::To::equipment);
    auto summary = f->get("summary") ? text(f->get("summary"), "summary") : std::optional<std::string>("");
    auto dose_value = f->get("dose") ? dose(*f->get("dose")) : std::nullopt;
    auto steps = texts(f->get("steps"), "steps");
    auto cues = texts(f->get("cues"), "cues");
    auto source = sources(f->get("source"));
    auto priority = f->get("priority") ? integer(f->get("priority"), "priority", 1, 3) : std::optional<int>(2);
    auto positions = references(f->get("positions"), "positions", Reference::To::position);
    auto alternatives = references(f->get("alternatives"), "alternatives", Reference::To::exercise, phase_value);
    std::optional<std::string> variant_of = std::string();
    if (const YamlNode* main = f->get("variant_of")) {
      variant_of = identifier(main, "variant_of");
      if (variant_of) {
        references_.push_back(
            Reference{Reference::To::exercise, *variant_of, file_index_, main->where, "variant_of", phase_value});
      }
    }
    auto progressions =
        list(f->get("progressions"), "progressions", [&](const YamlNode* item) { return progression(item); });
    if (!(f->complete && id && name && phase_value && region_value && targets && gear && summary && dose_value &&
          steps && cues && source && priority && positions && alternatives && variant_of && progressions)) {
      return;
    }
    if (targets->empty()) {
      error(f->get("targets")->where, "\"targets\" must name at least one muscle or muscle group");
      return;
    }
    if (steps->empty()) {
      error(f->get("steps")->where, "\"steps\" must have at least one step");
      return;
    }
    if (!positions->empty() && *phase_value != Phase::integrate) {
      error(f->get("positions")->where, "\"positions\" only applies to integrate exercises; remove it");
      return;
    }
    for (std::size_t i = 1; i < progressions->size(); ++i) {
      if ((*progressions)[i].week <= (*progressions)[i - 1].week) {
        error(f->get("progressions")->items[i].where, "progressions must be listed in increasing week order");
        return;
      }
    }
    entry.id = *id;
    entry.name = *name;
    entry.phase = *phase_value;
    entry.region = *region_value;
    entry.targets = *targets;
    entry.equipment = *gear;
    entry.summary = *summary;
    entry.dose = *dose_value;
    entry.steps = *steps;
    entry.cues = *cues;
    entry.sources = *source;
    entry.priority = *priority;
    entry.positions = *positions;
    entry.alternatives = *alternatives;
    entry.progressions = *progressions;
    entry.variant_of = *variant_of;
    entry.origin = origin_;
    add(EntryKind::exercise, catalogue_.exercises, std::move(entry));
  }

  void position(const YamlNode& node) {
    auto f = fields(node, "position", {"id", "name", "advice", "source"}, {"id", "name", "advice"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::position, *f, node);
    auto name = text(f->get("name"), "name");
    auto advice = text(f->get("advice"), "advice");
    auto source = sources(f->get("source"));
    if (f->complete && id && name && advice && source) {
      add(EntryKind::position, catalogue_.positions, Position{*id, *name, *advice, *source, at(node.where)});
    }
  }

  void habit(const YamlNode& node) {
    auto f = fields(node, "habit", {"id", "name", "advice", "source"}, {"id", "name", "advice"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::habit, *f, node);
    auto name = text(f->get("name"), "name");
    auto advice = text(f->get("advice"), "advice");
    auto source = sources(f->get("source"));
    if (f->complete && id && name && advice && source) {
      add(EntryKind::habit, catalogue_.habits, Habit{*id, *name, *advice, *source, at(node.where)});
    }
  }

  void note(const YamlNode& node) {
    auto f = fields(node, "note", {"id", "title", "text", "source"}, {"id", "title", "text"});
    if (!f) {
      return;
    }
    auto id = claim_id(EntryKind::note, *f, node);
    auto title = text(f->get("title"), "title");
    auto body = text(f->get("text"), "text");
    auto source = sources(f->get("source"));
    if (f->complete && id && title && body && source) {
      add(EntryKind::note, catalogue_.notes, Note{*id, *title, *body, *source, at(node.where)});
    }
  }

  // ---- cross references --------------------------------------------------

  void check_references() {
    catalogue_.reindex();
    std::vector<std::string> muscle_ids;
    for (const auto& m : catalogue_.muscles) {
      muscle_ids.push_back(m.id);
    }
    std::vector<std::string> target_ids = muscle_ids;
    for (const auto& g : catalogue_.muscle_groups) {
      target_ids.push_back(g.id);
      if (const auto* clash = catalogue_.find_muscle(g.id)) {
        error(g.where, fmt::format("muscle group \"{}\" has the same id as the muscle at {}:{}:{}; rename one", g.id,
                                   clash->where.file, clash->where.line, clash->where.column));
      }
    }
    for (const auto& ref : group_members_) {
      if (catalogue_.find_muscle(ref.id) == nullptr) {
        error(where_of(ref),
              fmt::format("unknown muscle \"{}\" in \"members\"{}", ref.id, did_you_mean_suffix(ref.id, muscle_ids)));
      }
    }
    const auto exercise_ids = catalogue_.exercise_ids();
    const auto equipment_ids = catalogue_.equipment_ids();
    for (const auto& ref : references_) {
      switch (ref.to) {
        case Reference::To::muscle:
          if (catalogue_.find_muscle(ref.id) == nullptr && catalogue_.find_muscle_group(ref.id) == nullptr) {
            error(where_of(ref), fmt::format("unknown muscle or muscle group \"{}\" in \"{}\"{}", ref.id, ref.field,
                                             did_you_mean_suffix(ref.id, target_ids)));
          }
          break;
        case Reference::To::equipment:
          if (catalogue_.find_equipment(ref.id) == nullptr) {
            error(where_of(ref),
                  fmt::format("unknown equipment \"{}\"{}", ref.id, did_you_mean_suffix(ref.id, equipment_ids)));
          }
          break;
        case Reference::To::position:
          if (catalogue_.find_position(ref.id) == nullptr) {
            const auto valid = catalogue_.position_ids();
            error(where_of(ref), fmt::format("unknown position \"{}\"{}; positions are {}", ref.id,
                                             did_you_mean_suffix(ref.id, valid), join(valid, ", ")));
          }
          break;
        case Reference::To::exercise: {
          const Exercise* other = catalogue_.find_exercise(ref.id);
          if (other == nullptr) {
            error(where_of(ref), fmt::format("unknown exercise \"{}\" in \"{}\"{}", ref.id, ref.field,
                                             did_you_mean_suffix(ref.id, exercise_ids)));
          } else if (ref.phase && other->phase != *ref.phase) {
            error(where_of(ref), fmt::format("\"{}\" in \"{}\" is a {} exercise; it must share this exercise's phase "
                                             "\"{}\"",
                                             ref.id, ref.field, to_string(other->phase), to_string(*ref.phase)));
          } else if (ref.field == "variant_of" && !other->variant_of.empty()) {
            error(where_of(ref), fmt::format("\"{}\" is itself a variant of \"{}\"; name the main exercise instead",
                                             ref.id, other->variant_of));
          }
          break;
        }
      }
    }
  }

  static constexpr std::size_t no_index = static_cast<std::size_t>(-1);
  struct Owner {
    int layer = 0;
    SourceLocation where;
    std::size_t index = 0;
  };

  Catalogue catalogue_;
  std::vector<Diagnostic> errors_;
  std::vector<Reference> references_;
  std::vector<Reference> group_members_;
  std::map<std::pair<EntryKind, std::string>, Owner> owners_;
  std::map<std::string, std::size_t, std::less<>> file_order_;
  std::size_t unreported_ = 0;
  std::string last_unreported_file_;
  std::string file_;  // the file being loaded
  std::size_t file_index_ = 0;
  std::vector<std::string> files_;
  std::string origin_;  // and where it came from
  int layer_ = 0;
};

}  // namespace

namespace {
LoadResult load_all(Loader& loader, const std::vector<CatalogueFile>& files) {
  ParseAhead ahead(files, parse_threads(files));
  for (std::size_t i = 0; i < files.size(); ++i) {
    // Each tree and its arena are freed as soon as the file is converted.
    loader.load(files[i], ahead.take(i));
  }
  return loader.finish();
}
}  // namespace

LoadResult load_catalogue(const std::vector<CatalogueFile>& files) {
  Loader loader;
  return load_all(loader, files);
}

LoadResult load_catalogue(const Catalogue& base, const std::vector<CatalogueFile>& files) {
  Loader loader(base);
  return load_all(loader, files);
}

Catalogue load_catalogue_or_throw(const Catalogue& base, const std::vector<CatalogueFile>& files) {
  LoadResult result = load_catalogue(base, files);
  if (!result.errors.empty()) {
    throw Error(ExitCode::bad_data, std::move(result.errors));
  }
  return std::move(result.catalogue);
}

Catalogue load_catalogue_or_throw(const std::vector<CatalogueFile>& files) {
  LoadResult result = load_catalogue(files);
  if (!result.errors.empty()) {
    throw Error(ExitCode::bad_data, std::move(result.errors));
  }
  return std::move(result.catalogue);
}

}  // namespace valgus
