#include "core/catalogue/parse_ahead.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

using valgus::CatalogueFile;
using valgus::ParseAhead;
using valgus::ParsedFile;
using valgus::YamlNode;

namespace {

// The whole tree on one line, with positions, so two parses compare exactly.
std::string dump(const YamlNode& node) {
  const std::string at = std::to_string(node.where.line) + ":" + std::to_string(node.where.column);
  switch (node.kind) {
    case YamlNode::Kind::null: return "~@" + at;
    case YamlNode::Kind::scalar: return std::string(node.value) + (node.quoted ? "'@" : "@") + at;
    case YamlNode::Kind::sequence: {
      std::string out = "[@" + at;
      for (const auto& item : node.items) {
        out += " " + dump(item);
      }
      return out + "]";
    }
    case YamlNode::Kind::mapping: {
      std::string out = "{@" + at;
      for (const auto& [key, value] : node.entries) {
        out += " " + dump(key) + "=" + dump(value);
      }
      return out + "}";
    }
  }
  return "?";
}

std::string outcome(const ParsedFile& parsed) {
  if (!parsed.failure) {
    return dump(parsed.document.root);
  }
  try {
    std::rethrow_exception(parsed.failure);
  } catch (const valgus::Error& error) {
    return std::string("error: ") + error.what();
  }
}

std::string outcome_alone(const CatalogueFile& file) {
  try {
    return dump(valgus::parse_yaml(file.path, file.text).root);
  } catch (const valgus::Error& error) {
    return std::string("error: ") + error.what();
  }
}

// Files of different sizes, every fifth one broken in a different way.
std::vector<CatalogueFile> mixed_files(int count) {
  std::vector<CatalogueFile> files;
  for (int i = 0; i < count; ++i) {
    std::string text = "exercises:\n";
    for (int k = 0; k <= i % 7; ++k) {
      text += "  - {id: e" + std::to_string(i) + "-" + std::to_string(k) + ", steps: [a, 'b']}\n";
    }
    if (i % 5 == 4) {
      text += i % 2 == 0 ? "  - [unclosed\n" : "bad: &anchor 1\n";
    }
    files.push_back(CatalogueFile{"f" + std::to_string(i) + ".yaml", text, 0});
  }
  return files;
}

}  // namespace

TEST_CASE("small inputs are parsed on the calling thread") {
  const std::string big(std::size_t{300} * 1024, '#');
  CHECK(valgus::parse_threads({}) == 0);
  CHECK(valgus::parse_threads({CatalogueFile{"a.yaml", big, 0}}) == 0);
  CHECK(valgus::parse_threads({CatalogueFile{"a.yaml", "a: 1\n", 0}, CatalogueFile{"b.yaml", "b: 1\n", 0}}) == 0);
}

TEST_CASE("large inputs get one parser per core (the caller is one), at most one per file and at most eight") {
  const std::string half(std::size_t{200} * 1024, '#');
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const std::vector<CatalogueFile> two{{"a.yaml", half, 0}, {"b.yaml", half, 0}};
  CHECK(valgus::parse_threads(two) == std::min(cores, 2U) - 1);
  const std::vector<CatalogueFile> many(20, CatalogueFile{"a.yaml", half, 0});
  CHECK(valgus::parse_threads(many) == std::min(cores, 8U) - 1);
}

TEST_CASE("results and errors are those of parsing each file alone, whatever the thread count") {
  const auto files = mixed_files(40);
  for (const unsigned threads : {0U, 1U, 3U, 8U}) {
    CAPTURE(threads);
    ParseAhead ahead(files, threads);
    for (std::size_t i = 0; i < files.size(); ++i) {
      CAPTURE(i);
      CHECK(outcome(ahead.take(i)) == outcome_alone(files[i]));
    }
  }
}

TEST_CASE("the expected errors are there") {
  const auto files = mixed_files(10);
  ParseAhead ahead(files, 2);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(ahead.take(i).failure == nullptr);
  }
  CHECK(outcome(ahead.take(4)) == "error: f4.yaml:8:1: invalid YAML: a \"[\" is never closed with \"]\"");
  for (std::size_t i = 5; i < 9; ++i) {
    CHECK(ahead.take(i).failure == nullptr);
  }
  CHECK(outcome(ahead.take(9)) ==
        "error: f9.yaml:5:6: anchors (&name) are not allowed in a catalogue; write the value out in full");
}

TEST_CASE("a tree taken from a worker keeps its arena and outlives the parser") {
  const auto files = mixed_files(6);
  std::vector<ParsedFile> kept;
  {
    ParseAhead ahead(files, 3);
    for (std::size_t i = 0; i < files.size(); ++i) {
      kept.push_back(ahead.take(i));
    }
  }
  REQUIRE(kept[3].document.arena != nullptr);
  CHECK(dump(kept[3].document.root) == outcome_alone(files[3]));
}

TEST_CASE("stopping before every file is taken neither hangs nor leaks") {
  const auto files = mixed_files(30);
  ParseAhead ahead(files, 4);
  CHECK(outcome(ahead.take(0)) == outcome_alone(files[0]));
}

TEST_CASE("a large catalogue loaded on threads reports errors in file order") {
  // Twelve files of about 30 KB: enough text for parse_threads to use threads.
  auto files = valgus::test::fixture_files();
  for (int f = 0; f < 12; ++f) {
    std::string text = "exercises:\n";
    for (int i = 0; i < 150; ++i) {
      const std::string id = "bulk-" + std::to_string(f) + "-" + std::to_string(i);
      text += "  - id: " + id;
      text += "\n    name: Bulk " + id;
      text +=
          "\n    phase: strengthen\n    region: hip\n    targets: [glutes]\n"
          "    steps: [Stand tall., Push the knees out over the toes., Return slowly.]\n"
          "    dose: {sets: 2, reps: 10}\n    source: test\n";
    }
    if (f == 3) {
      text += "  - id: broken\n    name: [\n";
    }
    if (f == 9) {
      text +=
          "  - id: bulk-9-0\n    name: Again\n    phase: strengthen\n    region: hip\n"
          "    targets: [glutes]\n    steps: [Do it.]\n    dose: {sets: 1, reps: 5}\n    source: test\n";
    }
    files.push_back(CatalogueFile{"bulk-" + std::to_string(f) + ".yaml", text, 0});
  }
  REQUIRE(valgus::parse_threads(files) == std::min(8U, std::max(1U, std::thread::hardware_concurrency())) - 1);
  const auto result = valgus::load_catalogue(files);
  std::vector<std::string> errors;
  for (const auto& error : result.errors) {
    errors.push_back(error.to_string());
  }
  CHECK(
      valgus::join(errors, "\n") ==
      "bulk-3.yaml:1204:1: invalid YAML: a \"[\" is never closed with \"]\"\n"
      "bulk-9.yaml:1202:5: duplicate exercise id \"bulk-9-0\" (first defined at bulk-9.yaml:2:5); rename one of them");
  CHECK(result.catalogue.exercises.size() == 6 + 11 * 150);
}
