// The terminal renderer: wrapped to the width, coloured only when asked.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/adjustment_wording.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus {

namespace text_detail {

void exercise_details(TextWriter& w, const PlannedExercise& planned, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  w.paragraph(pad, dose_and_equipment(planned), indent);
  for (const auto& change : planned.progress) {
    w.paragraph(pad + "This week: ", change, indent + 11);
  }
  for (const auto& skill : planned.skills_taught) {
    w.paragraph(pad + "New skill, " + skill.name + ": ", skill.how, indent + 2);
  }
  for (const auto& step : planned.exercise.steps) {
    w.paragraph(pad + "- ", step, indent + 2);
  }
  for (const auto& cue : planned.exercise.cues) {
    w.paragraph(pad + "Tip: ", cue, indent + 5);
  }
}

void plan_head(TextWriter& w, const Plan& plan) {
  w.line(w.bold("Knee valgus routine"));
  std::vector<std::string> names;
  for (const auto& problem : plan.problems) {
    names.push_back(problem.name);
  }
  w.paragraph("For: ", join(names, ", "), 5);
  // The banner: safety before the work, one line per top note.
  for (const auto& note : plan.notes) {
    if (note.placement == Placement::top) {
      w.paragraph(w.paint(note.title + ":", "1;33") + " ", note.text, 2);
    }
  }
}

void adjustments(TextWriter& w, const Plan& plan, const LimitOptions& options) {
  if (!plan.adjustments.empty()) {
    w.line();
    w.line(w.paint("ADJUSTED FOR YOU", "1;35"));
    for (const auto& adjustment : plan.adjustments) {
      w.paragraph("- ", adjustment_text(adjustment, options), 2);
    }
  }
}

void plan_tail(TextWriter& w, const Plan& plan) {
  if (!plan.habits.empty()) {
    w.line();
    w.line(w.paint("AVOID DURING THE DAY", "1;36"));
    w.rule();
    for (const auto& habit : plan.habits) {
      w.paragraph("- ", capitalised(habit.name) + ": " + habit.advice, 2);
    }
  }
  if (const auto guide = pain_guide(plan); !guide.empty()) {
    w.line();
    w.line(w.paint("WHEN IT HURTS", "1;33"));
    for (const auto& line : guide) {
      w.paragraph("- ", line, 2);
    }
  }
  for (const auto& note : plan.notes) {
    if (note.placement != Placement::end) {
      continue;
    }
    w.line();
    w.line(w.paint(upper(note.title), "1;33"));
    w.paragraph("", note.text, 0);
  }
}

}  // namespace text_detail

using text_detail::adjustments;
using text_detail::exercise_details;
using text_detail::minutes_label;
using text_detail::plan_head;
using text_detail::plan_tail;
using text_detail::TextWriter;
using text_detail::upper;
using text_detail::week_body;

std::string render_plan_text(const Plan& plan, const TextStyle& style, const LimitOptions& options) {
  TextWriter w(style);
  plan_head(w, plan);
  if (const std::string assumed = equipment_assumed_text(plan, options); !assumed.empty()) {
    w.paragraph("Equipment: ", assumed + ".", 11);
  }
  if (!plan.days.empty()) {
    week_body(w, plan, options);
    plan_tail(w, plan);
    return w.take();
  }
  // A full routine (--full): every exercise once, phase by phase.
  w.paragraph("Session: ", session_line(plan, text_session_words), 9);
  adjustments(w, plan, options);

  int number = 0;
  for (const auto& phase : plan.phases) {
    w.line();
    const std::string title = upper(phase_title(phase.phase));
    const std::string full = fmt::format("{} · {}", title, phase_purpose(phase.phase));
    const std::string minutes = minutes_label(phase.seconds);
    if (w.fits(full, minutes)) {
      w.spread(w.paint(full, "1;36"), minutes);
    } else {  // narrow terminal: the purpose goes under the title
      w.spread(w.paint(title, "1;36"), minutes);
      w.paragraph("", std::string(phase_purpose(phase.phase)), 0);
    }
    w.rule();
    if (phase.exercises.empty()) {
      w.paragraph("    ", capitalised(phase.empty_reason) + ".", 4);
    }
    if (phase.phase == Phase::integrate && plan.position) {
      w.paragraph(w.bold("When " + plan.position->name + ": "), plan.position->advice, 0);
    }
    for (const auto& planned : phase.exercises) {
      ++number;
      w.spread(w.bold(fmt::format("{:>2}. {}", number, planned.exercise.name)), minutes_label(planned.seconds));
      exercise_details(w, planned, 4);
      w.paragraph("    " + w.dim("Why: "), why_line(planned), 9);
    }
  }
  plan_tail(w, plan);
  return w.take();
}

