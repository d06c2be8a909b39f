// The methods of array values (a.copy(); the reductions a.sum() ... go to
// numpy_reductions.cpp).
#include "compiler/check/checker.h"

namespace pyxc::check {

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
