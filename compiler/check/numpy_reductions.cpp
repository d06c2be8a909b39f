// NumPy's reductions in native code: np.sum/prod/min/max/amin/amax/mean/
// argmin/argmax(a) and the array methods a.sum(), a.min(), ..., over the
// whole array (axis=None, any ndim) or along axis 0/1 of a 2-D array (a new
// 1-D array). The call's ref is NumpyReduction with the NumPy name
// (amin/amax as min/max) and index = the axis (-1: the whole array);
// boundArgs = {the array}. Emitted by compiler/emit/emit_numpy_reductions.cpp.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

constexpr const char* kSupported =
    "np.sum/prod/min/max/mean/argmin/argmax(a) and a.sum()/... over the whole array, or with axis=0/1 of a 2-D "
    "array";

bool isCompiled(const std::string& name) {
  for (const char* n : {"sum", "prod", "min", "max", "amin", "amax", "mean", "argmin", "argmax"})
    if (name == n) return true;
  return false;
}

// NumPy's result dtype of the reduction of an array of `s`.
Scalar resultScalar(const std::string& name, Scalar s) {
  if (name == "argmin" || name == "argmax") return Scalar::I64;
  if (name == "min" || name == "max") return s;
  const bool isFloat = s == Scalar::F32 || s == Scalar::F64;
  if (name == "mean") return isFloat ? s : Scalar::F64;
  if (isFloat) return s;
  if (s == Scalar::U8 || s == Scalar::U16 || s == Scalar::U32 || s == Scalar::U64) return Scalar::U64;
  return Scalar::I64;
}

// A constant axis: an int literal, maybe negated.
bool constantInt(const ast::Expr& e, int64_t& value) {
  if (e.kind == ast::ExprKind::IntLit) {
    value = e.intValue;
    return true;
  }
  if (e.kind == ast::ExprKind::Unary && e.unaryOp == ast::UnaryOp::Neg && e.operand(0) &&
      e.operand(0)->kind == ast::ExprKind::IntLit) {
    value = -e.operand(0)->intValue;
    return true;
  }
  return false;
}

}  // namespace

Type FunctionChecker::checkReduction(ast::Expr& call, const std::string& name, const std::string& spelled,
                                     ast::Expr* arrayExpr, bool method) {
  std::string op = name == "amin" ? "min" : name == "amax" ? "max" : name;
  bool ok = true;
  std::vector<std::string> params = {"a", "axis", "dtype", "out", "keepdims", "initial", "where"};
  if (op == "argmin" || op == "argmax") params = {"a", "axis", "out", "keepdims"};
  if (method) params.erase(params.begin());
  auto args = bindNumpyArgs(call, spelled, params, method ? 0 : 1, ok);
  const size_t base = method ? 0 : 1;
  if (!method) arrayExpr = args[0];
  if (!arrayExpr) return Type::unknown();
  Type array = method ? arrayExpr->type : checkType(arrayExpr);
  if (array.isUnknown()) return Type::unknown();
  if (array.kind != types::TypeKind::Array) {
    error(Kind::TypeMismatch, arrayExpr->span,
          spelled + "() in native code takes an array, not " + typeName(array) +
              (op == "sum" || op == "min" || op == "max" ? "; for numbers use the builtin " + op + "()" : ""));
    return Type::unknown();
  }
  for (size_t k = base + 1; k < args.size(); ++k) {
    // The value is not checked: one message for the option, not a cascade.
    if (!args[k] || args[k]->kind == ast::ExprKind::NoneLit) continue;
    error(Kind::UnsupportedConstruct, args[k]->span,
          spelled + "(" + params[k] + "=...) is not supported in native code; supported: " + kSupported);
    ok = false;
  }
  int axis = -1;
  if (ast::Expr* a = args[base]; a && a->kind != ast::ExprKind::NoneLit) {
    int64_t value = 0;
    if (!constantInt(*a, value)) {
      check(a);
      error(Kind::UnsupportedConstruct, a->span,
            spelled + "() needs a constant axis in native code (axis=None, 0 or 1); supported: " + kSupported);
      return Type::unknown();
    }
    if (value < -array.ndim || value >= array.ndim) {
      error(Kind::BadCall, a->span,
            "axis " + std::to_string(value) + " is out of bounds for array of dimension " +
                std::to_string(array.ndim));
      return Type::unknown();
    }
    if (value < 0) value += array.ndim;
    if (array.ndim > 2) {
      error(Kind::UnsupportedConstruct, a->span,
            spelled + "(axis=...) of a " + std::to_string(array.ndim) +
                "-D array is not supported in native code; supported: " + kSupported);
      return Type::unknown();
    }
    // Along the only axis of a 1-D array is the whole array.
    if (array.ndim == 2) axis = static_cast<int>(value);
  }
  if (!ok) return Type::unknown();
  call.ref = ast::Ref{ast::RefKind::NumpyReduction, axis, op};
  call.boundArgs = {arrayExpr};
  Scalar result = resultScalar(op, array.scalar);
  if (axis >= 0) return Type::arrayOf(result, 1, true);
  return Type::scalarOf(result);
}

Type FunctionChecker::callNumpyReduction(ast::Expr& call, const std::string& name, const std::string& spelled) {
  if (!isCompiled(name)) {
    checkArgumentsOnly(call);
    error(Kind::UnsupportedConstruct, call.span,
          spelled + "() is not supported in native code yet; the reductions compiled are " + kSupported);
    return Type::unknown();
  }
  return checkReduction(call, name, spelled, nullptr, false);
}

bool isArrayReductionMethod(const std::string& method) {
  return method != "amin" && method != "amax" && isCompiled(method);
}

}  // namespace pyxc::check
