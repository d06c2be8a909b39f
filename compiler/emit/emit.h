// Phase 3: typed AST -> C++ source text of one CPython extension module.
#pragma once

#include <string>

#include "compiler/ast/ast.h"
#include "compiler/common/source.h"

namespace pyxc::emit {

struct EmitOptions {
  // Emit `#line N "file.py"` directives so C++ diagnostics, debuggers and
  // pyxc-verify point back at the Python source.
  bool lineDirectives = true;
  std::string pyxcVersion;
};

// `module` must have been checked without errors. The text includes the
// runtime (<pyxc/runtime.h>) and defines PyInit_<module.name>.
std::string emitModule(const ast::Module& module, const SourceFile& source, const EmitOptions& options);

}  // namespace pyxc::emit
