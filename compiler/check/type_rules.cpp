#include "compiler/check/type_rules.h"

#include <algorithm>
#include <cstdlib>

namespace pyxc::check {

bool isWeakLiteral(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::IntLit || e.kind == ast::ExprKind::FloatLit) return true;
  if (e.kind == ast::ExprKind::Unary && (e.unaryOp == ast::UnaryOp::Neg || e.unaryOp == ast::UnaryOp::Pos) &&
      e.operand(0))
    return isWeakLiteral(*e.operand(0));
  return false;
}

std::optional<long double> intLiteralValue(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::IntLit)
    return e.intOverflow ? std::strtold(e.text.c_str(), nullptr) : static_cast<long double>(e.intValue);
  if (e.kind == ast::ExprKind::Unary && (e.unaryOp == ast::UnaryOp::Neg || e.unaryOp == ast::UnaryOp::Pos) &&
      e.operand(0)) {
    auto inner = intLiteralValue(*e.operand(0));
    if (inner && e.unaryOp == ast::UnaryOp::Neg) return -*inner;
    return inner;
  }
  return std::nullopt;
}

bool integerFits(long double v, Scalar s) {
  long double min = -9223372036854775808.0L, max = 9223372036854775807.0L;
  switch (s) {
    case Scalar::I8: min = -128.0L; max = 127.0L; break;
    case Scalar::I16: min = -32768.0L; max = 32767.0L; break;
    case Scalar::I32: min = -2147483648.0L; max = 2147483647.0L; break;
    case Scalar::U8: min = 0; max = 255.0L; break;
    case Scalar::U16: min = 0; max = 65535.0L; break;
    case Scalar::U32: min = 0; max = 4294967295.0L; break;
    case Scalar::U64: min = 0; max = 18446744073709551615.0L; break;
    default: break;
  }
  return v >= min && v <= max;
}

Type boolAsInt(const Type& t) { return t.isBool() ? Type::scalarOf(Scalar::I64) : t; }

static Scalar signedOfWidth(int bits) {
  if (bits <= 8) return Scalar::I8;
  if (bits <= 16) return Scalar::I16;
  if (bits <= 32) return Scalar::I32;
  return Scalar::I64;
}

static Scalar unsignedOfWidth(int bits) {
  if (bits <= 8) return Scalar::U8;
  if (bits <= 16) return Scalar::U16;
  if (bits <= 32) return Scalar::U32;
  return Scalar::U64;
}

static Scalar joinScalars(Scalar a, Scalar b) {
  if (a == b) return a;
  if (a == Scalar::Bool) return b;
  if (b == Scalar::Bool) return a;
  bool aFloat = types::isFloatScalar(a), bFloat = types::isFloatScalar(b);
  if (aFloat && bFloat) return types::bitWidth(a) >= types::bitWidth(b) ? a : b;
  if (aFloat || bFloat) {
    Scalar f = aFloat ? a : b, i = aFloat ? b : a;
    if (f == Scalar::F64) return Scalar::F64;
    // NumPy: f32 holds ints of up to 16 bits exactly; wider ints need f64.
    return types::bitWidth(i) <= 16 ? Scalar::F32 : Scalar::F64;
  }
  bool aSigned = types::isSigned(a), bSigned = types::isSigned(b);
  int aBits = types::bitWidth(a), bBits = types::bitWidth(b);
  if (aSigned == bSigned) {
    int bits = std::max(aBits, bBits);
    return aSigned ? signedOfWidth(bits) : unsignedOfWidth(bits);
  }
  // Signed with unsigned: the smallest signed type holding both, at most i64.
  int signedBits = aSigned ? aBits : bBits, unsignedBits = aSigned ? bBits : aBits;
  return signedOfWidth(std::max(signedBits, 2 * unsignedBits));
}

