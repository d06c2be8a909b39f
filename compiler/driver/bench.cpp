#include "compiler/driver/bench.h"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "compiler/driver/driver.h"

namespace pyxc::driver {
namespace {

// Runs the harness's main; an interpreter without pyxc.bench is a usage
// problem (exit 2), not a traceback that exit code 1 would call a regression.
constexpr const char* kBootstrap =
    "import sys\n"
    "try:\n"
    "    from pyxc.bench.cli import main\n"
    "except ImportError as error:\n"
    "    print(f'pyxc bench: error: {sys.executable} cannot import pyxc.bench ({error}); '\n"
    "          'install pyxc into that Python or choose another with --python', file=sys.stderr)\n"
    "    sys.exit(2)\n"
    "sys.exit(main(sys.argv[1:]))\n";

std::string selfPath() {
  char buffer[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return {};
  buffer[n] = '\0';
  return buffer;
}

}  // namespace

std::string benchPython(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--python" && i + 1 < args.size()) return args[i + 1];
    if (args[i].rfind("--python=", 0) == 0) return args[i].substr(9);
  }
  const char* env = std::getenv("PYXC_PYTHON");
  return env && *env ? env : "python3";
}

int runBench(const std::vector<std::string>& args) {
  std::string python = benchPython(args);
  // The harness builds each side with this very binary.
  std::string self = selfPath();
  if (!self.empty()) setenv("PYXC_EXECUTABLE", self.c_str(), 1);
#ifndef PYXC_INSTALLED
  // A development binary runs its own source tree's harness (as it compiles
  // against its own tree's runtime headers).
  std::string pythonPath = PYXC_SOURCE_PYTHON_DIR;
  if (const char* existing = std::getenv("PYTHONPATH"); existing && *existing) pythonPath += std::string(":") + existing;
  setenv("PYTHONPATH", pythonPath.c_str(), 1);
#endif
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(python.c_str()));
  argv.push_back(const_cast<char*>("-c"));
  argv.push_back(const_cast<char*>(kBootstrap));
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);
  execvp(python.c_str(), argv.data());
  std::fprintf(stderr, "pyxc bench: error: cannot run the Python '%s': %s (choose one with --python)\n",
               python.c_str(), std::strerror(errno));
  return kUsage;
}

}  // namespace pyxc::driver
