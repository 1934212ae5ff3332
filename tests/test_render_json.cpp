#include "fixtures.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

using Json = nlohmann::json;

TEST_CASE("plan json has the documented shape and values") {
  const auto plan = valgus::make_plan(valgus::test::fixture_catalogue(), valgus::test::request_for({"ankle", "hip"}));
  const std::string text = valgus::render_plan_json(plan);
  const Json json = Json::parse(text);
  CHECK(json["problems"] == Json::parse(R"([{"id":"hip","name":"hip rotation"},{"id":"ankle","name":"pronation"}])"));
  CHECK(json["minutes"] == 13);
  REQUIRE(json["phases"].size() == 4);
  CHECK(json["phases"][1] == Json::parse(R"({"phase":"stretch","minutes":0,"exercises":[]})"));
  CHECK(json["phases"][0]["exercises"][1] == Json::parse(R"({
    "id": "calf-roll", "name": "Calf roll", "phase": "release", "region": "ankle",
    "targets": ["calves"], "equipment": ["foam-roller", "floor"],
    "dose": {"text": "1 min each side", "sets": {"min": 1, "max": 1}, "reps": null, "hold_seconds": null,
             "duration_seconds": {"min": 60, "max": 60}, "per_side": true, "extra_set_on": null},
    "minutes": 2, "steps": ["Roll the calf."], "cues": [], "source": ["test"],
    "why": [{"problem": "ankle", "muscles": ["calves"]}], "this_week": [], "skills": [], "skills_taught": [],
    "origin": "built-in", "seconds": 145, "per_week": 1})"));
  CHECK(json["phases"][3]["exercises"][0]["why"] ==
        Json::parse(R"([{"problem":"hip","muscles":[]},{"problem":"ankle","muscles":[]}])"));
  CHECK(json["habits"] == Json::parse(R"([{"id":"w-sitting","name":"W-sitting","advice":"Sit another way."}])"));
  CHECK(json["notes"] == Json::parse(R"([{"id":"safety","title":"Safety","text":"Stop on pain.","placement":"end"}])"));
  // Keys keep the documented order, and the text ends with a newline.
  CHECK(text.rfind("{\n  \"problems\": [", 0) == 0);
  CHECK(
      text.find(
          "\"minutes\": 13,\n  \"budget_minutes\": null,\n  \"over_budget\": false,\n  \"equipment_assumed\": true,\n  "
          "\"assumed_equipment\": [\n    \"foam roller\"\n  ],\n  \"when_it_hurts\": [],\n  \"week\": 1,\n  "
          "\"days_per_week\": null,\n  \"max_exercises\": null,\n  \"sessions\": [],\n  \"uncovered\": [],\n  "
          "\"left_out\": [],\n  \"fits_with\": {\n    \"minutes\": null,\n    \"days\": null,\n    "
          "\"max_exercises\": null\n  },\n  \"position\": null,\n  \"adjusted\": [],\n  \"phases\"") !=
      std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("plan json of a week: its sessions, what is uncovered, and each exercise's seconds and sessions") {
  auto request = valgus::test::request_for({"ankle", "hip"});
  request.days = {0, 3};
  request.minutes = 5;
  request.max_exercises = 3;
  const auto plan = valgus::make_plan(valgus::test::fixture_catalogue(), request);
  const Json json = Json::parse(valgus::render_plan_json(plan));
  CHECK(json["days_per_week"] == 2);
  CHECK(json["max_exercises"] == 3);
  CHECK(json["budget_minutes"] == 5);
  REQUIRE(json["sessions"].size() == plan.sessions.size());
  for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
    const auto& session = plan.sessions[i];
    CHECK(json["sessions"][i]["id"] == session.id);
    CHECK(json["sessions"][i]["seconds"] == session.seconds);
    CHECK(json["sessions"][i]["exercises"] == session.exercise_ids);
  }
  Json days = Json::array();
  for (const auto& session : json["sessions"]) {
    for (const auto& day : session["days"]) {
      days.push_back(day);
    }
  }
  CHECK(days.size() == 2);
  REQUIRE(json["uncovered"].size() == plan.uncovered.size());
  for (std::size_t i = 0; i < plan.uncovered.size(); ++i) {
    CHECK(json["uncovered"][i]["problem"] == plan.uncovered[i].problem_id);
    CHECK(json["uncovered"][i]["phase"] == std::string(valgus::to_string(plan.uncovered[i].phase)));
    CHECK(json["uncovered"][i]["muscle"] == plan.uncovered[i].muscle_id);
    CHECK(json["uncovered"][i]["why"] == std::string(valgus::to_string(plan.uncovered[i].why)));
  }
  CHECK(json["fits_with"]["minutes"] == (plan.fits_with.minutes ? Json(*plan.fits_with.minutes) : Json(nullptr)));
  CHECK(json["fits_with"]["days"] == (plan.fits_with.days ? Json(*plan.fits_with.days) : Json(nullptr)));
  int seconds = 0;
  for (const auto& phase : json["phases"]) {
    for (const auto& exercise : phase["exercises"]) {
      CHECK(exercise["per_week"] >= 1);
      seconds += exercise["seconds"].get<int>();
    }
  }
  CHECK(seconds > 0);
}

TEST_CASE("list json is an array of exercises with the plan's keys and what else they work") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const std::vector<valgus::PlannedExercise> shown{
      valgus::describe_exercise(catalogue, *catalogue.find_exercise("clam"))};
  const Json json = Json::parse(valgus::render_list_json(shown));
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 1);
  std::vector<std::string> keys;
  for (const auto& item : json[0].items()) {
    keys.push_back(item.key());
  }
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"also_works", "cues", "dose", "equipment", "id", "minutes", "name", "origin",
                                         "phase", "region", "resisted", "skills", "skills_taught", "source", "steps",
                                         "targets", "this_week", "why"});
  CHECK(json[0]["dose"]["hold_seconds"] == Json::parse(R"({"min":3,"max":5})"));
  CHECK(json[0]["why"] == Json::array());
  CHECK(json[0]["also_works"] == Json::array());
  CHECK(json[0]["resisted"] == false);
}

