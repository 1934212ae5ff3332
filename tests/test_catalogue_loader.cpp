#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/catalogue_schema.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using valgus::CatalogueFile;
using valgus::load_catalogue;

namespace {

// Loads the fixture vocabulary plus `text` as "x.yaml" and returns every error.
std::string errors_of(const std::string& text) {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", text, 0});
  std::vector<std::string> lines;
  for (const auto& error : load_catalogue(files).errors) {
    lines.push_back(error.to_string());
  }
  return valgus::join(lines, "\n");
}

std::string exercise(const std::string& fields) {
  return "exercises:\n  - id: new-one\n    name: New one\n    phase: strengthen\n    region: hip\n"
         "    targets: [glutes]\n    steps: [Do it.]\n    source: test\n" +
         fields;
}

// Error lists compare as one string so a failure prints every line.
std::string lines(const std::vector<std::string>& items) { return valgus::join(items, "\n"); }

}  // namespace

TEST_CASE("the fixture catalogue loads into plain structs") {
  const auto catalogue = valgus::test::fixture_catalogue();
  CHECK(catalogue.muscles.size() == 6);
  CHECK(catalogue.problems.size() == 2);
  REQUIRE(catalogue.exercises.size() == 6);
  const auto& clam = catalogue.exercises[2];
  CHECK(clam.id == "clam");
  CHECK(clam.phase == valgus::Phase::strengthen);
  CHECK(clam.dose.reps == valgus::Range{20, 20});
  CHECK(clam.dose.hold_seconds == valgus::Range{3, 5});
  CHECK(clam.dose.per_side);
  CHECK(clam.dose.sets == valgus::Range{1, 1});
  CHECK(clam.priority == 2);
  CHECK(clam.sources == std::vector<std::string>{"test"});
  CHECK(clam.where.file == "exercises.yaml");
  CHECK(clam.where.line == 21);
  CHECK(clam.where.column == 5);
  CHECK(catalogue.exercises[5].variant_of == "adductor-roll");
  CHECK(catalogue.find_equipment("wall")->household);
  CHECK(catalogue.expand_muscles("calves") == std::vector<std::string>{"gastrocnemius", "soleus"});
  CHECK(catalogue.expand_muscles("soleus") == std::vector<std::string>{"soleus"});
}

TEST_CASE("a valid exercise with every optional field") {
  CHECK(errors_of(exercise("    dose: {sets: 2-3, reps: 10-15, hold_seconds: 2, per_side: false, seconds_per_rep: 4}\n"
                           "    equipment: [band]\n    cues: [Slowly.]\n    priority: 1\n"
                           "    alternatives: [clam]\n"
                           "    progressions:\n      - {week: 3, change: Harder., dose: {reps: 20}}\n")) == lines({}));
}

TEST_CASE("unknown keys are refused with a did-you-mean") {
  CHECK(errors_of(exercise("    dose: {reps: 10}\n    tagets: [glutes]\n")) ==
        lines({"x.yaml:10:5: unknown field \"tagets\" in exercise (did you mean \"targets\"?)"}));
  CHECK(errors_of(exercise("    dose: {reps: 10, holds: 3}\n")) ==
        lines({"x.yaml:9:22: unknown field \"holds\" in dose; fields are sets, reps, hold_seconds, duration_seconds, "
               "per_side, seconds_per_rep"}));
  CHECK(errors_of("exercise: []\n") ==
        lines({"x.yaml:1:1: unknown section \"exercise\" (did you mean \"exercises\"?); sections are muscles, "
               "muscle_groups, equipment, positions, problems, exercises, habits, notes, phases, sessions, "
               "progression, red_flags, symptoms, self_tests, skeletons, props, poses"}));
}

