// Calls of `math` functions: the table of what pyxc compiles (Python 3.11's
// math module on ints and floats) and the checks CPython makes that are
// compile-time facts here: argument counts, keywords, and which arguments
// must be integers (`math.factorial(2.0)` is a TypeError in 3.11).
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

using R = MathFunctionInfo::Result;
using A = MathFunctionInfo::Args;

const MathFunctionInfo kMathFunctions[] = {
    {"sqrt", 1, 1, R::Float},        {"exp", 1, 1, R::Float},        {"exp2", 1, 1, R::Float},
    {"expm1", 1, 1, R::Float},       {"log", 1, 2, R::Float},        {"log2", 1, 1, R::Float},
    {"log10", 1, 1, R::Float},       {"log1p", 1, 1, R::Float},      {"sin", 1, 1, R::Float},
    {"cos", 1, 1, R::Float},         {"tan", 1, 1, R::Float},        {"asin", 1, 1, R::Float},
    {"acos", 1, 1, R::Float},        {"atan", 1, 1, R::Float},       {"atan2", 2, 2, R::Float},
    {"sinh", 1, 1, R::Float},        {"cosh", 1, 1, R::Float},       {"tanh", 1, 1, R::Float},
    {"asinh", 1, 1, R::Float},       {"acosh", 1, 1, R::Float},      {"atanh", 1, 1, R::Float},
    {"cbrt", 1, 1, R::Float},        {"erf", 1, 1, R::Float},        {"erfc", 1, 1, R::Float},
    {"gamma", 1, 1, R::Float},       {"lgamma", 1, 1, R::Float},     {"degrees", 1, 1, R::Float},
    {"radians", 1, 1, R::Float},     {"hypot", 0, -1, R::Float},     {"fabs", 1, 1, R::Float},
    {"pow", 2, 2, R::Float},         {"copysign", 2, 2, R::Float},   {"fmod", 2, 2, R::Float},
    {"remainder", 2, 2, R::Float},   {"nextafter", 2, 2, R::Float},  {"ulp", 1, 1, R::Float},
    {"floor", 1, 1, R::Int},         {"ceil", 1, 1, R::Int},         {"trunc", 1, 1, R::Int},
    {"isnan", 1, 1, R::Bool},        {"isinf", 1, 1, R::Bool},       {"isfinite", 1, 1, R::Bool},
    {"isclose", 2, 2, R::Bool},      {"frexp", 1, 1, R::FloatIntPair}, {"modf", 1, 1, R::FloatPair},
    {"ldexp", 2, 2, R::Float, A::FloatThenInt},
    {"gcd", 0, -1, R::Int, A::Ints}, {"lcm", 0, -1, R::Int, A::Ints}, {"comb", 2, 2, R::Int, A::Ints},
    {"perm", 1, 2, R::Int, A::Ints}, {"factorial", 1, 1, R::Int, A::Ints}, {"isqrt", 1, 1, R::Int, A::Ints},
    {"fsum", 1, 1, R::Float, A::Array}, {"prod", 1, 1, R::Element, A::Array},
};

std::string plural(int n, const char* singular, const char* pluralForm) {
  return std::to_string(n) + " " + (n == 1 ? singular : pluralForm);
}

// CPython's argument-count messages (METH_O, _PyArg_CheckPositional, clinic).
std::string arityMessage(const MathFunctionInfo& info, const std::string& name, int count) {
  if (name == "isclose")
    return count < 2 ? "isclose() missing required argument '" + std::string(count == 0 ? "a" : "b") + "' (pos " +
                           std::to_string(count + 1) + ")"
                     : "isclose() takes exactly 2 positional arguments (" + std::to_string(count) + " given)";
  if (name == "prod") return "prod() takes exactly 1 positional argument (" + std::to_string(count) + " given)";
  if (info.minArgs == 1 && info.maxArgs == 1)
    return "math." + name + "() takes exactly one argument (" + std::to_string(count) + " given)";
  if (info.minArgs == info.maxArgs)
    return name + " expected " + std::to_string(info.minArgs) + " arguments, got " + std::to_string(count);
  if (count < info.minArgs)
    return name + " expected at least " + plural(info.minArgs, "argument", "arguments") + ", got " +
           std::to_string(count);
  return name + " expected at most " + plural(info.maxArgs, "argument", "arguments") + ", got " +
         std::to_string(count);
}

}  // namespace

