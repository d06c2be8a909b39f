// Fused types: `pyxc.floating`, `pyxc.integer`, `pyxc.numeric` and
// `pyxc.fused("T", f32, f64)` (inline or through a module-level alias).
//
// A native def whose signature names a fused type is a generic: it gets one
// specialization per combination of members (a clone of the def checked with
// the members substituted, so every type rule sees concrete types), and the
// generic's wrapper picks one at call time (compiler/emit). The same fused
// name in two parameters is the same type, as in Cython.
#include <algorithm>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

constexpr size_t kMaxSpecializations = 64;

const std::vector<Scalar>& builtinFusedMembers(const std::string& name) {
  static const std::vector<Scalar> integer{Scalar::I8, Scalar::I16, Scalar::I32, Scalar::I64,
                                           Scalar::U8, Scalar::U16, Scalar::U32, Scalar::U64};
  static const std::vector<Scalar> floating{Scalar::F32, Scalar::F64};
  static const std::vector<Scalar> numeric{Scalar::I8,  Scalar::I16, Scalar::I32, Scalar::I64, Scalar::U8,
                                           Scalar::U16, Scalar::U32, Scalar::U64, Scalar::F32, Scalar::F64};
  static const std::vector<Scalar> none;
  if (name == "integer") return integer;
  if (name == "floating") return floating;
  if (name == "numeric") return numeric;
  return none;
}

// `pyxc.X` or `X` imported from pyxc: the member name X, else empty.
std::string pyxcMember(const ast::Expr& e, const ModuleScope& scope) {
  if (e.kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.text);
    if (b && b->kind == BindingKind::PyxcMember) return b->member;
  }
  if (e.kind == ast::ExprKind::Attribute && e.operand(0) && e.operand(0)->kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.operand(0)->text);
    if (b && b->kind == BindingKind::PyxcModule) return e.text;
  }
  return {};
}

bool isFusedCall(const ast::Expr& e, const ModuleScope& scope) {
  return e.kind == ast::ExprKind::Call && e.operand(0) && pyxcMember(*e.operand(0), scope) == "fused";
}

// The `pyxc.fused(...)` call a module-level name is bound to, if any.
const ast::Expr* fusedAliasValue(const ast::Expr& e, const ModuleScope& scope) {
  if (e.kind != ast::ExprKind::Name) return nullptr;
  const ModuleBinding* b = scope.lookup(e.text);
  const ast::Expr* value = b && b->kind == BindingKind::OtherBinding ? scope.assignedValue(e.text) : nullptr;
  return value && isFusedCall(*value, scope) ? value : nullptr;
}

std::optional<ast::FusedType> fusedCall(const ast::Expr& call, const ModuleScope& scope, diag::DiagnosticBag& diags) {
  const ast::Expr* name = call.operand(1);
  if (!name || name->kind != ast::ExprKind::StrLit || !call.keywords.empty()) {
    diags.error(Kind::UnsupportedType, call.span,
                "pyxc.fused() takes a name and scalar types, e.g. pyxc.fused(\"T\", f32, f64)");
    return ast::FusedType{"?", {}};
  }
  ast::FusedType fused{name->text, {}};
  for (size_t i = 2; i < call.operands.size(); ++i) {
    bool reported = false;
    const ast::Expr* member = call.operand(i);
    // Reported without being resolved: resolving would follow
    // `T = pyxc.fused("T", T)`, or two aliases naming each other, forever.
    if (member && (!builtinFusedMembers(pyxcMember(*member, scope)).empty() || isFusedCall(*member, scope) ||
                   fusedAliasValue(*member, scope))) {
      diags.error(Kind::UnsupportedType, member->span,
                  "a fused type cannot be a member of pyxc.fused(); list its scalar types instead");
      return ast::FusedType{fused.name, {}};
    }
    auto scalar = member ? resolveScalarType(*member, scope, diags, reported) : std::nullopt;
    if (!scalar) {
      if (!reported && member)
        diags.error(Kind::UnsupportedType, member->span, "the members of pyxc.fused() must be scalar types such as f32");
      return ast::FusedType{fused.name, {}};
    }
    // Two equal members would be two identical specializations (C++
    // redefinitions); Cython rejects them too.
    if (std::find(fused.members.begin(), fused.members.end(), *scalar) != fused.members.end()) {
      diags.error(Kind::UnsupportedType, member->span,
                  std::string("pyxc.fused() lists ") + types::markerName(*scalar) + " twice");
      return ast::FusedType{fused.name, {}};
    }
    fused.members.push_back(*scalar);
  }
  if (fused.members.size() < 2)
    diags.error(Kind::UnsupportedType, call.span, "pyxc.fused() needs at least two member types");
  return fused;
}

}  // namespace

