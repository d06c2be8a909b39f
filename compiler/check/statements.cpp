// Statements of a native function body: assignments (which also infer the
// types of unannotated locals) and the dispatch of every statement kind;
// loops, return, raise and assert are in control_statements.cpp.
#include <cstdio>

#include "compiler/check/checker.h"

namespace pyxc::check {

bool FunctionChecker::run(bool report) {
  report_ = report;
  scratch_ = diag::DiagnosticBag{};
  loopDepth_ = 0;
  changed_ = false;
  inferredReturn_.reset();
  firstValueReturn_ = Span{};
  firstBareReturn_ = Span{};
  checkBlock(fn_.body);
  if (ctx_.returnInferred[functionIndex_]) finishReturnInference();
  if (report) {
    diag::DiagnosticBag flowDiags;
    checkDefiniteAssignment(fn_, flowDiags, ctx_.returnInferred[functionIndex_]);
    reportEscapingViews(fn_, flowDiags);
    if (!ctx_.hadSyntaxErrors) ctx_.diags.append(flowDiags);
  }
  return changed_;
}

void FunctionChecker::reportUninferredTypes() {
  report_ = true;
  for (size_t i = 0; i < fn_.locals.size(); ++i)
    if (fn_.locals[i].type.isUnknown() && !info_[i].declared && info_[i].everAssigned)
      error(Kind::UnboundLocal, fn_.locals[i].firstAssignment,
            "cannot infer a type for '" + fn_.locals[i].name +
                "': it is only ever assigned values computed from itself; give it an initial value or an "
                "annotation");
  for (size_t i = 0; i < fn_.locals.size(); ++i)
    if (fn_.locals[i].type.isList() && fn_.locals[i].type.listElement().isUnknown())
      error(Kind::UnboundLocal, fn_.locals[i].firstAssignment,
            "cannot infer the element type of the list '" + fn_.locals[i].name +
                "': nothing is appended to it; annotate it, e.g. " + fn_.locals[i].name + ": list[float] = []");
  if (ctx_.returnInferred[functionIndex_] && fn_.returnType.isUnknown())
    error(Kind::ReturnType, fn_.nameSpan,
          "cannot infer the return type of '" + fn_.name + "'; add a return annotation such as '-> float'");
}

void FunctionChecker::checkBlock(ast::Block& block) {
  for (auto& stmt : block) checkStmt(*stmt);
}

// After a syntax error a statement may lack an expression it always has
// otherwise; the syntax phase reported that, so the statement is skipped.
static bool hasRequiredExprs(const ast::Stmt& s) {
  size_t required = 0;
  switch (s.kind) {
    case ast::StmtKind::Expr: case ast::StmtKind::If: case ast::StmtKind::While:
    case ast::StmtKind::Assert: case ast::StmtKind::Raise:
      required = s.exprs.empty() ? 0 : 1;
      break;
    case ast::StmtKind::AugAssign: case ast::StmtKind::For: case ast::StmtKind::AnnAssign:
      required = 2;
      break;
    case ast::StmtKind::Assign:
      required = s.exprs.size();
      break;
    default:
      break;
  }
  if (s.exprs.size() < required) return false;
  for (size_t i = 0; i < required; ++i)
    if (!s.exprs[i]) return false;
  return true;
}

void FunctionChecker::checkStmt(ast::Stmt& s) {
  if (!hasRequiredExprs(s)) {
    checkBlock(s.body);
    checkBlock(s.orelse);
    return;
  }
  switch (s.kind) {
    case ast::StmtKind::Expr: checkExprStmt(s); break;
    case ast::StmtKind::Assign: checkAssign(s); break;
    case ast::StmtKind::AnnAssign: checkAnnAssign(s); break;
    case ast::StmtKind::AugAssign: checkAugAssign(s); break;
    case ast::StmtKind::If:
      if (!s.exprs.empty()) checkCondition(s.exprs[0].get(), "as a condition");
      checkBlock(s.body);
      checkBlock(s.orelse);
      break;
    case ast::StmtKind::While:
      if (!s.exprs.empty()) checkCondition(s.exprs[0].get(), "as a condition");
      ++loopDepth_;
      checkBlock(s.body);
      --loopDepth_;
      checkBlock(s.orelse);  // the else block is outside the loop
      break;
    case ast::StmtKind::For: checkFor(s); break;
    case ast::StmtKind::Break:
      if (loopDepth_ == 0) error(Kind::BadLoop, s.span, "'break' outside loop");
      break;
    case ast::StmtKind::Continue:
      if (loopDepth_ == 0) error(Kind::BadLoop, s.span, "'continue' not properly in loop");
      break;
    case ast::StmtKind::Pass: break;
    case ast::StmtKind::With: checkWith(s); break;
    case ast::StmtKind::Return: checkReturn(s); break;
    case ast::StmtKind::Raise: checkRaise(s); break;
    case ast::StmtKind::Assert: checkAssert(s); break;
    case ast::StmtKind::FunctionDef:
      error(Kind::UnsupportedConstruct, s.function ? s.function->nameSpan : s.span,
            "nested function definitions are not supported in native code; define '" +
                (s.function ? s.function->name : std::string("it")) + "' at module level");
      break;
    case ast::StmtKind::Import:
      error(Kind::UnsupportedConstruct, s.span,
            "imports inside native functions are not supported; import at module level");
      break;
    case ast::StmtKind::Unsupported:
      if (!s.alreadyReported)
        error(Kind::UnsupportedConstruct, s.span, s.text + " is not supported in native code");
      break;
  }
}

void FunctionChecker::checkExprStmt(ast::Stmt& s) {
  if (s.exprs.empty()) return;
  ast::Expr& e = *s.exprs[0];
  if (e.kind == ast::ExprKind::Call) {
    checkCall(e);
    return;
  }
  if (e.kind == ast::ExprKind::StrLit) {
    // Docstrings and string statements used as comments: no effect.
    e.type = Type::voidType();
    return;
  }
  check(e);
  if (e.kind != ast::ExprKind::Unsupported)
    error(Kind::UnsupportedConstruct, e.span,
          "an expression statement that is not a call has no effect; remove it or assign its value");
}

void FunctionChecker::checkLiteralFits(const Operand& value, const Type& to, Span span) {
  if (!value.intValue || !to.isInteger() || integerFits(*value.intValue, to.scalar)) return;
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0Lf", *value.intValue);
  error(Kind::BadLiteral, span, std::string("integer literal ") + digits + " does not fit in " + typeName(to));
}

void FunctionChecker::storeLocal(int slot, const Operand& value, Span valueSpan) {
  ast::Local& local = fn_.locals[slot];
  LocalInfo& info = info_[slot];
  info.everAssigned = true;
  const Type& t = value.type;
  if (t.isUnknown()) return;
  if (t.isObject()) {  // a Python call's result (with_gil.cpp)
    storePythonResult(slot, valueSpan);
    return;
  }
  if (t.kind == types::TypeKind::Void) {
    error(Kind::TypeMismatch, valueSpan, "this expression returns None and has no value to assign to '" +
                                             local.name + "'");
    return;
  }
  if (info.declared) {
    checkLiteralFits(value, local.type, valueSpan);
    if (!isAssignable(value, local.type)) {
      auto& d = error(Kind::IncompatibleAssignment, valueSpan,
                      "cannot assign a value of type " + typeName(t) + " to '" + local.name + "', declared as " +
                          typeName(local.type));
      d.notes.push_back({info.declaration, std::string(local.isParam ? "parameter '" : "'") + local.name +
                                               "' is declared here"});
    }
    return;
  }
  if (!report_) {
    if (local.type.isUnknown()) {
      local.type = t;
      local.firstAssignment = valueSpan;
      changed_ = true;
    } else if (auto joined = join(local.type, t); joined && *joined != local.type) {
      local.type = *joined;
      changed_ = true;
    }
    return;
  }
  if (!isAssignable(value, local.type)) {
    auto& d = error(Kind::IncompatibleAssignment, valueSpan,
                    "'" + local.name + "' is assigned a value of type " + typeName(t) + " here but a value of type " +
                        typeName(local.type) + " elsewhere; a local has one type");
    d.notes.push_back({local.firstAssignment, "'" + local.name + "' gets type " + typeName(local.type) + " here"});
  }
}

void FunctionChecker::assignTo(ast::Expr& target, const Operand& value, Span valueSpan) {
  switch (target.kind) {
    case ast::ExprKind::Name: {
      auto found = findLocal(target.text);
      if (!found) return;  // not a binding position the collector knows
      int slot = *found;
      target.ref = ast::Ref{ast::RefKind::Local, slot, target.text};
      storeLocal(slot, value, valueSpan);
      target.type = fn_.locals[slot].type;
      return;
    }
    case ast::ExprKind::Tuple:
      unpackInto(target, value, valueSpan);  // tuples.cpp
      return;
    case ast::ExprKind::Subscript: {
      Type objectType = target.operand(0) ? checkType(target.operand(0)) : Type::unknown();
      if (objectType.kind == types::TypeKind::Array)
        storeArrayElement(target, objectType, value, valueSpan);
      else if (objectType.isList())
        storeListElement(target, objectType, value, valueSpan);
      else if (objectType.kind == types::TypeKind::Tuple)
        error(Kind::TypeMismatch, target.span, "'tuple' object does not support item assignment");
      else if (!objectType.isUnknown())
        error(Kind::TypeMismatch, target.span,
              "'" + typeName(objectType) + "' object does not support item assignment");
      return;
    }
    case ast::ExprKind::Attribute:
      if (target.operand(0)) check(target.operand(0));
      error(Kind::UnsupportedConstruct, target.span, "assigning to an attribute is not supported in native code");
      return;
    default:
      check(target);
      if (target.kind != ast::ExprKind::Unsupported)
        error(Kind::UnsupportedConstruct, target.span, "this assignment target is not supported in native code");
      return;
  }
}

void FunctionChecker::checkAssign(ast::Stmt& s) {
  if (s.exprs.size() < 2) return;
  if (!s.exprs.back()) return;
  ast::Expr& value = *s.exprs.back();
  Operand v = check(value);
  for (size_t i = 0; i + 1 < s.exprs.size(); ++i) {
    if (!s.exprs[i]) continue;
    ast::Expr& target = *s.exprs[i];
    // `a, b = x, y`: each element keeps its own (weak) literal-ness.
    if (target.kind == ast::ExprKind::Tuple && value.kind == ast::ExprKind::Tuple &&
        target.operands.size() == value.operands.size() && !v.type.isUnknown()) {
      for (size_t k = 0; k < target.operands.size(); ++k) {
        if (!value.operands[k]) continue;
        ast::Expr& element = *value.operands[k];
        bool weak = element.type.isScalar() && isWeakLiteral(element);
        assignTo(target.operands[k], Operand{element.type, weak, weak ? intLiteralValue(element) : std::nullopt},
                 element.span);
      }
      std::vector<Type> elements;
      for (auto& element : target.operands) elements.push_back(element->type);
      target.type = Type::tupleOf(std::move(elements));
      continue;
    }
    assignTo(target, v, value.span);
  }
}

void FunctionChecker::checkAnnAssign(ast::Stmt& s) {
  if (s.exprs.empty()) return;
  ast::Expr& target = *s.exprs[0];
  if (target.kind != ast::ExprKind::Name) {
    if (s.exprs.size() > 2) check(s.exprs[2]);
    error(Kind::UnsupportedConstruct, target.span,
          "an annotated assignment must assign a plain name in native code");
    return;
  }
  auto found = bindLocalTarget(target);
  if (!found) return;
  int slot = *found;
  if (checkVariadicAnnAssign(s, slot)) return;
  if (s.exprs.size() > 2 && s.exprs[2]) {
    Operand v = check(s.exprs[2]);
    storeLocal(slot, v, s.exprs[2]->span);
  }
}

void FunctionChecker::checkAugAssign(ast::Stmt& s) {
  if (s.exprs.size() < 2) return;
  ast::Expr& target = *s.exprs[0];
  ast::Expr& value = *s.exprs[1];
  s.operandTypes.clear();
  if (target.kind != ast::ExprKind::Name) {
    Type objectType = target.kind == ast::ExprKind::Subscript && target.operand(0) ? checkType(target.operand(0))
                                                                                   : Type::unknown();
    if (objectType.kind == types::TypeKind::Array) return checkArrayAugAssign(s, objectType);
    if (objectType.isList()) return checkListAugAssign(s, objectType);
    check(value);
    if (objectType.kind == types::TypeKind::Tuple)
      error(Kind::TypeMismatch, target.span, "'tuple' object does not support item assignment");
    else
      error(Kind::UnsupportedConstruct, target.span,
            "augmented assignment is only supported to a local variable in native code");
    return;
  }
  auto found = bindLocalTarget(target);
  if (!found) return;
  int slot = *found;
  Operand current{target.type, false};
  Operand v = check(value);
  std::vector<Type> operandTypes;
  Type result = binaryResult(s.binaryOp, current, v, s.span, operandTypes);
  s.operandTypes = {operandTypes.empty() ? Type::unknown() : operandTypes[0], result};
  storeLocal(slot, Operand{result, false}, s.span);
}

}  // namespace pyxc::check