TEST_CASE("show json: also_works and resisted, as the catalogue gives them") {
  const auto catalogue = valgus::test::fixture_catalogue();
  valgus::Exercise clam = *catalogue.find_exercise("clam");
  clam.also_works = {"adductors"};
  clam.resisted = true;
  clam.from_week = 2;
  const Json json = Json::parse(valgus::render_exercise_json(valgus::describe_exercise(catalogue, clam), {}));
  CHECK(json["also_works"] == Json::parse(R"(["adductors"])"));
  CHECK(json["resisted"] == true);
  CHECK(json["from_week"] == 2);
  CHECK(json["variant_of"] == nullptr);
}

TEST_CASE("plan and list json, written piece by piece, are laid out exactly as one nlohmann dump") {
  const auto catalogue = valgus::test::fixture_catalogue();
  // The stretch phase is empty here: "exercises": [] inside a phase.
  const auto plan = valgus::make_plan(catalogue, valgus::test::request_for({"ankle", "hip"}));
  const std::string text = valgus::render_plan_json(plan);
  CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
  CHECK(text.find("\"exercises\": []") != std::string::npos);

  CHECK(valgus::render_list_json({}) == "[]\n");
  const auto all = valgus::make_plan(catalogue, valgus::test::request_for({"ankle", "hip"}));
  std::vector<valgus::PlannedExercise> shown;
  for (const auto& phase : all.phases) {
    shown.insert(shown.end(), phase.exercises.begin(), phase.exercises.end());
  }
  const std::string list = valgus::render_list_json(shown);
  CHECK(list == nlohmann::ordered_json::parse(list).dump(2) + "\n");
}

