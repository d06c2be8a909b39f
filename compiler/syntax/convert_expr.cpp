// CST expressions (and annotations) -> ast::Expr.
#include <algorithm>
#include <cctype>
#include <string>

#include "compiler/syntax/convert.h"
#include "compiler/syntax/parse.h"

namespace pyxc::syntax {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

ExprPtr make(ExprKind kind, Span span) { return std::make_unique<Expr>(kind, span); }

bool binaryOpFromSpelling(std::string_view s, ast::BinaryOp& op) {
  using B = ast::BinaryOp;
  static const std::pair<std::string_view, B> table[] = {
      {"+", B::Add},     {"-", B::Sub},    {"*", B::Mul},     {"/", B::Div},     {"//", B::FloorDiv},
      {"%", B::Mod},     {"**", B::Pow},   {"<<", B::LShift}, {">>", B::RShift}, {"&", B::BitAnd},
      {"|", B::BitOr},   {"^", B::BitXor}, {"@", B::MatMul},
  };
  for (const auto& [spelling, value] : table) {
    if (spelling == s) {
      op = value;
      return true;
    }
  }
  return false;
}

bool compareOpFromSpelling(std::string_view s, ast::CompareOp& op) {
  using C = ast::CompareOp;
  static const std::pair<std::string_view, C> table[] = {
      {"<", C::Lt},  {"<=", C::LtE},    {">", C::Gt},       {">=", C::GtE},       {"==", C::Eq},
      {"!=", C::NotEq}, {"is", C::Is}, {"is not", C::IsNot}, {"in", C::In},
      {"not in", C::NotIn},
  };
  for (const auto& [spelling, value] : table) {
    if (spelling == s) {
      op = value;
      return true;
    }
  }
  return false;
}

// What pyxc calls the constructs it does not model, for "X is not supported".
const char* describeUnsupportedExpr(std::string_view type) {
  static const std::pair<std::string_view, const char*> table[] = {
      {"lambda", "a lambda"},
      {"dictionary", "a dict display"},
      {"dictionary_comprehension", "a dict comprehension"},
      {"set", "a set display"},
      {"set_comprehension", "a set comprehension"},
      {"await", "an 'await' expression"},
      {"yield", "a 'yield' expression"},
      {"named_expression", "an assignment expression (':=')"},
      {"list_splat", "a starred expression ('*x')"},
      {"dictionary_splat", "a double-starred expression ('**x')"},
      {"list_splat_pattern", "a starred assignment target ('*x')"},
      {"list_pattern", "a list assignment target ('[a, b] = ...')"},
      {"ellipsis", "an Ellipsis ('...')"},
      {"as_pattern", "an 'as' pattern"},
      {"keyword_argument", "a keyword argument here"},
      {"constrained_type", "a constrained type annotation"},
      {"splat_type", "a starred annotation"},
      {"ERROR", "invalid syntax"},
  };
  for (const auto& [name, description] : table)
    if (name == type) return description;
  return nullptr;
}

}  // namespace

bool Converter::tooDeep(TSNode node) {
  if (depth_ <= kMaxNesting) return false;
  if (!reportedDepth_) {
    reportedDepth_ = true;
    diags_.error(diag::Kind::NestingTooDeep, span(node),
                 "too many nested expressions or blocks (pyxc stops at " + std::to_string(kMaxNesting) + ")");
  }
  return true;
}

ExprPtr Converter::unsupportedExpr(TSNode node, std::string description) {
  auto e = make(ExprKind::Unsupported, span(node));
  e->text = std::move(description);
  return e;
}

// A placeholder for code that does not form a valid construct. The error
// walk has reported it when the tree has an ERROR/MISSING node; otherwise
// (e.g. Python 2's `<>`, which the grammar accepts) it is reported here.
ExprPtr Converter::invalidExpr(TSNode node) {
  if (!treeHasError_) diags_.error(diag::Kind::SyntaxError, span(node), "invalid syntax");
  auto e = unsupportedExpr(node, std::string(kInvalidSyntax));
  e->alreadyReported = true;
  return e;
}

ExprPtr Converter::expr(TSNode node) {
  DepthGuard guard(*this);
  if (ts_node_is_null(node)) return nullptr;
  if (tooDeep(node)) {
    auto e = unsupportedExpr(node, std::string(kExprTooDeep));
    e->alreadyReported = true;
    return e;
  }
  return exprUnguarded(node);
}

