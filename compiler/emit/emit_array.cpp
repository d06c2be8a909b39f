// Arrays: element access with the function's index checks, shape queries,
// pyxc.empty/zeros, augmented element stores and `for x in a`.
//
// An element is `a_.at<Bounds, Wrap>(i, j)`: the two template flags are the
// boundscheck/wraparound directives, so a function compiled with both off
// indexes with plain pointer arithmetic (runtime/pyxc/array.h).
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "compiler/emit/analysis.h"
#include "compiler/emit/function_emitter.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::Stmt;
using types::Scalar;
using types::Type;

namespace {

const Type kI64 = Type::scalarOf(Scalar::I64);

bool isArray(const Type& t) { return t.kind == types::TypeKind::Array; }

bool isLocalName(const Expr& e) {
  return e.kind == ExprKind::Name && e.ref.kind == ast::RefKind::Local && e.ref.index >= 0 && !e.maybeUnbound;
}

}  // namespace

std::string FunctionEmitter::arrayAttribute(const Expr& e) {
  const Expr& object = *e.operands[0];
  const Type& array = object.type;
  if (e.text == "ndim") return fmt::format("(static_cast<void>({}), int64_t{{{}}})", expr(object), array.ndim);
  if (e.text == "size") return expr(object) + ".size()";
  if (e.text == "shape") return expr(object) + ".shapeTuple()";
  return unsupported(e, "the array attribute '" + e.text + "'");
}

std::optional<std::string> FunctionEmitter::arrayShapeItem(const Expr& subscript) {
  const Expr& object = *subscript.operands[0];
  if (object.kind != ExprKind::Attribute || object.text != "shape" || !object.operand(0) ||
      !isArray(object.operand(0)->type) || subscript.operands.size() != 2)
    return std::nullopt;
  auto index = constantInt(*subscript.operands[1]);
  int ndim = object.operand(0)->type.ndim;
  if (index && *index < 0) *index += ndim;
  if (!index || *index < 0 || *index >= ndim) return std::nullopt;
  return fmt::format("{}.dim({})", expr(*object.operand(0)), *index);
}

std::string FunctionEmitter::arrayElement(const Expr& subscript) {
  const Expr& object = *subscript.operands[0];
  std::vector<Operand> operands{operand(object, object.type)};
  for (size_t i = 1; i < subscript.operands.size(); ++i) operands.push_back(operand(*subscript.operands[i], kI64));
  const ast::Directives& d = fn_.directives;
  // Axes a range check before the enclosing loop proved in range.
  unsigned proven = 0;
  for (size_t k = 0; k + 1 < subscript.operands.size(); ++k)
    if (isLocalName(object) && isLocalName(*subscript.operands[k + 1]))
      for (const ProvenAccess& access : provenInRange_)
        if (access == ProvenAccess{object.ref.index, static_cast<int>(k), subscript.operands[k + 1]->ref.index})
          proven |= 1u << k;
  return sequenced(operands, Type::scalarOf(object.type.scalar), [&](const std::vector<std::string>& values) {
    std::vector<std::string> indices(values.begin() + 1, values.end());
    if (proven == 0)
      return fmt::format("{}.at<{}, {}>({})", values[0], d.boundscheck, d.wraparound, commaJoined(indices));
    unsigned all = object.type.ndim >= 32 ? ~0u : (1u << object.type.ndim) - 1;
    return fmt::format("{}.atMasked<{}u, {}u>({})", values[0], d.boundscheck ? all & ~proven : 0u,
                       d.wraparound ? all & ~proven : 0u, commaJoined(indices));
  });
}

