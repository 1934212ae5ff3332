#pragma once

// Every byte valgus writes goes through here, so every write is checked.

#include <string>
#include <string_view>

namespace valgus {

// Writes all of `text` to `fd`. Throws Error(io_error) with "write error:
// <reason>" when the write fails (disk full, closed pipe when SIGPIPE is
// ignored, ...).
void write_all(int fd, std::string_view text);

// write_all to standard output.
void write_stdout(std::string_view text);

// Writes `text` to `path` so that readers see the old file or the whole new
// one, never a part: a temporary file in the same folder, written, synced
// and renamed into place. Without `force` an existing file is never
// replaced (Error(cannot_create)); with it, only a regular file is.
// A folder that is missing or not writable -> Error(cannot_create); a
// failed write -> Error(io_error). The temporary file never outlives a failure.
// `if_exists` says how to replace an existing file ("use --force to replace
// it"); the caller knows, this layer does not.
void write_file_atomically(const std::string& path, std::string_view text, bool force, std::string_view if_exists = {});

}  // namespace valgus
