// How the body of `for i in prange(...)` may use the function's locals, so
// that running its iterations on several threads gives what the serial loop
// gives (up to reduction order):
// - private: the loop variable, and every local the body assigns before it
//   reads it in each iteration (on every path; conservative: an assignment
//   inside an inner loop or one branch does not count after it). Each
//   iteration gets its own copy; reading one after the loop is an error
//   (no lastprivate, unlike Cython: its value would be the last iteration's
//   only by accident of scheduling).
// - reduction: a local the body writes only through one of `x += e`,
//   `x -= e`, `x *= e`, `x = min(x, e)`, `x = max(x, e)` (one operator) and
//   reads nowhere else in the body. Each chunk of iterations accumulates a
//   partial; the partials are combined into x after the loop.
// - shared, read-only: every other local the body reads.
// Anything else the body assigns would race between threads: an error that
// names the local and says what to do. Array elements are not analysed (as
// in Cython, Numba and OpenMP, writing one element from two iterations is
// the program's mistake).
#include <algorithm>
#include <map>
#include <set>

#include "compiler/check/checker.h"
#include "compiler/check/local_flow.h"

namespace pyxc::check {

namespace {

using ast::Expr;
using ast::ExprKind;
using ast::ReductionOp;
using ast::Stmt;
using ast::StmtKind;

const char* spelling(ReductionOp op) {
  switch (op) {
    case ReductionOp::Add: return "+=";
    case ReductionOp::Sub: return "-=";
    case ReductionOp::Mul: return "*=";
    case ReductionOp::Min: return "= min(...)";
    case ReductionOp::Max: return "= max(...)";
  }
  return "?";
}

// `x += e`, `x -= e`, `x *= e`, `x = min(x, e)`, `x = max(x, e)`.
std::optional<ast::ParallelReduction> reductionForm(const Stmt& s, size_t locals) {
  ast::ParallelReduction r;
  r.update = &s;
  if (s.kind == StmtKind::AugAssign && s.exprs.size() == 2) {
    r.local = localSlot(s.exprs[0].get(), locals);
    r.value = s.exprs[1].get();
    switch (s.binaryOp) {
      case ast::BinaryOp::Add: r.op = ReductionOp::Add; break;
      case ast::BinaryOp::Sub: r.op = ReductionOp::Sub; break;
      case ast::BinaryOp::Mul: r.op = ReductionOp::Mul; break;
      default: return std::nullopt;
    }
  } else if (s.kind == StmtKind::Assign && s.exprs.size() == 2 && s.exprs[1]) {
    const Expr& call = *s.exprs[1];
    r.local = localSlot(s.exprs[0].get(), locals);
    if (call.kind != ExprKind::Call || call.ref.kind != ast::RefKind::Builtin ||
        (call.ref.name != "min" && call.ref.name != "max") || call.operands.size() != 3 || !call.keywords.empty() ||
        localSlot(call.operand(1), locals) != r.local)
      return std::nullopt;
    r.op = call.ref.name == "min" ? ReductionOp::Min : ReductionOp::Max;
    r.value = call.operand(2);
  } else {
    return std::nullopt;
  }
  if (r.local < 0 || !r.value) return std::nullopt;
  return r;
}

// holds[slot]: this iteration has assigned the local on every path so far.
using Flow = LocalFlow;

class ParallelLoopAnalysis {
 public:
  ParallelLoopAnalysis(Stmt& loop, const ast::FunctionDef& fn, diag::DiagnosticBag& diags)
      : loop_(loop), fn_(fn), diags_(diags), n_(fn.locals.size()), written_(n_), notReduction_(n_), reported_(n_) {}