TEST_CASE("missing required fields") {
  CHECK(errors_of("exercises:\n  - id: a\n    name: A\n") ==
        lines({"x.yaml:2:5: exercise is missing the required field \"phase\"",
               "x.yaml:2:5: exercise is missing the required field \"region\"",
               "x.yaml:2:5: exercise is missing the required field \"targets\"",
               "x.yaml:2:5: exercise is missing the required field \"dose\"",
               "x.yaml:2:5: exercise is missing the required field \"steps\"",
               "x.yaml:2:5: exercise is missing the required field \"source\""}));
  CHECK(errors_of(exercise("    dose: {sets: 2}\n")) ==
        lines({"x.yaml:9:11: dose needs \"reps\" or \"duration_seconds\""}));
}

TEST_CASE("wrong types and strict values") {
  CHECK(errors_of(exercise("    dose: {reps: ten}\n")) ==
        lines({"x.yaml:9:18: \"reps\" must be a whole number like 12, not \"ten\""}));
  CHECK(errors_of(exercise("    dose: {reps: 010}\n")) ==
        lines({"x.yaml:9:18: \"reps\" must be a whole number like 12, not \"010\""}));
  CHECK(errors_of(exercise("    dose: {reps: '12'}\n")) ==
        lines({"x.yaml:9:18: \"reps\" must be a number like 12 or a range like 10-15, not \"12\""}));
  CHECK(errors_of(exercise("    dose: {reps: 15-10}\n")) ==
        lines({"x.yaml:9:18: \"reps\" range 15-10 must go from the smaller to the larger number"}));
  CHECK(errors_of(exercise("    dose: {reps: 5000}\n")) == lines({"x.yaml:9:18: \"reps\" is 5000, outside 1..100"}));
  // Doses are capped at what one person can do, and a huge number says the range.
  CHECK(errors_of(exercise("    dose: {sets: 1000000000, reps: 10}\n")) ==
        lines({"x.yaml:9:18: \"sets\" is 1000000000, outside 1..10"}));
  CHECK(errors_of(exercise("    dose: {sets: 99999999999999999999, reps: 10}\n")) ==
        lines({"x.yaml:9:18: \"sets\" is 99999999999999999999, outside 1..10"}));
  CHECK(errors_of(exercise("    dose: {reps: 10, hold_seconds: 301}\n")) ==
        lines({"x.yaml:9:36: \"hold_seconds\" is 301, outside 1..300"}));
  CHECK(errors_of(exercise("    dose: {duration_seconds: 1801}\n")) ==
        lines({"x.yaml:9:30: \"duration_seconds\" is 1801, outside 1..1800"}));
  CHECK(errors_of(exercise("    dose: {reps: 10, seconds_per_rep: 21}\n")) ==
        lines({"x.yaml:9:39: \"seconds_per_rep\" is 21, outside 1..20"}));
  CHECK(errors_of(exercise("    dose: {reps: 5, per_side: yes}\n")) ==
        lines({"x.yaml:9:31: \"per_side\" must be true or false, not \"yes\""}));
  CHECK(errors_of(exercise("    dose: [5]\n")) ==
        lines({"x.yaml:9:11: dose must be a mapping of fields (\"id: ...\"), not a list"}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    priority: 4\n")) ==
        lines({"x.yaml:10:15: \"priority\" is 4, outside 1..3"}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    cues: Slowly\n")) ==
        lines({"x.yaml:10:11: \"cues\" must be a list like [a, b], not \"Slowly\""}));
  CHECK(errors_of("exercises:\n  - id: Side Lunge\n") ==
        lines({"x.yaml:2:5: exercise is missing the required field \"name\"",
               "x.yaml:2:5: exercise is missing the required field \"phase\"",
               "x.yaml:2:5: exercise is missing the required field \"region\"",
               "x.yaml:2:5: exercise is missing the required field \"targets\"",
               "x.yaml:2:5: exercise is missing the required field \"dose\"",
               "x.yaml:2:5: exercise is missing the required field \"steps\"",
               "x.yaml:2:5: exercise is missing the required field \"source\"",
               "x.yaml:2:9: invalid id \"Side Lunge\": use lower-case letters, digits and single dashes, like "
               "\"side-lunge\""}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n").replace(0, 0, "") + "    summary: \"bell\\a\"\n") ==
        lines({"x.yaml:10:14: \"summary\" contains the control character 0x07; remove it"}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    summary: \"\xff\"\n")) ==
        lines({"x.yaml:10:15: the file is not valid UTF-8; save it as UTF-8"}));
  CHECK(errors_of("exercises:\n  - {id: a, name: A, phase: strech, region: hip, targets: [glutes], dose: {reps: 5}, "
                  "steps: [Go.], source: t}\n") ==
        lines({"x.yaml:2:29: unknown phase \"strech\" (did you mean \"stretch\"?); choose one of release, stretch, "
               "strengthen, integrate"}));
}

TEST_CASE("escapes are held to the same rule as the file's bytes") {
  const auto habit = [](const std::string& name) {
    return errors_of("habits:\n  - {id: a, name: \"" + name + "\", advice: B}\n");
  };
  CHECK(habit("\\u009B31m") == "x.yaml:2:19: \"name\" contains the invisible control character U+009B; remove it");
  CHECK(habit("safe\\u202Etxt.exe") ==
        "x.yaml:2:19: \"name\" contains the invisible control character U+202E; remove it");
  CHECK(habit("\\x85") == "x.yaml:2:19: \"name\" contains the invisible control character U+0085; remove it");
  CHECK(habit("a\\uFEFFb") == "x.yaml:2:19: \"name\" contains the invisible control character U+FEFF; remove it");
  CHECK(habit("\\u2066x") == "x.yaml:2:19: \"name\" contains the invisible control character U+2066; remove it");
  CHECK(habit("\\u0007") == "x.yaml:2:19: \"name\" contains the control character 0x07; remove it");
  CHECK(habit("\\u001b[2J") == "x.yaml:2:19: \"name\" contains the control character 0x1B; remove it");
  CHECK(habit("\\r") == "x.yaml:2:19: \"name\" contains the control character 0x0D; remove it");
  // yaml-cpp decodes these two escapes to bytes that are not UTF-8.
  CHECK(habit("a\\_b") ==
        "x.yaml:2:19: \"name\" holds a \"\\N\" or \"\\_\" escape, which the YAML reader cannot "
        "decode; write the character itself");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    cues: [\"ok\", \"\\u202Dx\"]\n")) ==
        "x.yaml:10:18: \"cues\" contains the invisible control character U+202D; remove it");
  CHECK(habit("caf\\u00e9 \\u65e5\\u672c") == "");  // ordinary characters by escape are fine
}

