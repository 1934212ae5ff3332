// The closing lines of start, log and go.

#include "render/summaries.hpp"

#include "core/model/dose.hpp"
#include "core/model/text.hpp"
#include "render/text_writer.hpp"
#include "render/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace valgus {
namespace {

std::size_t done_count(const LoggedSession& logged) {
  return static_cast<std::size_t>(std::count_if(logged.exercises.begin(), logged.exercises.end(),
                                                [](const LoggedExercise& exercise) { return exercise.done; }));
}

}  // namespace

std::string render_start_summary(const StartSummary& summary) {
  const Plan& plan = *summary.plan;
  std::vector<std::string> names;
  for (const Problem& problem : plan.problems) {
    names.push_back(problem.name);
  }
  std::vector<std::string> sessions;
  for (const PlannedSession& session : plan.sessions) {
    sessions.push_back(
        fmt::format("{} on {} (about {} min)", session.id, day_list(session.days), display_minutes(session.seconds)));
  }
  // Wrapped between words at 80 columns: a terminal would cut "valgus
  // progress" anywhere. The path stays on its line, whole, to be copied.
  const TextStyle style{80, false};  // the writer keeps a reference
  text_detail::TextWriter w(style);
  w.paragraph("For: ", join(names, ", "), 5);
  w.paragraph(fmt::format("From {}: ", to_string(summary.start)), join(sessions, "; "), 2);
  w.paragraph(
      "Next: ", "valgus today (the day's session) · valgus go (guided) · valgus log (record it) · valgus progress", 6);
  for (const Note& note : plan.notes) {
    if (note.placement == Placement::top) {
      w.paragraph(note.title + ": ", note.text, 2);
    }
  }
  return fmt::format("Saved your programme to {}\n", summary.path) + w.take();
}

std::string render_log_summary(const LoggedSummary& summary) {
  const LoggedSession& logged = *summary.logged;
  std::string out =
      fmt::format("{} session {} of {}: {} of {} exercises done", summary.replaced ? "Replaced the log of" : "Logged",
                  logged.session, to_string(logged.date), done_count(logged), logged.exercises.size());
  if (logged.pain) {
    out += fmt::format(", pain {}/10", *logged.pain);
  }
  if (logged.effort) {
    out += fmt::format(", effort {}", to_string(*logged.effort));
  }
  if (!summary.symptom_names.empty()) {
    out += fmt::format("; warning signs: {}", join_and(summary.symptom_names));
  }
  out += ".\nProgramme: " + summary.source + "\n";
  return summary.pause ? out + render_pause(*summary.pause) : out;
}

std::string render_amended(const AmendedSummary& summary) {
  std::vector<std::string> added;
  if (summary.next_morning) {
    added.push_back(fmt::format("pain the next morning {}/10", *summary.next_morning));
  }
  if (!summary.symptom_names.empty()) {
    added.push_back(fmt::format("warning signs: {}", join_and(summary.symptom_names)));
  }
  std::string out = fmt::format("Added to the session of {}: {}.\n", to_string(summary.session), join(added, "; "));
  return summary.pause ? out + render_pause(*summary.pause) : out;
}

std::string render_go_interrupted(const GoInterrupted& stopped) {
  if (stopped.done.empty()) {
    return "valgus: stopped: nothing was logged\n";
  }
  const std::string skipped = stopped.not_done.empty() ? std::string() : " --skipped " + join(stopped.not_done, ",");
  return fmt::format("valgus: stopped: nothing was logged; to log what you did: valgus log --date {}{}\n",
                     to_string(stopped.date), skipped);
}

std::string log_command_for(const LoggedSession& logged) {
  std::string command = "valgus log --date " + to_string(logged.date);
  if (logged.pain) {
    command += fmt::format(" --pain {}", *logged.pain);
  }
  if (logged.effort) {
    command += fmt::format(" --effort {}", to_string(*logged.effort));
  }
  std::vector<std::string> skipped;
  for (const LoggedExercise& exercise : logged.exercises) {
    if (!exercise.done) {
      skipped.push_back(exercise.id);
    }
  }
  if (!skipped.empty()) {
    command += " --skipped " + join(skipped, ",");
  }
  if (!logged.symptoms.empty()) {
    command += " --symptom " + join(logged.symptoms, ",");
  }
  return command;
}

std::string render_pause(const SafetyEvent& pause) {
  return fmt::format(
      "PAUSED since {}: {}.\n"
      "Do not train until a doctor or physiotherapist has examined the knee, and\n"
      "ignore calendar reminders until then. Once a clinician has cleared you:\n"
      "valgus resume (it logs the decision and restarts one stage lower).\n",
      to_string(pause.date), pause.reason);
}

std::string render_resumed(const ResumedSummary& summary) {
  // Wrapped at 80 columns: the reason and the stage vary in length.
  std::string out;
  for (const std::string& paragraph :
       {fmt::format("Resumed on {} after the pause since {} ({}).", to_string(summary.date),
                    to_string(summary.pause.date), summary.pause.reason),
        fmt::format("The programme goes on at {}; jumps and hops wait until it moves on.", summary.stage),
        std::string("Start gently. If the pain comes back as strong, or a warning sign returns, stop and see your "
                    "clinician again.")}) {
    wrap_into(out, paragraph, 80, 80, 0);
    out += '\n';
  }
  return out;
}

std::string render_log_deleted(std::string_view date) {
  return fmt::format("Deleted the session logged on {}.\n", one_line(date));
}

std::string render_go_end(const GoEnd& end) {
  std::string out = end.stopped ? fmt::format("Stopped: {} of {} exercises done.\n", end.done, end.total)
                                : fmt::format("Session {} finished: {} of {} exercises done.\n", one_line(end.session),
                                              end.done, end.total);
  if (end.done == 0) {
    // Nothing to keep: an all-skipped entry would count as a session held.
    out += "Nothing done, so nothing was logged.\n";
  }
  return out;
}

std::string render_go_logged(const LoggedSummary& summary) {
  const LoggedSession& logged = *summary.logged;
  const std::size_t done = done_count(logged);
  std::string answers;
  if (logged.pain) {
    answers += fmt::format(", pain {}", *logged.pain);
  }
  if (logged.effort) {
    answers += fmt::format(", effort {}", to_string(*logged.effort));
  }
  if (!summary.symptom_names.empty()) {
    answers += fmt::format(", warning signs: {}", join_and(summary.symptom_names));
  }
  const std::string out = fmt::format("Logged session {} of {}: {} done, {} skipped{}{}.\n", one_line(logged.session),
                                      to_string(logged.date), done, logged.exercises.size() - done, answers,
                                      summary.replaced ? " (it replaces the entry of that day)" : "");
  return summary.pause ? out + render_pause(*summary.pause) : out;
}

std::string render_go_rest_day(const GoRestDay& day) {
  std::string text =
      fmt::format("{} ({}) is a rest day in your programme.", to_string(day.date), weekday_name(day.date));
  if (day.next_date && day.next_session != nullptr) {
    text += fmt::format(" The next session, {}, is on {} {}.", day.next_session->id, weekday_name(*day.next_date),
                        to_string(*day.next_date));
  }
  return text + "\n";
}

}  // namespace valgus
