#include "core/model/figure_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace valgus {
namespace {

constexpr double pi = 3.14159265358979323846;
// How close a point must come to a surface to touch it, and how far into a
// prop it may reach before it passes through (a stroke's width).
constexpr double touch = 0.75;
constexpr double overlap = 1.0;
// How far beyond what it rests on a body's weight may fall before it tips
// over (a stick figure has no feet to spread).
constexpr double balance = 12.0;
// Where the band of a single point is anchored: this far behind it.
constexpr double anchor_distance = 30.0;

double radians(int degrees) { return degrees * pi / 180.0; }

int value_or(const JointValues& values, const std::string& key, int fallback) {
  const auto it = values.find(key);
  return it == values.end() ? fallback : it->second;
}

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// A point of a segment's centre line and how far the segment reaches
// across it, down and sideways (a head: a point of its circle, 0). A
// segment is a bar as long as its bone: drawn with round ends inset by its
// half width, so nothing of it passes its joints.
struct Sample {
  Point p;
  std::size_t segment = 0;
  double r = 0;   // half the width
  double ry = 0;  // how far it reaches below and above the point
  double rx = 0;  // how far it reaches to either side
};

Sample sample_on(const PlacedSegment& s, std::size_t index, double t) {
  const double length = std::max(1e-9, std::hypot(s.to.x - s.from.x, s.to.y - s.from.y));
  const double r = s.segment.width / 2.0;
  const double across_y = std::abs(s.to.x - s.from.x) / length;  // |sin| of the angle from vertical
  const double across_x = std::abs(s.to.y - s.from.y) / length;
  return {
      {s.from.x + t * (s.to.x - s.from.x), s.from.y + t * (s.to.y - s.from.y)}, index, r, r * across_y, r * across_x};
}

// Points along every drawn segment, about one per unit of length (a head:
// around its circle), so the body's weight is their mean.
std::vector<Sample> samples_of(const Posture& posture) {
  std::vector<Sample> out;
  // A segment's round end reaches past a joint (where another segment goes
  // on); a free end (a hand, the toes) is inset and reaches no further.
  std::vector<std::string_view> jointed;
  for (const PlacedSegment& s : posture.segments) {
    if (!s.segment.at_start && !s.segment.parent.empty()) {
      jointed.push_back(s.segment.parent);
    }
  }
  for (std::size_t i = 0; i < posture.segments.size(); ++i) {
    const PlacedSegment& s = posture.segments[i];
    if (s.segment.shape == SegmentShape::hidden) {
      continue;
    }
    const double length = distance(s.from, s.to);
    if (s.segment.shape == SegmentShape::head) {
      const Point centre{(s.from.x + s.to.x) / 2, (s.from.y + s.to.y) / 2};
      const double r = length / 2;
      const int n = std::max(8, static_cast<int>(std::ceil(2 * pi * r)));
      for (int k = 0; k < n; ++k) {
        const double a = 2 * pi * k / n;
        out.push_back({{centre.x + r * std::cos(a), centre.y + r * std::sin(a)}, i, 0.0, 0.0, 0.0});
      }
      continue;
    }
    const int n = std::max(1, static_cast<int>(std::ceil(length)));
    const bool end_jointed = std::find(jointed.begin(), jointed.end(), s.segment.id) != jointed.end();
    for (int k = 0; k <= n; ++k) {
      const double t = static_cast<double>(k) / n;
      Sample sample = sample_on(s, i, t);
      if (k == 0 || (k == n && end_jointed)) {
        sample.rx = sample.r;
        sample.ry = sample.r;
      }
      out.push_back(sample);
    }
  }
  return out;
}

bool rests_on(PropShape shape) {
  return shape == PropShape::roller || shape == PropShape::ball || shape == PropShape::block ||
         shape == PropShape::seat;
}

bool round(PropShape shape) { return shape == PropShape::roller || shape == PropShape::ball; }

// The height of what is under x for `segment`: the floor, or the top of a
// prop placed under that segment (only what a prop is under rests on it;
// the rest of the body may pass in front of it, as legs in front of a seat
// seen from the front).
double support_at(const Posture& posture, double x, const Segment& segment) {
  double top = 0;
  for (const PlacedProp& prop : posture.props) {
    const PropShape shape = prop.kind.shape;
    if (prop.use.under != segment.id) {
      continue;
    }
    if (round(shape)) {
      const double r = prop.kind.width / 2.0;
      const double dx = x - prop.a.x;
      if (std::abs(dx) <= r) {
        top = std::max(top, prop.a.y + std::sqrt(r * r - dx * dx));
      }
    } else if (rests_on(shape) && x >= prop.a.x && x <= prop.b.x) {
      top = std::max(top, prop.b.y);
    }
  }
  return top;
}

// How far a sample reaches inside a prop the body may not pass through (0:
// outside).
double depth_inside(const PlacedProp& prop, const Sample& s) {
  const PropShape shape = prop.kind.shape;
  const Point p = s.p;
  if (round(shape)) {
    return std::max(0.0, prop.kind.width / 2.0 + s.ry - distance(p, prop.a));
  }
  if (rests_on(shape)) {
    return std::max(
        0.0, std::min({p.x + s.rx - prop.a.x, prop.b.x - p.x + s.rx, p.y + s.ry - prop.a.y, prop.b.y - p.y + s.ry}));
  }
  return 0;
}

// How far a sample is from the surface of a prop something rests on.
double gap_to(const PlacedProp& prop, const Sample& s) {
  if (round(prop.kind.shape)) {
    return std::abs(distance(s.p, prop.a) - prop.kind.width / 2.0 - s.ry);
  }
  if (s.p.x < prop.a.x - touch || s.p.x > prop.b.x + touch) {
    return std::numeric_limits<double>::infinity();
  }
  return std::abs(s.p.y - s.ry - prop.b.y);
}

const Segment* segment_named(const Skeleton& skeleton, std::string_view id) {
  for (const Segment& s : skeleton.segments) {
    if (s.id == id) {
      return &s;
    }
  }
  return nullptr;
}

std::string what(const Segment* segment) { return segment != nullptr ? segment->name : std::string("body"); }

// Moves the body, and its props too unless `body_only` (setting the body
// down leaves on the floor what stands there).
void move(Posture& posture, double dx, double dy, bool body_only) {
  for (PlacedSegment& s : posture.segments) {
    s.from = {s.from.x + dx, s.from.y + dy};
    s.to = {s.to.x + dx, s.to.y + dy};
  }
  for (PlacedProp& prop : posture.props) {
    if (!body_only) {
      prop.a = {prop.a.x + dx, prop.a.y + dy};
      prop.b = {prop.b.x + dx, prop.b.y + dy};
    }
  }
}

}  // namespace

