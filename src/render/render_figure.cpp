#include "render/figure.hpp"

#include "render/render_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace valgus {
namespace {

constexpr const char* ink = "#1a1a1a";
constexpr const char* far_ink = "#8a8a8a";  // the far side of a side view
constexpr const char* accent = "#c2410c";   // the working side: dark orange, still dark in grey print
constexpr const char* prop_ink = "#555555";

bool highlighted(const FigureDrawing& d, BodySide side) {
  return d.working != BodySide::none && side != BodySide::none && (d.working == BodySide::both || d.working == side);
}

// In a side view the left side is the far one.
bool far_side(const FigureDrawing& d, BodySide side) { return d.view == "side" && side == BodySide::left; }

std::string xml(std::string_view text) { return markup_escape(text); }

// SVG's y runs down; the layout's up.
struct Svg {
  double height = 0;
  [[nodiscard]] std::string x(double v) const { return fmt::format("{:.1f}", v); }
  [[nodiscard]] std::string y(double v) const { return fmt::format("{:.1f}", height - v); }
};

std::string svg_prop(const Svg& s, const PlacedProp& prop) {
  const PropKind& kind = prop.kind;
  switch (kind.shape) {
    case PropShape::roller:
    case PropShape::ball:
      return fmt::format(R"(<circle class="prop" cx="{}" cy="{}" r="{:.1f}" fill="#e5e5e5" stroke="{}"/>)",
                         s.x(prop.a.x), s.y(prop.a.y), kind.width / 2.0, prop_ink);
    case PropShape::block:
      return fmt::format(
          R"(<rect class="prop" x="{}" y="{}" width="{:.1f}" height="{:.1f}" fill="#e5e5e5" stroke="{}"/>)",
          s.x(prop.a.x), s.y(prop.b.y), prop.b.x - prop.a.x, prop.b.y - prop.a.y, prop_ink);
    case PropShape::seat: {
      // A seat on two legs with a back at its rear edge (behind the body).
      const double back = prop.a.x;
      return fmt::format(
          R"(<path class="prop" d="M{} {}H{}M{} {}V{}M{} {}V{}M{} {}V{}" fill="none" stroke="{}" stroke-width="2"/>)",
          s.x(prop.a.x), s.y(prop.b.y), s.x(prop.b.x), s.x(prop.a.x + 1), s.y(prop.b.y), s.y(prop.a.y),
          s.x(prop.b.x - 1), s.y(prop.b.y), s.y(prop.a.y), s.x(back), s.y(prop.b.y), s.y(prop.b.y + 22), prop_ink);
    }
    case PropShape::wall:
      return fmt::format(R"(<line class="prop" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"/>)",
                         s.x(prop.a.x), s.y(prop.a.y), s.x(prop.a.x), s.y(prop.b.y), prop_ink);
    case PropShape::band:
      return fmt::format(
          R"(<line class="prop band" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" stroke-dasharray="3 2"/>)",
          s.x(prop.a.x), s.y(prop.a.y), s.x(prop.b.x), s.y(prop.b.y), accent);
  }
  return {};
}

