#include "core/catalogue/yaml_tree.hpp"

#include <doctest/doctest.h>

#include <string>

using valgus::parse_yaml;
using valgus::YamlNode;

TEST_CASE("a mapping keeps keys in file order with 1-based positions") {
  const auto document = parse_yaml("f.yaml", "b: 1\na: 'two'\nc: [x, y]\n");
  const YamlNode& root = document.root;
  REQUIRE(root.kind == YamlNode::Kind::mapping);
  REQUIRE(root.entries.size() == 3);
  CHECK(root.entries[0].key.value == "b");
  CHECK(root.entries[0].key.where.line == 1);
  CHECK(root.entries[0].key.where.column == 1);
  CHECK(root.entries[1].value.value == "two");
  CHECK(root.entries[1].value.quoted);
  CHECK_FALSE(root.entries[0].value.quoted);
  CHECK(root.entries[2].value.kind == YamlNode::Kind::sequence);
  CHECK(root.entries[2].value.items[1].value == "y");
  CHECK(root.entries[2].value.items[1].where.line == 3);
  CHECK(root.entries[2].value.items[1].where.column == 8);
}

TEST_CASE("duplicate keys are kept so the loader can refuse them") {
  const auto document = parse_yaml("f.yaml", "a: 1\na: 2\n");
  const YamlNode& root = document.root;
  CHECK(root.entries.size() == 2);
}

TEST_CASE("empty value is null") {
  const auto document = parse_yaml("f.yaml", "a:\n");
  const YamlNode& root = document.root;
  CHECK(root.entries[0].value.kind == YamlNode::Kind::null);
}

TEST_CASE("refused documents") {
  CHECK_THROWS_WITH(
      parse_yaml("f.yaml", ""),
      "f.yaml:1:1: the file is empty; a catalogue file needs at least one section such as \"exercises:\"");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: &x 1\nb: 2\n"),
                    "f.yaml:1:4: anchors (&name) are not allowed in a catalogue; write the value out in full");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: 1\nb: *x\n"),
                    "f.yaml:2:4: invalid YAML: \"*\" refers to an anchor; anchors and aliases are not allowed in a "
                    "catalogue");
  CHECK_THROWS_WITH(
      parse_yaml("f.yaml", "a: 1\n---\nb: 2\n"),
      "f.yaml:3:1: a second YAML document (after \"---\") is not allowed; put everything in one document");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "? [a, b]\n: 1\n"),
                    "f.yaml:1:3: a key must be plain text, not a list or mapping");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: !!int 3\n"),
                    "f.yaml:1:4: tags like \"tag:yaml.org,2002:int\" are not allowed in a catalogue; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: [1, 2\n"), "f.yaml:2:1: invalid YAML: a \"[\" is never closed with \"]\"");
}

TEST_CASE("nesting deeper than the schema needs is refused, not recursed into") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THROWS_WITH(parse_yaml("f.yaml", deep),
                    "f.yaml:1:13: nesting too deep (more than 12 levels); a catalogue needs far fewer");
}

TEST_CASE("yaml-cpp's jargon is replaced by plain words") {
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: b: c\n"),
                    "f.yaml:1:5: invalid YAML: a \"key: value\" is not allowed here; check the indentation, or quote "
                    "text that contains \": \"");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a:\n\t- b\n"),
                    "f.yaml:2:2: invalid YAML: a \"- \" list item is not allowed here; check the indentation");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: \"\\q\"\n"),
                    "f.yaml:1:7: invalid YAML: unknown escape \"\\q\" in quoted text");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: {b: 1\n"), "f.yaml:2:1: invalid YAML: a \"{\" is never closed with \"}\"");
}

