// Loops over lists and comprehensions. A comprehension is an immediately
// invoked lambda around plain C++ loops (inlined by the C++ compiler);
// sum/min/max/any/all of a generator expression or list accumulate in the
// loop and never build a list; `for x in xs` indexes the list's vector
// (no reference counting inside the loop).
//
//   sum(a[i] * b[i] for i in range(n))
//   -> [&]() -> double { double acc{}; { const int64_t b = n_;
//        for (int64_t k = 0; k < b; ++k) { const int64_t i = k; acc = acc + a(i) * b(i); } } return acc; }()
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

bool isComprehensionExpr(const Expr& e) { return e.kind == ExprKind::ListComp || e.kind == ExprKind::GeneratorExp; }
}  // namespace

std::string FunctionEmitter::lambdaOf(const Type& type, const std::function<void()>& writeBody) {
  CodeWriter inner;
  CodeWriter* savedOut = out_;
  std::vector<std::string> savedPrelude = std::move(prelude_);
  prelude_.clear();
  bool savedEnabled = preludeEnabled_;
  out_ = &inner;
  preludeEnabled_ = true;
  inner.indent();
  writeBody();
  out_ = savedOut;
  prelude_ = std::move(savedPrelude);
  preludeEnabled_ = savedEnabled;
  return fmt::format("[&]() -> {} {{\n{}}}()", types::cppName(type), inner.take());
}

void FunctionEmitter::comprehensionLoops(const Expr& source, const Type& elementType,
                                         const std::function<void(const std::string&)>& innermost) {
  if (isComprehensionExpr(source)) return comprehensionClause(source, 1, elementType, innermost);
  // A list: held once (a reference when it is a local), then indexed.
  const Type element = source.type.listElement();
  std::string list = temp(), item = temp();
  line(fmt::format("const auto& {} = {};", list, withoutOuterParens(expr(source))));
  line(fmt::format("for (const auto {} : {}.items()) {{", item, list));
  out_->indent();
  innermost(convertValue(fmt::format("static_cast<{}>({})", types::cppName(element), item), element, elementType));
  out_->dedent();
  line("}");
}

void FunctionEmitter::comprehensionClause(const Expr& comp, size_t clause, const Type& elementType,
                                          const std::function<void(const std::string&)>& innermost) {
  if (clause >= comp.operands.size()) {
    innermost(exprAs(*comp.operands[0], elementType));
    return;
  }
  const Expr& part = *comp.operands[clause];
  if (part.kind == ExprKind::CompIf) {
    line(fmt::format("if ({}) {{", withoutOuterParens(condition(*part.operands[0]))));
    out_->indent();
    comprehensionClause(comp, clause + 1, elementType, innermost);
    out_->dedent();
    line("}");
    return;
  }
  const Expr& target = *part.operands[0];
  const Expr& iterable = *part.operands[1];
  const ast::Local* local = localOf(target);
  if (!local) {
    unsupported(target, "this comprehension target");
    return;
  }
  // Declared in the loop, not in the function: each comprehension (and
  // each prange thread running one) has its own variable.
  std::string variable = localName(local->name);
  std::string variableType = types::cppName(local->type);
  line("{");
  out_->indent();
  std::string counter = temp();
  if (iterable.kind == ExprKind::Call && iterable.ref.kind == ast::RefKind::Builtin && iterable.ref.name == "range") {
    auto args = callArguments(iterable);
    std::vector<std::string> bounds;
    for (const Expr* arg : args) {
      bounds.push_back(temp());
      line(fmt::format("const int64_t {} = {};", bounds.back(), withoutOuterParens(exprAs(*arg, kI64))));
    }
    std::string value = openRangeLoop(bounds, counter);  // emit_stmt.cpp
    out_->indent();
    line(fmt::format("[[maybe_unused]] const {} {} = {};", variableType, variable, value));
  } else if (iterable.type.isList()) {
    // Python's list iterator reads the length at every step.
    std::string list = temp(), items = temp();
    line(fmt::format("const auto& {} = {};", list, withoutOuterParens(expr(iterable))));
    line(fmt::format("const auto& {} = {}.items();", items, list));
    line(fmt::format("for (size_t {0} = 0; {0} < {1}.size(); ++{0}) {{", counter, items));
    out_->indent();
    line(fmt::format("[[maybe_unused]] const {} {} = static_cast<{}>({}[{}]);", variableType, variable, variableType,
                     items, counter));
  } else if (iterable.type.kind == types::TypeKind::Array) {
    std::string array = temp();
    line(fmt::format("const auto {} = {};", array, withoutOuterParens(expr(iterable))));
    line(fmt::format("for (int64_t {0} = 0; {0} < {1}.dim(0); ++{0}) {{", counter, array));
    out_->indent();
    line(fmt::format("[[maybe_unused]] const {} {} = {}({});", variableType, variable, array, counter));
  } else {
    unsupported(iterable, "this comprehension iterable");
    out_->dedent();
    line("}");
    return;
  }
  comprehensionClause(comp, clause + 1, elementType, innermost);
  out_->dedent();
  line("}");
  out_->dedent();
  line("}");
}

