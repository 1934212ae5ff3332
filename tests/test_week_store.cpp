// Weeks kept between runs: the key, the answer's text and what is accepted
// back (core/plan/week_store), the memo reading and filling a store, and the
// files of io/week_cache.

#include "core/model/calendar_date.hpp"
#include "core/plan/week_store.hpp"
#include "fixtures.hpp"
#include "io/week_cache.hpp"
#include "render/render.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

using valgus::test::TempDir;

namespace {

using valgus::Phase;
using valgus::WeekInput;
using valgus::WeekItem;
using valgus::WeekQuestion;
using valgus::WeekSessions;

// Two days (Monday, Thursday), 10 minutes and 3 exercises a session: a
// weak need, a tight need, a strengthening exercise (resisted), a release
// and an integration drill.
WeekInput small_week() {
  WeekInput input;
  input.needs = {{true}, {false}};
  WeekItem strengthen;
  strengthen.phase = Phase::strengthen;
  strengthen.seconds = 240;
  strengthen.per_week = {2, 3};
  strengthen.resisted = true;
  strengthen.essential = true;
  strengthen.needs = {0};
  WeekItem release;
  release.phase = Phase::release;
  release.seconds = 60;
  release.needs = {1};
  release.rank = 1;
  WeekItem drill;
  drill.phase = Phase::integrate;
  drill.seconds = 120;
  drill.rank = 2;
  input.items = {strengthen, release, drill};
  input.composition.most = {2, 2, std::nullopt, std::nullopt};
  input.composition.least = {0, 0, 1, 1};
  input.composition.active_percent = 50;
  input.composition.integrate_every_session = true;
  input.shape.weekdays = {0, 3};
  input.shape.seconds = 600;
  input.shape.exercises = 3;
  return input;
}

// A store in memory that counts what it is asked.
class MapStore final : public valgus::WeekStore {
 public:
  std::optional<std::string> find(const std::string& key) override {
    ++finds;
    const auto found = answers.find(key);
    return found == answers.end() ? std::nullopt : std::optional<std::string>(found->second);
  }
  void keep(const std::string& key, const std::string& answer) override {
    ++keeps;
    answers[key] = answer;
  }
  std::map<std::string, std::string> answers;
  int finds = 0;
  int keeps = 0;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("the key is every field of the week as text") {
  CHECK(valgus::week_key(WeekQuestion::best_week, small_week()) ==
        "valgus week 1 best\n"
        "shape days=0,3 seconds=600 exercises=3 position=0\n"
        "composition most=2,2,-,- least=0,0,1,1 active=50 integrate=1\n"
        "needs weak tight\n"
        "item 2 240 2-3 r--e rank=0 lighter=-1 stage=0 needs=0 apart=\n"
        "item 0 60 1-7 ---- rank=1 lighter=-1 stage=0 needs=1 apart=\n"
        "item 3 120 1-7 ---- rank=2 lighter=-1 stage=0 needs= apart=\n");
  CHECK(valgus::week_key(WeekQuestion::holds_everything, small_week()).rfind("valgus week 1 holds\n", 0) == 0);
}

TEST_CASE("any change to the week changes its key") {
  const WeekInput base = small_week();
  const std::string key = valgus::week_key(WeekQuestion::best_week, base);
  std::vector<std::function<void(WeekInput&)>> changes{
      [](WeekInput& w) { w.needs[1].weak = true; },
      [](WeekInput& w) { w.items[0].phase = Phase::integrate; },
      [](WeekInput& w) { w.items[0].seconds = 241; },
      [](WeekInput& w) { w.items[0].per_week.min = 1; },
      [](WeekInput& w) { w.items[0].per_week.max = 2; },
      [](WeekInput& w) { w.items[0].resisted = false; },
      [](WeekInput& w) { w.items[1].position = true; },
      [](WeekInput& w) { w.items[1].prescribed = true; },
      [](WeekInput& w) { w.items[0].essential = false; },
      [](WeekInput& w) { w.items[2].needs = {0}; },
      [](WeekInput& w) { w.items[2].apart_from = {1}; },
      [](WeekInput& w) { w.items[2].rank = 3; },
      [](WeekInput& w) { w.items[2].lighter_of = 0; },
      [](WeekInput& w) { w.items[0].stage = 1; },
      [](WeekInput& w) { w.items.pop_back(); },
      [](WeekInput& w) { w.composition.most[2] = 1; },
      [](WeekInput& w) { w.composition.least[3] = 2; },
      [](WeekInput& w) { w.composition.active_percent = 51; },
      [](WeekInput& w) { w.composition.integrate_every_session = false; },
      [](WeekInput& w) {
        w.shape.weekdays = {0, 4};
      },
      [](WeekInput& w) { w.shape.seconds.reset(); },
      [](WeekInput& w) { w.shape.exercises = 4; },
      [](WeekInput& w) { w.shape.need_position = true; },
  };
  std::set<std::string> keys{key};
  for (std::size_t i = 0; i < changes.size(); ++i) {
    CAPTURE(i);
    WeekInput changed = base;
    changes[i](changed);
    CHECK(keys.insert(valgus::week_key(WeekQuestion::best_week, changed)).second);
  }
}

TEST_CASE("an answer is read back only when it is a week of the input that keeps every rule") {
  const WeekInput input = small_week();
  const WeekSessions best = valgus::solve_week(input).sessions;
  REQUIRE(best == WeekSessions{{0, 1, 2}, {0, 1, 2}});
  CHECK(valgus::week_answer_text(input, best) == "0 1 2\n0 1 2\n");
  CHECK(valgus::week_answer_text(input, {{2}, {0, 2}}) == "2\n0 2\n");
  CHECK_FALSE(valgus::read_week_answer(input, "lapsed\n0 1 2\n0 1 2\n").has_value());  // keeps it: not lapsed
  // Breaks the rule, but the rule holds here: "lapsed" is not taken on trust.
  REQUIRE(valgus::keeps_rules(input, {{0, 2}, {0}}, true));
  CHECK(valgus::integration_rule_in_force(input));
  CHECK_FALSE(valgus::read_week_answer(input, "lapsed\n0 2\n0\n").has_value());
  CHECK(valgus::read_week_answer(input, "0 1 2\n0 1 2\n") == best);
  CHECK(valgus::read_week_answer(input, "0 2\n0 2\n") == WeekSessions{{0, 2}, {0, 2}});
  for (const char* bad :
       {"", "0 1 2\n", "0 1 2\n0 1 2\n0 1 2\n", "0 1 2\n0 1 2", "0 1 3\n0 1 2\n", "0 1 2 \n0 1 2\n", " 0 1 2\n0 1 2\n",
        "0  1 2\n0 1 2\n", "0 x 2\n0 1 2\n", "-1 2\n0 2\n", "+0 2\n0 2\n", "2 0\n0 2\n", "0 0 2\n0 2\n", "-\n-\n",
        "0 2\n2\n", "0 1 2\n0 1 2\n\n", "18446744073709551616\n0 1 2\n"}) {
    CAPTURE(bad);
    CHECK_FALSE(valgus::read_week_answer(input, bad).has_value());
  }
}

TEST_CASE("a week whose integration rule lapsed is kept as such and read back without solving") {
  // The drill at most once a week: two sessions cannot both have it.
  WeekInput input = small_week();
  input.items[2].per_week = {1, 1};
  REQUIRE(valgus::integration_rule_asked(input));
  const WeekSessions best = valgus::solve_week(input).sessions;
  REQUIRE(best == WeekSessions{{0, 1, 2}, {0}});
  CHECK_FALSE(valgus::keeps_rules(input, best));
  CHECK(valgus::keeps_rules(input, best, true));
  CHECK(valgus::week_answer_text(input, best) == "lapsed\n0 1 2\n0\n");
  CHECK(valgus::read_week_answer(input, "lapsed\n0 1 2\n0\n") == best);
  CHECK_FALSE(valgus::read_week_answer(input, "0 1 2\n0\n").has_value());  // the rule, unless it lapsed
  for (const char* bad : {"lapsed\n", "lapsed\nlapsed\n0 1 2\n0\n", "lapsed 0 1 2\n0\n", "0 1 2\nlapsed\n0\n",
                          "lapsed\n0 1 2\n0 1 2\n"}) {
    CAPTURE(bad);
    CHECK_FALSE(valgus::read_week_answer(input, bad).has_value());
  }
  MapStore store;
  {
    valgus::WeekMemo memo(&store);
    CHECK(memo.solve(input).sessions == best);
  }
  CHECK(store.keeps == 1);
  valgus::WeekMemo next_run(&store);
  CHECK(next_run.solve(input).sessions == best);
  CHECK(store.keeps == 1);  // read back, not solved and kept again
}

TEST_CASE("a lapsed week of four sessions, rotated in two or three, is kept and read back") {
  WeekInput input = small_week();
  input.items[0].per_week = {2, 2};  // resisted: never on consecutive days
  input.items[2].per_week = {1, 2};  // the drill in at most two of the four sessions
  input.shape.weekdays = {0, 1, 3, 5};
  REQUIRE(valgus::integration_rule_asked(input));
  CHECK_FALSE(valgus::integration_rule_in_force(input));
  const WeekSessions best = valgus::solve_week(input).sessions;
  REQUIRE(best.size() == 4);
  CHECK(valgus::keeps_rules(input, best, true));
  CHECK_FALSE(valgus::keeps_rules(input, best));
  const std::string text = valgus::week_answer_text(input, best);
  CHECK(text.rfind("lapsed\n", 0) == 0);
  CHECK(valgus::read_week_answer(input, text) == best);
  CHECK_FALSE(valgus::read_week_answer(input, text.substr(7)).has_value());
}

TEST_CASE("the memo solves a week once, keeps it and reads it back in the next run") {
  const WeekInput input = small_week();
  MapStore store;
  {
    valgus::WeekMemo memo(&store);
    CHECK(memo.solve(input).sessions == WeekSessions{{0, 1, 2}, {0, 1, 2}});
    CHECK(memo.solve(input).sessions == WeekSessions{{0, 1, 2}, {0, 1, 2}});
    CHECK(memo.holds(input));
  }
  CHECK(store.finds == 2);
  CHECK(store.keeps == 2);
  CHECK(store.answers.at(valgus::week_key(WeekQuestion::best_week, input)) == "0 1 2\n0 1 2\n");
  CHECK(store.answers.at(valgus::week_key(WeekQuestion::holds_everything, input)) == "yes\n");

  SUBCASE("a valid answer kept is the answer, described as solve_week would") {
    store.answers[valgus::week_key(WeekQuestion::best_week, input)] = "0 2\n0 2\n";
    store.answers[valgus::week_key(WeekQuestion::holds_everything, input)] = "no\n";
    valgus::WeekMemo memo(&store);
    const valgus::WeekChoice& choice = memo.solve(input);
    CHECK(choice.sessions == WeekSessions{{0, 2}, {0, 2}});
    CHECK(choice.covered == std::vector<bool>{true, false});
    CHECK(choice.per_week == std::vector<int>{2, 0, 2});
    CHECK_FALSE(memo.holds(input));
    CHECK(store.keeps == 2);  // nothing solved, nothing written
  }
  SUBCASE("an answer that breaks a rule or is not an answer is solved again and replaced") {
    store.answers[valgus::week_key(WeekQuestion::best_week, input)] = "0\n0\n";  // no integration
    store.answers[valgus::week_key(WeekQuestion::holds_everything, input)] = "maybe\n";
    valgus::WeekMemo memo(&store);
    CHECK(memo.solve(input).sessions == WeekSessions{{0, 1, 2}, {0, 1, 2}});
    CHECK(memo.holds(input));
    CHECK(store.keeps == 4);
    CHECK(store.answers.at(valgus::week_key(WeekQuestion::best_week, input)) == "0 1 2\n0 1 2\n");
    CHECK(store.answers.at(valgus::week_key(WeekQuestion::holds_everything, input)) == "yes\n");
  }
}

TEST_CASE("a plan read from kept weeks is the plan solved afresh") {
  const valgus::Catalogue& catalogue = valgus::test::builtin();
  for (const auto& problems : std::vector<std::vector<std::string>>{
           {"hip-rotation"}, {"hip-rotation", "pronation"}, {"pelvis-tilt", "hip-rotation"}}) {
    CAPTURE(problems.front());
    valgus::Request request = valgus::test::request_for(problems);
    request.days = valgus::spread_days(valgus::default_days_a_week);
    request.minutes = valgus::default_minutes;
    request.max_exercises = valgus::default_session_exercises;
    request.weeks = 6;
    MapStore store;
    const valgus::Plan fresh = valgus::make_plan(catalogue, request, &store);
    const int solved = store.keeps;
    const valgus::Plan kept = valgus::make_plan(catalogue, request, &store);
    CHECK(solved > 0);
    CHECK(store.keeps == solved);  // the second run solved nothing
    CHECK(valgus::render_plan_json(kept) == valgus::render_plan_json(fresh));
  }
}

TEST_CASE("the cache folder: one private file per week, misses for anything else") {
  const TempDir temporary;
  const std::string folder = (temporary.path / "weeks").string();
  valgus::FileWeekStore store(folder, 4);
  CHECK_FALSE(store.find("a key\n").has_value());
  store.keep("a key\n", "0 1\n");
  CHECK(store.find("a key\n") == std::optional<std::string>("0 1\n"));
  CHECK_FALSE(store.find("another key\n").has_value());
  struct stat info {};
  REQUIRE(::stat(folder.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
  std::vector<std::filesystem::path> files(std::filesystem::directory_iterator(folder), {});
  REQUIRE(files.size() == 1);
  REQUIRE(::stat(files[0].c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  SUBCASE("a file cut short, emptied, replaced by a FIFO or a folder is a miss") {
    const std::string text = read_text(files[0].string());
    write_text(files[0].string(), text.substr(0, text.size() - 4));
    CHECK_FALSE(store.find("a key\n").has_value());
    write_text(files[0].string(), "");
    CHECK_FALSE(store.find("a key\n").has_value());
    std::filesystem::remove(files[0]);
    REQUIRE(::mkfifo(files[0].c_str(), 0600) == 0);
    CHECK_FALSE(store.find("a key\n").has_value());  // and does not wait for a writer
    std::filesystem::remove(files[0]);
    std::filesystem::create_directory(files[0]);
    CHECK_FALSE(store.find("a key\n").has_value());
    store.keep("a key\n", "0 1\n");  // cannot replace a folder: no error
  }
  SUBCASE("past the most files, the older half goes") {
    for (int i = 0; i < 6; ++i) {
      store.keep("key " + std::to_string(i) + "\n", "-\n");
    }
    const std::vector<std::filesystem::path> left(std::filesystem::directory_iterator(folder), {});
    CHECK(left.size() <= 4);
    CHECK(store.find("key 5\n") == std::optional<std::string>("-\n"));
  }
  SUBCASE("a cache folder that cannot be made is no error") {
    valgus::FileWeekStore nowhere("/dev/null/weeks");
    nowhere.keep("a key\n", "0 1\n");
    CHECK_FALSE(nowhere.find("a key\n").has_value());
  }
}
