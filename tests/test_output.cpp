#include "core/model/error.hpp"
#include "io/output.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

using valgus::test::TempDir;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int count_files(const fs::path& dir) {
  int count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
    ++count;
  }
  return count;
}

valgus::ExitCode code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const valgus::Error& error) {
    return error.code();
  }
  return valgus::ExitCode::ok;
}

}  // namespace

TEST_CASE("a new file is written whole, and no temporary file stays") {
  TempDir dir;
  const std::string target = (dir.path / "plan.md").string();
  valgus::write_file_atomically(target, "hello\n", false);
  CHECK(read(target) == "hello\n");
  CHECK(count_files(dir.path) == 1);
}

TEST_CASE("an existing file is kept without force and replaced with it") {
  TempDir dir;
  const std::string target = (dir.path / "plan.md").string();
  std::ofstream(target) << "mine\n";
  CHECK_THROWS_WITH(valgus::write_file_atomically(target, "new\n", false), (target + " already exists").c_str());
  CHECK_THROWS_WITH(valgus::write_file_atomically(target, "new\n", false, "say so to replace it"),
                    (target + " already exists; say so to replace it").c_str());
  CHECK(code_of([&] { valgus::write_file_atomically(target, "new\n", false); }) == valgus::ExitCode::cannot_create);
  CHECK(read(target) == "mine\n");
  valgus::write_file_atomically(target, "new\n", true);
  CHECK(read(target) == "new\n");
  CHECK(count_files(dir.path) == 1);
}

TEST_CASE("targets that cannot be created") {
  TempDir dir;
  const std::string missing = (dir.path / "no" / "plan.md").string();
  CHECK_THROWS_WITH(valgus::write_file_atomically(missing, "x", false),
                    ("cannot create " + missing + ": No such file or directory").c_str());
  CHECK(code_of([&] { valgus::write_file_atomically(missing, "x", false); }) == valgus::ExitCode::cannot_create);

  fs::create_directory(dir.path / "folder");
  const std::string folder = (dir.path / "folder").string();
  CHECK_THROWS_WITH(valgus::write_file_atomically(folder, "x", true),
                    (folder + " is not a regular file; refusing to replace it").c_str());

  if (::geteuid() != 0) {  // root writes anywhere
    fs::create_directory(dir.path / "locked");
    fs::permissions(dir.path / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    const std::string locked = (dir.path / "locked" / "plan.md").string();
    CHECK(code_of([&] { valgus::write_file_atomically(locked, "x", false); }) == valgus::ExitCode::cannot_create);
  }
}

TEST_CASE("a failed write is an io error with the reason") {
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(full >= 0);
  CHECK_THROWS_WITH(valgus::write_all(full, "text"), "write error: No space left on device");
  CHECK(code_of([&] { valgus::write_all(full, "text"); }) == valgus::ExitCode::io_error);
  CHECK_THROWS_WITH(valgus::write_all(full, "text", "/mnt/handout.md"),
                    "cannot write /mnt/handout.md: No space left on device");
  ::close(full);
}

TEST_CASE("--force keeps the permission bits of the file it replaces, never set-user-ID or set-group-ID") {
  TempDir dir;
  const std::string target = (dir.path / "plan.md").string();
  std::ofstream(target) << "old\n";
  REQUIRE(::chmod(target.c_str(), 06755) == 0);
  valgus::write_file_atomically(target, "new\n", true);
  struct stat info {};
  REQUIRE(::stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0755);
  REQUIRE(::chmod(target.c_str(), 0600) == 0);
  valgus::write_file_atomically(target, "newer\n", true);
  REQUIRE(::stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  CHECK(read(target) == "newer\n");
  CHECK(count_files(dir.path) == 1);
}

TEST_CASE("targets that are not regular files are named, with or without force") {
  TempDir dir;
  const std::string link = (dir.path / "x.md").string();
  fs::create_symlink(dir.path / "gone.md", link);
  for (const bool force : {false, true}) {
    CHECK_THROWS_WITH(valgus::write_file_atomically(link, "x", force, "use --force to replace it"),
                      (link + " is a symbolic link to a missing file; remove it or choose another name").c_str());
    CHECK(code_of([&] { valgus::write_file_atomically(link, "x", force); }) == valgus::ExitCode::cannot_create);
  }
  CHECK(fs::is_symlink(link));
  CHECK(!fs::exists(dir.path / "gone.md"));

  // --force would not help, so it is not suggested.
  const std::string pipe = (dir.path / "pipe.md").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  CHECK_THROWS_WITH(valgus::write_file_atomically(pipe, "x", false, "use --force to replace it"),
                    (pipe + " is not a regular file; refusing to replace it").c_str());
  CHECK(count_files(dir.path) == 2);
}

TEST_CASE("each no-clobber step moves a finished file and never replaces one") {
  using Step = valgus::NoClobberStep;
  for (const Step step : {Step::link, Step::rename_noreplace, Step::exclusive_create}) {
    CAPTURE(static_cast<int>(step));
    TempDir dir;
    const std::string from = (dir.path / ".valgus-test").string();
    const std::string to = (dir.path / "plan.md").string();
    std::ofstream(from) << "new\n";
    valgus::publish_without_replacing(from, to, step);
    CHECK(read(to) == "new\n");
    CHECK(!fs::exists(from));

    std::ofstream(from) << "newer\n";
    CHECK_THROWS_WITH(valgus::publish_without_replacing(from, to, step, "kept"), "kept");
    CHECK_THROWS_WITH(valgus::publish_without_replacing(from, to, step), (to + " already exists").c_str());
    CHECK(read(to) == "new\n");
    CHECK(read(from) == "newer\n");

    const std::string missing = (dir.path / "no" / "plan.md").string();
    CHECK_THROWS_WITH(valgus::publish_without_replacing(from, missing, step),
                      ("cannot create " + missing + ": No such file or directory").c_str());
    CHECK(read(from) == "newer\n");
    CHECK(count_files(dir.path) == 2);
  }
}
