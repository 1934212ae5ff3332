#include "core/model/figure.hpp"

#include <algorithm>

namespace valgus {
namespace {

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const auto& entry) { return entry.first == value; });
  return it == table.end() ? table[0].second : it->second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const auto& entry) { return entry.second == name; });
  return it == table.end() ? std::nullopt : std::optional<Enum>(it->first);
}

}  // namespace

std::string_view to_string(SegmentShape shape) { return name_in(segment_shape_names, shape); }
std::string_view to_string(BodySide side) { return name_in(body_side_names, side); }
std::string_view to_string(PropShape shape) { return name_in(prop_shape_names, shape); }
std::optional<SegmentShape> parse_segment_shape(std::string_view text) { return value_in(segment_shape_names, text); }
std::optional<BodySide> parse_body_side(std::string_view text) { return value_in(body_side_names, text); }
std::optional<PropShape> parse_prop_shape(std::string_view text) { return value_in(prop_shape_names, text); }

}  // namespace valgus
