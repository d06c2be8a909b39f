// NumPy linear algebra in native code, and the
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

Type FunctionChecker::callNumpyLinalg(ast::Expr& call, const std::string& name, const std::string& spelled) {
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span, notYet(spelled, name));
  return Type::unknown();
}

Type FunctionChecker::callArrayMethod(ast::Expr& call, const Type& array) {
  const std::string& method = call.operand(0)->text;
  if (method == "copy") {
    // a.copy(): a new C-contiguous array (order='C'; NumPy's default).
    call.ref = ast::Ref{ast::RefKind::ArrayMethod, -1, method};
    bool ok = true;
    auto args = bindNumpyArgs(call, "." + method, {"order"}, 0, ok);
    if (args[0] && (args[0]->kind != ast::ExprKind::StrLit || args[0]->text != "C")) {
      error(Kind::UnsupportedConstruct, args[0]->span, ".copy() makes C-ordered arrays in native code: only order='C' is supported");
      ok = false;
    }
    call.boundArgs = {call.operand(0)->operand(0)};
    if (!ok) return Type::unknown();
    return Type::arrayOf(array.scalar, array.ndim, true);
  }
  // a.sum(), a.min(axis=0), ...: numpy_reductions.cpp.
  if (isArrayReductionMethod(method)) return checkReduction(call, method, "." + method, call.operand(0)->operand(0), true);
  checkArgumentsOnly(call);
  error(Kind::UnsupportedConstruct, call.span,
        "method calls ('." + call.operand(0)->text + "()' on " + typeName(array) +
            ") are not supported in native code");
  return Type::unknown();
}

}  // namespace pyxc::check