TEST_CASE("names and titles are one line; paragraphs fold line breaks and tabs to spaces") {
  CHECK(errors_of("habits:\n  - {id: a, name: \"Clam\\nvalgus: error: forged\", advice: B}\n") ==
        "x.yaml:2:19: \"name\" must be one line; remove its line break");
  CHECK(errors_of("habits:\n  - id: a\n    name: |\n      two\n      lines\n    advice: B\n") ==
        "x.yaml:3:11: \"name\" must be one line; remove its line break");
  CHECK(errors_of("notes:\n  - {id: a, title: \"a\\u2028b\", text: B}\n") ==
        "x.yaml:2:20: \"title\" must be one line; remove its line break");
  CHECK(errors_of("equipment:\n  - {id: a, name: A, aliases: [\"x\\ny\"]}\n") ==
        "x.yaml:2:32: \"aliases\" must be one line; remove its line break");
  auto files = valgus::test::fixture_files();
  files.push_back(
      CatalogueFile{"x.yaml",
                    "habits:\n  - {id: a, name: \"Tab\\there\", advice: \"one\\n\\ntwo\\tthree \\u2029 four\"}\n"
                    "problems:\n  - id: p\n    name: P\n    summary: |\n      First line\n      second "
                    "line.\n    overactive: [soleus]\n    underactive: []\n",
                    0});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  const auto& habit = result.catalogue.habits.back();
  CHECK(habit.name == "Tab here");
  CHECK(habit.advice == "one two three four");
  const auto& problem = result.catalogue.problems.back();
  CHECK(problem.summary == "First line second line.");
}

