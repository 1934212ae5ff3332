// The figure sections (skeletons, props, poses) and an entry's "figure":
// read value by value like every other entry. What needs the whole
// catalogue (a pose's view, a joint's range, whether the body rests on
// something) is checked in figure_rules.cpp once every file is in.

#include "core/catalogue/catalogue_entries.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {
namespace {

// Bounds on what one entry may hold: far beyond a real skeleton or pose, and
// a bound on what drawing one costs.
constexpr std::size_t max_segments = 48;
constexpr std::size_t max_joint_values = 96;
constexpr std::size_t max_props = 8;
constexpr int max_length = 200;  // a segment, in figure units (a body is about 100 tall)
constexpr int max_frame = 600;
constexpr int max_degrees = 360;

// A joint key: a segment id, or one followed by ".turn" or ".arch".
bool joint_key(std::string_view key) {
  const auto dot = key.find('.');
  const std::string_view base = key.substr(0, dot);
  if (dot != std::string_view::npos && key.substr(dot) != ".turn" && key.substr(dot) != ".arch") {
    return false;
  }
  return !base.empty() && base.size() <= max_id_characters && std::all_of(base.begin(), base.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

template <typename T>
bool within(LoadErrors& errors, const YamlNode* node, const std::optional<std::vector<T>>& items, std::size_t most,
            std::string_view field) {
  if (items && items->size() > most) {
    errors.error(node->where, fmt::format("\"{}\" has {} entries; at most {} are allowed", field, items->size(), most));
    return false;
  }
  return true;
}

// A word of a name table ("head", "left"): nullopt, with "unknown NOUN X;
// choose ..." reported, for any other word; nullopt without a report for a
// missing node (fields() reports a missing required field).
template <typename Parse>
auto choice(FieldReader& read, const YamlNode* node, std::string_view field, std::string_view noun, Parse parse,
            std::string_view choices) -> decltype(parse(std::string_view{})) {
  if (node == nullptr) {
    return std::nullopt;
  }
  const auto word = read.line(node, field);
  if (!word) {
    return std::nullopt;
  }
  if (const auto parsed = parse(*word)) {
    return parsed;
  }
  read.errors().error(node->where, fmt::format("unknown {} {}; choose {}", noun, describe(*node), choices));
  return std::nullopt;
}

}  // namespace

std::optional<Span> EntryReader::span(const YamlNode* node, std::string_view field, int low, int high) {
  if (node == nullptr) {
    return std::nullopt;
  }
  if (node->kind != YamlNode::Kind::sequence || node->items.size() != 2) {
    read_.errors().error(node->where,
                         fmt::format("\"{}\" must be two numbers, [least, most], not {}", field, describe(*node)));
    return std::nullopt;
  }
  const auto least = read_.integer(&node->items[0], field, low, high);
  const auto most = read_.integer(&node->items[1], field, low, high);
  if (!least || !most) {
    return std::nullopt;
  }
  if (*least > *most) {
    read_.errors().error(node->where,
                         fmt::format("\"{}\" runs from {} down to {}; give the least first", field, *least, *most));
    return std::nullopt;
  }
  return Span{*least, *most};
}

std::optional<Segment> EntryReader::segment(const YamlNode* node) {
  auto f = read_.fields(*node, segment_schema());
  if (!f) {
    return std::nullopt;
  }
  Segment s;
  s.where = read_.errors().at(node->where);
  auto id = read_.identifier(f->get("id"), "id");
  auto name = read_.line(f->get("name"), "name");
  auto parent = f->get("parent") ? read_.identifier(f->get("parent"), "parent") : std::optional<std::string>("");
  bool at_start = false;
  bool at_ok = true;
  if (const YamlNode* at = f->get("at")) {
    const auto word = read_.line(at, "at");
    at_ok = word && (*word == "start" || *word == "end");
    at_start = at_ok && *word == "start";
    if (word && !at_ok) {
      read_.errors().error(at->where,
                           fmt::format("\"at\" is \"start\" or \"end\" of the parent, not {}", describe(*at)));
    }
  }
  auto length = read_.integer(f->get("length"), "length", 0, max_length);
  auto width = f->get("width") ? read_.integer(f->get("width"), "width", 1, 20) : std::optional<int>(3);
  auto rest = f->get("rest") ? read_.integer(f->get("rest"), "rest", -max_degrees, max_degrees) : std::optional<int>(0);
  auto sign = f->get("sign") ? read_.integer(f->get("sign"), "sign", -1, 1) : std::optional<int>(1);
  auto range = span(f->get("range"), "range", -max_degrees, max_degrees);
  auto turn = f->get("turn") ? span(f->get("turn"), "turn", -89, 89) : std::nullopt;
  auto arch = f->get("arch") ? span(f->get("arch"), "arch", 0, 100) : std::nullopt;
  const auto shape = f->get("shape") ? choice(read_, f->get("shape"), "shape", "shape", parse_segment_shape,
                                              "limb, head, foot or hidden")
                                     : std::optional<SegmentShape>(SegmentShape::limb);
  // A segment is on one side or none; "both" is for what works.
  const auto one_side = [](std::string_view word) {
    const auto side = parse_body_side(word);
    return side == BodySide::both ? std::nullopt : side;
  };
  const auto side = f->get("side") ? choice(read_, f->get("side"), "side", "side", one_side, "left, right or none")
                                   : std::optional<BodySide>(BodySide::none);
  const bool turn_ok = !f->get("turn") || turn;
  const bool arch_ok = !f->get("arch") || arch;
  if (!(f->complete && id && name && parent && at_ok && length && width && rest && sign && range && turn_ok &&
        arch_ok && shape && side)) {
    return std::nullopt;
  }
  if (*sign == 0) {
    read_.errors().error(f->get("sign")->where, "\"sign\" is 1 or -1: which way the joint turns the segment");
    return std::nullopt;
  }
  s.id = *id;
  s.name = *name;
  s.parent = *parent;
  s.at_start = at_start;
  s.length = *length;
  s.width = *width;
  s.rest = *rest;
  s.sign = *sign;
  s.range = *range;
  s.turn = turn;
  s.arch = arch;
  s.shape = *shape;
  s.side = *side;
  return s;
}

std::optional<Skeleton> EntryReader::skeleton(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::skeleton).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::skeleton, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto width = read_.integer(f->get("width"), "width", 10, max_frame);
  auto height = read_.integer(f->get("height"), "height", 10, max_frame);
  auto segments = read_.list(f->get("segments"), "segments", [&](const YamlNode* item) { return segment(item); });
  auto behind =
      f->get("props_behind") ? read_.boolean(f->get("props_behind"), "props_behind") : std::optional<bool>(false);
  if (!(f->complete && entry_id && name && width && height && segments && behind &&
        within(read_.errors(), f->get("segments"), segments, max_segments, "segments"))) {
    return std::nullopt;
  }
  return Skeleton{*entry_id, *name, *width, *height, *behind, *segments, read_.errors().at(node.where)};
}

std::optional<PropKind> EntryReader::prop_kind(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::prop).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::prop, *f, node);
  auto shape =
      choice(read_, f->get("shape"), "shape", "shape", parse_prop_shape, "roller, ball, block, seat, wall or band");
  auto width = read_.integer(f->get("width"), "width", 1, max_length);
  auto height = read_.integer(f->get("height"), "height", 0, max_length);
  if (!(f->complete && entry_id && shape && width && height)) {
    return std::nullopt;
  }
  return PropKind{*entry_id, *shape, *width, *height, read_.errors().at(node.where)};
}

