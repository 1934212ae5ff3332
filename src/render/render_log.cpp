// valgus log --list in each format, written session by session as the log
// is read: a listing of 20,000 sessions never exists as one string or one
// JSON document.

#include "core/model/text.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

namespace {

using json_detail::JsonWriter;
using text_detail::TextWriter;

// `text` then spaces to `width` columns, as fmt's {:<N}.
void pad_right(std::string& out, std::string_view text, int width) {
  out += text;
  out.append(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
}

// Spaces to `width` columns, then `text`, as fmt's {:>N}.
void pad_left(std::string& out, std::string_view text, int width) {
  out.append(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
  out += text;
}

class TextLogStream final : public LogStream {
 public:
  explicit TextLogStream(const TextStyle& style) : style_(style), w_(style_) {}

  std::string session(const LoggedSession& session) override {
    if (!begun_) {
      begun_ = true;
      w_.line(w_.bold(fmt::format("{:<10}  {:<7}  {:>4}  {:>4}  {:<6}  {}", "Date", "Session", "Week", "Pain", "Effort",
                                  "Skipped, note")));
    }
    // Written by hand, not with fmt: this runs once a session, and a
    // ten-year log has 3,650 of them (bench/follow.sh).
    std::string rest;
    const auto add = [&rest](std::string_view separator, std::string_view text) {
      if (!rest.empty()) {
        rest += separator;
      }
      rest += text;
    };
    bool first_skipped = true;
    for (const LoggedExercise& exercise : session.exercises) {
      if (!exercise.done) {
        add(first_skipped ? "" : ", ", first_skipped ? "skipped " : "");
        rest += exercise.id;
        first_skipped = false;
      }
    }
    if (session.next_morning_pain) {
      add("; ", "next morning " + std::to_string(*session.next_morning_pain));
    }
    if (!session.symptoms.empty()) {
      add("; ", "warning signs " + join(session.symptoms, ", "));
    }
    if (!session.note.empty()) {
      add("; ", clean_note(session.note));
    }
    std::string head = to_string(session.date);
    head += "  ";
    pad_right(head, one_line(session.session), 7);
    head += "  ";
    pad_left(head, std::to_string(session.stage_week), 4);
    head += "  ";
    pad_left(head, session.pain ? std::to_string(*session.pain) : std::string("-"), 4);
    head += "  ";
    pad_right(head, session.effort ? to_string(*session.effort) : std::string_view("-"), 6);
    head += "  ";
    if (rest.empty()) {
      w_.line(trim(head));
    } else {
      w_.paragraph(head, rest, display_width(head));
    }
    return w_.take();
  }

  std::string finish(const std::vector<SafetyEvent>& events) override {
    if (!begun_) {
      w_.line("The log is empty. Record a session with: valgus log --pain N --effort easy|right|hard");
      return w_.take();
    }
    if (!events.empty()) {
      w_.line();
      w_.line(w_.bold(fmt::format("{:<10}  {:<7}  {}", "Date", "Safety", "Why")));
    }
    for (const SafetyEvent& event : events) {
      const std::string head = fmt::format("{:<10}  {:<7}  ", to_string(event.date), to_string(event.kind));
      if (event.reason.empty()) {
        w_.line(trim(head));
      } else {
        w_.paragraph(head, one_line(event.reason), display_width(head));
      }
    }
    return w_.take();
  }

 private:
  TextStyle style_;  // the writer keeps a reference: the stream outlives the caller's style
  TextWriter w_;
  bool begun_ = false;
};

class JsonLogStream final : public LogStream {
 public:
  std::string session(const LoggedSession& session) override {
    begin();
    // Field by field, not as one nlohmann object dumped and re-indented:
    // the same text (unit.render_json compares it with one dump).
    json_.begin_object();
    json_.field("date", Json(to_string(session.date)));
    json_.field("session", Json(session.session));
    json_.field("stage_week", Json(session.stage_week));
    json_.field("pain", session.pain ? Json(*session.pain) : Json(nullptr));
    json_.field("effort", session.effort ? Json(std::string(to_string(*session.effort))) : Json(nullptr));
    json_.field("note", Json(session.note));
    json_.field("next_morning_pain", session.next_morning_pain ? Json(*session.next_morning_pain) : Json(nullptr));
    json_.field("symptoms", Json(session.symptoms));
    json_.key("exercises");
    json_.begin_array();
    for (const LoggedExercise& exercise : session.exercises) {
      json_.begin_object();
      json_.field("id", Json(exercise.id));
      json_.field("done", Json(exercise.done));
      json_.end_object();
    }
    json_.end_array();
    json_.end_object();
    return json_.take();
  }

  std::string finish(const std::vector<SafetyEvent>& events) override {
    begin();
    json_.end_array();
    Json listed = Json::array();
    for (const SafetyEvent& event : events) {
      listed.push_back(Json{
          {"date", to_string(event.date)}, {"kind", std::string(to_string(event.kind))}, {"reason", event.reason}});
    }
    json_.field("safety_events", listed);
    json_.end_object();
    return json_.take() + "\n";
  }

 private:
  // {"sessions": [ before the first session, or at the end of an empty log.
  void begin() {
    if (!begun_) {
      begun_ = true;
      json_.begin_object();
      json_.key("sessions");
      json_.begin_array();
    }
  }

  std::string out_;
  JsonWriter json_{out_};
  bool begun_ = false;
};

// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
// Every cell is cleaned as a note is (clean_note: one line, no control
// character a terminal or spreadsheet would act on), whatever the log
// holds; a cell starting with =, +, -, @, tab or carriage return (OWASP's
// list) is prefixed with ' so a spreadsheet never runs it as a formula.
std::string csv_field(std::string_view text) {
  std::string value = clean_note(text);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string out = "\"";
  for (const char c : value) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

constexpr std::string_view csv_header =
    "date,session,stage_week,pain,effort,done,skipped,note,next_morning_pain,symptoms\r\n";

class CsvLogStream final : public LogStream {
 public:
  std::string session(const LoggedSession& session) override {
    std::vector<std::string> done;
    std::vector<std::string> skipped;
    for (const LoggedExercise& exercise : session.exercises) {
      (exercise.done ? done : skipped).push_back(exercise.id);
    }
    return header() +
           fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", to_string(session.date), csv_field(session.session),
                       session.stage_week, session.pain ? std::to_string(*session.pain) : std::string(),
                       session.effort ? std::string(to_string(*session.effort)) : std::string(),
                       csv_field(join(done, " ")), csv_field(join(skipped, " ")), csv_field(session.note),
                       session.next_morning_pain ? std::to_string(*session.next_morning_pain) : std::string(),
                       csv_field(join(session.symptoms, " ")));
  }

  std::string finish(const std::vector<SafetyEvent>& /*events: not in the CSV*/) override { return header(); }

 private:
  std::string header() { return std::exchange(begun_, true) ? std::string() : std::string(csv_header); }

  bool begun_ = false;
};

}  // namespace

std::unique_ptr<LogStream> log_stream_text(const TextStyle& style) { return std::make_unique<TextLogStream>(style); }
std::unique_ptr<LogStream> log_stream_json() { return std::make_unique<JsonLogStream>(); }
std::unique_ptr<LogStream> log_stream_csv() { return std::make_unique<CsvLogStream>(); }

std::string render_log(LogStream& stream, const LogListing& listing) {
  std::string out;
  for (const LoggedSession& session : listing.sessions) {
    out += stream.session(session);
  }
  return out + stream.finish(listing.events);
}

std::string render_log_text(const LogListing& listing, const TextStyle& style) {
  return render_log(*log_stream_text(style), listing);
}
std::string render_log_json(const LogListing& listing) { return render_log(*log_stream_json(), listing); }
std::string render_log_csv(const LogListing& listing) { return render_log(*log_stream_csv(), listing); }

}  // namespace valgus
