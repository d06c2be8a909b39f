// NumPy allocation and linear algebra, and array methods
// (typed by compiler/check/numpy_alloc.cpp and numpy_arrays.cpp; the
// argument layout of each call is documented there).
#include <fmt/format.h>

#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

std::string FunctionEmitter::numpyAllocation(const ast::Expr& call) {
  const std::string& name = call.ref.name;
  const types::Type& array = call.type;
  const std::string cpp = types::cppName(array);
  const types::Type element = types::Type::scalarOf(array.scalar);
  auto args = callArguments(call);
  for (const ast::Expr* a : args)
    if (!a && name != "arange" && name != "linspace") return unsupported(call, "np." + name + "() here");
  const types::Type i64 = types::Type::scalarOf(types::Scalar::I64);
  if (name == "zeros" || name == "empty" || name == "ones" || name == "full") {
    bool isFull = name == "full";
    size_t dimCount = args.size() - (isFull ? 1 : 0);
    bool tupleShape = dimCount == 1 && args[0]->type.kind == types::TypeKind::Tuple;
    std::vector<Operand> operands;
    for (size_t i = 0; i < dimCount; ++i) operands.push_back(tupleShape ? operand(*args[i], args[i]->type) : operand(*args[i], i64));
    if (isFull) operands.push_back(operand(*args.back(), element));
    bool zeroed = name == "zeros";
    return sequenced(operands, array, [&](const std::vector<std::string>& v) {
      std::vector<std::string> dims(v.begin(), v.begin() + static_cast<long>(dimCount));
      std::string made = tupleShape ? fmt::format("pyxc::rt::np::allocate_shape<{}>({}, {})", cpp, dims[0], zeroed)
                                    : fmt::format("pyxc::rt::np::allocate<{}>({}, {})", cpp, zeroed, commaJoined(dims));
      if (name == "ones") return fmt::format("pyxc::rt::np::filled({}, 1)", made);
      if (isFull) return fmt::format("pyxc::rt::np::filled({}, {})", made, v.back());
      return made;
    });
  }
  if (name.ends_with("_like") || name == "copy" || name == "array") {
    std::vector<Operand> operands{operand(*args[0], args[0]->type)};
    if (name == "full_like") operands.push_back(operand(*args[1], element));
    return sequenced(operands, array, [&](const std::vector<std::string>& v) {
      if (name == "copy" || name == "array") return fmt::format("pyxc::rt::np::copy<{}>({})", cpp, v[0]);
      std::string made = fmt::format("pyxc::rt::np::like<{}>({}, {})", cpp, v[0], name == "zeros_like");
      if (name == "ones_like") return fmt::format("pyxc::rt::np::filled({}, 1)", made);
      if (name == "full_like") return fmt::format("pyxc::rt::np::filled({}, {})", made, v[1]);
      return made;
    });
  }
  if (name == "arange") {
    const std::string scalar = types::cppName(element);
    std::vector<Operand> operands;
    const char* defaults[] = {"0", nullptr, "1"};
    for (size_t i = 0; i < 3; ++i) {
      if (args[i]) operands.push_back(operand(*args[i], element));
      else operands.push_back(Operand{nullptr, element, fmt::format("{}({})", scalar, defaults[i])});
    }
    return sequenced(operands, array, [&](const std::vector<std::string>& v) {
      return std::string(fmt::format("pyxc::rt::np::arange<{}>({})", scalar, commaJoined(v)));
    });
  }
  if (name == "linspace") {
    const types::Type f64 = types::Type::scalarOf(types::Scalar::F64);
    const types::Type boolean = types::Type::scalarOf(types::Scalar::Bool);
    std::vector<Operand> operands{operand(*args[0], f64), operand(*args[1], f64),
                                  args[2] ? operand(*args[2], i64) : Operand{nullptr, i64, "int64_t{50}"},
                                  args[3] ? operand(*args[3], boolean) : Operand{nullptr, boolean, "true"}};
    return sequenced(operands, array, [&](const std::vector<std::string>& v) {
      return std::string(fmt::format("pyxc::rt::np::linspace({})", commaJoined(v)));
    });
  }
  return unsupported(call, "np." + name + "()");
}


std::string FunctionEmitter::arrayMethod(const ast::Expr& call) {
  auto args = callArguments(call);
  if (call.ref.name != "copy" || args.size() != 1 || !args[0]) return unsupported(call, "this array method");
  const std::string cpp = types::cppName(call.type);
  return sequenced({operand(*args[0], args[0]->type)}, call.type, [&](const std::vector<std::string>& v) {
    return std::string(fmt::format("pyxc::rt::np::copy<{}>({})", cpp, v[0]));
  });
}

}  // namespace pyxc::emit
