#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/importer.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const valgus::Catalogue& builtin() {
  static const valgus::Catalogue catalogue = valgus::test::load_or_throw(valgus::builtin_catalogue_files());
  return catalogue;
}

// One record of the strength category on the glutes, with `fields` added.
std::string record(const std::string& id, const std::string& name, const std::string& fields = "") {
  return R"({"id": ")" + id + R"(", "name": ")" + name + R"(", "category": "strength", "primaryMuscles": ["glutes"])" +
         (fields.empty() ? R"(, "instructions": ["Stand."])" : ", " + fields) + "}";
}

// The lines of the error an import throws, and its exit code.
std::pair<valgus::ExitCode, std::vector<std::string>> import_error(const std::string& json,
                                                                   std::size_t max_yaml_bytes = SIZE_MAX) {
  try {
    (void)valgus::import_free_exercise_db(builtin(), "db.json", json, max_yaml_bytes);
  } catch (const valgus::Error& error) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : error.diagnostics()) {
      lines.push_back(diagnostic.to_string());
    }
    return {error.code(), lines};
  }
  return {valgus::ExitCode::ok, {}};
}

// What the import writes loads on top of the built-in catalogue.
bool loads(const valgus::ImportResult& result) {
  auto files = valgus::builtin_catalogue_files();
  files.push_back(valgus::CatalogueFile{"imported.yaml", result.yaml, 1, "imported.yaml"});
  return valgus::load_catalogue(files).errors.empty();
}

}  // namespace

TEST_CASE("free-exercise-db records become catalogue entries with phase, targets, region and equipment") {
  const std::string json = R"([
    {"id": "Side_Lying_Leg_Lift", "name": "Side Lying Leg Lift", "equipment": "body only", "level": "beginner",
     "primaryMuscles": ["abductors"], "instructions": ["Lie on one side.", "Lift the \"top\" leg."],
     "category": "strength"},
    {"id": "Calves-SMR", "name": "Calves-SMR", "equipment": "foam roll", "primaryMuscles": ["calves"],
     "instructions": ["Roll."], "category": "stretching"},
    {"id": "Lower_Back_Stretch", "name": "Lower Back Stretch", "equipment": null, "primaryMuscles": ["lower back"],
     "instructions": ["Hug the knees."], "category": "stretching"}
  ])";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  CHECK(result.read == 3);
  CHECK(result.imported == 3);
  CHECK(result.skipped.empty());
  CHECK(result.yaml.find("exercises:\n"
                         "  - id: fedb-side-lying-leg-lift\n"
                         "    name: \"Side Lying Leg Lift\"\n"
                         "    phase: strengthen\n"
                         "    region: hip\n"
                         "    targets: [abductors]\n"
                         "    equipment: [floor]\n"
                         "    summary: \"From free-exercise-db, level beginner.\"\n"
                         "    dose: {sets: 2, reps: 10-12}\n"
                         "    steps:\n"
                         "      - \"Lie on one side.\"\n"
                         "      - \"Lift the \\\"top\\\" leg.\"\n"
                         "    source: \"free-exercise-db (public domain): Side_Lying_Leg_Lift\"\n"
                         "    priority: 3\n") != std::string::npos);
  CHECK(result.yaml.find("  - id: fedb-calves-smr\n    name: \"Calves-SMR\"\n    phase: release\n    region: ankle\n"
                         "    targets: [calves]\n    equipment: [foam-roller]\n") != std::string::npos);
  CHECK(result.yaml.find("    phase: stretch\n    region: pelvis\n    targets: [lower-back]\n    summary:") !=
        std::string::npos);
  // What it writes is a valid catalogue.
  auto files = valgus::builtin_catalogue_files();
  files.push_back(valgus::CatalogueFile{"imported.yaml", result.yaml, 1, "imported.yaml"});
  const auto loaded = valgus::load_catalogue(files);
  CHECK(loaded.errors.empty());
  CHECK(loaded.catalogue.find_exercise("fedb-calves-smr") != nullptr);
}

TEST_CASE("what cannot be mapped is counted by reason, with examples") {
  const std::string json = R"([
    {"id": "a", "name": "Bench Press", "equipment": "barbell", "primaryMuscles": ["chest"], "instructions": ["x"],
     "category": "strength"},
    {"id": "b", "name": "Curl", "equipment": "dumbbell", "primaryMuscles": ["biceps"], "instructions": ["x"],
     "category": "strength"},
    {"id": "c", "name": "Squat", "equipment": "barbell", "primaryMuscles": ["quadriceps"], "instructions": ["x"],
     "category": "strength"},
    {"id": "d", "name": "Jump", "equipment": null, "primaryMuscles": ["quadriceps"], "instructions": ["x"],
     "category": "plyometrics"},
    {"id": "e", "name": "Plank", "equipment": null, "primaryMuscles": ["abdominals"], "instructions": [],
     "category": "strength"},
    42
  ])";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  CHECK(result.read == 6);
  CHECK(result.imported == 0);
  CHECK(result.yaml.find("exercises: []\n") != std::string::npos);
  CHECK(result.skipped ==
        std::vector<std::string>{"category \"plyometrics\" is not part of corrective exercise: 1 (e.g. Jump)",
                                 "equipment \"barbell\" is not in the vocabulary: 1 (e.g. Squat)",
                                 "no instructions: 1 (e.g. Plank)", "not an exercise record: 1 (e.g. item 6)",
                                 "works only muscles valgus does not treat (biceps): 1 (e.g. Curl)",
                                 "works only muscles valgus does not treat (chest): 1 (e.g. Bench Press)"});
}

