#include "core/catalogue/cross_references.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

// A test asked only after another must come after it in the questionnaire,
// be asked the same way (per side or not), and follow a test that is itself
// always asked, so that the question can be settled when it comes.
void check_asked_if(const Catalogue& catalogue, LoadErrors& errors) {
  std::vector<std::string> earlier;
  for (const SelfTest& test : catalogue.self_tests) {
    if (!test.asked_if.empty()) {
      const SelfTest* first = catalogue.find_self_test(test.asked_if);
      const bool before = std::find(earlier.begin(), earlier.end(), test.asked_if) != earlier.end();
      if (first == nullptr || !before) {
        errors.error(test.where, fmt::format("\"asked_if\" names \"{}\", which is not a self-test listed before "
                                             "\"{}\"{}; name an earlier test",
                                             test.asked_if, test.id, did_you_mean_suffix(test.asked_if, earlier)));
      } else if (first->per_side != test.per_side) {
        errors.error(test.where, fmt::format("\"{}\" is asked_if \"{}\", but only one of them is per_side; "
                                             "ask both per side or neither",
                                             test.id, test.asked_if));
      } else if (!first->asked_if.empty()) {
        errors.error(test.where, fmt::format("\"{}\" is asked_if \"{}\", which is itself asked only sometimes; "
                                             "name a test that is always asked",
                                             test.id, test.asked_if));
      }
    }
    earlier.push_back(test.id);
  }
}

}  // namespace

void check_references(Catalogue& catalogue, const References& references, LoadErrors& errors) {
  catalogue.reindex();
  const auto where_of = [&](const Reference& ref) { return errors.at(ref.file, ref.mark); };
  std::vector<std::string> muscle_ids;
  for (const auto& m : catalogue.muscles) {
    muscle_ids.push_back(m.id);
  }
  std::vector<std::string> target_ids = muscle_ids;
  for (const auto& g : catalogue.muscle_groups) {
    target_ids.push_back(g.id);
    if (const auto* clash = catalogue.find_muscle(g.id)) {
      errors.error(g.where, fmt::format("muscle group \"{}\" has the same id as the muscle at {}:{}:{}; rename one",
                                        g.id, clash->where.file, clash->where.line, clash->where.column));
    }
  }
  for (const auto& ref : references.group_members) {
    if (catalogue.find_muscle(ref.id) == nullptr) {
      errors.error(where_of(ref), fmt::format("unknown muscle \"{}\" in \"members\"{}", ref.id,
                                              did_you_mean_suffix(ref.id, muscle_ids)));
    }
  }
  const auto exercise_ids = catalogue.exercise_ids();
  const auto equipment_ids = catalogue.equipment_ids();
  for (const auto& ref : references.entries) {
    switch (ref.to) {
      case Reference::To::muscle:
        if (catalogue.find_muscle(ref.id) == nullptr && catalogue.find_muscle_group(ref.id) == nullptr) {
          errors.error(where_of(ref), fmt::format("unknown muscle or muscle group \"{}\" in \"{}\"{}", ref.id,
                                                  ref.field, did_you_mean_suffix(ref.id, target_ids)));
        }
        break;
      case Reference::To::equipment:
        if (catalogue.find_equipment(ref.id) == nullptr) {
          errors.error(where_of(ref),
                       fmt::format("unknown equipment \"{}\"{}", ref.id, did_you_mean_suffix(ref.id, equipment_ids)));
        }
        break;
      case Reference::To::position:
        if (catalogue.find_position(ref.id) == nullptr) {
          const auto valid = catalogue.position_ids();
          errors.error(where_of(ref), fmt::format("unknown position \"{}\"{}; positions are {}", ref.id,
                                                  did_you_mean_suffix(ref.id, valid), join(valid, ", ")));
        }
        break;
      case Reference::To::problem:
        if (catalogue.find_problem(ref.id) == nullptr) {
          errors.error(where_of(ref), fmt::format("unknown problem \"{}\" in \"{}\"{}", ref.id, ref.field,
                                                  did_you_mean_suffix(ref.id, catalogue.problem_ids())));
        }
        break;
      case Reference::To::exercise: {
        const Exercise* other = catalogue.find_exercise(ref.id);
        if (other == nullptr) {
          errors.error(where_of(ref), fmt::format("unknown exercise \"{}\" in \"{}\"{}", ref.id, ref.field,
                                                  did_you_mean_suffix(ref.id, exercise_ids)));
        } else if (ref.phase && other->phase != *ref.phase) {
          errors.error(where_of(ref),
                       fmt::format("\"{}\" in \"{}\" is a {} exercise; it must share this exercise's phase \"{}\"",
                                   ref.id, ref.field, to_string(other->phase), to_string(*ref.phase)));
        } else if (ref.field == "variant_of" && !other->variant_of.empty()) {
          errors.error(where_of(ref),
                       fmt::format("\"{}\" is itself a variant of \"{}\"; name the main exercise instead", ref.id,
                                   other->variant_of));
        }
        break;
      }
    }
  }
  check_asked_if(catalogue, errors);
}

}  // namespace valgus
