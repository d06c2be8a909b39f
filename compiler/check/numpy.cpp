// NumPy in native code: which `np.<name>` pyxc knows and how a call is
// routed (allocation, ufunc, reduction, linear algebra), dtype arguments,
// and the module's constants. The categories' own rules live in
// numpy_arrays.cpp and numpy_ufuncs.cpp.
#include <algorithm>
#include <cstring>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

enum class NumpyCategory { Allocation, Ufunc, Reduction, Linalg, Dtype };

struct NumpyFunctionInfo {
  const char* name;
  NumpyCategory category;
};

const NumpyFunctionInfo* findNumpyFunction(const std::string& name) {
  using C = NumpyCategory;
  static const NumpyFunctionInfo kFunctions[] = {
      // Allocation and copies.
      {"zeros", C::Allocation}, {"empty", C::Allocation}, {"ones", C::Allocation}, {"full", C::Allocation},
      {"zeros_like", C::Allocation}, {"empty_like", C::Allocation}, {"ones_like", C::Allocation},
      {"full_like", C::Allocation}, {"arange", C::Allocation}, {"linspace", C::Allocation},
      {"copy", C::Allocation}, {"array", C::Allocation}, {"asarray", C::Allocation},
      {"ascontiguousarray", C::Allocation}, {"reshape", C::Allocation}, {"transpose", C::Allocation},
      {"eye", C::Allocation}, {"identity", C::Allocation},
      // Elementwise.
      {"sqrt", C::Ufunc}, {"exp", C::Ufunc}, {"exp2", C::Ufunc}, {"expm1", C::Ufunc}, {"log", C::Ufunc},
      {"log2", C::Ufunc}, {"log10", C::Ufunc}, {"log1p", C::Ufunc}, {"sin", C::Ufunc}, {"cos", C::Ufunc},
      {"tan", C::Ufunc}, {"arcsin", C::Ufunc}, {"arccos", C::Ufunc}, {"arctan", C::Ufunc},
      {"arctan2", C::Ufunc}, {"sinh", C::Ufunc}, {"cosh", C::Ufunc}, {"tanh", C::Ufunc},
      {"arcsinh", C::Ufunc}, {"arccosh", C::Ufunc}, {"arctanh", C::Ufunc}, {"hypot", C::Ufunc},
      {"abs", C::Ufunc}, {"absolute", C::Ufunc}, {"fabs", C::Ufunc}, {"sign", C::Ufunc},
      {"floor", C::Ufunc}, {"ceil", C::Ufunc}, {"trunc", C::Ufunc}, {"rint", C::Ufunc},
      {"round", C::Ufunc}, {"around", C::Ufunc}, {"square", C::Ufunc}, {"cbrt", C::Ufunc},
      {"reciprocal", C::Ufunc}, {"negative", C::Ufunc}, {"power", C::Ufunc}, {"add", C::Ufunc},
      {"subtract", C::Ufunc}, {"multiply", C::Ufunc}, {"divide", C::Ufunc}, {"true_divide", C::Ufunc},
      {"floor_divide", C::Ufunc}, {"mod", C::Ufunc}, {"remainder", C::Ufunc}, {"fmod", C::Ufunc},
      {"minimum", C::Ufunc}, {"maximum", C::Ufunc}, {"fmin", C::Ufunc}, {"fmax", C::Ufunc},
      {"where", C::Ufunc}, {"clip", C::Ufunc}, {"isnan", C::Ufunc}, {"isinf", C::Ufunc},
      {"isfinite", C::Ufunc}, {"copysign", C::Ufunc}, {"deg2rad", C::Ufunc}, {"rad2deg", C::Ufunc},
      {"degrees", C::Ufunc}, {"radians", C::Ufunc}, {"logical_and", C::Ufunc}, {"logical_or", C::Ufunc},
      {"logical_not", C::Ufunc},
      // Reductions.
      {"sum", C::Reduction}, {"prod", C::Reduction}, {"min", C::Reduction}, {"max", C::Reduction},
      {"amin", C::Reduction}, {"amax", C::Reduction}, {"mean", C::Reduction}, {"argmin", C::Reduction},
      {"argmax", C::Reduction}, {"any", C::Reduction}, {"all", C::Reduction}, {"cumsum", C::Reduction},
      {"cumprod", C::Reduction}, {"std", C::Reduction}, {"var", C::Reduction}, {"nansum", C::Reduction},
      {"count_nonzero", C::Reduction},
      // Linear algebra.
      {"dot", C::Linalg}, {"vdot", C::Linalg}, {"matmul", C::Linalg}, {"outer", C::Linalg},
      {"inner", C::Linalg},
      // Scalar types called as casts: np.float64(x).
      {"float64", C::Dtype}, {"float32", C::Dtype}, {"int64", C::Dtype}, {"int32", C::Dtype},
      {"int16", C::Dtype}, {"int8", C::Dtype}, {"uint64", C::Dtype}, {"uint32", C::Dtype},
      {"uint16", C::Dtype}, {"uint8", C::Dtype}, {"bool_", C::Dtype}, {"double", C::Dtype},
      {"single", C::Dtype}, {"intp", C::Dtype},
  };
  for (const auto& f : kFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

// NumPy's scalar type names (np.float64) and dtype strings ("float64", "f8").
std::optional<Scalar> numpyScalarNamed(const std::string& name) {
  static const std::pair<const char*, Scalar> kNames[] = {
      {"float64", Scalar::F64}, {"double", Scalar::F64}, {"f8", Scalar::F64}, {"d", Scalar::F64},
      {"float32", Scalar::F32}, {"single", Scalar::F32}, {"f4", Scalar::F32}, {"f", Scalar::F32},
      {"int64", Scalar::I64}, {"intp", Scalar::I64}, {"i8", Scalar::I64}, {"int_", Scalar::I64},
      {"int32", Scalar::I32}, {"i4", Scalar::I32}, {"int16", Scalar::I16}, {"i2", Scalar::I16},
      {"int8", Scalar::I8}, {"i1", Scalar::I8}, {"uint64", Scalar::U64}, {"u8", Scalar::U64},
      {"uint32", Scalar::U32}, {"u4", Scalar::U32}, {"uint16", Scalar::U16}, {"u2", Scalar::U16},
      {"uint8", Scalar::U8}, {"u1", Scalar::U8}, {"bool_", Scalar::Bool}, {"bool", Scalar::Bool},
      {"?", Scalar::Bool},
  };
  for (const auto& [n, s] : kNames)
    if (name == n) return s;
  return std::nullopt;
}

// np.float64, np.int32, ...: the names NumPy binds to scalar types (a
// dtype string such as "f8" is not one of them).
bool isNumpyScalarType(const std::string& name) {
  const NumpyFunctionInfo* info = findNumpyFunction(name);
  return info && info->category == NumpyCategory::Dtype;
}

bool isNumpyConstant(const std::string& name) {
  return name == "pi" || name == "e" || name == "inf" || name == "nan" || name == "euler_gamma";
}

}  // namespace

Type FunctionChecker::callNumpy(ast::Expr& call, const std::string& name, const std::string& spelled) {
  const NumpyFunctionInfo* info = findNumpyFunction(name);
  if (!info) {
    checkArgumentsOnly(call);
    error(Kind::UnsupportedConstruct, call.span,
          "numpy." + name + "() ('" + spelled + "') is not supported in native code; see docs/coverage.md for "
          "the NumPy functions pyxc compiles, or move the call out of the native function");
    return Type::unknown();
  }
  switch (info->category) {
    case NumpyCategory::Allocation: return callNumpyAllocation(call, name, spelled);
    case NumpyCategory::Ufunc: return callNumpyUfunc(call, name, spelled);
    case NumpyCategory::Reduction: return callNumpyReduction(call, name, spelled);
    case NumpyCategory::Linalg: return callNumpyLinalg(call, name, spelled);
    case NumpyCategory::Dtype: return callCast(call, *numpyScalarNamed(name), spelled);
  }
  return Type::unknown();
}

Type FunctionChecker::checkNumpyAttribute(ast::Expr& e, const std::string& name, const std::string& spelled) {
  if (isNumpyConstant(name)) {
    if (name == "euler_gamma") {
      error(Kind::UnsupportedConstruct, e.span, spelled + " is not supported in native code");
      return Type::unknown();
    }
    e.ref = ast::Ref{ast::RefKind::MathConstant, -1, name};
    return Type::scalarOf(Scalar::F64);
  }
  if (isNumpyScalarType(name))
    error(Kind::UnsupportedConstruct, e.span,
          "the NumPy type '" + spelled + "' can only be used as a dtype (dtype=" + spelled + ") or called as a cast, " +
              spelled + "(x)");
  else if (findNumpyFunction(name))
    error(Kind::UnsupportedConstruct, e.span, "the NumPy function '" + spelled + "' can only be called");
  else
    error(Kind::UnsupportedConstruct, e.span, "'" + spelled + "' (numpy." + name + ") is not supported in native code");
  return Type::unknown();
}

std::optional<Scalar> FunctionChecker::resolveDtype(ast::Expr& dtype, const std::string& callee) {
  auto fail = [&] {
    error(Kind::UnsupportedType, dtype.span,
          "the dtype of " + callee + "() must be a NumPy or pyxc scalar type such as np.float64, np.int32, "
          "pyxc.f64, float, int or bool");
    return std::nullopt;
  };
  if (dtype.kind == ast::ExprKind::StrLit) {
    if (auto s = numpyScalarNamed(dtype.text)) return s;
    return fail();
  }
  const ast::Expr* object = dtype.kind == ast::ExprKind::Attribute ? dtype.operand(0) : nullptr;
  const std::string& member = dtype.text;
  if (object && object->kind == ast::ExprKind::Name && !findLocal(object->text)) {
    const ModuleBinding* b = ctx_.scope.lookup(object->text);
    if (b && b->kind == BindingKind::NumpyModule) {
      if (isNumpyScalarType(member)) return numpyScalarNamed(member);
      return fail();
    }
  }
  if (dtype.kind == ast::ExprKind::Name && !findLocal(member)) {
    const ModuleBinding* b = ctx_.scope.lookup(member);
    if (b && b->kind == BindingKind::NumpyMember) {
      if (isNumpyScalarType(b->member)) return numpyScalarNamed(b->member);
      return fail();
    }
  }
  bool reported = false;
  auto scalar = resolveScalarType(dtype, ctx_.scope, report_ ? ctx_.diags : scratch_, reported);
  if (scalar) return scalar;
  if (reported) return std::nullopt;
  return fail();
}

}  // namespace pyxc::check
