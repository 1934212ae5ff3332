// The built-in catalogue: it loads cleanly, covers every exercise the
// product brief lists with its seed as source, and every problem gets
// exercises in every phase.

#include "core/catalogue/catalogue.hpp"
#include "core/model/text.hpp"
#include "core/plan/planner.hpp"
#include "fixtures.hpp"
#include "io/catalogue_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

const valgus::Catalogue& builtin() {
  static const valgus::Catalogue catalogue = valgus::test::load_or_throw(valgus::builtin_catalogue_files());
  return catalogue;
}

const valgus::Note* find_note(std::string_view id) {
  const auto& notes = builtin().notes;
  const auto it = std::find_if(notes.begin(), notes.end(), [&](const valgus::Note& note) { return note.id == id; });
  return it == notes.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the built-in catalogue loads without errors") {
  const auto result = valgus::load_catalogue(valgus::builtin_catalogue_files());
  for (const auto& error : result.errors) {
    INFO(error.to_string());
  }
  CHECK(result.errors.empty());
  // Which problems there are is data (exercises/problems.yaml, the smoke
  // golden builtin/problems.txt); what each needs is checked here.
  REQUIRE_FALSE(builtin().problems.empty());
  for (const auto& problem : builtin().problems) {
    INFO(problem.id);
    CHECK_FALSE(problem.name.empty());
    CHECK_FALSE(problem.overactive.empty());
    CHECK_FALSE(problem.underactive.empty());
  }
  CHECK(find_note("safety") != nullptr);
}

namespace {

// One row of tests/coverage.tsv: "kind: item", id, source.
struct CoverageRow {
  std::string kind;  // exercise, problem, position, habit, note, self-test, red-flag
  std::string item;
  std::string id;
  std::string source;
};

std::vector<CoverageRow> coverage_rows() {
  std::ifstream file(VALGUS_TEST_DATA "/coverage.tsv");
  REQUIRE(file.good());
  std::vector<CoverageRow> rows;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::istringstream fields(line);
    CoverageRow row;
    std::getline(fields, row.item, '\t');
    std::getline(fields, row.id, '\t');
    std::getline(fields, row.source, '\t');
    const auto colon = row.item.find(": ");
    REQUIRE(colon != std::string::npos);
    row.kind = row.item.substr(0, colon);
    rows.push_back(row);
  }
  return rows;
}

