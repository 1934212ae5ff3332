#pragma once

// The format table: each output format, and which renderer it uses for each
// kind of data. Commands choose a format by name here and nowhere else;
// adding a format is one renderer file and one row in formats.cpp.

#include "render/render.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// What a command renders: `plan` the routine (plan), `programme` the weeks
// handed out to a file (export).
enum class DataKind { plan, programme, list, exercise, problems, check, today, progress, log, assessment };

struct Format {
  std::string_view name;
  // Structured output (JSON) carries errors inside it; for the others they
  // are diagnostics on stderr.
  bool structured = false;
  // The file name extension (".md") that picks this format where a command
  // chooses by its file (export FILE); empty: none.
  std::string_view extension = {};
  // Puts sessions on dates: needs training days, and takes a start day and
  // time (CalendarSetting).
  bool dated = false;
  // Work that needs nothing of the programme, done on another core while it
  // is planned (core/model/background.hpp): the PDF module and its fonts; null: none.
  void (*prepare)() = nullptr;
  // One renderer per kind of data; null when the format does not offer it.
  std::string (*plan)(const Plan&, const TextStyle&, const LimitOptions&) = nullptr;
  std::string (*programme)(const ProgrammeView&, const TextStyle&) = nullptr;
  std::string (*list)(const ExerciseListing&, const TextStyle&) = nullptr;
  std::string (*exercise)(const ExerciseDetail&, const TextStyle&) = nullptr;
  std::string (*problems)(const ProblemsListing&, const TextStyle&) = nullptr;
  std::string (*check)(const CheckReport&, const TextStyle&) = nullptr;
  std::string (*today)(const TodayView&, const TextStyle&) = nullptr;
  std::string (*progress)(const ProgressView&, const TextStyle&) = nullptr;
  std::unique_ptr<LogStream> (*log)(const TextStyle&) = nullptr;  // streamed, session by session
  std::string (*assessment)(const AssessmentView&, const TextStyle&) = nullptr;

  [[nodiscard]] bool offers(DataKind kind) const;
};

[[nodiscard]] const std::vector<Format>& format_table();

// The names of the formats that offer `kind`, in table order.
[[nodiscard]] std::vector<std::string> format_names(DataKind kind);

// The format called `name` that offers `kind`; Error(usage) listing the
// formats for `kind` otherwise.
[[nodiscard]] const Format& find_format(DataKind kind, std::string_view name);

// The format whose extension ends `path` (ASCII case ignored) and that
// offers `kind`; null when none does.
[[nodiscard]] const Format* find_format_by_extension(DataKind kind, std::string_view path);

}  // namespace valgus
