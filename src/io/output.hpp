#pragma once

// Every byte valgus writes goes through here, so every write is checked.

#include <string>
#include <string_view>

namespace valgus {

// Writes all of `text` to `fd`. Throws Error(io_error) with "cannot write
// <name>: <reason>" (without a name: "write error: <reason>") when the
// write fails (disk full, closed pipe when SIGPIPE is ignored, ...).
void write_all(int fd, std::string_view text, std::string_view name = {});

// write_all to standard output.
void write_stdout(std::string_view text);

// The folder `path` is in: "." for a bare name, "/" at the root.
[[nodiscard]] std::string folder_of(const std::string& path);

// Writes `text` to `path` so that readers see the old file or the whole new
// one, never a part: an anonymous file (O_TMPFILE) in the same folder, or a
// hidden .valgus-XXXXXX one where the filesystem has none, written, synced
// and put in place. Without `force` an existing file is never replaced
// (Error(cannot_create)), even on filesystems without hard links; with it,
// only a regular file is, and the new file keeps its permission bits
// (never set-user-ID or set-group-ID). A symbolic link, a FIFO, a device or
// a folder is never replaced. A folder that is missing or not writable ->
// Error(cannot_create); a failed write -> Error(io_error). The temporary
// file never outlives a failure, nor SIGINT, SIGTERM or SIGHUP (the signal
// then ends the program as it would have).
// `if_exists` says how to replace an existing file ("use --force to replace
// it"); the caller knows, this layer does not.
void write_file_atomically(const std::string& path, std::string_view text, bool force, std::string_view if_exists = {});

// What write_file_atomically checks before it writes, and that the folder is
// there: a caller with slow work to do first (planning every week of a
// programme) fails at once, with the same errors.
void check_file_target(const std::string& path, bool force, std::string_view if_exists = {});

// mkdir -p where every folder made has mode 0700: what valgus keeps (the
// programme, the log, the completion cache) is health data or about it, and
// the XDG base-directory rule asks 0700. Folders that exist are left as they
// are. Error(cannot_create) naming the folder and the reason when one fails.
void create_private_folders(const std::string& folder);
// create_private_folders of the folder that holds `path`.
void create_parent_folders(const std::string& path);

// How a finished file gets its name without replacing one that exists, in
// the order tried: link(2); renameat2(RENAME_NOREPLACE) where there are no
// hard links; an exclusive create of the name, then a rename over that
// empty file where neither works. Exposed so each step can be tested.
enum class NoClobberStep { link, rename_noreplace, exclusive_create };

// Moves `from` to `to` starting at step `first`; `to` existing ->
// Error(cannot_create, `exists_message` or "<to> already exists"), other
// failures -> Error(cannot_create) with the reason. `from` stays on failure.
void publish_without_replacing(const std::string& from, const std::string& to, NoClobberStep first,
                               const std::string& exists_message = {});

}  // namespace valgus
