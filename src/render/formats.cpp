#include "render/formats.hpp"

#include "core/model/error.hpp"
#include "core/model/text.hpp"
#include "render/figure.hpp"
#include "render/render_html.hpp"
#include "render/render_ics.hpp"
#include "render/render_pdf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace valgus {
namespace {

// Adapters from the renderers' own signatures to the table's; a format that
// ignores the style (Markdown, JSON) says so here.
std::vector<Format> make_table() {
  Format text{"text"};
  text.plan = render_plan_text;
  text.list = [](const ExerciseListing& listing, const TextStyle& style) {
    return render_list_text(listing.exercises, style, listing.show_origin);
  };
  text.exercise = [](const ExerciseDetail& detail, const TextStyle& style) {
    return render_exercise_text(detail.exercise, detail.serves, style,
                                detail.braille ? render_figure_braille(detail.figure, style.width) : std::string());
  };
  text.problems = [](const ProblemsListing& listing, const TextStyle& style) {
    return render_problems_text(listing, style);
  };
  text.check = [](const CheckReport& report, const TextStyle&) { return render_check_text(report); };
  text.today = render_today_text;
  text.progress = render_progress_text;
  text.log = log_stream_text;
  text.assessment = render_assessment_text;

  Format markdown{"markdown"};
  markdown.extension = ".md";
  markdown.plan = [](const Plan& plan, const TextStyle&, const LimitOptions& options) {
    return render_plan_markdown(plan, options);
  };
  markdown.programme = [](const ProgrammeView& view, const TextStyle&) {
    return render_plan_markdown(*view.plan, view.limits);
  };
  markdown.list = [](const ExerciseListing& listing, const TextStyle&) {
    return render_list_markdown(listing.exercises, listing.show_origin);
  };

  Format json{"json", true};
  json.extension = ".json";
  json.plan = [](const Plan& plan, const TextStyle&, const LimitOptions& options) {
    return render_plan_json(plan, options);
  };
  json.programme = [](const ProgrammeView& view, const TextStyle&) {
    return render_plan_json(*view.plan, view.limits);
  };
  json.list = [](const ExerciseListing& listing, const TextStyle&) { return render_list_json(listing.exercises); };
  json.exercise = [](const ExerciseDetail& detail, const TextStyle&) {
    return render_exercise_json(detail.exercise, detail.serves);
  };
  json.problems = [](const ProblemsListing& listing, const TextStyle&) { return render_problems_json(listing); };
  json.check = [](const CheckReport& report, const TextStyle&) { return render_check_json(report); };
  json.today = [](const TodayView& view, const TextStyle&) { return render_today_json(view); };
  json.progress = [](const ProgressView& view, const TextStyle&) { return render_progress_json(view); };
  json.log = [](const TextStyle&) { return log_stream_json(); };
  json.assessment = [](const AssessmentView& view, const TextStyle&) { return render_assessment_json(view); };

  // The printable handout: one self-contained page.
  Format html{"html"};
  html.extension = ".html";
  html.programme = [](const ProgrammeView& view, const TextStyle&) { return render_programme_html(view); };

  // The same handout as a PDF: pages laid out with pango, drawn with cairo.
  Format pdf{"pdf"};
  pdf.extension = ".pdf";
  pdf.prepare = prepare_pdf_handout;
  pdf.programme = [](const ProgrammeView& view, const TextStyle&) { return render_programme_pdf(view); };

  // A figure alone: `show ID --format svg`.
  Format svg{"svg"};
  svg.extension = ".svg";
  svg.exercise = [](const ExerciseDetail& detail, const TextStyle&) { return render_figure_svg(detail.figure); };

  Format csv{"csv"};
  csv.extension = ".csv";
  csv.log = [](const TextStyle&) { return log_stream_csv(); };

  // A calendar renders a programme only: a plan of one week has no dates.
  Format ics{"ics"};
  ics.extension = ".ics";
  ics.dated = true;
  ics.programme = [](const ProgrammeView& view, const TextStyle&) { return render_programme_ics(view); };

  return {text, markdown, json, html, pdf, svg, csv, ics};
}

}  // namespace

bool Format::offers(DataKind kind) const {
  switch (kind) {
    case DataKind::plan: return plan != nullptr;
    case DataKind::programme: return programme != nullptr;
    case DataKind::list: return list != nullptr;
    case DataKind::exercise: return exercise != nullptr;
    case DataKind::problems: return problems != nullptr;
    case DataKind::check: return check != nullptr;
    case DataKind::today: return today != nullptr;
    case DataKind::progress: return progress != nullptr;
    case DataKind::log: return log != nullptr;
    case DataKind::assessment: return assessment != nullptr;
  }
  return false;
}

const std::vector<Format>& format_table() {
  static const std::vector<Format> table = make_table();
  return table;
}

std::vector<std::string> format_names(DataKind kind) {
  std::vector<std::string> names;
  for (const Format& format : format_table()) {
    if (format.offers(kind)) {
      names.emplace_back(format.name);
    }
  }
  return names;
}

const Format& find_format(DataKind kind, std::string_view name) {
  for (const Format& format : format_table()) {
    if (format.name == name && format.offers(kind)) {
      return format;
    }
  }
  const auto valid = format_names(kind);
  throw Error(ExitCode::usage, fmt::format("unknown format \"{}\"{}; valid formats: {}", name,
                                           did_you_mean_suffix(name, valid), join(valid, ", ")));
}

const Format* find_format_by_extension(DataKind kind, std::string_view path) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (const Format& format : format_table()) {
    const std::string_view extension = format.extension;
    if (extension.empty() || !format.offers(kind) || path.size() <= extension.size()) {
      continue;
    }
    const std::string_view tail = path.substr(path.size() - extension.size());
    if (std::equal(tail.begin(), tail.end(), extension.begin(), extension.end(),
                   [&](char a, char b) { return lower(a) == lower(b); })) {
      return &format;
    }
  }
  return nullptr;
}

}  // namespace valgus
