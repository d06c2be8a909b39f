// Phase 2: name resolution, type inference and checking. Fills the [check]
// fields of the AST in place (the "typed AST") and reports every error of the
// module into `diags`. After checkModule returns without errors, every
// native function's expressions have a known type and compiler/emit may
// assume the program is in the supported subset.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::check {

// Returns the number of native functions found (0 is not an error here; the
// driver decides). Functions without @pyxc.native are left untyped and are
// never reported on.
int checkModule(ast::Module& module, diag::DiagnosticBag& diags);

}  // namespace pyxc::check
