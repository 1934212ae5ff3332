#include "render/adjustment_wording.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

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

std::string pair_names(const std::vector<UncoveredPair>& pairs) {
  std::vector<std::string> names;
  for (const auto& pair : pairs) {
    names.push_back(fmt::format("{} ({})", pair.problem_name, to_string(pair.phase)));
  }
  return join(names, ", ");
}

// Pairs are "covered"; exercises left out of a week are "fitted".
std::string remedy_text(const TimeShortfall& shortfall, const LimitOptions& options) {
  const bool week = shortfall.kind != ShortfallKind::routine_pairs;
  const bool pairs = shortfall.kind != ShortfallKind::week_exercises;
  switch (shortfall.remedy) {
    case Remedy::not_searched:
      return pairs ? "what would cover it is not worked out for a choice this large"
                   : "what would fit them is not worked out for a choice this large";
    case Remedy::none: {
      if (pairs) {
        return "no longer session or extra day covers it";
      }
      std::string text = "even 7 days a week would not hold them all";
      if (shortfall.held_back_by) {
        const std::string_view option = option_of(shortfall.held_back_by->limit, options);
        text += " with " + limit_text(*shortfall.held_back_by, week);
        text += option.empty() ? "" : fmt::format(" ({})", option);
      }
      return text;
    }
    case Remedy::found: {
      std::vector<std::string> ways;
      for (const auto& way : shortfall.ways) {
        ways.push_back(way_text(way, week, options));
      }
      return join(ways, " or ") + (pairs ? " would cover it" : " would fit them all");
    }
  }
  return {};
}

std::string shortfall_text(const TimeShortfall& shortfall, const LimitOptions& options) {
  const SessionLimits& limits = shortfall.limits;
  switch (shortfall.kind) {
    case ShortfallKind::routine_pairs:
      return fmt::format("{} min is not enough for every problem in every phase: nothing for {}; {}",
                         limits.minutes.value_or(0), pair_names(shortfall.uncovered), remedy_text(shortfall, options));
    case ShortfallKind::week_pairs:
      return fmt::format("not in any session: {}; {}", pair_names(shortfall.uncovered),
                         remedy_text(shortfall, options));
    case ShortfallKind::week_exercises:
      return fmt::format(
          "{} session{} a week of {}{}: left out {}; {}", limits.days, limits.days == 1 ? "" : "s",
          limits.minutes ? fmt::format("{} min", *limits.minutes) : std::string("no time limit"),
          limits.max_exercises ? fmt::format(" and at most {} exercises", *limits.max_exercises) : std::string(),
          join(shortfall.left_out, ", "), remedy_text(shortfall, options));
  }
  return {};
}

}  // namespace

std::string adjustment_text(const Adjustment& adjustment, const LimitOptions& options) {
  return adjustment.shortfall ? shortfall_text(*adjustment.shortfall, options) : adjustment.text;
}

}  // namespace valgus
