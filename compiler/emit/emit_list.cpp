// Lists: displays, `[v] * n`, indexing and slices, methods, membership and
// the builtins that take a list (pyxc::rt::List, runtime/pyxc/list.h).
// Loops (comprehensions, reductions, `for x in xs`) are in emit_list_loops.cpp.
#include <fmt/format.h>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using types::Scalar;
using types::Type;

namespace {

const Type kI64 = Type::scalarOf(Scalar::I64);
const Type kBool = Type::scalarOf(Scalar::Bool);

// The slot of a list[bool] is a byte: reads convert it back.
std::string elementValue(const std::string& slot, const Type& element) {
  return element.isBool() ? fmt::format("static_cast<bool>({})", slot) : slot;
}

}  // namespace

bool isFreshListExpr(const Expr& e) {
  if (e.kind == ExprKind::List || e.kind == ExprKind::ListComp) return true;
  return e.kind == ExprKind::Binary && e.binaryOp == ast::BinaryOp::Mul && e.type.isList() &&
         ((e.operand(0) && e.operand(0)->kind == ExprKind::List) ||
          (e.operand(1) && e.operand(1)->kind == ExprKind::List));
}

std::string FunctionEmitter::freshList(const Expr& e, const Type& type) {
  const Type element = type.listElement();
  const std::string listType = types::cppName(type);
  if (element.isUnknown()) return unsupported(e, "a list whose element type is unknown");
  if (e.kind == ExprKind::List) {
    if (e.operands.empty()) return listType + "::fresh()";
    std::vector<Operand> items;
    for (const auto& item : e.operands) items.push_back(operand(*item, element));
    return sequenced(items, type, [&](const std::vector<std::string>& values) {
      return fmt::format("{}::of({{{}}})", listType, commaJoined(values));
    });
  }
  if (e.kind == ExprKind::Binary) {  // [v] * n, n * [v]: Python evaluates left to right
    bool listLeft = e.operands[0]->kind == ExprKind::List;
    const Expr& display = *e.operands[listLeft ? 0 : 1];
    const Expr& count = *e.operands[listLeft ? 1 : 0];
    Operand value = operand(*display.operands[0], element), times = operand(count, kI64);
    std::vector<Operand> ordered = listLeft ? std::vector<Operand>{value, times} : std::vector<Operand>{times, value};
    return sequenced(ordered, type, [&](const std::vector<std::string>& values) {
      return fmt::format("{}::repeated({}, {})", listType, values[listLeft ? 0 : 1], values[listLeft ? 1 : 0]);
    });
  }
  if (e.kind == ExprKind::ListComp) {
    return lambdaOf(type, [&] {
      std::string result = temp();
      line(fmt::format("{} {} = {}::fresh();", listType, result, listType));
      comprehensionLoops(e, element, [&](const std::string& value) {
        line(fmt::format("{}.append({});", result, withoutOuterParens(value)));
      });
      line(fmt::format("return {};", result));
    });
  }
  return convertValue(expr(e), e.type, type);
}

std::string FunctionEmitter::listElementRef(const Expr& subscript) {
  const Expr& object = *subscript.operands[0];
  const auto& d = fn_.directives;
  return sequenced({operand(object, object.type), operand(*subscript.operands[1], kI64)}, object.type,
                   [&](const std::vector<std::string>& values) {
                     return fmt::format("{}.at<{}, {}, true>({})", values[0], d.boundscheck, d.wraparound, values[1]);
                   });
}

std::string FunctionEmitter::listSubscript(const Expr& e) {
  const Expr& object = *e.operands[0];
  const Expr& index = *e.operands[1];
  if (index.kind != ExprKind::Slice) {
    const Type element = object.type.listElement();
    return sequenced({operand(object, object.type), operand(index, kI64)}, element,
                     [&](const std::vector<std::string>& values) {
                       return elementValue(fmt::format("{}.at<{}, {}>({})", values[0], fn_.directives.boundscheck,
                                                       fn_.directives.wraparound, values[1]),
                                           element);
                     });
  }
  std::vector<Operand> operands{operand(object, object.type)};
  for (size_t i = 0; i < 2; ++i)
    operands.push_back(index.operand(i) ? operand(*index.operand(i), kI64) : Operand{nullptr, kI64, "int64_t{0}"});
  return sequenced(operands, e.type, [&](const std::vector<std::string>& values) {
    return fmt::format("{}.slice({}, {}, {}, {})", values[0], values[1], values[2], index.operand(0) != nullptr,
                       index.operand(1) != nullptr);
  });
}

std::string FunctionEmitter::listMethodCall(const Expr& call) {
  const Expr& object = *call.operands[0]->operands[0];
  const std::string& method = call.ref.name;
  const Type element = object.type.listElement();
  auto args = callArguments(call);
  std::vector<Operand> operands{operand(object, object.type)};
  std::string pattern;
  if (method == "append") {
    operands.push_back(operand(*args[0], element));
    pattern = "{0}.append({1})";
  } else if (method == "insert") {
    operands.push_back(operand(*args[0], kI64));
    operands.push_back(operand(*args[1], element));
    pattern = "{0}.insert({1}, {2})";
  } else if (method == "extend") {
    operands.push_back(operand(*args[0], object.type));
    pattern = "{0}.extend({1})";
  } else if (method == "pop") {
    if (!args.empty()) operands.push_back(operand(*args[0], kI64));
    pattern = args.empty() ? "{0}.pop()" : "{0}.pop({1})";
  } else if (method == "clear" || method == "reverse" || method == "copy") {
    pattern = "{0}." + method + "()";
  } else if (method == "index" || method == "count") {
    Type compared = call.operandTypes.empty() ? element : call.operandTypes[0];
    operands.push_back(operand(*args[0], compared));
    pattern = fmt::format("{{0}}.{}<{}>({{1}})", method, types::cppName(compared));
  } else if (method == "sort") {
    const Expr* reverse = nullptr;
    for (const auto& kw : call.keywords)
      if (kw.name == "reverse") reverse = kw.value.get();
    operands.push_back(reverse ? operand(*reverse, kBool) : Operand{nullptr, kBool, "false"});
    pattern = "{0}.sort({1})";
  } else {
    return unsupported(call, "list." + method + "()");
  }
  return sequenced(operands, call.type, [&](const std::vector<std::string>& values) {
    std::string text = pattern;
    for (size_t i = 0; i < values.size(); ++i) {
      std::string slot = "{" + std::to_string(i) + "}";
      for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + values[i].size()))
        text.replace(at, slot.size(), values[i]);
    }
    return method == "pop" ? elementValue(text, element) : text;
  });
}