// A seed is one of the source articles: "000_83723af7b2e63215.txt".
bool is_seed(const std::string& source) {
  if (source.size() != 24 || source[3] != '_' || source.compare(20, 4, ".txt") != 0) {
    return false;
  }
  return std::all_of(source.begin(), source.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) &&
         std::all_of(source.begin() + 4, source.begin() + 20,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Every (kind, id, sources) of the built-in catalogue that can cite a source.
struct Cited {
  std::string kind;
  std::string id;
  const std::vector<std::string>* sources;
};

std::vector<Cited> everything_cited() {
  std::vector<Cited> all;
  const auto add = [&](const char* kind, const auto& entries) {
    for (const auto& entry : entries) {
      all.push_back(Cited{kind, entry.id, &entry.sources});
    }
  };
  add("exercise", builtin().exercises);
  add("problem", builtin().problems);
  add("position", builtin().positions);
  add("habit", builtin().habits);
  add("note", builtin().notes);
  add("self-test", builtin().self_tests);
  add("red-flag", builtin().red_flags);
  return all;
}

bool cites(const std::vector<std::string>& sources, const std::string& source) {
  return std::find(sources.begin(), sources.end(), source) != sources.end();
}

}  // namespace

TEST_CASE("every exercise of the brief's coverage list is there, citing its source") {
  int exercises = 0;
  for (const auto& row : coverage_rows()) {
    if (row.kind != "exercise") {
      continue;
    }
    ++exercises;
    INFO(row.item, " -> ", row.id);
    const valgus::Exercise* exercise = builtin().find_exercise(row.id);
    REQUIRE(exercise != nullptr);
    CHECK(cites(exercise->sources, row.source));
  }
  CHECK(exercises == 37);
}

TEST_CASE("coverage.tsv and the catalogue's seed citations agree both ways") {
  const auto rows = coverage_rows();
  const auto cited = everything_cited();
  // Every row's entry cites the row's source (a seed, or the real one).
  for (const auto& row : rows) {
    INFO(row.kind, " ", row.id, " ", row.source);
    const auto it = std::find_if(cited.begin(), cited.end(),
                                 [&](const Cited& entry) { return entry.kind == row.kind && entry.id == row.id; });
    REQUIRE(it != cited.end());
    CHECK(cites(*it->sources, row.source));
  }
  // Every seed cited anywhere has its reviewed row.
  int seed_citations = 0;
  for (const auto& entry : cited) {
    for (const auto& source : *entry.sources) {
      if (!is_seed(source)) {
        continue;
      }
      ++seed_citations;
      INFO(entry.kind, " ", entry.id, " cites ", source);
      CHECK(std::any_of(rows.begin(), rows.end(), [&](const CoverageRow& row) {
        return row.kind == entry.kind && row.id == entry.id && row.source == source;
      }));
    }
  }
  CHECK(seed_citations > 0);
  CHECK(is_seed("000_83723af7b2e63215.txt"));
  CHECK_FALSE(is_seed("general practice: NASM CES"));
}

TEST_CASE("every problem has at least one self-test, and every self-test one problem") {
  for (const auto& problem : builtin().problems) {
    INFO(problem.id);
    CHECK_FALSE(builtin().self_tests_for(problem.id).empty());
  }
  for (const auto& test : builtin().self_tests) {
    INFO(test.id);
    CHECK(builtin().find_problem(test.problem) != nullptr);
    CHECK_FALSE(test.instructions.empty());
  }
  std::vector<std::string> test_ids;
  for (const auto& test : builtin().self_tests) {
    test_ids.push_back(test.id);
  }
  CHECK(test_ids == std::vector<std::string>{"single-leg-squat", "heel-lift-squat", "knee-to-wall", "arch-drop",
                                             "big-toe-lift", "thomas", "foot-turnout"});
  std::vector<std::string> flags;
  for (const auto& flag : builtin().red_flags) {
    flags.push_back(flag.id);
  }
  CHECK(flags ==
        std::vector<std::string>{"swelling-locking", "adult-onset", "after-injury", "ankle-gap", "young-child"});
}

TEST_CASE("the habits and notes the seeds give are there") {
  for (const char* id : {"w-sitting", "driving", "sitting-knees-in", "sleeping"}) {
    INFO(id);
    CHECK(std::any_of(builtin().habits.begin(), builtin().habits.end(),
                      [&](const valgus::Habit& habit) { return habit.id == id; }));
  }
  const valgus::Note* safety = find_note("safety");
  REQUIRE(safety != nullptr);
  for (const char* phrase :
       {"not medical advice", "stop if you feel pain", "genetics", "arthritis", "rickets", "ankles cannot touch"}) {
    INFO(phrase);
    CHECK(safety->text.find(phrase) != std::string::npos);
  }
  CHECK(find_note("brace") != nullptr);
}

TEST_CASE("a built-in session: short preparation, mostly strengthening and integration") {
  using valgus::Phase;
  const valgus::Catalogue& c = builtin();
  CHECK(c.session_most(Phase::release) == std::optional<int>(2));
  CHECK(c.session_most(Phase::stretch) == std::optional<int>(2));
  CHECK_FALSE(c.session_most(Phase::strengthen).has_value());
  CHECK_FALSE(c.session_most(Phase::integrate).has_value());
  CHECK(c.session_least(Phase::release) == 0);
  CHECK(c.session_least(Phase::stretch) == 0);
  CHECK(c.session_least(Phase::strengthen) == 2);
  CHECK(c.session_least(Phase::integrate) == 1);
  // A tight muscle's best release or stretch, a weak one's best two, six ways to move.
  CHECK(c.shortlist(Phase::release) == std::optional<int>(1));
  CHECK(c.shortlist(Phase::stretch) == std::optional<int>(1));
  CHECK(c.shortlist(Phase::strengthen) == std::optional<int>(2));
  CHECK(c.shortlist(Phase::integrate) == std::optional<int>(6));
  // Only strength work is capped at three a week; movement practice may be daily.
  CHECK(c.per_week(Phase::strengthen) == valgus::Range{2, 3});
  CHECK(c.per_week(Phase::integrate) == valgus::Range{2, 7});
  CHECK(c.active_share_percent() == 50);
}

TEST_CASE("the built-in exercises: what else they work, which are resisted, which start later") {
  const valgus::Catalogue& c = builtin();
  std::vector<std::string> also;
  std::vector<std::string> resisted;
  std::vector<std::string> later;
  for (const auto& exercise : c.exercises) {
    if (!exercise.also_works.empty()) {
      also.push_back(exercise.id + ": " + valgus::join(exercise.also_works, ", "));
    }
    if (exercise.resisted) {
      resisted.push_back(exercise.id);
    }
    // The built-in data keeps no band-worked strengthen or integrate
    // exercise unresisted (a user's catalogue may: a band can guide).
    const bool active = exercise.phase == valgus::Phase::strengthen || exercise.phase == valgus::Phase::integrate;
    const bool banded = std::count(exercise.equipment.begin(), exercise.equipment.end(), "band") != 0;
    INFO(exercise.id);
    CHECK(exercise.resisted == (active && banded));
    if (exercise.from_week > 0 && exercise.variant_of.empty()) {
      later.push_back(exercise.id + " " + std::to_string(exercise.from_week));
    }
  }
  // In catalogue order: the files by name (ankle, foot, hip, integrate, knee, pelvis).
  CHECK(valgus::join(also, "\n") ==
        "wall-toe-raise: extensor-hallucis-longus\n"
        "tfl-stretch: hip-flexors\n"
        "single-leg-band-abduction: tensor-fasciae-latae\n"
        "lateral-hamstring-stretch: biceps-femoris-long-head\n"
        "standing-quad-stretch: vastus-medialis\n"
        "locked-knee-leg-raise: hip-flexors, vastus-lateralis\n"
        "popliteus-internal-rotation: medial-hamstrings");
  // Every strengthen or integrate exercise worked against a band.
  CHECK(valgus::join(resisted, ", ") ==
        "banded-inversion, banded-clamshell, single-leg-band-abduction, band-kickback, banded-chair-squat, "
        "banded-squat");
  // Landing drills: drop and stick, then jump-land-stick, then the hop.
  CHECK(later == std::vector<std::string>{"jump-land-stick 2", "single-leg-hop-stick 3"});
}

TEST_CASE("every problem gets at least one exercise in every phase") {
  for (const auto& problem : builtin().problems) {
    const auto plan = valgus::make_plan(builtin(), valgus::test::request_for({problem.id}));
    for (const auto& phase : plan.phases) {
      INFO(problem.id, " ", valgus::to_string(phase.phase));
      CHECK_FALSE(phase.exercises.empty());
    }
  }
}

TEST_CASE("--all plans every exercise but variants and position drills exactly once, in phase order") {
  const auto plan = valgus::make_plan(builtin(), valgus::test::request_for(builtin().problem_ids()));
  std::vector<std::string> planned;
  int last_phase = 0;
  for (const auto& phase : plan.phases) {
    CHECK(static_cast<int>(phase.phase) >= last_phase);
    last_phase = static_cast<int>(phase.phase);
    for (const auto& exercise : phase.exercises) {
      CHECK(exercise.exercise.phase == phase.phase);
      planned.push_back(exercise.exercise.id);
    }
  }
  std::vector<std::string> expected;
  for (const auto& exercise : builtin().exercises) {
    if (exercise.variant_of.empty() && !exercise.drill) {  // a drill needs its position (--when)
      expected.push_back(exercise.id);
    }
  }
  std::sort(planned.begin(), planned.end());
  std::sort(expected.begin(), expected.end());
  CHECK(planned == expected);
}

TEST_CASE("a folder loads its *.yaml files in name order as one layer") {
  const auto input = valgus::read_catalogue_sources({{VALGUS_TEST_DATA "/data/clinic", "clinic"}});
  CHECK(input.skipped ==
        std::vector<std::string>{VALGUS_TEST_DATA "/data/clinic/README.txt: skipped: only *.yaml files are read"});
  const auto& files = input.files;
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == VALGUS_TEST_DATA "/data/clinic/10-problems.yaml");
  CHECK(files[1].path == VALGUS_TEST_DATA "/data/clinic/20-exercises.yaml");
  CHECK(files[1].layer == 1);
  CHECK(files[1].origin == "clinic");
  auto all = valgus::builtin_catalogue_files();
  all.insert(all.end(), files.begin(), files.end());
  const auto catalogue = valgus::test::load_or_throw(all);
  const auto plan = valgus::make_plan(catalogue, valgus::test::request_for({"weak-arch"}));
  const auto& strengthen = plan.phases[2].exercises;
  CHECK(std::any_of(strengthen.begin(), strengthen.end(),
                    [](const valgus::PlannedExercise& e) { return e.exercise.id == "marble-pickup"; }));
}

