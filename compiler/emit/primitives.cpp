#include "compiler/emit/primitives.h"

#include <algorithm>

#include <fmt/args.h>
#include <fmt/format.h>

namespace pyxc::emit {
namespace {

using ast::BinaryOp;
using ast::UnaryOp;
using types::Scalar;
using types::Type;

// Operand classes a row applies to (bit set).
enum OperandClass : unsigned { kInt = 1, kFloat = 2, kBool = 4 };

// Which directive setting a row needs.
enum class Needs { Always, OverflowCheck, NoOverflowCheck, PyDivision, CDivision };

struct BinaryRow {
  BinaryOp op;
  unsigned classes;
  Needs needs;
  Primitive primitive;
};

// Floats use plain IEEE operators; ints go through the runtime unless a
// directive turns the check off. `/ // %` by zero raise even for floats.
const BinaryRow kBinaryRows[] = {
    {BinaryOp::Add, kInt, Needs::OverflowCheck, {"pyxc::rt::add({0}, {1})", true, false, true}},
    {BinaryOp::Add, kInt, Needs::NoOverflowCheck, {"pyxc::rt::add_wrap({0}, {1})", false}},
    {BinaryOp::Add, kFloat, Needs::Always, {"{0} + {1}", false}},
    {BinaryOp::Sub, kInt, Needs::OverflowCheck, {"pyxc::rt::sub({0}, {1})", true, false, true}},
    {BinaryOp::Sub, kInt, Needs::NoOverflowCheck, {"pyxc::rt::sub_wrap({0}, {1})", false}},
    {BinaryOp::Sub, kFloat, Needs::Always, {"{0} - {1}", false}},
    {BinaryOp::Mul, kInt, Needs::OverflowCheck, {"pyxc::rt::mul({0}, {1})", true, false, true}},
    {BinaryOp::Mul, kInt, Needs::NoOverflowCheck, {"pyxc::rt::mul_wrap({0}, {1})", false}},
    {BinaryOp::Mul, kFloat, Needs::Always, {"{0} * {1}", false}},
    {BinaryOp::Div, kInt | kFloat, Needs::PyDivision, {"pyxc::rt::truediv({0}, {1})", true}},
    {BinaryOp::Div, kInt | kFloat, Needs::CDivision, {"pyxc::rt::truediv_c({0}, {1})", false}},
    {BinaryOp::FloorDiv, kInt, Needs::PyDivision, {"pyxc::rt::floordiv({0}, {1})", true}},
    {BinaryOp::FloorDiv, kInt, Needs::CDivision, {"pyxc::rt::floordiv_c({0}, {1})", false}},
    {BinaryOp::FloorDiv, kFloat, Needs::Always, {"pyxc::rt::floordiv({0}, {1})", true}},
    {BinaryOp::Mod, kInt, Needs::PyDivision, {"pyxc::rt::mod({0}, {1})", true}},
    {BinaryOp::Mod, kInt, Needs::CDivision, {"pyxc::rt::mod_c({0}, {1})", false}},
    {BinaryOp::Mod, kFloat, Needs::Always, {"pyxc::rt::mod({0}, {1})", true}},
    // A negative integer exponent raises even without overflow checks.
    {BinaryOp::Pow, kInt, Needs::OverflowCheck, {"pyxc::rt::ipow({0}, {1})", true}},
    {BinaryOp::Pow, kInt, Needs::NoOverflowCheck, {"pyxc::rt::ipow_wrap({0}, {1})", true}},
    {BinaryOp::Pow, kFloat, Needs::Always, {"pyxc::rt::fpow({0}, {1})", true}},
    // Shift counts: negative raises ValueError, >= bit width is defined.
    {BinaryOp::LShift, kInt, Needs::OverflowCheck, {"pyxc::rt::lshift({0}, {1})", true}},
    {BinaryOp::LShift, kInt, Needs::NoOverflowCheck, {"pyxc::rt::lshift_wrap({0}, {1})", true}},
    {BinaryOp::RShift, kInt, Needs::Always, {"pyxc::rt::rshift({0}, {1})", true}},
    {BinaryOp::BitAnd, kInt, Needs::Always, {"{0} & {1}", false, true}},
    {BinaryOp::BitOr, kInt, Needs::Always, {"{0} | {1}", false, true}},
    {BinaryOp::BitXor, kInt, Needs::Always, {"{0} ^ {1}", false, true}},
    // Bools go through int: clang's -Wbitwise-instead-of-logical reads a
    // bare `f() & g()` on bools as a mistyped `&&`, but Python's `&` must
    // evaluate both operands, so the operator is the bitwise one on purpose.
    {BinaryOp::BitAnd, kBool, Needs::Always,
     {"static_cast<bool>(static_cast<int>({0}) & static_cast<int>({1}))", false}},
    {BinaryOp::BitOr, kBool, Needs::Always,
     {"static_cast<bool>(static_cast<int>({0}) | static_cast<int>({1}))", false}},
    {BinaryOp::BitXor, kBool, Needs::Always,
     {"static_cast<bool>(static_cast<int>({0}) ^ static_cast<int>({1}))", false}},
};

struct UnaryRow {
  UnaryOp op;
  unsigned classes;
  Needs needs;
  Primitive primitive;
};

const UnaryRow kUnaryRows[] = {
    {UnaryOp::Neg, kInt, Needs::OverflowCheck, {"pyxc::rt::neg({0})", true, false, true}},
    {UnaryOp::Neg, kInt, Needs::NoOverflowCheck, {"pyxc::rt::neg_wrap({0})", false}},
    {UnaryOp::Neg, kFloat, Needs::Always, {"-{0}", false}},
    {UnaryOp::Pos, kInt | kFloat, Needs::Always, {"{0}", false}},
    {UnaryOp::Invert, kInt, Needs::Always, {"~{0}", false, true}},
};

struct MathRow {
  const char* name;
  Primitive primitive;
};

// Every math function can raise (domain/range errors) except these few.
const MathRow kMathRows[] = {
    {"sqrt", {"pyxc::rt::math::sqrt({0})", true}},
    {"exp", {"pyxc::rt::math::exp({0})", true}},
    {"log", {"pyxc::rt::math::log({0})", true}},
    {"log2", {"pyxc::rt::math::log2({0})", true}},
    {"log10", {"pyxc::rt::math::log10({0})", true}},
    {"sin", {"pyxc::rt::math::sin({0})", true}},
    {"cos", {"pyxc::rt::math::cos({0})", true}},
    {"tan", {"pyxc::rt::math::tan({0})", true}},
    {"asin", {"pyxc::rt::math::asin({0})", true}},
    {"acos", {"pyxc::rt::math::acos({0})", true}},
    {"atan", {"pyxc::rt::math::atan({0})", false}},
    {"atan2", {"pyxc::rt::math::atan2({0}, {1})", false}},
    {"hypot", {"pyxc::rt::math::hypot({0}, {1})", false}},
    {"floor", {"pyxc::rt::math::floor({0})", true}},
    {"ceil", {"pyxc::rt::math::ceil({0})", true}},
    {"fabs", {"pyxc::rt::math::fabs({0})", false}},
    {"pow", {"pyxc::rt::math::pow({0}, {1})", true}},
    {"copysign", {"pyxc::rt::math::copysign({0}, {1})", false}},
    {"isnan", {"pyxc::rt::math::isnan({0})", false}},
    {"isinf", {"pyxc::rt::math::isinf({0})", false}},
    {"isfinite", {"pyxc::rt::math::isfinite({0})", false}},
    {"exp2", {"pyxc::rt::math::exp2({0})", true}},
    {"expm1", {"pyxc::rt::math::expm1({0})", true}},
    {"log1p", {"pyxc::rt::math::log1p({0})", true}},
    {"sinh", {"pyxc::rt::math::sinh({0})", true}},
    {"cosh", {"pyxc::rt::math::cosh({0})", true}},
    {"tanh", {"pyxc::rt::math::tanh({0})", true}},
    {"asinh", {"pyxc::rt::math::asinh({0})", true}},
    {"acosh", {"pyxc::rt::math::acosh({0})", true}},
    {"atanh", {"pyxc::rt::math::atanh({0})", true}},
    {"cbrt", {"pyxc::rt::math::cbrt({0})", true}},
    {"gamma", {"pyxc::rt::math::gamma({0})", true}},
    {"lgamma", {"pyxc::rt::math::lgamma({0})", true}},
    {"erf", {"pyxc::rt::math::erf({0})", false}},
    {"erfc", {"pyxc::rt::math::erfc({0})", false}},
    {"degrees", {"pyxc::rt::math::degrees({0})", false}},
    {"radians", {"pyxc::rt::math::radians({0})", false}},
    {"ulp", {"pyxc::rt::math::ulp({0})", false}},
    {"fmod", {"pyxc::rt::math::fmod({0}, {1})", true}},
    {"remainder", {"pyxc::rt::math::remainder({0}, {1})", true}},
    {"nextafter", {"pyxc::rt::math::nextafter({0}, {1})", false}},
    // Spelled by emit_math.cpp (variadic, integer or tuple results); listed for their effects.
    {"frexp", {"", false}},
    {"modf", {"", false}},
    {"isclose", {"", true}},
    {"ldexp", {"", true}},
    {"trunc", {"", true}},
    {"gcd", {"", true}},
    {"lcm", {"", true}},
    {"comb", {"", true}},
    {"perm", {"", true}},
    {"factorial", {"", true}},
    {"isqrt", {"", true}},
    {"fsum", {"", true}},
    {"prod", {"", true}},
};

unsigned classOf(const Type& type) {
  if (type.isBool()) return kBool;
  if (type.isFloat()) return kFloat;
  if (type.isInteger()) return kInt;
  return 0;
}

bool directivesAllow(Needs needs, const ast::Directives& d) {
  switch (needs) {
    case Needs::Always: return true;
    case Needs::OverflowCheck: return d.overflowcheck;
    case Needs::NoOverflowCheck: return !d.overflowcheck;
    case Needs::PyDivision: return !d.cdivision;
    case Needs::CDivision: return d.cdivision;
  }
  return false;
}

bool narrowerThanInt(const Type& type) {
  return type.isBool() || (type.isInteger() && types::bitWidth(type.scalar) < 32);
}

}  // namespace

std::optional<Primitive> binaryPrimitive(BinaryOp op, const Type& operandType, const ast::Directives& directives) {
  unsigned cls = classOf(operandType);
  for (const BinaryRow& row : kBinaryRows) {
    if (row.op == op && (row.classes & cls) && directivesAllow(row.needs, directives)) return row.primitive;
  }
  return std::nullopt;
}

std::optional<Primitive> unaryPrimitive(UnaryOp op, const Type& operandType, const ast::Directives& directives) {
  unsigned cls = classOf(operandType);
  for (const UnaryRow& row : kUnaryRows) {
    if (row.op == op && (row.classes & cls) && directivesAllow(row.needs, directives)) return row.primitive;
  }
  return std::nullopt;
}

std::optional<Primitive> provenBinaryPrimitive(BinaryOp op, const Type& operandType, const Interval& left,
                                               const Interval& right, const ast::Directives& directives) {
  if (!operandType.isInteger()) return std::nullopt;
  bool arithmetic = op == BinaryOp::Add || op == BinaryOp::Sub || op == BinaryOp::Mul;
  if (arithmetic && directives.overflowcheck) {
    auto result = exactBinary(op, left, right);
    if (!result || !fitsType(*result, operandType)) return std::nullopt;
    ast::Directives unchecked = directives;
    unchecked.overflowcheck = false;
    return binaryPrimitive(op, operandType, unchecked);
  }
  bool division = op == BinaryOp::FloorDiv || op == BinaryOp::Mod;
  if (division && !directives.cdivision && left.lo >= 0 && right.lo >= 1) {
    return Primitive{op == BinaryOp::Mod ? "pyxc::rt::mod_nonneg({0}, {1})" : "pyxc::rt::floordiv_nonneg({0}, {1})",
                     false};
  }
  return std::nullopt;
}

std::optional<Primitive> provenUnaryPrimitive(UnaryOp op, const Type& operandType, const Interval& operand,
                                              const ast::Directives& directives) {
  auto all = typeInterval(operandType);
  if (op != UnaryOp::Neg || !directives.overflowcheck || !operandType.isInteger() || !all) return std::nullopt;
  // -x overflows only for the type's minimum (and any x > 0 of an unsigned type).
  bool fits = types::isSigned(operandType.scalar) ? operand.lo > all->lo : operand.hi == 0;
  if (!fits) return std::nullopt;
  ast::Directives unchecked = directives;
  unchecked.overflowcheck = false;
  return unaryPrimitive(op, operandType, unchecked);
}

const char* comparePattern(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::Lt: return "{0} < {1}";
    case ast::CompareOp::LtE: return "{0} <= {1}";
    case ast::CompareOp::Gt: return "{0} > {1}";
    case ast::CompareOp::GtE: return "{0} >= {1}";
    case ast::CompareOp::Eq: return "{0} == {1}";
    case ast::CompareOp::NotEq: return "{0} != {1}";
    default: return nullptr;  // is / in: not in pyxc's scalar subset
  }
}