TEST_CASE("problems json: red flags first, each problem with its structured self-tests") {
  const auto catalogue = valgus::test::fixture_catalogue();
  const valgus::ProblemsListing listing{&catalogue, {"--hip", "--problem ankle"}, ""};
  const Json json = Json::parse(valgus::render_problems_json(listing));
  CHECK(json["red_flags"] == Json::parse(R"([{"id": "swelling", "question": "Does the knee swell?",
    "why": "See a doctor.", "source": ["test"]}])"));
  REQUIRE(json["problems"].size() == 2);
  CHECK(json["problems"][0]["self_tests"] == Json::parse(R"([{"id": "knee-dive", "name": "Knee dive",
    "instructions": ["Squat on one leg."], "look_for": "The knee moving in.", "question": "Did the knee move in?", "asked_if": null,
    "unit": "yes-no", "comparison": "yes", "threshold": null, "range": null, "per_side": false,
    "positive": "Weak hip.", "negative": "Hip holds.", "source": ["test"]}])"));
  const Json& reach = json["problems"][1]["self_tests"][0];
  CHECK(reach["unit"] == "cm");
  CHECK(reach["comparison"] == "below");
  CHECK(reach["threshold"] == 10.0);
  CHECK(reach["range"] == Json::parse(R"({"min": 0, "max": 30})"));
  CHECK(reach["per_side"] == true);
  CHECK(json["problems"][1].contains("self_test") == false);
}

TEST_CASE("log json, streamed session by session, is laid out exactly as one nlohmann dump") {
  using valgus::Date;
  valgus::LogListing listing;
  CHECK(valgus::render_log_json(listing) == "{\n  \"sessions\": [],\n  \"safety_events\": []\n}\n");
  listing.sessions.push_back(
      {Date{2027, 1, 4}, "A", 1, 2, valgus::Effort::right, "fine", {{"clamshell", true}}, 3, {}});
  listing.sessions.push_back(
      {Date{2027, 1, 6}, "B", 1, std::nullopt, std::nullopt, "", {}, std::nullopt, {"swelling"}});
  listing.events.push_back({Date{2027, 1, 6}, valgus::SafetyKind::pause, "swelling logged on 2027-01-06"});
  const std::string text = valgus::render_log_json(listing);
  CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
  const auto parsed = Json::parse(text);
  CHECK(parsed["sessions"].size() == 2);
  CHECK(parsed["sessions"][1]["symptoms"] == Json::array({"swelling"}));
  CHECK(parsed["safety_events"][0]["kind"] == "pause");

  // The stream's pieces are what render_log_json joins.
  const auto stream = valgus::log_stream_json();
  const std::string first = stream->session(listing.sessions[0]);
  CHECK(first.rfind("{\n  \"sessions\": [\n    {\n      \"date\": \"2027-01-04\",", 0) == 0);
  const std::string second = stream->session(listing.sessions[1]);
  const std::string end = stream->finish(listing.events);
  CHECK(first + second + end == text);
}

TEST_CASE("the JSON writer prints numbers, booleans, null and names as one nlohmann dump does") {
  Json whole = Json::object();
  whole["big"] = std::numeric_limits<std::uint64_t>::max();
  whole["small"] = std::numeric_limits<std::int64_t>::min();
  whole["minus one"] = -1;
  whole["zero"] = 0;
  whole["yes"] = true;
  whole["no"] = false;
  whole["nothing"] = nullptr;
  whole["a \"quoted\" name"] = "caf\xc3\xa9";
  whole["list"] = Json::array({1, -2, true, nullptr});
  std::string out;
  valgus::json_detail::JsonWriter writer(out);
  writer.begin_object();
  for (const auto& [name, value] : whole.items()) {
    writer.field(name, value);
  }
  writer.end_object();
  CHECK(out == whole.dump(2));
}

TEST_CASE("log json with any bytes in a note and skipped exercises is one nlohmann dump") {
  valgus::LogListing listing;
  listing.sessions.push_back({valgus::Date{2027, 1, 4},
                              "A\"",
                              12,
                              0,
                              valgus::Effort::hard,
                              "caf\xe9 \"x\"\t",
                              {{"clamshell", true}, {"short-foot", false}},
                              0,
                              {"swelling", "locking"}});
  const std::string text = valgus::render_log_json(listing);
  CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
  const auto parsed = Json::parse(text);
  CHECK(parsed["sessions"][0]["note"] == "caf\xef\xbf\xbd \"x\"\t");
  CHECK(parsed["sessions"][0]["exercises"][1] == Json::parse(R"({"id": "short-foot", "done": false})"));
  CHECK(parsed["sessions"][0]["stage_week"] == 12);
  CHECK(parsed["sessions"][0]["next_morning_pain"] == 0);
}