ExprPtr Converter::annotation(TSNode typeNode) { return expr(typeNode); }

ExprPtr Converter::exprUnguarded(TSNode node) {
  std::string_view type = nodeType(node);
  Span where = span(node);

  if (type == "identifier" || type == "keyword_identifier") {
    auto e = make(ExprKind::Name, where);
    e->text = std::string(text(node));
    return e;
  }
  if (type == "integer") return integer(node);
  if (type == "float") return floating(node);
  if (type == "true" || type == "false") {
    auto e = make(ExprKind::BoolLit, where);
    e->boolValue = type == "true";
    return e;
  }
  if (type == "none") return make(ExprKind::NoneLit, where);
  if (type == "string") return string(node);
  if (type == "concatenated_string") return concatenated(node);
  if (type == "attribute") {
    auto e = make(ExprKind::Attribute, where);
    e->text = std::string(text(field(node, "attribute")));
    e->operands.push_back(expr(field(node, "object")));
    return e;
  }
  if (type == "subscript") return subscript(node);
  if (type == "slice") return slice(node);
  if (type == "call") return call(node);
  if (type == "unary_operator") {
    auto e = make(ExprKind::Unary, where);
    std::string_view op = text(field(node, "operator"));
    e->unaryOp = op == "-" ? ast::UnaryOp::Neg : op == "+" ? ast::UnaryOp::Pos : ast::UnaryOp::Invert;
    e->operands.push_back(expr(field(node, "argument")));
    return e;
  }
  if (type == "not_operator") {
    auto e = make(ExprKind::Unary, where);
    e->unaryOp = ast::UnaryOp::Not;
    e->operands.push_back(expr(field(node, "argument")));
    return e;
  }
  if (type == "binary_operator") return binary(node);
  if (type == "boolean_operator") return boolOp(node);
  if (type == "comparison_operator") return compare(node);
  if (type == "conditional_expression") {
    auto parts = namedChildren(node);  // body `if` test `else` orelse
    if (parts.size() != 3) return invalidExpr(node);
    auto e = make(ExprKind::IfExp, where);
    e->operands.push_back(expr(parts[1]));
    e->operands.push_back(expr(parts[0]));
    e->operands.push_back(expr(parts[2]));
    return e;
  }
  if (type == "tuple" || type == "expression_list" || type == "pattern_list" || type == "tuple_pattern")
    return tuple(node);
  if (type == "list") {
    auto e = make(ExprKind::List, where);
    for (TSNode element : namedChildren(node)) {
      std::string_view elementType = nodeType(element);
      e->operands.push_back(elementType == "list_splat" ? unsupportedExpr(element, "a starred element ('*x') in a list")
                                                        : expr(element));
    }
    return e;
  }
  if (type == "list_comprehension" || type == "generator_expression") return comprehension(node);
  if (type == "parenthesized_expression") {
    auto inner = namedChildren(node);
    if (inner.size() != 1) return invalidExpr(node);
    return expr(inner[0]);
  }
  if (type == "type") {
    auto inner = namedChildren(node);
    if (inner.size() != 1) return invalidExpr(node);
    return expr(inner[0]);
  }
  if (type == "union_type") {  // `a | b` in an annotation reads as the expression it is
    auto parts = namedChildren(node);
    if (parts.size() != 2) return invalidExpr(node);
    auto e = make(ExprKind::Binary, where);
    e->binaryOp = ast::BinaryOp::BitOr;
    e->operands.push_back(expr(parts[0]));
    e->operands.push_back(expr(parts[1]));
    return e;
  }
  if (type == "member_type") {  // `type.name`: an attribute
    auto parts = namedChildren(node);
    if (parts.size() != 2) return invalidExpr(node);
    auto e = make(ExprKind::Attribute, where);
    e->text = std::string(text(parts[1]));
    e->operands.push_back(expr(parts[0]));
    return e;
  }
  if (const char* description = describeUnsupportedExpr(type)) return unsupportedExpr(node, description);
  return unsupportedExpr(node, "a '" + std::string(type) + "' expression");
}