TEST_CASE("paths that cannot be read are exit 66 with the reason") {
  try {
    (void)valgus::read_catalogue_sources({{"/nonexistent/x.yaml", "x"}});
    FAIL("no error");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == valgus::ExitCode::no_input);
    CHECK(std::string(error.what()) == "cannot read /nonexistent/x.yaml: No such file or directory");
  }
}

TEST_CASE("equipment named by id, name or alias") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const auto ids = [&](std::string_view word) {
    std::vector<std::string> found;
    for (const valgus::Equipment* item : catalogue.equipment_named(word)) {
      found.push_back(item->id);
    }
    return found;
  };
  using Ids = std::vector<std::string>;
  CHECK(ids("band") == Ids{"band"});
  CHECK(ids("resistance band") == Ids{"band"});
  CHECK(ids(" Resistance_Band ") == Ids{"band"});
  CHECK(ids("foam-roll") == Ids{"foam-roller"});
  CHECK(ids("Foam Roller") == Ids{"foam-roller"});
  CHECK(ids("loop band") == Ids{"band", "mini-band"});
  CHECK(ids("mini") == Ids{});
  CHECK(ids("") == Ids{});
  CHECK(ids(" - ") == Ids{});
}

// ---- Catalogue files from disk: sizes known before reading, bounded
// descriptors and warnings.

