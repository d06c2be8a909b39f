// Runs syntax -> check -> emit on one file and keeps what each produced.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/common/source.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::driver {

enum class StopAfter { Parse, Check, Emit };

struct FrontendResult {
  std::unique_ptr<SourceFile> source;  // null when the file could not be read
  ast::Module module;
  diag::DiagnosticBag diags;
  int nativeFunctions = 0;
  std::string cpp;  // set when emission ran
};

// `moduleName` defaults to the file's stem.
FrontendResult runFrontend(const std::string& path, StopAfter stopAfter, bool lineDirectives = true);

// The same phases on source text already in memory, as if read from `path`
// (fuzz/ feeds its inputs here without touching the file system).
FrontendResult runFrontendOnText(const std::string& path, std::string text, StopAfter stopAfter,
                                 bool lineDirectives = true);

// A module name usable as a C identifier in PyInit_<name>: the file stem.
std::string moduleNameFor(const std::string& path);

// Can `import <name>` find PyInit_<name>? (ASCII identifier.)
bool isImportableModuleName(const std::string& name);

}  // namespace pyxc::driver
