// The dependency's floor for the scale benchmark: yaml-cpp's event parser
// reading the same files valgus reads, doing nothing with the events.
//   bench_yaml_floor [-j THREADS] FILE...
// With -j the files are shared among THREADS threads, as valgus shares a
// large catalogue folder among its parse threads: the floor for the same
// use of the machine's cores.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

class Ignore : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

void parse(const char* path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  std::istringstream input(text.str());  // as valgus does: the whole file, then the parser
  YAML::Parser parser(input);
  Ignore ignore;
  while (parser.HandleNextDocument(ignore)) {
  }
}

}  // namespace

int main(int argc, char** argv) {
  int first = 1;
  unsigned threads = 1;
  if (argc > 2 && std::string(argv[1]) == "-j") {
    threads = static_cast<unsigned>(std::max(1, std::atoi(argv[2])));
    first = 3;
  }
  std::atomic<int> next{first};
  const auto work = [&] {
    for (int i = next++; i < argc; i = next++) {
      parse(argv[i]);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back(work);
  }
  work();
  for (auto& worker : workers) {
    worker.join();
  }
  return 0;
}
