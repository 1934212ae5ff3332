// The PDF module, opened the first time a PDF is asked for: pango and cairo
// (and some 35 libraries under them) are loaded then, not at every start of
// valgus. It lies beside the valgus binary (a build tree) or in
// ../lib/valgus/ from it (an installation, the .deb's /usr/lib/valgus).

#include "render/render_pdf.hpp"

#include "core/model/error.hpp"

#include <fmt/format.h>

#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <string>

namespace valgus {
namespace {

using DrawFunction = bool (*)(const Handout*, Paper, std::string*);

// The folder of the running binary (/proc/self/exe), or empty.
std::string binary_folder() {
  std::array<char, 4096> path{};
  const ssize_t length = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
  if (length <= 0) {
    return {};
  }
  const std::string exe(path.data(), static_cast<std::size_t>(length));
  return exe.substr(0, exe.rfind('/'));
}

// The module's entry points (render_pdf.cpp).
struct Module {
  DrawFunction draw = nullptr;
  void (*prepare)() = nullptr;
};

// Opened once: the first call loads it (on whichever thread), a call from
// another thread meanwhile waits for it; after a call that throws (no
// module), the next one tries again.
const Module& open_module() {
  static const Module module = []() -> Module {
    std::string tried;
    const std::string here = binary_folder();
    for (const std::string& folder : {here, here + "/" + VALGUS_MODULE_DIR}) {
      const std::string path = folder + "/valgus_pdf.so";
      void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        tried += (tried.empty() ? "" : ", ") + path;
        continue;
      }
      // dlsym returns an object pointer; POSIX guarantees it converts.
      return {reinterpret_cast<DrawFunction>(::dlsym(handle, "valgus_draw_handout_pdf")),
              reinterpret_cast<void (*)()>(::dlsym(handle, "valgus_prepare_handout_pdf"))};
    }
    throw Error(ExitCode::internal,
                fmt::format("the PDF handout needs valgus_pdf.so, found in none of {}; reinstall valgus", tried));
  }();
  if (module.draw == nullptr || module.prepare == nullptr) {
    throw Error(ExitCode::internal, "valgus_pdf.so lacks the entry points of this valgus; reinstall valgus");
  }
  return module;
}

}  // namespace

void prepare_pdf_handout() { open_module().prepare(); }

std::string render_programme_pdf(const ProgrammeView& view) {
  const Handout handout = make_handout(view);
  std::string out;
  if (!open_module().draw(&handout, view.paper, &out)) {
    throw Error(ExitCode::internal, "the PDF could not be laid out: " + out);
  }
  return out;
}

}  // namespace valgus
