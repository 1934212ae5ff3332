// Reading an answers file for valgus assess: the same parser as typed
// answers, applied to each YAML value, every mistake at its position.

#include "core/assess/questionnaire.hpp"
#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

using Kind = YamlNode::Kind;

// A scalar, or a flow list of scalars joined with commas (positions,
// equipment), as a person would type it.
std::optional<std::string> typed_text(const YamlNode& node) {
  if (node.kind == Kind::scalar) {
    return std::string(node.value);
  }
  if (node.kind == Kind::sequence) {
    std::vector<std::string> items;
    for (const YamlNode& item : node.items) {
      if (item.kind != Kind::scalar) {
        return std::nullopt;
      }
      items.emplace_back(item.value);
    }
    return join(items, ",");
  }
  return std::nullopt;
}

}  // namespace

Answers read_answers(const CatalogueFile& file, const Catalogue& catalogue) {
  const YamlDocument document = parse_yaml(file.path, file.text);
  LoadErrors errors;
  errors.begin_file(file.path);
  Answers answers;
  const std::vector<Question> questions = questionnaire(catalogue);
  std::vector<std::string> keys;
  for (const Question& question : questions) {
    if (std::find(keys.begin(), keys.end(), question.key) == keys.end()) {
      keys.push_back(question.key);
    }
  }
  if (document.root.kind != Kind::mapping) {
    errors.error(document.root.where, fmt::format("answers must be a mapping of question ids to answers, like "
                                                  "\"thomas: yes\", not {}",
                                                  describe(document.root)));
  }
  std::vector<std::string> seen;
  for (const YamlEntry& entry : document.root.entries) {
    const std::string key(entry.key.value);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      errors.error(entry.key.where, fmt::format("unknown question \"{}\"{}; questions are {}", one_line(key),
                                                did_you_mean_suffix(key, keys), join(keys, ", ")));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      errors.error(entry.key.where, fmt::format("\"{}\" is answered twice; keep one", key));
      continue;
    }
    seen.push_back(key);
    for (const Question& question : questions) {
      if (question.key != key) {
        continue;
      }
      // A per-side test: {left: .., right: ..}, or one value for both.
      const YamlNode* value = &entry.value;
      if (question.side && entry.value.kind == Kind::mapping) {
        value = nullptr;
        std::vector<std::string_view> sides;
        for (const YamlEntry& side : entry.value.entries) {
          const bool again = std::find(sides.begin(), sides.end(), side.key.value) != sides.end();
          sides.push_back(side.key.value);
          if (again) {
            // {left: 12, left: 8}: neither value is the answer.
            if (question.side == Side::left) {  // reported once, with the left side
              errors.error(side.key.where,
                           fmt::format("\"{}\" answers {} twice; keep one", key, one_line(side.key.value)));
            }
            value = nullptr;
            break;
          }
          if (side.key.value != "left" && side.key.value != "right") {
            if (question.side != Side::left) {
              continue;  // reported once, with the left side
            }
            errors.error(side.key.where, fmt::format("\"{}\" answers per side: left and right, not \"{}\"", key,
                                                     one_line(side.key.value)));
          } else if (side.key.value == to_string(*question.side)) {
            value = &side.value;
          }
        }
        if (value == nullptr) {
          continue;  // that side not answered: skipped
        }
      }
      const auto text = typed_text(*value);
      std::string error;
      const auto reply = text ? parse_reply(catalogue, question, *text, error) : std::nullopt;
      if (!text) {
        error = fmt::format("answer with a value or a list, not {}", describe(*value));
      }
      if (!reply) {
        errors.error(value->where, fmt::format("\"{}\": {}", key, error));
        break;  // one error per answer, not one per side
      }
      record_reply(answers, question, *reply);
    }
  }
  auto found = errors.take_sorted();
  if (!found.empty()) {
    throw Error(ExitCode::bad_data, std::move(found));
  }
  return answers;
}

}  // namespace valgus
