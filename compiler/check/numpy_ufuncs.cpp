// NumPy's elementwise functions (ufuncs, np.where, np.clip) in native code,
// on scalars and on arrays.
#include "compiler/check/checker.h"

namespace pyxc::check {

Type FunctionChecker::callNumpyUfunc(ast::Expr& call, const std::string& name, const std::string& spelled) {
  (void)name;
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, spelled + "() is not supported in native code yet");
  return Type::unknown();
}

}  // namespace pyxc::check