#include "core/model/error.hpp"

#include <cstdlib>
#include <filesystem>

#include <sys/resource.h>

namespace {

struct ScratchFolder {
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "valgus-files-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  std::filesystem::path path;
};

// Bytes this process has read with read(2) and friends, from /proc.
long long bytes_read_so_far() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") {
      return value;
    }
  }
  return -1;
}

valgus::Error catalogue_error(const std::vector<valgus::CatalogueSource>& sources) {
  try {
    (void)valgus::read_catalogue_sources(sources);
  } catch (const valgus::Error& error) {
    return error;
  }
  return valgus::Error(valgus::ExitCode::ok, "no error");
}

}  // namespace

TEST_CASE("files over the total are refused before a byte of them is read") {
  ScratchFolder folder;
  for (int i = 0; i < 20; ++i) {
    const auto file = folder.path / ("part-" + std::to_string(100 + i) + ".yaml");
    std::ofstream{file};
    std::filesystem::resize_file(file, valgus::max_catalogue_file_bytes);  // sparse: no blocks, 4 MiB each
  }
  const long long before = bytes_read_so_far();
  const valgus::Error error = catalogue_error({{folder.path.string(), "big"}});
  const long long read = bytes_read_so_far() - before;
  CHECK(error.code() == valgus::ExitCode::bad_data);
  CHECK(std::string(error.what()) == (folder.path / "part-108.yaml").string() +
                                         ": the catalogue files add up to more than 32 MiB; load fewer at once");
  if (before >= 0) {
    CHECK(read < 64 * 1024);  // not even one of the files
  }
}

