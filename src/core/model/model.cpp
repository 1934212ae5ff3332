#include "core/model/model.hpp"

namespace valgus {
namespace {

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<Named<Enum>, N>& table, Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return table[0].name;  // not reached: every value is in its table
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const std::array<Named<Enum>, N>& table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// A field added to a model struct must be compared in operator== and
// written by tools/compile_catalogue.cpp, or the compiled built-in
// catalogue silently loses it and the test comparing it with the loaded one
// cannot tell. The sizes are those of x86_64 with libstdc++ (std::string 32
// bytes, std::vector 24); a small field that fits into padding slips through.
#if defined(__x86_64__) && defined(__GLIBCXX__)
#define VALGUS_FIELDS_OF(type, size)                                                                               \
  static_assert(sizeof(type) == (size), "a field was added to " #type                                              \
                                        ": compare it in operator== and write it in tools/compile_catalogue.cpp, " \
                                        "then update this size")
VALGUS_FIELDS_OF(SourceLocation, 40);
VALGUS_FIELDS_OF(Range, 8);
VALGUS_FIELDS_OF(Dose, 44);
VALGUS_FIELDS_OF(DoseChange, 48);
VALGUS_FIELDS_OF(Progression, 88);
VALGUS_FIELDS_OF(Muscle, 144);
VALGUS_FIELDS_OF(MuscleGroup, 160);
VALGUS_FIELDS_OF(Equipment, 136);
VALGUS_FIELDS_OF(Problem, 208);
VALGUS_FIELDS_OF(SelfTest, 632);
VALGUS_FIELDS_OF(RedFlag, 160);
VALGUS_FIELDS_OF(Symptom, 192);
VALGUS_FIELDS_OF(PhaseRule, 160);
VALGUS_FIELDS_OF(SessionRule, 136);
VALGUS_FIELDS_OF(ProgressionRule, 152);
VALGUS_FIELDS_OF(Exercise, 784);
VALGUS_FIELDS_OF(Position, 160);
VALGUS_FIELDS_OF(Habit, 184);
VALGUS_FIELDS_OF(Note, 216);
VALGUS_FIELDS_OF(Span, 8);
VALGUS_FIELDS_OF(Segment, 200);
VALGUS_FIELDS_OF(Skeleton, 144);
VALGUS_FIELDS_OF(PropKind, 88);
VALGUS_FIELDS_OF(PropUse, 192);
VALGUS_FIELDS_OF(Pose, 240);
VALGUS_FIELDS_OF(Figure, 232);
#undef VALGUS_FIELDS_OF
#endif

}  // namespace

std::string_view to_string(Phase phase) { return name_in(phase_names, phase); }
std::string_view to_string(Region region) { return name_in(region_names, region); }
std::string_view to_string(Side side) { return name_in(side_names, side); }
std::string_view to_string(Placement placement) { return name_in(placement_names, placement); }

std::optional<Phase> parse_phase(std::string_view text) { return value_in(phase_names, text); }
std::optional<Region> parse_region(std::string_view text) { return value_in(region_names, text); }
std::optional<Side> parse_side(std::string_view text) { return value_in(side_names, text); }
std::optional<Placement> parse_placement(std::string_view text) { return value_in(placement_names, text); }
std::string_view to_string(Effort effort) { return name_in(effort_names, effort); }
std::optional<Effort> parse_effort(std::string_view text) { return value_in(effort_names, text); }
std::optional<ProgressionKind> parse_progression_kind(std::string_view text) {
  return value_in(progression_kind_names, text);
}

std::string_view to_string(Unit unit) { return name_in(unit_names, unit); }
std::string_view to_string(Comparison comparison) { return name_in(comparison_names, comparison); }
std::optional<Unit> parse_unit(std::string_view text) { return value_in(unit_names, text); }
std::optional<Comparison> parse_comparison(std::string_view text) { return value_in(comparison_names, text); }

bool SelfTest::positive_at(double answer) const {
  switch (comparison) {
    case Comparison::below: return threshold && answer < *threshold;
    case Comparison::above: return threshold && answer > *threshold;
    case Comparison::yes: return answer != 0;
  }
  return false;
}

}  // namespace valgus
