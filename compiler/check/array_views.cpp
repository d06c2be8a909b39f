// Views: `m[i]` (a row), `a[1:-1]`, `m[:, j]`, `a[::-2]`.
//
// Decisions (docs/semantics.md "Array views"):
// - basic indexing as NumPy does it: an integer drops its axis, a slice
//   keeps it, axes after the last index are kept whole; the result is a
//   view of the same memory (writes through it reach the array);
// - slice bounds are ints (or omitted / None); they clamp like Python's,
//   a zero step is ValueError at run time;
// - the view is C-contiguous (`T[::1]`, `T[:, ::1]`) when the array is and
//   the kept axes form one block: integers first, then at most one slice of
//   step 1, then only whole axes. So `m[i]` and `m[1:3]` of an `f64[:, ::1]`
//   are contiguous, `m[:, j]`, `m[:, 1:]` and `a[::2]` are not;
// - a view must not outlive the call that holds its buffer: returning one
//   is a compile error (reportEscapingViews); storing into a view as a whole
//   (`m[i] = v`) is not supported.
#include <functional>
#include <set>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isOmittedBound(const ast::Expr* bound) { return !bound || bound->kind == ast::ExprKind::NoneLit; }

}  // namespace

AxisIndex sliceIndexKind(const ast::Expr& slice) {
  const ast::Expr* step = slice.operand(2);
  bool unitStep = isOmittedBound(step) ||
                  (step->kind == ast::ExprKind::IntLit && !step->intOverflow && step->intValue == 1);
  if (!unitStep) return AxisIndex::SteppedSlice;
  return isOmittedBound(slice.operand(0)) && isOmittedBound(slice.operand(1)) ? AxisIndex::FullSlice
                                                                               : AxisIndex::UnitSlice;
}

Type indexedType(const Type& array, const std::vector<AxisIndex>& axes) {
  std::vector<AxisIndex> all = axes;
  all.resize(static_cast<size_t>(array.ndim), AxisIndex::FullSlice);  // trailing axes are kept whole
  int kept = 0;
  // One pass over the axes: 0 = leading integers, 1 = after the first
  // slice (only whole axes may follow), 2 = not a block.
  int phase = 0;
  for (AxisIndex a : all) {
    if (a != AxisIndex::Integer) ++kept;
    if (phase == 0) {
      if (a == AxisIndex::SteppedSlice) phase = 2;
      else if (a != AxisIndex::Integer) phase = 1;
    } else if (phase == 1 && a != AxisIndex::FullSlice) {
      phase = 2;
    }
  }
  if (kept == 0) return Type::scalarOf(array.scalar);
  return Type::arrayOf(array.scalar, kept, array.contiguous && phase != 2);
}

bool FunctionChecker::checkSliceBounds(ast::Expr& slice) {
  bool ok = true;
  static const char* const kWhich[] = {"start", "stop", "step"};
  for (size_t k = 0; k < 3; ++k) {
    ast::Expr* bound = slice.operand(k);
    if (isOmittedBound(bound)) {
      if (bound) bound->type = Type::voidType();
      continue;
    }
    Type t = checkType(bound);
    if (t.isUnknown()) {
      ok = false;
    } else if (!t.isInteger() && !t.isBool()) {
      error(Kind::TypeMismatch, bound->span,
            std::string("slice ") + kWhich[k] + " must be an integer or omitted, not " + typeName(t) +
                (t.isFloat() ? "; convert it with int(...)" : std::string()));
      ok = false;
    }
  }
  return ok;
}

bool FunctionChecker::rejectSubArrayStore(const ast::Expr& target, const Type& indexed) {
  if (indexed.kind != types::TypeKind::Array) return false;
  error(Kind::UnsupportedConstruct, target.span,
        "assigning to a sub-array (" + typeName(indexed) +
            ", a row or a slice) is not supported in native code; assign its elements in a loop");
  return true;
}

namespace {

// Locals that may hold a view, and whether an expression may be one.
class ViewLocals {
 public:
  explicit ViewLocals(const ast::FunctionDef& fn) {
    // A handful of locals: rounds until nothing changes.
    for (bool changed = true; changed;) {
      changed = false;
      walk(fn.body, [&](const ast::Stmt& s) {
        for (const ast::Expr* target : viewTargets(s))
          if (target->kind == ast::ExprKind::Name && target->ref.kind == ast::RefKind::Local &&
              views_.insert(target->ref.index).second)
            changed = true;
      });
    }
  }

