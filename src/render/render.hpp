#pragma once

// Renderers are pure: a plan (or catalogue entries) in, text out. Colour and
// width are decided once by the caller and passed in TextStyle; only the
// text renderer knows about them. Which renderer a format uses for which
// kind of data is the format table's business (render/formats.hpp).

#include "core/assess/assess.hpp"
#include "core/catalogue/catalogue.hpp"
#include "core/follow/stage.hpp"
#include "core/model/figure_layout.hpp"
#include "core/plan/planner.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

struct TextStyle {
  int width = 80;      // columns to wrap to
  bool color = false;  // ANSI colour and bold
};

// The option that sets each limit of a plan ("--minutes"), for advice that
// names what to change. The command line fills it where it declares the
// options, so neither core nor render spells one; an empty name leaves the
// option out of the advice.
struct LimitOptions {
  std::string_view minutes;
  std::string_view days;
  std::string_view max_exercises;
  std::string_view equipment;  // what a plan that assumed its equipment names
};

// Catalogue entries listed (list): `show_origin` adds where each came from.
struct ExerciseListing {
  std::vector<PlannedExercise> exercises;
  bool show_origin = false;
};

// One exercise in full, with the problems it serves (show).
struct ExerciseDetail {
  PlannedExercise exercise;
  std::vector<Problem> serves;
  FigureDrawing figure;
  bool braille = false;  // text: draw the figure in braille
};

// Every problem (problems): `labels[i]` is how a person asks for problem i
// (the caller knows; the renderer does not), `closing` a last line.
struct ProblemsListing {
  const Catalogue* catalogue = nullptr;
  std::vector<std::string> labels;
  std::string closing;
};

// The outcome of validating catalogue files (check).
struct CheckReport {
  const LoadResult* result = nullptr;
  std::size_t files = 0;
};

// A day of a saved programme (today): the plan at the stage the log has
// earned, what the day holds and why the stage is what it is.
struct TodayView {
  const Plan* plan = nullptr;
  const DayPlan* day = nullptr;
  const StageState* stage = nullptr;
  std::vector<int> stage_weeks;
  std::string source;  // which programme: "saved programme PATH"
};

// Week by week (progress): sessions planned and done, pain, stage.
struct ProgressView {
  const Plan* plan = nullptr;  // for the banner
  std::vector<WeekProgress> weeks;
  const StageState* stage = nullptr;
  std::vector<int> stage_weeks;
  std::string source;
  Date date;
  bool unicode = true;  // block characters in the chart; ASCII without UTF-8
  // The assessments logged up to `date`, oldest first (the re-tests), and
  // the catalogue that gives their tests' units and problems' names.
  std::vector<StoredAssessment> assessments;
  const Catalogue* catalogue = nullptr;
};

// The result of valgus assess, with the command it recommends.
struct AssessmentView {
  const Assessment* assessment = nullptr;
  const Catalogue* catalogue = nullptr;  // problem names
  Date date;
  std::string command;  // "valgus plan ..."; empty when nothing to plan
};

// When a programme's sessions happen, for a format that puts them on dates
// (the calendar). The caller reads the clock and the environment; the
// renderer only reads this.
struct CalendarSetting {
  Date start;                    // week 1's first day; week k starts 7(k-1) days later
  int minutes_of_day = 18 * 60;  // the sessions' start in floating local time, 0..1439
  Date dtstamp;                  // the calendar's DTSTAMP day
  std::string version;           // valgus's own, named in PRODID
};

// A programme to hand out (export): the plan of its weeks, the request that
// made it (the calendar's event UIDs come from it) and, for a calendar, its
// dates. Markdown and JSON read the plan only.
// The paper a printed handout is laid out for.
enum class Paper { a4, letter };

struct ProgrammeView {
  const Plan* plan = nullptr;
  const Request* request = nullptr;
  CalendarSetting calendar;
  LimitOptions limits;                   // how the handout names the session limits in its advice
  const Catalogue* catalogue = nullptr;  // for the figures; none: a handout without them
  std::string person;                    // whom the handout is for (export --for); empty: no one named
  Paper paper = Paper::a4;
  std::optional<Date> created;  // the PDF's creation date (SOURCE_DATE_EPOCH); none: when drawn
};

