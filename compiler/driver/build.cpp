#include "compiler/driver/build.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <fstream>
#include <mutex>
#include <thread>

#include "compiler/driver/build_progress.h"
#include "compiler/driver/cache.h"
#include "compiler/driver/cache_key.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/frontend.h"
#include "compiler/driver/sha256.h"
#include "compiler/driver/verify.h"

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

bool skippedDirectory(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name == "__pyxc__" || name == "__pycache__" || name == "node_modules" || name == "site-packages" ||
         (!name.empty() && name[0] == '.') || fs::exists(dir / "pyvenv.cfg");
}

// Cheap filter before parsing: a module without these words cannot have a
// native function.
bool mentionsPyxc(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.find("pyxc") != std::string::npos && text.find("native") != std::string::npos;
}

// Writes through a temporary file and a rename, so that a reader (or a
// crash) never sees half a file.
bool writeFileAtomically(const fs::path& target, const std::string& contents) {
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << contents;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

struct ModuleOutcome {
  int exitCode = kOk;
  std::string messages;
  ModuleResult result = ModuleResult::NothingToBuild;  // Failed is set by the caller from exitCode
  double seconds = 0;
};

// The cache as one build uses it; null when --no-cache or unavailable.
struct BuildCache {
  ArtifactCache cache;
  BuildIdentity identity;
  std::atomic<uint64_t> hits{0}, misses{0}, corrupt{0};
};

// Runs pyxc-verify on the module's generated C++. With the cache on, a
// clean result is remembered by a marker file named after the artifact key
// and the checker's identity, so that a suite building the same module many
// times checks it once.
void verifyModule(const std::string& path, const fs::path& cppPath, const std::string& key, bool verbose,
                  const BuildSetup& setup, BuildCache* cache, ModuleOutcome& outcome) {
  fs::path marker;
  std::error_code ec;
  if (cache) {
    marker = fs::path(cache->cache.dir()) / "verified" / sha256Hex(key + "\n" + verifierIdentity(setup.verifier));
    if (fs::exists(marker, ec)) {
      if (verbose) outcome.messages += "verified before: " + cppPath.string() + "\n";
      return;
    }
  }
  std::vector<std::string> cmd = verifyCommand(setup.verifier, setup.toolchain, setup.python, cppPath.string());
  if (verbose) {
    for (const auto& part : cmd) outcome.messages += part + " ";
    outcome.messages += "\n";
  }
  ProcessResult r = runProcess(cmd);
  if (r.exitCode == 0) {
    if (cache) {
      fs::create_directories(marker.parent_path(), ec);
      std::ofstream touch(marker);
    }
    return;
  }
  outcome.messages += r.output;
  if (r.exitCode == 1) {
    outcome.exitCode = std::max<int>(outcome.exitCode, kInputErrors);
    outcome.messages += path + ": error: pyxc-verify found code that is unsafe without the GIL in what "
                               "pyxc generated; this is a pyxc bug, please report it with " + cppPath.string() + "\n";
  } else {
    outcome.exitCode = std::max<int>(outcome.exitCode, kToolchainFailed);
    outcome.messages += path + ": error: pyxc-verify could not check " + cppPath.string() + " (exit " +
                        std::to_string(r.exitCode) + ")\n";
  }
}

ModuleOutcome buildModule(const std::string& path, bool explicitFile, const BuildOptions& options,
                          const BuildSetup& setup, BuildCache* cache) {
  const PythonInfo& python = setup.python;
  const ToolchainOptions& toolchain = setup.toolchain;
  ModuleOutcome outcome;
  FrontendResult fe = runFrontend(path, StopAfter::Emit);
  if (fe.diags.hasErrors()) {
    outcome.exitCode = kInputErrors;
    outcome.messages = diag::render(*fe.source, fe.diags.all(), options.render);
    return outcome;
  }
  if (fe.nativeFunctions == 0 && explicitFile)
    fe.diags.warning(diag::Kind::NoNativeFunctions, Span{}, "no @pyxc.native functions in this module; nothing to build");
  if (!fe.diags.all().empty()) outcome.messages = diag::render(*fe.source, fe.diags.all(), options.render);
  if (fe.nativeFunctions == 0) return outcome;
  fs::path artifactDir = fs::path(path).parent_path() / "__pyxc__";
  std::error_code ec;
  fs::create_directories(artifactDir, ec);
  std::string stem = moduleNameFor(path);
  fs::path cppPath = artifactDir / (stem + ".cpp");
  fs::path soPath = artifactDir / (stem + python.extSuffix);
  fs::path tmpSo = artifactDir / ("." + stem + ".tmp" + std::to_string(getpid()) + python.extSuffix);
  if (ec || !writeFileAtomically(cppPath, fe.cpp)) {
    outcome.exitCode = kToolchainFailed;
    outcome.messages += path + ": error: cannot write " + cppPath.string() + "\n";
    return outcome;
  }
  std::string key;
  if (cache) {
    key = artifactKey(cache->identity, fe.cpp);
    std::string cacheError;
    CacheLookup found = cache->cache.fetch(key, soPath.string(), cacheError);
    if (found == CacheLookup::Hit) {
      ++cache->hits;
      if (options.verbose) outcome.messages += "cache hit " + key + ": " + soPath.string() + "\n";
      outcome.result = ModuleResult::Cached;
      if (options.verify) verifyModule(path, cppPath, key, options.verbose, setup, cache, outcome);
      return outcome;
    }
    if (found == CacheLookup::Corrupt) {
      ++cache->corrupt;
      outcome.messages += path + ": warning: the cache entry " + key + " was corrupt; removed it and rebuilding\n";
    }
    ++cache->misses;
    if (options.verbose) outcome.messages += "cache miss " + key + "\n";
  }
  ProcessResult r;
  for (const auto& cmd : compileSteps(toolchain, python, cppPath.string(), tmpSo.string())) {
    if (options.verbose) {
      std::string line;
      for (const auto& part : cmd) line += part + " ";
      outcome.messages += line + "\n";
    }
    r = runProcess(cmd);
    if (r.exitCode != 0) break;
  }
  fs::remove(tmpSo.string() + ".o", ec);
  if (r.exitCode != 0) {
    fs::remove(tmpSo, ec);
    outcome.exitCode = kToolchainFailed;
    outcome.messages += r.output + path +
                        ": error: the C++ compiler failed on code pyxc generated; this is a pyxc bug, please "
                        "report it with the generated file " + cppPath.string() + "\n";
    return outcome;
  }
  if (cache) {
    std::string cacheError;
    // A cache that cannot be written costs speed, not the build.
    if (!cache->cache.store(key, tmpSo.string(), cacheError))
      outcome.messages += path + ": warning: " + cacheError + "\n";
  }
  fs::rename(tmpSo, soPath, ec);
  if (ec) {
    outcome.exitCode = kToolchainFailed;
    outcome.messages += path + ": error: cannot write " + soPath.string() + ": " + ec.message() + "\n";
    return outcome;
  }
  if (options.verbose) outcome.messages += "built " + soPath.string() + "\n";
  outcome.result = ModuleResult::Compiled;
  if (options.verify) verifyModule(path, cppPath, key, options.verbose, setup, cache, outcome);
  return outcome;
}

}  // namespace