std::string svg_posture(const Svg& s, const FigureDrawing& d, const Posture& posture, std::string_view which,
                        bool dashed) {
  std::string out = fmt::format(R"(<g class="pose {}"{}>)", which,
                                which == "start" ? R"( opacity="0.3")" : (dashed ? R"( opacity="0.45")" : ""));
  // Far side first, so the near side is drawn over it.
  for (const bool far_pass : {true, false}) {
    for (const PlacedSegment& p : posture.segments) {
      const Segment& seg = p.segment;
      if (seg.shape == SegmentShape::hidden || far_side(d, seg.side) != far_pass) {
        continue;
      }
      const char* colour = highlighted(d, seg.side) ? accent : far_pass ? far_ink : ink;
      const std::string dash = dashed ? R"( stroke-dasharray="4 3")" : "";
      if (seg.shape == SegmentShape::head) {
        out += fmt::format(R"(<circle cx="{}" cy="{}" r="{:.1f}" fill="{}"{}/>)", s.x((p.from.x + p.to.x) / 2),
                           s.y((p.from.y + p.to.y) / 2), std::hypot(p.to.x - p.from.x, p.to.y - p.from.y) / 2, colour,
                           dashed ? R"( fill-opacity="0.5")" : "");
        continue;
      }
      // A free end (a hand, the toes) is inset by half the width, so its
      // round end stops where the bone does; at a joint the ends overlap.
      const double length = std::hypot(p.to.x - p.from.x, p.to.y - p.from.y);
      const bool free_end = std::none_of(posture.segments.begin(), posture.segments.end(), [&](const PlacedSegment& o) {
        return o.segment.parent == seg.id && !o.segment.at_start;
      });
      const double inset = free_end ? std::min(seg.width / 2.0, length / 2) / std::max(length, 1e-9) : 0.0;
      const Point a = p.from;
      const Point b{p.to.x - inset * (p.to.x - p.from.x), p.to.y - inset * (p.to.y - p.from.y)};
      out += fmt::format(
          R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}" stroke-linecap="round"{}/>)", s.x(a.x),
          s.y(a.y), s.x(b.x), s.y(b.y), colour, seg.width, dash);
      if (seg.shape == SegmentShape::foot && p.arch > 0) {
        // The arch: a notch cut up into the sole, as high as the data says
        // (at 100 percent, through most of the foot).
        const double length_x = p.to.x - p.from.x;
        const double length_y = p.to.y - p.from.y;
        const double n = std::max(1e-9, std::hypot(length_x, length_y));
        const double ux = length_x / n;
        const double uy = length_y / n;
        const double half = seg.width / 2.0;
        // The sole is the side away from the shin.
        const PlacedSegment* shin = posture.find(seg.parent);
        const double up_x = shin != nullptr ? shin->from.x - shin->to.x : 0.0;
        const double up_y = shin != nullptr ? shin->from.y - shin->to.y : 1.0;
        const bool flip = uy * up_x - ux * up_y > 0;
        const double nx = flip ? -uy : uy;
        const double ny = flip ? ux : -ux;
        const double sole_x = nx * half;
        const double sole_y = ny * half;
        const double rise = seg.width * 0.9 * p.arch / 100.0;
        const Point heel{p.from.x + 0.2 * length_x + sole_x, p.from.y + 0.2 * length_y + sole_y};
        const Point ball{p.from.x + 0.85 * length_x + sole_x, p.from.y + 0.85 * length_y + sole_y};
        const Point top{(heel.x + ball.x) / 2 - nx * rise * 2, (heel.y + ball.y) / 2 - ny * rise * 2};
        out += fmt::format(R"(<path class="arch" d="M{} {}Q{} {} {} {}Z" fill="#ffffff"/>)", s.x(heel.x), s.y(heel.y),
                           s.x(top.x), s.y(top.y), s.x(ball.x), s.y(ball.y));
      }
    }
  }
  return out + "</g>";
}

std::string svg_arrow(const Svg& s, Point from, Point to) {
  // A gentle curve, its head drawn as a triangle (no marker ids to clash
  // when many figures share a page).
  const double dx = to.x - from.x;
  const double dy = to.y - from.y;
  const double length = std::hypot(dx, dy);
  const Point control{(from.x + to.x) / 2 - dy * 0.2, (from.y + to.y) / 2 + dx * 0.2};
  const double ax = to.x - control.x;
  const double ay = to.y - control.y;
  const double an = std::max(1e-6, std::hypot(ax, ay));
  const double ux = ax / an;
  const double uy = ay / an;
  const double head = std::min(5.0, length / 2);
  const Point left{to.x - head * ux - head * 0.5 * uy, to.y - head * uy + head * 0.5 * ux};
  const Point right{to.x - head * ux + head * 0.5 * uy, to.y - head * uy - head * 0.5 * ux};
  return fmt::format(R"(<g class="arrow"><path d="M{} {}Q{} {} {} {}" fill="none" stroke="{}" stroke-width="1.5"/>)"
                     R"(<path d="M{} {}L{} {}L{} {}Z" fill="{}"/></g>)",
                     s.x(from.x), s.y(from.y), s.x(control.x), s.y(control.y), s.x(to.x), s.y(to.y), accent, s.x(to.x),
                     s.y(to.y), s.x(left.x), s.y(left.y), s.x(right.x), s.y(right.y), accent);
}

