#include "compiler/emit/value_ranges.h"

#include <algorithm>
#include <functional>
#include <limits>

#include "compiler/emit/analysis.h"
#include "compiler/emit/primitives.h"

namespace pyxc::emit {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using ast::Stmt;
using ast::StmtKind;
using types::Scalar;
using types::Type;

namespace {

using Wide = __int128;
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
const Type kI64 = Type::scalarOf(Scalar::I64);
// len(), .shape[k], .size: a Py_ssize_t that is never negative.
constexpr Interval kSize{0, kMax};

// [lo, hi] in exact arithmetic, clamped to int64.
ExactResult exact(Wide lo, Wide hi) {
  ExactResult out;
  out.exceedsInt64 = lo < kMin || hi > kMax;
  out.range = {static_cast<int64_t>(std::clamp<Wide>(lo, kMin, kMax)), static_cast<int64_t>(std::clamp<Wide>(hi, kMin, kMax))};
  return out;
}

Wide floorDiv(Wide a, Wide b) {
  Wide q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Of a non-negative value: the all-ones number with as many bits.
int64_t allOnesCovering(int64_t v) {
  int64_t out = 0;
  while (out < v) out = out * 2 + 1;
  return out;
}

// `range` cut to what `type` can hold; the type's whole range when they do
// not meet (the operation then always raises, so no value flows on).
std::optional<Interval> cut(const Interval& range, const Type& type) {
  auto all = typeInterval(type);
  if (!all) return std::nullopt;
  Interval out{std::max(range.lo, all->lo), std::min(range.hi, all->hi)};
  if (out.lo > out.hi) return all;
  return out;
}

bool isRangeCall(const Expr& e, const char* name) {
  return e.kind == ExprKind::Call && e.ref.kind == RefKind::Builtin && e.ref.name == name;
}

std::vector<const Expr*> argumentsOf(const Expr& call) {
  if (!call.boundArgs.empty()) return call.boundArgs;
  std::vector<const Expr*> args;
  for (size_t i = 1; i < call.operands.size(); ++i) args.push_back(call.operands[i].get());
  return args;
}

}  // namespace

std::optional<Interval> typeInterval(const Type& type) {
  if (type.isBool()) return Interval{0, 1};
  if (!type.isInteger()) return std::nullopt;
  int width = types::bitWidth(type.scalar);
  if (types::isSigned(type.scalar)) {
    if (width >= 64) return Interval{kMin, kMax};
    int64_t half = int64_t{1} << (width - 1);
    return Interval{-half, half - 1};
  }
  if (width >= 64) return std::nullopt;
  return Interval{0, (int64_t{1} << width) - 1};
}

Interval join(const Interval& a, const Interval& b) { return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)}; }

std::optional<ExactResult> exactBinary(BinaryOp op, const Interval& l, const Interval& r) {
  switch (op) {
    case BinaryOp::Add: return exact(Wide{l.lo} + r.lo, Wide{l.hi} + r.hi);
    case BinaryOp::Sub: return exact(Wide{l.lo} - r.hi, Wide{l.hi} - r.lo);
    case BinaryOp::Mul: {
      Wide corners[] = {Wide{l.lo} * r.lo, Wide{l.lo} * r.hi, Wide{l.hi} * r.lo, Wide{l.hi} * r.hi};
      return exact(*std::min_element(std::begin(corners), std::end(corners)),
                   *std::max_element(std::begin(corners), std::end(corners)));
    }
    case BinaryOp::FloorDiv: {
      // a // d is monotonic in each operand while d keeps its sign: the
      // extremes are at the corners.
      if (r.lo <= 0 && r.hi >= 0) return std::nullopt;
      Wide corners[] = {floorDiv(l.lo, r.lo), floorDiv(l.lo, r.hi), floorDiv(l.hi, r.lo), floorDiv(l.hi, r.hi)};
      return exact(*std::min_element(std::begin(corners), std::end(corners)),
                   *std::max_element(std::begin(corners), std::end(corners)));
    }
    case BinaryOp::Mod:
      // Python's remainder takes the divisor's sign and is smaller than it.
      if (r.lo >= 1) return exact(0, l.lo >= 0 ? std::min<Wide>(l.hi, Wide{r.hi} - 1) : Wide{r.hi} - 1);
      if (r.hi <= -1) return exact(l.hi <= 0 ? std::max<Wide>(l.lo, Wide{r.lo} + 1) : Wide{r.lo} + 1, 0);
      return std::nullopt;
    case BinaryOp::BitAnd:
      // Two's complement: `x & m` with m >= 0 keeps only m's bits.
      if (l.lo >= 0 && r.lo >= 0) return exact(0, std::min(l.hi, r.hi));
      if (l.lo >= 0) return exact(0, l.hi);
      if (r.lo >= 0) return exact(0, r.hi);
      return std::nullopt;
    case BinaryOp::BitOr:
    case BinaryOp::BitXor:
      if (l.lo >= 0 && r.lo >= 0) return exact(0, allOnesCovering(std::max(l.hi, r.hi)));
      return std::nullopt;
    case BinaryOp::RShift: {
      // A floor shift; counts of 63 and more give 0 or -1 (rt::rshift).
      if (r.lo < 0) return std::nullopt;
      int near = static_cast<int>(std::min<int64_t>(r.lo, 63)), far = static_cast<int>(std::min<int64_t>(r.hi, 63));
      return exact(std::min(l.lo >> near, l.lo >> far), std::max(l.hi >> near, l.hi >> far));
    }
    default: return std::nullopt;
  }
}

