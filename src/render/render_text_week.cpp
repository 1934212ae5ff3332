// The terminal layout of a week: when to train comes first, then each
// session as a short list a person can follow on the day, then how to do
// each exercise once, so a session never repeats steps already read.

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace valgus::text_detail {

namespace {

void session_block(TextWriter& w, const Plan& plan, const PlannedSession& session) {
  w.line();
  w.spread(w.paint(fmt::format("SESSION {} · {}", session.id, day_list(session.days)), "1;36"),
           minutes_label(session.seconds));
  w.rule();
  if (session.exercise_ids.empty()) {
    w.paragraph("    ", "No exercise fits in this session's minutes.", 4);
    return;
  }
  // The ids are in plan order, so phases come in order too: a heading each
  // time the phase changes.
  int number = 0;
  bool any = false;
  Phase current = Phase::release;
  for (const auto& id : session.exercise_ids) {
    const PlannedExercise* planned = find_planned(plan.phases, id);
    if (planned == nullptr) {
      continue;
    }
    if (!any || planned->exercise.phase != current) {
      current = planned->exercise.phase;
      any = true;
      w.line(w.bold(phase_title(current)));
    }
    session_item(w, ++number, *planned);
  }
}

void reference(TextWriter& w, const Plan& plan) {
  w.line();
  w.line(w.paint("HOW TO DO EACH EXERCISE", "1;36"));
  w.rule();
  bool first = true;
  for (const auto& phase : plan.phases) {
    if (!first) {
      w.line();
    }
    first = false;
    const std::string title = phase_title(phase.phase);
    const std::string full = fmt::format("{} · {}", title, phase_purpose(phase.phase));
    if (w.fits(full, "")) {
      w.line(w.paint(full, "1;36"));
    } else {  // narrow terminal: the purpose goes under the title
      w.line(w.paint(title, "1;36"));
      w.paragraph("", std::string(phase_purpose(phase.phase)), 0);
    }
    if (phase.exercises.empty()) {
      w.paragraph("    ", capitalised(phase.empty_reason) + ".", 4);
    }
    if (phase.phase == Phase::integrate && plan.position) {
      w.paragraph(w.bold("When " + plan.position->name + ": "), plan.position->advice, 0);
    }
    for (const auto& planned : phase.exercises) {
      w.spread(w.bold(planned.exercise.name), minutes_label(planned.seconds));
      exercise_details(w, planned, 4);
      w.paragraph("    " + w.dim("Why: "), why_line(planned), 9);
    }
  }
}

}  // namespace

// " 1. Adductor roll — 30 s each side · foam roller        ~1 min", the
// minutes right-aligned on the item's first line; a long item wraps under
// its text, so the minutes never break over two lines.
void session_item(TextWriter& w, int number, const PlannedExercise& planned) {
  const std::string number_text = fmt::format("{:>2}. ", number);
  const std::string name = one_line(planned.exercise.name);
  const std::string rest = one_line(" — " + dose_and_equipment(planned));
  const std::string minutes = minutes_label(planned.seconds);
  if (w.fits(number_text + name + rest, minutes)) {
    w.spread(number_text + w.bold(name) + rest, minutes);
    return;
  }
  const int reserved = minutes.empty() ? 0 : display_width(minutes) + 1;
  std::string wrapped;
  wrap_into(wrapped, name + rest, std::max(20, w.width() - display_width(number_text) - reserved),
            std::max(20, w.width() - 4), 4);
  const std::size_t end = wrapped.find('\n');
  std::string first = wrapped.substr(0, end);
  if (first.rfind(name, 0) == 0) {  // the name in bold, as on a line that fits
    first = w.bold(name) + first.substr(name.size());
  }
  w.spread(number_text + first, minutes);
  if (end != std::string::npos) {
    w.line(wrapped.substr(end + 1));
  }
}

void week_body(TextWriter& w, const Plan& plan, const LimitOptions& options) {
  w.paragraph("Schedule: ", schedule_line(plan, text_session_words), 10);
  adjustments(w, plan, options);
  for (const auto& session : plan.sessions) {
    session_block(w, plan, session);
  }
  reference(w, plan);
}

}  // namespace valgus::text_detail
