#pragma once

// A small, strict YAML document tree built from yaml-cpp's event parser.
// yaml-cpp's own Node API silently merges duplicate keys, follows alias
// cycles and expands anchors; building our own tree from events lets the
// loader refuse those with a precise location. Only this module and the
// catalogue loader see YAML.

#include "valgus/error.hpp"

#include <memory_resource>
#include <string>
#include <utility>
#include <vector>

namespace valgus {

// A 1-based position in the file being parsed. The file name is not
// repeated in every node: a catalogue file holds hundreds of thousands.
struct Mark {
  int line = 0;
  int column = 0;
};

// Nodes take their memory from a memory resource: the loader gives each
// file a monotonic arena, so a tree of hundreds of thousands of nodes costs
// a few large allocations instead of one per string and list.
struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };

  YamlNode() = default;
  explicit YamlNode(std::pmr::memory_resource* memory) : value(memory), items(memory), entries(memory) {}

  Kind kind = Kind::null;
  Mark where;
  std::pmr::string value;                                   // scalars only
  bool quoted = false;                                      // quoted or block scalars are always text
  std::pmr::vector<YamlNode> items;                         // sequences
  std::pmr::vector<std::pair<YamlNode, YamlNode>> entries;  // mappings, in file order
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
// The tree's memory comes from `memory`, which must outlive it.
[[nodiscard]] YamlNode parse_yaml(const std::string& file, const std::string& text,
                                  std::pmr::memory_resource* memory = std::pmr::get_default_resource());

}  // namespace valgus
