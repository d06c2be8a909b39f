#include "compiler/driver/packaging_cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/build.h"
#include "compiler/driver/cache.h"
#include "compiler/driver/cache_key.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/frontend.h"
#include "compiler/driver/sha256.h"
#include "compiler/driver/stubs.h"

namespace pyxc::driver {

struct PackagingCommands::State {
  CLI::App* cache = nullptr;
  CLI::App* stats = nullptr;
  CLI::App* clean = nullptr;
  CLI::App* prune = nullptr;
  CLI::App* dir = nullptr;
  CLI::App* key = nullptr;
  CLI::App* stubs = nullptr;
  std::string pruneSize;
  BuildOptions keyOptions;
  std::string keyMarch;
  std::vector<std::string> stubsFiles;
  std::string stubsOutput;
  bool stubsStdout = false;
};

namespace {

int cacheFromEnvironment(std::unique_ptr<ArtifactCache>& cache) {
  std::string error;
  uint64_t maxBytes = ArtifactCache::defaultMaxBytes(error);
  if (!error.empty()) {
    std::fprintf(stderr, "pyxc: error: %s\n", error.c_str());
    return kUsage;
  }
  cache = std::make_unique<ArtifactCache>(ArtifactCache::defaultDir(), maxBytes);
  return kOk;
}

// A stable hash of what `pyxc build PATH...` with the same options depends
// on: the per-build identity and, per module with native functions, its
// path as given and its generated C++. CI keys its cache on it.
int runCacheKey(BuildOptions options, const std::string& march) {
  if (!applyMarch(march, options.toolchain)) return kUsage;
  BuildSetup setup;
  if (int status = prepareBuild(options, setup); status != kOk) return status;
  const ToolchainOptions& toolchain = setup.toolchain;
  const std::vector<std::string>& modules = setup.modules;
  std::string error;
  auto identity = buildIdentity(toolchain, setup.python, error);
  if (!identity) {
    std::fprintf(stderr, "pyxc: error: %s\n", error.c_str());
    return kToolchainFailed;
  }
  Sha256 combined;
  combined.field("pyxc-build-key-v1").field(identity->digest);
  int exitCode = kOk;
  for (const auto& module : modules) {
    FrontendResult fe = runFrontend(module, StopAfter::Emit);
    if (fe.diags.hasErrors()) {
      std::fputs(diag::render(*fe.source, fe.diags.all(), options.render).c_str(), stderr);
      exitCode = kInputErrors;
      continue;
    }
    if (fe.nativeFunctions == 0) continue;
    std::string key = artifactKey(*identity, fe.cpp);
    combined.field(module).field(key);
    if (options.verbose) std::fprintf(stderr, "%s %s\n", key.c_str(), module.c_str());
  }
  if (options.verbose) std::fputs(identity->description.c_str(), stderr);
  if (exitCode != kOk) return exitCode;
  std::printf("%s\n", combined.hexDigest().c_str());
  return kOk;
}

}  // namespace

PackagingCommands::PackagingCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.cache = app.add_subcommand("cache", "the compiled-artifact cache ($PYXC_CACHE_DIR, default ~/.cache/pyxc)");
  s.cache->require_subcommand(1);
  s.stats = s.cache->add_subcommand("stats", "entries, size, limit, hits and misses");
  s.clean = s.cache->add_subcommand("clean", "remove every entry");
  s.prune = s.cache->add_subcommand("prune", "remove least recently used entries down to the size limit");
  s.prune->add_option("--max-size", s.pruneSize, "e.g. 500M (default $PYXC_CACHE_MAX_SIZE, else 2G)");
  s.dir = s.cache->add_subcommand("dir", "print the cache directory");
  s.key = s.cache->add_subcommand("key", "print a stable hash of what a build of PATH depends on (for CI cache keys)");
  BuildOptions& k = s.keyOptions;
  s.key->add_option("paths", k.paths, "files or directories, as given to pyxc build")->required();
  s.key->add_option("-O", k.toolchain.optLevel, "optimisation level 0-3 (default 3)")->check(CLI::Range(0, 3));
  s.key->add_option("--march", s.keyMarch, "target CPU (native)");
  s.key->add_option("--python", k.python, "the CPython to build for (default: python3 on PATH)");
  s.key->add_option("--cxx", k.toolchain.cxx, "C++ compiler (default: $CXX, then c++)");
  s.key->add_option("--cxx-flag", k.toolchain.extraFlags, "an extra compiler flag (repeatable)")
      ->allow_extra_args(false);
  s.key->add_option("--runtime-dir", k.runtimeDir, "directory holding pyxc/runtime.h");
  s.key->add_flag("-v,--verbose", k.verbose, "print each module's key and the build inputs");

  s.stubs = app.add_subcommand("stubs", "write a .pyi with the signatures of FILE.py's compiled functions");
  s.stubs->add_option("files", s.stubsFiles, "Python modules (one process for many: the build backend)")->required();
  s.stubs->add_option("-o,--output", s.stubsOutput, "where to write (default: FILE.pyi beside FILE.py)");
  s.stubs->add_flag("--stdout", s.stubsStdout, "print the stub instead of writing it");
}

PackagingCommands::~PackagingCommands() = default;

int PackagingCommands::run() const {
  const State& s = *state_;
  if (*s.stubs) {
    if (s.stubsFiles.size() > 1 && (!s.stubsOutput.empty() || s.stubsStdout)) {
      std::fprintf(stderr, "pyxc: error: -o and --stdout take one FILE.py\n");
      return kUsage;
    }
    int exitCode = kOk;
    for (const auto& file : s.stubsFiles) exitCode = std::max(exitCode, runStubs(file, s.stubsOutput, s.stubsStdout));
    return exitCode;
  }
  if (!*s.cache) return -1;
  if (*s.key) return runCacheKey(s.keyOptions, s.keyMarch);
  std::unique_ptr<ArtifactCache> cache;
  if (int rc = cacheFromEnvironment(cache); rc != kOk) return rc;
  if (*s.dir) {
    std::printf("%s\n", cache->dir().c_str());
  } else if (*s.stats) {
    CacheStats st = cache->stats();
    std::printf("cache directory  %s\nentries          %lu\nsize             %s\nlimit            %s\n"
                "hits             %lu\nmisses           %lu\ncorrupt entries  %lu\n",
                cache->dir().c_str(), static_cast<unsigned long>(st.entries), formatSize(st.bytes).c_str(),
                formatSize(cache->maxBytes()).c_str(), static_cast<unsigned long>(st.hits),
                static_cast<unsigned long>(st.misses), static_cast<unsigned long>(st.corrupt));
  } else if (*s.clean) {
    std::printf("removed %lu entries\n", static_cast<unsigned long>(cache->clean()));
  } else if (*s.prune) {
    uint64_t target = cache->maxBytes();
    if (!s.pruneSize.empty() && !parseSize(s.pruneSize, target)) {
      std::fprintf(stderr, "pyxc: error: --max-size '%s' is not a size (e.g. 500M, 2G)\n", s.pruneSize.c_str());
      return kUsage;
    }
    std::printf("freed %s\n", formatSize(cache->prune(target)).c_str());
  }
  return kOk;
}

}  // namespace pyxc::driver
