// The command line, and the compile flags the driver would use: runtime
// headers, the target Python's headers, Clang's builtin headers.
#pragma once

#include <string>
#include <vector>

namespace pyxc::verify {

struct VerifyOptions {
  std::vector<std::string> files;
  std::string python = "python3";
  std::string runtimeDir;
  std::string resourceDir;
  std::vector<std::string> extraFlags;  // after `--`
  bool help = false;
};

bool parseArguments(int argc, char** argv, VerifyOptions& options, std::string& error);

// -std=c++20 -DNDEBUG -I<runtime> -I<python include> -resource-dir <dir> + extra flags.
bool compileFlags(const VerifyOptions& options, std::vector<std::string>& flags, std::string& error);

}  // namespace pyxc::verify
