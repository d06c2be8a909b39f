#include "compiler/ast/ast.h"

namespace pyxc::ast {

const char* spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Pos: return "+";
    case UnaryOp::Not: return "not";
    case UnaryOp::Invert: return "~";
  }
  return "?";
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "**";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::MatMul: return "@";
  }
  return "?";
}

const char* spelling(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::LtE: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::GtE: return ">=";
    case CompareOp::Eq: return "==";
    case CompareOp::NotEq: return "!=";
    case CompareOp::Is: return "is";
    case CompareOp::IsNot: return "is not";
    case CompareOp::In: return "in";
    case CompareOp::NotIn: return "not in";
  }
  return "?";
}

namespace {

StmtPtr cloneStmt(const Stmt& s);

ExprPtr cloneExpr(const Expr* e) {
  if (!e) return nullptr;
  auto out = std::make_unique<Expr>(e->kind, e->span);
  out->type = e->type;
  out->intValue = e->intValue;
  out->intOverflow = e->intOverflow;
  out->floatValue = e->floatValue;
  out->boolValue = e->boolValue;
  out->text = e->text;
  out->unaryOp = e->unaryOp;
  out->binaryOp = e->binaryOp;
  out->boolOp = e->boolOp;
  out->compareOps = e->compareOps;
  for (const auto& operand : e->operands) out->operands.push_back(cloneExpr(operand.get()));
  for (const auto& kw : e->keywords) out->keywords.push_back(Keyword{kw.name, kw.nameSpan, cloneExpr(kw.value.get())});
  out->alreadyReported = e->alreadyReported;
  return out;
}

Block cloneBlock(const Block& block) {
  Block out;
  for (const auto& s : block) out.push_back(s ? cloneStmt(*s) : nullptr);
  return out;
}

StmtPtr cloneStmt(const Stmt& s) {
  auto out = std::make_unique<Stmt>(s.kind, s.span);
  for (const auto& e : s.exprs) out->exprs.push_back(cloneExpr(e.get()));
  out->binaryOp = s.binaryOp;
  out->body = cloneBlock(s.body);
  out->orelse = cloneBlock(s.orelse);
  if (s.function) out->function = cloneFunction(*s.function);
  out->fromModule = s.fromModule;
  out->imports = s.imports;
  out->text = s.text;
  out->alreadyReported = s.alreadyReported;
  return out;
}

}  // namespace

std::unique_ptr<FunctionDef> cloneFunction(const FunctionDef& fn) {
  auto out = std::make_unique<FunctionDef>();
  out->name = fn.name;
  out->nameSpan = fn.nameSpan;
  out->span = fn.span;
  out->firstLine = fn.firstLine;
  out->lastLine = fn.lastLine;
  for (const auto& d : fn.decorators) out->decorators.push_back(cloneExpr(d.get()));
  for (const auto& p : fn.params) {
    Param copy;
    copy.name = p.name;
    copy.span = p.span;
    copy.annotation = cloneExpr(p.annotation.get());
    copy.defaultValue = cloneExpr(p.defaultValue.get());
    copy.kind = p.kind;
    out->params.push_back(std::move(copy));
  }
  out->returns = cloneExpr(fn.returns.get());
  out->body = cloneBlock(fn.body);
  out->docstring = fn.docstring;
  out->hasDocstring = fn.hasDocstring;
  return out;
}

}  // namespace pyxc::ast
