#include "core/importer.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

const valgus::Catalogue& builtin() {
  static const valgus::Catalogue catalogue = valgus::test::load_or_throw(valgus::builtin_catalogue_files());
  return catalogue;
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