std::optional<Primitive> mathFunction(std::string_view name) {
  for (const MathRow& row : kMathRows) {
    if (name == row.name) return row.primitive;
  }
  return std::nullopt;
}

std::optional<std::string> mathConstant(std::string_view name) {
  if (name == "pi" || name == "e" || name == "inf" || name == "nan") {
    return "pyxc::rt::math::" + std::string(name);
  }
  if (name == "tau") return std::string("(2.0 * pyxc::rt::math::pi)");
  return std::nullopt;
}

Primitive absPrimitive(const Type& operandType, const ast::Directives& directives) {
  if (operandType.isFloat()) return {"pyxc::rt::abs({0})", false};
  if (directives.overflowcheck) return {"pyxc::rt::abs({0})", true, false, true};
  return {"pyxc::rt::abs_wrap({0})", false};
}

std::string convertScalar(const std::string& value, const Type& from, const Type& to, bool explicitCast) {
  if (from == to || !to.isScalar() || !from.isScalar()) return value;
  std::string target = types::cppName(to);
  if (to.isBool()) return truthiness(value, from);
  // f64 -> f32 of a value beyond f32's range is undefined behaviour as a
  // cast; the runtime rounds it to ±inf as NumPy does. Ints always fit.
  if (to.isScalar(Scalar::F32) && from.isFloat()) return fmt::format("pyxc::rt::to_f32({})", value);
  if (to.isFloat()) return fmt::format("static_cast<{}>({})", target, value);
  // to is an integer type.
  if (from.isFloat()) return fmt::format("pyxc::rt::float_to_int<{}>({})", target, value);
  if (from.isBool()) return fmt::format("static_cast<{}>({})", target, value);
  bool widening = types::isSigned(from.scalar) == types::isSigned(to.scalar)
                      ? types::bitWidth(to.scalar) >= types::bitWidth(from.scalar)
                      : (!types::isSigned(from.scalar) && types::bitWidth(to.scalar) > types::bitWidth(from.scalar));
  if (widening) return fmt::format("static_cast<{}>({})", target, value);
  // A narrowing the checker allowed (or an explicit i32(x)): Python's value
  // must fit, or it is an OverflowError, never a silent wrap.
  (void)explicitCast;
  return fmt::format("pyxc::rt::int_cast<{}>({})", target, value);
}

