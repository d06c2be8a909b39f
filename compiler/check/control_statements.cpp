// Loops over range(), return (declared and inferred return types), raise
// and assert.
#include <functional>

#include "compiler/check/checker.h"

namespace pyxc::check {

void FunctionChecker::finishReturnInference() {
  Type result = inferredReturn_ ? *inferredReturn_ : Type::voidType();
  if (report_ && inferredReturn_ && firstBareReturn_.valid()) {
    auto& d = error(Kind::ReturnType, firstBareReturn_,
                    "'" + fn_.name + "' returns None here but a value elsewhere; a native function has one "
                    "return type");
    d.notes.push_back({firstValueReturn_, "returns a value here"});
  }
  if (result != fn_.returnType) {
    fn_.returnType = result;
    changed_ = true;
  }
}

void FunctionChecker::checkFor(ast::Stmt& s) {
  if (s.exprs.size() < 2) return;
  ast::Expr& target = *s.exprs[0];
  ast::Expr& iterable = *s.exprs[1];
  ast::Expr* callee = iterable.kind == ast::ExprKind::Call ? iterable.operand(0) : nullptr;
  auto isName = [&](const ast::Expr* e, const char* name) {
    return e && e->kind == ast::ExprKind::Name && e->text == name && !findLocal(name);
  };
  bool isRange = isName(callee, "range") && !ctx_.scope.lookup("range");
  bool isPrange = false;
  if (callee && callee->kind == ast::ExprKind::Name && !findLocal(callee->text)) {
    const ModuleBinding* b = ctx_.scope.lookup(callee->text);
    isPrange = b && b->kind == BindingKind::PyxcMember && b->member == "prange";
  }
  if (callee && callee->kind == ast::ExprKind::Attribute && callee->text == "prange" && callee->operand(0) &&
      callee->operand(0)->kind == ast::ExprKind::Name) {
    const ModuleBinding* b = ctx_.scope.lookup(callee->operand(0)->text);
    isPrange = b && b->kind == BindingKind::PyxcModule;
  }
  if (isRange || isPrange) checkRangeArgs(iterable, isRange ? "range" : "prange");
  Type element = Type::scalarOf(Scalar::I64);
  if (!isRange && !isPrange) element = iterationElement(iterable);  // iteration.cpp
  std::function<bool(const ast::Expr&)> names = [&](const ast::Expr& e) {
    if (e.kind == ast::ExprKind::Name) return true;
    if (e.kind != ast::ExprKind::Tuple) return false;
    for (const auto& item : e.operands)
      if (!item || !names(*item)) return false;
    return true;
  };
  if (target.kind == ast::ExprKind::Name || (!isPrange && names(target))) {
    assignTo(target, Operand{element, false}, target.span);
  } else {
    error(Kind::BadLoop, target.span,
          isPrange ? "the target of a prange loop must be a single name"
                   : "the target of a 'for' loop must be a name or a tuple of names (for i, (a, b) in ...)");
  }
  ++loopDepth_;
  checkBlock(s.body);
  --loopDepth_;
  checkBlock(s.orelse);
  if (isPrange) analyzeParallelLoop(s, fn_, report_ ? ctx_.diags : scratch_);
}

// The arguments of range(...) / prange(...): 1 to 3 ints; sets the ref.
void FunctionChecker::checkRangeArgs(ast::Expr& iterable, const char* name) {
  iterable.ref = ast::Ref{ast::RefKind::Builtin, -1, name};
  if (iterable.operand(0)) iterable.operand(0)->ref = iterable.ref;
  iterable.boundArgs.clear();
  bool keywordError = std::string(name) == "range" ? rejectKeywords(iterable, "range") : checkPrangeKeywords(iterable);
  std::vector<Operand> args = checkPositionalArgs(iterable);
  if (args.empty() || args.size() > 3) {
    error(Kind::BadCall, iterable.span,
          args.empty() ? std::string(name) + " expected at least 1 argument, got 0"
                       : std::string(name) + " expected at most 3 arguments, got " + std::to_string(args.size()));
  } else if (!keywordError) {
    for (size_t i = 0; i < args.size(); ++i) {
      if (!iterable.operands[i + 1]) continue;
      ast::Expr& arg = *iterable.operands[i + 1];
      iterable.boundArgs.push_back(&arg);
      const Type& t = args[i].type;
      if (!t.isUnknown() && !t.isInteger() && !t.isBool() && t.kind != types::TypeKind::Array)
        error(Kind::TypeMismatch, arg.span, "'" + typeName(t) + "' object cannot be interpreted as an integer");
    }
    if (args.size() == 3 && iterable.operands[3] && iterable.operands[3]->kind == ast::ExprKind::IntLit &&
        iterable.operands[3]->intValue == 0)
      error(Kind::BadLoop, iterable.operands[3]->span, std::string(name) + "() arg 3 must not be zero");
  }
  iterable.type = Type::scalarOf(Scalar::I64);
}

// prange's only keyword: num_threads=k, an int expression (k < 1 raises
// ValueError when the loop starts).
bool FunctionChecker::checkPrangeKeywords(ast::Expr& call) {
  bool failed = false;
  for (auto& keyword : call.keywords) {
    if (keyword.name != "num_threads") {
      error(Kind::BadCall, keyword.nameSpan,
            "prange() got an unexpected keyword argument '" + keyword.name + "' (it takes only num_threads=)");
      if (keyword.value) check(*keyword.value);
      failed = true;
      continue;
    }
    if (!keyword.value) continue;
    Type t = checkType(*keyword.value);
    if (!t.isUnknown() && !t.isInteger() && !t.isBool())
      error(Kind::TypeMismatch, keyword.value->span,
            "prange() num_threads must be an int, not " + typeName(t));
  }
  return failed;
}

void FunctionChecker::checkReturn(ast::Stmt& s) {
  ast::Expr* value = s.exprs.empty() ? nullptr : s.exprs[0].get();
  if (value && value->kind == ast::ExprKind::NoneLit) {
    value->type = Type::voidType();
    value = nullptr;  // `return None` is a bare return
  }
  bool inferred = ctx_.returnInferred[functionIndex_];
  if (inferred) {
    if (!value) {
      if (!firstBareReturn_.valid()) firstBareReturn_ = s.span;
      return;
    }
    Operand v = check(value);
    if (v.type.kind == types::TypeKind::Void) {
      error(Kind::TypeMismatch, value->span, "this expression returns None and has no value to return");
      return;
    }
    if (!firstValueReturn_.valid()) firstValueReturn_ = value->span;
    if (v.type.isUnknown()) {
      if (!inferredReturn_) inferredReturn_ = Type::unknown();
      return;
    }
    auto joined = inferredReturn_ ? join(*inferredReturn_, v.type) : std::optional<Type>(v.type);
    if (!joined) {
      auto& d = error(Kind::ReturnType, value->span,
                      "'" + fn_.name + "' returns " + typeName(v.type) + " here but " + typeName(*inferredReturn_) +
                          " elsewhere; add a return annotation");
      d.notes.push_back({firstValueReturn_, "first return of a value"});
      return;
    }
    inferredReturn_ = joined;
    return;
  }
  const Type& declared = fn_.returnType;
  auto noteDeclared = [&](diag::Diagnostic& d) {
    if (fn_.returns) d.notes.push_back({fn_.returns->span, "return type declared here"});
  };
  if (declared.kind == types::TypeKind::Void) {
    if (value) {
      check(value);
      noteDeclared(error(Kind::ReturnType, value->span,
                         "'" + fn_.name + "' is declared '-> None' but returns a value"));
    }
    return;
  }
  if (!value) {
    if (!declared.isUnknown())
      noteDeclared(error(Kind::ReturnType, s.span,
                         "'return' without a value in '" + fn_.name + "', which is declared to return " +
                             typeName(declared)));
    return;
  }
  Operand v = check(value);
  checkLiteralFits(v, declared, value->span);
  if (!isAssignable(v, declared))
    noteDeclared(error(Kind::ReturnType, value->span,
                       "'" + fn_.name + "' is declared to return " + typeName(declared) + " but this returns " +
                           (v.type.kind == types::TypeKind::Void ? std::string("None") : typeName(v.type)) +
                           pythonResultHint(v.type, v.type)));
}

void FunctionChecker::checkRaise(ast::Stmt& s) {
  if (s.exprs.empty() || !s.exprs[0]) {
    error(Kind::BadRaise, s.span,
          "a bare 'raise' is not supported in native code; raise a specific exception, e.g. "
          "raise ValueError(\"...\")");
    return;
  }
  checkException(*s.exprs[0]);
  for (size_t i = 1; i < s.exprs.size(); ++i)
    error(Kind::BadRaise, s.exprs[i]->span, "'raise ... from ...' is not supported in native code");
}

void FunctionChecker::checkAssert(ast::Stmt& s) {
  if (s.exprs.empty()) return;
  checkCondition(s.exprs[0].get(), "as an assert condition");
  if (s.exprs.size() > 1 && s.exprs[1]) {
    ast::Expr& message = *s.exprs[1];
    if (message.kind == ast::ExprKind::StrLit) {
      message.type = Type::voidType();
    } else {
      check(message);
      error(Kind::UnsupportedConstruct, message.span, "the message of 'assert' must be a string literal in native code");
    }
  }
}

}  // namespace pyxc::check