  void run() {
    auto info = std::make_unique<ast::ParallelLoop>();
    if (loop_.exprs.size() > 1 && loop_.exprs[1]) {
      for (const auto& keyword : loop_.exprs[1]->keywords)
        if (keyword.name == "num_threads") info->numThreads = keyword.value.get();
    }
    int loopVariable = slotOf(loop_.exprs[0].get());
    collectWrites(loop_.body);
    // Reductions: every write is a reduction form, all with one operator.
    for (const auto& [slot, forms] : forms_) {
      if (notReduction_[slot] || slot == loopVariable) continue;
      if (fn_.locals[slot].type.kind == types::TypeKind::Array) continue;
      const ast::ParallelReduction& first = forms.front();
      bool mixed = false;
      for (const auto& form : forms) {
        if (form.op != first.op && !mixed) {
          mixed = true;
          auto& d = diags_.error(Kind::ParallelRace, form.update->span,
                                 "'" + name(slot) + "' is updated with both '" + spelling(first.op) + "' and '" +
                                     spelling(form.op) + "' in this prange loop; a reduction combines " +
                                     "per-thread results with one operator: use one, or a separate variable");
          d.notes.push_back({first.update->span, "first update here"});
          reported_[slot] = true;
        }
      }
      reductions_.insert(slot);
      info->reductions.push_back(first);
    }
    for (int slot : reductions_)
      for (const auto& form : forms_[slot]) reductionUpdates_.insert(form.update);
    Flow entry = Flow::reachable(n_);
    if (loopVariable >= 0) entry.holds[loopVariable] = true;
    block(loop_.body, entry);
    for (size_t slot = 0; slot < n_; ++slot) {
      if (written_[slot] && !reductions_.count(static_cast<int>(slot))) info->privates.push_back(static_cast<int>(slot));
    }
    if (loopVariable >= 0 && !written_[loopVariable]) info->privates.push_back(loopVariable);
    privates_ = info->privates;
    Poison start = Poison::reachable(n_);
    blockAfter(fn_.body, start);
    loop_.parallel = std::move(info);
  }

 private:
  std::string name(int slot) const { return fn_.locals[static_cast<size_t>(slot)].name; }
  int slotOf(const Expr* e) const { return localSlot(e, n_); }

  void noteWrite(const Expr* target, bool isReductionForm) {
    if (!target) return;
    if (target->kind == ExprKind::Tuple) {
      for (const auto& element : target->operands) noteWrite(element.get(), false);
      return;
    }
    int slot = slotOf(target);
    if (slot < 0) return;
    written_[slot] = true;
    if (!isReductionForm) notReduction_[slot] = true;
  }

  void collectWrites(const ast::Block& body) {
    for (const auto& s : body) {
      if (auto form = reductionForm(*s, n_)) {
        forms_[form->local].push_back(*form);
        noteWrite(s->exprs[0].get(), true);
      } else if (s->kind == StmtKind::Assign) {
        for (size_t i = 0; i + 1 < s->exprs.size(); ++i) noteWrite(s->exprs[i].get(), false);
      } else if ((s->kind == StmtKind::AnnAssign && s->exprs.size() > 2 && s->exprs[2]) ||
                 s->kind == StmtKind::AugAssign || s->kind == StmtKind::For) {
        noteWrite(s->exprs.empty() ? nullptr : s->exprs[0].get(), false);
      }
      collectWrites(s->body);
      collectWrites(s->orelse);
    }
  }

  // A read of `e`'s locals with `f` assigned before it in this iteration.
  void read(const Expr* e, const Flow& f, const Expr* reductionTarget = nullptr) {
    if (!e) return;
    int slot = slotOf(e);
    if (slot >= 0 && e != reductionTarget && !f.dead && !reported_[slot]) {
      if (reductions_.count(slot)) {
        reported_[slot] = true;
        auto& d = diags_.error(Kind::ParallelRace, e->span,
                               "'" + name(slot) + "' is a reduction in this prange loop ('" + name(slot) + " " +
                                   spelling(forms_[slot].front().op) + "') and cannot be read inside it: each " +
                                   "thread holds only a partial result until the loop ends; read it after the loop");
        d.notes.push_back({forms_[slot].front().update->span, "reduction update here"});
      } else if (written_[slot] && !f.holds[slot]) {
        reported_[slot] = true;
        diags_.error(Kind::ParallelRace, e->span,
                     "'" + name(slot) + "' is read here where this iteration of the prange loop may not have " +
                         "assigned it yet, so it could see a value written by another iteration (a data race); " +
                         "assign it first in the loop body, on every path, or make it a reduction (only " +
                         "'x += ...', 'x -= ...', 'x *= ...', 'x = min(x, ...)' or 'x = max(x, ...)', never " +
                         "read in the loop)");
      }
    }
    for (const auto& operand : e->operands) read(operand.get(), f);
    for (const auto& keyword : e->keywords) read(keyword.value.get(), f);
  }