std::string convertValue(const std::string& value, const Type& from, const Type& to) {
  if (from == to || to.isUnknown() || from.isUnknown()) return value;
  if (to.kind == types::TypeKind::Tuple && from.kind == types::TypeKind::Tuple &&
      from.elements.size() == to.elements.size()) {
    // Element by element, with each element's conversion rule (an int that
    // narrows is checked); the value is evaluated once.
    std::vector<std::string> elements;
    for (size_t i = 0; i < to.elements.size(); ++i)
      elements.push_back(convertValue(fmt::format("std::get<{}>(pyxc_tuple)", i), from.elements[i], to.elements[i]));
    std::string joined;
    for (size_t i = 0; i < elements.size(); ++i) joined += (i ? ", " : "") + elements[i];
    return fmt::format("[&](const auto& pyxc_tuple) {{ return {}{{{}}}; }}({})", types::cppName(to), joined, value);
  }
  if (to.kind == types::TypeKind::Tuple) return fmt::format("{}({})", types::cppName(to), value);
  if (to.isList()) return value;  // a list keeps its type; new ones are built in their target type
  // Arrays only convert from contiguous to strided (check allows no other).
  if (to.kind == types::TypeKind::Array) return fmt::format("pyxc::rt::as_strided({})", value);
  return convertScalar(value, from, to, false);
}