const PlacedSegment* Posture::find(std::string_view id) const {
  const auto it =
      std::find_if(segments.begin(), segments.end(), [&](const PlacedSegment& s) { return s.segment.id == id; });
  return it == segments.end() ? nullptr : &*it;
}

Posture lay_out(const FigureParts& parts, const JointValues& values) {
  Posture posture;
  std::map<std::string, std::pair<std::size_t, double>, std::less<>> placed;  // id -> (index, direction)
  for (const Segment& segment : parts.skeleton->segments) {
    Point from{};
    double direction = 0;
    if (const auto parent = placed.find(segment.parent); parent != placed.end()) {
      const PlacedSegment& p = posture.segments[parent->second.first];
      from = segment.at_start ? p.from : p.to;
      direction = parent->second.second;
    }
    direction += segment.rest + segment.sign * value_or(values, segment.id, 0);
    const double length = segment.length * std::cos(radians(value_or(values, segment.id + ".turn", 0)));
    const double a = direction * pi / 180.0;
    const Point to{from.x + length * std::sin(a), from.y + length * std::cos(a)};
    placed.emplace(segment.id, std::make_pair(posture.segments.size(), direction));
    posture.segments.push_back({segment, from, to, value_or(values, segment.id + ".arch", 0)});
  }
  // Props along the body: what it rests on goes under the middle of its
  // segment, a wall against the segment's back or front.
  for (std::size_t i = 0; i < parts.uses.size(); ++i) {
    const PropUse& use = *parts.uses[i];
    const PropKind* kind = parts.kinds[i];
    PlacedProp prop{*kind, use, {}, {}};
    if (const PlacedSegment* under = posture.find(use.under); under != nullptr && rests_on(kind->shape)) {
      // A seat is centred under where its segment starts (the pelvis of a
      // thigh), so the body sits on it with room behind; the rest under
      // the segment's middle.
      const double x = kind->shape == PropShape::seat ? under->from.x : (under->from.x + under->to.x) / 2;
      if (round(kind->shape)) {
        prop.a = {x, kind->width / 2.0};
      } else {
        prop.a = {x - kind->width / 2.0, 0};
        prop.b = {x + kind->width / 2.0, static_cast<double>(kind->height)};
      }
    } else if (kind->shape == PropShape::wall) {
      const bool behind = !use.behind.empty();
      const PlacedSegment* against = posture.find(behind ? use.behind : use.ahead);
      double x = 0;
      if (against != nullptr) {
        const double r = sample_on(*against, 0, 0).rx;
        x = behind ? std::min(against->from.x, against->to.x) - r : std::max(against->from.x, against->to.x) + r;
        if (against->segment.shape == SegmentShape::head) {
          const double radius = distance(against->from, against->to) / 2;
          x = (against->from.x + against->to.x) / 2 + (behind ? -radius : radius);
        }
      }
      prop.a = {x, 0};
      prop.b = {x, static_cast<double>(kind->height)};
    }
    posture.props.push_back(prop);
  }
  // Set down: the lowest point relative to what is under it touches it.
  double lift = -std::numeric_limits<double>::infinity();
  for (const Sample& s : samples_of(posture)) {
    lift = std::max(lift, support_at(posture, s.p.x, posture.segments[s.segment].segment) - (s.p.y - s.ry));
  }
  if (std::isfinite(lift)) {
    move(posture, 0, lift, true);
  }
  // Bands between the ends of their segments (after the body is set down).
  for (std::size_t i = 0; i < parts.uses.size(); ++i) {
    if (parts.kinds[i]->shape != PropShape::band) {
      continue;
    }
    const auto& around = parts.uses[i]->around;
    const PlacedSegment* first = around.empty() ? nullptr : posture.find(around.front());
    const PlacedSegment* second = around.size() < 2 ? nullptr : posture.find(around[1]);
    if (first == nullptr) {
      continue;
    }
    posture.props[i].a = first->to;
    posture.props[i].b = second != nullptr ? second->to : Point{first->to.x - anchor_distance, first->to.y};
  }
  return posture;
}

