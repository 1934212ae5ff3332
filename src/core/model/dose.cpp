#include "core/model/dose.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
int middle(Range range) { return (range.min + range.max + 1) / 2; }

std::string format_range(Range range) {
  if (range.min == range.max) {
    return std::to_string(range.min);
  }
  return fmt::format("{}–{}", range.min, range.max);
}

std::string format_seconds(Range range) {
  if (range.min % 60 == 0 && range.max % 60 == 0) {
    return format_range(Range{range.min / 60, range.max / 60}) + " min";
  }
  return format_range(range) + " s";
}

std::string format_dose(const Dose& dose) {
  std::string text;
  if (dose.sets.max > 1) {
    text = format_range(dose.sets) + " × ";
  }
  if (dose.duration_seconds.given()) {
    text += format_seconds(dose.duration_seconds);
  } else {
    text += format_range(dose.reps) + (dose.reps.max == 1 ? " rep" : " reps");
  }
  if (dose.per_side) {
    text += " each side";
  }
  if (dose.hold_seconds.given()) {
    text += ", hold " + format_seconds(dose.hold_seconds);
  }
  if (dose.per_side && dose.extra_set_side != Side::both) {
    const int sets = dose.sets.max + 1;
    text += fmt::format("; {} {} on the {}", sets, sets == 1 ? "set" : "sets", to_string(dose.extra_set_side));
  }
  return text;
}

std::int64_t estimate_seconds(const Dose& dose) {
  const std::int64_t sets = middle(dose.sets);
  const std::int64_t per_set =
      dose.duration_seconds.given()
          ? std::int64_t{middle(dose.duration_seconds)}
          : std::int64_t{middle(dose.reps)} * (std::int64_t{dose.seconds_per_rep} + middle(dose.hold_seconds));
  const std::int64_t sides = dose.per_side ? 2 : 1;
  const std::int64_t rests = (sets - 1) * rest_between_sets_seconds * sides;
  const std::int64_t change_over = dose.per_side ? side_change_seconds : 0;
  // One more set on the affected leg, with its rest.
  const std::int64_t extra =
      dose.per_side && dose.extra_set_side != Side::both ? per_set + rest_between_sets_seconds : 0;
  return setup_seconds + sets * per_set * sides + rests + change_over + extra;
}

Dose apply(Dose dose, const DoseChange& change) {
  dose.sets = change.sets.value_or(dose.sets);
  if (change.reps) {
    dose.reps = *change.reps;
    dose.duration_seconds = Range{};
  }
  if (change.duration_seconds) {
    dose.duration_seconds = *change.duration_seconds;
    dose.reps = Range{};
    dose.hold_seconds = Range{};
  }
  dose.hold_seconds = change.hold_seconds.value_or(dose.hold_seconds);
  return dose;
}

std::int64_t display_minutes(std::int64_t seconds) {
  return seconds <= 0 ? 0 : std::max<std::int64_t>(1, (seconds + 30) / 60);
}

}  // namespace valgus