Type numericJoin(const Type& a, const Type& b) {
  if (!a.isScalar() || !b.isScalar()) return a.isUnknown() ? b : a;
  if (a == b) return a;
  if (a.isFloat() || b.isFloat()) {
    if (a.isFloat() && b.isFloat()) return Type::scalarOf(Scalar::F64);
    const Type& other = a.isFloat() ? b : a;
    const Type& floating = a.isFloat() ? a : b;
    if (floating.isScalar(Scalar::F32) && (other.isBool() || types::bitWidth(other.scalar) <= 16)) return floating;
    return Type::scalarOf(Scalar::F64);
  }
  if (a.isBool()) return b;
  if (b.isBool()) return a;
  int wa = types::bitWidth(a.scalar), wb = types::bitWidth(b.scalar);
  if (types::isSigned(a.scalar) == types::isSigned(b.scalar)) return wa >= wb ? a : b;
  int signedWidth = types::isSigned(a.scalar) ? wa : wb;
  int unsignedWidth = types::isSigned(a.scalar) ? wb : wa;
  int width = std::max(signedWidth, 2 * unsignedWidth);
  switch (width) {
    case 8: return Type::scalarOf(Scalar::I8);
    case 16: return Type::scalarOf(Scalar::I16);
    case 32: return Type::scalarOf(Scalar::I32);
    default: return Type::scalarOf(Scalar::I64);
  }
}