std::vector<std::string> posture_problems(const FigureParts& parts, const Posture& posture) {
  std::vector<std::string> problems;
  const auto samples = samples_of(posture);
  if (samples.empty()) {
    return problems;
  }
  // Balance: the body's weight over what it rests on (floor, props, walls).
  double least = std::numeric_limits<double>::infinity();
  double most = -least;
  double sum = 0;
  for (const Sample& s : samples) {
    sum += s.p.x;
    bool resting = std::abs(s.p.y - s.ry - support_at(posture, s.p.x, posture.segments[s.segment].segment)) <= touch;
    for (const PlacedProp& prop : posture.props) {
      resting = resting || (prop.kind.shape == PropShape::wall &&
                            (std::abs(s.p.x - s.rx - prop.a.x) <= touch || std::abs(s.p.x + s.rx - prop.a.x) <= touch));
    }
    if (resting) {
      least = std::min(least, s.p.x);
      most = std::max(most, s.p.x);
    }
  }
  const double weight = sum / static_cast<double>(samples.size());
  if (weight < least - balance || weight > most + balance) {
    problems.push_back(fmt::format(
        "the body tips over: its weight falls {:.0f} units beyond where it rests; bend a joint so it rests under "
        "the body or add the prop it leans on",
        weight < least ? least - weight : weight - most));
  }
  // Through props: no part of the body inside a prop or beyond a wall.
  for (std::size_t i = 0; i < posture.props.size(); ++i) {
    const PlacedProp& prop = posture.props[i];
    const PropUse& use = *parts.uses[i];
    std::vector<std::size_t> reported;
    for (const Sample& s : samples) {
      if (parts.skeleton->props_behind && prop.kind.shape != PropShape::wall) {
        break;  // in this view props stand behind the body: nothing passes through them
      }
      double depth = depth_inside(prop, s);
      if (prop.kind.shape == PropShape::wall) {
        depth = use.behind.empty() ? s.p.x + s.rx - prop.a.x : prop.a.x - (s.p.x - s.rx);
      }
      if (depth > overlap && std::find(reported.begin(), reported.end(), s.segment) == reported.end()) {
        reported.push_back(s.segment);
        problems.push_back(
            fmt::format("the {} passes through the {}", what(&posture.segments[s.segment].segment), prop.kind.id));
      }
    }
    // A prop the body rests on touches the segment it is under.
    if (rests_on(prop.kind.shape) && !use.under.empty()) {
      double gap = std::numeric_limits<double>::infinity();
      for (const Sample& s : samples) {
        if (posture.segments[s.segment].segment.id == use.under) {
          gap = std::min(gap, gap_to(prop, s));
        }
      }
      if (gap > 2 * touch) {
        problems.push_back(fmt::format("the {} under the {} does not touch it; lower that part of the body onto it",
                                       prop.kind.id, what(segment_named(*parts.skeleton, use.under))));
      }
    }
    if (prop.kind.shape == PropShape::band && distance(prop.a, prop.b) > prop.kind.width) {
      problems.push_back(fmt::format("the {} stretches to {:.0f} units, beyond its {}; bring its ends closer",
                                     prop.kind.id, distance(prop.a, prop.b), prop.kind.width));
    }
  }
  return problems;
}

