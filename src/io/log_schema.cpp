// The log's file format: migration steps and the header check (see
// io/log_schema.hpp). SQL text lives here and in io/log_store.cpp only.

#include "io/log_schema.hpp"

#include "core/model/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus::log_schema {

namespace {

// migrations[v] takes the schema from version v to v + 1, in one
// transaction. Append a step (and a fixture in tests/data/log_store/) for
// each new version; never edit a step that has shipped.
constexpr std::array<const char*, LogStore::schema_version> migrations{
    // 0 -> 1: sessions and what was done of them.
    R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  session TEXT NOT NULL,
  stage_week INTEGER NOT NULL CHECK (stage_week >= 1),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  effort TEXT CHECK (effort IN ('easy', 'right', 'hard')),
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE session_exercises (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
)sql",
    // 1 -> 2: each valgus assess, its result and the raw answers of the
    // self-tests, so that progress can show the re-tests.
    R"sql(
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL UNIQUE
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  refer INTEGER NOT NULL CHECK (refer IN (0, 1)),
  problems TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('both', 'left', 'right'))
);
CREATE TABLE assessment_values (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  test TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('', 'left', 'right')),
  value REAL NOT NULL,
  PRIMARY KEY (assessment_id, test, side)
) WITHOUT ROWID;
)sql",
    // 2 -> 3: the pain the next morning and warning symptoms of a session,
    // and the safety decisions (pause, resume, an assessment that referred,
    // a clinician's clearance),
    // kept apart from the sessions so that deleting one lifts no pause.
    R"sql(
ALTER TABLE sessions ADD COLUMN next_morning_pain INTEGER CHECK (next_morning_pain BETWEEN 0 AND 10);
ALTER TABLE sessions ADD COLUMN symptoms TEXT NOT NULL DEFAULT '';
CREATE TABLE safety_events (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL
    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
  kind TEXT NOT NULL CHECK (kind IN ('pause', 'resume', 'referred', 'cleared')),
  reason TEXT NOT NULL DEFAULT ''
);
)sql",
    // 3 -> 4: the exercises skipped, on their own: what `log --list` shows
    // of each session, read without the rows of those done (nine in ten).
    // `done` is in the index so that it answers the listing alone.
    R"sql(
CREATE INDEX skipped_exercises ON session_exercises (session_id, position, exercise, done) WHERE done = 0;
)sql",
};

std::uint32_t big_endian(const unsigned char* bytes) {
  return (std::uint32_t{bytes[0]} << 24U) | (std::uint32_t{bytes[1]} << 16U) | (std::uint32_t{bytes[2]} << 8U) |
         std::uint32_t{bytes[3]};
}

enum class Header { sound, empty, unsure_while_writing };

// Reads SQLite's database header and page 1's b-tree header, and the file's
// size, without SQLite: a file that is not SQLite, a copy cut short, another
// program's or a newer valgus's database is refused before anything could
// write to it, even the -wal and -shm files SQLite adds.
// `last_look`: a file that looks cut short throws; before that it counts as
// being written, since another valgus may be between writing page 1 and
// deleting its WAL (the header read before the WAL went away).
Header read_header(const std::string& path, bool last_look) {
  // Non-blocking: a FIFO put in the log's place after the caller's stat
  // must not wait for a writer; the type is checked below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    throw Error(error == EACCES ? ExitCode::cannot_create : ExitCode::no_input,
                fmt::format("cannot read {}: {}", path, std::strerror(error)));
  }
  struct stat info {};
  std::array<unsigned char, 108> header{};  // the database header, page 1's b-tree header
  const bool stat_ok = ::fstat(fd, &info) == 0;
  const ssize_t got = stat_ok && info.st_size > 0 ? ::pread(fd, header.data(), header.size(), 0) : 0;
  ::close(fd);
  if (!stat_ok || got < 0) {
    throw Error(ExitCode::io_error, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  if (!S_ISREG(info.st_mode)) {
    throw_not_a_log(path, "not a regular file");
  }
  if (info.st_size == 0) {
    return Header::empty;  // SQLite's empty database: version 0
  }
  constexpr std::string_view magic{"SQLite format 3\0", 16};
  if (got < static_cast<ssize_t>(header.size()) ||
      std::string_view(reinterpret_cast<const char*>(header.data()), magic.size()) != magic) {
    throw_not_a_log(path, "file is not a database");
  }
  // A valgus log never shows application id 0 with a version or tables:
  // all come in one commit. identify() decides from what SQLite reads.
  const std::uint32_t app = big_endian(&header[68]);
  const std::uint32_t version = big_endian(&header[60]);
  const bool has_tables = header[100] != 0x0d || ((header[103] | header[104]) != 0);
  if (app != application_id && (app != 0 || version != 0 || has_tables)) {
    throw_not_a_log(path, foreign_reason(app));
  }
  if (version > static_cast<std::uint32_t>(LogStore::schema_version)) {
    throw_newer(path, static_cast<int>(version));
  }
  const std::uint32_t raw_page_size = (std::uint32_t{header[16]} << 8U) | header[17];
  const std::uint32_t page_size = raw_page_size == 1 ? 65536 : raw_page_size;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0) {
    throw_not_a_log(path, "file is not a database");
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  // The page count is trusted only when the change counter agrees with the
  // version-valid-for number, as SQLite itself does.
  const std::uint64_t pages = big_endian(&header[28]);
  const bool count_valid = big_endian(&header[24]) == big_endian(&header[92]);
  const std::uint64_t expected = count_valid ? pages * page_size : 0;
  if (size % page_size == 0 && size >= expected) {
    return Header::sound;
  }
  // A checkpoint in progress, or one cut short by a crash, leaves the main
  // file shorter than its header says until the WAL is copied back: with a
  // journal beside it, only SQLite can tell.
  if (size_of(path + "-wal") >= 0 || size_of(path + "-journal") >= 0 || !last_look) {
    return Header::unsure_while_writing;
  }
  throw_not_a_log(path, fmt::format("the file is cut short: {} bytes of {}", size,
                                    expected > size ? expected : (size / page_size + 1) * page_size));
}

}  // namespace

void check_header(const std::string& path) {
  // A writer finishing its checkpoint deletes the WAL only once the file is
  // whole again: look again a few times before trusting SQLite with it, and
  // before calling a file cut short (it stays so; a writer finishes).
  constexpr int looks = 10;
  for (int attempt = 0; attempt < looks; ++attempt) {
    if (read_header(path, attempt == looks - 1) != Header::unsure_while_writing) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

const char* migration(int from) { return migrations.at(static_cast<std::size_t>(from)); }

std::string not_a_log(const std::string& path, const std::string& reason) {
  return fmt::format("{} is not a valgus log ({}); move it aside to start a new log \u2014 valgus leaves it as it is",
                     path, reason);
}
[[noreturn]] void throw_not_a_log(const std::string& path, const std::string& reason) {
  throw Error(ExitCode::bad_data, not_a_log(path, reason));
}

[[noreturn]] void throw_newer(const std::string& path, int version) {
  throw Error(ExitCode::bad_data,
              fmt::format("{} was written by a newer valgus (schema {}, this one reads up to {}); update valgus", path,
                          version, LogStore::schema_version));
}

std::string foreign_reason(std::uint32_t app) {
  return app != 0 ? fmt::format("it belongs to another program: application id {:#x}", app)
                  : "it holds another program's tables";
}

off_t size_of(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? info.st_size : -1;
}
// A WAL holding frames: the main file alone is not the whole log.
bool wal_has_frames(const std::string& path) { return size_of(path + "-wal") > 0; }

}  // namespace valgus::log_schema
