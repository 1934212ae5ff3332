#include "core/catalogue/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {
namespace {

// As for the model structs (model.cpp): a section added to Catalogue must be
// in its tied() and written by tools/compile_catalogue.cpp.
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(Catalogue) == 648,
              "a member was added to Catalogue: if it is a section, compare it in tied() and write it in "
              "tools/compile_catalogue.cpp, then update this size");
#endif

template <typename T>
void build_index(const std::vector<T>& items, std::map<std::string, std::size_t, std::less<>>& index) {
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    index.emplace(items[i].id, i);
  }
}

template <typename T>
const T* find_in(const std::vector<T>& items, const std::map<std::string, std::size_t, std::less<>>& index,
                 std::string_view id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) {
    ids.push_back(item.id);
  }
  return ids;
}

}  // namespace

void Catalogue::reindex() {
  build_index(muscles, muscle_index_);
  build_index(muscle_groups, group_index_);
  build_index(equipment, equipment_index_);
  build_index(problems, problem_index_);
  build_index(exercises, exercise_index_);
}

const Muscle* Catalogue::find_muscle(std::string_view id) const { return find_in(muscles, muscle_index_, id); }
const MuscleGroup* Catalogue::find_muscle_group(std::string_view id) const {
  return find_in(muscle_groups, group_index_, id);
}
const Equipment* Catalogue::find_equipment(std::string_view id) const {
  return find_in(equipment, equipment_index_, id);
}
namespace {

// "Foam_Roller " and "foam roller" compare equal: lower case, separators as
// one space, no space at either end.
std::string equipment_key(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  bool pending_space = false;
  for (const char c : word) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) {
      key += ' ';
      pending_space = false;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace

std::vector<const Equipment*> Catalogue::equipment_named(std::string_view word) const {
  std::vector<const Equipment*> found;
  if (const Equipment* exact = find_equipment(word)) {
    found.push_back(exact);
    return found;
  }
  const std::string key = equipment_key(word);
  if (key.empty()) {
    return found;
  }
  for (const Equipment& item : equipment) {
    bool named = equipment_key(item.id) == key || equipment_key(item.name) == key;
    for (std::size_t i = 0; !named && i < item.aliases.size(); ++i) {
      named = equipment_key(item.aliases[i]) == key;
    }
    if (named) {
      found.push_back(&item);
    }
  }
  return found;
}

const Problem* Catalogue::find_problem(std::string_view id) const { return find_in(problems, problem_index_, id); }
const Exercise* Catalogue::find_exercise(std::string_view id) const { return find_in(exercises, exercise_index_, id); }

const Position* Catalogue::find_position(std::string_view id) const {
  const auto it =
      std::find_if(positions.begin(), positions.end(), [&](const Position& position) { return position.id == id; });
  return it == positions.end() ? nullptr : &*it;
}

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const SelfTest* Catalogue::find_self_test(std::string_view id) const { return find_by_id(self_tests, id); }

const Symptom* Catalogue::find_symptom(std::string_view id) const { return find_by_id(symptoms, id); }
const Skeleton* Catalogue::find_skeleton(std::string_view id) const { return find_by_id(skeletons, id); }
const PropKind* Catalogue::find_prop(std::string_view id) const { return find_by_id(props, id); }
const Pose* Catalogue::find_pose(std::string_view id) const { return find_by_id(poses, id); }

const ProgressionRule* Catalogue::progression_rule(ProgressionKind kind) const {
  for (const auto& rule : progression_rules) {
    if (parse_progression_kind(rule.id) == kind) {
      return &rule;
    }
  }
  return nullptr;
}

Range Catalogue::per_week(Phase phase) const {
  const PhaseRule* rule = find_by_id(phase_rules, to_string(phase));
  return rule != nullptr ? rule->per_week : Range{1, 7};
}

std::optional<int> Catalogue::session_most(Phase phase) const {
  const PhaseRule* rule = find_by_id(phase_rules, to_string(phase));
  return rule != nullptr ? rule->session_most : std::nullopt;
}

int Catalogue::session_least(Phase phase) const {
  const PhaseRule* rule = find_by_id(phase_rules, to_string(phase));
  return rule != nullptr ? rule->session_least : 0;
}

std::optional<int> Catalogue::shortlist(Phase phase) const {
  const PhaseRule* rule = find_by_id(phase_rules, to_string(phase));
  return rule != nullptr ? rule->shortlist : std::nullopt;
}

int Catalogue::active_share_percent() const {
  int percent = 0;
  for (const auto& rule : session_rules) {
    percent = std::max(percent, rule.active_percent);
  }
  return percent;
}

std::vector<const SelfTest*> Catalogue::self_tests_for(std::string_view id) const {
  std::vector<const SelfTest*> found;
  for (const SelfTest& test : self_tests) {
    if (test.problem == id) {
      found.push_back(&test);
    }
  }
  return found;
}

std::vector<std::string> Catalogue::expand_muscles(std::string_view id) const {
  if (const auto* group = find_muscle_group(id)) {
    return group->members;
  }
  return {std::string(id)};
}

namespace {

// Everyday words first, the anatomical name in brackets for a clinician or
// a search: "side of the hip (gluteus medius)".
std::string plain_then_name(const std::string& plain, const std::string& name) {
  return plain.empty() || plain == name ? name : plain + " (" + name + ")";
}

}  // namespace

std::string Catalogue::muscle_name(std::string_view id) const {
  if (const auto* muscle = find_muscle(id)) {
    return plain_then_name(muscle->plain, muscle->name);
  }
  if (const auto* group = find_muscle_group(id)) {
    return plain_then_name(group->plain, group->name);
  }
  return std::string(id);
}

std::string Catalogue::equipment_name(std::string_view id) const {
  const auto* item = find_equipment(id);
  return item ? item->name : std::string(id);
}

std::vector<std::string> Catalogue::problem_ids() const { return ids_of(problems); }
std::vector<std::string> Catalogue::exercise_ids() const { return ids_of(exercises); }
std::vector<std::string> Catalogue::equipment_ids() const { return ids_of(equipment); }
std::vector<std::string> Catalogue::position_ids() const { return ids_of(positions); }

std::vector<std::string> Catalogue::kit_ids() const {
  std::vector<std::string> ids;
  for (const auto& item : equipment) {
    if (!item.household) {
      ids.push_back(item.id);
    }
  }
  return ids;
}

}  // namespace valgus