Bounds bounds_of(const Posture& posture) {
  Bounds b{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  const auto add = [&](Point p, double r) {
    b.left = std::min(b.left, p.x - r);
    b.right = std::max(b.right, p.x + r);
    b.bottom = std::min(b.bottom, p.y - r);
    b.top = std::max(b.top, p.y + r);
  };
  for (const PlacedSegment& s : posture.segments) {
    if (s.segment.shape == SegmentShape::head) {
      add({(s.from.x + s.to.x) / 2, (s.from.y + s.to.y) / 2}, distance(s.from, s.to) / 2);
    } else if (s.segment.shape != SegmentShape::hidden) {
      add(s.from, s.segment.width / 2.0);
      add(s.to, s.segment.width / 2.0);
    }
  }
  for (const PlacedProp& prop : posture.props) {
    if (round(prop.kind.shape)) {
      add(prop.a, prop.kind.width / 2.0);
    } else if (prop.kind.shape == PropShape::wall) {
      b.left = std::min(b.left, prop.a.x);
      b.right = std::max(b.right, prop.a.x);
    } else {
      add(prop.a, 0);
      add(prop.b, 0);
    }
  }
  if (!std::isfinite(b.left)) {
    return Bounds{};
  }
  return b;
}

FigureDrawing frame_drawing(const FigureParts& parts, const Posture& start, const Posture& end) {
  FigureDrawing drawing;
  drawing.view = parts.skeleton->id;
  drawing.view_name = parts.skeleton->name;
  drawing.width = parts.skeleton->width;
  drawing.height = parts.skeleton->height;
  drawing.start = start;
  drawing.end = end;
  const auto anchor_of = [&](const Posture& p) {
    const PlacedSegment* a = parts.anchor.empty() ? nullptr : p.find(parts.anchor);
    if (a != nullptr) {
      return a->to;
    }
    return p.segments.empty() ? Point{} : p.segments.front().from;
  };
  const double shift = anchor_of(start).x - anchor_of(end).x;
  move(drawing.end, shift, 0, false);
  const Bounds a = bounds_of(drawing.start);
  const Bounds b = bounds_of(drawing.end);
  const double left = std::min(a.left, b.left);
  const double right = std::max(a.right, b.right);
  const double dx = drawing.width / 2.0 - (left + right) / 2;
  constexpr double floor_margin = 4.0;
  move(drawing.start, dx, floor_margin, false);
  move(drawing.end, dx, floor_margin, false);
  for (std::size_t i = 0; i < drawing.start.segments.size() && i < drawing.end.segments.size(); ++i) {
    const auto& s = drawing.start.segments[i];
    const auto& e = drawing.end.segments[i];
    drawing.moves = drawing.moves || distance(s.from, e.from) > 0.5 || distance(s.to, e.to) > 0.5 || s.arch != e.arch;
  }
  return drawing;
}

std::vector<std::string> frame_problems(const FigureDrawing& drawing) {
  const Bounds a = bounds_of(drawing.start);
  const Bounds b = bounds_of(drawing.end);
  const double wide = std::max(a.right, b.right) - std::min(a.left, b.left);
  const double tall = std::max(a.top, b.top);
  std::vector<std::string> problems;
  if (wide > drawing.width - 2.0 || tall > drawing.height - 2.0) {
    problems.push_back(
        fmt::format("the figure takes {:.0f} x {:.0f} units, more than the {} view's frame of {} x {}; "
                    "fold it smaller or draw it in another view",
                    wide, tall, drawing.view, drawing.width - 2, drawing.height - 2));
  }
  return problems;
}

}  // namespace valgus
