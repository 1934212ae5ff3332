#include "core/catalogue/catalogue_schema.hpp"

#include <algorithm>

namespace valgus {

const std::vector<SectionSchema>& sections() {
  // Function-local statics: built on first use, never in static
  // initialisation order.
  static const std::vector<SectionSchema> table{
      {"muscles", EntryKind::muscle, {"muscle", {"id", "name", "plain", "region"}, {"id", "name", "region"}}},
      {"muscle_groups",
       EntryKind::muscle_group,
       {"muscle group", {"id", "name", "plain", "members"}, {"id", "name", "members"}}},
      {"equipment", EntryKind::equipment, {"equipment", {"id", "name", "household", "aliases"}, {"id", "name"}}},
      {"positions", EntryKind::position, {"position", {"id", "name", "advice", "source"}, {"id", "name", "advice"}}},
      {"problems",
       EntryKind::problem,
       {"problem",
        {"id", "name", "summary", "overactive", "underactive", "source"},
        {"id", "name", "overactive", "underactive"}}},
      {"exercises",
       EntryKind::exercise,
       {"exercise",
        {"id",           "name",       "phase",     "region", "targets", "also_works", "equipment",    "resisted",
         "impact",       "summary",    "dose",      "steps",  "cues",    "source",     "priority",     "positions",
         "alternatives", "variant_of", "from_week", "drill",  "skills",  "teach",      "progressions", "figure"},
        {"id", "name", "phase", "region", "targets", "dose", "steps", "source"}}},
      {"habits", EntryKind::habit, {"habit", {"id", "name", "advice", "source", "not_for"}, {"id", "name", "advice"}}},
      {"notes",
       EntryKind::note,
       {"note", {"id", "title", "text", "placement", "source", "only_for", "not_for"}, {"id", "title", "text"}}},
      {"phases",
       EntryKind::phase_rule,
       {"phase",
        {"id", "per_week", "session_most", "session_least", "shortlist", "why", "source"},
        {"id", "per_week", "why", "source"}}},
      {"sessions",
       EntryKind::session_rule,
       {"session rule",
        {"id", "active_percent_at_least", "why", "source"},
        {"id", "active_percent_at_least", "why", "source"}}},
      {"progression",
       EntryKind::progression_rule,
       {"progression rule",
        {"id", "window_days", "adherence_percent", "mean_pain_at_most", "hard_sessions_at_most", "pain_at_least",
         "sessions", "why", "source"},
        {"id", "why", "source"}}},
      {"red_flags",
       EntryKind::red_flag,
       {"red flag", {"id", "question", "why", "source"}, {"id", "question", "why", "source"}}},
      {"symptoms",
       EntryKind::symptom,
       {"symptom", {"id", "name", "question", "why", "source"}, {"id", "name", "question", "why", "source"}}},
      {"self_tests",
       EntryKind::self_test,
       {"self-test",
        {"id", "name", "problem", "instructions", "look_for", "question", "asked_if", "unit", "comparison", "threshold",
         "range", "per_side", "side_difference", "positive", "negative", "source", "figure"},
        {"id", "name", "problem", "instructions", "look_for", "question", "unit", "comparison", "positive", "negative",
         "source"}}},
      {"skeletons",
       EntryKind::skeleton,
       {"skeleton",
        {"id", "name", "width", "height", "props_behind", "segments"},
        {"id", "name", "width", "height", "segments"}}},
      {"props", EntryKind::prop, {"prop", {"id", "shape", "width", "height"}, {"id", "shape", "width", "height"}}},
      {"poses",
       EntryKind::pose,
       {"pose", {"id", "name", "view", "joints", "anchor", "props"}, {"id", "name", "view", "joints"}}},
  };
  return table;
}

const SectionSchema& section(EntryKind kind) {
  const auto& all = sections();
  return *std::find_if(all.begin(), all.end(), [&](const SectionSchema& s) { return s.kind == kind; });
}

const SectionSchema* find_section(std::string_view key) {
  const auto& all = sections();
  const auto it = std::find_if(all.begin(), all.end(), [&](const SectionSchema& s) { return s.key == key; });
  return it == all.end() ? nullptr : &*it;
}

const std::vector<std::string>& section_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& s : sections()) {
      out.emplace_back(s.key);
    }
    return out;
  }();
  return keys;
}

const Schema& dose_schema() {
  static const Schema schema{
      "dose", {"sets", "reps", "hold_seconds", "duration_seconds", "per_side", "seconds_per_rep"}, {}};
  return schema;
}

const Schema& progression_schema() {
  static const Schema schema{"progression", {"week", "change", "dose"}, {"week", "change"}};
  return schema;
}

const Schema& progression_dose_schema() {
  static const Schema schema{"progression dose", {"sets", "reps", "hold_seconds", "duration_seconds"}, {}};
  return schema;
}

const Schema& segment_schema() {
  static const Schema schema{
      "segment",
      {"id", "name", "parent", "at", "length", "width", "rest", "sign", "range", "turn", "arch", "shape", "side"},
      {"id", "name", "length", "range"}};
  return schema;
}

const Schema& figure_schema() {
  static const Schema schema{"figure", {"pose", "start", "end", "arrow", "working", "props"}, {"pose"}};
  return schema;
}

const Schema& prop_use_schema() {
  static const Schema schema{"prop", {"prop", "under", "behind", "ahead", "around"}, {"prop"}};
  return schema;
}

}  // namespace valgus
