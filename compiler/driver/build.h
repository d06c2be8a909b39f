// `pyxc build`: find modules, compile them (in parallel), write artifacts.
#pragma once

#include <string>
#include <vector>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/toolchain.h"

namespace pyxc::driver {

struct BuildOptions {
  std::vector<std::string> paths;
  ToolchainOptions toolchain;
  std::string python = "python3";
  std::string runtimeDir;  // explicit --runtime-dir
  int jobs = 1;
  bool verbose = false;
  bool noCache = false;    // --no-cache: always compile, never read or write the cache
  bool verify = false;     // --verify (or PYXC_VERIFY=1): run pyxc-verify on each generated .cpp
  diag::RenderOptions render;
};

// Python modules under `paths` that may hold native functions: files given
// by name, and *.py below directories (skipping caches, VCS and virtualenvs).
std::vector<std::string> discoverModules(const std::vector<std::string>& paths, std::string& error);

// `--march VALUE` into the toolchain options; false (after printing the
// error) for anything but "native". An empty value changes nothing.
bool applyMarch(const std::string& march, ToolchainOptions& toolchain);

// What every build-like command needs before it looks at a module: the
// modules under options.paths, the target Python and the toolchain with the
// runtime headers and the compiler found. kOk, or the exit code after the
// error was printed.
struct BuildSetup {
  std::vector<std::string> modules;
  PythonInfo python;
  ToolchainOptions toolchain;
  std::string verifier;  // pyxc-verify, when the build verifies
};
int prepareBuild(const BuildOptions& options, BuildSetup& setup);

int runBuild(const BuildOptions& options);

}  // namespace pyxc::driver
