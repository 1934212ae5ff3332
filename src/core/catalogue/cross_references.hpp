#pragma once

// References between entries (an exercise's targets, equipment and
// alternatives, a group's members, ...) are recorded while files load and
// checked once every file is in, since an entry may name one defined later
// or in another file.

#include "core/catalogue/catalogue.hpp"
#include "core/catalogue/field_reader.hpp"
#include "core/catalogue/yaml_tree.hpp"
#include "core/model/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace valgus {

// A reference to another entry. Cheap to record by the hundred thousand:
// the file is its number in LoadErrors, and the field a literal.
struct Reference {
  enum class To { muscle, equipment, exercise, position, problem };
  To to = To::muscle;
  std::string id;
  std::size_t file = 0;
  Mark mark;
  std::string_view field;
  std::optional<Phase> phase;  // an alternative must share its exercise's phase
};

struct References {
  std::vector<Reference> entries;        // to a muscle or group, equipment, an exercise, a position, a problem
  std::vector<Reference> group_members;  // to a muscle only
};

// Reindexes `catalogue` (the loaded whole) and reports every reference to
// an entry it lacks, or to one that does not fit (another phase, a variant
// of a variant), and muscle groups whose id a muscle has.
void check_references(Catalogue& catalogue, const References& references, LoadErrors& errors);

}  // namespace valgus
