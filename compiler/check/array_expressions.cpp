// Elementwise array expressions (docs/semantics.md "NumPy in native code:
// array expressions and ufuncs"): arithmetic, comparisons and unary
// operators on arrays with NumPy's broadcasting and dtype promotion, slice
// assignment (`a[1:-1] = e`, `a[:] = 0`) and in-place updates (`a += b`).
//
// Each array-valued node records its compute type (the NumPy promotion of
// its operands) in operandTypes[0] and its result as an array type with the
// larger ndim of its operands; the emitter turns the tree into one fused
// loop (runtime/pyxc/array_expr.h). Scalars of type int, float and bool are
// Python scalars for promotion (NEP 50 "weak": f32 array * 2.0 stays f32);
// fixed-width scalars (i32, f32 ...) are NumPy scalars.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isArrayType(const Type& t) { return t.kind == types::TypeKind::Array; }

bool isPythonScalar(const Type& t) {
  return t.isScalar() && (t.scalar == Scalar::I64 || t.scalar == Scalar::F64 || t.scalar == Scalar::Bool);
}

Scalar signedOfWidth(int bits) {
  switch (bits) {
    case 8: return Scalar::I8;
    case 16: return Scalar::I16;
    case 32: return Scalar::I32;
    default: return Scalar::I64;
  }
}

// np.result_type of two dtypes (NumPy's promotion table).
Scalar promoteStrong(Scalar a, Scalar b) {
  if (a == b) return a;
  if (a == Scalar::Bool) return b;
  if (b == Scalar::Bool) return a;
  bool fa = types::isFloatScalar(a), fb = types::isFloatScalar(b);
  if (fa && fb) return types::bitWidth(a) >= types::bitWidth(b) ? a : b;
  if (fa || fb) {
    Scalar f = fa ? a : b, i = fa ? b : a;
    if (f == Scalar::F64) return Scalar::F64;
    return types::bitWidth(i) <= 16 ? Scalar::F32 : Scalar::F64;
  }
  bool sa = types::isSigned(a), sb = types::isSigned(b);
  if (sa == sb) return types::bitWidth(a) >= types::bitWidth(b) ? a : b;
  Scalar s = sa ? a : b, u = sa ? b : a;
  if (types::bitWidth(u) < types::bitWidth(s)) return s;
  if (u == Scalar::U64) return Scalar::F64;
  return signedOfWidth(types::bitWidth(u) * 2);
}

// A Python scalar (kind `weak`) combined with a NumPy dtype (NEP 50).
Scalar promoteWeak(Scalar weak, Scalar strong) {
  if (weak == Scalar::Bool) return strong;
  if (weak == Scalar::I64) return strong == Scalar::Bool ? Scalar::I64 : strong;
  return types::isFloatScalar(strong) ? strong : Scalar::F64;
}

}  // namespace

Scalar numpyPromote(const Type& a, const Type& b) {
  bool wa = isPythonScalar(a), wb = isPythonScalar(b);
  if (wa && wb) {
    if (a.scalar == Scalar::F64 || b.scalar == Scalar::F64) return Scalar::F64;
    if (a.scalar == Scalar::I64 || b.scalar == Scalar::I64) return Scalar::I64;
    return Scalar::Bool;
  }
  if (wa) return promoteWeak(a.scalar, b.scalar);
  if (wb) return promoteWeak(b.scalar, a.scalar);
  return promoteStrong(a.scalar, b.scalar);
}

int elementwiseNdim(const Type& a, const Type& b) {
  return std::max(isArrayType(a) ? a.ndim : 0, isArrayType(b) ? b.ndim : 0);
}

Type FunctionChecker::arrayBinaryResult(ast::BinaryOp op, const Operand& left, const Operand& right, Span span,
                                        std::vector<Type>& operandTypes) {
  using B = ast::BinaryOp;
  const Type& l = left.type;
  const Type& r = right.type;
  const Type& array = isArrayType(l) ? l : r;
  if ((!isArrayType(l) && !l.isScalar()) || (!isArrayType(r) && !r.isScalar())) {
    error(Kind::TypeMismatch, span,
          std::string("unsupported operand type(s) for ") + ast::spelling(op) + ": " + typeName(l) + " and " +
              typeName(r));
    return Type::unknown();
  }
  Scalar c = numpyPromote(l, r);
  Scalar result = c;
  bool bitwise = op == B::BitAnd || op == B::BitOr || op == B::BitXor;
  bool shift = op == B::LShift || op == B::RShift;
  if (op == B::Div) {
    if (!types::isFloatScalar(c)) c = Scalar::F64;
    result = c;
  } else if (c == Scalar::Bool && !bitwise) {
    error(Kind::UnsupportedConstruct, span,
          std::string("'") + ast::spelling(op) + "' on bool arrays (" + typeName(array) +
              ") is not supported in native code (NumPy gives it special meanings); use '|', '&', '^' or convert "
              "the operands to int first");
    return Type::unknown();
  } else if ((bitwise || shift) && types::isFloatScalar(c)) {
    error(Kind::TypeMismatch, span,
          std::string("'") + ast::spelling(op) + "' is not supported for float arrays (NumPy raises TypeError: ufunc "
              "not supported for the input types)");
    return Type::unknown();
  } else if (shift && c == Scalar::Bool) {
    c = result = Scalar::I64;
  }
  operandTypes = {Type::scalarOf(c)};
  return Type::arrayOf(result, elementwiseNdim(l, r), true);
}