std::string FunctionEmitter::arrayView(const Expr& subscript) {
  const Expr& object = *subscript.operands[0];
  const Type& view = subscript.type;
  auto omitted = [](const Expr* bound) { return !bound || bound->kind == ExprKind::NoneLit; };
  std::vector<Operand> operands{operand(object, object.type)};
  for (size_t i = 1; i < subscript.operands.size(); ++i) {
    const Expr& index = *subscript.operands[i];
    if (index.kind != ExprKind::Slice) {
      operands.push_back(operand(index, kI64));
      continue;
    }
    for (size_t k = 0; k < 3; ++k)
      if (!omitted(index.operand(k))) operands.push_back(operand(*index.operand(k), kI64));
  }
  const ast::Directives& d = fn_.directives;
  return sequenced(operands, view, [&](const std::vector<std::string>& values) {
    size_t next = 1;
    std::vector<std::string> indices;
    for (size_t i = 1; i < subscript.operands.size(); ++i) {
      const Expr& index = *subscript.operands[i];
      if (index.kind != ExprKind::Slice) {
        indices.push_back(values[next++]);
        continue;
      }
      std::string bound[3];
      const char* omittedText[3] = {"0", "0", "1"};
      for (size_t k = 0; k < 3; ++k) bound[k] = omitted(index.operand(k)) ? omittedText[k] : values[next++];
      indices.push_back(fmt::format("pyxc::rt::SliceBounds{{{}, {}, {}, {}, {}}}", bound[0], bound[1], bound[2],
                                    !omitted(index.operand(0)), !omitted(index.operand(1))));
    }
    return fmt::format("pyxc::rt::subview<{}, {}, {}, {}>({}, {})", view.ndim, view.contiguous, d.boundscheck,
                       d.wraparound, values[0], commaJoined(indices));
  });
}

std::vector<ProvenAccess> accessesProvenByRange(const Stmt& forStmt, size_t rangeArgs, const ast::FunctionDef& fn,
                                                const std::vector<bool>& needsBoundFlag) {
  std::vector<ProvenAccess> out;
  const Expr& target = *forStmt.exprs[0];
  if (rangeArgs > 2 || !isLocalName(target)) return out;
  // Locals the body rebinds: their value is not the one checked before it.
  // forEachExpr sees `x = ...` targets; `x += ...` reads its target first,
  // so augmented assignments are looked at here.
  std::vector<bool> rebound(fn.locals.size(), false);
  bool nestedLoop = false;
  std::function<void(const ast::Block&)> scan = [&](const ast::Block& body) {
    for (const auto& s : body) {
      if (s->kind == ast::StmtKind::For || s->kind == ast::StmtKind::While) nestedLoop = true;
      if (s->kind == ast::StmtKind::AugAssign && !s->exprs.empty() && s->exprs[0] &&
          s->exprs[0]->kind == ExprKind::Name && s->exprs[0]->ref.kind == ast::RefKind::Local &&
          s->exprs[0]->ref.index >= 0)
        rebound[static_cast<size_t>(s->exprs[0]->ref.index)] = true;
      scan(s->body);
      scan(s->orelse);
    }
  };
  scan(forStmt.body);
  if (nestedLoop) return out;
  forEachExpr(forStmt.body, [&](const Expr& e, bool isTarget) {
    if (isTarget && isLocalName(e)) rebound[static_cast<size_t>(e.ref.index)] = true;
  });
  int loopVariable = target.ref.index;
  if (rebound[static_cast<size_t>(loopVariable)] || !fn.locals[static_cast<size_t>(loopVariable)].type.isInteger())
    return out;
  forEachExpr(forStmt.body, [&](const Expr& e, bool) {
    if (e.kind != ExprKind::Subscript || !isLocalName(*e.operands[0]) || !isArray(e.operands[0]->type)) return;
    int array = e.operands[0]->ref.index;
    if (rebound[static_cast<size_t>(array)] || needsBoundFlag[static_cast<size_t>(array)]) return;
    for (size_t k = 0; k + 1 < e.operands.size(); ++k) {
      const Expr* index = e.operands[k + 1].get();
      if (!index || !isLocalName(*index) || index->ref.index != loopVariable) continue;
      ProvenAccess access{array, static_cast<int>(k), loopVariable};
      if (std::find(out.begin(), out.end(), access) == out.end()) out.push_back(access);
    }
  });
  return out;
}

