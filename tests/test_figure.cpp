#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/figure_rules.hpp"
#include "core/model/figure_layout.hpp"
#include "core/model/text.hpp"
#include "fixtures.hpp"
#include "render/figure.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using valgus::CatalogueFile;

namespace {

// A leg and a trunk: the trunk 30 up from the pelvis, the leg 40 down, a
// foot 10 forward; every segment 2 wide. An 80 x 100 frame.
const char* const skeleton_yaml = R"(skeletons:
  - id: side
    name: side view
    width: 80
    height: 100
    segments:
      - {id: trunk, name: shoulders, length: 30, width: 2, range: [-100, 100]}
      - {id: leg, name: ankle, parent: trunk, at: start, length: 40, width: 2, rest: 180, sign: -1, range: [-90, 120]}
      - {id: foot, name: toes, parent: leg, length: 10, width: 2, rest: -90, sign: -1, range: [-30, 30], arch: [0, 100],
         shape: foot}
  - id: narrow
    name: narrow view
    width: 40
    height: 80
    segments:
      - {id: trunk, name: shoulders, length: 30, width: 2, range: [-100, 100]}
      - {id: leg, name: ankle, parent: trunk, at: start, length: 40, width: 2, rest: 180, sign: -1, range: [-90, 120]}
props:
  - {id: block, shape: block, width: 20, height: 10}
  - {id: roller, shape: roller, width: 10, height: 10}
  - {id: band, shape: band, width: 20, height: 0}
  - {id: wall, shape: wall, width: 1, height: 70}
poses:
  - id: stand
    name: Standing
    view: side
    joints: {}
  - id: upright
    name: Upright
    view: narrow
    joints: {}
)";

std::vector<CatalogueFile> files_with(const std::string& text) {
  auto files = valgus::test::fixture_files();
  files.push_back(CatalogueFile{"poses.yaml", skeleton_yaml, 0});
  if (!text.empty()) {
    files.push_back(CatalogueFile{"x.yaml", text, 0});
  }
  return files;
}

std::string figure_errors_of(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& error : valgus::load_catalogue(files_with(text)).errors) {
    lines.push_back(error.to_string());
  }
  return valgus::join(lines, "\n");
}

valgus::Catalogue loaded(const std::string& text) { return valgus::test::load_or_throw(files_with(text)); }

// An exercise of the fixture with `figure` (indented YAML after "figure:").
std::string drawn(const std::string& figure) {
  return "exercises:\n  - id: drawn\n    name: Drawn\n    phase: strengthen\n    region: hip\n"
         "    targets: [glutes]\n    dose: {reps: 10}\n    steps: [Do it.]\n    source: test\n    figure: " +
         figure + "\n";
}

valgus::FigureDrawing drawing_of(const std::string& figure) {
  const auto catalogue = loaded(drawn(figure));
  return valgus::draw_figure(catalogue, catalogue.find_exercise("drawn")->figure, "Drawn");
}

}  // namespace

TEST_CASE("a pose is laid out along its skeleton and set down on the floor") {
  const auto catalogue = loaded("");
  const valgus::Skeleton& side = *catalogue.find_skeleton("side");
  const valgus::FigureParts parts{&side, {}, {}, ""};
  const auto posture = valgus::lay_out(parts, {});
  REQUIRE(posture.segments.size() == 3);
  // The foot lies flat, its 1-unit half width on the floor: the pelvis 41 up.
  CHECK(posture.segments[1].from.y == doctest::Approx(41));
  CHECK(posture.segments[2].from.x == doctest::Approx(0));
  CHECK(posture.segments[2].from.y == doctest::Approx(1));
  CHECK(posture.segments[2].to.x == doctest::Approx(10));
  CHECK(posture.segments[2].to.y == doctest::Approx(1));
  CHECK(posture.segments[0].to.y == doctest::Approx(71));
  CHECK(valgus::posture_problems(parts, posture).empty());

  // Bending the hip 90 degrees points the leg forward along the floor and
  // the foot up from it.
  const auto bent = valgus::lay_out(parts, {{"leg", 90}});
  CHECK(bent.segments[1].to.x == doctest::Approx(40));
  CHECK(bent.segments[1].to.y == doctest::Approx(1));
  CHECK(bent.segments[2].to.x == doctest::Approx(40));
  CHECK(bent.segments[2].to.y == doctest::Approx(11));
}