std::vector<std::string> discoverModules(const std::vector<std::string>& paths, std::string& error) {
  std::vector<std::string> modules;
  for (const auto& p : paths) {
    fs::path path(p);
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      modules.push_back(p);
    } else if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_directory() && skippedDirectory(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".py" && mentionsPyxc(it->path()))
          found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      modules.insert(modules.end(), found.begin(), found.end());
    } else {
      error = p + ": no such file or directory";
      return {};
    }
  }
  return modules;
}

bool applyMarch(const std::string& march, ToolchainOptions& toolchain) {
  if (march.empty()) return true;
  if (march != "native") {
    std::fprintf(stderr, "pyxc: error: --march takes 'native' only\n");
    return false;
  }
  toolchain.marchNative = true;
  return true;
}

int prepareBuild(const BuildOptions& options, BuildSetup& setup) {
  std::string error;
  setup.modules = discoverModules(options.paths, error);
  if (!error.empty()) {
    std::fprintf(stderr, "pyxc: error: %s\n", error.c_str());
    return kUsage;
  }
  auto python = queryPython(options.python, error);
  if (!python) {
    std::fprintf(stderr, "pyxc: error: %s\n", error.c_str());
    return kToolchainFailed;
  }
  setup.python = *python;
  setup.toolchain = options.toolchain;
  // Part of the flags, hence of the cache key: a sanitizer build never
  // reuses a plain artifact.
  std::vector<std::string> envFlags = extraFlagsFromEnvironment();
  setup.toolchain.extraFlags.insert(setup.toolchain.extraFlags.begin(), envFlags.begin(), envFlags.end());
  setup.toolchain.runtimeDir = findRuntimeDir(options.runtimeDir, setup.python);
  setup.toolchain.cxx = findCxx(setup.toolchain.cxx);
  if (options.verify) {
    setup.verifier = findVerifier();
    if (setup.verifier.empty()) {
      std::fprintf(stderr,
                   "pyxc: error: --verify needs pyxc-verify, which is not installed (it is built when Clang 19 is "
                   "found at configure time; see docs/verify.md)\n");
      return kUsage;
    }
  }
  return kOk;
}

