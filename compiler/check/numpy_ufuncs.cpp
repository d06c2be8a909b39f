// NumPy's elementwise functions (ufuncs, np.where, np.clip) in native code,
// on scalars and on arrays.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

// The builtin or `math` spelling of a ufunc applied to scalars, when there
// is one: what a user porting `np.sqrt(x)` on a float writes today. NumPy
// returns nan/inf with a warning where math raises (np.sqrt(-1.0)), and
// np.floor returns a float where math.floor returns an int, so the message
// names the spelling without claiming identical answers.
const char* scalarSpelling(const std::string& ufunc) {
  static const std::pair<const char*, const char*> kSpellings[] = {
      {"sqrt", "math.sqrt"},     {"exp", "math.exp"},         {"exp2", "math.exp2"},
      {"expm1", "math.expm1"},   {"log", "math.log"},         {"log2", "math.log2"},
      {"log10", "math.log10"},   {"log1p", "math.log1p"},     {"sin", "math.sin"},
      {"cos", "math.cos"},       {"tan", "math.tan"},         {"arcsin", "math.asin"},
      {"arccos", "math.acos"},   {"arctan", "math.atan"},     {"arctan2", "math.atan2"},
      {"sinh", "math.sinh"},     {"cosh", "math.cosh"},       {"tanh", "math.tanh"},
      {"arcsinh", "math.asinh"}, {"arccosh", "math.acosh"},   {"arctanh", "math.atanh"},
      {"hypot", "math.hypot"},   {"fabs", "math.fabs"},       {"floor", "math.floor"},
      {"ceil", "math.ceil"},     {"trunc", "math.trunc"},     {"cbrt", "math.cbrt"},
      {"copysign", "math.copysign"}, {"fmod", "math.fmod"},   {"isnan", "math.isnan"},
      {"isinf", "math.isinf"},   {"isfinite", "math.isfinite"}, {"degrees", "math.degrees"},
      {"radians", "math.radians"}, {"rad2deg", "math.degrees"}, {"deg2rad", "math.radians"},
      {"power", "math.pow"},     {"abs", "abs"},              {"absolute", "abs"},
      {"minimum", "min"},        {"maximum", "max"},
  };
  for (const auto& [name, spelling] : kSpellings)
    if (ufunc == name) return spelling;
  return nullptr;
}

}  // namespace

Type FunctionChecker::callNumpyUfunc(ast::Expr& call, const std::string& name, const std::string& spelled) {
  checkArgumentsOnly(call);
  bool scalars = call.operands.size() > 1 && call.keywords.empty();
  for (size_t i = 1; i < call.operands.size(); ++i)
    scalars = scalars && call.operand(i) && call.operand(i)->type.isScalar();
  const char* spelling = scalars ? scalarSpelling(name) : nullptr;
  if (spelling) {
    error(Kind::UnsupportedConstruct, call.span,
          spelled + "() of a scalar is not supported in native code; write " + std::string(spelling) + "(...)");
    return Type::unknown();
  }
  error(Kind::UnsupportedConstruct, call.span, spelled + "() is not supported in native code yet");
  return Type::unknown();
}

}  // namespace pyxc::check
