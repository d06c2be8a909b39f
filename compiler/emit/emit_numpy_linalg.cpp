// np.dot / np.matmul calls and the `@` operator (typed by
// compiler/check/numpy_linalg.cpp): one call of pyxc::rt::np::dot<R>
// (runtime/pyxc/numpy_linalg.h), R being the result's element type.
#include <fmt/format.h>

#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

std::string FunctionEmitter::linalgCall(const ast::Expr& e, const ast::Expr* a, const ast::Expr* b, bool matmul) {
  if (!a || !b || e.type.isUnknown()) return unsupported(e, "this np.dot() call");
  const types::Scalar r = e.type.scalar;
  const std::string element = types::cppName(types::Type::scalarOf(r));
  return sequenced({operand(*a, a->type), operand(*b, b->type)}, e.type, [&](const std::vector<std::string>& v) {
    return std::string(fmt::format("pyxc::rt::np::dot<{}>({}, {}, {})", element, v[0], v[1], matmul));
  });
}

std::string FunctionEmitter::numpyLinalg(const ast::Expr& call) {
  auto args = callArguments(call);
  if (args.size() != 2) return unsupported(call, "this NumPy call");
  return linalgCall(call, args[0], args[1], call.ref.name == "matmul");
}

std::string FunctionEmitter::matmulOperator(const ast::Expr& e) {
  return linalgCall(e, e.operand(0), e.operand(1), true);
}

}  // namespace pyxc::emit
