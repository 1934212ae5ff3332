#include "yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>

namespace valgus {
namespace {

SourceLocation location(const std::string& file, const YAML::Mark& mark) {
  // yaml-cpp counts from 0; people and editors count from 1.
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const std::string& file) : file_(file) {}

  [[nodiscard]] YamlNode take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    YamlNode node;
    node.kind = YamlNode::Kind::null;
    node.where = location(file_, mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Error(ExitCode::bad_data, location(file_, mark),
                "aliases (*name) are not allowed in a catalogue; write the value out in full");
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& /*name*/) override { refuse_anchor(mark, 1); }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    refuse_tag(mark, tag);
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.where = location(file_, mark);
    node.value = value;
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    node.quoted = tag == "!";
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, tag, anchor, YamlNode::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, tag, anchor, YamlNode::Kind::mapping);
  }
  void OnMapEnd() override { close(); }

 private:
  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) {
      throw Error(ExitCode::bad_data, location(file_, mark),
                  "anchors (&name) are not allowed in a catalogue; write the value out in full");
    }
  }

  void refuse_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (!tag.empty() && tag != "?" && tag != "!") {
      throw Error(ExitCode::bad_data, location(file_, mark),
                  fmt::format("tags like \"{}\" are not allowed in a catalogue; remove it", tag));
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    refuse_anchor(mark, anchor);
    refuse_tag(mark, tag);
    if (static_cast<int>(stack_.size()) >= max_yaml_depth) {
      throw Error(ExitCode::bad_data, location(file_, mark),
                  fmt::format("nesting too deep (more than {} levels); a catalogue needs far fewer", max_yaml_depth));
    }
    YamlNode node;
    node.kind = kind;
    node.where = location(file_, mark);
    stack_.push_back(std::move(node));
    pending_keys_.emplace_back();
  }

  void close() {
    YamlNode node = std::move(stack_.back());
    stack_.pop_back();
    pending_keys_.pop_back();
    add(std::move(node));
  }

  void add(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    YamlNode& parent = stack_.back();
    if (parent.kind == YamlNode::Kind::sequence) {
      parent.items.push_back(std::move(node));
      return;
    }
    auto& key = pending_keys_.back();
    if (!key) {
      if (node.kind == YamlNode::Kind::sequence || node.kind == YamlNode::Kind::mapping) {
        throw Error(ExitCode::bad_data, node.where, "a key must be plain text, not a list or mapping");
      }
      key = std::move(node);
      return;
    }
    parent.entries.emplace_back(std::move(*key), std::move(node));
    key.reset();
  }

  const std::string& file_;
  YamlNode root_;
  std::vector<YamlNode> stack_;
  std::vector<std::optional<YamlNode>> pending_keys_;
};

}  // namespace

YamlNode parse_yaml(const std::string& file, const std::string& text) {
  std::istringstream input(text);
  try {
    YAML::Parser parser(input);
    TreeBuilder builder(file);
    if (!parser.HandleNextDocument(builder)) {
      throw Error(ExitCode::bad_data, SourceLocation{file, 1, 1},
                  "the file is empty; a catalogue file needs at least one section such as \"exercises:\"");
    }
    YamlNode root = builder.take_root();
    TreeBuilder rest(file);
    if (parser.HandleNextDocument(rest)) {
      const YamlNode second = rest.take_root();
      throw Error(ExitCode::bad_data, second.where,
                  "a second YAML document (after \"---\") is not allowed; put everything in one document");
    }
    return root;
  } catch (const YAML::Exception& error) {
    throw Error(ExitCode::bad_data, location(file, error.mark), fmt::format("invalid YAML: {}", error.msg));
  }
}

}  // namespace valgus