std::string render_list_text(const std::vector<PlannedExercise>& exercises, const TextStyle& style, bool show_origin) {
  TextWriter w(style);
  if (exercises.empty()) {
    w.line("No exercise matches these filters.");
    return w.take();
  }
  std::size_t id_width = 0;
  for (const auto& planned : exercises) {
    id_width = std::max(id_width, planned.exercise.id.size());
  }
  const int indent = static_cast<int>(id_width) + 4;
  bool first = true;
  for (const Phase phase : all_phases) {
    bool header = false;
    for (const auto& planned : exercises) {
      if (planned.exercise.phase != phase) {
        continue;
      }
      if (!header) {
        if (!first) {
          w.line();
        }
        w.line(w.paint(upper(phase_title(phase)), "1;36"));
        header = true;
        first = false;
      }
      std::string detail = fmt::format("{} · {} · {}", planned.exercise.name, to_string(planned.exercise.region),
                                       format_dose(planned.dose));
      if (!planned.equipment_names.empty()) {
        detail += " · " + join(planned.equipment_names, ", ");
      }
      if (show_origin) {
        detail += " · from " + planned.exercise.origin;
      }
      const std::string id = planned.exercise.id + std::string(id_width - planned.exercise.id.size(), ' ');
      w.paragraph("  " + w.bold(id) + "  ", detail, indent);
    }
  }
  w.line();
  w.line(fmt::format("{} exercises. Show one in full with: valgus show ID", exercises.size()));
  return w.take();
}

std::string render_exercise_text(const PlannedExercise& planned, const std::vector<Problem>& serves,
                                 const TextStyle& style, const std::string& figure) {
  TextWriter w(style);
  const Exercise& exercise = planned.exercise;
  w.spread(w.bold(exercise.name) + " (" + exercise.id + ")", minutes_label(planned.seconds));
  w.paragraph("",
              fmt::format("{} · {} · {}", phase_title(exercise.phase), to_string(exercise.region),
                          phase_purpose(exercise.phase)),
              0);
  if (!exercise.summary.empty()) {
    w.line();
    w.paragraph("", exercise.summary, 0);
  }
  if (!figure.empty()) {
    w.line();
    // Drawn by render_figure_braille: braille and spaces only.
    w.line(std::string_view(figure).substr(0, figure.size() - (figure.back() == '\n' ? 1 : 0)));
  }
  w.line();
  w.paragraph("Works:     ", join(planned.target_names, ", "), 11);
  w.paragraph("Dose:      ", format_dose(planned.dose), 11);
  w.paragraph("Equipment: ", planned.equipment_names.empty() ? "none" : join(planned.equipment_names, ", "), 11);
  std::vector<std::string> served;
  for (const auto& problem : serves) {
    served.push_back(problem.name + " (--" + problem.id + ")");
  }
  w.paragraph("Serves:    ", served.empty() ? "no problem of the catalogue" : join(served, ", "), 11);
  w.line();
  w.line(w.bold("Steps"));
  int step = 0;
  for (const auto& text : exercise.steps) {
    w.paragraph(fmt::format("{:>2}. ", ++step), text, 4);
  }
  if (!exercise.cues.empty()) {
    w.line();
    w.line(w.bold("Tips"));
    for (const auto& cue : exercise.cues) {
      w.paragraph("  - ", cue, 4);
    }
  }
  if (!exercise.also_works.empty()) {
    w.line();
    w.paragraph("Also works: ", join(exercise.also_works, ", "), 12);
  }
  if (exercise.resisted) {
    w.line();
    w.paragraph("Resisted: ", "against a band or a load: rest a day before doing it again", 10);
  }
  if (exercise.variant_of.empty() && exercise.from_week > 0) {
    w.line();
    w.paragraph("Starts: ", fmt::format("in week {} of a programme", exercise.from_week), 8);
  }
  if (!exercise.variant_of.empty()) {
    w.line();
    w.paragraph("Variant of: ",
                exercise.variant_of + (exercise.from_week > 0
                                           ? fmt::format(" (takes its place from week {} when you have its equipment)",
                                                         exercise.from_week)
                                           : std::string(" (used in its place when you lack its equipment)")),
                12);
  }
  if (exercise.drill) {
    w.line();
    w.paragraph("Drill: ", "planned only with --when " + join(exercise.positions, " or --when "), 7);
  }
  if (!exercise.skills.empty()) {
    w.line();
    w.paragraph("Relies on: ", join(exercise.skills, ", "), 11);
  }
  if (!exercise.alternatives.empty()) {
    w.line();
    w.paragraph("Alternatives: ", join(exercise.alternatives, ", "), 14);
  }
  if (!exercise.progressions.empty()) {
    w.line();
    w.line(w.bold("Progressions"));
    for (const auto& progression : exercise.progressions) {
      w.paragraph(fmt::format("  week {}: ", progression.week), progression.change, 4);
    }
  }
  w.line();
  w.paragraph("Source: ", join(exercise.sources, ", "), 8);
  return w.take();
}

