#pragma once

// A small, strict YAML document tree built from yaml-cpp's event parser.
// yaml-cpp's own Node API silently merges duplicate keys, follows alias
// cycles and expands anchors; building our own tree from events lets the
// loader refuse those with a precise location. Only this module and the
// catalogue loader see YAML.

#include "core/model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <type_traits>

namespace valgus {

// A 1-based position in the file being parsed. The file name is not
// repeated in every node: a catalogue file holds hundreds of thousands.
struct Mark {
  int line = 0;
  int column = 0;
};

// A read-only run of nodes inside a document's arena.
template <typename T>
class NodeSpan {
 public:
  NodeSpan() = default;
  NodeSpan(const T* data, std::size_t size) : data_(data), size_(size) {}
  [[nodiscard]] const T* begin() const { return data_; }
  [[nodiscard]] const T* end() const { return data_ + size_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] const T& operator[](std::size_t index) const { return data_[index]; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

struct YamlEntry;

// A node is a small plain value: its text and children live in the
// document's arena, so a tree of hundreds of thousands of nodes costs a few
// large allocations, no destructors, and half the memory of one built from
// strings and vectors (memory traffic, not instructions, is what building
// a large tree costs).
struct YamlNode {
  enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  bool quoted = false;  // quoted or block scalars are always text
  Mark where;
  std::string_view value;       // scalars only
  NodeSpan<YamlNode> items;     // sequences
  NodeSpan<YamlEntry> entries;  // mappings, in file order
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// Nodes are copied as bytes into the arena and never destroyed.
static_assert(std::is_trivially_copyable_v<YamlNode> && std::is_trivially_destructible_v<YamlNode>);
static_assert(std::is_trivially_copyable_v<YamlEntry> && std::is_trivially_destructible_v<YamlEntry>);

// A parsed file: the tree and the arena it lives in. Keep the document
// while using its nodes.
struct YamlDocument {
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena;
  YamlNode root;
};

// Deepest nesting a catalogue needs (root map > list > entry > dose > ...)
// with room to spare; deeper documents are refused before they can exhaust
// the stack of any recursive walk.
inline constexpr int max_yaml_depth = 12;

// Values (scalars, lists, mappings) one file may hold: far more than the
// 15,000-exercise catalogues valgus is built for need per file (about 40
// per exercise), and a bound on memory for anything larger.
inline constexpr int max_yaml_nodes = 400000;

// Parses exactly one YAML document. Throws Error(bad_data) with the file,
// 1-based line and column for: bytes that are not UTF-8 text (invalid
// UTF-8, NUL, control characters, bidirectional overrides; a leading UTF-8
// byte-order mark is allowed), syntax errors, anchors and aliases, tags, a
// second document, a file with no content, nesting deeper than
// max_yaml_depth, more than max_yaml_nodes values, or non-scalar keys.
[[nodiscard]] YamlDocument parse_yaml(const std::string& file, const std::string& text);

}  // namespace valgus
