// Builtin functions native code may call, and exceptions in `raise`.
#include "compiler/check/checker.h"

namespace pyxc::check {

Type FunctionChecker::callBuiltin(ast::Expr& call, const std::string& name) {
  if (auto list = callListBuiltin(call, name)) return *list;
  call.ref = ast::Ref{ast::RefKind::Builtin, -1, name};
  if (auto numeric = callNumericBuiltin(call, name)) return *numeric;
  if (name == "range") {
    error(Kind::UnsupportedConstruct, call.span, "range() can only be used as the iterable of a for loop");
    checkPositionalArgs(call);
    return Type::unknown();
  }
  if (name == "min" || name == "max") {
    for (auto& kw : call.keywords) {
      if (kw.value) check(kw.value);
      error(Kind::UnsupportedConstruct, kw.nameSpan, name + "() with '" + kw.name + "=' is not supported in native code");
    }
  } else if (rejectKeywords(call, name)) {
    checkPositionalArgs(call);
    return Type::unknown();
  }
  std::vector<Operand> args = checkPositionalArgs(call);
  size_t count = args.size();
  auto arity = [&](const std::string& message) {
    error(Kind::BadCall, call.span, message);
    return Type::unknown();
  };
  for (size_t i = 1; i < call.operands.size(); ++i) call.boundArgs.push_back(call.operand(i));
  for (const auto* arg : call.boundArgs)
    if (!arg) return Type::unknown();  // after a syntax error

  if (name == "len") {
    if (count != 1) return arity("len() takes exactly one argument (" + std::to_string(count) + " given)");
    const Type& t = args[0].type;
    if (t.kind == types::TypeKind::Tuple || t.kind == types::TypeKind::Array || t.isList())
      return Type::scalarOf(Scalar::I64);
    if (!t.isUnknown())
      error(Kind::TypeMismatch, call.operands[1]->span, "object of type '" + typeName(t) + "' has no len()");
    return Type::unknown();
  }
  if (name == "abs") {
    if (count != 1) return arity("abs() takes exactly one argument (" + std::to_string(count) + " given)");
    if (!requireNumericArgs(call, args, name)) return Type::unknown();
    return boolAsInt(args[0].type);
  }
  if (name == "min" || name == "max") {
    if (count == 0) return arity(name + " expected at least 1 argument, got 0");
    if (count == 1) {
      error(Kind::UnsupportedConstruct, call.span,
            name + "() of an iterable is not supported in native code; pass two or more numbers");
      return Type::unknown();
    }
    if (!requireNumericArgs(call, args, name)) return Type::unknown();
    Operand acc = args[0];
    for (size_t i = 1; i < count; ++i) acc = Operand{*joinOperands(acc, args[i]), false};
    return acc.type;
  }
  if (name == "round") {
    if (count == 0) return arity("round() missing required argument 'number' (pos 1)");
    if (count > 2) return arity("round() takes at most 2 arguments (" + std::to_string(count) + " given)");
    if (!requireNumericArgs(call, args, name)) return Type::unknown();
    const Type& x = args[0].type;
    if (count == 2) {
      if (args[1].type.isFloat()) {
        error(Kind::TypeMismatch, call.operands[2]->span, "'float' object cannot be interpreted as an integer");
        return Type::unknown();
      }
      return x.isFloat() ? x : boolAsInt(x);
    }
    return x.isFloat() ? Type::scalarOf(Scalar::I64) : boolAsInt(x);
  }
  // int(x), float(x), bool(x): conversions.
  Scalar target = name == "int" ? Scalar::I64 : name == "float" ? Scalar::F64 : Scalar::Bool;
  if (count > 1) {
    if (name == "int") {
      error(Kind::UnsupportedConstruct, call.span, "int() with a base is not supported in native code");
      return Type::unknown();
    }
    return arity(name + " expected at most 1 argument, got " + std::to_string(count));
  }
  if (count == 1 && args[0].type.isObject()) return Type::scalarOf(target);  // float(f(x)): with_gil.cpp
  if (!requireNumericArgs(call, args, name)) return Type::unknown();
  return Type::scalarOf(target);
}

Type FunctionChecker::checkException(ast::Expr& e) {
  const char* supported =
      "ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, OverflowError, ArithmeticError, "
      "RuntimeError, NotImplementedError or AssertionError";
  ast::Expr* classExpr = e.kind == ast::ExprKind::Call ? e.operand(0) : &e;
  bool isClassName = classExpr && classExpr->kind == ast::ExprKind::Name && !findLocal(classExpr->text) &&
                     !ctx_.scope.lookup(classExpr->text);
  if (!isClassName || !isSupportedException(classExpr->text)) {
    if (e.kind == ast::ExprKind::Call)
      for (size_t i = 1; i < e.operands.size(); ++i)
        if (e.operand(i) && e.operand(i)->kind != ast::ExprKind::StrLit) check(e.operand(i));
    std::string what = isClassName ? "'" + classExpr->text + "'" : std::string("this");
    error(Kind::BadRaise, classExpr ? classExpr->span : e.span,
          "raising " + what + " is not supported in native code; raise a builtin exception: " + supported);
    return Type::unknown();
  }
  ast::Ref ref{ast::RefKind::Exception, -1, classExpr->text};
  classExpr->ref = ref;
  classExpr->type = Type::voidType();
  e.type = Type::voidType();
  if (e.kind != ast::ExprKind::Call) return e.type;
  e.ref = ref;
  e.boundArgs.clear();
  for (auto& kw : e.keywords) {
    error(Kind::BadRaise, kw.nameSpan, classExpr->text + "() takes no keyword arguments");
    if (kw.value) check(kw.value);
  }
  if (e.operands.size() > 2)
    error(Kind::BadRaise, e.operand(2) ? e.operand(2)->span : e.span,
          "native code can raise " + classExpr->text + " with at most one message argument");
  if (ast::Expr* message = e.operand(1)) {
    if (message->kind == ast::ExprKind::StrLit) {
      message->type = Type::voidType();
      e.boundArgs.push_back(message);
    } else {
      check(message);
      error(Kind::BadRaise, message->span,
            "the message of " + classExpr->text + "(...) must be a string literal in native code");
    }
  }
  return e.type;
}

}  // namespace pyxc::check
