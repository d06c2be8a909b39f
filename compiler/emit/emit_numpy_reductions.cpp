// NumPy reductions (typed by compiler/check/numpy_reductions.cpp: ref.name
// is the reduction, ref.index the axis or -1, boundArgs = {the array}),
// lowered to runtime/pyxc/numpy_reduce.h.
#include <fmt/format.h>

#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

std::string FunctionEmitter::numpyReduction(const ast::Expr& call) {
  auto args = callArguments(call);
  if (args.size() != 1 || !args[0]) return unsupported(call, "this NumPy reduction");
  const std::string& name = call.ref.name;
  const int axis = call.ref.index;
  const std::string result = types::cppName(types::Type::scalarOf(call.type.scalar));
  return sequenced({operand(*args[0], args[0]->type)}, call.type, [&](const std::vector<std::string>& v) {
    if (axis >= 0) {
      static const std::pair<const char*, const char*> kOps[] = {
          {"sum", "Sum"}, {"prod", "Prod"}, {"mean", "Mean"}, {"min", "Min"},
          {"max", "Max"}, {"argmin", "ArgMin"}, {"argmax", "ArgMax"}};
      const char* op = "Sum";
      for (const auto& [n, o] : kOps)
        if (name == n) op = o;
      return fmt::format("pyxc::rt::np::along<pyxc::rt::np::Op::{}, {}>({}, {})", op, result, v[0], axis);
    }
    if (name == "sum" || name == "prod" || name == "mean")
      return fmt::format("pyxc::rt::np::{}<{}>({})", name, result, v[0]);
    if (name == "min" || name == "max") return fmt::format("pyxc::rt::np::a{}({})", name, v[0]);
    return fmt::format("pyxc::rt::np::{}({})", name, v[0]);
  });
}

}  // namespace pyxc::emit
