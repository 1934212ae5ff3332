#include "render/figure_cairo.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace valgus {
namespace {

constexpr double pi = 3.14159265358979323846;

constexpr Rgb far_ink{0.541, 0.541, 0.541};
constexpr Rgb prop_ink{0.333, 0.333, 0.333};
constexpr Rgb prop_fill{0.898, 0.898, 0.898};
constexpr Rgb floor_ink{0.733, 0.733, 0.733};

// The figure's frame (y up, its own units) onto the page (y down, points),
// mapped here rather than by cairo's matrix: with a matrix that flips y,
// cairo's PDF writes that matrix again around every stroke.
struct Frame {
  double left = 0;
  double bottom = 0;  // the page's y of the frame's y = 0
  double scale = 1;

  [[nodiscard]] Point operator()(Point p) const { return {left + p.x * scale, bottom - p.y * scale}; }
  [[nodiscard]] double length(double units) const { return units * scale; }
};

bool highlighted(const FigureDrawing& d, BodySide side) {
  return d.working != BodySide::none && side != BodySide::none && (d.working == BodySide::both || d.working == side);
}

void line(cairo_t* cr, const Frame& f, Point a, Point b, double width) {
  cairo_set_line_width(cr, f.length(width));
  const Point from = f(a);
  const Point to = f(b);
  cairo_move_to(cr, from.x, from.y);
  cairo_line_to(cr, to.x, to.y);
  // A straight line goes into the PDF as it is, whatever the tolerance;
  // cairo uses the tolerance only for the outline of the stroke's round
  // ends when it measures what the stroke covers (the page needs no image
  // fallback): a polygon of some 50 corners at its default of 0.1, each a
  // sine and a cosine, 28,000 of them for the handout's figures. The same
  // PDF bytes, 7 M instructions fewer.
  const double tolerance = cairo_get_tolerance(cr);
  cairo_set_tolerance(cr, 1);
  cairo_stroke(cr);
  cairo_set_tolerance(cr, tolerance);
}

void circle(cairo_t* cr, const Frame& f, Point centre, double radius) {
  const Point c = f(centre);
  cairo_arc(cr, c.x, c.y, f.length(radius), 0, 2 * pi);
}

// The current path filled light grey with a thin dark outline (a solid prop).
void fill_and_outline(cairo_t* cr, const Frame& f) {
  set_colour(cr, prop_fill);
  cairo_fill_preserve(cr);
  set_colour(cr, prop_ink);
  cairo_set_line_width(cr, f.length(1));
  cairo_stroke(cr);
}

void prop(cairo_t* cr, const Frame& f, const PlacedProp& p) {
  const double w = p.kind.width;
  switch (p.kind.shape) {
    case PropShape::roller:
    case PropShape::ball:
      circle(cr, f, p.a, w / 2);
      fill_and_outline(cr, f);
      break;
    case PropShape::block: {
      const Point a = f(p.a);
      const Point b = f(p.b);
      cairo_rectangle(cr, a.x, a.y, b.x - a.x, b.y - a.y);
      fill_and_outline(cr, f);
      break;
    }
    case PropShape::seat:
      set_colour(cr, prop_ink);
      line(cr, f, {p.a.x, p.b.y}, {p.b.x, p.b.y}, 2);
      line(cr, f, {p.a.x + 1, p.b.y}, {p.a.x + 1, p.a.y}, 2);
      line(cr, f, {p.b.x - 1, p.b.y}, {p.b.x - 1, p.a.y}, 2);
      line(cr, f, {p.a.x, p.b.y}, {p.a.x, p.b.y + 22}, 2);
      break;
    case PropShape::wall:
      set_colour(cr, prop_ink);
      line(cr, f, p.a, p.b, 2);
      break;
    case PropShape::band: {
      set_colour(cr, accent);
      const std::array<double, 2> dash{f.length(3), f.length(2)};
      cairo_set_dash(cr, dash.data(), static_cast<int>(dash.size()), 0);
      line(cr, f, p.a, p.b, 2);
      cairo_set_dash(cr, nullptr, 0, 0);
      break;
    }
  }
}

void posture(cairo_t* cr, const Frame& f, const FigureDrawing& d, const Posture& p, double alpha) {
  for (const bool far_pass : {true, false}) {
    for (const PlacedSegment& s : p.segments) {
      const Segment& seg = s.segment;
      const bool far = d.view == "side" && seg.side == BodySide::left;
      if (seg.shape == SegmentShape::hidden || far != far_pass) {
        continue;
      }
      set_colour(cr, highlighted(d, seg.side) ? accent : far ? far_ink : ink, alpha);
      const double length = std::hypot(s.to.x - s.from.x, s.to.y - s.from.y);
      if (seg.shape == SegmentShape::head) {
        circle(cr, f, {(s.from.x + s.to.x) / 2, (s.from.y + s.to.y) / 2}, length / 2);
        cairo_fill(cr);
        continue;
      }
      // A free end stops where the bone does (as in the SVG).
      const bool free_end = std::none_of(p.segments.begin(), p.segments.end(), [&](const PlacedSegment& o) {
        return o.segment.parent == seg.id && !o.segment.at_start;
      });
      const double inset = free_end ? std::min(seg.width / 2.0, length / 2) / std::max(length, 1e-9) : 0.0;
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      line(cr, f, s.from, {s.to.x - inset * (s.to.x - s.from.x), s.to.y - inset * (s.to.y - s.from.y)}, seg.width);
    }
  }
}

}  // namespace

