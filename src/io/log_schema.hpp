#pragma once

// The log's file format, apart from the SQL that reads and writes it
// (io/log_store.cpp): the schema's migration steps and the check of the
// file's header made before SQLite may touch it. Internal to io/: only
// log_store.cpp includes this.

#include "io/log_store.hpp"

#include <cstdint>
#include <string>

#include <sys/types.h>

namespace valgus::log_schema {

// "VALG": PRAGMA application_id of every valgus log, so that another
// program's SQLite file is recognised and refused rather than migrated.
constexpr int application_id = 0x56414C47;

// The SQL taking the schema from version `from` to `from + 1`
// (0 <= from < LogStore::schema_version).
[[nodiscard]] const char* migration(int from);

[[nodiscard]] std::string not_a_log(const std::string& path, const std::string& reason);
[[noreturn]] void throw_not_a_log(const std::string& path, const std::string& reason);
[[noreturn]] void throw_newer(const std::string& path, int version);
[[nodiscard]] std::string foreign_reason(std::uint32_t app);

// The file's size; -1 when it does not exist.
[[nodiscard]] off_t size_of(const std::string& path);
// A WAL holding frames: the main file alone is not the whole log.
[[nodiscard]] bool wal_has_frames(const std::string& path);

// Refuses (65) a file that is not SQLite, cut short, another program's
// database or a newer valgus's log, from its header read with read(2):
// before anything could write to it, even the -wal and -shm files SQLite
// adds.
void check_header(const std::string& path);

}  // namespace valgus::log_schema
