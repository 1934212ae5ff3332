// YAML text -> validated Catalogue. Every check reports "file:line:col:
// message" and the loader goes on, so `valgus check` can list all errors.
//
// This file walks the files and their sections, owns the ids (unique per
// kind within a layer; a later layer's entry replaces an earlier one) and
// adds entries to the catalogue. What fields an entry may have is in
// catalogue_schema, how an entry and each value are read in
// catalogue_entries and field_reader, and references between entries are
// checked by cross_references once every file is in.

#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/catalogue_entries.hpp"
#include "core/catalogue/catalogue_schema.hpp"
#include "core/catalogue/cross_references.hpp"
#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/figure_rules.hpp"
#include "core/catalogue/parse_ahead.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>
#include <utility>

namespace valgus {
namespace {

using Kind = YamlNode::Kind;

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
    register_all(EntryKind::red_flag, catalogue_.red_flags);
    register_all(EntryKind::symptom, catalogue_.symptoms);
    register_all(EntryKind::self_test, catalogue_.self_tests);
    register_all(EntryKind::phase_rule, catalogue_.phase_rules);
    register_all(EntryKind::session_rule, catalogue_.session_rules);
    register_all(EntryKind::progression_rule, catalogue_.progression_rules);
    register_all(EntryKind::skeleton, catalogue_.skeletons);
    register_all(EntryKind::prop, catalogue_.props);
    register_all(EntryKind::pose, catalogue_.poses);
  }

  // The readers refer to its members: a Loader stays where it was made.
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;
  Loader(Loader&&) = delete;
  Loader& operator=(Loader&&) = delete;
  ~Loader() = default;

  // `parsed` is the file's tree (from ParseAhead): the loader only checks
  // and converts it.
  void load(const CatalogueFile& file, ParsedFile parsed) {
    entries_.begin_file(errors_.begin_file(file.path), file.origin);
    try {
      if (parsed.failure) {
        std::rethrow_exception(parsed.failure);
      }
    } catch (const Error& error) {
      for (const auto& diagnostic : error.diagnostics()) {
        errors_.error(diagnostic.where, diagnostic.message);
      }
      return;
    }
    const YamlNode& root = parsed.document.root;
    layer_ = file.layer;
    if (root.kind != Kind::mapping) {
      errors_.error(
          root.where,
          fmt::format("a catalogue file must be a mapping of sections such as \"exercises:\", not {}", describe(root)));
      return;
    }
    std::set<std::string, std::less<>> seen;
    for (const auto& [key, value] : root.entries) {
      if (!seen.insert(std::string(key.value)).second) {
        errors_.error(key.where, fmt::format("duplicate section \"{}\"; merge the two lists into one", key.value));
        continue;
      }
      const SectionSchema* known = find_section(key.value);
      if (known == nullptr) {
        const auto& keys = section_keys();
        errors_.error(key.where, fmt::format("unknown section \"{}\"{}; sections are {}", key.value,
                                             did_you_mean_suffix(key.value, keys), join(keys, ", ")));
        continue;
      }
      if (value.kind != Kind::sequence) {
        errors_.error(value.where, fmt::format("\"{}\" must be a list of entries (\"- id: ...\"), not {}", key.value,
                                               describe(value)));
        continue;
      }
      for (const auto& item : value.items) {
        entry(known->kind, item);
      }
    }
  }

  LoadResult finish() {
    check_references(catalogue_, references_, errors_);  // which leaves the catalogue indexed
    check_figures(catalogue_, errors_);
    return LoadResult{std::move(catalogue_), errors_.take_sorted()};
  }

 private:
  // ---- ids -----------------------------------------------------------------

  template <typename T>
  void register_all(EntryKind kind, const std::vector<T>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      owners_.emplace(std::make_pair(kind, items[i].id), Owner{0, items[i].where, i});
    }
  }

  // Claims an id as soon as the entry's id is read (EntryReader::ClaimId).
  bool claim_id(EntryKind kind, const std::string& id, const Mark& where) {
    const auto key = std::make_pair(kind, id);
    const auto found = owners_.find(key);
    if (found == owners_.end()) {
      owners_.emplace(key, Owner{layer_, errors_.at(where), no_index});
      return true;
    }
    Owner& owner = found->second;
    if (owner.layer == layer_) {
      errors_.error(where,
                    fmt::format("duplicate {} id \"{}\" (first defined at {}:{}:{}); rename one of them",
                                section(kind).entry.what, id, owner.where.file, owner.where.line, owner.where.column));
      return false;
    }
    owner.layer = layer_;
    owner.where = errors_.at(where);
    return true;
  }

  // Adds a valid entry; one from a later layer replaces the earlier entry
  // with its id in place, keeping catalogue order stable.
  template <typename T>
  void add(EntryKind kind, std::vector<T>& items, std::optional<T> entry) {
    if (!entry) {
      return;
    }
    Owner& owner = owners_.at(std::make_pair(kind, entry->id));
    if (owner.index == no_index) {
      owner.index = items.size();
      items.push_back(std::move(*entry));
    } else {
      items[owner.index] = std::move(*entry);
    }
  }

  void entry(EntryKind kind, const YamlNode& node) {
    switch (kind) {
      case EntryKind::muscle: return add(kind, catalogue_.muscles, entries_.muscle(node));
      case EntryKind::muscle_group: return add(kind, catalogue_.muscle_groups, entries_.muscle_group(node));
      case EntryKind::equipment: return add(kind, catalogue_.equipment, entries_.equipment(node));
      case EntryKind::position: return add(kind, catalogue_.positions, entries_.position(node));
      case EntryKind::problem: return add(kind, catalogue_.problems, entries_.problem(node));
      case EntryKind::exercise: return add(kind, catalogue_.exercises, entries_.exercise(node));
      case EntryKind::habit: return add(kind, catalogue_.habits, entries_.habit(node));
      case EntryKind::note: return add(kind, catalogue_.notes, entries_.note(node));
      case EntryKind::red_flag: return add(kind, catalogue_.red_flags, entries_.red_flag(node));
      case EntryKind::symptom: return add(kind, catalogue_.symptoms, entries_.symptom(node));
      case EntryKind::self_test: return add(kind, catalogue_.self_tests, entries_.self_test(node));
      case EntryKind::phase_rule: return add(kind, catalogue_.phase_rules, entries_.phase_rule(node));
      case EntryKind::session_rule: return add(kind, catalogue_.session_rules, entries_.session_rule(node));
      case EntryKind::progression_rule: return add(kind, catalogue_.progression_rules, entries_.progression_rule(node));
      case EntryKind::skeleton: return add(kind, catalogue_.skeletons, entries_.skeleton(node));
      case EntryKind::prop: return add(kind, catalogue_.props, entries_.prop_kind(node));
      case EntryKind::pose: return add(kind, catalogue_.poses, entries_.pose(node));
    }
  }

  static constexpr std::size_t no_index = static_cast<std::size_t>(-1);
  // Who holds an id: the layer and place of its latest definition, and its
  // index in the catalogue once added.
  struct Owner {
    int layer = 0;
    SourceLocation where;
    std::size_t index = 0;
  };

  Catalogue catalogue_;
  LoadErrors errors_;
  FieldReader read_{errors_};
  References references_;
  EntryReader entries_{read_, references_, [this](EntryKind kind, const std::string& id, const Mark& where) {
                         return claim_id(kind, id, where);
                       }};
  std::map<std::pair<EntryKind, std::string>, Owner> owners_;
  int layer_ = 0;  // of the file being loaded
};

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

}  // namespace valgus
