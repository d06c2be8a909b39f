// Calls: other native functions (direct C++ calls), builtins, math, casts.
#include <fmt/format.h>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::RefKind;
using types::Scalar;
using types::Type;

namespace {

const Type kI64 = Type::scalarOf(Scalar::I64);
const Type kF64 = Type::scalarOf(Scalar::F64);
const Type kBool = Type::scalarOf(Scalar::Bool);

}  // namespace

std::vector<const Expr*> FunctionEmitter::callArguments(const Expr& e) const {
  if (!e.boundArgs.empty()) return e.boundArgs;
  std::vector<const Expr*> args;
  for (size_t i = 1; i < e.operands.size(); ++i) args.push_back(e.operands[i].get());
  return args;
}

std::string FunctionEmitter::call(const Expr& e) {
  switch (e.ref.kind) {
    case RefKind::NativeFunction: return nativeCall(e);
    case RefKind::MathFunction: return mathCall(e);
    case RefKind::Builtin: return builtinCall(e);
    case RefKind::ArrayConstructor: return arrayConstructor(e);
    case RefKind::ListMethod: return listMethodCall(e);
    case RefKind::NumpyAllocation: return numpyAllocation(e);
    case RefKind::NumpyUfunc: return numpyUfunc(e);
    case RefKind::NumpyReduction: return numpyReduction(e);
    case RefKind::NumpyLinalg: return numpyLinalg(e);
    case RefKind::ArrayMethod: return arrayMethod(e);
    case RefKind::PythonCall: return pythonCall(e);
    case RefKind::ScalarType: {
      auto args = callArguments(e);
      if (args.size() != 1 || !args[0]) return unsupported(e, "this cast");
      return scalarCast(*args[0], e.type);
    }
    default: return unsupported(e, "this call");
  }
}

std::string FunctionEmitter::nativeCall(const Expr& e) {
  const auto& functions = ctx_.module.functions;
  if (e.ref.index < 0 || static_cast<size_t>(e.ref.index) >= functions.size()) return unsupported(e, "this call");
  const ast::FunctionDef& callee = *functions[static_cast<size_t>(e.ref.index)];
  auto args = callArguments(e);
  std::vector<Operand> operands;
  for (size_t i = 0; i < callee.params.size(); ++i) {
    const ast::Param& param = callee.params[i];
    if (i < args.size() && args[i]) {
      operands.push_back(operand(*args[i], param.type));
      continue;
    }
    std::string fallback = defaultValueLiteral(param);
    if (fallback.empty()) return unsupported(e, "a call without a value for parameter '" + param.name + "'");
    operands.push_back(Operand{nullptr, param.type, fallback});
  }
  std::string budget;
  if (ctx_.isRecursive(callee))
    budget = ctx_.isRecursive(fn_) ? fmt::format("{} - 1", kRecursionBudget) : "pyxc::rt::kDefaultRecursionLimit";
  return sequenced(operands, callee.returnType, [&](const std::vector<std::string>& values) {
    std::string args = commaJoined(values);
    if (!budget.empty()) args += (args.empty() ? "" : ", ") + budget;
    return implName(callee.cppBaseName()) + "(" + args + ")";
  });
}

std::string FunctionEmitter::builtinCall(const Expr& e) {
  const std::string& function = e.ref.name;
  auto args = callArguments(e);
  if (auto numeric = numericBuiltinCall(e)) return *numeric;
  for (const Expr* arg : args) {
    if (!arg) return unsupported(e, function + "() with a missing argument");
  }
  if (args.size() == 1 && (args[0]->type.isList() || function == "list")) return listBuiltin(e);
  if (function == "len" && args.size() == 1) {
    const Type& t = args[0]->type;
    if (t.kind == types::TypeKind::Array) return expr(*args[0]) + ".dim(0)";
    if (t.kind == types::TypeKind::Tuple)
      return fmt::format("(static_cast<void>({}), int64_t{{{}}})", expr(*args[0]), t.elements.size());
  }
  if (function == "abs" && args.size() == 1) {
    Type operandType = e.type;
    Primitive primitive = absPrimitive(operandType, fn_.directives);
    return applyPattern(primitive, {exprAs(*args[0], operandType)}, operandType);
  }
  if ((function == "min" || function == "max") && args.size() >= 2) {
    std::vector<Operand> operands;
    for (const Expr* arg : args) operands.push_back(operand(*arg, e.type));
    return sequenced(operands, e.type, [&](const std::vector<std::string>& values) {
      return fmt::format("pyxc::rt::{}({})", function, commaJoined(values));
    });
  }
  if (function == "int" || function == "float" || function == "bool") {
    if (args.empty()) return constantLiteral(Expr(ast::ExprKind::IntLit, e.span), e.type).value_or("0");
    if (args.size() == 1) return scalarCast(*args[0], e.type);
  }
  if (function == "round" && (args.size() == 1 || args.size() == 2)) {
    const Expr& value = *args[0];
    if (args.size() == 1) {
      if (!value.type.isFloat()) return exprAs(value, e.type);
      return convertValue(fmt::format("pyxc::rt::round_half_even({})", expr(value)), kI64, e.type);
    }
    std::vector<Operand> operands{operand(value, value.type.isFloat() ? kF64 : e.type), operand(*args[1], kI64)};
    if (value.type.isFloat()) {
      std::string text = sequenced(operands, kF64, [](const std::vector<std::string>& values) {
        return fmt::format("pyxc::rt::round_ndigits({}, {})", values[0], values[1]);
      });
      return convertValue(text, kF64, e.type);
    }
    return sequenced(operands, e.type, [](const std::vector<std::string>& values) {
      return fmt::format("pyxc::rt::round_int({}, {})", values[0], values[1]);
    });
  }
  return unsupported(e, "the builtin call " + function + "()");
}

std::string FunctionEmitter::scalarCast(const Expr& value, const Type& to) {
  if (value.type.isObject()) return pythonBuiltinConversion(value, to);  // float(f(x))
  if (auto constant = constantLiteral(value, to)) return *constant;
  // overflowcheck=False: int(x) of a float truncates with no exception, as
  // Cython's cast and Numba's int() do; NaN, infinities and values out of
  // range get a meaningless but defined result (a bare static_cast would be
  // undefined behaviour for them).
  if (!fn_.directives.overflowcheck && value.type.isFloat() && to.isInteger())
    return fmt::format("pyxc::rt::float_to_int_saturating<{}>({})", types::cppName(to), expr(value));
  return convertScalar(expr(value), value.type, to, true);
}

}  // namespace pyxc::emit
