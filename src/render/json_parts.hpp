#pragma once

// The JSON pieces every JSON view shares (render_json.cpp,
// render_follow_json.cpp): an exercise, a dose, notes, and how a document
// is printed. Internal to src/render.

#include "core/plan/planner.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace valgus {

using Json = nlohmann::ordered_json;

namespace json_detail {

[[nodiscard]] Json range_json(Range range);
[[nodiscard]] Json dose_json(const Dose& dose);
[[nodiscard]] Json exercise_json(const PlannedExercise& planned);
[[nodiscard]] Json notes_json(const std::vector<Note>& notes);
// The JSON text of a value at `indent` (-1: on one line), UTF-8 kept and
// any byte that is not valid UTF-8 replaced by U+FFFD: a note, a file name
// or a folder from the environment may hold any bytes, and a JSON document
// must still be printed. Every JSON view writes through it.
[[nodiscard]] std::string text_of(const Json& json, int indent);
// A document: 2-space indent, a final newline.
[[nodiscard]] std::string dump(const Json& json);

// Writes what dump() would print for a document built one value at a time,
// so a plan or list of 15,000 exercises never exists as one DOM (which
// took three times the memory of the catalogue). Small values are still
// nlohmann objects, re-indented to their depth.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  // The text written since the last take (a stream writes it out).
  [[nodiscard]] std::string take() { return std::exchange(out_, {}); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    separate();
    quoted(name);  // names are ours and plain ASCII
    out_ += ": ";
    after_key_ = true;
  }

  // A string, an integer, a boolean, null: as value() prints them, without
  // an nlohmann value per field (a listing of a long log writes hundreds of
  // thousands).
  void string(std::string_view text) {
    separate();
    quoted(text);
  }
  void integer(std::int64_t number) {
    separate();
    out_ += std::to_string(number);
  }
  void boolean(bool truth) {
    separate();
    out_ += truth ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }

  void value(const Json& json) {
    separate();
    // Numbers, booleans and null as nlohmann prints them, without a dump
    // (a log of 3,650 sessions writes about 40,000 of them).
    if (json.is_number_integer() || json.is_boolean() || json.is_null()) {
      out_ += json.is_null()              ? "null"
              : json.is_boolean()         ? (json.get<bool>() ? "true" : "false")
              : json.is_number_unsigned() ? std::to_string(json.get<std::uint64_t>())
                                          : std::to_string(json.get<std::int64_t>());
      return;
    }
    // JSON text has no raw newlines inside strings, so every newline
    // starts a line to indent.
    for (const char c : text_of(json, 2)) {
      out_ += c;
      if (c == '\n') {
        out_.append(depth() * 2, ' ');
      }
    }
  }

  void field(std::string_view name, const Json& json) {
    key(name);
    value(json);
  }

 private:
  [[nodiscard]] std::size_t depth() const { return empty_.size(); }

  // `text` as a JSON string: as it is between quotes when it is printable
  // ASCII with no quote or backslash, else as nlohmann escapes it.
  void quoted(std::string_view text) {
    const bool plain =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~' && c != '"' && c != '\\'; });
    if (plain) {
      out_ += '"';
      out_ += text;
      out_ += '"';
    } else {
      out_ += text_of(Json(std::string(text)), -1);
    }
  }

  // Before a value or key: a comma after the previous one, a new line, the
  // indent; nothing right after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!empty_.empty()) {
      out_ += empty_.back() ? "\n" : ",\n";
      empty_.back() = false;
      out_.append(depth() * 2, ' ');
    }
  }

  void open(char bracket) {
    separate();
    out_ += bracket;
    empty_.push_back(true);
  }

  void close(char bracket) {
    const bool was_empty = empty_.back();
    empty_.pop_back();
    if (!was_empty) {
      out_ += '\n';
      out_.append(depth() * 2, ' ');
    }
    out_ += bracket;
  }

  std::string& out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace json_detail
}  // namespace valgus
