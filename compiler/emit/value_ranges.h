// Value-range analysis: for every integer expression of a typed function
// body, an interval its value is sure to lie in. The emitter drops an
// overflow check or Python's floor fixup of `//` and `%` only where these
// intervals prove it can never fire (docs/semantics.md, "Checks the
// compiler proves unnecessary").
//
// Conservative by construction: a local's interval is the join of every
// value any statement may store into it (flow-insensitive, so branches and
// loop back edges need no special care), found by a fixpoint that widens a
// local to its type's whole range once it has grown a few times, so it
// always terminates, followed by one narrowing pass. Whatever the analysis
// does not model gets the type's whole range, which proves nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "compiler/ast/ast.h"

namespace pyxc::emit {

// A closed interval [lo, hi] of integer values.
struct Interval {
  int64_t lo = 0;
  int64_t hi = 0;
  bool operator==(const Interval&) const = default;
  bool contains(const Interval& other) const { return lo <= other.lo && other.hi <= hi; }
};

// All values of an integer or bool type; nullopt for types whose values do
// not all fit an int64 (u64) and for non-integers, which are not tracked.
std::optional<Interval> typeInterval(const types::Type& type);
Interval join(const Interval& a, const Interval& b);

// What Python's integer `left op right` may produce, as an exact
// mathematical interval (no int64 wrap-around): nullopt when the operation
// is not modelled or may raise for another reason than overflow
// (a divisor that may be zero). Bounds outside int64 are clamped to
// int64's limits, and `exceedsInt64` says so.
struct ExactResult {
  Interval range;
  bool exceedsInt64 = false;
};
std::optional<ExactResult> exactBinary(ast::BinaryOp op, const Interval& left, const Interval& right);

// Does the exact result always fit `type`, so a check for overflow can never
// fire?
bool fitsType(const ExactResult& result, const types::Type& type);

class ValueRanges {
 public:
  explicit ValueRanges(const ast::FunctionDef& fn);

  // The interval of `e`'s value in its own type (`e.type`), or nullopt when
  // `e` is not an integer the analysis tracks.
  std::optional<Interval> of(const ast::Expr& e) const;
  // The interval of `e` after converting it to `type` (as check's
  // operandTypes ask): conversions between integer types either keep the
  // value or raise, so the interval carries over, cut to `type`.
  std::optional<Interval> ofAs(const ast::Expr& e, const types::Type& type) const;
  // The interval of local `slot` everywhere in the function.
  std::optional<Interval> ofLocal(int slot) const;

 private:
  struct LocalState {
    bool assigned = false;  // false: no value stored yet (bottom)
    Interval range;
    int growths = 0;
  };

  // Parameters hold any value of their type; other locals nothing yet.
  std::vector<LocalState> initialState() const;
  std::optional<Interval> eval(const ast::Expr& e);
  std::optional<Interval> evalAs(const ast::Expr& e, const types::Type& type);
  std::optional<Interval> evalUnary(const ast::Expr& e);
  std::optional<Interval> evalBinary(ast::BinaryOp op, const types::Type& operandType, std::optional<Interval> left,
                                     std::optional<Interval> right);
  std::optional<Interval> evalCall(const ast::Expr& e);
  // The join of operands[firstLazy..] of `e` as `type`; the earlier operands
  // always run but are not the value (an if-else's test).
  std::optional<Interval> lazyJoin(const ast::Expr& e, size_t firstLazy, const types::Type& type);
  // Joins `value` (nullopt: unknown) into local `slot`.
  void grow(size_t slot, std::optional<Interval> value);
  void block(const ast::Block& body);
  void statement(const ast::Stmt& s);
  void store(const ast::Expr& target, std::optional<Interval> value);
  void storeWhole(const ast::Expr& target);
  void forRange(const ast::Stmt& s, const ast::Expr& rangeCall);
  // Marks every local a prange body assigns as unknown (its reductions
  // combine partial results no single statement computes).
  void wholeRangeForAssigned(const ast::Block& body);

  const ast::FunctionDef& fn_;
  std::vector<LocalState> locals_;
  bool changed_ = false;
  // The narrowing pass stores here while reads still see locals_.
  std::vector<LocalState>* narrowing_ = nullptr;
  // The statement being evaluated read a local nothing has been stored into
  // yet: it raises there, so it stores nothing this round.
  bool readUnassigned_ = false;
  static constexpr int kGrowthsBeforeWidening = 3;
  // Final pass: every evaluated expression's interval, by node.
  bool recording_ = false;
  std::map<const ast::Expr*, std::optional<Interval>> exprs_;
};

}  // namespace pyxc::emit
