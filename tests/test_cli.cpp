// The command layer without CLI11: commands run as plain functions on a
// Context whose output a test captures; the command and format tables.

#include "cli/command_table.hpp"
#include "cli/commands.hpp"
#include "cli/programme_day.hpp"
#include "fixtures.hpp"
#include "render/formats.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <stdlib.h>  // NOLINT(modernize-deprecated-headers): mkdtemp, setenv

namespace {

struct Captured {
  valgus::cli::Context context;
  std::string out;

  Captured() : context(valgus::test::fixture_catalogue()) {
    context.global.no_user_catalog = true;
    context.output = [this](std::string_view text) { out += text; };
  }
};

using valgus::ExitCode;

}  // namespace

TEST_CASE("run_plan renders the plan in the format asked for") {
  Captured run;
  valgus::cli::PlanArgs args;
  args.problems.by_id = {"hip"};
  args.format = "json";
  CHECK(valgus::cli::run_plan(run.context, args) == ExitCode::ok);
  CHECK(run.out.rfind("{\n  \"problems\": [\n", 0) == 0);
  CHECK(run.out.find("\"id\": \"adductor-roll\"") != std::string::npos);

  Captured text;
  args.format = "text";
  CHECK(valgus::cli::run_plan(text.context, args) == ExitCode::ok);
  CHECK(text.out.rfind("Knee valgus routine\nFor: hip rotation\n", 0) == 0);
}

TEST_CASE("run_plan with no problem lists the choices in the error") {
  Captured run;
  valgus::cli::PlanArgs args;
  args.problems.flag_ids = {"hip"};
  try {
    (void)valgus::cli::run_plan(run.context, args);
    FAIL("no error");
  } catch (const valgus::Error& error) {
    CHECK(error.code() == ExitCode::usage);
    CHECK(std::string(error.what()) == "no problem given; choose one or more for valgus plan:");
    CHECK(error.hint() ==
          "  --hip            hip rotation\n"
          "  --problem ankle  pronation\n"
          "  --all            every problem above\n"
          "Not sure which fit you? valgus assess walks you through the self-tests\n");
  }
  CHECK(run.out.empty());
}

TEST_CASE("run_check returns 65 for errors in JSON and prints them inside it") {
  Captured run;
  run.context.global.no_builtin = true;
  valgus::cli::CheckArgs args;
  args.paths = {VALGUS_TEST_DATA "/data/bad-catalogue.yaml"};
  args.format = "json";
  CHECK(valgus::cli::run_check(run.context, args) == ExitCode::bad_data);
  CHECK(run.out.find("\"ok\": false") != std::string::npos);

  Captured text;
  text.context.global.no_builtin = true;
  args.format = "text";
  CHECK_THROWS_AS((void)valgus::cli::run_check(text.context, args), valgus::Error);
  CHECK(text.out.empty());
}

TEST_CASE("run_show: an unknown id is a usage error with a did-you-mean") {
  Captured run;
  valgus::cli::ShowArgs args;
  args.id = "clamm";
  CHECK_THROWS_WITH((void)valgus::cli::run_show(run.context, args),
                    "unknown exercise \"clamm\" (did you mean \"clam\"?); see the ids with: valgus list");
  args.id = "clam";
  CHECK(valgus::cli::run_show(run.context, args) == ExitCode::ok);
  CHECK(run.out.rfind("Clam (clam)  ", 0) == 0);
}

TEST_CASE("the command table: unique names, every command set up, hidden helpers out of sight") {
  std::set<std::string_view> names;
  for (const auto& command : valgus::cli::command_table()) {
    CHECK(names.insert(command.name).second);
    const bool has_setup = command.setup != nullptr;
    CHECK(has_setup);
    CHECK_FALSE(command.summary.empty());
  }
  CHECK(valgus::cli::visible_command_names() ==
        std::vector<std::string>{"plan", "export", "list", "show", "problems", "assess", "start", "today", "go", "log",
                                 "resume", "progress", "check", "import", "completion"});
  const auto& table = valgus::cli::command_table();
  const auto complete =
      std::find_if(table.begin(), table.end(), [](const auto& command) { return command.name == "__complete"; });
  REQUIRE(complete != table.end());
  CHECK(complete->hidden);
}

