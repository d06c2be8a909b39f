// NumPy allocation, reductions and linear algebra in native code, and the
// methods of array values.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

// Not yet compiled: names the supported spelling where there is one.
std::string notYet(const std::string& spelled, const std::string& name) {
  std::string message = spelled + "() is not supported in native code yet";
  if (name == "empty" || name == "zeros") message += "; use pyxc." + name + "(shape, dtype)";
  return message;
}

}  // namespace

Type FunctionChecker::callNumpyAllocation(ast::Expr& call, const std::string& name, const std::string& spelled) {
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, notYet(spelled, name));
  return Type::unknown();
}

Type FunctionChecker::callNumpyReduction(ast::Expr& call, const std::string& name, const std::string& spelled) {
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, notYet(spelled, name));
  return Type::unknown();
}

Type FunctionChecker::callNumpyLinalg(ast::Expr& call, const std::string& name, const std::string& spelled) {
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, notYet(spelled, name));
  return Type::unknown();
}

Type FunctionChecker::callArrayMethod(ast::Expr& call, const Type& array) {
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span,
        "method calls ('." + call.operand(0)->text + "()' on " + typeName(array) +
            ") are not supported in native code");
  return Type::unknown();
}

}  // namespace pyxc::check