TEST_CASE("ids, names and texts have a length cap") {
  const std::string id64(64, 'a');
  const std::string id65(65, 'a');
  CHECK(errors_of("habits:\n  - {id: " + id64 + ", name: A, advice: B}\n") == "");
  CHECK(errors_of("habits:\n  - {id: " + id65 + ", name: A, advice: B}\n") ==
        "x.yaml:2:10: \"id\" is 65 characters long; an id is at most 64 characters: use a short name like "
        "\"side-lunge\"");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    alternatives: [" + std::string(30000, 'b') + "]\n")) ==
        "x.yaml:10:20: \"alternatives\" is 30000 characters long; an id is at most 64 characters: use a short name "
        "like \"side-lunge\"");
  std::string name120;
  for (int i = 0; i < 120; ++i) {
    name120 += "é";  // characters, not bytes
  }
  CHECK(errors_of("habits:\n  - {id: a, name: " + name120 + ", advice: B}\n") == "");
  CHECK(errors_of("habits:\n  - {id: a, name: " + name120 + "x, advice: B}\n") ==
        "x.yaml:2:19: \"name\" is 121 characters long; a name or title is at most 120 characters: shorten it");
  CHECK(errors_of("notes:\n  - {id: a, title: " + std::string(1300000, 'T') + ", text: B}\n") ==
        "x.yaml:2:20: \"title\" is 1300000 characters long; a name or title is at most 120 characters: shorten it");
  const std::string text2000(2000, 'w');
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    cues: [" + text2000 + "]\n")) == "");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    cues: [" + text2000 + "w]\n")) ==
        "x.yaml:10:12: \"cues\" is 2001 characters long; one text is at most 2000 characters: shorten it");
  CHECK(errors_of("habits:\n  - {id: a, name: A, advice: \"" + text2000 + "\\n\"}\n") == "");  // counted once folded
}

TEST_CASE("references to things that do not exist") {
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    equipment: [bandd]\n")) ==
        lines({"x.yaml:10:17: unknown equipment \"bandd\" (did you mean \"band\"?)"}));
  CHECK(errors_of("exercises:\n  - {id: a, name: A, phase: stretch, region: hip, targets: [glutez], dose: {reps: 5}, "
                  "steps: [Go.], source: t}\n") ==
        lines({"x.yaml:2:61: unknown muscle or muscle group \"glutez\" in \"targets\" (did you mean \"glutes\"?)"}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    alternatives: [calf-roll]\n")) ==
        lines({"x.yaml:10:20: \"calf-roll\" in \"alternatives\" is a release exercise; it must share this exercise's "
               "phase \"strengthen\""}));
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    alternatives: [clamm]\n")) ==
        lines({"x.yaml:10:20: unknown exercise \"clamm\" in \"alternatives\" (did you mean \"clam\"?)"}));
  CHECK(errors_of("problems:\n  - {id: knee, name: knee, overactive: [quads], underactive: []}\n") ==
        lines({"x.yaml:2:41: unknown muscle or muscle group \"quads\" in \"overactive\""}));
  CHECK(errors_of("muscle_groups:\n  - {id: legs, name: legs, members: [calves]}\n") ==
        lines({"x.yaml:2:38: unknown muscle \"calves\" in \"members\""}));
}

