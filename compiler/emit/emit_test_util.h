// Helpers for emit's unit tests: Python source -> emitted C++ through the
// real parser and checker, and running a C++ compiler on the result.
#pragma once

#include <string>

#include "compiler/emit/emit.h"

namespace pyxc::emit::testing {

struct Emitted {
  std::string cpp;
  std::string diagnostics;  // one "line:col: message" per line; empty when clean
};

// `body` follows an implicit prelude (`import math`, `import pyxc`,
// `from pyxc import ...`); the module is named `m` and its path `m.py`.
Emitted emitPython(const std::string& body, EmitOptions options = {});

// The prelude's line count, so tests can compute #line numbers.
int preludeLines();

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout + stderr
};
CommandResult runCommand(const std::string& command);

// A fresh directory under the system temp dir.
std::string makeTempDir(const std::string& stem);
// -I flags for the runtime headers and Python's headers, for compiling emitted code.
std::string runtimeIncludeFlags();
void writeFile(const std::string& path, const std::string& text);

}  // namespace pyxc::emit::testing
