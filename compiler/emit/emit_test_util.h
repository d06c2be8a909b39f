// Helpers for emit's unit tests: Python source -> emitted C++ through the
// real parser and checker, and running a C++ compiler on the result.
#pragma once

#include <string>
#include <vector>

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

// The compilers the compile tests try: the build's C++ compiler, and
// clang++ when the build found one.
std::vector<std::string> testCompilers();
// Runs `cxx flags <runtime includes> m.cpp -o m.o` on `cpp` in a fresh
// directory, removed afterwards.
CommandResult compileEmitted(const std::string& cpp, const std::string& cxx, const std::string& flags);
// Does a compiler's -fopt-info-vec output report a vectorized loop at a line
// of m.py (the #line directives' file)?
bool reportsVectorizedLoopInPython(const std::string& compilerOutput);

}  // namespace pyxc::emit::testing
