// `math` calls and the numeric builtins numeric_builtins.cpp checks (sum,
// divmod, pow, min/max of an array, float("inf")): which runtime function
// each becomes (runtime/pyxc/pymath.h, math_*.h, numeric_builtins.h) and
// what its operands are converted to. Operands are evaluated left to right
// (sequenced), so the first domain error is CPython's.
#include <cmath>

#include <fmt/format.h>

#include "compiler/common/float_strings.h"
#include "compiler/emit/cpp_text.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using types::Scalar;
using types::Type;

namespace {

const Type kI64 = Type::scalarOf(Scalar::I64);
const Type kF64 = Type::scalarOf(Scalar::F64);
const Type kBool = Type::scalarOf(Scalar::Bool);

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

bool takesInts(const std::string& f) {
  return f == "gcd" || f == "lcm" || f == "comb" || f == "perm" || f == "factorial" || f == "isqrt";
}

}  // namespace

std::string FunctionEmitter::mathCall(const Expr& e) {
  const std::string& function = e.ref.name;
  auto args = callArguments(e);
  if (function == "isclose") {
    // a, b, rel_tol, abs_tol (null: the default)
    if (args.size() != 4 || !args[0] || !args[1]) return unsupported(e, "math.isclose");
    std::vector<Operand> operands{operand(*args[0], kF64), operand(*args[1], kF64)};
    operands.push_back(args[2] ? operand(*args[2], kF64) : Operand{nullptr, kF64, "1e-09"});
    operands.push_back(args[3] ? operand(*args[3], kF64) : Operand{nullptr, kF64, "0.0"});
    return sequenced(operands, kBool, [](const std::vector<std::string>& v) {
      return fmt::format("pyxc::rt::math::isclose({})", joined(v));
    });
  }
  for (const Expr* arg : args)
    if (!arg) return unsupported(e, "math." + function + " without an argument");
  if (function == "fsum" || function == "prod") {
    if (args.size() != 1) return unsupported(e, "math." + function);
    std::string array = expr(*args[0]);
    if (function == "fsum") return fmt::format("pyxc::rt::math::fsum({})", array);
    return fmt::format("pyxc::rt::math::prod<{}>({})", types::cppName(e.type), array);
  }
  bool variadic = function == "hypot" || function == "gcd" || function == "lcm";
  bool integerRounding = function == "floor" || function == "ceil" || function == "trunc";
  if (variadic || takesInts(function) || function == "ldexp" || function == "frexp" || function == "modf" ||
      function == "trunc") {
    std::vector<Operand> operands;
    for (size_t i = 0; i < args.size(); ++i) {
      const Expr& arg = *args[i];
      bool intOperand = takesInts(function) || (function == "ldexp" && i == 1) ||
                        (function == "trunc" && (arg.type.isInteger() || arg.type.isBool()));
      operands.push_back(operand(arg, intOperand ? kI64 : kF64));
    }
    Type resultType = integerRounding || takesInts(function) ? kI64 : e.type;
    if (function == "hypot" || function == "ldexp") resultType = kF64;
    std::string text = sequenced(operands, resultType, [&](const std::vector<std::string>& v) {
      return fmt::format("pyxc::rt::math::{}({})", function, joined(v));
    });
    return convertValue(text, resultType, e.type);
  }
  auto primitive = mathFunction(function);
  if (!primitive) return unsupported(e, "math." + function);
  std::vector<Operand> operands;
  for (const Expr* arg : args) {
    // floor/ceil of an int is the int itself (no float round trip).
    bool keepInt = integerRounding && (arg->type.isInteger() || arg->type.isBool());
    operands.push_back(operand(*arg, keepInt ? kI64 : kF64));
  }
  Primitive chosen = *primitive;
  if (function == "log" && args.size() == 2) chosen.pattern = "pyxc::rt::math::log({0}, {1})";
  Type resultType = integerRounding ? kI64 : kF64;
  if (function == "isnan" || function == "isinf" || function == "isfinite") resultType = kBool;
  std::string text = sequenced(operands, resultType, [&](const std::vector<std::string>& values) {
    return applyPattern(chosen, values, resultType);
  });
  return convertValue(text, resultType, e.type);
}

