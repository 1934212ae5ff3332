#include "core/catalogue/yaml_tree.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>

namespace valgus {
namespace {

// yaml-cpp counts from 0; people and editors count from 1.
Mark position(const YAML::Mark& mark) { return Mark{mark.line + 1, mark.column + 1}; }

SourceLocation location(const std::string& file, const YAML::Mark& mark) {
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

SourceLocation location(const std::string& file, const Mark& mark) {
  return SourceLocation{file, mark.line, mark.column};
}

// Plain words for yaml-cpp's messages (its jargon means little to someone
// editing a catalogue); anything unlisted keeps yaml-cpp's wording.
std::string explain_syntax_error(const std::string& message) {
  static const std::array<std::pair<const char*, const char*>, 18> plain{{
      {YAML::ErrorMsg::END_OF_MAP, "a mapping is not closed; check the indentation of this line"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a \"{\" is never closed with \"}\""},
      {YAML::ErrorMsg::END_OF_SEQ, "a list is not closed; check the indentation of this line"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a \"[\" is never closed with \"]\""},
      {YAML::ErrorMsg::MAP_KEY, "a key is not allowed here; check the indentation"},
      {YAML::ErrorMsg::MAP_VALUE,
       "a \"key: value\" is not allowed here; check the indentation, or quote text "
       "that contains \": \""},
      {YAML::ErrorMsg::BLOCK_ENTRY, "a \"- \" list item is not allowed here; check the indentation"},
      {YAML::ErrorMsg::FLOW_END, "a closing \"]\" or \"}\" has no opening one"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION, "a tab is used for indentation; indent with spaces"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "quoted text is never closed"},
      {YAML::ErrorMsg::DOC_IN_SCALAR, "a \"---\" or \"...\" line inside quoted text"},
      {YAML::ErrorMsg::CHAR_IN_SCALAR, "a character that is not allowed in this text; put the text in quotes"},
      {YAML::ErrorMsg::CHAR_IN_BLOCK, "unexpected character after \"|\" or \">\""},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "a character that cannot start a value here; put the text in quotes"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR,
       "\"*\" refers to an anchor; anchors and aliases are not allowed in a "
       "catalogue"},
      {YAML::ErrorMsg::ALIAS_NOT_FOUND, "\"*\" starts an alias; anchors and aliases are not allowed in a catalogue"},
      {YAML::ErrorMsg::ANCHOR_NOT_FOUND,
       "\"&\" starts an anchor; anchors and aliases are not allowed in a "
       "catalogue"},
      {YAML::ErrorMsg::INVALID_HEX, "a \"\\x\" or \"\\u\" escape with a character that is not hexadecimal"},
  }};
  for (const auto& [jargon, words] : plain) {
    if (message == jargon) {
      return words;
    }
  }
  if (message.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
    return "unknown escape \"\\" + message.substr(std::string(YAML::ErrorMsg::INVALID_ESCAPE).size()) +
           "\" in quoted text";
  }
  if (message.rfind(YAML::ErrorMsg::INVALID_UNICODE, 0) == 0) {
    return "an escape names a character that does not exist";
  }
  return message;
}

SourceLocation position_of(const std::string& file, std::string_view text, std::size_t offset) {
  const auto [line, column] = position_in(text, offset);
  return SourceLocation{file, line, column};
}

// Refuses bytes that are not plain UTF-8 text before yaml-cpp sees them:
// it would pass them through, and they could end up in a terminal.
void check_text(const std::string& file, std::string_view text) {
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    throw Error(ExitCode::bad_data, SourceLocation{file, 1, 1}, "the file is UTF-16; save it as UTF-8");
  }
  // The same rule as for a value once its escapes are read
  // (FieldReader::text): is_hidden_control. A raw carriage return is a
  // line end here, and a leading byte-order mark is allowed.
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++i;
      continue;
    }
    const Utf8Char c = utf8_char_at(text, i);
    if (!c.valid) {
      throw Error(ExitCode::bad_data, position_of(file, text, i), "the file is not valid UTF-8; save it as UTF-8");
    }
    if (c.code < 0x80 && is_hidden_control(c.code) && c.code != '\r') {
      throw Error(ExitCode::bad_data, position_of(file, text, i),
                  fmt::format("control character 0x{:02X} in the file; remove it", c.code));
    }
    if (c.code >= 0x80 && is_hidden_control(c.code) && !(c.code == 0xFEFF && i == 0)) {
      throw Error(ExitCode::bad_data, position_of(file, text, i),
                  fmt::format("invisible control character U+{:04X} in the file; remove it", c.code));
    }
    i += c.length;
  }
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, std::pmr::memory_resource* memory) : file_(file), memory_(memory) {}

  [[nodiscard]] YamlNode root() const { return root_; }

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    count(mark);
    YamlNode node;
    node.where = position(mark);
    add(node);
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
    count(mark);
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.where = position(mark);
    if (!value.empty()) {
      auto* chars = static_cast<char*>(memory_->allocate(value.size(), 1));
      std::copy(value.begin(), value.end(), chars);  // a view: no terminating NUL
      node.value = std::string_view(chars, value.size());
    }
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    node.quoted = tag == "!";
    add(node);
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
  // An open list or mapping; its children so far are children_[first..].
  struct Frame {
    YamlNode node;
    std::size_t first = 0;
  };

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

  void count(const YAML::Mark& mark) {
    if (++nodes_ > max_yaml_nodes) {
      throw Error(
          ExitCode::bad_data, location(file_, mark),
          fmt::format("more than {} values in one file; split the catalogue into several files", max_yaml_nodes));
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    refuse_anchor(mark, anchor);
    refuse_tag(mark, tag);
    count(mark);
    if (static_cast<int>(frames_.size()) >= max_yaml_depth) {
      throw Error(ExitCode::bad_data, location(file_, mark),
                  fmt::format("nesting too deep (more than {} levels); a catalogue needs far fewer", max_yaml_depth));
    }
    YamlNode node;
    node.kind = kind;
    node.where = position(mark);
    frames_.push_back(Frame{node, children_.size()});
  }

  // Moves the finished container's children from the shared scratch list
  // into one array in the arena, sized exactly.
  void close() {
    Frame frame = frames_.back();
    frames_.pop_back();
    const std::size_t count = children_.size() - frame.first;
    const YamlNode* children = children_.data() + frame.first;
    if (frame.node.kind == YamlNode::Kind::sequence) {
      frame.node.items = NodeSpan<YamlNode>(copy_to_arena<YamlNode>(children, count), count);
    } else if (count > 0) {
      // yaml-cpp always closes a mapping after a value (a null one for "a:").
      auto* entries = static_cast<YamlEntry*>(memory_->allocate(count / 2 * sizeof(YamlEntry), alignof(YamlEntry)));
      for (std::size_t i = 0; i + 1 < count; i += 2) {
        new (entries + i / 2) YamlEntry{children[i], children[i + 1]};
      }
      frame.node.entries = NodeSpan<YamlEntry>(entries, count / 2);
    }
    children_.resize(frame.first);
    add(frame.node);
  }

  template <typename T>
  const T* copy_to_arena(const T* from, std::size_t count) {
    if (count == 0) {
      return nullptr;
    }
    auto* to = static_cast<T*>(memory_->allocate(count * sizeof(T), alignof(T)));
    std::uninitialized_copy_n(from, count, to);
    return to;
  }

  void add(YamlNode node) {
    if (frames_.empty()) {
      root_ = node;
      return;
    }
    const Frame& parent = frames_.back();
    if (parent.node.kind == YamlNode::Kind::mapping) {
      const bool is_key = (children_.size() - parent.first) % 2 == 0;
      if (is_key && (node.kind == YamlNode::Kind::sequence || node.kind == YamlNode::Kind::mapping)) {
        throw Error(ExitCode::bad_data, location(file_, node.where), "a key must be plain text, not a list or mapping");
      }
      if (!is_key && node.kind == YamlNode::Kind::null) {
        node.where = children_.back().where;  // "dose:" with nothing after it: point at the key
      }
    }
    children_.push_back(node);
  }

  const std::string& file_;
  std::pmr::memory_resource* memory_;
  YamlNode root_;
  std::vector<Frame> frames_;
  std::vector<YamlNode> children_;  // of every open container, innermost last
  int nodes_ = 0;
};

}  // namespace