// ---- braille -----------------------------------------------------------------

class Dots {
 public:
  Dots(int columns, int rows) : columns_(columns), rows_(rows), bits_(static_cast<std::size_t>(columns * rows)) {}

  void set(double x, double y) {
    const int ix = static_cast<int>(std::lround(x));
    const int iy = static_cast<int>(std::lround(y));
    if (ix < 0 || iy < 0 || ix >= columns_ * 2 || iy >= rows_ * 4) {
      return;
    }
    static constexpr std::array<std::array<unsigned char, 4>, 2> bit{
        {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}};
    bits_[static_cast<std::size_t>(iy / 4) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(ix / 2)] |=
        bit.at(static_cast<std::size_t>(ix % 2)).at(static_cast<std::size_t>(iy % 4));
  }

  void line(double x0, double y0, double x1, double y1, int every = 1) {
    const int steps = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(x1 - x0), std::abs(y1 - y0)) * 2)));
    for (int k = 0; k <= steps; k += every) {
      const double t = static_cast<double>(k) / steps;
      set(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
    }
  }

  void circle(double cx, double cy, double r) {
    const int steps = std::max(12, static_cast<int>(std::ceil(r * 8)));
    for (int k = 0; k < steps; ++k) {
      const double a = 2 * 3.14159265358979323846 * k / steps;
      set(cx + r * std::cos(a), cy + r * std::sin(a));
    }
  }

  [[nodiscard]] std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (int r = 0; r < rows_; ++r) {
      std::string row;
      for (int c = 0; c < columns_; ++c) {
        const unsigned code =
            0x2800U +
            bits_[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(c)];
        row += static_cast<char>(0xE0U | (code >> 12U));
        row += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
        row += static_cast<char>(0x80U | (code & 0x3FU));
      }
      out.push_back(row);
    }
    return out;
  }

 private:
  int columns_;
  int rows_;
  std::vector<unsigned char> bits_;
};

// One posture in `columns` braille cells across, the frame scaled to fit.
std::vector<std::string> braille_panel(const FigureDrawing& d, const Posture& posture, int columns) {
  const double scale = columns * 2.0 / d.width;
  const int rows = static_cast<int>(std::ceil(d.height * scale / 4.0));
  Dots dots(columns, rows);
  const auto px = [&](double x) { return x * scale; };
  const auto py = [&](double y) { return (d.height - y) * scale; };
  dots.line(0, py(4), columns * 2.0 - 1, py(4), 2);  // the floor, dotted
  for (const PlacedProp& prop : posture.props) {
    switch (prop.kind.shape) {
      case PropShape::roller:
      case PropShape::ball: dots.circle(px(prop.a.x), py(prop.a.y), prop.kind.width / 2.0 * scale); break;
      case PropShape::block:
      case PropShape::seat:
        dots.line(px(prop.a.x), py(prop.b.y), px(prop.b.x), py(prop.b.y));
        dots.line(px(prop.a.x), py(prop.b.y), px(prop.a.x), py(prop.a.y));
        dots.line(px(prop.b.x), py(prop.b.y), px(prop.b.x), py(prop.a.y));
        break;
      case PropShape::wall: dots.line(px(prop.a.x), py(4), px(prop.a.x), py(prop.b.y)); break;
      case PropShape::band: dots.line(px(prop.a.x), py(prop.a.y), px(prop.b.x), py(prop.b.y), 2); break;
    }
  }
  for (const PlacedSegment& p : posture.segments) {
    if (p.segment.shape == SegmentShape::hidden) {
      continue;
    }
    if (p.segment.shape == SegmentShape::head) {
      dots.circle(px((p.from.x + p.to.x) / 2), py((p.from.y + p.to.y) / 2),
                  std::hypot(p.to.x - p.from.x, p.to.y - p.from.y) / 2 * scale);
    } else {
      dots.line(px(p.from.x), py(p.from.y), px(p.to.x), py(p.to.y));
    }
  }
  auto lines = dots.lines();
  // Rows of nothing above the figure only cost screen.
  const std::string blank = Dots(columns, 1).lines().front();
  while (lines.size() > 1 && lines.front() == blank) {
    lines.erase(lines.begin());
  }
  return lines;
}