const MathFunctionInfo* findMathFunction(const std::string& name) {
  for (const auto& f : kMathFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

std::string unsupportedMathMessage(const std::string& name) {
  if (name == "dist")
    return "math.dist needs sequences of coordinates, which native code does not have; "
           "write math.hypot(p0 - q0, p1 - q1, ...)";
  if (name == "sumprod")
    return "math.sumprod is new in Python 3.12; pyxc compiles Python 3.11's math module";
  return "math." + name + " is not supported in native code";
}

Type FunctionChecker::callMathFunction(ast::Expr& call, const std::string& name) {
  const MathFunctionInfo& info = *findMathFunction(name);
  call.ref = ast::Ref{ast::RefKind::MathFunction, -1, name};
  // isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): the only keywords.
  ast::Expr* tolerances[2] = {nullptr, nullptr};
  bool keywordError = false;
  if (name == "isclose") {
    for (auto& kw : call.keywords) {
      int slot = kw.name == "rel_tol" ? 0 : kw.name == "abs_tol" ? 1 : -1;
      if (kw.value) check(kw.value);
      if (slot < 0) {
        error(Kind::BadCall, kw.nameSpan, "'" + kw.name + "' is an invalid keyword argument for isclose()");
        keywordError = true;
      } else if (tolerances[slot]) {
        error(Kind::BadCall, kw.nameSpan, "isclose() got multiple values for argument '" + kw.name + "'");
        keywordError = true;
      } else if (kw.value) {
        tolerances[slot] = kw.value.get();
        if (!kw.value->type.isUnknown() && !kw.value->type.isScalar()) {
          error(Kind::TypeMismatch, kw.value->span, "isclose() needs a number here, not " + typeName(kw.value->type));
          keywordError = true;
        }
      }
    }
  } else if (name == "prod" && !call.keywords.empty()) {
    for (auto& kw : call.keywords)
      if (kw.value) check(kw.value);
    error(Kind::UnsupportedConstruct, call.keywords[0].nameSpan,
          "math.prod() with '" + call.keywords[0].name + "=' is not supported in native code; multiply the result");
    keywordError = true;
  } else {
    keywordError = rejectKeywords(call, "math." + name);
  }
  std::vector<Operand> args = checkPositionalArgs(call);
  int count = static_cast<int>(args.size());
  if (count < info.minArgs || (info.maxArgs >= 0 && count > info.maxArgs)) {
    error(Kind::BadCall, call.span, arityMessage(info, name, count));
    return Type::unknown();
  }
  for (size_t i = 1; i < call.operands.size(); ++i)
    if (!call.operand(i)) return Type::unknown();  // after a syntax error
  Type element = Type::unknown();
  if (info.args == MathFunctionInfo::Args::Array) {
    const Type& t = args[0].type;
    if (t.isUnknown()) return Type::unknown();
    if (t.kind != types::TypeKind::Array || t.ndim != 1) {
      error(Kind::UnsupportedConstruct, call.operand(1)->span,
            "math." + name + "() in native code takes a 1-D array, not " + typeName(t));
      return Type::unknown();
    }
    element = Type::scalarOf(t.scalar);
  } else if (!requireNumericArgs(call, args, "math." + name)) {
    return Type::unknown();
  }
  // Integer arguments: CPython's operator.index refuses floats.
  for (size_t i = 0; i < args.size(); ++i) {
    bool needsInt = info.args == MathFunctionInfo::Args::Ints ||
                    (info.args == MathFunctionInfo::Args::FloatThenInt && i == 1);
    if (!needsInt || !args[i].type.isFloat()) continue;
    error(Kind::TypeMismatch, call.operand(i + 1)->span,
          name == "ldexp" ? std::string("Expected an int as second argument to ldexp.")
                          : "math." + name + "() needs an integer here: 'float' object cannot be interpreted as an "
                                             "integer (write int(x) to truncate)");
    keywordError = true;
  }
  if (keywordError) return Type::unknown();
  for (size_t i = 1; i < call.operands.size(); ++i) call.boundArgs.push_back(call.operand(i));
  if (name == "isclose") {
    call.boundArgs.push_back(tolerances[0]);
    call.boundArgs.push_back(tolerances[1]);
  }
  switch (info.result) {
    case R::Int: return Type::scalarOf(Scalar::I64);
    case R::Bool: return Type::scalarOf(Scalar::Bool);
    case R::Float: return Type::scalarOf(Scalar::F64);
    case R::FloatIntPair: return Type::tupleOf({Type::scalarOf(Scalar::F64), Type::scalarOf(Scalar::I64)});
    case R::FloatPair: return Type::tupleOf({Type::scalarOf(Scalar::F64), Type::scalarOf(Scalar::F64)});
    case R::Element: return element.isFloat() ? element : Type::scalarOf(Scalar::I64);
  }
  return Type::unknown();
}

}  // namespace pyxc::check
