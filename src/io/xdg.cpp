#include "io/xdg.hpp"

#include <cstdlib>

namespace valgus {

std::string xdg_base(const char* variable, const char* fallback) {
  const char* base = std::getenv(variable);
  if (base != nullptr && base[0] == '/') {
    return base;
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') {
    return std::string(home) + "/" + fallback;
  }
  return {};
}

}  // namespace valgus
