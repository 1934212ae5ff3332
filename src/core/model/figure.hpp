#pragma once

// Figures drawn from data. A view (side, front) is a skeleton: segments in a
// tree, each turned from its parent by one joint angle. A pose sets those
// angles; an exercise names a pose and changes a few joints for its start
// and its end, says which point the arrow follows, which leg works and which
// props it uses. Every number is whole: degrees, percent, figure units
// (a standing body is about 100 tall).

#include "core/model/error.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace valgus {

// How a segment is drawn.
enum class SegmentShape { limb, head, foot, hidden };
inline constexpr std::array<std::pair<SegmentShape, std::string_view>, 4> segment_shape_names{
    {{SegmentShape::limb, "limb"},
     {SegmentShape::head, "head"},
     {SegmentShape::foot, "foot"},
     {SegmentShape::hidden, "hidden"}}};

// Which side of the body a segment belongs to (the working leg is drawn in
// the accent colour; in a side view the left side is the far one).
enum class BodySide { none, left, right, both };
inline constexpr std::array<std::pair<BodySide, std::string_view>, 4> body_side_names{
    {{BodySide::none, "none"}, {BodySide::left, "left"}, {BodySide::right, "right"}, {BodySide::both, "both"}}};

// How a prop is drawn and what it does: `roller` and `ball` are circles and
// `block` a box the body rests on, `seat` a chair, `wall` a vertical plane
// the body leans on, `band` a loop between two points (or from one point to
// an anchor).
enum class PropShape { roller, ball, block, seat, wall, band };
inline constexpr std::array<std::pair<PropShape, std::string_view>, 6> prop_shape_names{{{PropShape::roller, "roller"},
                                                                                         {PropShape::ball, "ball"},
                                                                                         {PropShape::block, "block"},
                                                                                         {PropShape::seat, "seat"},
                                                                                         {PropShape::wall, "wall"},
                                                                                         {PropShape::band, "band"}}};

// A closed range of whole numbers (degrees or percent).
struct Span {
  int min = 0;
  int max = 0;

  [[nodiscard]] bool holds(int value) const { return value >= min && value <= max; }
  friend bool operator==(const Span& a, const Span& b) { return a.min == b.min && a.max == b.max; }
};

// One segment of a skeleton: it starts where its parent ends (or starts,
// with `at_start`), points `rest` degrees clockwise from its parent's
// direction when its joint is at 0, and turns `sign` degrees per degree of
// its joint. The root's parent direction is straight up.
struct Segment {
  std::string id;
  std::string name;    // what its end point is called: "right knee"
  std::string parent;  // empty: the root, at the pelvis
  bool at_start = false;
  int length = 0;
  int width = 3;  // drawn this thick (round ends), and as thick when it rests on something
  int rest = 0;
  int sign = 1;
  Span range;                // the joint's angle, degrees
  std::optional<Span> turn;  // out of the picture's plane, degrees (drawn shorter): shin and foot turned out
  std::optional<Span> arch;  // a foot's arch height, percent
  SegmentShape shape = SegmentShape::limb;
  BodySide side = BodySide::none;
  SourceLocation where;

  [[nodiscard]] auto tied() const {
    return std::tie(id, name, parent, at_start, length, width, rest, sign, range, turn, arch, shape, side, where);
  }
  friend bool operator==(const Segment& a, const Segment& b) { return a.tied() == b.tied(); }
};

struct Skeleton {
  std::string id;  // the view: "side", "front"
  std::string name;
  int width = 0;  // the frame every figure of this view fits in
  int height = 0;
  // Props stand behind the body in this view (the front view: a chair
  // behind the legs), so nothing passes through them.
  bool props_behind = false;
  std::vector<Segment> segments;  // parents before children
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, width, height, props_behind, segments, where); }
  friend bool operator==(const Skeleton& a, const Skeleton& b) { return a.tied() == b.tied(); }
};

// A kind of prop: its shape and size in figure units.
struct PropKind {
  std::string id;  // usually an equipment id: foam-roller, chair, wall
  PropShape shape = PropShape::block;
  int width = 0;
  int height = 0;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, shape, width, height, where); }
  friend bool operator==(const PropKind& a, const PropKind& b) { return a.tied() == b.tied(); }
};

// A prop placed against the body: under a segment (what it rests on),
// behind or ahead of one (a wall), or around the ends of one or two (a band;
// with one, to an anchor behind).
struct PropUse {
  std::string prop;
  std::string under;
  std::string behind;
  std::string ahead;
  std::vector<std::string> around;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(prop, under, behind, ahead, around, where); }
  friend bool operator==(const PropUse& a, const PropUse& b) { return a.tied() == b.tied(); }
};

// Joint values by key: a segment id (its angle), or "<segment>.turn" and
// "<segment>.arch".
using JointValues = std::map<std::string, int>;

// A base posture: standing, lying on the back, ...
struct Pose {
  std::string id;
  std::string name;
  std::string view;  // a skeleton id
  JointValues joints;
  // The segment whose end stays in place between a figure's start and end
  // (the feet of a squat); empty: the root.
  std::string anchor;
  std::vector<PropUse> props;
  SourceLocation where;

  [[nodiscard]] auto tied() const { return std::tie(id, name, view, joints, anchor, props, where); }
  friend bool operator==(const Pose& a, const Pose& b) { return a.tied() == b.tied(); }
};

// An exercise's or a self-test's figure: a pose with changes for the start
// and the end. Empty `pose`: none was given (a neutral placeholder is drawn).
struct Figure {
  std::string pose;
  JointValues start;
  JointValues end;
  std::string arrow;  // the segment whose end the arrow follows; empty: no arrow
  BodySide working = BodySide::none;
  std::vector<PropUse> props;
  SourceLocation where;

  [[nodiscard]] bool given() const { return !pose.empty(); }
  [[nodiscard]] auto tied() const { return std::tie(pose, start, end, arrow, working, props, where); }
  friend bool operator==(const Figure& a, const Figure& b) { return a.tied() == b.tied(); }
  friend bool operator!=(const Figure& a, const Figure& b) { return !(a == b); }
};

[[nodiscard]] std::string_view to_string(SegmentShape shape);
[[nodiscard]] std::string_view to_string(BodySide side);
[[nodiscard]] std::string_view to_string(PropShape shape);
[[nodiscard]] std::optional<SegmentShape> parse_segment_shape(std::string_view text);
[[nodiscard]] std::optional<BodySide> parse_body_side(std::string_view text);
[[nodiscard]] std::optional<PropShape> parse_prop_shape(std::string_view text);

}  // namespace valgus
