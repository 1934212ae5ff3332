#include "yaml_tree.hpp"

#include <doctest/doctest.h>

#include <string>

using valgus::parse_yaml;
using valgus::YamlNode;

TEST_CASE("a mapping keeps keys in file order with 1-based positions") {
  const YamlNode root = parse_yaml("f.yaml", "b: 1\na: 'two'\nc: [x, y]\n");
  REQUIRE(root.kind == YamlNode::Kind::mapping);
  REQUIRE(root.entries.size() == 3);
  CHECK(root.entries[0].first.value == "b");
  CHECK(root.entries[0].first.where.line == 1);
  CHECK(root.entries[0].first.where.column == 1);
  CHECK(root.entries[1].second.value == "two");
  CHECK(root.entries[1].second.quoted);
  CHECK_FALSE(root.entries[0].second.quoted);
  CHECK(root.entries[2].second.kind == YamlNode::Kind::sequence);
  CHECK(root.entries[2].second.items[1].value == "y");
  CHECK(root.entries[2].second.items[1].where.line == 3);
  CHECK(root.entries[2].second.items[1].where.column == 8);
}

TEST_CASE("duplicate keys are kept so the loader can refuse them") {
  const YamlNode root = parse_yaml("f.yaml", "a: 1\na: 2\n");
  CHECK(root.entries.size() == 2);
}

TEST_CASE("empty value is null") {
  const YamlNode root = parse_yaml("f.yaml", "a:\n");
  CHECK(root.entries[0].second.kind == YamlNode::Kind::null);
}

TEST_CASE("refused documents") {
  CHECK_THROWS_WITH(
      parse_yaml("f.yaml", ""),
      "f.yaml:1:1: the file is empty; a catalogue file needs at least one section such as \"exercises:\"");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: &x 1\nb: 2\n"),
                    "f.yaml:1:4: anchors (&name) are not allowed in a catalogue; write the value out in full");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: 1\nb: *x\n"),
                    "f.yaml:2:4: invalid YAML: the referenced anchor is not defined");
  CHECK_THROWS_WITH(
      parse_yaml("f.yaml", "a: 1\n---\nb: 2\n"),
      "f.yaml:3:1: a second YAML document (after \"---\") is not allowed; put everything in one document");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "? [a, b]\n: 1\n"),
                    "f.yaml:1:3: a key must be plain text, not a list or mapping");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: !!int 3\n"),
                    "f.yaml:1:4: tags like \"tag:yaml.org,2002:int\" are not allowed in a catalogue; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: [1, 2\n"), "f.yaml:2:1: invalid YAML: end of sequence flow not found");
}

TEST_CASE("nesting deeper than the schema needs is refused, not recursed into") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THROWS_WITH(parse_yaml("f.yaml", deep),
                    "f.yaml:1:13: nesting too deep (more than 12 levels); a catalogue needs far fewer");
}