std::string FunctionEmitter::reduction(const Expr& call, const std::string& function, const Expr& source) {
  const Type& result = call.type;
  const Type element = source.type.listElement();
  if (function == "sum") {
    // Left to right from 0, as CPython 3.11 adds (ints checked for overflow).
    auto add = binaryPrimitive(ast::BinaryOp::Add, result, fn_.directives);
    if (!add) return unsupported(call, "sum() of " + types::pythonName(source.type));
    return lambdaOf(result, [&] {
      std::string acc = temp();
      line(fmt::format("{} {}{{}};", types::cppName(result), acc));
      comprehensionLoops(source, result, [&](const std::string& value) {
        line(fmt::format("{} = {};", acc, withoutOuterParens(applyPattern(*add, {acc, value}, result))));
      });
      line(fmt::format("return {};", acc));
    });
  }
  if (function == "min" || function == "max") {
    // The first item, then each later one that compares `<` (max: `>`) to
    // the best so far: the first of equal items, and NaN as CPython orders it.
    return lambdaOf(result, [&] {
      std::string best = temp(), found = temp();
      line(fmt::format("{} {}{{}};", types::cppName(result), best));
      line(fmt::format("bool {} = false;", found));
      comprehensionLoops(source, result, [&](const std::string& value) {
        std::string item = temp();
        line(fmt::format("const {} {} = {};", types::cppName(result), item, withoutOuterParens(value)));
        line(fmt::format("if (!{} || {} {} {}) {{", found, item, function == "min" ? "<" : ">", best));
        line(fmt::format("  {} = {};", best, item));
        line(fmt::format("  {} = true;", found));
        line("}");
      });
      line(fmt::format("if (!{}) pyxc::rt::raise_empty_sequence(\"{}\");", found, function));
      line(fmt::format("return {};", best));
    });
  }
  // any/all stop at the first item that decides, as Python's do.
  bool isAny = function == "any";
  return lambdaOf(result, [&] {
    comprehensionLoops(source, element, [&](const std::string& value) {
      std::string test = truthiness(value, element);
      line(fmt::format("if ({}{}) return {};", isAny ? "" : "!", isAny ? withoutOuterParens(test) : test,
                       isAny ? "true" : "false"));
    });
    line(fmt::format("return {};", isAny ? "false" : "true"));
  });
}

void FunctionEmitter::forList(const ast::Stmt& s) {
  const Expr& target = *s.exprs[0];
  const Expr& iterable = *s.exprs[1];
  const ast::Local* local = localOf(target);
  if (!local || target.kind != ExprKind::Name) return unsupportedStatement(s, "this for loop over a list");
  const Type element = iterable.type.listElement();
  line("{");
  out_->indent();
  std::string brokeFlag;
  if (!s.orelse.empty()) {
    brokeFlag = temp() + "_broke";
    line(fmt::format("bool {} = false;", brokeFlag));
  }
  // The list is held once (the body may rebind the name); the loop reads
  // its length at every step, as Python's list iterator does, so appends
  // in the body are seen.
  std::string list = temp(), items = temp(), counter = temp();
  line(fmt::format("const {} {} = {};", types::cppName(iterable.type), list, withoutOuterParens(expr(iterable))));
  line(fmt::format("auto& {} = {}.items();", items, list));
  line(fmt::format("for (size_t {0} = 0; {0} < {1}.size(); ++{0}) {{", counter, items));
  out_->indent();
  assignTo(target, fmt::format("static_cast<{}>({}[{}])", types::cppName(element), items, counter), element);
  out_->dedent();
  loopBody(s, brokeFlag);
  out_->dedent();
  line("}");
}

}  // namespace pyxc::emit
