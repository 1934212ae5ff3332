#include "render/adjustment_wording.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace valgus {
namespace {

std::string_view option_of(Limit limit, const LimitOptions& options) {
  switch (limit) {
    case Limit::minutes: return options.minutes;
    case Limit::days: return options.days;
    case Limit::max_exercises: return options.max_exercises;
  }
  return {};
}

// "25 min a session", "4 days a week", "at most 6 exercises a session"; a
// full routine's minutes are not "a session": it is the only one.
std::string limit_text(const LimitValue& limit, bool week) {
  switch (limit.limit) {
    case Limit::minutes: return fmt::format("{} min{}", limit.value, week ? " a session" : "");
    case Limit::days: return fmt::format("{} days a week", limit.value);
    case Limit::max_exercises: return fmt::format("at most {} exercises a session", limit.value);
  }
  return {};
}

// What to change, then what to type: "4 days a week (--days 4)".
std::string way_text(const LimitValue& way, bool week, const LimitOptions& options) {
  const std::string_view option = option_of(way.limit, options);
  return option.empty() ? limit_text(way, week) : fmt::format("{} ({} {})", limit_text(way, week), option, way.value);
}

std::string_view worked_text(Phase phase) {
  return phase == Phase::strengthen ? "strengthened" : "released or stretched";
}

// "tibialis anterior not strengthened (ankle pronation and stiff ankles)"
std::string muscle_text(const UncoveredMuscle& muscle) {
  std::string_view why;
  switch (muscle.why) {
    case UncoveredWhy::no_equipment: why = ": no exercise for it with your equipment"; break;
    case UncoveredWhy::not_in_catalogue: why = ": no exercise for it in the catalogue"; break;
    case UncoveredWhy::no_room: break;
  }
  return fmt::format("{} not {} ({}{})", muscle.muscle_name, worked_text(muscle.phase), muscle.problem_name, why);
}

std::string_view left_out_why(LeftOutWhy why) {
  switch (why) {
    case LeftOutWhy::essential: return "essential";
    case LeftOutWhy::only_exercise: return "the only exercise for a muscle";
    case LeftOutWhy::position_drill: return "the position drill, in fewer than two sessions";
  }
  return {};
}

std::string fits_text(const TimeShortfall& shortfall, const LimitOptions& options) {
  const FitsWith& fits = shortfall.fits_with;
  std::vector<std::string> ways;
  if (fits.minutes) {
    ways.push_back(way_text({Limit::minutes, *fits.minutes}, shortfall.week, options));
  }
  if (fits.days) {
    ways.push_back(way_text({Limit::days, *fits.days}, shortfall.week, options));
  }
  if (fits.max_exercises) {
    ways.push_back(way_text({Limit::max_exercises, *fits.max_exercises}, shortfall.week, options));
  }
  if (!ways.empty()) {
    return join(ways, " or ") + " would hold it all";
  }
  const bool room_only = std::all_of(shortfall.uncovered.begin(), shortfall.uncovered.end(),
                                     [](const UncoveredMuscle& m) { return m.why == UncoveredWhy::no_room; });
  if (!room_only) {
    return "no other limit would hold what the catalogue or your equipment lacks";
  }
  return shortfall.week ? "no longer session, other number of days or higher exercise cap alone would hold it all"
                        : "no longer session or higher exercise cap alone would hold it all";
}

std::string shortfall_text(const TimeShortfall& shortfall, const LimitOptions& options) {
  const SessionLimits& limits = shortfall.limits;
  std::string within =
      shortfall.week
          ? fmt::format(
                "{} session{} a week of {}{}", limits.days, limits.days == 1 ? "" : "s",
                limits.minutes ? fmt::format("{} min", *limits.minutes) : std::string("no time limit"),
                limits.max_exercises ? fmt::format(" and at most {} exercises", *limits.max_exercises) : std::string())
          : fmt::format(
                "{} min{}", limits.minutes.value_or(0),
                limits.max_exercises ? fmt::format(" and at most {} exercises", *limits.max_exercises) : std::string());
  std::vector<std::string> parts;
  if (!shortfall.uncovered.empty()) {
    std::vector<std::string> muscles;
    for (const auto& muscle : shortfall.uncovered) {
      muscles.push_back(muscle_text(muscle));
    }
    parts.push_back(join(muscles, ", "));
  }
  if (!shortfall.left_out.empty()) {
    std::vector<std::string> names;
    for (const auto& exercise : shortfall.left_out) {
      names.push_back(fmt::format("{} ({})", exercise.name, left_out_why(exercise.why)));
    }
    parts.push_back("left out " + join(names, ", "));
  }
  return fmt::format("{}: {}; {}", within, join(parts, "; "), fits_text(shortfall, options));
}

}  // namespace

std::string adjustment_text(const Adjustment& adjustment, const LimitOptions& options) {
  return adjustment.shortfall ? shortfall_text(*adjustment.shortfall, options) : adjustment.text;
}

std::string equipment_assumed_text(const Plan& plan, const LimitOptions& options) {
  if (!plan.equipment_assumed || plan.assumed_equipment.empty() || options.equipment.empty()) {
    return {};  // said, needed none, or no option to say it with (a renderer's own test)
  }
  return fmt::format("{} assumed at hand; say what you have with {} (\"{} none\": bodyweight only)",
                     capitalised(join_and(plan.assumed_equipment)), options.equipment, options.equipment);
}

}  // namespace valgus