TEST_CASE("also_works: muscles an exercise loads besides its targets, checked like them") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", exercise("    dose: {reps: 5}\n    also_works: [adductors, calves]\n"), 0});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  const valgus::Exercise* loaded = result.catalogue.find_exercise("new-one");
  REQUIRE(loaded != nullptr);
  CHECK(loaded->also_works == std::vector<std::string>{"adductors", "calves"});
  CHECK(loaded->targets == std::vector<std::string>{"glutes"});
  CHECK(result.catalogue.find_exercise("clam")->also_works.empty());  // optional
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    also_works: [adductorz]\n")) ==
        "x.yaml:10:18: unknown muscle or muscle group \"adductorz\" in \"also_works\" (did you mean \"adductors\"?)");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    also_works: [soleus, glutes]\n")) ==
        "x.yaml:10:26: \"glutes\" is in \"targets\" already; \"also_works\" names only what the exercise loads "
        "besides its targets");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    also_works: soleus\n")) ==
        "x.yaml:10:17: \"also_works\" must be a list like [a, b], not \"soleus\"");
}

TEST_CASE("resisted: against a band or a load, which loosening work never is") {
  auto files = valgus::test::fixture_files();
  files.push_back(
      CatalogueFile{"x.yaml", exercise("    dose: {reps: 5}\n    equipment: [band]\n    resisted: true\n"), 0});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  CHECK(result.catalogue.find_exercise("new-one")->resisted);
  CHECK_FALSE(result.catalogue.find_exercise("clam")->resisted);  // false unless given
  const auto in_phase = [](const std::string& phase, const std::string& fields) {
    std::string text = exercise(fields);
    text.replace(text.find("strengthen"), 10, phase);
    return errors_of(text);
  };
  CHECK(in_phase("integrate", "    dose: {reps: 5}\n    resisted: true\n") == "");
  CHECK(in_phase("stretch", "    dose: {reps: 5}\n    resisted: true\n") ==
        "x.yaml:10:15: only strengthen and integrate exercises are resisted; remove \"resisted\"");
  CHECK(in_phase("release", "    dose: {reps: 5}\n    resisted: true\n") ==
        "x.yaml:10:15: only strengthen and integrate exercises are resisted; remove \"resisted\"");
  CHECK(in_phase("stretch", "    dose: {reps: 5}\n    resisted: false\n") == "");
  // A band without resistance is no error: a band can guide a mobilisation.
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    equipment: [band]\n")) == "");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    resisted: yes\n")) ==
        "x.yaml:10:15: \"resisted\" must be true or false, not \"yes\"");
}

TEST_CASE("from_week on an exercise that is no variant: it joins the programme that week") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", exercise("    dose: {reps: 5}\n    from_week: 2\n"), 0});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  const valgus::Exercise* loaded = result.catalogue.find_exercise("new-one");
  CHECK(loaded->from_week == 2);
  CHECK(loaded->variant_of.empty());
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    from_week: 0\n")) ==
        "x.yaml:10:16: \"from_week\" is 0, outside 1..104");
  // Its progressions come after its start, for a variant too.
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    from_week: 3\n    progressions:\n"
                           "      - {week: 4, change: Harder.}\n")) == "");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    from_week: 3\n    progressions:\n"
                           "      - {week: 3, change: Harder.}\n      - {week: 5, change: Hardest.}\n")) ==
        "x.yaml:12:9: a progression in week 3 is not after \"from_week\" 3, when the exercise starts; give it a "
        "later week");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    variant_of: clam\n    from_week: 3\n    progressions:\n"
                           "      - {week: 2, change: Harder.}\n")) ==
        "x.yaml:13:9: a progression in week 2 is not after \"from_week\" 3, when the exercise starts; give it a "
        "later week");
}

TEST_CASE("duplicate ids and keys") {
  CHECK(errors_of("habits:\n  - {id: w-sitting, name: W, advice: No.}\n") ==
        "x.yaml:2:5: duplicate habit id \"w-sitting\" (first defined at vocabulary.yaml:27:5); rename one of them");
  CHECK(errors_of(exercise("    dose: {reps: 5}\n    name: Again\n")) ==
        lines({"x.yaml:10:5: duplicate field \"name\" in exercise; keep only one"}));
  CHECK(errors_of("habits: []\nhabits: []\n") ==
        lines({"x.yaml:2:1: duplicate section \"habits\"; merge the two lists into one"}));
}

