#include "valgus/model.hpp"

namespace valgus {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view text, const std::array<Enum, N>& values) {
  for (const Enum value : values) {
    if (to_string(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Phase phase) {
  switch (phase) {
    case Phase::release: return "release";
    case Phase::stretch: return "stretch";
    case Phase::strengthen: return "strengthen";
    case Phase::integrate: return "integrate";
  }
  return "release";
}

std::string_view to_string(Region region) {
  switch (region) {
    case Region::pelvis: return "pelvis";
    case Region::hip: return "hip";
    case Region::knee: return "knee";
    case Region::ankle: return "ankle";
    case Region::foot: return "foot";
  }
  return "hip";
}

std::string_view to_string(Side side) {
  switch (side) {
    case Side::both: return "both";
    case Side::left: return "left";
    case Side::right: return "right";
  }
  return "both";
}

std::optional<Phase> parse_phase(std::string_view text) { return parse_enum(text, all_phases); }
std::optional<Region> parse_region(std::string_view text) { return parse_enum(text, all_regions); }
std::optional<Side> parse_side(std::string_view text) {
  return parse_enum(text, std::array<Side, 3>{Side::both, Side::left, Side::right});
}

}  // namespace valgus
