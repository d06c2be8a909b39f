// Phase 2: name resolution, type inference and checking. Fills the [check]
// fields of the AST in place (the "typed AST") and reports every error of the
// module into `diags`. After checkModule returns without errors, every
// native function's expressions have a known type and compiler/emit may
// assume the program is in the supported subset.
//
// Decisions the checker makes (where docs/semantics.md leaves room):
// - A def without `->` gets the join of its returned values' types, or
//   None when it returns no value; mixing both is an error.
// - Unannotated locals get the join of every value assigned to them;
//   literals assigned to a local count as int/float (not weak). Parameters
//   and annotated locals keep their declared type.
// - `for i in range(...)` makes `i` an int (i64); range arguments may be any
//   int width or bool; so is `for i in prange(...)`, whose body's locals are
//   classified (private / reduction / shared read-only) by
//   parallel_loops.cpp, which reports every use that would race.
// - Array annotations produce Type::arrayOf for parameters and are reported
//   once, at the parameter ("array parameters are not supported yet"); uses
//   of such a parameter in the body are typed unknown without more errors.
// - String literals (raise/assert messages, string statements) and
//   exception references get Type::voidType(): they are not values.
// - A weak int literal that the other operand's fixed-width type cannot hold
//   (`x < 300` for a u8 x) makes the operation an int (i64) one, so it stays
//   exact; stored into a fixed-width declared type it is a BadLiteral.
// - String statements (not only docstrings) are accepted and ignored, as
//   CPython does; any other string use outside raise/assert is an error.
// - A local whose type stays unknown in an otherwise error-free module is
//   reported (UnboundLocal: "cannot infer a type"), so emit never sees
//   unknown types in a module that checked cleanly.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::check {

// Returns the number of native functions found (0 is not an error here; the
// driver decides). Functions without @pyxc.native are left untyped and are
// never reported on.
int checkModule(ast::Module& module, diag::DiagnosticBag& diags);

}  // namespace pyxc::check