  void assign(const Expr* target, Flow& f) {
    forEachAssigned(
        target, n_, [&](int slot, const Expr*) { f.holds[slot] = true; },
        [&](const Expr* other) { read(other, f); });
  }

  void block(const ast::Block& b, Flow& f) {
    for (const auto& s : b) stmt(*s, f);
  }

  void stmt(const Stmt& s, Flow& f) {
    auto expr = [&](size_t i) -> const Expr* { return i < s.exprs.size() ? s.exprs[i].get() : nullptr; };
    bool isReduction = reductionUpdates_.count(&s) != 0;
    switch (s.kind) {
      case StmtKind::Expr:
      case StmtKind::Assert:
        for (const auto& e : s.exprs) read(e.get(), f);
        break;
      case StmtKind::Assign:
        if (s.exprs.empty()) break;
        if (isReduction) {
          const Expr& call = *s.exprs.back();
          read(call.operand(2), f);
          break;
        }
        read(s.exprs.back().get(), f);
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i) assign(expr(i), f);
        break;
      case StmtKind::AnnAssign:
        if (expr(2)) {
          read(expr(2), f);
          assign(expr(0), f);
        }
        break;
      case StmtKind::AugAssign:
        read(expr(0), f, isReduction ? expr(0) : nullptr);
        read(expr(1), f);
        if (!isReduction) assign(expr(0), f);
        break;
      case StmtKind::If:
        flowThroughIf(s, f, Join::AllPaths, [&](const Expr* test, Flow& at) { read(test, at); },
                      [&](const ast::Block& branch, Flow& at) { block(branch, at); });
        break;
      case StmtKind::With:  // `with pyxc.gil():` runs its block once, in order
        block(s.body, f);
        break;
      case StmtKind::While:
      case StmtKind::For: {
        // The body may run zero times: nothing it assigns counts after it.
        read(expr(s.kind == StmtKind::For ? 1 : 0), f);
        Flow body = f;
        if (s.kind == StmtKind::For) assign(expr(0), body);
        ++innerLoops_;
        block(s.body, body);
        --innerLoops_;
        Flow orelse = f;
        block(s.orelse, orelse);
        break;
      }
      case StmtKind::Break:
        if (innerLoops_ == 0)
          diags_.error(Kind::BadLoop, s.span,
                       "'break' cannot leave a prange loop: its iterations run in no fixed order; use range(), "
                       "or a flag that the remaining iterations test");
        f.dead = true;
        break;
      case StmtKind::Continue:
        f.dead = true;
        break;
      case StmtKind::Return:
        diags_.error(Kind::BadLoop, s.span,
                     "'return' inside a prange loop is not supported: its iterations run in no fixed order; "
                     "store the result in a variable or an array and return after the loop");
        for (const auto& e : s.exprs) read(e.get(), f);
        f.dead = true;
        break;
      case StmtKind::Raise:
        f.dead = true;
        break;
      default:
        break;
    }
  }

  // After the loop a private has no value (the function's own variable was
  // never written): a read on a path from the loop's end that does not
  // assign it first is an error. Flow over the whole function, where a
  // local is "poisoned" from the loop's end until assigned; loop bodies run
  // twice so that poison carried round an enclosing loop is seen.
  // holds[slot]: the local may be poisoned on some path reaching here.
  using Poison = LocalFlow;
  static Poison join(const Poison& a, const Poison& b) { return check::join(a, b, Join::AnyPath); }