std::string FunctionEmitter::arrayConstructor(const Expr& call) {
  const Type& array = call.type;
  std::vector<Operand> dims;
  for (const Expr* dim : callArguments(call)) {
    if (!dim) return unsupported(call, "pyxc." + call.ref.name + "() without a shape");
    dims.push_back(operand(*dim, kI64));
  }
  bool zeroed = call.ref.name == "zeros";
  return sequenced(dims, array, [&](const std::vector<std::string>& values) {
    return fmt::format("{}::allocate({{{}}}, {})", types::cppName(array), commaJoined(values), zeroed);
  });
}

void FunctionEmitter::arrayAugAssign(const Stmt& s) {
  const Expr& target = *s.exprs[0];
  const Expr& value = *s.exprs[1];
  const Type element = Type::scalarOf(target.operands[0]->type.scalar);
  Type operandType = s.operandTypes.size() > 0 ? s.operandTypes[0] : element;
  Type resultType = s.operandTypes.size() > 1 ? s.operandTypes[1] : element;
  auto primitive = binaryPrimitive(s.binaryOp, operandType, fn_.directives);
  if (!primitive || operandType.isUnknown())
    return unsupportedStatement(s, fmt::format("'{}=' on an array element", ast::spelling(s.binaryOp)));
  // Python reads the element (checking the index) before it evaluates the
  // right side: bind a reference to it first.
  std::string ref = temp();
  line("{");
  out_->indent();
  line(fmt::format("{}& {} = {};", types::cppName(element), ref, withoutOuterParens(arrayElement(target))));
  Operand current{nullptr, operandType, convertValue(ref, element, operandType)};
  std::string text = sequenced({current, operand(value, operandType)}, binaryResultType(s.binaryOp, operandType),
                               [&](const std::vector<std::string>& operands) {
                                 return applyPattern(*primitive, operands, operandType);
                               });
  text = convertValue(text, binaryResultType(s.binaryOp, operandType), resultType);
  line(fmt::format("{} = {};", ref, withoutOuterParens(convertValue(text, resultType, element))));
  out_->dedent();
  line("}");
}

void FunctionEmitter::forArray(const Stmt& s) {
  const Expr& target = *s.exprs[0];
  const Expr& iterable = *s.exprs[1];
  const ast::Local* local = localOf(target);
  if (!local || target.kind != ExprKind::Name) return unsupportedStatement(s, "this for loop over an array");
  line("{");
  out_->indent();
  std::string brokeFlag;
  if (!s.orelse.empty()) {
    brokeFlag = temp() + "_broke";
    line(fmt::format("bool {} = false;", brokeFlag));
  }
  // The array is evaluated once, before the loop, as Python's iter() does.
  // A view of a temporary (`pyxc.zeros(n)[::2]`) is held as an owning
  // array, which keeps native storage alive for the loop.
  std::string array = temp();
  line(fmt::format("const {} {} = {};", iterable.kind == ExprKind::Name ? "auto" : types::cppName(iterable.type),
                   array, withoutOuterParens(expr(iterable))));
  std::string counter = temp();
  line(fmt::format("for (int64_t {0} = 0; {0} < {1}.dim(0); ++{0}) {{", counter, array));
  out_->indent();
  if (iterable.type.ndim == 1) {
    assignTo(target, fmt::format("{}({})", array, counter), Type::scalarOf(iterable.type.scalar));
  } else {  // the rows: views, the counter is in range
    const Type& row = target.type;
    assignTo(target,
             fmt::format("pyxc::rt::subview<{}, {}, false, false>({}, {})", row.ndim, row.contiguous, array, counter),
             row);
  }
  out_->dedent();
  loopBody(s, brokeFlag);
  out_->dedent();
  line("}");
}

}  // namespace pyxc::emit
