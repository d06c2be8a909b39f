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
  diag::RenderOptions render;
};

// Python modules under `paths` that may hold native functions: files given
// by name, and *.py below directories (skipping caches, VCS and virtualenvs).
std::vector<std::string> discoverModules(const std::vector<std::string>& paths, std::string& error);

int runBuild(const BuildOptions& options);

}  // namespace pyxc::driver
