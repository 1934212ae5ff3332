#include "core/model/dose.hpp"

#include <doctest/doctest.h>

using valgus::Dose;
using valgus::Range;

TEST_CASE("format_dose says it as a person would") {
  Dose stretch;
  stretch.sets = Range{2, 2};
  stretch.duration_seconds = Range{30, 30};
  stretch.per_side = true;
  CHECK(valgus::format_dose(stretch) == "2 × 30 s each side");

  Dose clam;
  clam.reps = Range{20, 20};
  clam.hold_seconds = Range{3, 5};
  clam.per_side = true;
  CHECK(valgus::format_dose(clam) == "20 reps each side, hold 3–5 s");

  Dose calf;
  calf.duration_seconds = Range{60, 120};
  CHECK(valgus::format_dose(calf) == "1–2 min");

  Dose squats;
  squats.sets = Range{3, 3};
  squats.reps = Range{15, 15};
  CHECK(valgus::format_dose(squats) == "3 × 15 reps");

  Dose one;
  one.reps = Range{1, 1};
  CHECK(valgus::format_dose(one) == "1 rep");
}

TEST_CASE("format_seconds uses minutes only for whole minutes") {
  CHECK(valgus::format_seconds(Range{30, 30}) == "30 s");
  CHECK(valgus::format_seconds(Range{45, 90}) == "45–90 s");
  CHECK(valgus::format_seconds(Range{60, 60}) == "1 min");
  CHECK(valgus::format_seconds(Range{60, 120}) == "1–2 min");
}

TEST_CASE("estimate_seconds follows the time model") {
  Dose release;  // 30 s each side: 15 set-up + 2 × 30 + 10 change-over
  release.duration_seconds = Range{30, 30};
  release.per_side = true;
  CHECK(valgus::estimate_seconds(release) == 85);

  Dose clam;  // 20 × (3 + 4) per side, both sides, change-over, set-up
  clam.reps = Range{20, 20};
  clam.hold_seconds = Range{3, 5};
  clam.per_side = true;
  CHECK(valgus::estimate_seconds(clam) == 15 + 2 * 140 + 10);

  Dose squats;  // 3 × 15 reps, 2 rests
  squats.sets = Range{3, 3};
  squats.reps = Range{15, 15};
  CHECK(valgus::estimate_seconds(squats) == 15 + 3 * 45 + 2 * 20);

  Dose range;  // 10–15 reps plans for 13
  range.reps = Range{10, 15};
  CHECK(valgus::estimate_seconds(range) == 15 + 13 * 3);
}

TEST_CASE("display_minutes rounds and never shows 0 for work") {
  CHECK(valgus::display_minutes(0) == 0);
  CHECK(valgus::display_minutes(20) == 1);
  CHECK(valgus::display_minutes(89) == 1);
  CHECK(valgus::display_minutes(90) == 2);
  CHECK(valgus::display_minutes(600) == 10);
}
