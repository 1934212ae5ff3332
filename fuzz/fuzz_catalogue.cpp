// libFuzzer target: any bytes as a catalogue file, loaded beside the built-in
// vocabulary and poses, validated, every figure drawn (SVG and braille),
// planned with several personalisations and rendered in every format (the
// HTML handout with its figures too); the same bytes as a saved programme and as an answers
// file of valgus assess, read against the built-in catalogue. Bytes that
// start as an SQLite database are a log instead: every reader of the log
// store runs on it and every log format renders what it reads (the corpus
// holds real logs with odd rows, scripts/fuzz, so mutations reach the rows).
// Bytes that start with "answer" are what a cache of solved weeks answers
// for every week of a built-in plan (fuzz/seeds/week-answer.txt is a real one).
// Errors are fine; crashes, hangs, leaks and undefined behaviour are not.
// Run it with scripts/fuzz.

#include "core/assess/assess.hpp"
#include "core/assess/questionnaire.hpp"
#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/figure_rules.hpp"
#include "core/follow/saved_programme.hpp"
#include "core/plan/planner.hpp"
#include "core/plan/week_store.hpp"
#include "io/log_store.hpp"
#include "render/figure.hpp"
#include "render/render.hpp"
#include "render/render_html.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

namespace {

// The built-in vocabulary files (muscles, equipment, positions, problems,
// habits, notes) so fuzzed exercises can refer to real ids; the built-in
// exercises are left out to keep each run fast.
const std::vector<valgus::CatalogueFile>& vocabulary() {
  static const std::vector<valgus::CatalogueFile> files = [] {
    std::vector<valgus::CatalogueFile> kept;
    for (auto& file : valgus::builtin_catalogue_files()) {
      for (const char* name : {"muscles", "equipment", "positions", "problems", "habits", "notes", "poses.yaml"}) {
        if (file.path.find(name) != std::string::npos) {
          kept.push_back(file);
        }
      }
    }
    return kept;
  }();
  return files;
}

void render_all(const valgus::Plan& plan, const valgus::Catalogue& catalogue) {
  valgus::TextStyle narrow;
  narrow.width = 40;
  narrow.color = true;
  (void)valgus::render_plan_text(plan, narrow);
  (void)valgus::render_plan_markdown(plan);
  (void)valgus::render_plan_json(plan);
  valgus::ProgrammeView view;
  view.plan = &plan;
  view.catalogue = &catalogue;
  view.person = "Sam";
  (void)valgus::render_programme_html(view);
}

// Every figure the catalogue holds, drawn as SVG and in braille.
void draw_all(const valgus::Catalogue& catalogue) {
  for (const auto& exercise : catalogue.exercises) {
    const auto drawing = valgus::draw_figure(catalogue, exercise.figure, exercise.name);
    (void)valgus::render_figure_svg(drawing);
    (void)valgus::render_figure_braille(drawing, 80);
  }
  for (const auto& test : catalogue.self_tests) {
    (void)valgus::render_figure_braille(valgus::draw_figure(catalogue, test.figure, test.name), 40);
  }
}

// The other files a person may be sent or edit by hand: errors are fine.
void read_as_other_files(const std::string& text) {
  static const valgus::Catalogue builtin = valgus::builtin_catalogue();
  try {
    (void)valgus::read_programme(valgus::CatalogueFile{"programme.yaml", text}, builtin);
  } catch (const valgus::Error&) {
  }
  try {
    (void)valgus::assess(builtin, valgus::read_answers(valgus::CatalogueFile{"answers.yaml", text}, builtin));
  } catch (const valgus::Error&) {
  }
}

// The bytes as the log: written to a file of this process, read by every
// reader, each session rendered in every format.
void read_as_log(const std::string& bytes) {
  const std::string path = "/tmp/valgus-fuzz-" + std::to_string(::getpid()) + ".db";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  try {
    const valgus::LogStore store =
        valgus::LogStore::open(path, valgus::LogStore::Access::read, [](const std::string&) {});
    (void)store.records();
    (void)store.sessions(true);
    (void)store.assessments();
    const auto events = store.events();
    std::vector<std::unique_ptr<valgus::LogStream>> streams;
    streams.push_back(valgus::log_stream_text(valgus::TextStyle{}));
    streams.push_back(valgus::log_stream_json());
    streams.push_back(valgus::log_stream_csv());
    store.each_session({std::nullopt, 3}, [&](const valgus::LoggedSession& session) {
      for (auto& stream : streams) {
        (void)stream->session(session);
      }
    });
    // The text listing's read: every session, only the exercises skipped.
    store.each_session({std::nullopt, std::nullopt, true},
                       [&](const valgus::LoggedSession& session) { (void)streams.front()->session(session); });
    for (auto& stream : streams) {
      (void)stream->finish(events);
    }
  } catch (const valgus::Error&) {
    // A damaged log is exit 65 (or 66); an answer, not a crash.
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::remove((path + suffix).c_str());
  }
}

// A cache whose every answer is the fuzzed text (after its first line).
class FuzzedWeeks final : public valgus::WeekStore {
 public:
  explicit FuzzedWeeks(std::string answer) : answer_(std::move(answer)) {}
  std::optional<std::string> find(const std::string& /*key*/) override { return answer_; }
  void keep(const std::string& /*key*/, const std::string& /*answer*/) override {}

 private:
  std::string answer_;
};

void read_as_kept_weeks(const std::string& bytes) {
  static const valgus::Catalogue builtin = valgus::builtin_catalogue();
  FuzzedWeeks kept(bytes.substr(bytes.find('\n') + 1));
  valgus::Request request;
  request.problems = {"hip-rotation"};
  request.days = {0, 2, 4};
  request.minutes = 20;
  request.max_exercises = 6;
  request.weeks = 2;
  (void)valgus::render_plan_json(valgus::make_plan(builtin, request, &kept));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (std::string_view(bytes).substr(0, 16) == std::string_view("SQLite format 3\0", 16)) {
    read_as_log(bytes);
    return 0;
  }
  if (bytes.rfind("answer", 0) == 0) {
    read_as_kept_weeks(bytes);
    return 0;
  }
  read_as_other_files(bytes);
  auto files = vocabulary();
  files.push_back(valgus::CatalogueFile{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), 1});
  const valgus::LoadResult result = valgus::load_catalogue(files);
  for (const auto& error : result.errors) {
    (void)error.to_string();
  }
  if (!result.errors.empty()) {
    return 0;
  }
  const valgus::Catalogue& catalogue = result.catalogue;
  draw_all(catalogue);

  std::vector<valgus::PlannedExercise> listed;
  for (const auto& exercise : catalogue.exercises) {
    listed.push_back(valgus::describe_exercise(catalogue, exercise));
  }
  (void)valgus::render_list_text(listed, valgus::TextStyle{});
  (void)valgus::render_list_markdown(listed);
  (void)valgus::render_list_json(listed);

  std::vector<valgus::Request> requests(5);
  for (auto& request : requests) {
    request.problems = catalogue.problem_ids();
  }
  requests[1].equipment = std::vector<std::string>{};
  requests[2].minutes = 5;
  requests[2].side = valgus::Side::right;
  requests[3].week = 6;
  requests[3].weeks = 4;
  if (!catalogue.positions.empty()) {
    requests[4].when = catalogue.positions.back().id;
  }
  requests[4].equipment = std::vector<std::string>{"band"};
  for (const auto& request : requests) {
    try {
      render_all(valgus::make_plan(catalogue, request), catalogue);
    } catch (const valgus::Error&) {
      // A usage error (unknown equipment in this catalogue) is an answer.
    }
  }
  return 0;
}
