// NumPy allocation, reductions and linear algebra, and array methods
// (typed by compiler/check/numpy_arrays.cpp).
#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

std::string FunctionEmitter::numpyAllocation(const ast::Expr& call) { return unsupported(call, "this NumPy call"); }
std::string FunctionEmitter::numpyReduction(const ast::Expr& call) { return unsupported(call, "this NumPy call"); }
std::string FunctionEmitter::numpyLinalg(const ast::Expr& call) { return unsupported(call, "this NumPy call"); }
std::string FunctionEmitter::arrayMethod(const ast::Expr& call) { return unsupported(call, "this array method"); }

}  // namespace pyxc::emit