Type arithmeticOperandType(BinaryOp op, const Type& a, const Type& b) {
  Type joined = numericJoin(a, b);
  bool bitwise = op == BinaryOp::BitAnd || op == BinaryOp::BitOr || op == BinaryOp::BitXor;
  if (joined.isBool() && !bitwise) return Type::scalarOf(Scalar::I64);
  return joined;
}

Type binaryResultType(BinaryOp op, const Type& operandType) {
  if (op == BinaryOp::Div && !operandType.isFloat()) return Type::scalarOf(Scalar::F64);
  return operandType;
}

std::string applyPattern(const Primitive& primitive, const std::vector<std::string>& operands,
                         const Type& operandType) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const std::string& operand : operands) args.push_back(operand);
  args.push_back(fmt::arg("T", types::cppName(operandType)));
  std::string text = fmt::vformat(primitive.pattern, args);
  // Infix and prefix patterns get parentheses so the result is a primary
  // expression that embeds anywhere.
  char first = primitive.pattern[0];
  bool isCall = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  if (!isCall && std::string_view(primitive.pattern) != "{0}") text = "(" + text + ")";
  if (primitive.castBack && narrowerThanInt(operandType)) {
    return fmt::format("static_cast<{}>{}", types::cppName(operandType), text);
  }
  return text;
}

std::string truthiness(const std::string& value, const Type& type) {
  if (type.isBool()) return value;
  if (type.isList()) return fmt::format("({}.size() != 0)", value);
  return fmt::format("({} != 0)", value);
}

const char* exceptionKind(std::string_view name) {
  static const char* const kKinds[] = {
      "ValueError", "TypeError", "IndexError", "KeyError", "ZeroDivisionError", "OverflowError",
      "ArithmeticError", "AssertionError", "RuntimeError", "NotImplementedError",
      "UnboundLocalError", "MemoryError",
  };
  for (const char* kind : kKinds) {
    if (name == kind) return kind;
  }
  return nullptr;
}

std::string joinTexts(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string commaJoined(const std::vector<std::string>& parts) { return joinTexts(parts, ", "); }

}  // namespace pyxc::emit