YamlDocument parse_yaml(const std::string& file, const std::string& text) {
  check_text(file, text);
  // A UTF-8 byte-order mark, as some editors write, is not content.
  const bool bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
  std::istringstream input(bom ? text.substr(3) : text);
  try {
    YAML::Parser parser(input);
    YamlDocument document;
    // About four bytes of tree per byte of YAML, measured on generated
    // catalogues; the arena grows if a file needs more.
    document.arena = std::make_unique<std::pmr::monotonic_buffer_resource>(text.size() * 4 + 1024);
    TreeBuilder builder(file, document.arena.get());
    if (!parser.HandleNextDocument(builder)) {
      throw Error(ExitCode::bad_data, SourceLocation{file, 1, 1},
                  "the file is empty; a catalogue file needs at least one section such as \"exercises:\"");
    }
    const YamlNode root = builder.root();
    if (root.kind == YamlNode::Kind::null) {
      // yaml-cpp reads a document it cannot make sense of (a stray "," on
      // the first line) as empty and would go on returning empty ones.
      throw Error(ExitCode::bad_data, root.where.line > 0 ? location(file, root.where) : SourceLocation{file, 1, 1},
                  "no catalogue content here; a catalogue file starts with a section such as \"exercises:\"");
    }
    TreeBuilder rest(file, document.arena.get());
    if (parser.HandleNextDocument(rest)) {
      const YamlNode second = rest.root();
      throw Error(ExitCode::bad_data, location(file, second.where),
                  "a second YAML document (after \"---\") is not allowed; put everything in one document");
    }
    document.root = root;
    return document;
  } catch (const YAML::Exception& error) {
    throw Error(ExitCode::bad_data, location(file, error.mark),
                fmt::format("invalid YAML: {}", explain_syntax_error(error.msg)));
  }
}

}  // namespace valgus
