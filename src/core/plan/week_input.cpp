// The week's integer programme as the planner poses it (week_input.hpp).

#include "core/plan/week_input.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace valgus::week_input {

namespace {

// Muscle ids to the indices of the release and stretch exercises that work
// them: one pass over the exercises, so conflicts are found by lookup, not by
// a scan per pair.
std::map<std::string, std::vector<int>, std::less<>> loosening_index(const Catalogue& catalogue,
                                                                     const std::vector<PlannedExercise>& exercises) {
  std::map<std::string, std::vector<int>, std::less<>> index;
  for (std::size_t j = 0; j < exercises.size(); ++j) {
    const Phase phase = exercises[j].exercise.phase;
    if (phase != Phase::release && phase != Phase::stretch) {
      continue;
    }
    for (const auto& target : exercises[j].exercise.targets) {
      for (auto& muscle : catalogue.expand_muscles(target)) {
        auto& list = index[muscle];
        if (list.empty() || list.back() != static_cast<int>(j)) {
          list.push_back(static_cast<int>(j));
        }
      }
    }
  }
  return index;
}

}  // namespace

std::vector<Need> needs_of(const PlanInput& in) {
  std::vector<Need> needs;
  for (const Problem* problem : in.problems) {
    for (const auto& muscle : problem->underactive) {
      needs.push_back({problem, muscle, true});
    }
    for (const auto& muscle : problem->overactive) {
      needs.push_back({problem, muscle, false});
    }
  }
  return needs;
}

bool phase_serves(Phase phase, bool weak) {
  return weak ? phase == Phase::strengthen : phase == Phase::release || phase == Phase::stretch;
}

// Whether `planned` works need `need` in the phase the need asks for.
bool covers(const PlannedExercise& planned, const Need& need) {
  if (!phase_serves(planned.exercise.phase, need.weak)) {
    return false;
  }
  return std::any_of(planned.reasons.begin(), planned.reasons.end(), [&](const Reason& reason) {
    return reason.problem_id == need.problem->id &&
           std::find(reason.muscle_ids.begin(), reason.muscle_ids.end(), need.muscle) != reason.muscle_ids.end();
  });
}

// The exercises a week chooses among, as a physiotherapist's short list
// (each phase's `shortlist` in the catalogue): each muscle's best few
// (priority, so essential ones first, then the shorter, then catalogue
// order; the phases that serve a muscle share its count) and, of a phase
// that serves no muscle, the week's best few (those training the position
// first). Alternatives beyond it would rarely win a goal before the last;
// leaving them out keeps the integer programme small whatever the
// catalogue's size.

