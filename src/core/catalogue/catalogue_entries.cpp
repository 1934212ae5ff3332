#include "core/catalogue/catalogue_entries.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {

std::optional<std::string> EntryReader::id(EntryKind kind, const Fields& f, const YamlNode& entry) {
  auto value = read_.identifier(f.get("id"), "id");
  if (!value || !claim_id_(kind, *value, entry.where)) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> EntryReader::references(const YamlNode* node, std::string_view field,
                                                                Reference::To to, std::optional<Phase> phase) {
  return read_.list(node, field, [&](const YamlNode* item) {
    auto value = read_.identifier(item, field);
    if (value) {
      references_.entries.push_back(Reference{to, *value, file_, item->where, field, phase});
    }
    return value;
  });
}

template <typename T>
std::optional<T> EntryReader::named(EntryKind kind, const YamlNode& node, std::string_view title_field,
                                    std::string_view body_field) {
  auto f = read_.fields(node, section(kind).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(kind, *f, node);
  auto title = read_.line(f->get(title_field), title_field);
  auto body = read_.text(f->get(body_field), body_field);
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && title && body && source)) {
    return std::nullopt;
  }
  return T{*entry_id, *title, *body, *source, read_.errors().at(node.where)};
}

std::optional<Position> EntryReader::position(const YamlNode& node) {
  return named<Position>(EntryKind::position, node, "name", "advice");
}

std::optional<Habit> EntryReader::habit(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::habit).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::habit, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto advice = read_.text(f->get("advice"), "advice");
  auto source = read_.sources(f->get("source"));
  auto not_for = references(f->get("not_for"), "not_for", Reference::To::problem);
  if (!(f->complete && entry_id && name && advice && source && not_for)) {
    return std::nullopt;
  }
  return Habit{*entry_id, *name, *advice, *source, read_.errors().at(node.where), *not_for};
}

std::optional<Note> EntryReader::note(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::note).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::note, *f, node);
  auto title = read_.line(f->get("title"), "title");
  auto text = read_.text(f->get("text"), "text");
  auto source = read_.sources(f->get("source"));
  // Most notes close a plan; "top" ones form the banner that opens it.
  const YamlNode* placement_node = f->get("placement");
  auto placement = placement_node ? read_.placement(placement_node) : std::optional<Placement>(Placement::end);
  auto only_for = references(f->get("only_for"), "only_for", Reference::To::problem);
  auto not_for = references(f->get("not_for"), "not_for", Reference::To::problem);
  if (!(f->complete && entry_id && title && text && source && placement && only_for && not_for)) {
    return std::nullopt;
  }
  return Note{*entry_id, *title, *text, *source, *placement, read_.errors().at(node.where), *only_for, *not_for};
}

std::optional<Muscle> EntryReader::muscle(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::muscle).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::muscle, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto plain = f->get("plain") ? read_.line(f->get("plain"), "plain") : std::optional<std::string>("");
  auto where = f->get("region") ? read_.region(f->get("region")) : std::nullopt;
  if (!(f->complete && entry_id && name && plain && where)) {
    return std::nullopt;
  }
  return Muscle{*entry_id, *name, *plain, *where, read_.errors().at(node.where)};
}

std::optional<MuscleGroup> EntryReader::muscle_group(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::muscle_group).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::muscle_group, *f, node);
  auto name = read_.line(f->get("name"), "name");
  // Members are muscles only, checked apart from other references.
  auto members = read_.list(f->get("members"), "members", [&](const YamlNode* item) {
    auto member = read_.identifier(item, "members");
    if (member) {
      references_.group_members.push_back(
          Reference{Reference::To::muscle, *member, file_, item->where, "members", std::nullopt});
    }
    return member;
  });
  auto plain = f->get("plain") ? read_.line(f->get("plain"), "plain") : std::optional<std::string>("");
  if (!(f->complete && entry_id && name && plain && members)) {
    return std::nullopt;
  }
  if (members->empty()) {
    read_.errors().error(f->get("members")->where, "\"members\" must name at least one muscle");
    return std::nullopt;
  }
  return MuscleGroup{*entry_id, *name, *plain, *members, read_.errors().at(node.where)};
}

std::optional<Equipment> EntryReader::equipment(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::equipment).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::equipment, *f, node);
  auto name = read_.line(f->get("name"), "name");
  const YamlNode* household_node = f->get("household");
  auto household = household_node ? read_.boolean(household_node, "household") : std::optional<bool>(false);
  auto aliases = read_.lines(f->get("aliases"), "aliases");
  if (!(f->complete && entry_id && name && household && aliases)) {
    return std::nullopt;
  }
  return Equipment{*entry_id, *name, *household, *aliases, read_.errors().at(node.where)};
}

