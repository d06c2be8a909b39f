// Shared helpers of the syntax phase's unit tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "compiler/syntax/parse.h"

namespace pyxc::syntax::testing {

struct Parsed {
  std::unique_ptr<SourceFile> source;
  diag::DiagnosticBag diags;
  ast::Module module;

  size_t count(diag::Kind kind) const {
    size_t n = 0;
    for (const auto& d : diags.all()) n += d.kind == kind;
    return n;
  }
  std::string messages() const {
    std::string out;
    for (const auto& d : diags.all())
      out += std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " [" + diag::kindName(d.kind) +
             "] " + d.message + "\n";
    return out;
  }
};

inline std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->source = std::make_unique<SourceFile>("test.py", text);
  p->module = parseModule(*p->source, "test", p->diags);
  return p;
}

// Parses `x = <expression>` and returns the value (the Parsed keeps it alive).
struct ParsedExpr {
  std::unique_ptr<Parsed> parsed;
  const ast::Expr* expr = nullptr;
  const ast::Expr* operator->() const { return expr; }
  const ast::Expr& operator*() const { return *expr; }
};

inline ParsedExpr parseExpr(const std::string& expression) {
  ParsedExpr out;
  out.parsed = parse("x = " + expression + "\n");
  EXPECT_FALSE(out.parsed->diags.hasErrors()) << expression << "\n" << out.parsed->messages();
  const auto& body = out.parsed->module.body;
  if (body.size() == 1 && body[0]->kind == ast::StmtKind::Assign && body[0]->exprs.size() == 2)
    out.expr = body[0]->exprs[1].get();
  EXPECT_NE(out.expr, nullptr) << expression << "\n" << dumpModule(out.parsed->module);
  return out;
}

// Structural equality that ignores spans (and the [check] fields).
inline bool sameTree(const ast::Expr* a, const ast::Expr* b) {
  if (!a || !b) return a == b;
  if (a->kind != b->kind || a->text != b->text || a->intValue != b->intValue ||
      a->intOverflow != b->intOverflow || a->floatValue != b->floatValue || a->boolValue != b->boolValue ||
      a->unaryOp != b->unaryOp || a->binaryOp != b->binaryOp || a->boolOp != b->boolOp ||
      a->compareOps != b->compareOps || a->operands.size() != b->operands.size() ||
      a->keywords.size() != b->keywords.size())
    return false;
  for (size_t i = 0; i < a->operands.size(); ++i)
    if (!sameTree(a->operands[i].get(), b->operands[i].get())) return false;
  for (size_t i = 0; i < a->keywords.size(); ++i)
    if (a->keywords[i].name != b->keywords[i].name || !sameTree(a->keywords[i].value.get(), b->keywords[i].value.get()))
      return false;
  return true;
}

}  // namespace pyxc::syntax::testing
