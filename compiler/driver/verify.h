// `pyxc build --verify`: running the optional pyxc-verify checker (verify/,
// docs/verify.md) on each generated .cpp. The driver never links LLVM; it
// runs the tool as a program, found next to its own executable or on PATH.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/toolchain.h"

namespace pyxc::driver {

// The pyxc-verify executable, or empty when it is not installed.
std::string findVerifier();

// pyxc-verify CPP --python EXE --runtime-dir DIR -- <the build's own flags>
std::vector<std::string> verifyCommand(const std::string& verifier, const ToolchainOptions& toolchain,
                                       const PythonInfo& python, const std::string& cppPath);

// What changes a verification's result besides the build key: the checker
// binary itself (path, size, modification time).
std::string verifierIdentity(const std::string& verifier);

// True when PYXC_VERIFY=1: every build verifies, as with --verify (test
// suites set it so that every module they build is checked).
bool verifyRequestedByEnvironment();

}  // namespace pyxc::driver