TEST_CASE("the format table: each kind offers its formats, an unknown one is a usage error") {
  using valgus::DataKind;
  CHECK(valgus::format_names(DataKind::plan) == std::vector<std::string>{"text", "markdown", "json"});
  CHECK(valgus::format_names(DataKind::list) == std::vector<std::string>{"text", "markdown", "json"});
  CHECK(valgus::format_names(DataKind::exercise) == std::vector<std::string>{"text", "json", "svg"});
  CHECK(valgus::format_names(DataKind::problems) == std::vector<std::string>{"text", "json"});
  CHECK(valgus::format_names(DataKind::check) == std::vector<std::string>{"text", "json"});
  CHECK(valgus::find_format(DataKind::plan, "markdown").name == "markdown");
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::exercise, "markdown"),
                    "unknown format \"markdown\"; valid formats: text, json, svg");
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::plan, "jsn"),
                    "unknown format \"jsn\" (did you mean \"json\"?); valid formats: text, markdown, json");
  CHECK(valgus::format_names(DataKind::today) == std::vector<std::string>{"text", "json"});
  CHECK(valgus::format_names(DataKind::progress) == std::vector<std::string>{"text", "json"});
  CHECK(valgus::format_names(DataKind::log) == std::vector<std::string>{"text", "json", "csv"});
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::plan, "csv"),
                    "unknown format \"csv\"; valid formats: text, markdown, json");
  // A calendar is a programme's only: export offers it, plan, list and show
  // refuse it with their own formats.
  CHECK(valgus::format_names(DataKind::programme) ==
        std::vector<std::string>{"markdown", "json", "html", "pdf", "ics"});
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::plan, "ics"),
                    "unknown format \"ics\"; valid formats: text, markdown, json");
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::list, "ics"),
                    "unknown format \"ics\"; valid formats: text, markdown, json");
  CHECK_THROWS_WITH((void)valgus::find_format(DataKind::exercise, "ics"),
                    "unknown format \"ics\"; valid formats: text, json, svg");
  for (const auto& format : valgus::format_table()) {
    // Every format renders a plan, a programme, the log or a figure; only
    // a dated format needs a start day, and it renders nothing undated.
    CHECK((format.offers(DataKind::plan) || format.offers(DataKind::programme) || format.offers(DataKind::log) ||
           format.name == "svg"));
    if (format.dated) {
      CHECK_FALSE(format.offers(DataKind::plan));
    }
  }
}

TEST_CASE("the format table's extensions pick a file's format, where the format offers the data") {
  using valgus::DataKind;
  using valgus::find_format_by_extension;
  const auto name_for = [](DataKind kind, std::string_view path) -> std::string {
    const valgus::Format* format = find_format_by_extension(kind, path);
    return format == nullptr ? "none" : std::string(format->name);
  };
  CHECK(name_for(DataKind::programme, "routine.md") == "markdown");
  CHECK(name_for(DataKind::programme, "out/plan.json") == "json");
  CHECK(name_for(DataKind::programme, "programme.ics") == "ics");
  CHECK(name_for(DataKind::programme, "PROGRAMME.ICS") == "ics");
  CHECK(name_for(DataKind::programme, "notes.txt") == "none");
  CHECK(name_for(DataKind::programme, "log.csv") == "none");  // csv renders the log only
  CHECK(name_for(DataKind::log, "log.csv") == "csv");
  CHECK(name_for(DataKind::programme, "ics") == "none");
  CHECK(name_for(DataKind::programme, ".ics") == "none");
  CHECK(name_for(DataKind::programme, "folder.ics/routine") == "none");
  CHECK(name_for(DataKind::programme, "-") == "none");
  CHECK(name_for(DataKind::plan, "programme.ics") == "none");
  for (const auto& format : valgus::format_table()) {
    if (!format.extension.empty()) {
      CHECK(format.extension.front() == '.');
    }
  }
}