namespace {

// A self-test under its problem: how, what to look for, the answer and
// what a positive and a negative mean.
void self_test_text(TextWriter& w, const Catalogue& catalogue, const SelfTest& test) {
  w.paragraph("  Self-test: ", test.name + (test.per_side ? " (each side)" : ""), 13);
  if (!test.asked_if.empty()) {
    const SelfTest* first = catalogue.find_self_test(test.asked_if);
    w.paragraph("    Only:     ",
                fmt::format("after a positive {}{}", first != nullptr ? first->name : test.asked_if,
                            test.per_side ? ", on that side" : ""),
                14);
  }
  for (std::size_t step = 0; step < test.instructions.size(); ++step) {
    w.paragraph(fmt::format("    {}. ", step + 1), test.instructions[step], 7);
  }
  w.paragraph("    Look for: ", test.look_for, 14);
  w.paragraph("    Answer:   ", self_test_answer(test), 14);
  w.paragraph("    Positive: ", test.positive, 14);
  w.paragraph("    Negative: ", test.negative, 14);
}

}  // namespace

std::string render_problems_text(const ProblemsListing& listing, const TextStyle& style) {
  const Catalogue& catalogue = *listing.catalogue;
  TextWriter w(style);
  if (!catalogue.red_flags.empty()) {
    w.line(w.bold("Red flags") + "  see a doctor or physiotherapist first if any answer is yes");
    for (const RedFlag& flag : catalogue.red_flags) {
      w.paragraph("  - ", flag.question, 4);
      w.paragraph("    ", flag.why, 4);
    }
    w.line();
  }
  const auto names = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
      out.push_back(catalogue.muscle_name(id));
    }
    return out.empty() ? std::string("none") : join(out, ", ");
  };
  for (std::size_t i = 0; i < catalogue.problems.size(); ++i) {
    const Problem& problem = catalogue.problems[i];
    if (i > 0) {
      w.line();
    }
    const std::string& label = i < listing.labels.size() ? listing.labels[i] : problem.id;
    w.line(w.bold(label) + "  " + capitalised(problem.name));
    if (!problem.summary.empty()) {
      w.paragraph("  ", problem.summary, 2);
    }
    w.paragraph("  Tight:     ", names(problem.overactive), 13);
    w.paragraph("  Weak:      ", names(problem.underactive), 13);
    for (const SelfTest* test : catalogue.self_tests_for(problem.id)) {
      self_test_text(w, catalogue, *test);
    }
  }
  w.line();
  if (!listing.closing.empty()) {
    w.paragraph("", listing.closing, 0);
  }
  return w.take();
}

std::string render_check_text(const CheckReport& report) {
  const Catalogue& catalogue = report.result->catalogue;
  return fmt::format(
      "ok: {} files, {} exercises, {} problems, {} muscles, {} muscle groups, {} equipment, {} positions, {} habits, "
      "{} notes\n",
      report.files, catalogue.exercises.size(), catalogue.problems.size(), catalogue.muscles.size(),
      catalogue.muscle_groups.size(), catalogue.equipment.size(), catalogue.positions.size(), catalogue.habits.size(),
      catalogue.notes.size());
}

}  // namespace valgus