std::optional<std::string> FunctionEmitter::numericBuiltinCall(const Expr& e) {
  const std::string& function = e.ref.name;
  auto args = callArguments(e);
  if (function == "float" && args.size() == 1 && args[0] && args[0]->kind == ast::ExprKind::StrLit) {
    auto value = parsePythonFloat(args[0]->text);
    if (!value) return unsupported(e, "float() of this string");
    std::string text = floatLiteral(*value, kF64);
    return std::isnan(*value) && std::signbit(*value) ? "(-" + text + ")" : text;
  }
  if (function == "sum" && args.size() == 2 && args[0]) {
    const Expr& iterable = *args[0];
    std::string result = types::cppName(e.type);
    if (iterable.ref.kind == ast::RefKind::Builtin && iterable.ref.name == "range") {
      auto bounds = callArguments(iterable);
      std::vector<Operand> operands;
      for (const Expr* bound : bounds) {
        if (!bound) return unsupported(e, "sum() of this range");
        operands.push_back(operand(*bound, kI64));
      }
      if (operands.size() == 1) operands.insert(operands.begin(), Operand{nullptr, kI64, "int64_t{0}"});
      if (operands.size() == 2) operands.push_back(Operand{nullptr, kI64, "int64_t{1}"});
      operands.push_back(args[1] ? operand(*args[1], kI64) : Operand{nullptr, kI64, "int64_t{0}"});
      std::string text = sequenced(operands, kI64, [](const std::vector<std::string>& v) {
        return fmt::format("pyxc::rt::sum_range({})", joined(v));
      });
      return convertValue(text, kI64, e.type);
    }
    std::vector<Operand> operands{operand(iterable, iterable.type)};
    operands.push_back(args[1] ? operand(*args[1], e.type) : Operand{nullptr, e.type, literal0(e.type)});
    return sequenced(operands, e.type, [&](const std::vector<std::string>& v) {
      return fmt::format("pyxc::rt::sum_array<{}>({})", result, joined(v));
    });
  }
  if ((function == "min" || function == "max") && args.size() == 2 && args[0] &&
      args[0]->type.kind == types::TypeKind::Array) {
    if (!args[1]) return fmt::format("pyxc::rt::{}_array({})", function, expr(*args[0]));
    std::vector<Operand> operands{operand(*args[0], args[0]->type), operand(*args[1], e.type)};
    return sequenced(operands, e.type, [&](const std::vector<std::string>& v) {
      return fmt::format("pyxc::rt::{}_array_or<{}>({})", function, types::cppName(e.type), joined(v));
    });
  }
  if (function == "divmod" && args.size() == 2 && args[0] && args[1] && !e.operandTypes.empty()) {
    Type t = e.operandTypes[0];
    return sequenced({operand(*args[0], t), operand(*args[1], t)}, e.type, [](const std::vector<std::string>& v) {
      return fmt::format("pyxc::rt::divmod({})", joined(v));
    });
  }
  if (function == "pow" && (args.size() == 2 || args.size() == 3) && !e.operandTypes.empty()) {
    for (const Expr* arg : args)
      if (!arg) return unsupported(e, "pow() with a missing argument");
    Type t = e.operandTypes[0];
    std::vector<Operand> operands;
    for (const Expr* arg : args) operands.push_back(operand(*arg, t));
    if (args.size() == 3)
      return sequenced(operands, kI64, [](const std::vector<std::string>& v) {
        return fmt::format("pyxc::rt::pow_mod({})", joined(v));
      });
    auto primitive = binaryPrimitive(ast::BinaryOp::Pow, t, fn_.directives);
    if (!primitive) return unsupported(e, "pow() of these types");
    Type resultType = binaryResultType(ast::BinaryOp::Pow, t);
    std::string text = sequenced(operands, resultType, [&](const std::vector<std::string>& v) {
      return applyPattern(*primitive, v, t);
    });
    return convertValue(text, resultType, e.type);
  }
  return std::nullopt;
}

std::string FunctionEmitter::literal0(const Type& type) {
  return type.isFloat() ? floatLiteral(0.0, type) : fmt::format("{}{{0}}", types::cppName(type));
}

}  // namespace pyxc::emit