// The log's history (log --list).
struct LogListing {
  std::vector<LoggedSession> sessions;
  std::vector<SafetyEvent> events;  // pauses, resumes, clearances
};

[[nodiscard]] std::string render_today_text(const TodayView& view, const TextStyle& style);
[[nodiscard]] std::string render_today_json(const TodayView& view);
[[nodiscard]] std::string render_progress_text(const ProgressView& view, const TextStyle& style);
[[nodiscard]] std::string render_progress_json(const ProgressView& view);
[[nodiscard]] std::string render_assessment_text(const AssessmentView& view, const TextStyle& style);
[[nodiscard]] std::string render_assessment_json(const AssessmentView& view);
// The log listed as it is read (log --list): each session, oldest first,
// then finish with the safety decisions. Each call returns the text to
// write at once, so a long log is never held whole (render_log.cpp).
class LogStream {
 public:
  LogStream() = default;
  virtual ~LogStream() = default;
  LogStream(const LogStream&) = delete;
  LogStream& operator=(const LogStream&) = delete;
  LogStream(LogStream&&) = delete;
  LogStream& operator=(LogStream&&) = delete;
  [[nodiscard]] virtual std::string session(const LoggedSession& session) = 0;
  // The same, appended to `out`: what a listing calls once a session.
  virtual void write_session(std::string& out, const LoggedSession& session) { out += this->session(session); }
  [[nodiscard]] virtual std::string finish(const std::vector<SafetyEvent>& events) = 0;
  // Whether it shows the exercises done, or only those skipped (the store
  // then reads only those).
  [[nodiscard]] virtual bool shows_done_exercises() const { return true; }
};
[[nodiscard]] std::unique_ptr<LogStream> log_stream_text(const TextStyle& style);
[[nodiscard]] std::unique_ptr<LogStream> log_stream_json();
// RFC 4180: a header line, CRLF line ends, fields quoted when needed.
[[nodiscard]] std::unique_ptr<LogStream> log_stream_csv();
// A whole listing through a stream: what the stream writes, in one string.
[[nodiscard]] std::string render_log(LogStream& stream, const LogListing& listing);
[[nodiscard]] std::string render_log_text(const LogListing& listing, const TextStyle& style);
[[nodiscard]] std::string render_log_json(const LogListing& listing);
[[nodiscard]] std::string render_log_csv(const LogListing& listing);

[[nodiscard]] std::string render_plan_text(const Plan& plan, const TextStyle& style, const LimitOptions& options = {});
[[nodiscard]] std::string render_plan_markdown(const Plan& plan, const LimitOptions& options = {});
[[nodiscard]] std::string render_plan_json(const Plan& plan, const LimitOptions& options = {});

[[nodiscard]] std::string render_list_text(const std::vector<PlannedExercise>& exercises, const TextStyle& style,
                                           bool show_origin = false);
[[nodiscard]] std::string render_list_markdown(const std::vector<PlannedExercise>& exercises, bool show_origin = false);
[[nodiscard]] std::string render_list_json(const std::vector<PlannedExercise>& exercises);

// `figure`: lines drawn under the summary (a braille figure), or empty.
[[nodiscard]] std::string render_exercise_text(const PlannedExercise& exercise, const std::vector<Problem>& serves,
                                               const TextStyle& style, const std::string& figure = {});
[[nodiscard]] std::string render_exercise_json(const PlannedExercise& exercise, const std::vector<Problem>& serves);

[[nodiscard]] std::string render_problems_text(const ProblemsListing& listing, const TextStyle& style);
[[nodiscard]] std::string render_problems_json(const ProblemsListing& listing);

// "ok: 12 files, 41 exercises, ..." for a catalogue without errors.
[[nodiscard]] std::string render_check_text(const CheckReport& report);
// JSON shapes in schemas/*.schema.json.
[[nodiscard]] std::string render_check_json(const CheckReport& report);

}  // namespace valgus