bool fitsType(const ExactResult& result, const Type& type) {
  auto all = typeInterval(type);
  return all && !result.exceedsInt64 && all->contains(result.range);
}

ValueRanges::ValueRanges(const ast::FunctionDef& fn) : fn_(fn), locals_(initialState()) {
  // Each round only widens intervals, and a local that keeps growing jumps
  // to its type's whole range (grow), so this ends; the bound is a guard.
  size_t rounds = 0;
  do {
    changed_ = false;
    block(fn.body);
  } while (changed_ && ++rounds < 8 + 4 * fn.locals.size());
  if (changed_) {
    for (size_t i = 0; i < locals_.size(); ++i) locals_[i] = {true, typeInterval(fn.locals[i].type).value_or(Interval{}), 0};
  }
  // One narrowing pass: every local again as the join of what its stores
  // produce when the reads see the widened intervals. That is still a
  // sound bound (the stores cannot produce more from less), and it gives
  // back `(x + 1) & 1023` its [0, 1023] after `x` was widened.
  std::vector<LocalState> narrowed = initialState();
  narrowing_ = &narrowed;
  block(fn.body);
  narrowing_ = nullptr;
  locals_ = std::move(narrowed);
  recording_ = true;
  forEachExpr(fn.body, [&](const Expr& e, bool) { eval(e); });
}

std::vector<ValueRanges::LocalState> ValueRanges::initialState() const {
  std::vector<LocalState> out(fn_.locals.size());
  for (size_t i = 0; i < fn_.locals.size(); ++i) {
    if (fn_.locals[i].isParam) out[i] = {true, typeInterval(fn_.locals[i].type).value_or(Interval{}), 0};
  }
  return out;
}

std::optional<Interval> ValueRanges::of(const Expr& e) const {
  if (auto it = exprs_.find(&e); it != exprs_.end()) return it->second;
  return typeInterval(e.type);
}

std::optional<Interval> ValueRanges::ofAs(const Expr& e, const Type& type) const {
  if (type.isBool()) return e.type.isBool() ? of(e) : Interval{0, 1};  // truthiness, not the value
  if (!e.type.isInteger() && !e.type.isBool()) return typeInterval(type);
  auto range = of(e);
  if (!range) return typeInterval(type);
  return cut(*range, type);
}

std::optional<Interval> ValueRanges::ofLocal(int slot) const {
  if (slot < 0 || static_cast<size_t>(slot) >= locals_.size()) return std::nullopt;
  const LocalState& state = locals_[static_cast<size_t>(slot)];
  if (!state.assigned || !typeInterval(fn_.locals[static_cast<size_t>(slot)].type))
    return typeInterval(fn_.locals[static_cast<size_t>(slot)].type);
  return state.range;
}

std::optional<Interval> ValueRanges::evalAs(const Expr& e, const Type& type) {
  auto range = eval(e);
  if (type.isBool()) return e.type.isBool() ? range : Interval{0, 1};
  if (!range || (!e.type.isInteger() && !e.type.isBool())) return typeInterval(type);
  return cut(*range, type);
}

