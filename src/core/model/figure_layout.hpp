#pragma once

// From a pose to geometry: forward kinematics along the skeleton, props
// placed against the body, the body set down on the floor or on what it
// rests on; then what makes a posture impossible to draw or to hold (out of
// the frame, off balance, through a prop, a prop that touches nothing).
// Pure: skeleton, values and props in, points out. Renderers (SVG, cairo,
// braille) draw a FigureDrawing and compute nothing.

#include "core/model/figure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace valgus {

struct Point {
  double x = 0;
  double y = 0;  // up
};

struct PlacedSegment {
  Segment segment;  // a copy: a drawing outlives the catalogue it came from
  Point from;
  Point to;
  int arch = 0;  // percent, feet only
};

struct PlacedProp {
  PropKind kind;  // copies, as for a segment
  PropUse use;
  Point a;  // circle: centre; block, seat: bottom-left corner; wall: its foot; band: one end
  Point b;  // block, seat: top-right corner; band: the other end
};

struct Posture {
  std::vector<PlacedSegment> segments;  // in skeleton order, hidden ones included
  std::vector<PlacedProp> props;

  [[nodiscard]] const PlacedSegment* find(std::string_view id) const;
};

// What a layout needs besides the values: the view and the props.
struct FigureParts {
  const Skeleton* skeleton = nullptr;
  std::vector<const PropKind*> kinds;  // by prop use, in order
  std::vector<const PropUse*> uses;
  std::string anchor;  // see Pose::anchor
};

// The posture for `values`, resting on the floor or its props, with the
// root (or nothing yet) at x = 0.
[[nodiscard]] Posture lay_out(const FigureParts& parts, const JointValues& values);

// What is wrong with a laid-out posture, one sentence each ("the body
// tips over: ..."); empty when it can be drawn and held.
[[nodiscard]] std::vector<std::string> posture_problems(const FigureParts& parts, const Posture& posture);

// A figure ready to draw: start and end in one frame (the anchor kept in
// place), the arrow, the working side.
struct FigureDrawing {
  std::string view;       // the skeleton's id
  std::string view_name;  // "side view"
  std::string moving;     // what the arrow follows: "right knee"
  int width = 0;
  int height = 0;
  Posture start;
  Posture end;
  bool moves = false;  // the end differs from the start
  std::optional<std::pair<Point, Point>> arrow;
  BodySide working = BodySide::none;
  bool placeholder = false;  // no figure was given: a neutral stance
  std::string title;         // for a screen reader: what the figure shows
};

// Both postures moved into the frame: the anchor's end at the same place,
// the floor 4 units above the frame's bottom, centred across.
[[nodiscard]] FigureDrawing frame_drawing(const FigureParts& parts, const Posture& start, const Posture& end);

// What keeps a framed figure from fitting its frame.
[[nodiscard]] std::vector<std::string> frame_problems(const FigureDrawing& drawing);

// The smallest box around a posture's segments and props (walls count only
// across).
struct Bounds {
  double left = 0;
  double right = 0;
  double bottom = 0;
  double top = 0;
};
[[nodiscard]] Bounds bounds_of(const Posture& posture);

}  // namespace valgus
