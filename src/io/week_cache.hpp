#pragma once

// The weeks an earlier run solved, as files in $XDG_CACHE_HOME/valgus/weeks
// (default ~/.cache/valgus/weeks): one small file per week, named by a hash
// of its key and holding the key itself, so a hash collision is a miss, not
// a wrong answer. The key starts with the binary (size, time: binary_stamp), so a
// new build, which may plan differently, never reads an old build's weeks.
// Deleting the folder is always safe: it only makes the next run slower.

#include "core/plan/week_store.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace valgus {

class FileWeekStore final : public WeekStore {
 public:
  // Files in `folder` (created 0700 on the first write), at most
  // `max_files` of them: past that, the older half is removed.
  explicit FileWeekStore(std::string folder, std::size_t max_files = 2000);

  [[nodiscard]] std::optional<std::string> find(const std::string& key) override;
  void keep(const std::string& key, const std::string& answer) override;

 private:
  [[nodiscard]] std::string path_of(const std::string& key) const;
  void trim() const;

  std::string folder_;
  std::size_t max_files_;
  std::string binary_;  // the first line of every key
};

// The store the commands use: $XDG_CACHE_HOME/valgus/weeks, or none when
// there is no cache folder (neither XDG_CACHE_HOME nor HOME absolute).
[[nodiscard]] std::unique_ptr<WeekStore> user_week_store();

}  // namespace valgus
