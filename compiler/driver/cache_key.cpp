#include "compiler/driver/cache_key.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "compiler/driver/sha256.h"

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every file under `root`, sorted, as (relative path, contents) fields.
std::string treeDigest(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  Sha256 h;
  for (const auto& f : files) h.field(fs::relative(f, root).generic_string()).field(readAll(f));
  return h.hexDigest();
}

}  // namespace

std::optional<BuildIdentity> buildIdentity(const ToolchainOptions& toolchain, const PythonInfo& python,
                                           std::string& error) {
  ProcessResult version = runProcess({toolchain.cxx, "--version"});
  ProcessResult machine = runProcess({toolchain.cxx, "-dumpmachine"});
  if (version.exitCode != 0) {
    error = "cannot run the C++ compiler '" + toolchain.cxx + "': " + version.output;
    return std::nullopt;
  }
  // The flags as the compiler sees them, with the two include directories
  // named by role (their contents are hashed below) and no file names.
  ToolchainOptions flagsOnly = toolchain;
  flagsOnly.launcher.clear();
  flagsOnly.runtimeDir = "<runtime>";
  PythonInfo pythonRole = python;
  pythonRole.includeDir = "<python>";
  std::vector<std::string> command = compileCommand(flagsOnly, pythonRole, "<in>", "<out>");
  std::string flags;
  for (size_t i = 1; i < command.size(); ++i) flags += command[i] + " ";

  fs::path pyInclude(python.includeDir);
  BuildIdentity id;
  std::ostringstream d;
  d << "pyxc " << PYXC_VERSION << "\n"
    << "compiler: " << version.output.substr(0, version.output.find('\n')) << "\n"
    << "target: " << machine.output.substr(0, machine.output.find('\n')) << "\n"
    << "flags: " << flags << "\n"
    << "python: " << python.extSuffix << "\n"
    << "runtime headers: " << treeDigest(fs::path(toolchain.runtimeDir) / "pyxc") << "\n"
    << "python headers: "
    << Sha256().field(readAll(pyInclude / "patchlevel.h")).field(readAll(pyInclude / "pyconfig.h")).hexDigest()
    << "\n";
  id.description = d.str();
  // The full --version text goes into the digest, not only its first line.
  id.digest = Sha256()
                  .field("pyxc-artifact-key-v1")
                  .field(id.description)
                  .field(version.output)
                  .field(machine.output)
                  .hexDigest();
  return id;
}

std::string artifactKey(const BuildIdentity& identity, const std::string& cpp) {
  return Sha256().field(identity.digest).field(cpp).hexDigest();
}

}  // namespace pyxc::driver
