// NumPy's elementwise functions (typed by compiler/check/numpy_ufuncs.cpp).
#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

std::string FunctionEmitter::numpyUfunc(const ast::Expr& call) { return unsupported(call, "this NumPy call"); }

}  // namespace pyxc::emit