std::vector<PlannedExercise> shortlist(const PlanInput& in, std::vector<PlannedExercise> exercises) {
  const std::vector<Need> needs = needs_of(in);
  std::vector<bool> keep(exercises.size(), false);
  std::vector<std::size_t> order(exercises.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  const auto key = [&](std::size_t i) {
    const PlannedExercise& planned = exercises[i];
    return std::make_tuple(!trains_position(planned, in.position), planned.exercise.priority, planned.seconds, i);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<int> per_need(needs.size(), 0);
  std::array<int, 4> per_phase{};
  for (const std::size_t i : order) {
    const PlannedExercise& planned = exercises[i];
    const Phase phase = planned.exercise.phase;
    const int most = in.catalogue.shortlist(phase).value_or(static_cast<int>(exercises.size()));
    bool serves = false;
    for (std::size_t n = 0; n < needs.size(); ++n) {
      if (covers(planned, needs[n])) {
        serves = true;
        keep[i] = keep[i] || per_need[n] < most;
      }
    }
    // A phase that serves no muscle (integration) counts for the week.
    if (!serves && !phase_serves(phase, true) && !phase_serves(phase, false) &&
        per_phase[static_cast<std::size_t>(phase)] < most) {
      keep[i] = true;
    }
    per_phase[static_cast<std::size_t>(phase)] += keep[i] ? 1 : 0;
    for (std::size_t n = 0; n < needs.size(); ++n) {
      per_need[n] += keep[i] && covers(planned, needs[n]) ? 1 : 0;
    }
  }
  std::vector<PlannedExercise> kept;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (keep[i]) {
      kept.push_back(std::move(exercises[i]));
    }
  }
  return kept;
}

Model model_of(const PlanInput& in, const std::vector<PlannedExercise>& exercises, bool week) {
  const Catalogue& catalogue = in.catalogue;
  Model model;
  model.needs = needs_of(in);
  for ([[maybe_unused]] const Need& need : model.needs) {
    model.input.needs.push_back(WeekNeed{need.weak});
  }
  std::vector<int> coverers(model.needs.size(), 0);
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const PlannedExercise& planned = exercises[i];
    WeekItem item;
    item.phase = planned.exercise.phase;
    item.seconds = planned.seconds;
    item.per_week = week ? catalogue.per_week(item.phase) : Range{1, 1};
    item.resisted = week && planned.exercise.resisted;
    item.position = trains_position(planned, in.position);
    item.prescribed = planned.exercise.priority == 1 && item.phase != Phase::integrate;
    item.essential = planned.exercise.priority == 1;
    for (std::size_t n = 0; n < model.needs.size(); ++n) {
      if (covers(planned, model.needs[n])) {
        item.needs.push_back(static_cast<int>(n));
        ++coverers[n];
      }
    }
    item.rank = planned.exercise.priority * static_cast<int>(exercises.size()) + static_cast<int>(i);
    model.input.items.push_back(std::move(item));
  }
  // A strengthen exercise stays out of a session that loosens a muscle it
  // works or also works, unless it is a weak muscle's only exercise.
  const auto loosened = loosening_index(catalogue, exercises);
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    WeekItem& item = model.input.items[i];
    if (item.phase != Phase::strengthen || std::any_of(item.needs.begin(), item.needs.end(), [&](int n) {
          return coverers[static_cast<std::size_t>(n)] == 1;
        })) {
      continue;
    }
    std::set<int> apart;
    const Exercise& exercise = exercises[i].exercise;
    for (const auto* list : {&exercise.targets, &exercise.also_works}) {
      for (const auto& id : *list) {
        for (const auto& muscle : catalogue.expand_muscles(id)) {
          if (const auto found = loosened.find(muscle); found != loosened.end()) {
            apart.insert(found->second.begin(), found->second.end());
          }
        }
      }
    }
    item.apart_from.assign(apart.begin(), apart.end());
  }
  // An active exercise whose progression lengthens it may keep its
  // earlier dose, and a harder form its easier one: an item beside it, never
  // chosen with it, that the progressed goal ranks below it, so a week gives
  // up the harder dose or form only to hold a weak muscle's work or the
  // position drill.
  // Each earlier dose of `form` shorter than its own, as `like` at that dose.
  auto& items = model.input.items;
  const auto add_earlier_doses = [&items](const WeekItem& like, const PlannedExercise& form) {
    for (const EarlierDose& earlier : form.earlier) {
      if (earlier.seconds < form.seconds) {
        WeekItem lighter = like;
        lighter.stage = earlier.stage;
        lighter.seconds = earlier.seconds;
        items.push_back(std::move(lighter));
      }
    }
  };
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (exercises[i].exercise.phase != Phase::strengthen && exercises[i].exercise.phase != Phase::integrate) {
      continue;
    }
    items[i].stage = exercises[i].stage;  // counted only against the lighter doses beside it
    WeekItem like = items[i];
    like.lighter_of = static_cast<int>(i);
    add_earlier_doses(like, exercises[i]);
    // The easier form this harder one replaced, at its dose and its earlier
    // ones, with what it works: the week may keep it instead.
    for (const PlannedExercise& base : exercises[i].base_form) {
      WeekItem easier = like;
      easier.stage = base.stage;
      easier.seconds = base.seconds;
      easier.resisted = week && base.exercise.resisted;
      easier.position = trains_position(base, in.position);
      easier.needs.clear();
      for (std::size_t n = 0; n < model.needs.size(); ++n) {
        if (covers(base, model.needs[n])) {
          easier.needs.push_back(static_cast<int>(n));
        }
      }
      add_earlier_doses(easier, base);
      items.push_back(std::move(easier));
    }
  }
  Composition& rules = model.input.composition;
  if (week) {
    for (const Phase phase : all_phases) {
      rules.most[static_cast<std::size_t>(phase)] = catalogue.session_most(phase);
      rules.least[static_cast<std::size_t>(phase)] = catalogue.session_least(phase);
    }
    rules.active_percent = catalogue.active_share_percent();
  }
  // A full routine within its minutes is one session, and it too retrains
  // the movement.
  rules.integrate_every_session = true;
  WeekShape& shape = model.input.shape;
  shape.weekdays = week ? in.request.days : std::vector<int>{0};
  if (in.request.minutes) {
    shape.seconds = std::int64_t{*in.request.minutes} * 60;
  }
  shape.exercises = in.request.max_exercises;
  shape.need_position = in.position.has_value();
  return model;
}

}  // namespace valgus::week_input
