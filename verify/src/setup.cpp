#include "setup.h"

#include <cstdlib>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace pyxc::verify {
namespace {

bool hasRuntime(const std::string& dir) {
  if (dir.empty()) return false;
  llvm::SmallString<256> header(dir);
  llvm::sys::path::append(header, "pyxc", "runtime.h");
  return llvm::sys::fs::exists(header);
}

// Runs `python -c script` and returns its stdout lines.
bool askPython(const std::string& python, const char* script, std::vector<std::string>& lines, std::string& error) {
  auto executable = llvm::sys::findProgramByName(python);
  if (!executable) {
    error = "cannot find the Python interpreter '" + python + "'";
    return false;
  }
  llvm::SmallString<128> outPath;
  if (llvm::sys::fs::createTemporaryFile("pyxc-verify", "txt", outPath)) {
    error = "cannot create a temporary file";
    return false;
  }
  std::string out(outPath);
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(out), std::nullopt};
  llvm::StringRef args[] = {*executable, "-c", script};
  int rc = llvm::sys::ExecuteAndWait(*executable, args, std::nullopt, redirects);
  auto buffer = llvm::MemoryBuffer::getFile(out);
  llvm::sys::fs::remove(out);
  if (rc != 0 || !buffer) {
    error = "cannot query the Python interpreter '" + python + "'";
    return false;
  }
  llvm::SmallVector<llvm::StringRef> parts;
  (*buffer)->getBuffer().split(parts, '\n');
  for (llvm::StringRef part : parts) lines.push_back(part.rtrim("\r").str());
  return true;
}

}  // namespace

bool parseArguments(int argc, char** argv, VerifyOptions& options, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= argc) {
        error = arg + " needs a value";
        return false;
      }
      into = argv[++i];
      return true;
    };
    if (arg == "--") {
      options.extraFlags.assign(argv + i + 1, argv + argc);
      break;
    }
    if (arg == "-h" || arg == "--help") {
      options.help = true;
    } else if (arg == "--python") {
      if (!value(options.python)) return false;
    } else if (arg == "--runtime-dir") {
      if (!value(options.runtimeDir)) return false;
    } else if (arg == "--resource-dir") {
      if (!value(options.resourceDir)) return false;
    } else if (!arg.empty() && arg[0] == '-') {
      error = "unknown option '" + arg + "'";
      return false;
    } else {
      options.files.push_back(arg);
    }
  }
  return true;
}

bool compileFlags(const VerifyOptions& options, std::vector<std::string>& flags, std::string& error) {
  static const char* kQuery =
      "import sysconfig\n"
      "print(sysconfig.get_paths()['include'])\n"
      "try:\n"
      "    import pyxc; print(pyxc.get_include())\n"
      "except Exception:\n"
      "    print('')\n";
  std::vector<std::string> lines;
  if (!askPython(options.python, kQuery, lines, error)) return false;
  std::string pythonInclude = lines.empty() ? "" : lines[0];
  std::string packageRuntime = lines.size() > 1 ? lines[1] : "";
  // The same order as the driver: explicit, $PYXC_RUNTIME_DIR, this build's
  // own tree (or, installed, the package's copy), the package.
  std::string runtime = options.runtimeDir;
  if (runtime.empty())
    if (const char* env = std::getenv("PYXC_RUNTIME_DIR"); env && *env) runtime = env;
#ifdef PYXC_INSTALLED
  if (runtime.empty() && hasRuntime(packageRuntime)) runtime = packageRuntime;
#endif
  if (runtime.empty() && hasRuntime(PYXC_SOURCE_RUNTIME_DIR)) runtime = PYXC_SOURCE_RUNTIME_DIR;
  if (runtime.empty() && hasRuntime(packageRuntime)) runtime = packageRuntime;
  if (!hasRuntime(runtime)) {
    error = "the pyxc runtime headers (pyxc/runtime.h) were not found; pass --runtime-dir";
    return false;
  }
  std::string resource = options.resourceDir.empty() ? PYXC_CLANG_RESOURCE_DIR : options.resourceDir;
  flags = {"-std=c++20", "-DNDEBUG", "-I" + runtime, "-I" + pythonInclude, "-resource-dir", resource};
  flags.insert(flags.end(), options.extraFlags.begin(), options.extraFlags.end());
  // Last, so that a build's -Wall -Werror cannot turn one of clang's own
  // warnings (g++ builds the module) into "cannot parse": the checker
  // judges GIL use, not warnings.
  flags.push_back("-w");
  return true;
}

}  // namespace pyxc::verify
