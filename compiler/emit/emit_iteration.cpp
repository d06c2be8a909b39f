// Loops over enumerate/zip/reversed (and tuple targets over arrays) as one
// plain index loop, and unpacking arrays into names.
//
//   for i, (a, b) in enumerate(zip(x, reversed(y))):
// becomes
//   const auto t1 = x_; const auto t2 = y_;          // evaluated once, in order
//   const uint64_t t3 = t1.dim(0), t4 = t2.dim(0);
//   const uint64_t t5 = std::min({t3, t4});           // zip stops at the shortest
//   for (uint64_t k = 0; k < t5; ++k) {
//     i_ = int64_t(k); a_ = t1(k); b_ = t2(t4 - 1 - k);
// No iterator object and no tuple exists at run time unless the target is
// a single name bound to a whole tuple.
#include <fmt/format.h>

#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using ast::Stmt;
using types::Scalar;
using types::Type;

namespace {

const Type kI64 = Type::scalarOf(Scalar::I64);

bool isBuiltinCall(const Expr& e, const char* name) {
  return e.kind == ExprKind::Call && e.ref.kind == RefKind::Builtin && e.ref.name == name;
}

}  // namespace

bool FunctionEmitter::isIterationLoop(const Stmt& s) const {
  const Expr& target = *s.exprs[0];
  const Expr& iterable = *s.exprs[1];
  return isBuiltinCall(iterable, "enumerate") || isBuiltinCall(iterable, "zip") ||
         isBuiltinCall(iterable, "reversed") ||
         (target.kind == ExprKind::Tuple && iterable.type.kind == types::TypeKind::Array);
}

// Evaluates the iterable's parts (prelude lines) and describes how to
// produce element `k`.
FunctionEmitter::IterationNode FunctionEmitter::iterationNode(const Expr& iterable, bool reversed) {
  IterationNode node;
  node.element = iterable.type;
  if (isBuiltinCall(iterable, "enumerate")) {
    node.kind = IterationNode::Kind::Enumerate;
    IterationNode counter;
    counter.kind = IterationNode::Kind::Counter;
    counter.element = kI64;
    IterationNode inner = iterationNode(*iterable.boundArgs[0], false);
    const Expr* start = iterable.boundArgs.size() > 1 ? iterable.boundArgs[1] : nullptr;
    if (start) {  // enumerate(it, start) evaluates start after it
      auto constant = constantLiteral(*start, kI64);
      counter.start = constant ? *constant : temp();
      if (!constant) line(fmt::format("const int64_t {} = {};", counter.start, exprAs(*start, kI64)));
      if (counter.start == "0" || counter.start == "int64_t{0}") counter.start.clear();
    }
    node.children.push_back(std::move(counter));
    node.children.push_back(std::move(inner));
    return node;
  }
  if (isBuiltinCall(iterable, "zip")) {
    node.kind = IterationNode::Kind::Zip;
    for (const Expr* arg : iterable.boundArgs) node.children.push_back(iterationNode(*arg, false));
    return node;
  }
  if (isBuiltinCall(iterable, "reversed")) return iterationNode(*iterable.boundArgs[0], true);
  node.reversed = reversed;
  node.length = temp();
  if (isBuiltinCall(iterable, "range")) {
    node.kind = IterationNode::Kind::Range;
    auto args = callArguments(iterable);
    std::vector<std::string> bounds;
    for (const Expr* arg : args) {
      auto constant = constantLiteral(*arg, kI64);
      bounds.push_back(constant ? *constant : temp());
      if (!constant) line(fmt::format("const int64_t {} = {};", bounds.back(), exprAs(*arg, kI64)));
    }
    node.start = args.size() == 1 ? "int64_t{0}" : bounds[0];
    node.step = args.size() == 3 ? bounds[2] : "int64_t{1}";
    std::string stop = args.size() == 1 ? bounds[0] : bounds[1];
    line(fmt::format("const uint64_t {} = pyxc::rt::range_length({}, {}, {});", node.length, node.start, stop,
                     node.step));
    return node;
  }
  // An array, evaluated once; a view of a temporary is held as an owning
  // array (as forArray does).
  node.kind = IterationNode::Kind::Array;
  node.array = temp();
  node.arrayType = iterable.type;
  const Type& a = iterable.type;
  node.element = a.ndim == 1 ? Type::scalarOf(a.scalar) : Type::arrayOf(a.scalar, a.ndim - 1, a.contiguous);
  line(fmt::format("const {} {} = {};", iterable.kind == ExprKind::Name ? "auto" : types::cppName(iterable.type),
                   node.array, withoutOuterParens(expr(iterable))));
  line(fmt::format("const uint64_t {} = static_cast<uint64_t>({}.dim(0));", node.length, node.array));
  return node;
}

void FunctionEmitter::collectLengths(const IterationNode& node, std::vector<std::string>& lengths) const {
  if (!node.length.empty()) lengths.push_back(node.length);
  for (const auto& child : node.children) collectLengths(child, lengths);
}

