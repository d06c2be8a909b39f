// Which names are locals of a native function (Python's rule: any name the
// function assigns), and the declared type of parameters and annotated
// locals. Runs once per function, before the body is typed.
#include "compiler/check/checker.h"

namespace pyxc::check {

FunctionChecker::FunctionChecker(ModuleContext& ctx, int functionIndex)
    : ctx_(ctx), functionIndex_(functionIndex), fn_(*ctx.module.functions[functionIndex]) {
  collectLocals();
}

diag::Diagnostic& FunctionChecker::error(Kind kind, Span span, std::string message) {
  return (report_ ? ctx_.diags : scratch_).error(kind, span, std::move(message));
}

std::optional<int> FunctionChecker::bindLocalTarget(ast::Expr& target) {
  auto slot = findLocal(target.text);
  if (!slot) return std::nullopt;
  target.ref = ast::Ref{ast::RefKind::Local, *slot, target.text};
  target.type = fn_.locals[*slot].type;
  return slot;
}

std::optional<int> FunctionChecker::findLocal(const std::string& name) const {
  if (!comprehensionScopes_.empty())
    if (auto slot = findComprehensionLocal(name)) return slot;
  auto it = localSlots_.find(name);
  if (it == localSlots_.end()) return std::nullopt;
  return it->second;
}

int FunctionChecker::addLocal(const std::string& name, Span span) {
  if (auto slot = findLocal(name)) return *slot;
  int slot = static_cast<int>(fn_.locals.size());
  fn_.locals.push_back(ast::Local{name, Type::unknown(), span, false});
  info_.push_back(LocalInfo{});
  localSlots_.emplace(name, slot);
  return slot;
}

void FunctionChecker::collectTargets(ast::Expr& target) {
  if (target.kind == ast::ExprKind::Name) {
    addLocal(target.text, target.span);
  } else if (target.kind == ast::ExprKind::Tuple) {
    for (auto& element : target.operands)
      if (element) collectTargets(*element);
  }
  // Other targets (subscripts, attributes) bind no name; statements.cpp reports them.
}

void FunctionChecker::collectInBlock(ast::Block& block) {
  for (auto& stmt : block) {
    ast::Stmt& s = *stmt;
    switch (s.kind) {
      case ast::StmtKind::Assign:
        for (size_t i = 0; i + 1 < s.exprs.size(); ++i)
          if (s.exprs[i]) collectTargets(*s.exprs[i]);
        break;
      case ast::StmtKind::AugAssign:
      case ast::StmtKind::For:
        if (!s.exprs.empty() && s.exprs[0]) collectTargets(*s.exprs[0]);
        break;
      case ast::StmtKind::AnnAssign: {
        if (s.exprs.size() < 2 || !s.exprs[0] || !s.exprs[1] || s.exprs[0]->kind != ast::ExprKind::Name) break;
        ast::Expr& target = *s.exprs[0];
        int slot = addLocal(target.text, target.span);
        // `tuple[T, ...]` is declared by its value (tuples.cpp).
        if (isVariadicTupleAnnotation(*s.exprs[1]) && s.exprs.size() > 2 && s.exprs[2]) break;
        Type declared = resolveAnnotation(*s.exprs[1], AnnotationUse::Local, ctx_.scope, ctx_.diags,
                                          fn_.fusedChoice.empty() ? nullptr : &fn_.fusedChoice);
        ast::Local& local = fn_.locals[slot];
        LocalInfo& info = info_[slot];
        if (info.declared) {
          if (!declared.isUnknown() && !local.type.isUnknown() && declared != local.type) {
            auto& d = ctx_.diags.error(Kind::IncompatibleAssignment, s.exprs[1]->span,
                                       "'" + target.text + "' is annotated as " + typeName(declared) +
                                           " here but as " + typeName(local.type) + " before");
            d.notes.push_back({info.declaration, "'" + target.text + "' declared here"});
          }
        } else {
          info.declared = true;
          info.declaration = s.exprs[1]->span;
          local.type = declared;
        }
        break;
      }
      case ast::StmtKind::If:
      case ast::StmtKind::While:
      case ast::StmtKind::With:
        collectInBlock(s.body);
        collectInBlock(s.orelse);
        break;
      default:
        break;
    }
    if (s.kind == ast::StmtKind::For) {
      collectInBlock(s.body);
      collectInBlock(s.orelse);
    }
  }
}

void FunctionChecker::collectLocals() {
  fn_.locals.clear();
  for (const auto& p : fn_.params) {
    int slot = addLocal(p.name, p.span);
    fn_.locals[slot].isParam = true;
    fn_.locals[slot].type = p.type;
    info_[slot].declared = true;
    info_[slot].declaration = p.annotation ? p.annotation->span : p.span;
  }
  collectInBlock(fn_.body);
}

}  // namespace pyxc::check
