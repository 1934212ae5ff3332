// valgus log --list in each format, written session by session as the log
// is read: a listing of 20,000 sessions never exists as one string or one
// JSON document.

#include "core/model/text.hpp"
#include "render/json_parts.hpp"
#include "render/render.hpp"
#include "render/text_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

namespace {

using json_detail::JsonWriter;
using text_detail::TextWriter;

// A column of a listing line: `text` padded with spaces to `width` columns,
// on the right (fmt's {:<N}) or, when `right`, on the left ({:>N}).
// `ascii`: the text is known to be plain ASCII, one column a byte.
struct Column {
  std::string_view text;
  int width = 0;
  bool right = false;
  bool ascii = false;
};

// Appends each column padded, and two spaces after it, to `out` in one
// resize: this runs once a session, 3,650 times for a ten-year log
// (bench/follow.sh). Returns the columns written.
template <std::size_t N>
int append_columns(std::string& out, const std::array<Column, N>& columns) {
  std::array<int, N> pads{};
  std::size_t size = out.size();
  int written = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const int width = columns[i].ascii ? static_cast<int>(columns[i].text.size()) : display_width(columns[i].text);
    pads[i] = std::max(0, columns[i].width - width);
    size += columns[i].text.size() + static_cast<std::size_t>(pads[i]) + 2;
    written += width + pads[i] + 2;
  }
  std::size_t at = out.size();
  out.resize(size, ' ');
  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t text_at = columns[i].right ? at + static_cast<std::size_t>(pads[i]) : at;
    std::copy(columns[i].text.begin(), columns[i].text.end(), out.begin() + static_cast<std::ptrdiff_t>(text_at));
    at += columns[i].text.size() + static_cast<std::size_t>(pads[i]) + 2;
  }
  return written;
}

// A small number as text, without an allocation.
struct Digits {
  explicit Digits(int value) {
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    size = static_cast<std::size_t>(result.ptr - buffer.data());
  }
  [[nodiscard]] std::string_view view() const { return {buffer.data(), size}; }
  std::array<char, 12> buffer{};
  std::size_t size = 0;
};

class TextLogStream final : public LogStream {
 public:
  explicit TextLogStream(const TextStyle& style) : style_(style), w_(style_) {}

  std::string session(const LoggedSession& session) override {
    write(session);
    return w_.take();
  }

  void write_session(std::string& out, const LoggedSession& session) override {
    w_.continue_from(std::move(out));
    write(session);
    out = w_.take();
  }

  [[nodiscard]] bool shows_done_exercises() const override { return false; }

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
  // One session's line, to the writer.
  void write(const LoggedSession& session) {
    if (!begun_) {
      begun_ = true;
      w_.line(w_.bold(fmt::format("{:<10}  {:<7}  {:>4}  {:>4}  {:<6}  {}", "Date", "Session", "Week", "Pain", "Effort",
                                  "Skipped, note")));
    }
    // Written by hand, not with fmt: this runs once a session, and a
    // ten-year log has 3,650 of them (bench/follow.sh).
    std::string& rest = rest_;
    rest.clear();
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
    const std::string name = one_line(session.session);
    const Digits week(session.stage_week);
    const Digits pain(session.pain.value_or(0));
    // The date: YYYY-MM-DD, ten columns as the heading's Date, then the gap.
    constexpr int date_width = 10 + 2;
    head_.clear();
    append_date(head_, session.date);
    head_.append(2, ' ');
    const int head_width =
        date_width +
        append_columns(
            head_, std::array<Column, 4>{
                       Column{name, 7}, Column{week.view(), 4, true, true},
                       Column{session.pain ? pain.view() : "-", 4, true, true},
                       Column{session.effort ? to_string(*session.effort) : std::string_view("-"), 6, false, true}});
    if (rest.empty()) {
      w_.line(std::string_view(head_).substr(0, head_.find_last_not_of(' ') + 1));
    } else {
      w_.paragraph(head_, head_width, rest, head_width);
    }
  }

  TextStyle style_;  // the writer keeps a reference: the stream outlives the caller's style
  TextWriter w_;
  bool begun_ = false;
  std::string head_;  // the fixed columns of a line, kept between sessions so its room is reused
  std::string rest_;  // what follows them: skipped exercises, next-morning pain, warning signs, note
};

class JsonLogStream final : public LogStream {
 public:
  std::string session(const LoggedSession& session) override {
    write(session);
    return json_.take();
  }

  void write_session(std::string& out, const LoggedSession& session) override {
    out_.swap(out);  // written on after what the listing holds
    write(session);
    out_.swap(out);
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
  // Field by field, not as one nlohmann object dumped and re-indented:
  // the same text (unit.render_json compares it with one dump).
  void write(const LoggedSession& session) {
    begin();
    const auto number = [this](const std::optional<int>& value) {
      if (value) {
        json_.integer(*value);
      } else {
        json_.null();
      }
    };
    json_.begin_object();
    json_.key("date");
    json_.string(to_string(session.date));
    json_.key("session");
    json_.string(session.session);
    json_.key("stage_week");
    json_.integer(session.stage_week);
    json_.key("pain");
    number(session.pain);
    json_.key("effort");
    if (session.effort) {
      json_.string(to_string(*session.effort));
    } else {
      json_.null();
    }
    json_.key("note");
    json_.string(session.note);
    json_.key("next_morning_pain");
    number(session.next_morning_pain);
    json_.key("symptoms");
    json_.begin_array();
    for (const std::string& symptom : session.symptoms) {
      json_.string(symptom);
    }
    json_.end_array();
    json_.key("exercises");
    json_.begin_array();
    for (const LoggedExercise& exercise : session.exercises) {
      json_.begin_object();
      json_.key("id");
      json_.string(exercise.id);
      json_.key("done");
      json_.boolean(exercise.done);
      json_.end_object();
    }
    json_.end_array();
    json_.end_object();
  }

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
  // Plain words are their own clean note (the exercise lists, most notes).
  std::string value = text.empty() || plain_words(text) ? std::string(text) : clean_note(text);
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
    std::string out;
    write_session(out, session);
    return out;
  }

  // Appended field by field, once a session.
  void write_session(std::string& out, const LoggedSession& session) override {
    out += header();
    const auto ids = [&](bool done) {
      list_.clear();
      for (const LoggedExercise& exercise : session.exercises) {
        if (exercise.done == done) {
          if (!list_.empty()) {
            list_ += ' ';
          }
          list_ += exercise.id;
        }
      }
      return csv_field(list_);
    };
    const auto number = [&out](const std::optional<int>& value) {
      if (value) {
        out += std::to_string(*value);
      }
    };
    out += to_string(session.date);
    out += ',';
    out += csv_field(session.session);
    out += ',';
    out += std::to_string(session.stage_week);
    out += ',';
    number(session.pain);
    out += ',';
    if (session.effort) {
      out += to_string(*session.effort);
    }
    out += ',';
    out += ids(true);
    out += ',';
    out += ids(false);
    out += ',';
    out += csv_field(session.note);
    out += ',';
    number(session.next_morning_pain);
    out += ',';
    out += csv_field(join(session.symptoms, " "));
    out += "\r\n";
  }

  std::string finish(const std::vector<SafetyEvent>& /*events: not in the CSV*/) override { return header(); }

 private:
  std::string header() { return std::exchange(begun_, true) ? std::string() : std::string(csv_header); }

  bool begun_ = false;
  std::string list_;  // the exercises done, then those skipped, of the session being written
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
