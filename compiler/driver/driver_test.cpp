#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compiler/driver/build.h"
#include "compiler/driver/frontend.h"
#include "compiler/driver/toolchain.h"

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("pyxc_driver_test_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel) << text;
  }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return x.find(s) != std::string::npos; });
}

TEST(Discover, FindsPyxcModulesAndSkipsCachesAndVenvs) {
  TempDir dir;
  const std::string native = "import pyxc\n@pyxc.native\ndef f(x: int) -> int:\n    return x\n";
  dir.write("pkg/hot.py", native);
  dir.write("pkg/plain.py", "def g():\n    return 1\n");
  dir.write("pkg/__pyxc__/stale.py", native);
  dir.write(".hidden/h.py", native);
  dir.write("venv/pyvenv.cfg", "home = /usr\n");
  dir.write("venv/lib/x.py", native);
  std::string error;
  auto found = discoverModules({dir.path().string()}, error);
  EXPECT_TRUE(error.empty());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("hot.py"), std::string::npos);
}

TEST(Discover, ExplicitFileIsKeptAndMissingPathIsAnError) {
  TempDir dir;
  dir.write("a.py", "x = 1\n");
  std::string error;
  auto found = discoverModules({(dir.path() / "a.py").string()}, error);
  EXPECT_EQ(found.size(), 1u);
  found = discoverModules({(dir.path() / "missing.py").string()}, error);
  EXPECT_TRUE(found.empty());
  EXPECT_NE(error.find("no such file"), std::string::npos);
}

TEST(Toolchain, CompileCommandCarriesFlagsIncludesAndLauncher) {
  ToolchainOptions options;
  options.cxx = "g++";
  options.launcher = "ccache";
  options.optLevel = 2;
  options.runtimeDir = "/rt";
  PythonInfo python;
  python.includeDir = "/py/include";
  auto cmd = compileCommand(options, python, "m.cpp", "m.so");
  ASSERT_GE(cmd.size(), 3u);
  EXPECT_EQ(cmd[0], "ccache");
  EXPECT_EQ(cmd[1], "g++");
  EXPECT_TRUE(contains(cmd, "-O2"));
  EXPECT_TRUE(contains(cmd, "-I/rt"));
  EXPECT_TRUE(contains(cmd, "-I/py/include"));
  EXPECT_FALSE(contains(cmd, "-march=native"));
  options.marchNative = true;
  EXPECT_TRUE(contains(compileCommand(options, python, "m.cpp", "m.so"), "-march=native"));
}

TEST(Toolchain, RuntimeDirPrecedence) {
  PythonInfo python;
  ::unsetenv("PYXC_RUNTIME_DIR");
  EXPECT_EQ(findRuntimeDir("/explicit", python), "/explicit");
  EXPECT_EQ(findRuntimeDir("", python), PYXC_SOURCE_RUNTIME_DIR);
  // A development build prefers its own source tree over an installed copy.
  python.pyxcInclude = PYXC_SOURCE_RUNTIME_DIR;
  python.pyxcVersion = "0.0.0-other";
  EXPECT_EQ(findRuntimeDir("", python), PYXC_SOURCE_RUNTIME_DIR);
  ::setenv("PYXC_RUNTIME_DIR", "/from/env", 1);
  EXPECT_EQ(findRuntimeDir("", python), "/from/env");
  ::unsetenv("PYXC_RUNTIME_DIR");
}

TEST(Toolchain, ExtraFlagsFromEnvironmentSplitAtWhitespace) {
  ::unsetenv("PYXC_EXTRA_CXXFLAGS");
  EXPECT_TRUE(extraFlagsFromEnvironment().empty());
  ::setenv("PYXC_EXTRA_CXXFLAGS", "  -Wall\t-fsanitize=address,undefined \n-Werror ", 1);
  EXPECT_EQ(extraFlagsFromEnvironment(),
            (std::vector<std::string>{"-Wall", "-fsanitize=address,undefined", "-Werror"}));
  ::unsetenv("PYXC_EXTRA_CXXFLAGS");
}

TEST(Toolchain, RunProcessCapturesOutputAndExitCode) {
  auto r = runProcess({"sh", "-c", "echo out; echo err >&2; exit 7"});
  EXPECT_EQ(r.exitCode, 7);
  EXPECT_NE(r.output.find("out"), std::string::npos);
  EXPECT_NE(r.output.find("err"), std::string::npos);
  EXPECT_EQ(runProcess({"/nonexistent/program"}).exitCode, 127);
}

TEST(Toolchain, QueryPythonReportsHeadersAndSuffix) {
  std::string error;
  auto info = queryPython("python3", error);
  ASSERT_TRUE(info.has_value()) << error;
  EXPECT_TRUE(fs::exists(fs::path(info->includeDir) / "Python.h"));
  EXPECT_EQ(info->extSuffix.substr(info->extSuffix.size() - 3), ".so");
  EXPECT_FALSE(queryPython("/nonexistent/python", error).has_value());
  EXPECT_FALSE(error.empty());
}

TEST(Frontend, UnreadableFileIsAnIoErrorDiagnostic) {
  auto fe = runFrontend("/nonexistent/dir/m.py", StopAfter::Check);
  EXPECT_TRUE(fe.diags.hasErrors());
  EXPECT_EQ(moduleNameFor("a/b/primes.py"), "primes");
  EXPECT_TRUE(isImportableModuleName("prime_sieve2"));
  EXPECT_FALSE(isImportableModuleName("well-typed"));
  EXPECT_FALSE(isImportableModuleName("2fast"));
  EXPECT_FALSE(isImportableModuleName("caf\xc3\xa9"));
}

}  // namespace
}  // namespace pyxc::driver