TEST_CASE("a pose that cannot be held or drawn is an error at its place") {
  CHECK(figure_errors_of("poses:\n  - id: tip\n    name: Tip\n    view: side\n    joints: {leg: 60}\n") ==
        "x.yaml:2:5: pose \"tip\": the body tips over: its weight falls 20 units beyond where it rests; bend a joint "
        "so it rests under the body or add the prop it leans on");
  CHECK(figure_errors_of("poses:\n  - id: far\n    name: Far\n    view: side\n    joints: {leg: 200}\n") ==
        "x.yaml:2:5: pose \"far\": \"leg\" is 200, outside its range -90 to 120");
  CHECK(figure_errors_of("poses:\n  - id: v\n    name: V\n    view: top\n    joints: {}\n") ==
        "x.yaml:2:5: pose \"v\": unknown view \"top\"; views are side, narrow");
  CHECK(figure_errors_of("poses:\n  - id: s\n    name: S\n    view: side\n    joints: {legg: 3}\n") ==
        "x.yaml:2:5: pose \"s\": \"legg\" is no segment of the side view (did you mean \"leg\"?)");
  CHECK(figure_errors_of("poses:\n  - id: s\n    name: S\n    view: side\n    joints: {leg.turn: 3}\n") ==
        "x.yaml:2:5: pose \"s\": segment \"leg\" has no turn; remove \"leg.turn\"");
  CHECK(figure_errors_of("poses:\n  - id: s\n    name: S\n    view: side\n    joints: {\"leg!\": 3}\n") ==
        "x.yaml:5:14: \"leg!\" is no joint: a segment id, or one with \".turn\" or \".arch\"");
  // A minus sign is a number only where the field takes negative values.
  CHECK(figure_errors_of("poses:\n  - id: s\n    name: S\n    view: side\n    joints: {leg: -5}\n").empty());
  CHECK(figure_errors_of("props:\n  - {id: p, shape: block, width: -5, height: 1}\n") ==
        "x.yaml:2:34: \"width\" must be a whole number like 12, not \"-5\"");
}

TEST_CASE("a figure's props must be known, placed where their shape goes, and touch what they are under") {
  CHECK(figure_errors_of(drawn("{pose: stand, props: [{prop: rollr, under: leg}]}")) ==
        "x.yaml:10:13: the figure of \"drawn\" unknown prop \"rollr\" (did you mean \"roller\"?); props are block, "
        "roller, "
        "band, wall");
  CHECK(figure_errors_of(drawn("{pose: stand, props: [{prop: wall, under: leg}]}")) ==
        "x.yaml:10:13: the figure of \"drawn\" the wall (wall) goes \"behind\" or \"ahead\" of a segment");
  CHECK(
      figure_errors_of(drawn("{pose: stand, props: [{prop: band, around: [leg, trunk]}]}")) ==
      "x.yaml:10:13: the figure of \"drawn\" at its start: the band stretches to 70 units, beyond its 20; bring its "
      "ends closer\n"
      "x.yaml:10:13: the figure of \"drawn\" at its end: the band stretches to 70 units, beyond its 20; bring its ends "
      "closer");
  CHECK(figure_errors_of(drawn("{pose: stand, props: [{prop: block, under: foot}]}")) == "");
  CHECK(
      figure_errors_of(drawn("{pose: stand, props: [{prop: block, under: foot, behind: leg}]}")) ==
      "x.yaml:10:35: a prop goes in one place: \"under\", \"behind\" or \"ahead\" of a segment, or \"around\" the ends "
      "of one or two");
  CHECK(figure_errors_of(drawn("{pose: stnd}")) ==
        "x.yaml:10:13: the figure of \"drawn\" names unknown pose \"stnd\" (did you mean \"stand\"?); poses are stand, "
        "upright");
  CHECK(figure_errors_of(drawn("{pose: stand, arrow: knee}")) ==
        "x.yaml:10:13: the figure of \"drawn\" the arrow follows \"knee\", no segment of the side view");
  CHECK(figure_errors_of(drawn("{pose: stand, start: {foot: 40}}")) ==
        "x.yaml:10:13: the figure of \"drawn\" at its start: \"foot\" is 40, outside its range -30 to 30");
  // Lying down is wider than the narrow view's frame.
  CHECK(
      figure_errors_of(drawn("{pose: upright, start: {trunk: -90}}")) ==
      "x.yaml:10:13: the figure of \"drawn\" the figure takes 72 x 6 units, more than the narrow view's frame of 38 x "
      "78; fold it smaller or draw it in another view");
}

