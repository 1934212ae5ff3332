#pragma once

// Turns the nodes of a catalogue file into typed values: text, ids,
// numbers, ranges, lists, phases, doses. Every value that is wrong is
// reported at its own node's position and read as nullopt, and reading goes
// on, so one pass finds every error of a file.

#include "core/catalogue/catalogue_schema.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/error.hpp"
#include "core/model/model.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace valgus {

// The longest text a field may hold, in characters (code points). Far
// beyond what a real catalogue writes (the built-in one's longest id is 27,
// name 44, text 349), and a bound on what one value costs: a name is
// repeated in every plan, list and export that shows it.
inline constexpr std::size_t max_id_characters = 64;
inline constexpr std::size_t max_line_characters = 120;   // names, titles, aliases
inline constexpr std::size_t max_text_characters = 2000;  // one step, cue, summary, advice, note

// What a message says was found: "nothing", "a list", "a mapping" or the
// scalar in quotes.
[[nodiscard]] std::string describe(const YamlNode& node);

// The errors of one load, over all its files. A broken file can hold a huge
// number of errors; the first ones are what a person can act on, and the
// rest only cost memory and screen, so only they are kept.
class LoadErrors {
 public:
  // Errors at a Mark are in `path` from now on. Files sort in the order
  // they begin; the result numbers the file for at(file, mark).
  std::size_t begin_file(const std::string& path);

  [[nodiscard]] SourceLocation at(const Mark& mark) const { return SourceLocation{file_, mark.line, mark.column}; }
  [[nodiscard]] SourceLocation at(std::size_t file, const Mark& mark) const {
    return SourceLocation{files_[file], mark.line, mark.column};
  }

  void error(const Mark& mark, std::string message) { error(at(mark), std::move(message)); }
  void error(const SourceLocation& where, std::string message);

  // Every error in reading order (file by file, top to bottom), then a
  // line saying how many more were found, if any.
  [[nodiscard]] std::vector<Diagnostic> take_sorted();

 private:
  std::vector<Diagnostic> errors_;
  std::map<std::string, std::size_t, std::less<>> file_order_;
  std::vector<std::string> files_;
  std::string file_;  // the file being read
  std::size_t unreported_ = 0;
  std::string last_unreported_file_;
};

// The keys of one mapping, checked against its schema.
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
  bool complete = true;  // every key is known, single and, if required, there
};

class FieldReader {
 public:
  explicit FieldReader(LoadErrors& errors) : errors_(errors) {}

  [[nodiscard]] LoadErrors& errors() { return errors_; }

  // The mapping's fields, each key known to `schema` and given once, and
  // every required one there (else `complete` is false); nullopt if `node`
  // is no mapping.
  std::optional<Fields> fields(const YamlNode& node, const Schema& schema);

  // One paragraph (a step, cue, summary, advice, note, source): valid UTF-8
  // without hidden controls (is_hidden_control, the same rule as for the
  // file's bytes, applied after escapes such as "\u202E" are read), tabs
  // and line breaks folded to spaces (renderers lay it out as one
  // paragraph), trimmed, not empty, at most max_text_characters. A missing
  // node (nullptr) reads as "".
  std::optional<std::string> text(const YamlNode* node, std::string_view field);
  // One line (a name, a title, an alias, a word such as a phase): as text,
  // but a line break is refused and it is at most max_line_characters.
  std::optional<std::string> line(const YamlNode* node, std::string_view field);
  // An id: lower-case letters, digits and single dashes, at most
  // max_id_characters. A missing node is nullopt without an error (it is
  // reported as a missing field).
  std::optional<std::string> identifier(const YamlNode* node, std::string_view field);
  // The typed readers below (numbers, ranges, booleans, choices) read a
  // missing node (nullptr) as nullopt without an error: fields() has
  // already reported a missing required field.
  // A whole number in low..high, written plainly (no quotes).
  std::optional<int> integer(const YamlNode* node, std::string_view field, int low, int high);
  // 12, or "10-15" (a range), within 1..high.
  std::optional<Range> range(const YamlNode* node, std::string_view field, int high);
  std::optional<bool> boolean(const YamlNode* node, std::string_view field);
  std::optional<Phase> phase(const YamlNode* node);
  std::optional<Region> region(const YamlNode* node);
  std::optional<Placement> placement(const YamlNode* node);
  std::optional<Unit> unit(const YamlNode* node);
  std::optional<Comparison> comparison(const YamlNode* node);
  // A number such as 10 or 3.5 (plain digits, at most one decimal point),
  // within low..high.
  std::optional<double> number(const YamlNode* node, std::string_view field, double low, double high);
  // The answers a measurement can take, "0-30": whole numbers from low up,
  // the first smaller than the second.
  std::optional<Range> answer_range(const YamlNode* node, std::string_view field, int low, int high);

  // Each item of a list read by `convert` (which returns an optional); a
  // missing list is empty, and any bad item makes the whole list nullopt
  // after every item has been read (and reported).
  template <typename Convert>
  auto list(const YamlNode* node, std::string_view field, Convert convert)
      -> std::optional<std::vector<typename std::invoke_result_t<Convert, const YamlNode*>::value_type>>;
  std::optional<std::vector<std::string>> texts(const YamlNode* node, std::string_view field);
  std::optional<std::vector<std::string>> lines(const YamlNode* node, std::string_view field);
  // One source as text, or a list of them.
  std::optional<std::vector<std::string>> sources(const YamlNode* node);

  std::optional<Dose> dose(const YamlNode& node);
  std::optional<Progression> progression(const YamlNode* node);

 private:
  struct TextRule;
  std::optional<std::string> checked_text(const YamlNode* node, std::string_view field, const TextRule& rule);
  std::optional<int> whole_number(const YamlNode& node, std::string_view text_value, std::string_view field, int low,
                                  int high);
  // The dose fields a progression may change too; `out`, if given, gets the
  // mapping's fields for the caller to read the rest.
  std::optional<DoseChange> dose_change(const YamlNode& node, const Schema& schema, Fields* out);

  LoadErrors& errors_;
};

template <typename Convert>
auto FieldReader::list(const YamlNode* node, std::string_view field, Convert convert)
    -> std::optional<std::vector<typename std::invoke_result_t<Convert, const YamlNode*>::value_type>> {
  using Item = typename std::invoke_result_t<Convert, const YamlNode*>::value_type;
  std::vector<Item> items;
  if (node == nullptr) {
    return items;
  }
  if (node->kind != YamlNode::Kind::sequence) {
    errors_.error(node->where, fmt::format("\"{}\" must be a list like [a, b], not {}", field, describe(*node)));
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

}  // namespace valgus