TEST_CASE("a stray comma or a lone document end is refused, not read as empty documents forever") {
  CHECK_THROWS_WITH(parse_yaml("f.yaml", ",\n"),
                    "f.yaml:1:1: no catalogue content here; a catalogue file starts with a section such as "
                    "\"exercises:\"");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", ", exercises: []\n"),
                    "f.yaml:1:1: no catalogue content here; a catalogue file starts with a section such as "
                    "\"exercises:\"");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "...\n"),
                    "f.yaml:1:1: no catalogue content here; a catalogue file starts with a section such as "
                    "\"exercises:\"");
}

TEST_CASE("bytes that are not UTF-8 text are refused with their position") {
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: 1\nb: x\x1b[31mred\n"),
                    "f.yaml:2:5: control character 0x1B in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", std::string("a: \0\n", 5)),
                    "f.yaml:1:4: control character 0x00 in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: caf\xe9\n"), "f.yaml:1:7: the file is not valid UTF-8; save it as UTF-8");
  CHECK_THROWS_WITH(parse_yaml("f.yaml",
                               "a: \xc2\x9b"
                               "31m\n"),
                    "f.yaml:1:4: invisible control character U+009B in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml",
                               "a: abc\xe2\x80\xae"
                               "def\n"),
                    "f.yaml:1:7: invisible control character U+202E in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml",
                               "\xff\xfe"
                               "a"),
                    "f.yaml:1:1: the file is UTF-16; save it as UTF-8");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: 1\xef\xbb\xbf\n"),
                    "f.yaml:1:5: invisible control character U+FEFF in the file; remove it");
  // A leading UTF-8 byte-order mark, as some editors write, is fine.
  const auto document = parse_yaml("f.yaml",
                                   "\xef\xbb\xbf"
                                   "a: 1\n");
  const YamlNode& root = document.root;
  REQUIRE(root.entries.size() == 1);
  CHECK(root.entries[0].key.value == "a");
  // Windows line ends are fine too.
  CHECK(parse_yaml("f.yaml", "a: 1\r\nb: 2\r\n").root.entries.size() == 2);
}

TEST_CASE("the number of values in one file is capped") {
  std::string many = "a: [";
  for (int i = 0; i < valgus::max_yaml_nodes; ++i) {
    many += "1,";
  }
  many += "1]\n";
  CHECK_THROWS_WITH(parse_yaml("f.yaml", many),
                    "f.yaml:1:799999: more than 400000 values in one file; split the catalogue into several files");
}

TEST_CASE("escapes are decoded into values; the loader holds them to the file's rule") {
  // The tree keeps what an escape means, at the scalar's position; the
  // field reader then refuses hidden controls and line breaks (see
  // test_catalogue_loader.cpp), so the rule is one whatever wrote them.
  const auto document = parse_yaml("f.yaml", "a: \"x\\u202Ey\"\nb: \"\\u009B\\n\\t\"\n");
  const YamlNode& root = document.root;
  REQUIRE(root.entries.size() == 2);
  CHECK(root.entries[0].value.value ==
        "x\xE2\x80\xAE"
        "y");
  CHECK(root.entries[0].value.where.line == 1);
  CHECK(root.entries[0].value.where.column == 4);
  CHECK(root.entries[1].value.value == "\xC2\x9B\n\t");
}

TEST_CASE("raw bytes follow the shared rule: every bidirectional control and C1 control") {
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: x\xE2\x81\xA6y\n"),
                    "f.yaml:1:5: invisible control character U+2066 in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: \xD8\x9C\n"),
                    "f.yaml:1:4: invisible control character U+061C in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: x\x7F\n"), "f.yaml:1:5: control character 0x7F in the file; remove it");
  CHECK_THROWS_WITH(parse_yaml("f.yaml", "a: x\xC2\x85y\n"),
                    "f.yaml:1:5: invisible control character U+0085 in the file; remove it");
  // Tab, carriage return and ordinary wide text are fine.
  CHECK(parse_yaml("f.yaml", "a: \"\t\"\r\nb: 日本語\n").root.entries[1].value.value == "日本語");
}