TEST_CASE("ids never clash, and control characters never reach the file") {
  const std::string json = R"([
    {"id": "Lunge", "name": "Lunge", "primaryMuscles": ["glutes"], "instructions": ["Step \u001b[31mforward."],
     "category": "strength"},
    {"id": "Lunge", "name": "Lunge", "primaryMuscles": ["glutes"], "instructions": ["Again."], "category": "strength"}
  ])";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  CHECK(result.imported == 2);
  CHECK(result.yaml.find("  - id: fedb-lunge\n") != std::string::npos);
  CHECK(result.yaml.find("  - id: fedb-lunge-2\n") != std::string::npos);
  CHECK(result.yaml.find('\x1b') == std::string::npos);
}

TEST_CASE("input that is not free-exercise-db JSON") {
  CHECK_THROWS_WITH((void)valgus::import_free_exercise_db(builtin(), "db.json", "[\n  {\"name\": }\n]"),
                    "db.json:2:12: not valid JSON; free-exercise-db data is one JSON array of exercises");
  CHECK_THROWS_WITH((void)valgus::import_free_exercise_db(builtin(), "db.json", "{\"exercises\": []}"),
                    "db.json:1:1: expected a JSON array of exercises, as in free-exercise-db's exercises.json");
}

TEST_CASE("the dataset's text reaches the file and the summary as one line without control characters") {
  // ESC ] 0 ; ... BEL retitles a terminal, ESC [ 2 J clears it, a C1 CSI
  // (U+009B) colours it, and a newline forges a line of its own.
  const std::string json =
      "[" +
      record("Evil", R"(Evil \u001b]0;pwned\u0007\u001b[2J)",
             R"("instructions": ["Step\nvalgus: error: forged", "Tab\there\r\nand\u2028there."])") +
      R"(, {"name": "Jump\nvalgus: error: forged", "category": "plyo\u009b31m"}])";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  const std::string bad = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(result.imported == 1);
  CHECK(result.yaml.find("    name: \"Evil " + bad + "]0;pwned" + bad + bad + "[2J\"\n") != std::string::npos);
  CHECK(result.yaml.find("      - \"Step valgus: error: forged\"\n      - \"Tab here and there.\"\n") !=
        std::string::npos);
  CHECK(result.changed == std::vector<std::string>{"replaced control characters or line breaks in 1 exercise: Evil " +
                                                   bad + "]0;pwned" + bad + bad + "[2J"});
  CHECK(result.skipped == std::vector<std::string>{"category \"plyo" + bad +
                                                   "31m\" is not part of corrective exercise: 1 (e.g. Jump "
                                                   "valgus: error: forged)"});
  for (const auto& text : {result.yaml, valgus::join(result.changed, ""), valgus::join(result.skipped, "")}) {
    CHECK(text.find_first_of("\x1b\x07\r\t") == std::string::npos);
    CHECK(text.find("\xC2\x9B") == std::string::npos);
    CHECK(text.find("\xE2\x80\xA8") == std::string::npos);
  }
  CHECK(loads(result));
}

TEST_CASE("ids are ASCII: accents become letters, and an id with nothing left is numbered") {
  const std::string json = "[" + record("Élévation Écarté", "Élévation") + "," + record("Straße", "Straße") + "," +
                           record("", "Œuvre Ĳssel ÿ") + "," + record("!!!", "???") + "," + record("!!!", "¿¿¿") + "," +
                           record("exercise-4", "Plain") + "]";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  CHECK(result.imported == 6);
  for (const char* id : {"fedb-elevation-ecarte", "fedb-strasse", "fedb-oeuvre-ijssel-y", "fedb-exercise-4",
                         "fedb-exercise-5", "fedb-exercise-4-2"}) {
    CHECK_MESSAGE(result.yaml.find(std::string("  - id: ") + id + "\n") != std::string::npos, id);
  }
  CHECK(result.yaml.find("    name: \"Élévation\"\n") != std::string::npos);
  CHECK(result.changed ==
        std::vector<std::string>{"renamed 6 ids: \"Élévation Écarté\" -> fedb-elevation-ecarte, \"Straße\" -> "
                                 "fedb-strasse, \"Œuvre Ĳssel ÿ\" -> fedb-oeuvre-ijssel-y, ..."});
  CHECK(loads(result));
}

