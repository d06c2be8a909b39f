// The iterables of a `for` loop besides a top-level range/prange:
//   range(...), an array (its elements, or its rows), and
//   enumerate(it[, start]), zip(it, ...), reversed(range(...) | array)
// nested freely (enumerate(zip(x, reversed(y)))). Each is typed by its
// element; emit (emit_iteration.cpp) turns the loop into one index loop
// over the shortest length, so none of them exists at run time.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

const char* kIterables = "range(...), a list, an array, enumerate(...), zip(...) or reversed(...)";

}  // namespace

Type FunctionChecker::iterationElement(ast::Expr& iterable, bool nested) {
  ast::Expr* callee = iterable.kind == ast::ExprKind::Call ? iterable.operand(0) : nullptr;
  std::string builtin;
  if (callee && callee->kind == ast::ExprKind::Name && !findLocal(callee->text) && !ctx_.scope.lookup(callee->text)) {
    for (const char* name : {"range", "enumerate", "zip", "reversed"})
      if (callee->text == name) builtin = name;
  }
  auto setRef = [&] {
    iterable.ref = ast::Ref{ast::RefKind::Builtin, -1, builtin};
    callee->ref = iterable.ref;
    iterable.boundArgs.clear();
  };
  auto checkRest = [&](size_t from) {
    for (size_t i = from; i < iterable.operands.size(); ++i) check(iterable.operand(i));
    for (auto& keyword : iterable.keywords) check(keyword.value);
  };
  if (builtin == "range") {
    checkRangeArgs(iterable, "range");
    return Type::scalarOf(Scalar::I64);
  }
  if (builtin == "enumerate") {
    setRef();
    size_t positional = iterable.operands.size() - 1;
    ast::Expr* start = positional >= 2 ? iterable.operand(2) : nullptr;
    bool ok = positional >= 1 && positional <= 2;
    for (auto& keyword : iterable.keywords) {
      if (keyword.name == "start" && !start && keyword.value) {
        start = keyword.value.get();
      } else {
        error(Kind::BadCall, keyword.nameSpan,
              "enumerate() got an unexpected keyword argument '" + keyword.name + "'");
        ok = false;
      }
    }
    if (!ok || !iterable.operand(1)) {
      if (positional < 1 || positional > 2)
        error(Kind::BadCall, iterable.span,
              "enumerate() takes an iterable and an optional start, got " + std::to_string(positional) +
                  " positional arguments");
      checkRest(1);
      return Type::unknown();
    }
    Type inner = iterationElement(*iterable.operand(1), true);
    if (start) {
      Type t = checkType(*start);
      if (!t.isUnknown() && !t.isInteger() && !t.isBool()) {
        error(Kind::TypeMismatch, start->span,
              "'" + typeName(t) + "' object cannot be interpreted as an integer (enumerate's start)");
        return Type::unknown();
      }
    }
    iterable.boundArgs = {iterable.operand(1), start};
    if (inner.isUnknown()) return Type::unknown();
    iterable.type = Type::tupleOf({Type::scalarOf(Scalar::I64), inner});
    return iterable.type;
  }
  if (builtin == "zip") {
    setRef();
    if (!iterable.keywords.empty()) {
      error(Kind::BadCall, iterable.keywords[0].nameSpan,
            iterable.keywords[0].name == "strict"
                ? std::string("zip(strict=...) is not supported in native code; compare the lengths and raise")
                : "zip() got an unexpected keyword argument '" + iterable.keywords[0].name + "'");
      checkRest(1);
      return Type::unknown();
    }
    if (iterable.operands.size() < 2) {
      error(Kind::BadCall, iterable.span, "zip() needs at least one iterable in native code");
      return Type::unknown();
    }
    std::vector<Type> elements;
    bool ok = true;
    for (size_t i = 1; i < iterable.operands.size(); ++i) {
      if (!iterable.operand(i)) return Type::unknown();
      Type t = iterationElement(*iterable.operand(i), true);
      ok &= !t.isUnknown();
      elements.push_back(t);
      iterable.boundArgs.push_back(iterable.operand(i));
    }
    if (!ok) return Type::unknown();
    iterable.type = Type::tupleOf(std::move(elements));
    return iterable.type;
  }
  if (builtin == "reversed") {
    setRef();
    if (iterable.operands.size() != 2 || !iterable.keywords.empty() || !iterable.operand(1)) {
      error(Kind::BadCall, iterable.span, "reversed() takes exactly one argument");
      checkRest(1);
      return Type::unknown();
    }
    ast::Expr& inner = *iterable.operand(1);
    const ast::Expr* innerCallee = inner.kind == ast::ExprKind::Call ? inner.operand(0) : nullptr;
    bool innerRange = innerCallee && innerCallee->kind == ast::ExprKind::Name && innerCallee->text == "range" &&
                      !findLocal("range") && !ctx_.scope.lookup("range");
    if (innerRange) {
      checkRangeArgs(inner, "range");
      iterable.boundArgs = {&inner};
      iterable.type = Type::scalarOf(Scalar::I64);
      return iterable.type;
    }
    if (innerCallee && innerCallee->kind == ast::ExprKind::Name && !findLocal(innerCallee->text) &&
        (innerCallee->text == "zip" || innerCallee->text == "enumerate" || innerCallee->text == "reversed")) {
      error(Kind::BadLoop, inner.span,
            "'" + innerCallee->text + "' object is not reversible; reverse what it iterates instead (zip(reversed(a), "
            "reversed(b)))");
      return Type::unknown();
    }
    Type t = checkType(inner);
    if (t.kind != types::TypeKind::Array) {
      if (!t.isUnknown())
        error(Kind::BadLoop, inner.span,
              "reversed() in native code takes range(...) or an array, not " +
                  typeName(t));
      return Type::unknown();
    }
    iterable.boundArgs = {&inner};
    iterable.type = t.ndim == 1 ? Type::scalarOf(t.scalar) : indexedType(t, {AxisIndex::Integer});
    return iterable.type;
  }
  Type t = checkType(iterable);
  if (t.kind == types::TypeKind::Array)
    return t.ndim == 1 ? Type::scalarOf(t.scalar) : indexedType(t, {AxisIndex::Integer});  // rows, as m[i]
  if (t.isList()) {
    if (!nested) return t.listElement();  // emit_list_loops.cpp
    error(Kind::BadLoop, iterable.span,
          "enumerate/zip/reversed of a list is not supported in native code yet; loop over range(len(...)) and "
          "index the list");
    return Type::unknown();
  }
  if (!t.isUnknown())
    error(Kind::BadLoop, iterable.span,
          std::string("native code supports only 'for' loops over range(...), a list or an array") +
              (isComplete(t) ? "; this iterates over " + typeName(t) : std::string()) + " (supported: " + kIterables +
              ")");
  return Type::unknown();
}

}  // namespace pyxc::check