TEST_CASE("a file whose size fstat does not know is refused, not read as empty") {
  if (!std::filesystem::exists("/proc/self/status")) {
    return;  // no /proc here
  }
  const valgus::Error error = catalogue_error({{"/proc/self/status", "proc"}});
  CHECK(error.code() == valgus::ExitCode::no_input);
  CHECK(std::string(error.what()) ==
        "cannot read /proc/self/status: not a regular file with a known size, not a catalogue file");
  CHECK_THROWS_WITH((void)valgus::read_input_file("/proc/self/status", valgus::max_import_bytes, "a file to import"),
                    "cannot read /proc/self/status: not a regular file with a known size, not a file to import");

  ScratchFolder folder;
  const auto empty = (folder.path / "empty.yaml").string();
  std::ofstream{empty};
  CHECK(valgus::read_input_file(empty, valgus::max_import_bytes, "a file to import").empty());

  // Each kind of file says its own limit, in the unit it was set in.
  const auto big = (folder.path / "answers.yaml").string();
  std::ofstream{big} << std::string(70000, '#');
  CHECK_THROWS_WITH((void)valgus::read_input_file(big, 64 * 1024, "an answers file"),
                    (big + ": the file is 70000 bytes, more than the 64 KiB an answers file may have").c_str());
}

TEST_CASE("a folder's skipped entries: the first five by name, then a count") {
  ScratchFolder folder;
  for (const char* name : {"h.txt", "c.txt", "a.md", "g.txt", "e.txt", "b.txt", "f.txt", "d.txt"}) {
    std::ofstream{folder.path / name} << "notes\n";
  }
  std::filesystem::create_directory(folder.path / "0-old.yaml");
  std::ofstream{folder.path / "x.yaml"} << "habits: []\n";
  const auto input = valgus::read_catalogue_sources({{folder.path.string(), "many"}});
  const std::string base = folder.path.string();
  CHECK(input.skipped == std::vector<std::string>{
                             base + "/0-old.yaml: skipped: a folder; catalogue folders are not read recursively",
                             base + "/a.md: skipped: only *.yaml files are read",
                             base + "/b.txt: skipped: only *.yaml files are read",
                             base + "/c.txt: skipped: only *.yaml files are read",
                             base + "/d.txt: skipped: only *.yaml files are read",
                             base + ": and 4 more entries skipped",
                         });
  CHECK(input.files.size() == 1);
}

TEST_CASE("a folder may hold more catalogue files than the process may have open") {
  ScratchFolder folder;
  for (int i = 0; i < 200; ++i) {
    std::ofstream{folder.path / ("f" + std::to_string(i) + ".yaml")} << "habits: []\n";
  }
  rlimit saved{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
  rlimit low = saved;
  low.rlim_cur = 64;
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
  std::size_t loaded = 0;
  std::string failure;
  try {
    loaded = valgus::read_catalogue_sources({{folder.path.string(), "many"}}).files.size();
  } catch (const valgus::Error& error) {
    failure = error.what();
  }
  ::setrlimit(RLIMIT_NOFILE, &saved);
  CHECK(failure.empty());
  CHECK(loaded == 200);
}