std::string centred(std::string_view label, int columns) {
  const int pad = std::max(0, (columns - static_cast<int>(label.size())) / 2);
  return std::string(static_cast<std::size_t>(pad), ' ') + std::string(label);
}

}  // namespace

std::string describe_figure(const FigureDrawing& d) {
  if (d.placeholder) {
    return "No figure is drawn for this yet; a neutral standing figure stands in.";
  }
  std::string text = fmt::format("Stick figure, {}.", d.view_name);
  if (d.moves) {
    text += " The start position is drawn faint and the end position solid";
    text += d.arrow ? fmt::format("; the arrow follows the {}.", d.moving) : std::string(".");
  } else {
    text += " The position is held.";
  }
  if (d.working == BodySide::both) {
    text += " Both sides work.";
  } else if (d.working != BodySide::none) {
    text += fmt::format(" The working side, the {}, is highlighted.", to_string(d.working));
  }
  return text;
}

std::string render_figure_svg(const FigureDrawing& d, const std::string& id_prefix) {
  const Svg s{static_cast<double>(d.height)};
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="figure" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc">)",
      d.width, d.height, d.width, d.height, id_prefix, id_prefix);
  out += fmt::format(R"(<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>)", id_prefix, xml(d.title),
                     id_prefix, xml(describe_figure(d)));
  out += fmt::format(R"(<line class="floor" x1="0" y1="{}" x2="{}" y2="{}" stroke="#bbbbbb" stroke-width="1"/>)",
                     s.y(4), d.width, s.y(4));
  for (const PlacedProp& prop : d.end.props) {
    out += svg_prop(s, prop);
  }
  if (d.moves) {
    out += svg_posture(s, d, d.start, "start", d.placeholder);
  }
  out += svg_posture(s, d, d.end, "end", d.placeholder);
  if (d.arrow) {
    out += svg_arrow(s, d.arrow->first, d.arrow->second);
  }
  return out + "</svg>\n";
}

std::string render_figure_braille(const FigureDrawing& d, int columns) {
  if (d.width <= 0 || d.height <= 0 || d.end.segments.empty()) {
    return {};
  }
  constexpr int gap = 4;
  const int panel = std::min(38, d.moves ? (columns - gap) / 2 : columns);
  if (panel < 16) {
    return {};
  }
  const auto first = braille_panel(d, d.moves ? d.start : d.end, panel);
  std::string out;
  if (!d.moves) {
    for (const auto& line : first) {
      out += line + "\n";
    }
    return out + centred(d.placeholder ? "(no figure yet)" : "hold", panel) + "\n";
  }
  auto last = braille_panel(d, d.end, panel);
  const std::size_t rows = std::max(first.size(), last.size());
  const std::string blank = Dots(panel, 1).lines().front();
  for (std::size_t r = 0; r < rows; ++r) {
    // Panels of different heights share their floor line: pad at the top.
    const std::size_t a = rows - first.size();
    const std::size_t b = rows - last.size();
    out += (r < a ? blank : first[r - a]) + std::string(gap, ' ') + (r < b ? blank : last[r - b]) + "\n";
  }
  const std::string start = centred("start", panel);
  return out + start + std::string(static_cast<std::size_t>(panel + gap) - start.size(), ' ') + centred("end", panel) +
         "\n";
}

}  // namespace valgus