  bool isView(const ast::Expr& e) const {
    switch (e.kind) {
      case ast::ExprKind::Subscript:
        return e.type.kind == types::TypeKind::Array && e.operand(0) &&
               e.operand(0)->type.kind == types::TypeKind::Array;
      case ast::ExprKind::Name:
        return e.ref.kind == ast::RefKind::Local && views_.count(e.ref.index) != 0;
      case ast::ExprKind::IfExp:
        return (e.operand(1) && isView(*e.operand(1))) || (e.operand(2) && isView(*e.operand(2)));
      case ast::ExprKind::Tuple:  // a tuple holding a view
        for (const auto& element : e.operands)
          if (element && isView(*element)) return true;
        return false;
      default:
        return false;
    }
  }

  static void walk(const ast::Block& body, const std::function<void(const ast::Stmt&)>& visit) {
    for (const auto& s : body) {
      visit(*s);
      walk(s->body, visit);
      walk(s->orelse, visit);
    }
  }

 private:
  // The targets of `s` that receive a view.
  std::vector<const ast::Expr*> viewTargets(const ast::Stmt& s) const {
    std::vector<const ast::Expr*> out;
    if (s.kind == ast::StmtKind::Assign && !s.exprs.empty() && s.exprs.back() && isView(*s.exprs.back()))
      for (size_t i = 0; i + 1 < s.exprs.size(); ++i)
        if (s.exprs[i]) out.push_back(s.exprs[i].get());
    if (s.kind == ast::StmtKind::AnnAssign && s.exprs.size() > 2 && s.exprs[0] && s.exprs[2] && isView(*s.exprs[2]))
      out.push_back(s.exprs[0].get());
    // `for row in m`: the rows of a 2-D array are views.
    if (s.kind == ast::StmtKind::For && s.exprs.size() > 1 && s.exprs[0] && s.exprs[0]->type.kind ==
        types::TypeKind::Array)
      out.push_back(s.exprs[0].get());
    // A tuple target: element by element against a tuple expression; all
    // of its arrays when unpacking a view (or the rows of an array).
    if (s.kind == ast::StmtKind::Assign && s.exprs.size() >= 2 && s.exprs.back())
      for (size_t i = 0; i + 1 < s.exprs.size(); ++i)
        if (s.exprs[i] && s.exprs[i]->kind == ast::ExprKind::Tuple) unpackedViews(*s.exprs[i], *s.exprs.back(), out);
    // Arrays bound by a for loop's tuple target are rows (zip(m, m2)).
    if (s.kind == ast::StmtKind::For && !s.exprs.empty() && s.exprs[0] && s.exprs[0]->kind == ast::ExprKind::Tuple)
      namesHoldingArrays(*s.exprs[0], out);
    return out;
  }

  void unpackedViews(const ast::Expr& target, const ast::Expr& value, std::vector<const ast::Expr*>& out) const {
    if (target.kind == ast::ExprKind::Tuple && value.kind == ast::ExprKind::Tuple &&
        target.operands.size() == value.operands.size()) {
      for (size_t k = 0; k < target.operands.size(); ++k)
        if (target.operands[k] && value.operands[k]) unpackedViews(*target.operands[k], *value.operands[k], out);
      return;
    }
    if (isView(value) || (value.type.kind == types::TypeKind::Array && value.type.ndim > 1))
      namesHoldingArrays(target, out);
  }

  static bool holdsArray(const Type& t) {
    if (t.kind == types::TypeKind::Array) return true;
    for (const auto& element : t.elements)
      if (holdsArray(element)) return true;
    return false;
  }
  static void namesHoldingArrays(const ast::Expr& target, std::vector<const ast::Expr*>& out) {
    if (target.kind == ast::ExprKind::Name && holdsArray(target.type)) out.push_back(&target);
    if (target.kind == ast::ExprKind::Tuple)
      for (const auto& element : target.operands)
        if (element) namesHoldingArrays(*element, out);
  }

  std::set<int> views_;
};

}  // namespace

void reportEscapingViews(const ast::FunctionDef& fn, diag::DiagnosticBag& diags) {
  ViewLocals views(fn);
  ViewLocals::walk(fn.body, [&](const ast::Stmt& s) {
    if (s.kind != ast::StmtKind::Return || s.exprs.empty() || !s.exprs[0] || !views.isView(*s.exprs[0])) return;
    const ast::Expr& value = *s.exprs[0];
    diags.error(Kind::UnsupportedConstruct, value.span,
                "returning a view (" + typeName(value.type) +
                    ": a row, a slice, or a local holding one) is not supported: it borrows the buffer of "
                    "the call's argument, which is released when the call returns; copy it into "
                    "pyxc.empty(...) in a loop and return that");
  });
}

}  // namespace pyxc::check