TEST_CASE("a later layer replaces entries in place and adds new ones") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"mine.yaml",
                                "exercises:\n  - {id: clam, name: My clam, phase: strengthen, region: hip, targets: "
                                "[glutes], dose: {reps: 30}, steps: [Open.], source: me}\n"
                                "  - {id: mine, name: Mine, phase: stretch, region: ankle, targets: [calves], dose: "
                                "{duration_seconds: 45}, steps: [Lean.], source: me}\n",
                                1});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  const auto& exercises = result.catalogue.exercises;
  REQUIRE(exercises.size() == 7);
  CHECK(exercises[2].name == "My clam");
  CHECK(exercises[2].dose.reps == valgus::Range{30, 30});
  CHECK(exercises[6].id == "mine");
  CHECK(result.catalogue.find_exercise("clam")->where.file == "mine.yaml");
}

TEST_CASE("a syntax error in one file does not hide errors in another") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"a.yaml", "exercises: [\n", 1});
  files.push_back(CatalogueFile{"b.yaml", "habits:\n  - {id: x, name: X}\n", 2});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.size() == 2);
  CHECK(result.errors[0].to_string() == "a.yaml:2:1: invalid YAML: a \"[\" is never closed with \"]\"");
  CHECK(result.errors[1].to_string() == "b.yaml:2:5: habit is missing the required field \"advice\"");
}

TEST_CASE("load_catalogue_or_throw carries every error") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml", "habits:\n  - {id: x}\n", 0});
  try {
    (void)valgus::load_catalogue_or_throw(valgus::Catalogue{}, files);
    FAIL("no error thrown");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == valgus::ExitCode::bad_data);
    CHECK(error.diagnostics().size() == 2);
    CHECK(std::string(error.what()) == "x.yaml:2:5: habit is missing the required field \"name\"");
  }
}

TEST_CASE("phase, region and side names come from one table, in order") {
  CHECK(valgus::names_of(valgus::phase_names) ==
        std::vector<std::string>{"release", "stretch", "strengthen", "integrate"});
  CHECK(valgus::names_of(valgus::region_names) == std::vector<std::string>{"pelvis", "hip", "knee", "ankle", "foot"});
  for (const auto& [phase, name] : valgus::phase_names) {
    CHECK(valgus::to_string(phase) == name);
    CHECK(valgus::parse_phase(name) == phase);
  }
  for (const auto& [region, name] : valgus::region_names) {
    CHECK(valgus::to_string(region) == name);
    CHECK(valgus::parse_region(name) == region);
  }
  for (const auto& [side, name] : valgus::side_names) {
    CHECK(valgus::to_string(side) == name);
    CHECK(valgus::parse_side(name) == side);
  }
  CHECK(valgus::all_phases[2] == valgus::Phase::strengthen);
  CHECK(valgus::all_regions[4] == valgus::Region::foot);
  CHECK_FALSE(valgus::parse_phase("Release").has_value());
}

TEST_CASE("every section has a schema whose required fields are known") {
  for (const auto& section : valgus::sections()) {
    INFO(section.key);
    CHECK(valgus::find_section(section.key) == &section);
    CHECK(&valgus::section(section.kind) == &section);
    for (const auto field : section.entry.required) {
      CHECK(std::find(section.entry.known.begin(), section.entry.known.end(), field) != section.entry.known.end());
    }
  }
  CHECK(valgus::find_section("exercise") == nullptr);
}

