// libFuzzer target: any bytes as a catalogue file, loaded beside the built-in
// vocabulary, validated, planned with several personalisations and rendered
// in every format; the same bytes as a saved programme and as an answers
// file of valgus assess, read against the built-in catalogue. Errors are fine; crashes, hangs, leaks and undefined
// behaviour are not. Run it with scripts/fuzz.

#include "core/assess/assess.hpp"
#include "core/assess/questionnaire.hpp"
#include "core/catalogue/catalogue.hpp"
#include "core/follow/saved_programme.hpp"
#include "core/plan/planner.hpp"
#include "render/render.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

// The built-in vocabulary files (muscles, equipment, positions, problems,
// habits, notes) so fuzzed exercises can refer to real ids; the built-in
// exercises are left out to keep each run fast.
const std::vector<valgus::CatalogueFile>& vocabulary() {
  static const std::vector<valgus::CatalogueFile> files = [] {
    std::vector<valgus::CatalogueFile> kept;
    for (auto& file : valgus::builtin_catalogue_files()) {
      for (const char* name : {"muscles", "equipment", "positions", "problems", "habits", "notes"}) {
        if (file.path.find(name) != std::string::npos) {
          kept.push_back(file);
        }
      }
    }
    return kept;
  }();
  return files;
}

void render_all(const valgus::Plan& plan) {
  valgus::TextStyle narrow;
  narrow.width = 40;
  narrow.color = true;
  (void)valgus::render_plan_text(plan, narrow);
  (void)valgus::render_plan_markdown(plan);
  (void)valgus::render_plan_json(plan);
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  read_as_other_files(std::string(reinterpret_cast<const char*>(data), size));
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
      render_all(valgus::make_plan(catalogue, request));
    } catch (const valgus::Error&) {
      // A usage error (unknown equipment in this catalogue) is an answer.
    }
  }
  return 0;
}