std::optional<ast::FusedType> fusedTypeOf(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags) {
  std::string member = pyxcMember(e, scope);
  if (!builtinFusedMembers(member).empty()) return ast::FusedType{member, builtinFusedMembers(member)};
  if (isFusedCall(e, scope)) return fusedCall(e, scope, diags);
  if (const ast::Expr* value = fusedAliasValue(e, scope)) return fusedCall(*value, scope, diags);
  return std::nullopt;
}

std::vector<ast::FusedType> fusedTypesOfSignature(const ast::FunctionDef& fn, const ModuleScope& scope) {
  std::vector<ast::FusedType> out;
  auto visit = [&](const ast::Expr* annotation) {
    if (!annotation) return;
    const ast::Expr* base = annotation->kind == ast::ExprKind::Subscript ? annotation->operand(0) : annotation;
    diag::DiagnosticBag quiet;  // reported when the specializations resolve their signatures
    auto fused = base ? fusedTypeOf(*base, scope, quiet) : std::nullopt;
    if (!fused || fused->members.size() < 2) return;
    for (const auto& known : out)
      if (known.name == fused->name) return;
    out.push_back(*fused);
  };
  for (const auto& p : fn.params) visit(p.annotation.get());
  visit(fn.returns.get());
  return out;
}

void specializeFusedFunctions(ModuleContext& ctx) {
  ast::Module& module = ctx.module;
  size_t originals = module.functions.size();
  for (size_t i = 0; i < originals; ++i) {
    ast::FunctionDef& generic = *module.functions[i];
    if (!generic.isNative || !generic.isFusedGeneric()) continue;
    size_t combinations = 1;
    for (const auto& f : generic.fusedTypes) combinations *= f.members.size();
    if (combinations > kMaxSpecializations) {
      ctx.diags.error(Kind::UnsupportedType, generic.nameSpan,
                      "'" + generic.name + "' would need " + std::to_string(combinations) +
                          " specializations of its fused types; at most " + std::to_string(kMaxSpecializations) +
                          " are supported");
      continue;
    }
    for (size_t k = 0; k < combinations; ++k) {
      auto clone = ast::cloneFunction(generic);
      clone->fusedTypes = generic.fusedTypes;
      clone->specializationOf = static_cast<int>(i);
      clone->cppName = generic.name + "_";
      size_t rest = k;
      // The last fused type varies fastest: specializations are in member order.
      std::vector<Scalar> chosen(generic.fusedTypes.size());
      for (size_t g = generic.fusedTypes.size(); g-- > 0;) {
        const auto& members = generic.fusedTypes[g].members;
        chosen[g] = members[rest % members.size()];
        rest /= members.size();
      }
      for (size_t g = 0; g < chosen.size(); ++g) {
        clone->fusedChoice.emplace_back(generic.fusedTypes[g].name, chosen[g]);
        clone->cppName += std::string("_") + types::markerName(chosen[g]);
      }
      int index = static_cast<int>(module.functions.size());
      module.functions.push_back(clone.get());
      module.specializations.push_back(std::move(clone));
      generic.specializations.push_back(index);
      ctx.returnInferred.push_back(false);
      resolveSignature(ctx, index);
    }
  }
}

std::optional<int> chooseSpecialization(const ast::Module& module, const ast::FunctionDef& generic,
                                        const std::vector<Operand>& argTypes,
                                        const std::vector<const ast::Expr*>& bound) {
  std::optional<int> fallback;
  for (int index : generic.specializations) {
    const ast::FunctionDef& spec = *module.functions[static_cast<size_t>(index)];
    bool accepts = true, exact = true;
    for (size_t i = 0; i < spec.params.size() && i < bound.size(); ++i) {
      if (!bound[i]) continue;
      const Type& declared = spec.params[i].type;
      const Type& given = argTypes[i].type;
      if (!isAssignable(argTypes[i], declared)) accepts = false;
      bool sameKind = declared == given || (declared.kind == types::TypeKind::Array &&
                                            given.kind == types::TypeKind::Array && declared.scalar == given.scalar);
      if (!sameKind && !(argTypes[i].weak && given.isScalar())) exact = false;
    }
    if (accepts && exact) return index;
    if (accepts && !fallback) fallback = index;
  }
  return fallback;
}

}  // namespace pyxc::check