std::optional<JointValues> EntryReader::joint_values(const YamlNode* node, std::string_view field) {
  if (node == nullptr) {
    return JointValues{};
  }
  if (node->kind != YamlNode::Kind::mapping) {
    read_.errors().error(
        node->where, fmt::format("\"{}\" must map joints to degrees (\"shin_r: 90\"), not {}", field, describe(*node)));
    return std::nullopt;
  }
  if (node->entries.size() > max_joint_values) {
    read_.errors().error(node->where, fmt::format("\"{}\" sets {} joints; at most {} are allowed", field,
                                                  node->entries.size(), max_joint_values));
    return std::nullopt;
  }
  JointValues values;
  bool good = true;
  for (const auto& [key, value] : node->entries) {
    if (key.kind != YamlNode::Kind::scalar || !joint_key(key.value)) {
      read_.errors().error(
          key.where, fmt::format("{} is no joint: a segment id, or one with \".turn\" or \".arch\"", describe(key)));
      good = false;
      continue;
    }
    const auto degrees = read_.integer(&value, field, -max_degrees, max_degrees);
    if (!degrees) {
      good = false;
    } else if (!values.emplace(std::string(key.value), *degrees).second) {
      read_.errors().error(key.where, fmt::format("joint \"{}\" is set twice; keep one", key.value));
      good = false;
    }
  }
  return good ? std::optional<JointValues>(std::move(values)) : std::nullopt;
}