Type FunctionChecker::arrayUnaryResult(ast::Expr& e, const Type& operand) {
  Scalar s = operand.scalar;
  if (e.unaryOp == ast::UnaryOp::Neg && s == Scalar::Bool) {
    error(Kind::UnsupportedConstruct, e.span,
          "unary '-' on a bool array is not supported (NumPy raises TypeError); use '~' or np.logical_not");
    return Type::unknown();
  }
  if (e.unaryOp == ast::UnaryOp::Invert && types::isFloatScalar(s)) {
    error(Kind::TypeMismatch, e.span, "unary '~' is not supported for float arrays (" + typeName(operand) + ")");
    return Type::unknown();
  }
  e.operandTypes = {Type::scalarOf(s)};
  return Type::arrayOf(s, operand.ndim, true);
}

Type FunctionChecker::arrayCompareResult(ast::Expr& e, const Operand& left, const Operand& right, Span span) {
  if (e.compareOps.size() != 1) {
    error(Kind::UnsupportedConstruct, span,
          "a chained comparison of arrays is ambiguous (NumPy raises ValueError); write (a < b) & (b < c)");
    return Type::unknown();
  }
  if ((!isArrayType(left.type) && !left.type.isScalar()) || (!isArrayType(right.type) && !right.type.isScalar())) {
    error(Kind::TypeMismatch, span, "comparing " + typeName(left.type) + " with " + typeName(right.type) +
                                        " is not supported in native code");
    return Type::unknown();
  }
  e.operandTypes = {Type::scalarOf(numpyPromote(left.type, right.type))};
  return Type::arrayOf(Scalar::Bool, elementwiseNdim(left.type, right.type), true);
}

// Can NumPy store a `from` result into a `to` array under `a op= b`
// (casting='same_kind') or `a[...] = b`?
static bool castsSameKind(Scalar from, Scalar to) {
  if (from == to || from == Scalar::Bool) return true;
  if (to == Scalar::Bool) return false;
  if (types::isFloatScalar(to)) return true;
  if (types::isFloatScalar(from)) return false;
  return types::isSigned(to) || !types::isSigned(from);
}

bool FunctionChecker::checkArrayStoreValue(const Type& target, const Type& value, Span span, const char* what) {
  if (value.isUnknown()) return false;
  if (!isArrayType(value) && !value.isScalar()) {
    error(Kind::TypeMismatch, span, "cannot store a value of type " + typeName(value) + " into " + typeName(target));
    return false;
  }
  if (isArrayType(value) && value.ndim > target.ndim) {
    error(Kind::UnsupportedConstruct, span,
          std::string("cannot ") + what + " a " + std::to_string(value.ndim) + "-D array into a " +
              std::to_string(target.ndim) + "-D array (" + typeName(target) +
              "): NumPy cannot broadcast it; index the value down to the target's axes");
    return false;
  }
  // A Python int or float stored into an array converts (NEP 50).
  Scalar from = isPythonScalar(value) && !isArrayType(value) ? promoteWeak(value.scalar, target.scalar) : value.scalar;
  if (!castsSameKind(from, target.scalar)) {
    error(Kind::IncompatibleAssignment, span,
          std::string("cannot ") + what + " values of type " + types::markerName(from) + " into " + typeName(target) +
              " (NumPy's casting rule 'same_kind'); convert them explicitly");
    return false;
  }
  return true;
}

void FunctionChecker::storeSubArray(ast::Expr& target, const Type& view, const Operand& value, Span valueSpan) {
  target.type = view;
  checkArrayStoreValue(view, value.type, valueSpan, "assign");
}

bool FunctionChecker::checkArrayInPlace(ast::Stmt& s, const Type& target, const Operand& value) {
  std::vector<Type> operandTypes;
  Type result = arrayBinaryResult(s.binaryOp, Operand{target, false}, value, s.span, operandTypes);
  s.operandTypes = {operandTypes.empty() ? Type::unknown() : operandTypes[0], result};
  if (result.isUnknown()) return false;
  return checkArrayStoreValue(target, result, s.span, "store");
}

}  // namespace pyxc::check