  void readAfter(const Expr* e, const Poison& p) {
    if (!e) return;
    int slot = slotOf(e);
    if (slot >= 0 && !p.dead && p.holds[slot] && !reported_[slot]) {
      reported_[slot] = true;
      bool isLoopVariable = slot == slotOf(loop_.exprs[0].get());
      auto& d = diags_.error(Kind::ParallelRace, e->span,
                             "'" + name(slot) + "' is " +
                                 (isLoopVariable ? "the variable of" : "assigned in") +
                                 " the prange loop, so each iteration has its own copy and it has no defined " +
                                 "value after the loop (iterations run in no fixed order); use a different " +
                                 "variable inside the loop, or store what you need in an array");
      d.notes.push_back({loop_.span, "the prange loop"});
    }
    for (const auto& operand : e->operands) readAfter(operand.get(), p);
    for (const auto& keyword : e->keywords) readAfter(keyword.value.get(), p);
  }

  void assignAfter(const Expr* target, Poison& p) {
    forEachAssigned(
        target, n_, [&](int slot, const Expr*) { p.holds[slot] = false; },
        [&](const Expr* other) { readAfter(other, p); });
  }

  void blockAfter(const ast::Block& b, Poison& p) {
    for (const auto& s : b) stmtAfter(*s, p);
  }

  void stmtAfter(const Stmt& s, Poison& p) {
    auto expr = [&](size_t i) -> const Expr* { return i < s.exprs.size() ? s.exprs[i].get() : nullptr; };
    if (&s == &loop_) {
      readAfter(expr(1), p);
      for (int slot : privates_) p.holds[slot] = true;
      blockAfter(s.orelse, p);
      return;
    }
    switch (s.kind) {
      case StmtKind::Assign:
        if (s.exprs.empty()) break;
        readAfter(s.exprs.back().get(), p);
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i) assignAfter(expr(i), p);
        break;
      case StmtKind::AnnAssign:
        readAfter(expr(2), p);
        if (expr(2)) assignAfter(expr(0), p);
        break;
      case StmtKind::AugAssign:
        readAfter(expr(0), p);
        readAfter(expr(1), p);
        assignAfter(expr(0), p);
        break;
      case StmtKind::If:
        flowThroughIf(s, p, Join::AnyPath, [&](const Expr* test, Poison& at) { readAfter(test, at); },
                      [&](const ast::Block& branch, Poison& at) { blockAfter(branch, at); });
        break;
      case StmtKind::With:
        blockAfter(s.body, p);
        break;
      case StmtKind::While:
      case StmtKind::For: {
        Poison head = p;
        Poison exits = Poison::unreachable(n_);
        for (int pass = 0; pass < 2; ++pass) {
          readAfter(expr(s.kind == StmtKind::For ? 1 : 0), head);
          exits = join(exits, head);
          Poison body = head;
          if (s.kind == StmtKind::For) assignAfter(expr(0), body);
          jumps_.push_back(Poison::unreachable(n_));
          blockAfter(s.body, body);
          body = join(body, jumps_.back());
          jumps_.pop_back();
          head = join(head, body);
        }
        blockAfter(s.orelse, exits);
        p = exits;
        break;
      }
      case StmtKind::Break:
      case StmtKind::Continue:
        // Both reach the loop's head or exit; joined into both (conservative).
        if (!jumps_.empty()) jumps_.back() = join(jumps_.back(), p);
        p.dead = true;
        break;
      case StmtKind::Return:
      case StmtKind::Raise:
        for (const auto& e : s.exprs) readAfter(e.get(), p);
        p.dead = true;
        break;
      default:
        for (const auto& e : s.exprs) readAfter(e.get(), p);
        break;
    }
  }

  Stmt& loop_;
  const ast::FunctionDef& fn_;
  diag::DiagnosticBag& diags_;
  size_t n_;
  std::vector<bool> written_, notReduction_, reported_;
  std::map<int, std::vector<ast::ParallelReduction>> forms_;
  std::set<const Stmt*> reductionUpdates_;
  std::set<int> reductions_;
  std::vector<int> privates_;
  int innerLoops_ = 0;
  std::vector<Poison> jumps_;  // break/continue states of the enclosing loops (after-loop flow)
};

}  // namespace

void analyzeParallelLoop(ast::Stmt& loop, const ast::FunctionDef& fn, diag::DiagnosticBag& diags) {
  ParallelLoopAnalysis(loop, fn, diags).run();
}

}  // namespace pyxc::check
