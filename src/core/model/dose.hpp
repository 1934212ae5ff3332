#pragma once

// Doses as people say them, and the time they take.

#include "core/model/model.hpp"

#include <cstdint>
#include <string>

namespace valgus {

// The time model: a set is its duration, or reps × (tempo + hold); both
// sides double the work; sets are separated by a rest, sides by a
// change-over, and every exercise needs a moment to set up.
inline constexpr int rest_between_sets_seconds = 20;
inline constexpr int side_change_seconds = 10;
inline constexpr int setup_seconds = 15;

// "20" or "10–15" (with an en dash, as in print).
[[nodiscard]] std::string format_range(Range range);

// "30 s", "45–90 s", "1 min", "1–2 min".
[[nodiscard]] std::string format_seconds(Range range);

// "2 × 30 s each side", "20 reps each side, hold 3–5 s", "3 × 15 reps",
// "30 s each side; 2 sets on the right" (one-sided valgus).
[[nodiscard]] std::string format_dose(const Dose& dose);

// `dose` with the fields a progression sets replaced. Switching between
// reps and a duration drops the other.
[[nodiscard]] Dose apply(Dose dose, const DoseChange& change);

// Estimated seconds to do the whole dose, including set-up and rests.
// 64-bit: a catalogue may hold many long exercises, and their sum must not
// overflow.
[[nodiscard]] std::int64_t estimate_seconds(const Dose& dose);
// The middle of a range, rounded up: "10–15 reps" plans (and guides) 13.
[[nodiscard]] int middle(Range range);

// Seconds as whole minutes for display: rounded, never below 1 (0 for none).
[[nodiscard]] std::int64_t display_minutes(std::int64_t seconds);

}  // namespace valgus