TEST_CASE("empty steps are dropped, and a record left with none is skipped") {
  const std::string json = "[" + record("Lunge", "Lunge", R"("instructions": ["  ", "Step.", "", "\n\t"])") + "," +
                           record("Squat", "Squat", R"("instructions": [" ", "\t"])") + "]";
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", json);
  CHECK(result.imported == 1);
  CHECK(result.yaml.find("    steps:\n      - \"Step.\"\n    source:") != std::string::npos);
  CHECK(result.changed == std::vector<std::string>{"dropped 3 empty steps (in Lunge)"});
  CHECK(result.skipped == std::vector<std::string>{"no instructions: 1 (e.g. Squat)"});
  CHECK(loads(result));
}

TEST_CASE("over-long text is shortened to what the loader takes") {
  const std::string name(300, 'n');
  const std::string step(5000, 's');
  const auto result = valgus::import_free_exercise_db(
      builtin(), "db.json", "[" + record(name, name, R"("instructions": [")" + step + R"("])") + "]");
  CHECK(result.imported == 1);
  CHECK(result.yaml.find("  - id: fedb-" + std::string(valgus::max_id_characters - 5, 'n') + "\n") !=
        std::string::npos);
  CHECK(result.yaml.find("    name: \"" + std::string(valgus::max_line_characters - 1, 'n') + "\xE2\x80\xA6\"\n") !=
        std::string::npos);
  CHECK(result.yaml.find("      - \"" + std::string(valgus::max_text_characters - 1, 's') + "\xE2\x80\xA6\"\n") !=
        std::string::npos);
  REQUIRE(result.changed.size() == 2);
  CHECK(result.changed[1] == "shortened over-long text in 1 exercise: " + std::string(59, 'n') + "\xE2\x80\xA6");
  CHECK(loads(result));
}

TEST_CASE("what import returns always loads; if the loader refuses it, the error names the record") {
  // 400,001 steps: more values than one catalogue file may hold.
  std::string json = R"([{"name": "Many", "category": "strength", "primaryMuscles": ["glutes"], "instructions": [)";
  for (int i = 0; i <= 400000; ++i) {
    json += i == 0 ? "\"x\"" : ",\"x\"";
  }
  json += "]}]";
  const auto [code, lines] = import_error(json);
  CHECK(code == valgus::ExitCode::bad_data);
  CHECK(lines == std::vector<std::string>{
                     "db.json: the catalogue made from it would not pass valgus check, so nothing was written:",
                     "db.json:1:2: \"Many\": more than 400000 values in one file; split the catalogue into several "
                     "files"});
}

TEST_CASE("a catalogue larger than a catalogue file may be is refused") {
  const auto [code, lines] = import_error("[" + record("a", "A") + "," + record("b", "B") + "]", 500);
  CHECK(code == valgus::ExitCode::bad_data);
  CHECK(lines == std::vector<std::string>{"db.json: the catalogue made from it would be larger than the 500 bytes a "
                                          "catalogue file may hold; split the data into smaller files"});
}

TEST_CASE("nesting, records and values are bounded before the JSON is parsed") {
  const std::string suffix = "; is it free-exercise-db's exercises.json?";
  // 64 levels is allowed (free-exercise-db has 3); brackets inside strings do not count.
  const std::string deep = std::string(64, '[') + std::string(64, ']');
  CHECK(valgus::import_free_exercise_db(builtin(), "db.json", deep).read == 1);
  CHECK(valgus::import_free_exercise_db(builtin(), "db.json", "[\"" + std::string(100, '[') + "\\\"\"]").read == 1);
  CHECK(import_error(std::string(65, '[') + std::string(65, ']')) ==
        std::pair{valgus::ExitCode::bad_data,
                  std::vector<std::string>{"db.json:1:65: the data nests deeper than 64 levels" + suffix}});
  // 64 MiB of "[" took 5 GB; now the scan stops at the 65th.
  CHECK(import_error(std::string(1000000, '[')).second ==
        std::vector<std::string>{"db.json:1:65: the data nests deeper than 64 levels" + suffix});

  std::string records = "[{}";
  for (std::size_t i = 1; i <= valgus::max_import_records; ++i) {
    records += ",{}";
  }
  CHECK(import_error(records + "]") ==
        std::pair{valgus::ExitCode::bad_data,
                  std::vector<std::string>{"db.json:1:300002: more than 100000 records" + suffix}});
  records.resize(records.size() - 3);
  const auto result = valgus::import_free_exercise_db(builtin(), "db.json", records + "]");
  CHECK(result.read == 100000);
  CHECK(result.skipped == std::vector<std::string>{"no name: 100000 (e.g. item 1, item 2, item 3)"});

  std::string values = "[[";
  for (std::size_t i = 0; i < valgus::max_import_values; ++i) {
    values += "1,";
  }
  CHECK(import_error(values + "1]]").second ==
        std::vector<std::string>{"db.json:1:6000000: more than 3000000 values" + suffix});
}

TEST_CASE("a number too large for JSON is bad data, not an internal error") {
  CHECK(import_error("[1e999]") ==
        std::pair{valgus::ExitCode::bad_data,
                  std::vector<std::string>{
                      "db.json: a number is too large; free-exercise-db data is one JSON array of exercises"}});
}