TEST_CASE("a figure is framed with its arrow; an exercise without one gets a still placeholder") {
  const auto lift = drawing_of("{pose: stand, start: {foot: 0}, end: {foot: 25}, arrow: foot, working: right}");
  CHECK(lift.moves);
  CHECK(lift.width == 80);
  CHECK(lift.height == 100);
  REQUIRE(lift.arrow.has_value());
  CHECK(lift.arrow->first.x == doctest::Approx(lift.start.segments[2].to.x));
  CHECK(lift.arrow->second.y == doctest::Approx(lift.end.segments[2].to.y));
  CHECK(lift.moving == "toes");
  CHECK(valgus::describe_figure(lift) ==
        "Stick figure, side view. The start position is drawn faint and the end position solid; the arrow follows "
        "the toes. The working side, the right, is highlighted.");
  const auto catalogue = loaded("");
  const auto still = valgus::draw_figure(catalogue, valgus::Figure{}, "Nothing");
  CHECK(still.placeholder);
  CHECK_FALSE(still.moves);
  CHECK(valgus::describe_figure(still) == "No figure is drawn for this yet; a neutral standing figure stands in.");
  // A catalogue without poses draws nothing, and nothing fails.
  const auto none = valgus::draw_figure(valgus::test::fixture_catalogue(), valgus::Figure{}, "Nothing");
  CHECK(none.end.segments.empty());
  CHECK(valgus::render_figure_braille(none, 80).empty());
  CHECK(valgus::render_figure_svg(none).find("<title id=\"figure-title\">Nothing</title>") != std::string::npos);
}

TEST_CASE("the SVG and the braille draw the same figure within their bounds") {
  const auto lift = drawing_of("{pose: stand, end: {foot: 25}, arrow: foot, working: right}");
  const std::string svg = valgus::render_figure_svg(lift, "f1");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" viewBox=\"0 0 80 100\"", 0) == 0);
  CHECK(svg.find("<g class=\"pose start\"") != std::string::npos);
  CHECK(svg.find("<g class=\"pose end\"") != std::string::npos);
  CHECK(svg.find("<g class=\"arrow\">") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"f1-title f1-desc\"") != std::string::npos);
  const std::string braille = valgus::render_figure_braille(lift, 80);
  std::size_t start = 0;
  for (std::size_t end = braille.find('\n'); end != std::string::npos; end = braille.find('\n', start = end + 1)) {
    CHECK(valgus::display_width(braille.substr(start, end - start)) <= 80);
  }
  CHECK(braille.find("start") != std::string::npos);
  CHECK(braille.find("end") != std::string::npos);
  CHECK(valgus::render_figure_braille(lift, 30).empty());  // too narrow for two panels of 16
}

TEST_CASE("every built-in exercise and the movement self-tests have a figure check accepts, each drawn differently") {
  const auto& catalogue = valgus::test::builtin();
  std::set<std::string> svgs;
  for (const auto& exercise : catalogue.exercises) {
    CAPTURE(exercise.id);
    CHECK(exercise.figure.given());
    const auto drawing = valgus::draw_figure(catalogue, exercise.figure, exercise.name);
    CHECK_FALSE(drawing.placeholder);
    // The title differs by name; compare the figures without it.
    auto untitled = drawing;
    untitled.title.clear();
    CHECK(svgs.insert(valgus::render_figure_svg(untitled)).second);
  }
  int drawn_tests = 0;
  for (const auto& test : catalogue.self_tests) {
    if (test.figure.given()) {
      ++drawn_tests;
      CHECK_FALSE(valgus::draw_figure(catalogue, test.figure, test.name).placeholder);
    }
  }
  CHECK(drawn_tests >= 3);
}
