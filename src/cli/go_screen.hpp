#pragma once

// What `valgus go` shows: one frame of the guided session as lines that
// each fit the terminal's width, and the text that redraws it in place.
// No terminal here: the frame is a value, so a unit test can read it.

#include "core/follow/guide.hpp"
#include "core/plan/planner.hpp"

#include <string>
#include <vector>

namespace valgus::cli {

struct GoFrame {
  std::string heading;  // "Session A · 2027-01-04 · week 1"
  const PlannedExercise* exercise = nullptr;
  std::size_t index = 0;  // of the exercise, 0-based
  std::size_t count = 0;  // exercises in the session
  const GuideStep* step = nullptr;
  int seconds_left = 0;  // of the step's countdown
  bool paused = false;
  int width = 80;
  int height = 24;
  bool color = false;
};

// "45 s", "1:30".
[[nodiscard]] std::string format_clock(int seconds);

// The frame's lines, none wider than the width, no more than the height
// (the exercise's steps are cut first).
[[nodiscard]] std::vector<std::string> frame_lines(const GoFrame& frame);

// The lines drawn over the previous frame from the top-left corner, each
// line's rest cleared, and the screen below cleared.
[[nodiscard]] std::string frame_text(const GoFrame& frame);

}  // namespace valgus::cli
