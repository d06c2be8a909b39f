// NumPy's linear algebra in native code: np.dot(a, b), np.matmul(a, b) and
// `a @ b` on 1-D and 2-D arrays (runtime/pyxc/numpy_linalg.h). The result
// is a scalar (1-D . 1-D), a new 1-D array (2-D . 1-D, 1-D . 2-D) or a new
// 2-D C-contiguous array, of NumPy's result_type of the two element types.
// boundArgs of a call: the two arrays (the emitter reads them,
// compiler/emit/emit_numpy_linalg.cpp); a `@` expression uses its operands.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isArray(const Type& t) { return t.kind == types::TypeKind::Array; }

// np.result_type of two array dtypes (NumPy's promotion table).
Scalar numpyResultType(Scalar a, Scalar b) {
  if (a == b) return a;
  if (a == Scalar::Bool) return b;
  if (b == Scalar::Bool) return a;
  bool af = types::isFloatScalar(a), bf = types::isFloatScalar(b);
  if (af && bf) return Scalar::F64;
  if (af || bf) {
    Scalar f = af ? a : b, i = af ? b : a;
    // float32 holds int8/int16/uint8/uint16 exactly; wider ints go to float64.
    return f == Scalar::F32 && types::bitWidth(i) <= 16 ? Scalar::F32 : Scalar::F64;
  }
  bool as = types::isSigned(a), bs = types::isSigned(b);
  int aw = types::bitWidth(a), bw = types::bitWidth(b);
  if (as == bs) return aw >= bw ? a : b;
  Scalar s = as ? a : b, u = as ? b : a;
  int sw = as ? aw : bw, uw = as ? bw : aw;
  if (sw > uw) return s;
  switch (uw) {
    case 8: return Scalar::I16;
    case 16: return Scalar::I32;
    case 32: return Scalar::I64;
    default: (void)u; return Scalar::F64;  // int64 with uint64: NumPy's float64
  }
}

}  // namespace

Type FunctionChecker::linalgResult(Span span, const Type& a, const Type& b, const std::string& what) {
  if (a.isUnknown() || b.isUnknown()) return Type::unknown();
  bool ok = true;
  for (const Type* t : {&a, &b}) {
    if (isArray(*t)) {
      if (t->ndim > 2) {
        error(Kind::UnsupportedConstruct, span,
              what + " of a " + std::to_string(t->ndim) + "-D array (" + typeName(*t) +
                  ") is not supported in native code: only 1-D and 2-D arrays; apply np.dot to 2-D slices "
                  "(a[i] @ b[i]) or write the loops");
        ok = false;
      }
      continue;
    }
    error(Kind::TypeMismatch, span,
          what + " needs arrays (1-D or 2-D), not " + typeName(*t) +
              (t->isScalar() ? "; multiply numbers with '*'" : ""));
    ok = false;
  }
  if (!ok) return Type::unknown();
  Scalar r = numpyResultType(a.scalar, b.scalar);
  if (a.ndim == 1 && b.ndim == 1) return Type::scalarOf(r);
  return Type::arrayOf(r, a.ndim == 2 && b.ndim == 2 ? 2 : 1, true);
}

Type FunctionChecker::callNumpyLinalg(ast::Expr& call, const std::string& name, const std::string& spelled) {
  if (name != "dot" && name != "matmul") {
    checkArgumentsOnly(call);
    error(Kind::UnsupportedConstruct, call.span,
          spelled + "() is not supported in native code yet; use np.dot(a, b) or a @ b (1-D and 2-D arrays), "
                    "or write the loop");
    return Type::unknown();
  }
  call.ref = ast::Ref{ast::RefKind::NumpyLinalg, -1, name};
  call.boundArgs.clear();
  bool ok = true;
  bool matmul = name == "matmul";
  auto args = bindNumpyArgs(call, spelled, {matmul ? "x1" : "a", matmul ? "x2" : "b", "out"}, 2, ok);
  Type a = args[0] ? checkType(args[0]) : Type::unknown();
  Type b = args[1] ? checkType(args[1]) : Type::unknown();
  if (args[2]) {
    check(args[2]);
    error(Kind::UnsupportedConstruct, args[2]->span,
          spelled + "(out=...) is not supported in native code; assign the result (c = " + spelled + "(a, b))");
    ok = false;
  }
  if (!ok || !args[0] || !args[1]) return Type::unknown();
  call.boundArgs = {args[0], args[1]};
  return linalgResult(call.span, a, b, spelled + "()");
}

Type FunctionChecker::checkMatMul(ast::Expr& e, const Operand& left, const Operand& right) {
  e.operandTypes = {Type::unknown()};
  if (left.type.isUnknown() || right.type.isUnknown()) return Type::unknown();
  if (!isArray(left.type) && !isArray(right.type)) {
    error(Kind::TypeMismatch, e.span,
          "unsupported operand type(s) for @: '" + typeName(left.type) + "' and '" + typeName(right.type) +
              "'; '@' needs arrays (1-D or 2-D)");
    return Type::unknown();
  }
  return linalgResult(e.span, left.type, right.type, "'@'");
}

}  // namespace pyxc::check
