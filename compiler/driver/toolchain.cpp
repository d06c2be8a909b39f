#include "compiler/driver/toolchain.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

extern char** environ;

namespace pyxc::driver {

ProcessResult runProcess(const std::vector<std::string>& argv) {
  ProcessResult result;
  int pipeFds[2];
  if (argv.empty() || pipe(pipeFds) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  if (rc != 0) {
    close(pipeFds[0]);
    result.output = std::string("cannot run '") + argv[0] + "'";
    return result;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read(pipeFds[0], buf, sizeof buf)) > 0) result.output.append(buf, static_cast<size_t>(n));
  close(pipeFds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::optional<PythonInfo> queryPython(const std::string& python, std::string& error) {
  // One process start: the values come back one per line.
  static const char* kQuery =
      "import sys, sysconfig\n"
      "print(sys.executable)\n"
      "print(sysconfig.get_paths()['include'])\n"
      "print(sysconfig.get_config_var('EXT_SUFFIX'))\n"
      "try:\n"
      "    import pyxc; print(pyxc.get_include()); print(pyxc.__version__)\n"
      "except Exception:\n"
      "    print(''); print('')\n";
  ProcessResult r = runProcess({python, "-c", kQuery});
  if (r.exitCode != 0) {
    error = "cannot query the Python interpreter '" + python + "': " + r.output;
    return std::nullopt;
  }
  std::istringstream lines(r.output);
  PythonInfo info;
  std::getline(lines, info.executable);
  std::getline(lines, info.includeDir);
  std::getline(lines, info.extSuffix);
  std::getline(lines, info.pyxcInclude);
  std::getline(lines, info.pyxcVersion);
  if (info.includeDir.empty() || info.extSuffix.empty() || info.extSuffix == "None") {
    error = "the Python interpreter '" + python + "' did not report its include directory and extension suffix";
    return std::nullopt;
  }
  if (!std::filesystem::exists(std::filesystem::path(info.includeDir) / "Python.h")) {
    error = "Python.h not found in '" + info.includeDir + "' (install the Python development headers)";
    return std::nullopt;
  }
  return info;
}

std::string findRuntimeDir(const std::string& explicitDir, const PythonInfo& python) {
  auto hasRuntime = [](const std::string& dir) {
    return !dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / "pyxc" / "runtime.h");
  };
  if (!explicitDir.empty()) return explicitDir;
  if (const char* env = std::getenv("PYXC_RUNTIME_DIR"); env && *env) return env;
  bool packageMatches = hasRuntime(python.pyxcInclude) && python.pyxcVersion == PYXC_VERSION;
#ifdef PYXC_INSTALLED
  if (packageMatches) return python.pyxcInclude;
#endif
  if (hasRuntime(PYXC_SOURCE_RUNTIME_DIR)) return PYXC_SOURCE_RUNTIME_DIR;
  if (packageMatches || hasRuntime(python.pyxcInclude)) return python.pyxcInclude;
  return PYXC_SOURCE_RUNTIME_DIR;
}

std::string findCxx(const std::string& explicitCxx) {
  if (!explicitCxx.empty()) return explicitCxx;
  if (const char* env = std::getenv("CXX"); env && *env) return env;
  return "c++";
}

std::vector<std::string> extraFlagsFromEnvironment() {
  std::vector<std::string> flags;
  const char* env = std::getenv("PYXC_EXTRA_CXXFLAGS");
  if (!env) return flags;
  std::istringstream words(env);
  for (std::string flag; words >> flag;) flags.push_back(flag);
  return flags;
}

std::vector<std::string> compileCommand(const ToolchainOptions& options, const PythonInfo& python,
                                        const std::string& cppPath, const std::string& outputPath) {
  std::vector<std::string> cmd;
  if (!options.launcher.empty()) cmd.push_back(options.launcher);
  cmd.push_back(options.cxx);
  cmd.insert(cmd.end(), {"-std=c++20", "-O" + std::to_string(options.optLevel), "-shared", "-fPIC",
                         "-fvisibility=hidden", "-DNDEBUG", "-I" + options.runtimeDir, "-I" + python.includeDir});
  // Hot loops starting on a 32-byte boundary: without it the same inner
  // loop measured 1.15x or 1.71x hand-written C++ depending on where
  // unrelated code placed it (test/perf/README.md, matmul).
  if (options.optLevel > 0) cmd.push_back("-falign-loops=32");
  if (options.marchNative) cmd.push_back("-march=native");
  cmd.insert(cmd.end(), options.extraFlags.begin(), options.extraFlags.end());
  cmd.insert(cmd.end(), {cppPath, "-o", outputPath});
  return cmd;
}

std::vector<std::vector<std::string>> compileSteps(const ToolchainOptions& options, const PythonInfo& python,
                                                   const std::string& cppPath, const std::string& outputPath) {
  std::vector<std::string> single = compileCommand(options, python, cppPath, outputPath);
  if (options.launcher.empty()) return {single};
  std::string object = outputPath + ".o";
  std::vector<std::string> compile;
  for (size_t i = 0; i + 3 < single.size(); ++i)  // all but "cpp -o out"
    if (single[i] != "-shared") compile.push_back(single[i]);
  compile.insert(compile.end(), {"-c", cppPath, "-o", object});
  // Extra flags go to the link too: they may be linker flags (-l, -fsanitize).
  std::vector<std::string> link = {options.cxx, "-shared"};
  link.insert(link.end(), options.extraFlags.begin(), options.extraFlags.end());
  link.insert(link.end(), {object, "-o", outputPath});
  return {compile, link};
}

}  // namespace pyxc::driver
