#include "core/catalogue/figure_rules.hpp"

#include "core/model/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

namespace valgus {
namespace {

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) {
    ids.push_back(item.id);
  }
  return ids;
}

const Segment* find_segment(const Skeleton& skeleton, std::string_view id) {
  const auto it =
      std::find_if(skeleton.segments.begin(), skeleton.segments.end(), [&](const Segment& s) { return s.id == id; });
  return it == skeleton.segments.end() ? nullptr : &*it;
}

// The problems of one skeleton's tree: ids once, parents before children.
std::vector<std::string> tree_problems(const Skeleton& skeleton) {
  std::vector<std::string> problems;
  std::set<std::string, std::less<>> seen;
  for (const Segment& s : skeleton.segments) {
    if (seen.count(s.id) != 0) {
      problems.push_back(fmt::format("segment \"{}\" is listed twice; rename one", s.id));
    } else if (!s.parent.empty() && seen.count(s.parent) == 0) {
      problems.push_back(
          fmt::format("segment \"{}\" hangs from \"{}\", which is not listed before it", s.id, s.parent));
    } else if (s.parent.empty() && s.at_start) {
      problems.push_back(fmt::format("segment \"{}\" has no parent to start at; remove \"at\"", s.id));
    }
    seen.insert(s.id);
  }
  if (skeleton.segments.empty() || !skeleton.segments.front().parent.empty()) {
    problems.emplace_back("the first segment must be the root (no \"parent\")");
  }
  return problems;
}

// What is wrong with `values` on `skeleton`: unknown joints, values out of
// their ranges.
std::vector<std::string> value_problems(const Skeleton& skeleton, const JointValues& values) {
  std::vector<std::string> problems;
  for (const auto& [key, value] : values) {
    const auto dot = key.find('.');
    const std::string base = key.substr(0, dot);
    const std::string part = dot == std::string::npos ? std::string() : key.substr(dot + 1);
    const Segment* segment = find_segment(skeleton, base);
    if (segment == nullptr) {
      problems.push_back(fmt::format("\"{}\" is no segment of the {} view{}", base, skeleton.id,
                                     did_you_mean_suffix(base, ids_of(skeleton.segments))));
      continue;
    }
    const std::optional<Span> span = part.empty()     ? std::optional<Span>(segment->range)
                                     : part == "turn" ? segment->turn
                                                      : segment->arch;
    if (!span) {
      problems.push_back(fmt::format("segment \"{}\" has no {}; remove \"{}\"", base, part, key));
    } else if (!span->holds(value)) {
      problems.push_back(fmt::format("\"{}\" is {}, outside its range {} to {}", key, value, span->min, span->max));
    }
  }
  return problems;
}

// The props of a pose and its figure, each known and in a place its shape
// allows, with the skeleton: the parts to lay out, or the problems.
FigureParts parts_of(const Catalogue& catalogue, const Skeleton& skeleton, const Pose& pose,
                     const std::vector<PropUse>* more, std::vector<std::string>& problems) {
  FigureParts parts;
  parts.skeleton = &skeleton;
  parts.anchor = pose.anchor;
  if (!pose.anchor.empty() && find_segment(skeleton, pose.anchor) == nullptr) {
    problems.push_back(fmt::format("anchor \"{}\" is no segment of the {} view", pose.anchor, skeleton.id));
  }
  std::vector<const PropUse*> uses;
  for (const auto& use : pose.props) {
    uses.push_back(&use);
  }
  for (std::size_t i = 0; more != nullptr && i < more->size(); ++i) {
    uses.push_back(&(*more)[i]);
  }
  for (const PropUse* use : uses) {
    const PropKind* kind = catalogue.find_prop(use->prop);
    if (kind == nullptr) {
      problems.push_back(fmt::format("unknown prop \"{}\"{}; props are {}", use->prop,
                                     did_you_mean_suffix(use->prop, ids_of(catalogue.props)),
                                     join(ids_of(catalogue.props), ", ")));
      continue;
    }
    std::vector<std::string> points = use->around;
    for (const std::string* one : {&use->under, &use->behind, &use->ahead}) {
      if (!one->empty()) {
        points.push_back(*one);
      }
    }
    bool placed = true;
    for (const auto& point : points) {
      if (find_segment(skeleton, point) == nullptr) {
        problems.push_back(
            fmt::format("the {} is placed at \"{}\", no segment of the {} view", kind->id, point, skeleton.id));
        placed = false;
      }
    }
    const PropShape shape = kind->shape;
    const bool fits = shape == PropShape::band   ? !use->around.empty()
                      : shape == PropShape::wall ? (!use->behind.empty() || !use->ahead.empty())
                                                 : !use->under.empty();
    if (!fits) {
      problems.push_back(fmt::format("the {} ({}) goes {}", kind->id, to_string(shape),
                                     shape == PropShape::band   ? "\"around\" one or two segments"
                                     : shape == PropShape::wall ? "\"behind\" or \"ahead\" of a segment"
                                                                : "\"under\" a segment"));
      placed = false;
    }
    if (placed) {
      parts.uses.push_back(use);
      parts.kinds.push_back(kind);
    }
  }
  return parts;
}

JointValues overlaid(JointValues base, const JointValues& changes) {
  for (const auto& [key, value] : changes) {
    base[key] = value;
  }
  return base;
}

void report(LoadErrors& errors, const SourceLocation& where, const std::string& what,
            const std::vector<std::string>& problems) {
  for (const auto& problem : problems) {
    errors.error(where, what + problem);
  }
}