TEST_CASE("a note's placement is end unless it says top") {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"x.yaml",
                                "notes:\n  - {id: banner, title: Pain, text: Stop on pain., placement: top}\n"
                                "  - {id: later, title: Later, text: Read me., placement: end}\n",
                                0});
  const auto result = load_catalogue(files);
  REQUIRE(result.errors.empty());
  const auto placement_of = [&](const std::string& id) {
    const auto& notes = result.catalogue.notes;
    const auto it = std::find_if(notes.begin(), notes.end(), [&](const valgus::Note& note) { return note.id == id; });
    REQUIRE(it != notes.end());
    return it->placement;
  };
  CHECK(placement_of("banner") == valgus::Placement::top);
  CHECK(placement_of("later") == valgus::Placement::end);
  CHECK(placement_of("safety") == valgus::Placement::end);  // the fixture's note gives none
  CHECK(errors_of("notes:\n  - {id: a, title: A, text: B., placement: tpo}\n") ==
        "x.yaml:2:44: unknown placement \"tpo\" (did you mean \"top\"?); choose one of end, top");
  CHECK(errors_of("notes:\n  - {id: a, title: A, text: B., placement: [top]}\n") ==
        "x.yaml:2:44: \"placement\" must be text, not a list");
}

// ---- Self-tests and red flags (the data `valgus assess` builds on).

namespace {

// A self-test for the fixture's "ankle" problem; `fields` ends it.
std::string self_test(const std::string& fields) {
  return "self_tests:\n  - id: reach\n    name: Reach\n    instructions: [Touch the wall.]\n"
         "    look_for: The heel.\n    question: How far was the toe from the wall?\n    positive: Stiff.\n    "
         "negative: Fine.\n"
         "    source: test\n" +
         fields;
}

}  // namespace

TEST_CASE("the fixture's self-tests and red flag load into plain structs") {
  const auto catalogue = valgus::test::fixture_catalogue();
  REQUIRE(catalogue.self_tests.size() == 2);
  const valgus::SelfTest* reach = catalogue.find_self_test("wall-reach");
  REQUIRE(reach != nullptr);
  CHECK(reach->problem == "ankle");
  CHECK(reach->instructions == std::vector<std::string>{"Face a wall.", "Touch it with the knee."});
  CHECK(reach->unit == valgus::Unit::cm);
  CHECK(reach->comparison == valgus::Comparison::below);
  CHECK(reach->threshold == 10.0);
  CHECK(reach->range == valgus::Range{0, 30});
  CHECK(reach->per_side);
  CHECK(reach->where.file == "self_tests.yaml");
  CHECK(reach->where.line == 7);
  CHECK(reach->positive_at(9.5));
  CHECK_FALSE(reach->positive_at(10));
  const valgus::SelfTest* dive = catalogue.find_self_test("knee-dive");
  REQUIRE(dive != nullptr);
  CHECK(dive->unit == valgus::Unit::yes_no);
  CHECK_FALSE(dive->threshold.has_value());
  CHECK_FALSE(dive->range.given());
  CHECK_FALSE(dive->per_side);
  CHECK(dive->positive_at(1));
  CHECK_FALSE(dive->positive_at(0));
  CHECK(catalogue.self_tests_for("hip") == std::vector<const valgus::SelfTest*>{dive});
  REQUIRE(catalogue.red_flags.size() == 1);
  CHECK(catalogue.red_flags.front().id == "swelling");
  CHECK(catalogue.red_flags.front().question == "Does the knee swell?");
  CHECK(valgus::names_of(valgus::unit_names) == std::vector<std::string>{"cm", "mm", "degrees", "yes-no"});
  CHECK(valgus::names_of(valgus::comparison_names) == std::vector<std::string>{"below", "above", "yes"});
}

TEST_CASE("a self-test names a known problem") {
  CHECK(errors_of(self_test("    problem: ankel\n    unit: yes-no\n    comparison: \"yes\"\n")) ==
        "x.yaml:10:14: unknown problem \"ankel\" in \"problem\" (did you mean \"ankle\"?)");
  CHECK(errors_of(self_test("    unit: yes-no\n    comparison: \"yes\"\n")) ==
        "x.yaml:2:5: self-test is missing the required field \"problem\"");
}

