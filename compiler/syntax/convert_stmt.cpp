// CST statements and function definitions -> ast::Stmt.
#include <string>

#include "compiler/syntax/convert.h"
#include "compiler/syntax/parse.h"

namespace pyxc::syntax {
namespace {

using ast::Stmt;
using ast::StmtKind;
using ast::StmtPtr;

StmtPtr make(StmtKind kind, Span span) { return std::make_unique<Stmt>(kind, span); }

bool startsWithAsync(TSNode node) {
  if (ts_node_child_count(node) == 0) return false;
  return nodeType(ts_node_child(node, 0)) == "async";
}

const char* describeUnsupportedStmt(std::string_view type) {
  static const std::pair<std::string_view, const char*> table[] = {
      {"class_definition", "a class definition"},
      {"with_statement", "a 'with' statement"},
      {"try_statement", "a 'try' statement"},
      {"global_statement", "a 'global' statement"},
      {"nonlocal_statement", "a 'nonlocal' statement"},
      {"delete_statement", "a 'del' statement"},
      {"match_statement", "a 'match' statement"},
      {"type_alias_statement", "a 'type' alias statement"},
      {"ERROR", "invalid syntax"},
  };
  for (const auto& [name, description] : table)
    if (name == type) return description;
  return nullptr;
}

// All children of `node` under field `name` (ts_node_child_by_field_name
// only returns the first).
std::vector<TSNode> fieldChildren(TSNode node, const char* name) {
  std::vector<TSNode> out;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      const char* fieldName = ts_tree_cursor_current_field_name(&cursor);
      if (fieldName && std::string_view(fieldName) == name) out.push_back(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

// The line that ends just before `before`'s end ends in a backslash.
bool endsWithBackslash(std::string_view before) {
  if (!before.empty() && before.back() == '\n') before.remove_suffix(1);
  if (!before.empty() && before.back() == '\r') before.remove_suffix(1);
  return !before.empty() && before.back() == '\\';
}

std::string withoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out += c;
  return out;
}

}  // namespace

Span Converter::stmtSpan(TSNode node) const { return spanBetween(node, lastToken(node)); }

StmtPtr Converter::unsupportedStmt(TSNode node, std::string description) {
  auto s = make(StmtKind::Unsupported, stmtSpan(node));
  s->text = std::move(description);
  return s;
}

StmtPtr Converter::invalidStmt(TSNode node) {
  if (!treeHasError_) diags_.error(diag::Kind::SyntaxError, stmtSpan(node), "invalid syntax");
  auto s = unsupportedStmt(node, std::string(kInvalidSyntax));
  s->alreadyReported = true;
  return s;
}

void Converter::block(TSNode node, ast::Block& out) {
  if (ts_node_is_null(node)) return;
  std::vector<TSNode> statements = namedChildren(node);
  checkIndentation(node, statements);
  for (TSNode child : statements) {
    if (StmtPtr s = stmt(child)) out.push_back(std::move(s));
  }
}

// tree-sitter-python accepts some indentation Python rejects (an empty
// block, a statement indented deeper or shallower than its siblings), so
// these are checked here, on the statements that start a line.
// Indentation of the last line before `lineStart` that holds code.
int64_t Converter::previousIndentation(size_t lineStart) const {
  size_t end = lineStart;
  while (end > 0) {
    size_t begin = text_.rfind('\n', end - 1 > 0 ? end - 2 : 0);
    begin = (begin == std::string_view::npos || end < 2) ? 0 : begin + 1;
    std::string_view line = text_.substr(begin, end - begin);
    size_t code = line.find_first_not_of(" \t\f\r\n");
    if (code != std::string_view::npos && line[code] != '#') return static_cast<int64_t>(code);
    if (begin == 0) break;
    end = begin;
  }
  return 0;
}

void Converter::checkIndentation(TSNode node, const std::vector<TSNode>& statements) {
  bool isModule = nodeType(node) == "module";
  if (!isModule && statements.empty()) {
    // Error recovery often leaves an empty block behind an ERROR, which
    // is reported already.
    if (!treeHasError_) diags_.error(diag::Kind::SyntaxError, span(node), "expected an indented block");
    return;
  }
  int64_t expected = isModule ? 0 : -1;
  for (TSNode statement : statements) {
    if (nodeType(statement) == "ERROR" || ts_node_is_missing(statement)) continue;
    uint32_t begin = ts_node_start_byte(statement);
    size_t lineStart = begin == 0 ? 0 : text_.rfind('\n', begin - 1);
    lineStart = lineStart == std::string_view::npos ? 0 : (begin == 0 ? 0 : lineStart + 1);
    std::string_view before = text_.substr(lineStart, begin - lineStart);
    if (before.find_first_not_of(" \t\f") != std::string_view::npos) continue;  // not first on its line
    if (endsWithBackslash(text_.substr(0, lineStart))) continue;  // a continued line
    int64_t column = static_cast<int64_t>(begin - lineStart);
    if (expected < 0) {
      expected = column;
      continue;
    }
    if (column == expected) continue;
    TSNode first = statement;
    while (ts_node_child_count(first) > 0) first = ts_node_child(first, 0);
    // Deeper than its block but shallower than the code above it: a dedent
    // that matches no level (Python's wording), else an indent.
    bool dedent = column < expected || column < previousIndentation(lineStart);
    diags_.error(diag::Kind::SyntaxError, span(first),
                 dedent ? "unindent does not match any outer indentation level" : "unexpected indent");
  }
}

StmtPtr Converter::stmt(TSNode node) {
  DepthGuard guard(*this);
  if (tooDeep(node)) {
    auto s = unsupportedStmt(node, std::string(kStmtTooDeep));
    s->alreadyReported = true;
    return s;
  }
  return stmtUnguarded(node);
}

StmtPtr Converter::stmtUnguarded(TSNode node) {
  std::string_view type = nodeType(node);
  Span where = stmtSpan(node);

  if (type == "expression_statement") return expressionStatement(node);
  if (type == "pass_statement") return make(StmtKind::Pass, where);
  if (type == "break_statement") return make(StmtKind::Break, where);
  if (type == "continue_statement") return make(StmtKind::Continue, where);
  if (type == "return_statement") {
    auto s = make(StmtKind::Return, where);
    auto values = namedChildren(node);
    if (!values.empty()) s->exprs.push_back(expr(values[0]));
    return s;
  }
  if (type == "raise_statement") {
    if (!ts_node_is_null(field(node, "cause"))) return unsupportedStmt(node, "'raise ... from ...'");
    auto s = make(StmtKind::Raise, where);
    auto values = namedChildren(node);
    if (!values.empty()) s->exprs.push_back(expr(values[0]));
    return s;
  }
  if (type == "assert_statement") {
    auto s = make(StmtKind::Assert, where);
    for (TSNode value : namedChildren(node)) s->exprs.push_back(expr(value));
    return s;
  }
  if (type == "if_statement") return ifStatement(node);
  if (type == "while_statement") return whileStatement(node);
  if (type == "for_statement") return forStatement(node);
  if (type == "function_definition") return functionDef(nullNode(), node);
  if (type == "decorated_definition") {
    TSNode definition = field(node, "definition");
    if (nodeType(definition) == "function_definition") return functionDef(node, definition);
    return unsupportedStmt(node, "a class definition");
  }
  if (type == "import_statement") return importStatement(node);
  if (type == "import_from_statement" || type == "future_import_statement") return importFromStatement(node);
  if (type == "print_statement" || type == "exec_statement") {
    std::string name = type == "print_statement" ? "print" : "exec";
    diags_.error(diag::Kind::SyntaxError, where,
                 "missing parentheses in call to '" + name + "'; did you mean " + name + "(...)?");
    auto s = unsupportedStmt(node, std::string(kInvalidSyntax));
    s->alreadyReported = true;
    return s;
  }
  if (type == "with_statement" && startsWithAsync(node)) return unsupportedStmt(node, "an 'async with' statement");
  if (type == "with_statement") return withStatement(node);
  if (const char* description = describeUnsupportedStmt(type)) return unsupportedStmt(node, description);
  return unsupportedStmt(node, "a '" + std::string(type) + "'");
}

StmtPtr Converter::expressionStatement(TSNode node) {
  auto children = namedChildren(node);
  if (children.size() == 1) {
    std::string_view type = nodeType(children[0]);
    if (type == "assignment") return assignment(node, children[0]);
    if (type == "augmented_assignment") return augmentedAssignment(node, children[0]);
  }
  auto s = make(StmtKind::Expr, stmtSpan(node));
  if (children.size() == 1) {
    s->exprs.push_back(expr(children[0]));
  } else {  // `a, b` as a statement: a tuple
    auto tuple = std::make_unique<ast::Expr>(ast::ExprKind::Tuple, s->span);
    for (TSNode child : children) tuple->operands.push_back(expr(child));
    s->exprs.push_back(std::move(tuple));
  }
  return s;
}

// `a = b = value` is one Assign with targets a, b; `x: T = v` an AnnAssign.
StmtPtr Converter::assignment(TSNode stmtNode, TSNode node) {
  Span where = stmtSpan(stmtNode);
  TSNode annotationNode = field(node, "type");
  if (!ts_node_is_null(annotationNode)) {
    auto s = make(StmtKind::AnnAssign, where);
    s->exprs.push_back(expr(field(node, "left")));
    s->exprs.push_back(annotation(annotationNode));
    TSNode right = field(node, "right");
    if (!ts_node_is_null(right)) s->exprs.push_back(expr(right));
    return s;
  }
  auto s = make(StmtKind::Assign, where);
  TSNode current = node;
  while (nodeType(current) == "assignment" && ts_node_is_null(field(current, "type"))) {
    s->exprs.push_back(expr(field(current, "left")));
    TSNode right = field(current, "right");
    if (ts_node_is_null(right)) {
      s->exprs.push_back(invalidExpr(current));
      return s;
    }
    current = right;
  }
  s->exprs.push_back(expr(current));
  return s;
}

StmtPtr Converter::augmentedAssignment(TSNode stmtNode, TSNode node) {
  auto s = make(StmtKind::AugAssign, stmtSpan(stmtNode));
  std::string_view op = text(field(node, "operator"));
  if (!op.empty() && op.back() == '=') op.remove_suffix(1);
  static const std::pair<std::string_view, ast::BinaryOp> table[] = {
      {"+", ast::BinaryOp::Add},       {"-", ast::BinaryOp::Sub},     {"*", ast::BinaryOp::Mul},
      {"/", ast::BinaryOp::Div},       {"//", ast::BinaryOp::FloorDiv}, {"%", ast::BinaryOp::Mod},
      {"**", ast::BinaryOp::Pow},      {"<<", ast::BinaryOp::LShift}, {">>", ast::BinaryOp::RShift},
      {"&", ast::BinaryOp::BitAnd},    {"|", ast::BinaryOp::BitOr},   {"^", ast::BinaryOp::BitXor},
      {"@", ast::BinaryOp::MatMul},
  };
  bool known = false;
  for (const auto& [spelling, value] : table) {
    if (spelling == op) {
      s->binaryOp = value;
      known = true;
    }
  }
  if (!known) return invalidStmt(stmtNode);
  s->exprs.push_back(expr(field(node, "left")));
  s->exprs.push_back(expr(field(node, "right")));
  return s;
}

StmtPtr Converter::ifStatement(TSNode node) {
  auto s = make(StmtKind::If, stmtSpan(node));
  s->exprs.push_back(expr(field(node, "condition")));
  block(field(node, "consequence"), s->body);
  std::vector<TSNode> clauses = fieldChildren(node, "alternative");
  if (!clauses.empty()) {
    if (StmtPtr rest = elifChain(node, clauses, 0)) {
      if (rest->kind == StmtKind::If) s->orelse.push_back(std::move(rest));
      else s->orelse = std::move(rest->body);
    }
  }
  return s;
}

// clauses[index...] as the orelse of an If: an `elif` becomes a nested If
// (returned as an If stmt), a final `else` a Pass-kind holder of its block.
StmtPtr Converter::elifChain(TSNode node, const std::vector<TSNode>& clauses, size_t index) {
  if (index >= clauses.size()) return nullptr;
  TSNode clause = clauses[index];
  if (nodeType(clause) == "else_clause") {
    auto holder = make(StmtKind::Pass, span(clause));
    block(field(clause, "body"), holder->body);
    return holder;
  }
  DepthGuard guard(*this);
  if (tooDeep(clause)) return nullptr;
  auto s = make(StmtKind::If, spanBetween(clause, lastToken(clauses.back())));
  s->exprs.push_back(expr(field(clause, "condition")));
  block(field(clause, "consequence"), s->body);
  if (StmtPtr rest = elifChain(node, clauses, index + 1)) {
    if (rest->kind == StmtKind::If) s->orelse.push_back(std::move(rest));
    else s->orelse = std::move(rest->body);
  }
  return s;
}

void Converter::elseClause(TSNode clause, ast::Block& out) {
  if (ts_node_is_null(clause)) return;
  block(field(clause, "body"), out);
}

StmtPtr Converter::whileStatement(TSNode node) {
  auto s = make(StmtKind::While, stmtSpan(node));
  s->exprs.push_back(expr(field(node, "condition")));
  block(field(node, "body"), s->body);
  elseClause(field(node, "alternative"), s->orelse);
  return s;
}

StmtPtr Converter::forStatement(TSNode node) {
  if (startsWithAsync(node)) return unsupportedStmt(node, "an 'async for' loop");
  auto s = make(StmtKind::For, stmtSpan(node));
  s->exprs.push_back(expr(field(node, "left")));
  s->exprs.push_back(expr(field(node, "right")));
  block(field(node, "body"), s->body);
  elseClause(field(node, "alternative"), s->orelse);
  return s;
}

ast::ImportName Converter::importedName(TSNode name, bool bindsTopPackage) {
  ast::ImportName imported;
  imported.span = span(name);
  if (nodeType(name) == "aliased_import") {
    imported.name = withoutSpaces(text(field(name, "name")));
    imported.alias = std::string(text(field(name, "alias")));
  } else {
    imported.name = withoutSpaces(text(name));
    imported.alias = bindsTopPackage ? imported.name.substr(0, imported.name.find('.')) : imported.name;
  }
  return imported;
}

// One context manager without `as`: a With (the checker accepts only
// `pyxc.gil()`); every other form stays Unsupported here.
StmtPtr Converter::withStatement(TSNode node) {
  std::vector<TSNode> items;
  for (TSNode child : namedChildren(node))
    if (nodeType(child) == "with_clause")
      for (TSNode item : namedChildren(child))
        if (nodeType(item) == "with_item") items.push_back(item);
  if (items.size() != 1)
    return unsupportedStmt(node, "a 'with' statement with several context managers (only 'with pyxc.gil():' is "
                                 "supported in native code)");
  TSNode value = field(items[0], "value");
  if (ts_node_is_null(value)) return invalidStmt(node);
  if (nodeType(value) == "as_pattern")
    return unsupportedStmt(node, "'with ... as ...' (only 'with pyxc.gil():' is supported in native code)");
  auto s = make(StmtKind::With, stmtSpan(node));
  s->exprs.push_back(expr(value));
  block(field(node, "body"), s->body);
  return s;
}

StmtPtr Converter::importStatement(TSNode node) {
  auto s = make(StmtKind::Import, stmtSpan(node));
  // `import a.b` binds `a`.
  for (TSNode name : fieldChildren(node, "name")) s->imports.push_back(importedName(name, /*bindsTopPackage=*/true));
  return s;
}

StmtPtr Converter::importFromStatement(TSNode node) {
  auto s = make(StmtKind::Import, stmtSpan(node));
  bool future = nodeType(node) == "future_import_statement";
  s->fromModule = future ? "__future__" : withoutSpaces(text(field(node, "module_name")));
  for (TSNode child : namedChildren(node)) {
    if (nodeType(child) == "wildcard_import") return unsupportedStmt(node, "a wildcard import ('from m import *')");
  }
  for (TSNode name : fieldChildren(node, "name")) s->imports.push_back(importedName(name, /*bindsTopPackage=*/false));
  return s;
}

void Converter::params(TSNode node, std::vector<ast::Param>& out) {
  using Kind = ast::Param::Kind;
  bool keywordOnly = false;
  bool sawDefault = false;
  for (TSNode child : namedChildren(node)) {
    std::string_view type = nodeType(child);
    if (type == "positional_separator") {
      for (auto& p : out)
        if (p.kind == Kind::Positional) p.kind = Kind::PositionalOnly;
      continue;
    }
    if (type == "keyword_separator") {
      keywordOnly = true;
      continue;
    }
    ast::Param param;
    param.span = span(child);
    param.kind = keywordOnly ? Kind::KeywordOnly : Kind::Positional;
    TSNode nameNode = child;
    if (type == "typed_parameter") {
      auto parts = namedChildren(child);
      nameNode = parts.empty() ? child : parts[0];
      param.annotation = annotation(field(child, "type"));
    } else if (type == "default_parameter" || type == "typed_default_parameter") {
      nameNode = field(child, "name");
      TSNode annotationNode = field(child, "type");
      if (!ts_node_is_null(annotationNode)) param.annotation = annotation(annotationNode);
      param.defaultValue = expr(field(child, "value"));
    }
    std::string_view nameType = nodeType(nameNode);
    if (nameType == "list_splat_pattern" || nameType == "dictionary_splat_pattern") {
      param.kind = nameType == "list_splat_pattern" ? Kind::VarArgs : Kind::VarKwargs;
      if (param.kind == Kind::VarArgs) keywordOnly = true;
      auto inner = namedChildren(nameNode);
      nameNode = inner.empty() ? nameNode : inner[0];
    }
    if (nodeType(nameNode) != "identifier") {
      diags_.error(diag::Kind::SyntaxError, span(child), "invalid parameter");
      continue;
    }
    param.name = std::string(text(nameNode));
    // Rules CPython's parser enforces and the grammar does not.
    for (const auto& earlier : out) {
      if (earlier.name == param.name)
        diags_.error(diag::Kind::SyntaxError, span(nameNode),
                     "duplicate argument '" + param.name + "' in function definition");
    }
    bool positional = param.kind == Kind::Positional;
    if (positional && param.defaultValue) sawDefault = true;
    if (positional && !param.defaultValue && sawDefault)
      diags_.error(diag::Kind::SyntaxError, span(child), "non-default argument follows default argument");
    out.push_back(std::move(param));
  }
}

StmtPtr Converter::functionDef(TSNode decorated, TSNode def) {
  TSNode whole = ts_node_is_null(decorated) ? def : decorated;
  if (startsWithAsync(def)) return unsupportedStmt(whole, "an 'async def' function");
  if (!ts_node_is_null(field(def, "type_parameters")))
    return unsupportedStmt(whole, "a generic function ('def f[T](...)')");

  auto fn = std::make_unique<ast::FunctionDef>();
  TSNode name = field(def, "name");
  fn->name = std::string(text(name));
  fn->nameSpan = span(name);
  fn->span = stmtSpan(whole);
  fn->firstLine = fn->span.line;
  if (!ts_node_is_null(decorated)) {
    for (TSNode decorator : namedChildren(decorated)) {
      if (nodeType(decorator) != "decorator") continue;
      auto inner = namedChildren(decorator);
      if (!inner.empty()) fn->decorators.push_back(expr(inner[0]));
    }
  }
  params(field(def, "parameters"), fn->params);
  TSNode returns = field(def, "return_type");
  if (!ts_node_is_null(returns)) fn->returns = annotation(returns);

  TSNode body = field(def, "body");
  block(body, fn->body);
  auto statements = ts_node_is_null(body) ? std::vector<TSNode>{} : namedChildren(body);
  TSNode last = statements.empty() ? def : lastToken(statements.back());
  fn->lastLine = span(last).endLine;
  if (!fn->body.empty() && fn->body[0]->kind == StmtKind::Expr && !fn->body[0]->exprs.empty() &&
      fn->body[0]->exprs[0] && fn->body[0]->exprs[0]->kind == ast::ExprKind::StrLit) {
    fn->docstring = fn->body[0]->exprs[0]->text;
    fn->hasDocstring = true;
    fn->body.erase(fn->body.begin());
  }

  auto s = make(StmtKind::FunctionDef, fn->span);
  s->function = std::move(fn);
  return s;
}

}  // namespace pyxc::syntax
