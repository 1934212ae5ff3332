#pragma once

// Catalogue files and folders read from disk into CatalogueFile texts for the
// loader, with the limits that keep any input quick and bounded.

#include "core/catalogue/catalogue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// Limits on what valgus reads, so any input is answered quickly and in
// bounded memory (see README, "Limits").
inline constexpr std::size_t max_catalogue_file_bytes = std::size_t{4} * 1024 * 1024;
inline constexpr std::size_t max_catalogue_files = 5000;
inline constexpr std::size_t max_catalogue_total_bytes = std::size_t{32} * 1024 * 1024;

// Data to import may be larger than a catalogue file.
inline constexpr std::size_t max_import_bytes = std::size_t{64} * 1024 * 1024;

// Reads a regular file of at most `max_bytes` with open + fstat: a missing
// or unreadable path, a FIFO, a device or a file whose size fstat does not
// know (0 bytes that read as more, as in /proc) -> Error(no_input); larger
// -> Error(bad_data).
// `what` names the kind of file in its messages ("an answers file").
[[nodiscard]] std::string read_input_file(const std::string& path, std::size_t max_bytes, std::string_view what);
inline constexpr std::string_view catalogue_file = "a catalogue file";

struct CatalogueInput {
  std::vector<CatalogueFile> files;
  // "path: skipped: why", for a warning: per folder the first few in name
  // order, then "folder: and N more entries skipped".
  std::vector<std::string> skipped;
};

// A catalogue file or folder to load, and what `list --origin` calls it.
struct CatalogueSource {
  std::string path;
  std::string origin;
  // One that cannot be read is skipped with a warning instead of stopping
  // everything (the personal catalogue: an unreadable one must not block
  // `check OTHER.yaml`). Bad data in it is still an error.
  bool optional = false;
};

// Reads each source as its own layer (1, 2, ...): a file, or every *.yaml
// file of a folder in name order (other entries are listed in `skipped`).
// Every file is opened and measured before any is read, so limits cost no
// reading, and closed again, so a folder needs no more than one descriptor
// at a time. Throws Error(no_input) when a path cannot be read or is not a
// regular file or folder (a FIFO, a device), and Error(bad_data) for a file
// over max_catalogue_file_bytes, a folder over max_catalogue_files, or files
// adding up to more than max_catalogue_total_bytes.
[[nodiscard]] CatalogueInput read_catalogue_sources(const std::vector<CatalogueSource>& sources);

// The personal catalogue folder: $XDG_DATA_HOME/valgus/exercises, or
// ~/.local/share/valgus/exercises when XDG_DATA_HOME is unset or relative.
// Empty when neither variable gives a home.
[[nodiscard]] std::string user_catalogue_dir();

}  // namespace valgus