std::optional<std::vector<PropUse>> EntryReader::prop_uses(const YamlNode* node) {
  auto uses = read_.list(node, "props", [&](const YamlNode* item) -> std::optional<PropUse> {
    auto f = read_.fields(*item, prop_use_schema());
    if (!f) {
      return std::nullopt;
    }
    const auto optional_id = [&](std::string_view key) {
      return f->get(key) ? read_.identifier(f->get(key), key) : std::optional<std::string>("");
    };
    auto prop = read_.identifier(f->get("prop"), "prop");
    auto under = optional_id("under");
    auto behind = optional_id("behind");
    auto ahead = optional_id("ahead");
    auto around = read_.list(f->get("around"), "around",
                             [&](const YamlNode* point) { return read_.identifier(point, "around"); });
    if (!(f->complete && prop && under && behind && ahead && around)) {
      return std::nullopt;
    }
    const int places = static_cast<int>(!under->empty()) + static_cast<int>(!behind->empty()) +
                       static_cast<int>(!ahead->empty()) + static_cast<int>(!around->empty());
    if (places != 1 || around->size() > 2) {
      read_.errors().error(item->where,
                           "a prop goes in one place: \"under\", \"behind\" or \"ahead\" of a segment, "
                           "or \"around\" the ends of one or two");
      return std::nullopt;
    }
    return PropUse{*prop, *under, *behind, *ahead, *around, read_.errors().at(item->where)};
  });
  if (!within(read_.errors(), node, uses, max_props, "props")) {
    return std::nullopt;
  }
  return uses;
}

std::optional<Pose> EntryReader::pose(const YamlNode& node) {
  auto f = read_.fields(node, section(EntryKind::pose).entry);
  if (!f) {
    return std::nullopt;
  }
  auto entry_id = id(EntryKind::pose, *f, node);
  auto name = read_.line(f->get("name"), "name");
  auto view = read_.identifier(f->get("view"), "view");
  auto joints = joint_values(f->get("joints"), "joints");
  auto anchor = f->get("anchor") ? read_.identifier(f->get("anchor"), "anchor") : std::optional<std::string>("");
  auto props = prop_uses(f->get("props"));
  if (!(f->complete && entry_id && name && view && joints && anchor && props)) {
    return std::nullopt;
  }
  return Pose{*entry_id, *name, *view, *joints, *anchor, *props, read_.errors().at(node.where)};
}

std::optional<Figure> EntryReader::figure(const YamlNode* node) {
  if (node == nullptr) {
    return Figure{};
  }
  auto f = read_.fields(*node, figure_schema());
  if (!f) {
    return std::nullopt;
  }
  auto pose_id = read_.identifier(f->get("pose"), "pose");
  auto start = joint_values(f->get("start"), "start");
  auto end = joint_values(f->get("end"), "end");
  auto arrow = f->get("arrow") ? read_.identifier(f->get("arrow"), "arrow") : std::optional<std::string>("");
  const auto working = f->get("working") ? choice(read_, f->get("working"), "working", "side", parse_body_side,
                                                  "left, right, both or none")
                                         : std::optional<BodySide>(BodySide::none);
  auto props = prop_uses(f->get("props"));
  if (!(f->complete && pose_id && start && end && arrow && working && props)) {
    return std::nullopt;
  }
  return Figure{*pose_id, *start, *end, *arrow, *working, *props, read_.errors().at(node->where)};
}

}  // namespace valgus
