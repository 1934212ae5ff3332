#pragma once

// What `valgus go` shows: one screen of the guided session as lines that
// each fit the width. No terminal here: the screen is a value in and lines
// out, so a unit test can read it; the terminal layer draws the lines in
// place (RawTerminal::redraw).

#include "core/follow/guide.hpp"
#include "core/model/calendar_date.hpp"
#include "core/model/figure_layout.hpp"
#include "core/plan/planner.hpp"
#include "render/render.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace valgus {

// Where the session is: its exercise and step, and the step's countdown.
struct GoScreenView {
  std::string session;  // the session's id: "A"
  Date date;
  int week = 1;  // the programme week whose doses are done
  const PlannedExercise* exercise = nullptr;
  std::size_t index = 0;  // of the exercise, 0-based
  std::size_t count = 0;  // exercises in the session
  const GuideStep* step = nullptr;
  int seconds_left = 0;  // of the step's countdown
  bool paused = false;
  int height = 24;  // rows of the terminal
  // The plan's safety banner ("Pain: Stop any exercise that hurts ..."),
  // shown with the first exercise.
  std::vector<std::string> banner;
  // The exercise's figure, drawn in braille to the right of the text when
  // the width leaves go_figure_columns beside 60 of text; null: none.
  const FigureDrawing* figure = nullptr;
};

// The columns a figure takes beside the text of `go` (its two panels and a
// gap before them).
inline constexpr int go_figure_columns = 46;

// "45 s", "1:30".
[[nodiscard]] std::string format_clock(int seconds);

// The screen's lines, none wider than `style.width`, no more than the
// height, painted when `style.color`. The exercise's dose and equipment,
// its steps and its tips (cautions among them) go under the countdown; when
// the screen is short the steps are cut first, then the tips.
[[nodiscard]] std::vector<std::string> render_go_screen(const GoScreenView& view, const TextStyle& style);

}  // namespace valgus
