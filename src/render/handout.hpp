#pragma once

// The printed handout's content, in its order, as plain values: what the
// HTML page and the PDF both lay out, so the two say the same things in the
// same order (handout.cpp builds it from a programme).

#include "core/model/figure_layout.hpp"
#include "render/render.hpp"

#include <string>
#include <vector>

namespace valgus {

struct HandoutCard {
  int number = 0;
  std::string name;
  std::string phase;  // "Strengthen"
  std::string dose;   // "20 reps each side, hold 3–5 s"
  long long minutes = 0;
  std::string equipment;  // empty: none beyond the household
  std::vector<std::string> steps;
  std::vector<std::string> tips;  // cues, then "New skill, X: how"
  std::string why;
  FigureDrawing figure;
  bool drawn = false;  // the catalogue was there to draw it
};

struct HandoutSession {
  std::string title;  // "Session A · Mon, Fri · about 19 min"
  std::string id;     // "A"; empty for a full routine
  std::vector<std::string> days;
  std::vector<HandoutCard> cards;
  std::string empty;  // why it has no exercise, when it has none
};

struct HandoutWatch {
  std::string name;
  std::string look_for;
  std::string meaning;
  FigureDrawing figure;
};

struct Handout {
  std::string title = "Knee valgus programme";
  std::string person;                                       // empty: no one named
  std::string created;                                      // the PDF's creation date, YYYY-MM-DD; empty: when drawn
  std::string problems;                                     // "Hip internal rotation and adduction · ankle pronation"
  std::vector<std::pair<std::string, std::string>> banner;  // (title, text) of the top notes
  std::string schedule;                                     // the schedule line
  std::vector<std::vector<std::string>> week_rows;          // Day, Session, Minutes
  std::string equipment;                                    // what was assumed, or empty
  std::vector<std::string> adjustments;
  std::string position;  // "When landing: ..." or empty
  std::vector<HandoutWatch> watch;
  std::vector<HandoutSession> sessions;
  std::string progression_title;                      // empty: a one-week handout
  std::vector<std::vector<std::string>> progression;  // Week, Exercise, Change, Dose from then on
  std::string progression_none;                       // when nothing changes
  std::vector<std::pair<std::string, std::vector<std::string>>> week_changes;  // ("Week 3", what changes)
  std::vector<int> weeks;                                                      // of the tick sheets
  std::vector<std::string> pain;                                               // what to do when it hurts
  std::vector<std::pair<std::string, std::string>> habits;
  std::vector<std::pair<std::string, std::string>> notes;  // the full safety and closing notes
};

[[nodiscard]] Handout make_handout(const ProgrammeView& view);

}  // namespace valgus