std::optional<Interval> ValueRanges::eval(const Expr& e) {
  if (recording_) {
    if (auto it = exprs_.find(&e); it != exprs_.end()) return it->second;
  }
  std::optional<Interval> out = typeInterval(e.type);
  if (auto constant = constantInt(e); constant && out) {
    out = cut(Interval{*constant, *constant}, e.type);
  } else {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.ref.kind == RefKind::Local && e.ref.index >= 0 && static_cast<size_t>(e.ref.index) < locals_.size()) {
          const LocalState& state = locals_[static_cast<size_t>(e.ref.index)];
          // Nothing stored yet: no value flows from this read this round.
          if (!state.assigned) readUnassigned_ = true;
          else if (out) out = cut(state.range, e.type);
        }
        break;
      case ExprKind::Unary: out = evalUnary(e); break;
      case ExprKind::Binary: {
        Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
        auto left = evalAs(*e.operands[0], operandType);
        auto right = evalAs(*e.operands[1], operandType);
        auto result = evalBinary(e.binaryOp, operandType, left, right);
        if (result && out) out = cut(*result, e.type);
        break;
      }
      case ExprKind::IfExp: out = lazyJoin(e, 1, e.type); break;
      case ExprKind::BoolOp:
        if (!e.type.isBool()) out = lazyJoin(e, 0, e.type);
        else lazyJoin(e, 0, e.type);
        break;
      case ExprKind::Compare: lazyJoin(e, 0, e.type); break;
      case ExprKind::Call: out = evalCall(e); break;
      case ExprKind::Attribute:
        if (e.operand(0) && e.operand(0)->type.kind == types::TypeKind::Array && (e.text == "size" || e.text == "ndim") && out)
          out = cut(kSize, e.type);
        break;
      case ExprKind::Subscript: {
        const Expr* object = e.operand(0);
        bool shapeItem = object && object->kind == ExprKind::Attribute && object->text == "shape" &&
                         object->operand(0) && object->operand(0)->type.kind == types::TypeKind::Array;
        if (shapeItem && out) out = cut(kSize, e.type);
        break;
      }
      default: break;
    }
  }
  if (recording_) exprs_[&e] = out;
  return out;
}

std::optional<Interval> ValueRanges::lazyJoin(const Expr& e, size_t firstLazy, const Type& type) {
  // Operands before `firstLazy` always run; of the others (branches, later
  // operands of and/or) any one may be the value, and one whose value is
  // not known yet this round just contributes nothing.
  std::optional<Interval> out;
  bool some = false;
  for (size_t i = 0; i < e.operands.size(); ++i) {
    bool saved = readUnassigned_;
    readUnassigned_ = false;
    auto range = evalAs(*e.operands[i], type);
    bool unknownYet = readUnassigned_;
    readUnassigned_ = saved || (i < firstLazy && unknownYet);
    if (i < firstLazy || unknownYet) continue;
    if (!range) return typeInterval(type);
    out = some ? join(*out, *range) : *range;
    some = true;
  }
  if (!some) {
    if (!e.operands.empty()) readUnassigned_ = true;
    return typeInterval(type);
  }
  return out;
}

std::optional<Interval> ValueRanges::evalUnary(const Expr& e) {
  Type operandType = e.operandTypes.empty() ? e.type : e.operandTypes[0];
  auto inner = evalAs(*e.operands[0], operandType);
  auto all = typeInterval(operandType);
  if (e.unaryOp == ast::UnaryOp::Not) return Interval{0, 1};
  if (!inner || !all || !typeInterval(e.type)) return typeInterval(e.type);
  std::optional<Interval> result;
  switch (e.unaryOp) {
    case ast::UnaryOp::Pos: result = inner; break;
    case ast::UnaryOp::Neg: {
      ExactResult negated = exact(-Wide{inner->hi}, -Wide{inner->lo});
      if (fitsType(negated, operandType)) result = negated.range;
      else if (fn_.directives.overflowcheck) result = cut(negated.range, operandType);
      else result = all;
      break;
    }
    case ast::UnaryOp::Invert:
      // ~x is -x-1 for signed types and max-x for unsigned ones.
      if (types::isSigned(operandType.scalar)) result = Interval{~inner->hi, ~inner->lo};
      else result = Interval{all->hi - inner->hi, all->hi - inner->lo};
      break;
    default: result = all;
  }
  return result ? cut(*result, e.type) : typeInterval(e.type);
}

