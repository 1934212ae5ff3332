#pragma once

// A small cache for shell completion: `valgus __complete KIND` runs on every
// TAB, and loading a large personal catalogue each time makes TAB slow. The
// words are kept in $XDG_CACHE_HOME/valgus (default ~/.cache/valgus) under a
// key that names the binary and every file they came from by size and
// modification time, so a changed, added or removed file is never answered
// from the cache.

#include <optional>
#include <string>
#include <vector>

namespace valgus {

// The cache folder, or empty when neither XDG_CACHE_HOME nor HOME is an
// absolute path.
[[nodiscard]] std::string cache_dir();

// The running binary by size and modification time, as the first line of a
// cache key: a new build, which may answer differently, never reads an old
// build's cache.
[[nodiscard]] std::string binary_stamp();

// The key for words computed from `paths` (files or folders of *.yaml, which
// may not exist) by the running binary.
[[nodiscard]] std::string word_cache_key(const std::vector<std::string>& paths);

// The cached words for `name` if stored under `key`.
[[nodiscard]] std::optional<std::string> read_word_cache(const std::string& name, const std::string& key);

// Stores `words` for `name` under `key`; a cache that cannot be written is
// no error (completion still works, only slower).
void write_word_cache(const std::string& name, const std::string& key, const std::string& words);

}  // namespace valgus
