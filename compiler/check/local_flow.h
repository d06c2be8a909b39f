// Internal to compiler/check: the path-state pieces that definite assignment
// and the prange analysis both run over structured control flow. A state is
// one bit per local slot at a point of the body, plus whether any path
// reaches that point; where paths meet, the states are joined.
#pragma once

#include <cstddef>
#include <vector>

#include "compiler/ast/ast.h"

namespace pyxc::check {

struct LocalFlow {
  std::vector<bool> holds;  // per local slot: assigned, poisoned, ... (the analysis says which)
  bool dead = false;        // no path reaches here

  static LocalFlow reachable(size_t locals) { return LocalFlow{std::vector<bool>(locals, false), false}; }
  // A dead state's bits never decide anything: joins skip it.
  static LocalFlow unreachable(size_t locals) { return LocalFlow{std::vector<bool>(locals, true), true}; }
};

// How a fact survives a join: "on every path" (definitely assigned) or "on
// some path" (may be poisoned).
enum class Join { AllPaths, AnyPath };

inline LocalFlow join(const LocalFlow& a, const LocalFlow& b, Join how) {
  if (a.dead) return b;
  if (b.dead) return a;
  LocalFlow out = a;
  for (size_t i = 0; i < out.holds.size(); ++i)
    out.holds[i] = how == Join::AllPaths ? a.holds[i] && b.holds[i] : a.holds[i] || b.holds[i];
  return out;
}

// The local slot `e` names, or -1 (not a local name, or a slot outside the
// `locals` the state has).
inline int localSlot(const ast::Expr* e, size_t locals) {
  if (!e || e->kind != ast::ExprKind::Name || e->ref.kind != ast::RefKind::Local || e->ref.index < 0 ||
      static_cast<size_t>(e->ref.index) >= locals)
    return -1;
  return e->ref.index;
}

// Walks an assignment target: `bind(slot, name)` for each local it assigns
// (tuple targets element by element), `other(expr)` for anything else, such
// as a subscript, which reads its array and indices.
template <class ExprT, class Bind, class Other>
void forEachAssigned(ExprT* target, size_t locals, const Bind& bind, const Other& other) {
  if (!target) return;
  if (target->kind == ast::ExprKind::Tuple) {
    for (auto& element : target->operands) forEachAssigned(element.get(), locals, bind, other);
  } else if (int slot = localSlot(target, locals); slot >= 0) {
    bind(slot, target);
  } else {
    other(target);
  }
}

// An `if`: its test is read, both branches start from the state after it,
// and the states at their ends are joined.
template <class StmtT, class Read, class Walk>
void flowThroughIf(StmtT& s, LocalFlow& f, Join how, const Read& read, const Walk& walk) {
  read(s.exprs.empty() ? nullptr : s.exprs[0].get(), f);
  LocalFlow orelse = f;
  walk(s.body, f);
  walk(s.orelse, orelse);
  f = join(f, orelse, how);
}

}  // namespace pyxc::check