std::optional<Interval> ValueRanges::evalBinary(BinaryOp op, const Type& operandType, std::optional<Interval> left,
                                                std::optional<Interval> right) {
  Type resultType = binaryResultType(op, operandType);
  auto all = typeInterval(resultType);
  if (!all || !typeInterval(operandType) || !left || !right) return all;
  const ast::Directives& d = fn_.directives;
  // cdivision: C's truncating `//` and `%` agree with Python's only for a
  // non-negative dividend and a positive divisor.
  bool division = op == BinaryOp::FloorDiv || op == BinaryOp::Mod;
  if (division && d.cdivision && !(left->lo >= 0 && right->lo >= 1)) return all;
  auto result = exactBinary(op, *left, *right);
  if (!result) return all;
  if (fitsType(*result, resultType)) return result->range;
  // A checked operation raises instead of producing a value outside the
  // type; a wrapping one may produce any value.
  bool checked = d.overflowcheck && (op == BinaryOp::Add || op == BinaryOp::Sub || op == BinaryOp::Mul);
  checked = checked || (op == BinaryOp::FloorDiv && !d.cdivision);  // only min // -1 overflows, via rt::neg
  if (checked) return cut(result->range, resultType);
  return all;
}

std::optional<Interval> ValueRanges::evalCall(const Expr& e) {
  auto all = typeInterval(e.type);
  auto args = argumentsOf(e);
  for (const Expr* arg : args) {
    if (!arg) return all;
  }
  bool builtin = e.ref.kind == RefKind::Builtin;
  const std::string& function = e.ref.name;
  if (!all) return all;
  if (builtin && function == "len") return cut(kSize, e.type);
  if (builtin && function == "abs" && args.size() == 1) {
    auto value = evalAs(*args[0], e.type);
    if (!value) return all;
    Wide lo = value->lo >= 0 ? Wide{value->lo} : (value->hi <= 0 ? -Wide{value->hi} : 0);
    Wide hi = std::max(-Wide{value->lo}, Wide{value->hi});
    ExactResult result = exact(lo, hi);
    if (fitsType(result, e.type)) return result.range;
    return fn_.directives.overflowcheck ? cut(result.range, e.type) : all;
  }
  if (builtin && (function == "min" || function == "max") && args.size() >= 2) {
    std::optional<Interval> out;
    for (const Expr* arg : args) {
      auto value = evalAs(*arg, e.type);
      if (!value) return all;
      if (!out) out = value;
      else if (function == "min") out = Interval{std::min(out->lo, value->lo), std::min(out->hi, value->hi)};
      else out = Interval{std::max(out->lo, value->lo), std::max(out->hi, value->hi)};
    }
    return out;
  }
  bool cast = e.ref.kind == RefKind::ScalarType || (builtin && (function == "int" || function == "bool"));
  if (cast && args.size() == 1) return evalAs(*args[0], e.type);
  return all;
}

void ValueRanges::grow(size_t slot, std::optional<Interval> value) {
  LocalState& state = narrowing_ ? (*narrowing_)[slot] : locals_[slot];
  auto all = typeInterval(fn_.locals[slot].type);
  Interval range = all ? (value ? *cut(*value, fn_.locals[slot].type) : *all) : Interval{};
  if (!state.assigned) {
    state = {true, range, 0};
    changed_ = true;
    return;
  }
  if (!all || state.range.contains(range)) return;
  // Widening: a local still growing after a few rounds (a counter, an
  // accumulator) takes its type's whole range.
  bool widen = !narrowing_ && ++state.growths > kGrowthsBeforeWidening;
  state.range = widen ? *all : join(state.range, range);
  changed_ = true;
}

void ValueRanges::store(const Expr& target, std::optional<Interval> value) {
  if (target.kind != ExprKind::Name) return storeWhole(target);
  if (target.ref.kind != RefKind::Local || target.ref.index < 0 ||
      static_cast<size_t>(target.ref.index) >= locals_.size())
    return;
  grow(static_cast<size_t>(target.ref.index), value);
}

void ValueRanges::storeWhole(const Expr& target) {
  if (target.kind == ExprKind::Name) return store(target, std::nullopt);
  if (target.kind == ExprKind::Tuple) {
    for (const auto& element : target.operands) storeWhole(*element);
  }
  // Subscripts store into arrays, which are not tracked.
}