TEST_CASE("a numeric self-test needs a threshold inside its range; a yes-no one has neither") {
  const std::string numeric = "    problem: ankle\n    unit: cm\n    comparison: below\n";
  CHECK(errors_of(self_test(numeric + "    threshold: 10\n    range: 0-30\n")) == "");
  CHECK(errors_of(self_test(numeric + "    threshold: 3.5\n    range: 0-30\n")) == "");
  CHECK(errors_of(self_test(numeric + "    range: 0-30\n")) ==
        "x.yaml:2:5: a test measured in cm needs a \"threshold\": the number where a result turns positive");
  CHECK(errors_of(self_test(numeric + "    threshold: 10\n")) ==
        "x.yaml:2:5: a test measured in cm needs a \"range\" of valid answers, like 0-30");
  CHECK(errors_of(self_test(numeric + "    threshold: 40\n    range: 0-30\n")) ==
        "x.yaml:13:16: \"threshold\" 40 is outside \"range\" 0-30; it must lie within the valid answers");
  CHECK(errors_of(self_test(numeric + "    threshold: ten\n    range: 0-30\n")) ==
        "x.yaml:13:16: \"threshold\" must be a number like 10 or 3.5, not \"ten\"");
  CHECK(errors_of(self_test(numeric + "    threshold: 10\n    range: 30-0\n")) ==
        "x.yaml:14:12: \"range\" range 30-0 must go from the smaller to the larger number");
  CHECK(errors_of(self_test(numeric + "    threshold: 10\n    range: 30\n")) ==
        "x.yaml:14:12: \"range\" must be a range of answers like 0-30, not \"30\"");
  CHECK(errors_of(self_test("    problem: ankle\n    unit: cm\n    comparison: \"yes\"\n    threshold: 10\n"
                            "    range: 0-30\n")) ==
        "x.yaml:12:17: \"comparison: yes\" is for yes-no tests; a test measured in cm is positive \"below\" or "
        "\"above\" its threshold");
  const std::string yes_no = "    problem: ankle\n    unit: yes-no\n";
  CHECK(errors_of(self_test(yes_no + "    comparison: \"yes\"\n    threshold: 10\n")) ==
        "x.yaml:13:16: a yes-no test has no \"threshold\"; remove it, or measure in cm, mm or degrees");
  CHECK(errors_of(self_test(yes_no + "    comparison: \"yes\"\n    range: 0-30\n")) ==
        "x.yaml:13:12: a yes-no test has no \"range\"; remove it");
  CHECK(errors_of(self_test(yes_no + "    comparison: below\n")) ==
        "x.yaml:12:17: a yes-no test is positive on a yes; write \"comparison: yes\"");
  CHECK(errors_of(self_test("    problem: ankle\n    unit: inch\n    comparison: below\n")) ==
        "x.yaml:11:11: unknown unit \"inch\"; choose one of cm, mm, degrees, yes-no");
  CHECK(errors_of(self_test(yes_no + "    comparison: \"yes\"\n    instructions: []\n")) ==
        "x.yaml:13:5: duplicate field \"instructions\" in self-test; keep only one");
}

TEST_CASE("a red flag asks a question and says why") {
  CHECK(errors_of("red_flags:\n  - {id: pain, question: Does it hurt, why: See a doctor., source: t}\n") == "");
  CHECK(errors_of("red_flags:\n  - {id: pain, question: Does it hurt, source: t}\n") ==
        "x.yaml:2:5: red flag is missing the required field \"why\"");
  CHECK(errors_of("red_flags:\n  - {id: swelling, question: Q, why: W., source: t}\n") ==
        "x.yaml:2:5: duplicate red flag id \"swelling\" (first defined at self_tests.yaml:2:5); rename one of them");
}
