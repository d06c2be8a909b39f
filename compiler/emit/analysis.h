// Facts about a typed function body that decide how it is emitted:
// constants, which expressions may raise, which locals need flags.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace pyxc::emit {

// A literal (or a negated literal) spelled as a constant of `type`;
// nullopt when `e` is not a constant.
std::optional<std::string> constantLiteral(const ast::Expr& e, const types::Type& type);
// The value of an integer constant expression (`3`, `-1`, `True`).
std::optional<int64_t> constantInt(const ast::Expr& e);

// What evaluating an expression may do besides computing its value.
struct Effects {
  // Calls a function, or may raise more than one kind of error: must stay
  // in Python's order relative to any other effectful operand.
  bool ordered = false;
  // Otherwise, the only errors ("OverflowError:int64_t") it may raise.
  std::set<std::string> raises;

  bool none() const { return !ordered && raises.empty(); }
  void add(const Effects& other);
};

// Reads of locals and literals have no effects.
Effects effectsOf(const ast::Expr& e, const ast::Directives& directives);
// Must these operands be evaluated in Python's order (left to right)? Not
// when at most one has effects, or when all of them can only raise one and
// the same error (checked arithmetic of one type), since then whichever
// raises first raises what Python would.
bool orderMatters(const std::vector<Effects>& operands);

// Calls `visit(expr, isAssignmentTarget)` for every expression of `body`,
// nested ones included, in source order.
void forEachExpr(const ast::Block& body, const std::function<void(const ast::Expr&, bool)>& visit);

// The native functions of `module` that can reach themselves through calls
// to native functions (directly or through others): they carry a recursion
// budget so that deep recursion raises RecursionError instead of
// overflowing the C stack.
std::set<const ast::FunctionDef*> recursiveFunctions(const ast::Module& module);

// Per native function, per parameter: may the function store into the
// elements of this array parameter (directly, by passing it to a native
// function that does, or through another local it was assigned to)? The
// wrapper then refuses read-only buffers for it.
std::map<const ast::FunctionDef*, std::vector<bool>> arrayParamWrites(const ast::Module& module);

// Per local of `fn`: is it ever read?
std::vector<bool> localsRead(const ast::FunctionDef& fn);
// Per local of `fn`: is it read somewhere it may be unassigned?
std::vector<bool> localsNeedingBoundFlag(const ast::FunctionDef& fn);

}  // namespace pyxc::emit