int runBuild(const BuildOptions& options) {
  BuildSetup setup;
  if (int status = prepareBuild(options, setup); status != kOk) return status;
  const std::vector<std::string>& modules = setup.modules;
  const PythonInfo& python = setup.python;
  const ToolchainOptions& toolchain = setup.toolchain;
  std::string error;
  std::unique_ptr<BuildCache> cache;
  if (!options.noCache) {
    uint64_t maxBytes = ArtifactCache::defaultMaxBytes(error);
    if (!error.empty()) {
      std::fprintf(stderr, "pyxc: error: %s\n", error.c_str());
      return kUsage;
    }
    // Without a compiler identity there is no safe key: build uncached and
    // let the compile step report the broken compiler.
    if (auto identity = buildIdentity(toolchain, python, error))
      cache.reset(new BuildCache{ArtifactCache(ArtifactCache::defaultDir(), maxBytes), *identity});
    error.clear();
  }

  std::vector<ModuleOutcome> outcomes(modules.size());
  std::atomic<size_t> next{0};
  std::mutex printMutex;
  size_t printed = 0;
  using Clock = std::chrono::steady_clock;
  auto secondsSince = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  const Clock::time_point buildStarted = Clock::now();
  BuildProgress progress(modules.size(), stderrIsTerminal());
  // Each worker takes the next module; output is printed in module order as
  // soon as every earlier module has finished, so parallel runs read alike.
  auto worker = [&] {
    for (size_t i; (i = next++) < modules.size();) {
      bool explicitFile = std::find(options.paths.begin(), options.paths.end(), modules[i]) != options.paths.end();
      Clock::time_point started = Clock::now();
      ModuleOutcome outcome = buildModule(modules[i], explicitFile, options, setup, cache.get());
      outcome.seconds = secondsSince(started);
      if (outcome.exitCode != kOk) outcome.result = ModuleResult::Failed;
      std::lock_guard<std::mutex> lock(printMutex);
      progress.finished(modules[i], outcome.result, outcome.seconds);
      outcomes[i] = std::move(outcome);
      outcomes[i].messages.insert(0, " ");  // marks "finished"; stripped when printed
      while (printed < outcomes.size() && !outcomes[printed].messages.empty()) {
        if (outcomes[printed].messages.size() > 1) {
          progress.beforeMessages();
          std::fputs(outcomes[printed].messages.c_str() + 1, stderr);
        }
        progress.afterMessages(modules[printed], outcomes[printed].result, outcomes[printed].seconds);
        ++printed;
      }
    }
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(modules.size())));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  progress.done(secondsSince(buildStarted));

  if (cache && (cache->hits || cache->misses)) {
    cache->cache.addCounts(cache->hits, cache->misses, cache->corrupt);
    if (cache->misses) cache->cache.pruneIfOverLimit();
  }
  int exitCode = kOk;
  for (const auto& o : outcomes) exitCode = std::max(exitCode, o.exitCode);
  return exitCode;
}

}  // namespace pyxc::driver