void draw_figure_cairo(cairo_t* cr, const FigureDrawing& d, double x, double y, double width) {
  if (d.width <= 0 || d.height <= 0) {
    return;
  }
  cairo_save(cr);
  const double scale = width / d.width;
  // The layout's y runs up from the frame's bottom.
  const Frame f{x, y + d.height * scale, scale};
  set_colour(cr, floor_ink);
  line(cr, f, {0, 4}, {static_cast<double>(d.width), 4}, 1);
  for (const PlacedProp& p : d.end.props) {
    prop(cr, f, p);
  }
  if (d.moves) {
    posture(cr, f, d, d.start, 0.3);
  }
  posture(cr, f, d, d.end, d.placeholder ? 0.45 : 1.0);
  if (d.arrow) {
    // Worked out in the figure's frame, as the SVG does, then mapped.
    const Point from = d.arrow->first;
    const Point to = d.arrow->second;
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    const Point control{(from.x + to.x) / 2 - dy * 0.2, (from.y + to.y) / 2 + dx * 0.2};
    const double an = std::max(1e-6, std::hypot(to.x - control.x, to.y - control.y));
    const double ux = (to.x - control.x) / an;
    const double uy = (to.y - control.y) / an;
    const double head = std::min(5.0, std::hypot(dx, dy) / 2);
    const Point start = f(from);
    const Point bend = f(control);
    const Point tip = f(to);
    const Point left = f({to.x - head * ux - head * 0.5 * uy, to.y - head * uy + head * 0.5 * ux});
    const Point right = f({to.x - head * ux + head * 0.5 * uy, to.y - head * uy - head * 0.5 * ux});
    set_colour(cr, accent);
    cairo_set_line_width(cr, f.length(1.5));
    // The SVG's quadratic curve, as the cubic cairo draws: its control
    // points two thirds of the way from each end to the bend.
    cairo_move_to(cr, start.x, start.y);
    cairo_curve_to(cr, start.x + 2 * (bend.x - start.x) / 3, start.y + 2 * (bend.y - start.y) / 3,
                   tip.x + 2 * (bend.x - tip.x) / 3, tip.y + 2 * (bend.y - tip.y) / 3, tip.x, tip.y);
    cairo_stroke(cr);
    cairo_move_to(cr, tip.x, tip.y);
    cairo_line_to(cr, left.x, left.y);
    cairo_line_to(cr, right.x, right.y);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

}  // namespace valgus