std::optional<Problem> EntryReader::problem(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::problem).entry);
  if (!f) {
    return std::nullopt;
  }
  Problem entry;
  entry.where = read_.errors().at(node.where);
  auto entry_id = id(EntryKind::problem, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto summary = f->get("summary") ? read_.text(f->get("summary"), "summary") : std::optional<std::string>("");
  auto overactive = references(f->get("overactive"), "overactive", Reference::To::muscle);
  auto underactive = references(f->get("underactive"), "underactive", Reference::To::muscle);
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && name && summary && overactive && underactive && source)) {
    return std::nullopt;
  }
  if (overactive->empty() && underactive->empty()) {
    read_.errors().error(node.where, fmt::format("problem \"{}\" names no muscles; list its \"overactive\" or "
                                                 "\"underactive\" muscles",
                                                 *entry_id));
    return std::nullopt;
  }
  entry.id = *entry_id;
  entry.name = *name;
  entry.summary = *summary;
  entry.overactive = *overactive;
  entry.underactive = *underactive;
  entry.sources = *source;
  return entry;
}

std::optional<Exercise> EntryReader::exercise(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::exercise).entry);
  if (!f) {
    return std::nullopt;
  }
  Exercise entry;
  entry.where = read_.errors().at(node.where);
  auto entry_id = id(EntryKind::exercise, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto phase = f->get("phase") ? read_.phase(f->get("phase")) : std::nullopt;
  auto region = f->get("region") ? read_.region(f->get("region")) : std::nullopt;
  auto targets = references(f->get("targets"), "targets", Reference::To::muscle);
  auto also_works = references(f->get("also_works"), "also_works", Reference::To::muscle);
  auto gear = references(f->get("equipment"), "equipment", Reference::To::equipment);
  auto resisted = f->get("resisted") ? read_.boolean(f->get("resisted"), "resisted") : std::optional<bool>(false);
  auto impact = f->get("impact") ? read_.boolean(f->get("impact"), "impact") : std::optional<bool>(false);
  auto summary = f->get("summary") ? read_.text(f->get("summary"), "summary") : std::optional<std::string>("");
  auto dose = f->get("dose") ? read_.dose(*f->get("dose")) : std::nullopt;
  auto steps = read_.texts(f->get("steps"), "steps");
  auto cues = read_.texts(f->get("cues"), "cues");
  auto source = read_.sources(f->get("source"));
  auto priority = f->get("priority") ? read_.integer(f->get("priority"), "priority", 1, 3) : std::optional<int>(2);
  auto positions = references(f->get("positions"), "positions", Reference::To::position);
  auto alternatives = references(f->get("alternatives"), "alternatives", Reference::To::exercise, phase);
  std::optional<std::string> variant_of = std::string();
  if (const YamlNode* main = f->get("variant_of")) {
    variant_of = read_.identifier(main, "variant_of");
    if (variant_of) {
      references_.entries.push_back(
          Reference{Reference::To::exercise, *variant_of, file_, main->where, "variant_of", phase});
    }
  }
  auto from_week =
      f->get("from_week") ? read_.integer(f->get("from_week"), "from_week", 1, max_week) : std::optional<int>(0);
  auto drill = f->get("drill") ? read_.boolean(f->get("drill"), "drill") : std::optional<bool>(false);
  auto skills = references(f->get("skills"), "skills", Reference::To::exercise);
  auto teach = f->get("teach") ? read_.text(f->get("teach"), "teach") : std::optional<std::string>("");
  auto progressions =
      read_.list(f->get("progressions"), "progressions", [&](const YamlNode* item) { return read_.progression(item); });
  auto drawn = figure(f->get("figure"));
  if (!(f->complete && entry_id && name && phase && region && targets && also_works && gear && resisted && impact &&
        summary && dose && steps && cues && source && priority && positions && alternatives && variant_of &&
        from_week && drill && skills && teach && progressions && drawn)) {
    return std::nullopt;
  }
  LoadErrors& errors = read_.errors();
  // Loosening work is never resisted; "resisted: false" says nothing wrong.
  if (*resisted && (*phase == Phase::release || *phase == Phase::stretch)) {
    errors.error(f->get("resisted")->where,
                 "only strengthen and integrate exercises are resisted; remove \"resisted\"");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < also_works->size(); ++i) {
    const std::string& id = (*also_works)[i];
    if (std::find(targets->begin(), targets->end(), id) != targets->end()) {
      errors.error(f->get("also_works")->items[i].where,
                   fmt::format("\"{}\" is in \"targets\" already; \"also_works\" names only what the exercise "
                               "loads besides its targets",
                               id));
      return std::nullopt;
    }
  }
  if (*drill && (*phase != Phase::integrate || positions->empty())) {
    errors.error(f->get("drill")->where,
                 "a drill is an integrate exercise planned for its positions; give it \"phase: integrate\" and "
                 "\"positions\"");
    return std::nullopt;
  }
  if (targets->empty()) {
    errors.error(f->get("targets")->where, "\"targets\" must name at least one muscle or muscle group");
    return std::nullopt;
  }
  if (steps->empty()) {
    errors.error(f->get("steps")->where, "\"steps\" must have at least one step");
    return std::nullopt;
  }
  if (!positions->empty() && *phase != Phase::integrate) {
    errors.error(f->get("positions")->where, "\"positions\" only applies to integrate exercises; remove it");
    return std::nullopt;
  }
  for (std::size_t i = 1; i < progressions->size(); ++i) {
    if ((*progressions)[i].week <= (*progressions)[i - 1].week) {
      errors.error(f->get("progressions")->items[i].where, "progressions must be listed in increasing week order");
      return std::nullopt;
    }
  }
  // A change due by the exercise's first week would apply from its first
  // session: the harder form on day one.
  if (*from_week > 0 && !progressions->empty() && progressions->front().week <= *from_week) {
    errors.error(f->get("progressions")->items[0].where,
                 fmt::format("a progression in week {} is not after \"from_week\" {}, when the exercise starts; "
                             "give it a later week",
                             progressions->front().week, *from_week));
    return std::nullopt;
  }
  entry.id = *entry_id;
  entry.name = *name;
  entry.phase = *phase;
  entry.region = *region;
  entry.targets = *targets;
  entry.also_works = *also_works;
  entry.equipment = *gear;
  entry.resisted = *resisted;
  entry.impact = *impact;
  entry.summary = *summary;
  entry.dose = *dose;
  entry.steps = *steps;
  entry.cues = *cues;
  entry.sources = *source;
  entry.priority = *priority;
  entry.positions = *positions;
  entry.alternatives = *alternatives;
  entry.progressions = *progressions;
  entry.variant_of = *variant_of;
  entry.from_week = *from_week;
  entry.drill = *drill;
  entry.skills = *skills;
  entry.teach = *teach;
  entry.figure = *drawn;
  entry.origin = origin_;
  return entry;
}