// Checks one figure; its drawing, framed, when it can be drawn (what the
// check lays out is what is drawn, so draw_figure does it once).
std::optional<FigureDrawing> checked_figure(const Catalogue& catalogue, const Figure& figure, const std::string& what,
                                            LoadErrors& errors) {
  const Pose* pose = catalogue.find_pose(figure.pose);
  if (pose == nullptr) {
    errors.error(figure.where, fmt::format("{}names unknown pose \"{}\"{}; poses are {}", what, figure.pose,
                                           did_you_mean_suffix(figure.pose, ids_of(catalogue.poses)),
                                           join(ids_of(catalogue.poses), ", ")));
    return std::nullopt;
  }
  const Skeleton* skeleton = catalogue.find_skeleton(pose->view);
  if (skeleton == nullptr) {
    return std::nullopt;  // reported at the pose
  }
  std::vector<std::string> problems;
  const FigureParts parts = parts_of(catalogue, *skeleton, *pose, &figure.props, problems);
  if (!figure.arrow.empty() && find_segment(*skeleton, figure.arrow) == nullptr) {
    problems.push_back(fmt::format("the arrow follows \"{}\", no segment of the {} view", figure.arrow, skeleton->id));
  }
  report(errors, figure.where, what, problems);
  const JointValues start = overlaid(pose->joints, figure.start);
  const JointValues end = overlaid(start, figure.end);
  const auto start_values = value_problems(*skeleton, figure.start);
  const auto end_values = value_problems(*skeleton, figure.end);
  report(errors, figure.where, what + "at its start: ", start_values);
  report(errors, figure.where, what + "at its end: ", end_values);
  if (!problems.empty() || !start_values.empty() || !end_values.empty()) {
    return std::nullopt;
  }
  const Posture first = lay_out(parts, start);
  const Posture last = lay_out(parts, end);
  const auto held_first = posture_problems(parts, first);
  const auto held_last = posture_problems(parts, last);
  FigureDrawing drawing = frame_drawing(parts, first, last);
  const auto framed = frame_problems(drawing);
  report(errors, figure.where, what + "at its start: ", held_first);
  report(errors, figure.where, what + "at its end: ", held_last);
  report(errors, figure.where, what, framed);
  if (!held_first.empty() || !held_last.empty() || !framed.empty()) {
    return std::nullopt;
  }
  return drawing;
}

}  // namespace

void check_figures(const Catalogue& catalogue, LoadErrors& errors) {
  for (const Skeleton& skeleton : catalogue.skeletons) {
    report(errors, skeleton.where, fmt::format("skeleton \"{}\": ", skeleton.id), tree_problems(skeleton));
  }
  for (const Pose& pose : catalogue.poses) {
    const std::string what = fmt::format("pose \"{}\": ", pose.id);
    const Skeleton* skeleton = catalogue.find_skeleton(pose.view);
    if (skeleton == nullptr) {
      errors.error(pose.where, fmt::format("{}unknown view \"{}\"{}; views are {}", what, pose.view,
                                           did_you_mean_suffix(pose.view, ids_of(catalogue.skeletons)),
                                           join(ids_of(catalogue.skeletons), ", ")));
      continue;
    }
    std::vector<std::string> problems = value_problems(*skeleton, pose.joints);
    const FigureParts parts = parts_of(catalogue, *skeleton, pose, nullptr, problems);
    if (problems.empty() && tree_problems(*skeleton).empty()) {
      const Posture posture = lay_out(parts, pose.joints);
      problems = posture_problems(parts, posture);
      const auto framed = frame_problems(frame_drawing(parts, posture, posture));
      problems.insert(problems.end(), framed.begin(), framed.end());
    }
    report(errors, pose.where, what, problems);
  }
  for (const Exercise& exercise : catalogue.exercises) {
    if (exercise.figure.given()) {
      (void)checked_figure(catalogue, exercise.figure, fmt::format("the figure of \"{}\" ", exercise.id), errors);
    }
  }
  for (const SelfTest& test : catalogue.self_tests) {
    if (test.figure.given()) {
      (void)checked_figure(catalogue, test.figure, fmt::format("the figure of \"{}\" ", test.id), errors);
    }
  }
}

FigureDrawing draw_figure(const Catalogue& catalogue, const Figure& figure, const std::string& title) {
  LoadErrors quiet;
  std::optional<FigureDrawing> checked =
      figure.given() ? checked_figure(catalogue, figure, "", quiet) : std::optional<FigureDrawing>();
  const bool drawable = checked.has_value();
  if (!drawable) {
    // A placeholder: the first pose, as it stands, faint.
    const Pose* pose = catalogue.poses.empty() ? nullptr : &catalogue.poses.front();
    const Skeleton* skeleton = pose != nullptr ? catalogue.find_skeleton(pose->view) : nullptr;
    if (skeleton == nullptr) {
      FigureDrawing nothing;
      nothing.placeholder = true;
      nothing.title = title;
      return nothing;
    }
    std::vector<std::string> problems;
    const FigureParts parts = parts_of(catalogue, *skeleton, *pose, nullptr, problems);
    const Posture still = lay_out(parts, pose->joints);
    checked = frame_drawing(parts, still, still);
  }
  FigureDrawing drawing = std::move(*checked);
  drawing.placeholder = !drawable;
  drawing.working = drawable ? figure.working : BodySide::none;
  drawing.title = title;
  if (drawable && !figure.arrow.empty()) {
    const PlacedSegment* from = drawing.start.find(figure.arrow);
    const PlacedSegment* to = drawing.end.find(figure.arrow);
    if (from != nullptr && to != nullptr && std::hypot(from->to.x - to->to.x, from->to.y - to->to.y) > 1.0) {
      drawing.arrow = std::make_pair(from->to, to->to);
      drawing.moving = from->segment.name;
    }
  }
  return drawing;
}

}  // namespace valgus
