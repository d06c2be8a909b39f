// NumPy's array constructors in native code: np.zeros/empty/ones/full,
// their *_like forms, np.copy and a.copy(), np.arange and np.linspace.
// Each call's boundArgs hold its arguments in a fixed layout the emitter
// reads (compiler/emit/emit_numpy_arrays.cpp):
//   zeros/empty/ones: the dims (or one tuple value: `np.zeros(a.shape)`)
//   full: the dims, then the fill value
//   *_like, copy: the array (full_like: then the fill value)
//   arange: start, stop, step; linspace: start, stop, num, endpoint
#include <optional>
#include <vector>

#include "compiler/check/checker.h"

namespace pyxc::check {

std::vector<ast::Expr*> FunctionChecker::bindNumpyArgs(ast::Expr& call, const std::string& spelled,
                                                       const std::vector<std::string>& params, size_t required,
                                                       bool& ok) {
  std::vector<ast::Expr*> bound(params.size(), nullptr);
  size_t positional = call.operands.size() > 0 ? call.operands.size() - 1 : 0;
  if (positional > params.size()) {
    error(Kind::BadCall, call.span,
          spelled + "() takes at most " + std::to_string(params.size()) + " arguments in native code");
    ok = false;
  }
  for (size_t i = 0; i < positional && i < params.size(); ++i) bound[i] = call.operand(i + 1);
  for (auto& kw : call.keywords) {
    size_t k = 0;
    while (k < params.size() && params[k] != kw.name) ++k;
    if (k == params.size() || bound[k]) {
      if (kw.value) check(kw.value);
      error(Kind::BadCall, kw.nameSpan,
            spelled + "() got " + (k == params.size() ? "an unexpected keyword argument '" + kw.name + "'"
                                                      : "multiple values for argument '" + kw.name + "'"));
      ok = false;
      continue;
    }
    bound[k] = kw.value.get();
  }
  for (size_t k = 0; k < required; ++k) {
    if (!bound[k]) {
      error(Kind::BadCall, call.span, spelled + "() missing required argument '" + params[k] + "'");
      ok = false;
    }
  }
  return bound;
}

bool FunctionChecker::checkNumpyShape(ast::Expr& call, ast::Expr* shape, const std::string& spelled, int& ndim) {
  std::vector<ast::Expr*> dims;
  if (shape->kind == ast::ExprKind::Tuple) {
    for (auto& d : shape->operands) dims.push_back(d.get());
    shape->type = Type::tupleOf(std::vector<Type>(dims.size(), Type::scalarOf(Scalar::I64)));
  } else {
    Type t = checkType(shape);
    if (t.isUnknown()) return false;
    if (t.kind == types::TypeKind::Tuple) {
      // A tuple value such as `a.shape`: its elements must be ints.
      for (const Type& e : t.elements) {
        if (!e.isInteger()) {
          error(Kind::TypeMismatch, shape->span, "the shape of " + spelled + "() must be ints, not " + typeName(t));
          return false;
        }
      }
      ndim = static_cast<int>(t.elements.size());
      if (ndim < 1 || ndim > kMaxArrayDims) {
        error(Kind::UnsupportedConstruct, shape->span,
              spelled + "() needs a shape of 1 to " + std::to_string(kMaxArrayDims) + " dimensions in native code");
        return false;
      }
      call.boundArgs.push_back(shape);
      return true;
    }
    dims.push_back(shape);  // one int dimension, typed just above
  }
  const bool display = shape->kind == ast::ExprKind::Tuple;  // its elements are not typed yet
  if (dims.empty() || dims.size() > static_cast<size_t>(kMaxArrayDims)) {
    error(Kind::UnsupportedConstruct, call.span,
          spelled + "() needs a shape of 1 to " + std::to_string(kMaxArrayDims) + " dimensions in native code");
    return false;
  }
  bool ok = true;
  for (ast::Expr* d : dims) {
    Type t = display ? checkType(d) : d->type;
    if (t.isUnknown()) {
      ok = false;
    } else if (!t.isInteger() && !t.isBool()) {
      error(Kind::TypeMismatch, d->span, "the shape of " + spelled + "() must be an int or a tuple of ints, not " +
                                              typeName(t));
      ok = false;
    }
    call.boundArgs.push_back(d);
  }
  ndim = static_cast<int>(dims.size());
  return ok;
}

namespace {
// NumPy's default dtype of np.full / np.arange from a Python scalar.
Scalar defaultDtypeOf(const Type& t) {
  if (t.isBool()) return Scalar::Bool;
  if (t.isInteger()) return Scalar::I64;
  return Scalar::F64;
}
}  // namespace

bool FunctionChecker::checkFillValue(ast::Expr* fill, Scalar element, const std::string& spelled) {
  Operand v = check(*fill);
  if (v.type.isUnknown()) return false;
  if (!v.type.isScalar()) {
    error(Kind::TypeMismatch, fill->span, "the fill value of " + spelled + "() must be a number, not " +
                                              typeName(v.type));
    return false;
  }
  Type to = Type::scalarOf(element);
  checkLiteralFits(v, to, fill->span);
  if (!isAssignable(v, to)) {
    error(Kind::IncompatibleAssignment, fill->span,
          "the fill value of " + spelled + "() is " + typeName(v.type) + ", which does not fit the dtype " +
              typeName(to) + (to.isInteger() && v.type.isFloat() ? "; convert it with int(...) first" : ""));
    return false;
  }
  return true;
}

Type FunctionChecker::callNumpyAllocation(ast::Expr& call, const std::string& name, const std::string& spelled) {
  call.ref = ast::Ref{ast::RefKind::NumpyAllocation, -1, name};
  call.boundArgs.clear();
  bool ok = true;
  auto dtypeOr = [&](ast::Expr* dtype, Scalar fallback) -> std::optional<Scalar> {
    if (!dtype || dtype->kind == ast::ExprKind::NoneLit) return fallback;
    auto s = resolveDtype(*dtype, spelled);
    if (!s) ok = false;
    return s;
  };
  auto checkOrder = [&](ast::Expr* order) {
    if (!order) return;
    if (order->kind != ast::ExprKind::StrLit || (order->text != "C" && order->text != "K")) {
      error(Kind::UnsupportedConstruct, order->span,
            spelled + "() makes C-ordered arrays in native code: only order='C' is supported");
      ok = false;
    }
  };
  if (name == "zeros" || name == "empty" || name == "ones" || name == "full") {
    bool isFull = name == "full";
    auto args = isFull ? bindNumpyArgs(call, spelled, {"shape", "fill_value", "dtype", "order"}, 2, ok)
                       : bindNumpyArgs(call, spelled, {"shape", "dtype", "order"}, 1, ok);
    if (!args[0]) return Type::unknown();
    int ndim = 0;
    if (!checkNumpyShape(call, args[0], spelled, ndim)) ok = false;
    ast::Expr* fill = isFull ? args[1] : nullptr;
    Scalar fallback = Scalar::F64;
    if (fill && !args[2]) {
      Type t = checkType(fill);
      if (t.isUnknown()) return Type::unknown();
      fallback = defaultDtypeOf(t);
    }
    auto element = dtypeOr(args[isFull ? 2 : 1], fallback);
    checkOrder(args[isFull ? 3 : 2]);
    if (fill && element && !checkFillValue(fill, *element, spelled)) ok = false;
    if (fill) call.boundArgs.push_back(fill);
    if (!ok || !element) return Type::unknown();
    return Type::arrayOf(*element, ndim, true);
  }
  if (name.ends_with("_like") || name == "copy" || name == "array") {
    bool isFull = name == "full_like";
    bool isCopy = name == "copy" || name == "array";
    auto args = isFull ? bindNumpyArgs(call, spelled, {"a", "fill_value", "dtype", "order"}, 2, ok)
                       : bindNumpyArgs(call, spelled, {isCopy ? "a" : "prototype", "dtype", "order"}, 1, ok);
    if (!args[0]) return Type::unknown();
    Type from = checkType(args[0]);
    if (from.isUnknown()) return Type::unknown();
    if (from.kind != types::TypeKind::Array) {
      error(Kind::TypeMismatch, args[0]->span,
            spelled + "() in native code takes an array" + (isCopy ? "" : " as its prototype") + ", not " +
                typeName(from) + (isCopy ? "" : "; for a shape use np." + name.substr(0, name.size() - 5) + "(shape)"));
      return Type::unknown();
    }
    auto element = dtypeOr(args[isFull ? 2 : 1], from.scalar);
    checkOrder(args[isFull ? 3 : 2]);
    call.boundArgs.push_back(args[0]);
    if (isFull && element && !checkFillValue(args[1], *element, spelled)) ok = false;
    if (isFull) call.boundArgs.push_back(args[1]);
    if (!ok || !element) return Type::unknown();
    return Type::arrayOf(*element, from.ndim, true);
  }
  if (name == "arange") {
    auto args = bindNumpyArgs(call, spelled, {"start", "stop", "step", "dtype"}, 1, ok);
    // np.arange(stop): the one argument is the stop.
    ast::Expr* start = args[1] ? args[0] : nullptr;
    ast::Expr* stop = args[1] ? args[1] : args[0];
    ast::Expr* step = args[2];
    Scalar joined = Scalar::I64;
    bool anyFloat = false;
    for (ast::Expr* a : {start, stop, step}) {
      if (!a) continue;
      Type t = checkType(a);
      if (t.isUnknown()) { ok = false; continue; }
      if (!t.isScalar()) {
        error(Kind::TypeMismatch, a->span, spelled + "() takes numbers, not " + typeName(t));
        ok = false;
      } else if (t.isFloat()) {
        anyFloat = true;
      }
    }
    if (anyFloat) joined = Scalar::F64;
    auto element = dtypeOr(args[3], joined);
    if (element && *element == Scalar::Bool) {
      error(Kind::UnsupportedType, args[3]->span, spelled + "() of bools is not supported in native code");
      ok = false;
    }
    if (element && anyFloat && Type::scalarOf(*element).isInteger()) {
      error(Kind::UnsupportedType, args[3]->span,
            spelled + "() with float bounds and an integer dtype is not supported in native code; use "
                      "int bounds or a float dtype");
      ok = false;
    }
    if (!ok || !element) return Type::unknown();
    call.boundArgs = {start, stop, step};
    return Type::arrayOf(*element, 1, true);
  }
  if (name == "linspace") {
    auto args = bindNumpyArgs(call, spelled, {"start", "stop", "num", "endpoint", "retstep", "dtype"}, 2, ok);
    for (size_t k = 0; k < 4; ++k) {
      if (!args[k]) continue;
      Type t = checkType(args[k]);
      if (t.isUnknown()) { ok = false; continue; }
      bool fits = k < 2 ? t.isScalar() : k == 2 ? (t.isInteger() || t.isBool()) : t.isBool();
      if (!fits) {
        error(Kind::TypeMismatch, args[k]->span,
              spelled + "() argument '" + std::string(k == 0 ? "start" : k == 1 ? "stop" : k == 2 ? "num" : "endpoint") +
                  "' must be " + (k < 2 ? "a number" : k == 2 ? "an int" : "a bool") + ", not " + typeName(t));
        ok = false;
      }
    }
    if (args[4]) {
      error(Kind::UnsupportedConstruct, args[4]->span, spelled + "(retstep=...) is not supported in native code");
      ok = false;
    }
    auto element = dtypeOr(args[5], Scalar::F64);
    if (element && *element != Scalar::F64) {
      error(Kind::UnsupportedType, args[5]->span, spelled + "() makes float64 arrays in native code");
      ok = false;
    }
    if (!ok) return Type::unknown();
    call.boundArgs = {args[0], args[1], args[2], args[3]};
    return Type::arrayOf(Scalar::F64, 1, true);
  }
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, spelled + "() is not supported in native code yet");
  return Type::unknown();
}

}  // namespace pyxc::check
