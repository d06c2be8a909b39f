// Numeric builtins beyond the first release's: sum() of a 1-D array or a
// range, divmod(), pow() with two or three arguments, min()/max() of a 1-D
// array (with default=), and float() of a constant string. builtins.cpp
// hands these calls here before its own rules (callNumericBuiltin).
#include "compiler/check/checker.h"
#include "compiler/common/float_strings.h"

namespace pyxc::check {

namespace {

bool isArray1D(const Type& t) { return t.kind == types::TypeKind::Array && t.ndim == 1; }

// Python's int: any integer or bool result of these builtins is an i64.
Type asPythonNumber(const Type& t) { return t.isInteger() || t.isBool() ? Type::scalarOf(Scalar::I64) : t; }

}  // namespace

std::optional<Type> FunctionChecker::callNumericBuiltin(ast::Expr& call, const std::string& name) {
  size_t count = call.operands.size() - 1;
  if (name == "float" && count == 1 && call.keywords.empty() && call.operand(1) &&
      call.operand(1)->kind == ast::ExprKind::StrLit) {
    ast::Expr& text = *call.operand(1);
    text.type = Type::voidType();
    if (!parsePythonFloat(text.text)) {
      error(Kind::BadCall, text.span, "could not convert string to float: '" + text.text + "'");
      return Type::unknown();
    }
    call.boundArgs = {&text};
    return Type::scalarOf(Scalar::F64);
  }
  if (name == "sum") return callSum(call);
  if (name == "divmod") {
    if (rejectKeywords(call, "divmod")) {
      checkPositionalArgs(call);
      return Type::unknown();
    }
    std::vector<Operand> args = checkPositionalArgs(call);
    if (args.size() != 2) {
      error(Kind::BadCall, call.span, "divmod expected 2 arguments, got " + std::to_string(args.size()));
      return Type::unknown();
    }
    if (!requireNumericArgs(call, args, name)) return Type::unknown();
    Type quotient = binaryResult(ast::BinaryOp::FloorDiv, args[0], args[1], call.span, call.operandTypes);
    if (quotient.isUnknown()) return quotient;
    call.boundArgs = {call.operand(1), call.operand(2)};
    return Type::tupleOf({quotient, quotient});
  }
  if (name == "pow") {
    if (!call.keywords.empty()) {
      for (auto& kw : call.keywords)
        if (kw.value) check(kw.value);
      checkPositionalArgs(call);
      error(Kind::UnsupportedConstruct, call.keywords[0].nameSpan,
            "pow() with keyword arguments is not supported in native code; pass base, exp and mod by position");
      return Type::unknown();
    }
    std::vector<Operand> args = checkPositionalArgs(call);
    if (args.size() < 2) {
      error(Kind::BadCall, call.span,
            std::string("pow() missing required argument '") + (args.empty() ? "base' (pos 1)" : "exp' (pos 2)"));
      return Type::unknown();
    }
    if (args.size() > 3) {
      error(Kind::BadCall, call.span, "pow() takes at most 3 arguments (" + std::to_string(args.size()) + " given)");
      return Type::unknown();
    }
    if (!requireNumericArgs(call, args, name)) return Type::unknown();
    for (size_t i = 1; i <= args.size(); ++i) call.boundArgs.push_back(call.operand(i));
    if (args.size() == 2) return binaryResult(ast::BinaryOp::Pow, args[0], args[1], call.span, call.operandTypes);
    for (const Operand& arg : args)
      if (arg.type.isFloat()) {
        error(Kind::TypeMismatch, call.span, "pow() 3rd argument not allowed unless all arguments are integers");
        call.boundArgs.clear();
        return Type::unknown();
      }
    call.operandTypes = {Type::scalarOf(Scalar::I64)};
    return Type::scalarOf(Scalar::I64);
  }
  if ((name == "min" || name == "max") && (count == 1 || !call.keywords.empty())) return callExtremeOfArray(call, name);
  return std::nullopt;
}

// sum(iterable, /, start=0): iterable a 1-D array or range(...).
Type FunctionChecker::callSum(ast::Expr& call) {
  size_t count = call.operands.size() - 1;
  ast::Expr* start = count >= 2 ? call.operand(2) : nullptr;
  bool ok = true;
  for (auto& kw : call.keywords) {
    if (kw.value) check(kw.value);
    if (kw.name != "start") {
      error(Kind::BadCall, kw.nameSpan, "sum() got an unexpected keyword argument '" + kw.name + "'");
      ok = false;
    } else if (start) {
      error(Kind::BadCall, kw.nameSpan, "sum() got multiple values for argument 'start'");
      ok = false;
    } else {
      start = kw.value.get();
    }
  }
  if (count == 0 || count > 2) {
    for (size_t i = 1; i < call.operands.size(); ++i) check(call.operands[i]);
    error(Kind::BadCall, call.span,
          count == 0 ? std::string("sum() takes at least 1 positional argument (0 given)")
                     : "sum() takes at most 2 arguments (" + std::to_string(count) + " given)");
    return Type::unknown();
  }
  ast::Expr* iterable = call.operand(1);
  if (!iterable) return Type::unknown();
  Type element = Type::unknown();
  ast::Expr* callee = iterable->kind == ast::ExprKind::Call ? iterable->operand(0) : nullptr;
  if (callee && callee->kind == ast::ExprKind::Name && callee->text == "range" && !findLocal("range") &&
      !ctx_.scope.lookup("range")) {
    iterable->ref = ast::Ref{ast::RefKind::Builtin, -1, "range"};
    callee->ref = iterable->ref;
    iterable->boundArgs.clear();
    bool keywordError = rejectKeywords(*iterable, "range");
    std::vector<Operand> rangeArgs = checkPositionalArgs(*iterable);
    if (rangeArgs.empty() || rangeArgs.size() > 3) {
      error(Kind::BadCall, iterable->span,
            rangeArgs.empty() ? std::string("range expected at least 1 argument, got 0")
                              : "range expected at most 3 arguments, got " + std::to_string(rangeArgs.size()));
      return Type::unknown();
    }
    for (size_t i = 0; i < rangeArgs.size(); ++i) {
      ast::Expr* arg = iterable->operand(i + 1);
      if (!arg) return Type::unknown();
      const Type& t = rangeArgs[i].type;
      if (t.isUnknown()) return Type::unknown();
      if (!t.isInteger() && !t.isBool()) {
        error(Kind::TypeMismatch, arg->span, "'" + typeName(t) + "' object cannot be interpreted as an integer");
        ok = false;
      }
      iterable->boundArgs.push_back(arg);
    }
    if (keywordError) return Type::unknown();
    iterable->type = Type::voidType();
    element = Type::scalarOf(Scalar::I64);
  } else {
    Type t = checkType(iterable);
    if (t.isUnknown()) return t;
    if (!isArray1D(t)) {
      error(Kind::UnsupportedConstruct, iterable->span,
            "sum() in native code takes a 1-D array or a range(...), not " + typeName(t));
      return Type::unknown();
    }
    element = Type::scalarOf(t.scalar);
  }
  Type result = asPythonNumber(element);
  if (start) {
    Operand s = call.operand(2) == start ? check(start) : Operand{start->type, isWeakLiteral(*start)};
    if (s.type.isUnknown()) return Type::unknown();
    if (!s.type.isScalar()) {
      error(Kind::TypeMismatch, start->span, "sum() needs a number as start, not " + typeName(s.type));
      return Type::unknown();
    }
    result = asPythonNumber(*joinOperands(s, Operand{element}));
  }
  if (!ok) return Type::unknown();
  call.boundArgs = {iterable, start};
  return result;
}

// min(a) / max(a) of a 1-D array, min(a, default=d); key= is not compiled.
Type FunctionChecker::callExtremeOfArray(ast::Expr& call, const std::string& name) {
  size_t count = call.operands.size() - 1;
  ast::Expr* fallback = nullptr;
  bool ok = true;
  for (auto& kw : call.keywords) {
    if (kw.value) check(kw.value);
    if (kw.name == "default" && !fallback) {
      fallback = kw.value.get();
      continue;
    }
    error(kw.name == "key" ? Kind::UnsupportedConstruct : Kind::BadCall, kw.nameSpan,
          kw.name == "key" ? name + "() with 'key=' is not supported in native code"
                           : name + "() got an unexpected keyword argument '" + kw.name + "'");
    ok = false;
  }
  std::vector<Operand> args = checkPositionalArgs(call);
  if (count == 0) {
    error(Kind::BadCall, call.span, name + " expected at least 1 argument, got 0");
    return Type::unknown();
  }
  if (count >= 2) {
    if (fallback)
      error(Kind::BadCall, call.span, "Cannot specify a default for " + name + "() with multiple positional arguments");
    return Type::unknown();  // the keywords were the only problem: reported above
  }
  const Type& t = args[0].type;
  if (t.isUnknown() || !ok) return Type::unknown();
  if (!isArray1D(t)) {
    error(Kind::UnsupportedConstruct, call.operand(1)->span,
          name + "() of one argument in native code takes a 1-D array, not " + typeName(t) +
              "; pass two or more numbers otherwise");
    return Type::unknown();
  }
  Type element = Type::scalarOf(t.scalar);
  Type result = element;
  if (fallback) {
    Operand d{fallback->type, isWeakLiteral(*fallback)};
    if (d.type.isUnknown()) return Type::unknown();
    if (!d.type.isScalar()) {
      error(Kind::TypeMismatch, fallback->span, name + "() needs a number as default, not " + typeName(d.type));
      return Type::unknown();
    }
    result = *joinOperands(Operand{element}, d);
  }
  call.boundArgs = {call.operand(1), fallback};
  return result;
}

}  // namespace pyxc::check