void ValueRanges::wholeRangeForAssigned(const ast::Block& body) {
  forEachExpr(body, [&](const Expr& e, bool isTarget) {
    if (isTarget) storeWhole(e);
  });
  std::function<void(const ast::Block&)> augTargets = [&](const ast::Block& b) {
    for (const auto& s : b) {
      if (s->kind == StmtKind::AugAssign && !s->exprs.empty()) storeWhole(*s->exprs[0]);
      augTargets(s->body);
      augTargets(s->orelse);
    }
  };
  augTargets(body);
}

void ValueRanges::block(const ast::Block& body) {
  for (const auto& s : body) statement(*s);
}

void ValueRanges::statement(const Stmt& s) {
  readUnassigned_ = false;
  switch (s.kind) {
    case StmtKind::Assign:
    case StmtKind::AnnAssign: {
      bool annotated = s.kind == StmtKind::AnnAssign;
      if (annotated && (s.exprs.size() < 3 || !s.exprs[2])) return;
      const Expr& value = annotated ? *s.exprs[2] : *s.exprs.back();
      size_t targets = annotated ? 1 : s.exprs.size() - 1;
      for (size_t i = 0; i < targets; ++i) {
        const Expr& target = *s.exprs[i];
        readUnassigned_ = false;
        if (target.kind == ExprKind::Name && target.ref.kind == RefKind::Local && target.ref.index >= 0) {
          auto range = evalAs(value, fn_.locals[static_cast<size_t>(target.ref.index)].type);
          if (!readUnassigned_) store(target, range);
        } else if (target.kind == ExprKind::Tuple && value.kind == ExprKind::Tuple &&
                   target.operands.size() == value.operands.size()) {
          for (size_t k = 0; k < target.operands.size(); ++k) {
            const Expr& element = *target.operands[k];
            bool local = element.kind == ExprKind::Name && element.ref.kind == RefKind::Local && element.ref.index >= 0;
            auto range = local ? evalAs(*value.operands[k], fn_.locals[static_cast<size_t>(element.ref.index)].type)
                               : std::nullopt;
            if (!readUnassigned_) store(element, range);
          }
        } else {
          storeWhole(target);
        }
      }
      return;
    }
    case StmtKind::AugAssign: {
      const Expr& target = *s.exprs[0];
      if (target.kind != ExprKind::Name) return;  // an array element
      if (s.operandTypes.empty() || s.operandTypes[0].isUnknown()) return storeWhole(target);
      const Type& operandType = s.operandTypes[0];
      auto left = evalAs(target, operandType);
      auto right = evalAs(*s.exprs[1], operandType);
      auto result = evalBinary(s.binaryOp, operandType, left, right);
      if (!readUnassigned_) store(target, result);
      return;
    }
    case StmtKind::For: {
      const Expr& target = *s.exprs[0];
      const Expr& iterable = *s.exprs[1];
      if (isRangeCall(iterable, "range") && target.kind == ExprKind::Name) {
        forRange(s, iterable);
      } else {
        if (isRangeCall(iterable, "prange")) wholeRangeForAssigned(s.body);
        storeWhole(target);
      }
      block(s.body);
      block(s.orelse);
      return;
    }
    case StmtKind::If:
    case StmtKind::While:
    case StmtKind::With:
      block(s.body);
      block(s.orelse);
      return;
    default: return;
  }
}

void ValueRanges::forRange(const Stmt& s, const Expr& rangeCall) {
  const Expr& target = *s.exprs[0];
  auto args = argumentsOf(rangeCall);
  if (args.empty() || args.size() > 3) return storeWhole(target);
  std::vector<Interval> bounds;
  for (const Expr* arg : args) {
    if (!arg) return storeWhole(target);
    bounds.push_back(evalAs(*arg, kI64).value_or(Interval{kMin, kMax}));
  }
  if (readUnassigned_) return;  // range() itself raises
  Interval start = args.size() == 1 ? Interval{0, 0} : bounds[0];
  Interval stop = args.size() == 1 ? bounds[0] : bounds[1];
  Interval step = args.size() == 3 ? bounds[2] : Interval{1, 1};
  // Counting up, the variable takes values in [start, stop - 1]; down, in
  // [stop + 1, start]; with a step of either sign, between the two. A
  // range that is empty for every bound assigns nothing.
  if (step.lo >= 1) {
    if (stop.hi > start.lo) store(target, Interval{start.lo, stop.hi - 1});
  } else if (step.hi <= -1) {
    if (start.hi > stop.lo) store(target, Interval{stop.lo + 1, start.hi});
  } else {
    store(target, join(start, stop));
  }
}

}  // namespace pyxc::emit
