// Phase 1: Python source -> pyxc AST. The only code that touches tree-sitter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"
#include "compiler/common/source.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::syntax {

// Deeper expression/statement nesting than this is reported (NestingTooDeep)
// instead of being walked: CPython itself stops at 200 nested parentheses.
inline constexpr int kMaxNesting = 200;

// Descriptions of the Unsupported placeholders for code this phase has
// already reported (they also carry alreadyReported, which is what later
// phases look at).
inline constexpr std::string_view kInvalidSyntax = "invalid syntax";
inline constexpr std::string_view kExprTooDeep = "an expression nested too deeply";
inline constexpr std::string_view kStmtTooDeep = "a statement nested too deeply";

// Parses `source` into a Module named `moduleName`. Syntax errors (tree-sitter
// ERROR / MISSING nodes), invalid UTF-8 and too-deep nesting are reported
// into `diags`; the returned module then holds whatever could be converted.
// Never throws, never crashes on any input bytes.
ast::Module parseModule(const SourceFile& source, const std::string& moduleName, diag::DiagnosticBag& diags);

// Debug dump of the tree (`pyxc emit --dump-ast`), stable for lit tests.
std::string dumpModule(const ast::Module& module);

}  // namespace pyxc::syntax
