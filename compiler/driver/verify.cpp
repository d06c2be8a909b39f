#include "compiler/driver/verify.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

bool isExecutable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string findVerifier() {
  // Beside this executable first: build/pyxc and build/pyxc-verify, or both
  // in a virtualenv's bin/ after `pip install`.
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && isExecutable(self.parent_path() / "pyxc-verify")) return (self.parent_path() / "pyxc-verify").string();
  if (const char* path = std::getenv("PATH")) {
    std::istringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');)
      if (!dir.empty() && isExecutable(fs::path(dir) / "pyxc-verify")) return (fs::path(dir) / "pyxc-verify").string();
  }
  return {};
}

std::vector<std::string> verifyCommand(const std::string& verifier, const ToolchainOptions& toolchain,
                                       const PythonInfo& python, const std::string& cppPath) {
  std::vector<std::string> cmd = {verifier, cppPath, "--python", python.executable, "--runtime-dir",
                                  toolchain.runtimeDir, "--"};
  // The flags that change what the preprocessor sees; -O and the loop
  // alignment do not.
  if (toolchain.marchNative) cmd.push_back("-march=native");
  cmd.insert(cmd.end(), toolchain.extraFlags.begin(), toolchain.extraFlags.end());
  return cmd;
}

std::string verifierIdentity(const std::string& verifier) {
  std::error_code ec;
  auto size = fs::file_size(verifier, ec);
  auto time = fs::last_write_time(verifier, ec).time_since_epoch().count();
  return verifier + " " + std::to_string(ec ? 0 : size) + " " + std::to_string(ec ? 0 : time);
}

bool verifyRequestedByEnvironment() {
  const char* value = std::getenv("PYXC_VERIFY");
  return value && std::string(value) == "1";
}

}  // namespace pyxc::driver