std::optional<RedFlag> EntryReader::red_flag(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::red_flag).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::red_flag, *f, node);
  auto question = read_.text(f->get("question"), "question");
  auto why = read_.text(f->get("why"), "why");
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && question && why && source)) {
    return std::nullopt;
  }
  return RedFlag{*entry_id, *question, *why, *source, read_.errors().at(node.where)};
}

std::optional<Symptom> EntryReader::symptom(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::symptom).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::symptom, *f, node);
  auto name = read_.text(f->get("name"), "name");
  auto question = read_.text(f->get("question"), "question");
  auto why = read_.text(f->get("why"), "why");
  auto source = read_.sources(f->get("source"));
  if (!(f->complete && entry_id && name && question && why && source)) {
    return std::nullopt;
  }
  return Symptom{*entry_id, *name, *question, *why, *source, read_.errors().at(node.where)};
}

namespace {

// The largest answer a self-test measures: a length in mm, an angle.
constexpr int max_answer = 1000;

}  // namespace

std::optional<SelfTest> EntryReader::self_test(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::self_test).entry);
  if (!f) {
    return std::nullopt;
  }
  SelfTest entry;
  entry.where = read_.errors().at(node.where);
  auto entry_id = id(EntryKind::self_test, *f, node);
  auto name = read_.line(f->get("name"), "name");
  std::optional<std::string> problem;
  if (const YamlNode* target = f->get("problem")) {
    problem = read_.identifier(target, "problem");
    if (problem) {
      references_.entries.push_back(
          Reference{Reference::To::problem, *problem, file_, target->where, "problem", std::nullopt});
    }
  }
  auto instructions = read_.texts(f->get("instructions"), "instructions");
  auto look_for = read_.text(f->get("look_for"), "look_for");
  auto question = read_.line(f->get("question"), "question");
  const YamlNode* asked_if_node = f->get("asked_if");
  auto asked_if = asked_if_node ? read_.identifier(asked_if_node, "asked_if") : std::optional<std::string>("");
  auto unit = f->get("unit") ? read_.unit(f->get("unit")) : std::nullopt;
  auto comparison = f->get("comparison") ? read_.comparison(f->get("comparison")) : std::nullopt;
  const YamlNode* threshold_node = f->get("threshold");
  const YamlNode* range_node = f->get("range");
  auto threshold =
      threshold_node ? read_.number(threshold_node, "threshold", 0, max_answer) : std::optional<double>(std::nullopt);
  auto range = range_node ? read_.answer_range(range_node, "range", 0, max_answer) : std::optional<Range>(Range{});
  auto per_side = f->get("per_side") ? read_.boolean(f->get("per_side"), "per_side") : std::optional<bool>(false);
  const YamlNode* difference_node = f->get("side_difference");
  auto difference = difference_node ? read_.number(difference_node, "side_difference", 0, max_answer)
                                    : std::optional<double>(std::nullopt);
  auto positive = read_.text(f->get("positive"), "positive");
  auto negative = read_.text(f->get("negative"), "negative");
  auto source = read_.sources(f->get("source"));
  auto drawn = figure(f->get("figure"));
  if (!(f->complete && entry_id && name && problem && instructions && look_for && question && asked_if && unit &&
        comparison && (threshold || !threshold_node) && range && per_side && (difference || !difference_node) &&
        positive && negative && source && drawn)) {
    return std::nullopt;
  }
  LoadErrors& errors = read_.errors();
  if (instructions->empty()) {
    errors.error(f->get("instructions")->where, "\"instructions\" must have at least one step");
    return std::nullopt;
  }
  if (question->empty() || question->back() != '?') {
    errors.error(f->get("question")->where,
                 "\"question\" must be the question asked, ending in \"?\" (for a yes-no test, about the positive "
                 "sign, so that yes means positive)");
    return std::nullopt;
  }
  // value_or: GCC cannot see that both are set here.
  const Unit measured = unit.value_or(Unit::yes_no);
  const Comparison rule = comparison.value_or(Comparison::yes);
  const std::string_view unit_name = to_string(measured);
  if (measured == Unit::yes_no) {
    if (threshold_node != nullptr) {
      errors.error(threshold_node->where,
                   "a yes-no test has no \"threshold\"; remove it, or measure in cm, mm or degrees");
      return std::nullopt;
    }
    if (range_node != nullptr) {
      errors.error(range_node->where, "a yes-no test has no \"range\"; remove it");
      return std::nullopt;
    }
    if (rule != Comparison::yes) {
      errors.error(f->get("comparison")->where, "a yes-no test is positive on a yes; write \"comparison: yes\"");
      return std::nullopt;
    }
  } else {
    if (threshold_node == nullptr) {
      errors.error(node.where, fmt::format("a test measured in {} needs a \"threshold\": the number where a "
                                           "result turns positive",
                                           unit_name));
      return std::nullopt;
    }
    if (range_node == nullptr) {
      errors.error(node.where,
                   fmt::format("a test measured in {} needs a \"range\" of valid answers, like 0-30", unit_name));
      return std::nullopt;
    }
    if (*threshold < range->min || *threshold > range->max) {
      errors.error(threshold_node->where, fmt::format("\"threshold\" {} is outside \"range\" {}; it must lie "
                                                      "within the valid answers",
                                                      threshold_node->value, range_node->value));
      return std::nullopt;
    }
    if (rule == Comparison::yes) {
      errors.error(f->get("comparison")->where,
                   fmt::format("\"comparison: yes\" is for yes-no tests; a test measured in {} is positive "
                               "\"below\" or \"above\" its threshold",
                               unit_name));
      return std::nullopt;
    }
  }
  if (difference_node != nullptr && (measured == Unit::yes_no || !per_side.value_or(false))) {
    errors.error(difference_node->where,
                 "\"side_difference\" is for tests measured on each side (per_side: true, in cm, mm or degrees); "
                 "remove it");
    return std::nullopt;
  }
  entry.id = *entry_id;
  entry.name = *name;
  entry.problem = *problem;
  entry.instructions = *instructions;
  entry.look_for = *look_for;
  entry.question = *question;
  entry.asked_if = *asked_if;
  entry.unit = measured;
  entry.comparison = rule;
  entry.threshold = threshold;
  entry.range = *range;
  entry.per_side = *per_side;
  entry.side_difference = difference;
  entry.positive = *positive;
  entry.negative = *negative;
  entry.sources = *source;
  entry.figure = *drawn;
  return entry;
}

}  // namespace valgus
