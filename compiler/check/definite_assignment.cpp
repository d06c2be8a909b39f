// Definite assignment over structured control flow: a local read is
// "maybe unbound" unless every path from the function's entry assigns it
// first. Paths end at return/raise/break/continue; loop bodies may run zero
// times; `while True` only exits through `break`.
#include "compiler/check/checker.h"
#include "compiler/check/local_flow.h"

namespace pyxc::check {

namespace {

// holds[slot]: the local is assigned on every path reaching here.
using Flow = LocalFlow;

Flow merge(const Flow& a, const Flow& b) { return join(a, b, Join::AllPaths); }

bool isConstantTrue(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::BoolLit) return e.boolValue;
  if (e.kind == ast::ExprKind::IntLit) return !e.intOverflow && e.intValue != 0;
  return false;
}

class DefiniteAssignment {
 public:
  explicit DefiniteAssignment(ast::FunctionDef& fn) : fn_(fn) {}

  Flow run() {
    Flow entry = Flow::reachable(fn_.locals.size());
    for (size_t i = 0; i < fn_.locals.size(); ++i)
      if (fn_.locals[i].isParam) entry.holds[i] = true;
    block(fn_.body, entry);
    return entry;
  }

 private:
  void read(ast::Expr* e, const Flow& f) {
    if (!e) return;
    if (int slot = localSlot(e, f.holds.size()); slot >= 0) e->maybeUnbound = !f.dead && !f.holds[slot];
    if (e->kind == ast::ExprKind::ListComp || e->kind == ast::ExprKind::GeneratorExp) {
      // Each clause binds its variable before the later clauses and the element.
      Flow inner = f;
      for (size_t i = 1; i < e->operands.size(); ++i) {
        ast::Expr* clause = e->operands[i].get();
        if (!clause) continue;
        read(clause->kind == ast::ExprKind::CompFor ? clause->operand(1) : clause->operand(0), inner);
        if (clause->kind == ast::ExprKind::CompFor && clause->operand(0)) assign(clause->operand(0), inner);
      }
      read(e->operand(0), inner);
      return;
    }
    for (auto& operand : e->operands) read(operand.get(), f);
    for (auto& kw : e->keywords) read(kw.value.get(), f);
  }

  void assign(ast::Expr* target, Flow& f) {
    forEachAssigned(
        target, f.holds.size(),
        [&](int slot, ast::Expr* name) {
          f.holds[slot] = true;
          name->maybeUnbound = false;
        },
        [&](ast::Expr* other) { read(other, f); });
  }

  void block(ast::Block& b, Flow& f) {
    for (auto& s : b) stmt(*s, f);
  }

  void loopBody(ast::Stmt& s, Flow bodyFlow, Flow exit, Flow& f) {
    breaks_.push_back(Flow::unreachable(f.holds.size()));
    block(s.body, bodyFlow);
    Flow breaks = breaks_.back();
    breaks_.pop_back();
    block(s.orelse, exit);
    f = merge(exit, breaks);
  }

  void stmt(ast::Stmt& s, Flow& f) {
    auto expr = [&](size_t i) { return i < s.exprs.size() ? s.exprs[i].get() : nullptr; };
    switch (s.kind) {
      case ast::StmtKind::Expr:
      case ast::StmtKind::Assert:
        for (auto& e : s.exprs) read(e.get(), f);
        break;
      case ast::StmtKind::Assign:
        if (s.exprs.empty()) break;
        read(s.exprs.back().get(), f);
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i) assign(expr(i), f);
        break;
      case ast::StmtKind::AnnAssign:
        if (expr(2)) {
          read(expr(2), f);
          assign(expr(0), f);
        }
        break;
      case ast::StmtKind::AugAssign: {
        read(expr(0), f);  // the target is read first
        // assign() clears the flag (a plain target is no read); this target is.
        bool targetMaybeUnbound = expr(0) && expr(0)->maybeUnbound;
        read(expr(1), f);
        assign(expr(0), f);
        if (expr(0)) expr(0)->maybeUnbound = targetMaybeUnbound;
        break;
      }
      case ast::StmtKind::If:
        flowThroughIf(s, f, Join::AllPaths, [&](ast::Expr* test, Flow& at) { read(test, at); },
                      [&](ast::Block& branch, Flow& at) { block(branch, at); });
        break;
      case ast::StmtKind::While: {
        read(expr(0), f);
        bool forever = expr(0) && isConstantTrue(*expr(0));
        loopBody(s, f, forever ? Flow::unreachable(f.holds.size()) : f, f);
        break;
      }
      case ast::StmtKind::For: {
        read(expr(1), f);
        Flow bodyFlow = f;
        assign(expr(0), bodyFlow);
        loopBody(s, bodyFlow, f, f);
        break;
      }
      case ast::StmtKind::With:  // `with pyxc.gil():`: the block runs once
        block(s.body, f);
        break;
      case ast::StmtKind::Break:
        if (!breaks_.empty()) breaks_.back() = merge(breaks_.back(), f);
        f = Flow::unreachable(f.holds.size());
        break;
      case ast::StmtKind::Continue:
        f = Flow::unreachable(f.holds.size());
        break;
      case ast::StmtKind::Return:
      case ast::StmtKind::Raise:
        for (auto& e : s.exprs) read(e.get(), f);
        f = Flow::unreachable(f.holds.size());
        break;
      case ast::StmtKind::Unsupported:
        // Already reported; what follows is not judged (it might be a
        // return the syntax phase could not convert).
        f = Flow::unreachable(f.holds.size());
        break;
      default:
        break;
    }
  }

  ast::FunctionDef& fn_;
  std::vector<Flow> breaks_;
};

}  // namespace

void checkDefiniteAssignment(ast::FunctionDef& fn, diag::DiagnosticBag& diags, bool returnInferred) {
  Flow end = DefiniteAssignment(fn).run();
  if (end.dead) return;
  const types::Type& r = fn.returnType;
  if (r.isUnknown() || r.kind == types::TypeKind::Void) return;
  if (returnInferred)
    diags.error(Kind::ReturnType, fn.nameSpan,
                "'" + fn.name + "' returns " + typeName(r) +
                    " on some paths but can reach the end of its body (returning None); add a final return");
  else
    diags.error(Kind::ReturnType, fn.nameSpan,
                "'" + fn.name + "' is declared to return " + typeName(r) +
                    " but can reach the end of its body without a return");
}

}  // namespace pyxc::check