std::optional<Type> join(const Type& a, const Type& b) {
  if (a.isUnknown()) return b;
  if (b.isUnknown()) return a;
  if (a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case types::TypeKind::Scalar:
      return Type::scalarOf(joinScalars(a.scalar, b.scalar));
    case types::TypeKind::Tuple: {
      if (a.elements.size() != b.elements.size()) return std::nullopt;
      std::vector<Type> elements;
      for (size_t i = 0; i < a.elements.size(); ++i) {
        auto e = join(a.elements[i], b.elements[i]);
        if (!e) return std::nullopt;
        elements.push_back(*e);
      }
      return Type::tupleOf(std::move(elements));
    }
    case types::TypeKind::List: {
      auto element = join(a.listElement(), b.listElement());
      if (!element) return std::nullopt;
      return Type::listOf(*element);
    }
    case types::TypeKind::Void:
    case types::TypeKind::Object:
      return a;
    case types::TypeKind::Array:
      if (a == b) return a;
      if (a.scalar == b.scalar && a.ndim == b.ndim) return Type::arrayOf(a.scalar, a.ndim, false);
      return std::nullopt;
    case types::TypeKind::Unknown:
      return b;
  }
  return std::nullopt;
}

// A weak literal next to a strong operand: the literal's kind decides
// whether the strong type can absorb it.
// A literal the strong type cannot hold (`x < 300` for a u8 x) joins as a
// plain int instead, so that the comparison or arithmetic stays exact.
static Type absorbWeak(const Operand& weak, const Type& strong) {
  if (weak.type.isFloat()) return strong.isFloat() ? strong : Type::scalarOf(Scalar::F64);
  if (weak.type.isInteger()) {
    if (strong.isBool()) return Type::scalarOf(Scalar::I64);
    if (strong.isInteger() && weak.intValue && !integerFits(*weak.intValue, strong.scalar))
      return *join(Type::scalarOf(Scalar::I64), strong);
    return strong;
  }
  return *join(weak.type, strong);
}

std::optional<Type> joinOperands(const Operand& a, const Operand& b) {
  if (a.type.isUnknown() || b.type.isUnknown()) return Type::unknown();
  if (!a.type.isScalar() || !b.type.isScalar()) return std::nullopt;
  if (a.weak && !b.weak) return absorbWeak(a, b.type);
  if (b.weak && !a.weak) return absorbWeak(b, a.type);
  return join(a.type, b.type);
}

bool isAssignable(const Operand& from, const Type& to) {
  const Type& t = from.type;
  if (t.isUnknown() || to.isUnknown()) return true;
  switch (to.kind) {
    case types::TypeKind::Scalar:
      if (!t.isScalar()) return false;
      if (to.isBool()) return t.isBool();
      if (to.isInteger()) return t.isInteger() || t.isBool();
      return true;  // floats accept every number
    case types::TypeKind::Tuple: {
      if (t.kind != types::TypeKind::Tuple || t.elements.size() != to.elements.size()) return false;
      for (size_t i = 0; i < t.elements.size(); ++i)
        if (!isAssignable(Operand{t.elements[i], false}, to.elements[i])) return false;
      return true;
    }
    case types::TypeKind::Array:
      return t.kind == types::TypeKind::Array && t.scalar == to.scalar && t.ndim == to.ndim &&
             (t.contiguous || !to.contiguous);
    case types::TypeKind::List: {
      // A list is shared, so it keeps its element type; only a new list
      // (a display or comprehension: weak) converts its elements.
      if (!t.isList()) return false;
      const Type source = t.listElement(), into = to.listElement();
      return source.isUnknown() || into.isUnknown() || source == into ||
             (from.weak && isAssignable(Operand{source, false}, into));
    }
    case types::TypeKind::Void:
      return t.kind == types::TypeKind::Void;
    case types::TypeKind::Object:
      return t.isObject();
    case types::TypeKind::Unknown:
      return true;
  }
  return false;
}

bool isComplete(const Type& t) {
  if (t.isUnknown()) return false;
  for (const auto& element : t.elements)
    if (!isComplete(element)) return false;
  return true;
}

std::string typeName(const Type& t) { return types::pythonName(t); }

std::optional<Scalar> scalarFromMarker(const std::string& name) {
  static const std::pair<const char*, Scalar> kMarkers[] = {
      {"i8", Scalar::I8},   {"i16", Scalar::I16}, {"i32", Scalar::I32}, {"i64", Scalar::I64},
      {"u8", Scalar::U8},   {"u16", Scalar::U16}, {"u32", Scalar::U32}, {"u64", Scalar::U64},
      {"f32", Scalar::F32}, {"f64", Scalar::F64},
  };
  for (const auto& [marker, scalar] : kMarkers)
    if (name == marker) return scalar;
  return std::nullopt;
}

}  // namespace pyxc::check
