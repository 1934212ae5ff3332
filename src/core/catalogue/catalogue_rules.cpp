// The prescription's rules, read like any entry: how often a week asks for
// each phase and how many of its exercises a session holds (phases), how a
// session shares its time (sessions), when a saved programme moves by its
// log (progression).

#include "core/catalogue/catalogue_entries.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <array>

namespace valgus {

std::optional<PhaseRule> EntryReader::phase_rule(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::phase_rule).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::phase_rule, *f, node);
  if (entry_id && !parse_phase(*entry_id)) {
    read_.errors().error(f->get("id")->where, fmt::format("unknown phase \"{}\"; phases are {}", *entry_id,
                                                          join(names_of(phase_names), ", ")));
    return std::nullopt;
  }
  auto per_week = read_.range(f->get("per_week"), "per_week", 7);
  // At most none would keep the phase out of every session, against its
  // per_week (at least 1): unset means no limit.
  const YamlNode* most_node = f->get("session_most");
  const std::optional<int> most =
      most_node ? read_.integer(most_node, "session_most", 1, max_session_exercises) : std::nullopt;
  const YamlNode* least_node = f->get("session_least");
  auto least =
      least_node ? read_.integer(least_node, "session_least", 0, max_session_exercises) : std::optional<int>(0);
  const YamlNode* shortlist_node = f->get("shortlist");
  const std::optional<int> shortlist =
      shortlist_node ? read_.integer(shortlist_node, "shortlist", 1, max_shortlist) : std::nullopt;
  auto why = read_.text(f->get("why"), "why");
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && per_week && (most || most_node == nullptr) && least &&
        (shortlist || shortlist_node == nullptr) && why && source)) {
    return std::nullopt;
  }
  // per_week counts sessions an exercise is in, these count a session's
  // exercises: only least and most can contradict each other.
  if (most && least_node != nullptr && *least > *most) {  // unset, the least is 0
    read_.errors().error(least_node->where,
                         fmt::format("\"session_least\" {} is more than \"session_most\" {}; lower it or raise "
                                     "\"session_most\"",
                                     *least, *most));
    return std::nullopt;
  }
  return PhaseRule{*entry_id, *per_week, most, *least, shortlist, *why, *source, read_.errors().at(node.where)};
}

std::optional<SessionRule> EntryReader::session_rule(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::session_rule).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::session_rule, *f, node);
  auto percent = read_.integer(f->get("active_percent_at_least"), "active_percent_at_least", 0, 100);
  auto why = read_.text(f->get("why"), "why");
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && percent && why && source)) {
    return std::nullopt;
  }
  return SessionRule{*entry_id, *percent, *why, *source, read_.errors().at(node.where)};
}

std::optional<ProgressionRule> EntryReader::progression_rule(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::progression_rule).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::progression_rule, *f, node);
  const auto kind = entry_id ? parse_progression_kind(*entry_id) : std::nullopt;
  if (entry_id && !kind) {
    read_.errors().error(f->get("id")->where, fmt::format("unknown progression rule \"{}\"; rules are {}", *entry_id,
                                                          join(names_of(progression_kind_names), ", ")));
    return std::nullopt;
  }
  // Each rule reads its own numbers; one it does not use is an error, so a
  // threshold is never written where nothing reads it.
  using Kinds = std::array<bool, progression_kind_names.size()>;  // by ProgressionKind: the rules that read it
  struct Number {
    std::string_view field;
    int ProgressionRule::*member;
    int low;
    int high;
    Kinds used_by;
  };
  constexpr Kinds advance{true, false, false, false};
  constexpr Kinds counted{false, false, true, true};  // step-back and pause
  constexpr Kinds by_pain{false, true, true, true};   // hold, step-back and pause
  static constexpr std::array<Number, 6> numbers{{
      {"window_days", &ProgressionRule::window_days, 7, 56, advance},
      {"adherence_percent", &ProgressionRule::adherence_percent, 1, 100, advance},
      {"mean_pain_at_most", &ProgressionRule::mean_pain_at_most, 0, 10, advance},
      {"hard_sessions_at_most", &ProgressionRule::hard_sessions_at_most, 0, 56, advance},
      {"pain_at_least", &ProgressionRule::pain_at_least, 1, 10, by_pain},
      {"sessions", &ProgressionRule::sessions, 1, 56, counted},
  }};
  ProgressionRule rule;
  bool ok = f->complete && kind.has_value();
  for (const Number& number : numbers) {
    const YamlNode* value = f->get(number.field);
    if (!kind || !number.used_by.at(static_cast<std::size_t>(*kind))) {
      if (value != nullptr && kind) {
        read_.errors().error(value->where,
                             fmt::format("a {} rule does not use \"{}\"; remove it", *entry_id, number.field));
        ok = false;
      }
      continue;
    }
    if (value == nullptr) {
      read_.errors().error(node.where,
                           fmt::format("progression rule {} is missing the field \"{}\"", *entry_id, number.field));
      ok = false;
      continue;
    }
    const auto read = read_.integer(value, number.field, number.low, number.high);
    ok = ok && read.has_value();
    rule.*number.member = read.value_or(0);
  }
  auto why = read_.text(f->get("why"), "why");
  auto source = read_.sources(f->get("source"));
  if (!(ok && why && source)) {
    return std::nullopt;
  }
  rule.id = *entry_id;
  rule.why = *why;
  rule.sources = *source;
  rule.where = read_.errors().at(node.where);
  return rule;
}

}  // namespace valgus