TEST_CASE("run_export: --format, else the file's extension, else Markdown; --ics is --format ics") {
  valgus::cli::ExportArgs args;
  args.problems.by_id = {"hip"};
  args.weeks = 2;
  args.file = "-";

  Captured markdown;
  CHECK(valgus::cli::run_export(markdown.context, args) == ExitCode::ok);
  CHECK(markdown.out.rfind("# ", 0) == 0);

  Captured json;
  args.format = "json";
  CHECK(valgus::cli::run_export(json.context, args) == ExitCode::ok);
  CHECK(json.out.rfind("{\n  \"problems\": [\n", 0) == 0);

  Captured by_name;
  args.format = "ics";
  args.start = "2026-11-23";
  args.at = "07:30";
  CHECK(valgus::cli::run_export(by_name.context, args) == ExitCode::ok);
  CHECK(by_name.out.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(by_name.out.find("\r\nDTSTART:20261123T073000\r\n") != std::string::npos);
  CHECK(by_name.out.find("\r\nDTSTAMP:20261123T000000Z\r\n") != std::string::npos);

  Captured by_flag;
  args.format.clear();
  args.ics = true;
  CHECK(valgus::cli::run_export(by_flag.context, args) == ExitCode::ok);
  CHECK(by_flag.out == by_name.out);

  Captured both;
  args.format = "ics";
  CHECK(valgus::cli::run_export(both.context, args) == ExitCode::ok);
  CHECK(both.out == by_name.out);
}

TEST_CASE("run_export refuses what does not fit the format, before any output") {
  const auto error_of = [](const valgus::cli::ExportArgs& args) -> std::string {
    Captured run;
    try {
      (void)valgus::cli::run_export(run.context, args);
    } catch (const valgus::Error& error) {
      CHECK(error.code() == ExitCode::usage);
      CHECK(run.out.empty());
      return error.what();
    }
    return "no error";
  };
  valgus::cli::ExportArgs args;
  args.problems.by_id = {"hip"};
  args.file = "-";
  args.ics = true;
  args.format = "json";
  CHECK(error_of(args) == "--ics is --format ics, not --format json; give one of them");
  args.format = "markdown";
  CHECK(error_of(args) == "--ics is --format ics, not --format markdown; give one of them");

  args.format.clear();
  args.ics = false;
  args.start = "2026-11-23";
  CHECK(error_of(args) == "--start applies to --ics only; add --ics for a calendar, or leave it out");
  args.file = "routine.json";
  CHECK(error_of(args) == "--start applies to --ics only; add --ics for a calendar, or leave it out");

  args.personal.full = true;
  args.file = "-";
  args.ics = true;
  CHECK(error_of(args) == "--ics puts the sessions of a week on days; leave out --full");
  args.ics = false;
  args.format = "ics";
  CHECK(error_of(args) == "--format ics puts the sessions of a week on days; leave out --full");
  args.format.clear();
  args.file = "/nonexistent/valgus-tests/programme.ics";
  CHECK(error_of(args) == "a .ics file puts the sessions of a week on days; leave out --full");
}

TEST_CASE("--days: a count spread over the week, or weekday names in week order") {
  using valgus::cli::parse_days;
  CHECK(parse_days("1") == std::vector<int>{0});
  CHECK(parse_days("2") == std::vector<int>{0, 3});
  CHECK(parse_days("3") == std::vector<int>{0, 2, 4});
  CHECK(parse_days("7") == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
  CHECK(parse_days("fri,mon,wed") == std::vector<int>{0, 2, 4});
  CHECK(parse_days(" Mon , SUN ") == std::vector<int>{0, 6});
  for (const char* bad : {"0", "8", "", "mon,mon", "monday", "mon,,wed", "3,mon"}) {
    INFO(bad);
    try {
      (void)parse_days(bad);
      FAIL("accepted");
    } catch (const valgus::Error& error) {
      CHECK(error.code() == valgus::ExitCode::usage);
      CHECK(std::string(error.what()) ==
            std::string("--days: \"") + bad +
                "\" is not a number of days from 1 to 7 nor distinct weekdays; write 3, or days such as mon,wed,fri "
                "(mon tue wed thu fri sat sun)");
    }
  }
}

namespace {

// A saved programme in a fresh XDG_CONFIG_HOME for as long as it lives.
class SavedProgrammeFile {
 public:
  explicit SavedProgrammeFile(const std::string& yaml) {
    const char* before = std::getenv("XDG_CONFIG_HOME");
    had_config_ = before != nullptr;
    old_config_ = had_config_ ? before : "";
    std::string pattern = "/tmp/valgus-test-cli-XXXXXX";
    folder_ = ::mkdtemp(pattern.data());
    REQUIRE_FALSE(folder_.empty());
    ::setenv("XDG_CONFIG_HOME", folder_.c_str(), 1);
    std::filesystem::create_directories(folder_ + "/valgus");
    std::ofstream(folder_ + "/valgus/programme.yaml") << yaml;
  }
  SavedProgrammeFile(const SavedProgrammeFile&) = delete;
  SavedProgrammeFile& operator=(const SavedProgrammeFile&) = delete;
  ~SavedProgrammeFile() {
    std::filesystem::remove_all(folder_);
    if (had_config_) {
      ::setenv("XDG_CONFIG_HOME", old_config_.c_str(), 1);
    } else {
      ::unsetenv("XDG_CONFIG_HOME");
    }
  }

 private:
  std::string folder_;
  std::string old_config_;
  bool had_config_ = false;
};

const std::string saved_minutes_15 =
    "start: 2027-01-04\nproblems: [hip]\ndays: [mon, wed, fri]\nminutes: 15\nmax_exercises: 5\nside: left\n";

}  // namespace

TEST_CASE("options: the command line wins field by field over the saved programme, the defaults fill the rest") {
  using namespace valgus::cli;
  const auto catalogue = valgus::test::fixture_catalogue();
  valgus::SavedProgramme saved;
  saved.problems = {"hip"};
  saved.days = {0, 2, 4};
  saved.minutes = 15;
  saved.max_exercises = 5;
  ProblemChoice problems;
  PersonalChoice personal;
  personal.days = "4";
  ProgrammeOptions options = options_given(problems, personal, catalogue);
  fill_unset(options, options_saved(saved));
  const valgus::Request request = build_request(options, PlanShape{2, false});
  CHECK(request.problems == std::vector<std::string>{"hip"});
  CHECK(request.minutes == 15);
  CHECK(request.days == std::vector<int>{0, 1, 3, 4});
  CHECK(request.max_exercises == 5);
  CHECK(request.week == 2);
  CHECK_FALSE(request.equipment.has_value());

  // Nothing given and nothing saved: the defaults, from their one place.
  ProgrammeOptions hip;
  hip.problems = {"hip"};
  const valgus::Request defaults = build_request(hip);
  CHECK(defaults.minutes == 20);
  CHECK(defaults.max_exercises == 6);
  CHECK(defaults.days == std::vector<int>{0, 2, 4});
  CHECK(defaults.side == valgus::Side::both);
  CHECK(default_options().minutes == valgus::default_minutes);
  CHECK(default_options().max_exercises == valgus::default_session_exercises);
  CHECK(default_options().days == valgus::spread_days(valgus::default_days_a_week));

  // --full: no week and no budget unless one is given.
  const valgus::Request full = build_request(hip, PlanShape{1, true});
  CHECK(full.days.empty());
  CHECK_FALSE(full.minutes.has_value());
  CHECK_FALSE(full.max_exercises.has_value());
}

TEST_CASE("options: a saved programme of 15 minutes with --days 4 follows 15 minutes on 4 days") {
  using namespace valgus::cli;
  const SavedProgrammeFile file(saved_minutes_15);
  Captured run;
  const auto catalogue = valgus::test::fixture_catalogue();
  ProblemChoice problems;
  PersonalChoice personal;
  personal.days = "4";
  const ChosenProgramme chosen = choose_programme(run.context, catalogue, problems, personal, "today");
  CHECK(chosen.saved);
  CHECK(chosen.start == valgus::Date{2027, 1, 4});
  CHECK(chosen.source.rfind(", with the options given") != std::string::npos);
  const valgus::Request request = build_request(chosen.options);
  CHECK(request.problems == std::vector<std::string>{"hip"});
  CHECK(request.minutes == 15);
  CHECK(request.days == std::vector<int>{0, 1, 3, 4});
  CHECK(request.max_exercises == 5);
  CHECK(request.side == valgus::Side::left);

  // plan and export read the same file the same way; --full drops the
  // saved week and budget, keeps the rest.
  personal.days.reset();
  personal.full = true;
  const valgus::Request routine = plan_request(catalogue, problems, personal, "plan");
  CHECK(routine.problems == std::vector<std::string>{"hip"});
  CHECK(routine.days.empty());
  CHECK_FALSE(routine.minutes.has_value());
  CHECK(routine.side == valgus::Side::left);
}
