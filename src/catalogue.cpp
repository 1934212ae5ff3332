#include "valgus/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace valgus {
namespace {

template <typename T>
void build_index(const std::vector<T>& items, std::map<std::string, std::size_t, std::less<>>& index) {
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    index.emplace(items[i].id, i);
  }
}

template <typename T>
const T* find_in(const std::vector<T>& items, const std::map<std::string, std::size_t, std::less<>>& index,
                 std::string_view id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) {
    ids.push_back(item.id);
  }
  return ids;
}

}  // namespace

void Catalogue::reindex() {
  build_index(muscles, muscle_index_);
  build_index(muscle_groups, group_index_);
  build_index(equipment, equipment_index_);
  build_index(problems, problem_index_);
  build_index(exercises, exercise_index_);
}

const Muscle* Catalogue::find_muscle(std::string_view id) const { return find_in(muscles, muscle_index_, id); }
const MuscleGroup* Catalogue::find_muscle_group(std::string_view id) const {
  return find_in(muscle_groups, group_index_, id);
}
const Equipment* Catalogue::find_equipment(std::string_view id) const {
  return find_in(equipment, equipment_index_, id);
}
namespace {

// "Foam_Roller " and "foam roller" compare equal: lower case, separators as
// one space, no space at either end.
std::string equipment_key(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  bool pending_space = false;
  for (const char c : word) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) {
      key += ' ';
      pending_space = false;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

}  // namespace

std::vector<const Equipment*> Catalogue::equipment_named(std::string_view word) const {
  std::vector<const Equipment*> found;
  if (const Equipment* exact = find_equipment(word)) {
    found.push_back(exact);
    return found;
  }
  const std::string key = equipment_key(word);
  if (key.empty()) {
    return found;
  }
  for (const Equipment& item : equipment) {
    bool named = equipment_key(item.id) == key || equipment_key(item.name) == key;
    for (std::size_t i = 0; !named && i < item.aliases.size(); ++i) {
      named = equipment_key(item.aliases[i]) == key;
    }
    if (named) {
      found.push_back(&item);
    }
  }
  return found;
}

const Problem* Catalogue::find_problem(std::string_view id) const { return find_in(problems, problem_index_, id); }
const Exercise* Catalogue::find_exercise(std::string_view id) const { return find_in(exercises, exercise_index_, id); }

const Note* Catalogue::find_note(std::string_view id) const {
  const auto it = std::find_if(notes.begin(), notes.end(), [&](const Note& note) { return note.id == id; });
  return it == notes.end() ? nullptr : &*it;
}

const Position* Catalogue::find_position(std::string_view id) const {
  const auto it =
      std::find_if(positions.begin(), positions.end(), [&](const Position& position) { return position.id == id; });
  return it == positions.end() ? nullptr : &*it;
}

std::vector<std::string> Catalogue::expand_muscles(std::string_view id) const {
  if (const auto* group = find_muscle_group(id)) {
    return group->members;
  }
  return {std::string(id)};
}

std::string Catalogue::muscle_name(std::string_view id) const {
  if (const auto* muscle = find_muscle(id)) {
    return muscle->name;
  }
  if (const auto* group = find_muscle_group(id)) {
    return group->name;
  }
  return std::string(id);
}

std::string Catalogue::equipment_name(std::string_view id) const {
  const auto* item = find_equipment(id);
  return item ? item->name : std::string(id);
}

std::vector<std::string> Catalogue::problem_ids() const { return ids_of(problems); }
std::vector<std::string> Catalogue::exercise_ids() const { return ids_of(exercises); }
std::vector<std::string> Catalogue::equipment_ids() const { return ids_of(equipment); }
std::vector<std::string> Catalogue::position_ids() const { return ids_of(positions); }

namespace {

std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "a folder";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "a device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  return "not a regular file";
}

std::string read_regular_file(const std::string& path, std::size_t max_bytes = max_catalogue_file_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int saved = errno;
    ::close(fd);
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(saved)));
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    throw Error(ExitCode::no_input,
                fmt::format("cannot read {}: {}, not a catalogue file", path, kind_of(info.st_mode)));
  }
  if (info.st_size > static_cast<off_t>(max_bytes)) {
    ::close(fd);
    throw Error(
        ExitCode::bad_data, SourceLocation{path, 0, 0},
        fmt::format("the file is {} bytes, more than the {} MiB {}", info.st_size,
                    max_bytes / (std::size_t{1024} * 1024),
                    max_bytes == max_catalogue_file_bytes ? "a catalogue file may have; split it into several files"
                                                          : "valgus reads"));
  }
  std::string text;
  text.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t got = ::read(fd, text.data() + done, text.size() - done);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      const int saved = errno;
      ::close(fd);
      throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(saved)));
    }
    if (got == 0) {
      break;  // the file shrank while we read it
    }
    done += static_cast<std::size_t>(got);
  }
  text.resize(done);
  ::close(fd);
  return text;
}

}  // namespace

std::string user_catalogue_dir() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  if (data_home != nullptr && data_home[0] == '/') {
    return std::string(data_home) + "/valgus/exercises";
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') {
    return std::string(home) + "/.local/share/valgus/exercises";
  }
  return {};
}

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  return read_regular_file(path, max_bytes);
}

CatalogueInput read_catalogue_path(const std::string& path, int layer, const std::string& origin) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  }
  CatalogueInput input;
  if (!S_ISDIR(info.st_mode)) {
    input.files.push_back(CatalogueFile{path, read_regular_file(path), layer, origin});
    return input;
  }
  std::vector<std::string> names;
  std::error_code error;
  for (std::filesystem::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    const auto& entry = *it;
    const std::string name = entry.path().string();
    std::error_code ignored;
    if (entry.path().extension() != ".yaml") {
      input.skipped.push_back(name + ": skipped: only *.yaml files are read");
    } else if (entry.is_directory(ignored)) {
      input.skipped.push_back(name + ": skipped: a folder; catalogue folders are not read recursively");
    } else {
      names.push_back(name);
    }
  }
  if (error) {
    throw Error(ExitCode::no_input, fmt::format("cannot read {}: {}", path, error.message()));
  }
  if (names.size() > max_catalogue_files) {
    throw Error(
        ExitCode::bad_data, SourceLocation{path, 0, 0},
        fmt::format("{} catalogue files, more than the {} a folder may hold", names.size(), max_catalogue_files));
  }
  std::sort(names.begin(), names.end());
  std::sort(input.skipped.begin(), input.skipped.end());
  for (const auto& name : names) {
    input.files.push_back(CatalogueFile{name, read_regular_file(name), layer, origin});
  }
  return input;
}

}  // namespace valgus
