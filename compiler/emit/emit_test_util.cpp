#include "compiler/emit/emit_test_util.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <stdlib.h>
#include <sys/wait.h>

#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/parse.h"

namespace pyxc::emit::testing {

namespace {
const char kPrelude[] =
    "import math\n"
    "import pyxc\n"
    "from pyxc import i8, i16, i32, i64, u8, u16, u32, u64, f32, f64\n";
}

int preludeLines() { return 3; }

std::string runtimeIncludeFlags() {
  return std::string("-I") + PYXC_TEST_RUNTIME_DIR + " -I" + PYXC_TEST_PYTHON_INCLUDE;
}

std::vector<std::string> testCompilers() {
  std::vector<std::string> out{PYXC_TEST_CXX};
  std::string clang = PYXC_TEST_CLANGXX;
  if (!clang.empty() && clang.find("NOTFOUND") == std::string::npos && clang != out[0]) out.push_back(clang);
  return out;
}

CommandResult compileEmitted(const std::string& cpp, const std::string& cxx, const std::string& flags) {
  std::string dir = makeTempDir("pyxc-emit-compile");
  if (dir.empty()) return {-1, "cannot create a temporary directory"};
  writeFile(dir + "/m.cpp", cpp);
  CommandResult result =
      runCommand(cxx + " " + flags + " " + runtimeIncludeFlags() + " " + dir + "/m.cpp -o " + dir + "/m.o");
  std::filesystem::remove_all(dir);
  return result;
}

bool reportsVectorizedLoopInPython(const std::string& compilerOutput) {
  size_t at = 0;
  while ((at = compilerOutput.find("m.py:", at)) != std::string::npos) {
    std::string line = compilerOutput.substr(at, compilerOutput.find('\n', at) - at);
    if (line.find("loop vectorized") != std::string::npos) return true;
    at += line.size();
  }
  return false;
}

Emitted emitPython(const std::string& body, EmitOptions options) {
  SourceFile source("m.py", std::string(kPrelude) + body);
  diag::DiagnosticBag diags;
  ast::Module module = syntax::parseModule(source, "m", diags);
  check::checkModule(module, diags);
  Emitted result;
  for (const diag::Diagnostic& d : diags.all()) {
    result.diagnostics += std::to_string(d.span.line) + ":" + std::to_string(d.span.column + 1) + ": " + d.message + "\n";
  }
  if (options.pyxcVersion.empty()) options.pyxcVersion = "test";
  if (!diags.hasErrors()) result.cpp = emitModule(module, source, options);
  return result;
}

CommandResult runCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string makeTempDir(const std::string& stem) {
  std::string pattern = (std::filesystem::temp_directory_path() / (stem + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) return {};
  return pattern;
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace pyxc::emit::testing
