// Running external programs: the target Python (for its headers and ABI
// suffix) and the C++ compiler.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pyxc::driver {

struct ProcessResult {
  int exitCode = 127;  // 127, as a shell says, when the program could not start
  std::string output;  // stdout and stderr, interleaved
};

ProcessResult runProcess(const std::vector<std::string>& argv);

struct PythonInfo {
  std::string executable;
  std::string includeDir;
  std::string extSuffix;   // ".cpython-311-x86_64-linux-gnu.so"
  std::string pyxcInclude; // the target Python's pyxc.get_include(), if importable
  std::string pyxcVersion; // and that pyxc's __version__
};

// Asks `python` (an executable name or path) once; on failure returns nullopt
// and says why in `error`.
std::optional<PythonInfo> queryPython(const std::string& python, std::string& error);

struct ToolchainOptions {
  std::string cxx;        // compiler executable
  std::string launcher;   // ccache/sccache or empty
  int optLevel = 3;
  bool marchNative = false;
  std::string runtimeDir; // directory holding pyxc/runtime.h
  std::vector<std::string> extraFlags;
};

std::vector<std::string> compileCommand(const ToolchainOptions& options, const PythonInfo& python,
                                        const std::string& cppPath, const std::string& outputPath);

// The commands that turn `cppPath` into the extension `outputPath`: one
// compile-and-link, or, with a launcher, a compile to `outputPath`.o and a
// link, because ccache and sccache cache only compiles (`-c`), never a call
// that also links.
std::vector<std::vector<std::string>> compileSteps(const ToolchainOptions& options, const PythonInfo& python,
                                                   const std::string& cppPath, const std::string& outputPath);

// The runtime headers: explicit option, $PYXC_RUNTIME_DIR, then the headers
// of this binary's own build: an installed pyxc uses the target Python's pyxc
// package when its version matches, a development build its source tree
// (a stale installed copy must not shadow the runtime the binary was built
// with).
std::string findRuntimeDir(const std::string& explicitDir, const PythonInfo& python);

// The C++ compiler: explicit option, $CXX, then `c++`.
std::string findCxx(const std::string& explicitCxx);

// $PYXC_EXTRA_CXXFLAGS split at whitespace (no shell quoting): flags for
// every module a run builds, without a --cxx-flag on each command, e.g. a
// sanitizer or -Werror build of a whole test suite. They go before the
// --cxx-flag ones, so a flag on the command line has the last word.
std::vector<std::string> extraFlagsFromEnvironment();

}  // namespace pyxc::driver