std::string FunctionEmitter::listBuiltin(const Expr& call) {
  const std::string& function = call.ref.name;
  const Expr& arg = *callArguments(call)[0];
  if (function == "list" && arg.kind == ExprKind::Call && arg.ref.kind == ast::RefKind::Builtin &&
      arg.ref.name == "range") {
    auto bounds = callArguments(arg);
    std::vector<Operand> operands;
    if (bounds.size() == 1) operands.push_back(Operand{nullptr, kI64, "int64_t{0}"});
    for (const Expr* bound : bounds) operands.push_back(operand(*bound, kI64));
    if (bounds.size() < 3) operands.push_back(Operand{nullptr, kI64, "int64_t{1}"});
    return sequenced(operands, call.type, [&](const std::vector<std::string>& values) {
      return fmt::format("{}::range({})", types::cppName(call.type), commaJoined(values));
    });
  }
  if (function == "len") return fmt::format("{}.size()", expr(arg));
  if (function == "list") return arg.kind == ExprKind::ListComp ? freshList(arg, call.type) : expr(arg) + ".copy()";
  if (function == "sorted") {
    const Expr* reverse = nullptr;
    for (const auto& kw : call.keywords)
      if (kw.name == "reverse") reverse = kw.value.get();
    return sequenced({operand(arg, call.type), reverse ? operand(*reverse, kBool) : Operand{nullptr, kBool, "false"}},
                     call.type, [&](const std::vector<std::string>& values) {
                       return fmt::format("{}.sorted({})", values[0], values[1]);
                     });
  }
  if (function == "sum" || function == "min" || function == "max" || function == "any" || function == "all")
    return reduction(call, function, arg);
  return unsupported(call, function + "() of a list");
}

std::string FunctionEmitter::listMembership(const Expr& e) {
  const Expr& list = *e.operands[1];
  Type compared = e.operandTypes.empty() || e.operandTypes[0].isUnknown() ? list.type.listElement() : e.operandTypes[0];
  bool negated = e.compareOps[0] == ast::CompareOp::NotIn;
  return sequenced({operand(*e.operands[0], compared), operand(list, list.type)}, kBool,
                   [&](const std::vector<std::string>& values) {
                     return fmt::format("{}{}.contains<{}>({})", negated ? "!" : "", values[1],
                                        types::cppName(compared), values[0]);
                   });
}

std::string FunctionEmitter::listBinary(const Expr& e) {
  if (isFreshListExpr(e)) return freshList(e, e.type);
  return sequenced({operand(*e.operands[0], e.type), operand(*e.operands[1], e.type)}, e.type,
                   [&](const std::vector<std::string>& values) {
                     return fmt::format("{}.concat({})", values[0], values[1]);
                   });
}

// `xs[i] op= v`: the list and index once, the old element, then v; the
// store indexes again (v may have changed the list, as in Python).
void FunctionEmitter::listAugAssign(const ast::Stmt& s) {
  const Expr& target = *s.exprs[0];
  const Expr& value = *s.exprs[1];
  const Expr& object = *target.operands[0];
  const Type element = object.type.listElement();
  Type operandType = s.operandTypes.size() == 2 ? s.operandTypes[0] : element;
  Type resultType = s.operandTypes.size() == 2 ? s.operandTypes[1] : element;
  auto primitive = binaryPrimitive(s.binaryOp, operandType, fn_.directives);
  if (!primitive) return unsupportedStatement(s, "this augmented assignment to a list element");
  line("{");
  out_->indent();
  std::string list = temp(), index = temp(), old = temp();
  line(fmt::format("const auto& {} = {};", list, withoutOuterParens(expr(object))));
  line(fmt::format("const int64_t {} = {};", index, withoutOuterParens(exprAs(*target.operands[1], kI64))));
  std::string access =
      fmt::format("{}.at<{}, {}>({})", list, fn_.directives.boundscheck, fn_.directives.wraparound, index);
  line(fmt::format("const {} {} = {};", types::cppName(element), old, elementValue(access, element)));
  std::string rhs = exprAs(value, operandType);
  std::string result = applyPattern(*primitive, {convertValue(old, element, operandType), rhs}, operandType);
  result = convertValue(result, binaryResultType(s.binaryOp, operandType), resultType);
  std::string store =
      fmt::format("{}.at<{}, {}, true>({})", list, fn_.directives.boundscheck, fn_.directives.wraparound, index);
  line(fmt::format("{} = {};", store, withoutOuterParens(convertValue(result, resultType, element))));
  out_->dedent();
  line("}");
}

}  // namespace pyxc::emit