std::string FunctionEmitter::iterationElement(const IterationNode& node, const std::string& k) {
  std::string index = node.reversed ? fmt::format("({} - 1 - {})", node.length, k) : k;
  switch (node.kind) {
    case IterationNode::Kind::Counter:
      // The count never exceeds an array's length; a start can overflow.
      return node.start.empty() ? fmt::format("static_cast<int64_t>({})", k)
                                : fmt::format("pyxc::rt::{}({}, static_cast<int64_t>({}))",
                                              fn_.directives.overflowcheck ? "add" : "add_wrap", node.start, k);
    case IterationNode::Kind::Range:
      if (node.start == "int64_t{0}" && node.step == "int64_t{1}") return fmt::format("static_cast<int64_t>({})", index);
      return fmt::format("pyxc::rt::range_at({}, {}, {})", node.start, node.step, index);
    case IterationNode::Kind::Array: {
      std::string at = fmt::format("static_cast<int64_t>({})", index);
      if (node.arrayType.ndim == 1) return fmt::format("{}({})", node.array, at);
      const Type& row = node.element;
      return fmt::format("pyxc::rt::subview<{}, {}, false, false>({}, {})", row.ndim, row.contiguous, node.array, at);
    }
    case IterationNode::Kind::Enumerate:
    case IterationNode::Kind::Zip: {
      std::vector<std::string> parts;
      for (const auto& child : node.children) parts.push_back(iterationElement(child, k));
      return types::cppName(node.element) + "{" + joinTexts(parts, ", ") + "}";
    }
  }
  return "0";
}

// `for i, (a, b) in ...`: a tuple target over enumerate/zip takes each part
// directly; anything else is assigned (and unpacked) as a whole.
void FunctionEmitter::bindIterationTarget(const Expr& target, const IterationNode& node, const std::string& k) {
  bool structured = node.kind == IterationNode::Kind::Enumerate || node.kind == IterationNode::Kind::Zip;
  if (target.kind == ExprKind::Tuple && structured && target.operands.size() == node.children.size()) {
    for (size_t i = 0; i < node.children.size(); ++i) bindIterationTarget(*target.operands[i], node.children[i], k);
    return;
  }
  assignTo(target, iterationElement(node, k), node.element);
}

void FunctionEmitter::forIteration(const Stmt& s) {
  const Expr& target = *s.exprs[0];
  line("{");
  out_->indent();
  std::string brokeFlag;
  if (!s.orelse.empty()) {
    brokeFlag = temp() + "_broke";
    line(fmt::format("bool {} = false;", brokeFlag));
  }
  IterationNode node = iterationNode(*s.exprs[1], false);
  std::vector<std::string> lengths;
  collectLengths(node, lengths);
  std::string count = lengths.size() == 1 ? lengths[0] : temp();
  if (lengths.size() > 1) line(fmt::format("const uint64_t {} = std::min({{{}}});", count, joinTexts(lengths, ", ")));
  std::string k = temp();
  line(fmt::format("for (uint64_t {0} = 0; {0} < {1}; ++{0}) {{", k, count));
  out_->indent();
  bindIterationTarget(target, node, k);
  out_->dedent();
  loopBody(s, brokeFlag);
  out_->dedent();
  line("}");
}

// `a, b, c = v` with an array v: its length must match (ValueError as
// CPython's), then each element (1-D) or row.
void FunctionEmitter::unpackArray(const Expr& target, const std::string& value, const Type& valueType) {
  std::string held = temp();
  line(fmt::format("const auto& {} = {};", held, withoutOuterParens(value)));
  size_t count = target.operands.size();
  line(fmt::format("pyxc::rt::check_unpack({}.dim(0), {});", held, count));
  for (size_t i = 0; i < count; ++i) {
    if (valueType.ndim == 1) {
      assignTo(*target.operands[i], fmt::format("{}(int64_t{{{}}})", held, i), Type::scalarOf(valueType.scalar));
      continue;
    }
    Type rowType = Type::arrayOf(valueType.scalar, valueType.ndim - 1, valueType.contiguous);
    assignTo(*target.operands[i],
             fmt::format("pyxc::rt::subview<{}, {}, false, false>({}, int64_t{{{}}})", rowType.ndim,
                         rowType.contiguous, held, i),
             rowType);
  }
}

std::string FunctionEmitter::tupleComparison(ast::CompareOp op, const std::string& left, const std::string& right) {
  const char* name = nullptr;
  switch (op) {
    case ast::CompareOp::Eq: name = "tuple_eq"; break;
    case ast::CompareOp::NotEq: name = "tuple_ne"; break;
    case ast::CompareOp::Lt: name = "tuple_lt"; break;
    case ast::CompareOp::LtE: name = "tuple_le"; break;
    case ast::CompareOp::Gt: name = "tuple_gt"; break;
    case ast::CompareOp::GtE: name = "tuple_ge"; break;
    default: return "false";
  }
  return fmt::format("pyxc::rt::{}({}, {})", name, left, right);
}

}  // namespace pyxc::emit
