// Internal to compiler/syntax: the tree-sitter CST -> ast converter.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostics.h"

extern "C" const TSLanguage* tree_sitter_pyxc_python(void);

namespace pyxc::syntax {

// Small TSNode helpers, so the converters read like the grammar.
inline TSNode nullNode() { return TSNode{}; }  // ts_node_is_null() holds for it
std::string_view nodeType(TSNode node);
TSNode field(TSNode node, const char* name);
// All children, named or not, in order.
std::vector<TSNode> allChildren(TSNode node);
// Named children that are not extras (comments, line continuations).
std::vector<TSNode> namedChildren(TSNode node);
// The last token of `node` that is real text (not a comment, not a
// zero-width indentation token): where the construct really ends.
TSNode lastToken(TSNode node);

// Converts one module. `text` is what tree-sitter parsed; `shift` bytes (a
// UTF-8 byte order mark) were stripped in front of it and are added back to
// every span so spans index the original file.
class Converter {
 public:
  Converter(std::string_view text, uint32_t shift, diag::DiagnosticBag& diags)
      : text_(text), shift_(shift), diags_(diags) {}

  void convertModule(TSNode root, ast::Module& module);

  // Positions.
  Span span(TSNode node) const;
  Span spanBetween(TSNode first, TSNode last) const;
  std::string_view text(TSNode node) const;

  // Expressions (convert_expr.cpp).
  ast::ExprPtr expr(TSNode node);
  ast::ExprPtr annotation(TSNode typeNode);  // a `type` node, or any expression
  ast::ExprPtr unsupportedExpr(TSNode node, std::string description);
  ast::ExprPtr invalidExpr(TSNode node);

  // Statements (convert_stmt.cpp).
  void block(TSNode node, ast::Block& out);  // appends the statements of a block/module
  ast::StmtPtr stmt(TSNode node);
  ast::StmtPtr functionDef(TSNode decorated, TSNode def);

 private:
  // Counts AST nesting; past kMaxNesting it reports NestingTooDeep once and
  // the converters stop descending.
  class DepthGuard {
   public:
    explicit DepthGuard(Converter& c) : c_(c) { ++c_.depth_; }
    ~DepthGuard() { --c_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Converter& c_;
  };
  bool tooDeep(TSNode node);

  // Expression helpers (convert_expr.cpp).
  ast::ExprPtr exprUnguarded(TSNode node);
  ast::ExprPtr integer(TSNode node);
  ast::ExprPtr floating(TSNode node);
  ast::ExprPtr string(TSNode node);
  ast::ExprPtr concatenated(TSNode node);
  ast::ExprPtr binary(TSNode node);
  ast::ExprPtr boolOp(TSNode node);
  ast::ExprPtr compare(TSNode node);
  ast::ExprPtr call(TSNode node);
  ast::ExprPtr subscript(TSNode node);
  ast::ExprPtr slice(TSNode node);
  ast::ExprPtr tuple(TSNode node);
  ast::ExprPtr comprehension(TSNode node);

  // Statement helpers (convert_stmt.cpp).
  ast::StmtPtr stmtUnguarded(TSNode node);
  ast::StmtPtr expressionStatement(TSNode node);
  ast::StmtPtr assignment(TSNode stmtNode, TSNode node);
  ast::StmtPtr augmentedAssignment(TSNode stmtNode, TSNode node);
  ast::StmtPtr ifStatement(TSNode node);
  ast::StmtPtr elifChain(TSNode node, const std::vector<TSNode>& clauses, size_t index);
  ast::StmtPtr whileStatement(TSNode node);
  ast::StmtPtr forStatement(TSNode node);
  ast::StmtPtr withStatement(TSNode node);
  ast::StmtPtr importStatement(TSNode node);
  // One name of an import; `bindsTopPackage`: `import a.b` binds `a`.
  ast::ImportName importedName(TSNode name, bool bindsTopPackage);
  ast::StmtPtr importFromStatement(TSNode node);
  ast::StmtPtr unsupportedStmt(TSNode node, std::string description);
  ast::StmtPtr invalidStmt(TSNode node);
  void params(TSNode node, std::vector<ast::Param>& out);
  void elseClause(TSNode clause, ast::Block& out);
  void checkIndentation(TSNode block, const std::vector<TSNode>& statements);
  int64_t previousIndentation(size_t lineStart) const;
  Span stmtSpan(TSNode node) const;

  // Module-level names (parse.cpp).
  void collectBindings(TSNode node, ast::Module& module, int depth);
  void collectTargets(TSNode target, ast::Module& module, const char* what, int depth);
  void addBinding(ast::Module& module, std::string name, Span where, const char* what);

  std::string_view text_;
  uint32_t shift_;
  diag::DiagnosticBag& diags_;
  int depth_ = 0;
  bool reportedDepth_ = false;
  bool treeHasError_ = false;
  std::unordered_set<std::string> boundNames_;
};

// Reports every ERROR and MISSING node of the tree (syntax_errors.cpp).
void reportSyntaxErrors(TSNode root, const Converter& converter, std::string_view text, diag::DiagnosticBag& diags);

// Literal decoding (literals.cpp). Return false when the spelling is invalid.
struct IntValue {
  int64_t value = 0;
  bool overflow = false;
};
bool parseIntLiteral(std::string_view spelling, IntValue& out, std::string& error);
bool parseFloatLiteral(std::string_view spelling, double& out);
// Decodes the body of a non-raw string literal (escape sequences).
std::string decodeEscapes(std::string_view body);

}  // namespace pyxc::syntax