ExprPtr Converter::integer(TSNode node) {
  std::string_view spelling = text(node);
  if (!spelling.empty() && (spelling.back() == 'j' || spelling.back() == 'J'))
    return unsupportedExpr(node, "a complex literal");
  auto e = make(ExprKind::IntLit, span(node));
  IntValue value;
  std::string error;
  if (!parseIntLiteral(spelling, value, error)) {
    diags_.error(diag::Kind::SyntaxError, span(node), error);
    return e;
  }
  e->intValue = value.value;
  e->intOverflow = value.overflow;
  if (value.overflow) e->text = std::string(spelling);
  return e;
}

ExprPtr Converter::floating(TSNode node) {
  std::string_view spelling = text(node);
  if (!spelling.empty() && (spelling.back() == 'j' || spelling.back() == 'J'))
    return unsupportedExpr(node, "a complex literal");
  auto e = make(ExprKind::FloatLit, span(node));
  if (!parseFloatLiteral(spelling, e->floatValue))
    diags_.error(diag::Kind::SyntaxError, span(node), "invalid float literal");
  e->text = std::string(spelling);
  return e;
}

ExprPtr Converter::string(TSNode node) {
  TSNode start = nullNode();
  TSNode end = nullNode();
  for (TSNode child : allChildren(node)) {
    std::string_view type = nodeType(child);
    if (type == "string_start") start = child;
    if (type == "string_end") end = child;
  }
  if (ts_node_is_null(start)) return invalidExpr(node);
  std::string prefix;
  for (char c : text(start)) {
    if (c == '"' || c == '\'') break;
    prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (prefix.find('f') != std::string::npos) return unsupportedExpr(node, "an f-string");
  if (prefix.find('b') != std::string::npos) return unsupportedExpr(node, "a bytes literal");
  uint32_t bodyBegin = ts_node_end_byte(start);
  uint32_t bodyEnd = ts_node_is_null(end) || ts_node_is_missing(end) ? ts_node_end_byte(node) : ts_node_start_byte(end);
  std::string_view body = bodyEnd > bodyBegin ? text_.substr(bodyBegin, bodyEnd - bodyBegin) : std::string_view();
  auto e = make(ExprKind::StrLit, span(node));
  if (prefix.find('r') != std::string::npos) {
    for (size_t i = 0; i < body.size(); ++i) {  // raw: only newlines are normalised
      if (body[i] == '\r') {
        e->text += '\n';
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      } else {
        e->text += body[i];
      }
    }
  } else {
    e->text = decodeEscapes(body);
  }
  return e;
}

ExprPtr Converter::concatenated(TSNode node) {
  auto e = make(ExprKind::StrLit, span(node));
  for (TSNode part : namedChildren(node)) {
    ExprPtr piece = expr(part);
    if (!piece || piece->kind != ExprKind::StrLit) {
      if (piece && piece->kind == ExprKind::Unsupported) return unsupportedExpr(node, piece->text);
      return invalidExpr(node);
    }
    e->text += piece->text;
  }
  return e;
}

ExprPtr Converter::binary(TSNode node) {
  auto e = make(ExprKind::Binary, span(node));
  if (!binaryOpFromSpelling(text(field(node, "operator")), e->binaryOp))
    return invalidExpr(node);
  e->operands.push_back(expr(field(node, "left")));
  e->operands.push_back(expr(field(node, "right")));
  return e;
}

// `a and b and c` is one BoolOp with three operands, as in Python's ast; the
// left-leaning CST chain is walked in a loop, not recursively.
ExprPtr Converter::boolOp(TSNode node) {
  std::string_view op = text(field(node, "operator"));
  std::vector<TSNode> operands;
  TSNode current = node;
  while (nodeType(current) == "boolean_operator" && text(field(current, "operator")) == op) {
    operands.push_back(field(current, "right"));
    current = field(current, "left");
  }
  operands.push_back(current);
  std::reverse(operands.begin(), operands.end());
  auto e = make(ExprKind::BoolOp, span(node));
  e->boolOp = op == "or" ? ast::BoolOpKind::Or : ast::BoolOpKind::And;
  for (TSNode operand : operands) e->operands.push_back(expr(operand));
  return e;
}

ExprPtr Converter::compare(TSNode node) {
  auto e = make(ExprKind::Compare, span(node));
  for (TSNode child : allChildren(node)) {
    if (ts_node_is_extra(child)) continue;
    if (ts_node_is_named(child)) {
      e->operands.push_back(expr(child));
    } else {
      ast::CompareOp op;
      if (!compareOpFromSpelling(nodeType(child), op)) return invalidExpr(node);
      e->compareOps.push_back(op);
    }
  }
  if (e->operands.size() != e->compareOps.size() + 1 || e->operands.size() < 2)
    return invalidExpr(node);
  return e;
}

ExprPtr Converter::call(TSNode node) {
  auto e = make(ExprKind::Call, span(node));
  e->operands.push_back(expr(field(node, "function")));
  TSNode args = field(node, "arguments");
  if (ts_node_is_null(args)) return e;
  if (nodeType(args) == "generator_expression") {
    e->operands.push_back(expr(args));
    return e;
  }
  for (TSNode arg : namedChildren(args)) {
    std::string_view type = nodeType(arg);
    if (type == "keyword_argument") {
      TSNode name = field(arg, "name");
      ast::Keyword keyword;
      keyword.name = std::string(text(name));
      keyword.nameSpan = span(name);
      keyword.value = expr(field(arg, "value"));
      if (!keyword.value) keyword.value = invalidExpr(arg);
      e->keywords.push_back(std::move(keyword));
    } else if (type == "list_splat") {
      e->operands.push_back(unsupportedExpr(arg, "argument unpacking ('*args' in a call)"));
    } else if (type == "dictionary_splat") {
      e->operands.push_back(unsupportedExpr(arg, "keyword argument unpacking ('**kwargs' in a call)"));
    } else {
      e->operands.push_back(expr(arg));
    }
  }
  return e;
}

ExprPtr Converter::subscript(TSNode node) {
  auto e = make(ExprKind::Subscript, span(node));
  e->operands.push_back(expr(field(node, "value")));
  auto children = namedChildren(node);
  for (size_t i = 1; i < children.size(); ++i) e->operands.push_back(expr(children[i]));
  return e;
}

// `lower:upper:step`: a named child's slot is the number of ':' before it.
ExprPtr Converter::slice(TSNode node) {
  auto e = make(ExprKind::Slice, span(node));
  e->operands.resize(3);
  size_t slot = 0;
  for (TSNode child : allChildren(node)) {
    if (ts_node_is_extra(child)) continue;
    if (!ts_node_is_named(child)) {
      if (nodeType(child) == ":") ++slot;
      continue;
    }
    if (slot < 3) e->operands[slot] = expr(child);
  }
  return e;
}

// `[elt for a in b if c for d in e]`: the element, then the clauses in
// source order (Python's scoping: each clause sees the ones before it).
ExprPtr Converter::comprehension(TSNode node) {
  auto e = make(nodeType(node) == "list_comprehension" ? ExprKind::ListComp : ExprKind::GeneratorExp, span(node));
  e->operands.push_back(expr(field(node, "body")));
  if (!e->operands[0]) return invalidExpr(node);
  for (TSNode clause : namedChildren(node)) {
    std::string_view type = nodeType(clause);
    if (type == "for_in_clause") {
      for (TSNode child : allChildren(clause))
        if (nodeType(child) == "async") return unsupportedExpr(clause, "an 'async for' comprehension");
      auto f = make(ExprKind::CompFor, span(clause));
      f->operands.push_back(expr(field(clause, "left")));
      TSNode right = field(clause, "right");
      f->operands.push_back(expr(right));
      if (!f->operands[0] || !f->operands[1]) return invalidExpr(clause);
      e->operands.push_back(std::move(f));
    } else if (type == "if_clause") {
      auto parts = namedChildren(clause);
      if (parts.size() != 1) return invalidExpr(clause);
      auto c = make(ExprKind::CompIf, span(clause));
      c->operands.push_back(expr(parts[0]));
      e->operands.push_back(std::move(c));
    }
  }
  return e;
}

ExprPtr Converter::tuple(TSNode node) {
  auto e = make(ExprKind::Tuple, span(node));
  for (TSNode element : namedChildren(node)) e->operands.push_back(expr(element));
  return e;
}

}  // namespace pyxc::syntax
