// Function signatures: @pyxc.native and its directives, annotations of
// parameters and return, default values.
#include <cstdint>
#include <limits>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

const char* kTypeHelp = "use int, float, bool, a pyxc scalar type (pyxc.f64, pyxc.i32, ...), tuple[...] or T[:]";

std::string describeAnnotation(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Name) return e.text;
  if (e.kind == ast::ExprKind::Attribute && e.operand(0)) return describeAnnotation(*e.operand(0)) + "." + e.text;
  if (e.kind == ast::ExprKind::StrLit) return "'" + e.text + "'";
  return "this annotation";
}

// A scalar named by `e` (`int`, `f32`, `pyxc.f32`), or nullopt when `e` is
// not a scalar type name. Reports fused types (not supported yet).
std::optional<Scalar> scalarAnnotation(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags,
                                       bool& reported, const FusedChoice* choice = nullptr) {
  if (auto fused = fusedTypeOf(e, scope, diags)) {
    reported = true;
    // A malformed pyxc.fused() was reported where it is written (just now).
    if (fused->members.size() < 2) return std::nullopt;
    if (choice)
      for (const auto& [name, scalar] : *choice)
        if (name == fused->name) return scalar;
    diags.error(Kind::UnsupportedType, e.span,
                "the fused type '" + fused->name +
                    "' can only be used in a native function's parameter and return annotations (and in its "
                    "locals' annotations when a parameter uses it)");
    return std::nullopt;
  }
  std::string marker;
  if (e.kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.text);
    if (b && b->kind == BindingKind::PyxcMember) {
      marker = b->member;
    } else if (!b) {
      if (e.text == "int") return Scalar::I64;
      if (e.text == "float") return Scalar::F64;
      if (e.text == "bool") return Scalar::Bool;
      return std::nullopt;
    }
  } else if (e.kind == ast::ExprKind::Attribute && e.operand(0) && e.operand(0)->kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.operand(0)->text);
    if (b && b->kind == BindingKind::PyxcModule) marker = e.text;
  }
  if (marker.empty()) return std::nullopt;
  if (auto s = scalarFromMarker(marker)) return s;
  return std::nullopt;
}

Type arrayAnnotation(const ast::Expr& e, Scalar element, diag::DiagnosticBag& diags) {
  int ndim = static_cast<int>(e.operands.size()) - 1;
  bool contiguous = false;
  for (int axis = 0; axis < ndim; ++axis) {
    const ast::Expr* index = e.operand(axis + 1);
    bool isLast = axis == ndim - 1;
    bool plainSlice = index && index->kind == ast::ExprKind::Slice && !index->operand(0) && !index->operand(1);
    const ast::Expr* step = plainSlice ? index->operand(2) : nullptr;
    bool unitStep = step && step->kind == ast::ExprKind::IntLit && step->intValue == 1;
    if (!plainSlice || (step && !(unitStep && isLast))) {
      diags.error(Kind::UnsupportedType, index ? index->span : e.span,
                  "array axes must be written ':' (or '::1' on the last axis for a C-contiguous array)");
      return Type::unknown();
    }
    if (unitStep) contiguous = true;
  }
  if (ndim > kMaxArrayDims) {
    diags.error(Kind::UnsupportedType, e.span,
                "arrays of more than " + std::to_string(kMaxArrayDims) + " dimensions are not supported");
    return Type::unknown();
  }
  return Type::arrayOf(element, ndim, contiguous);
}

// `tuple[A, B]`: elements are any annotation (scalars, nested tuples,
// arrays); parameters take scalars and nested tuples of scalars only (the
// argument conversion, runtime/pyxc/tuples.h). `tuple[T, ...]` has no length
// here: only an annotated local with a value takes it (tuples.cpp).
Type tupleAnnotation(const ast::Expr& e, AnnotationUse use, const ModuleScope& scope, diag::DiagnosticBag& diags,
                     const FusedChoice* choice) {
  std::vector<const ast::Expr*> elements;
  for (size_t i = 1; i < e.operands.size(); ++i) {
    const ast::Expr* index = e.operand(i);
    if (index && index->kind == ast::ExprKind::Tuple)
      for (const auto& inner : index->operands) elements.push_back(inner.get());
    else
      elements.push_back(index);
  }
  if (isVariadicTupleAnnotation(e)) {
    diags.error(Kind::UnsupportedType, e.span,
                std::string("a tuple of any length ('tuple[T, ...]') is not supported as a ") +
                    (use == AnnotationUse::Parameter ? "parameter" : use == AnnotationUse::Return ? "return" : "local") +
                    " annotation: native code needs the length; write it out, e.g. tuple[int, int, int]" +
                    (use == AnnotationUse::Local ? " (or assign a value in the annotated statement)" : ""));
    return Type::unknown();
  }
  std::vector<Type> types;
  bool ok = true;
  for (const ast::Expr* element : elements) {
    if (!element) { ok = false; continue; }
    // A fused element only has a type when another parameter picks it: the
    // call dispatches on parameters, not on the items of a tuple.
    diag::DiagnosticBag quiet;
    if (auto fused = fusedTypeOf(*element, scope, quiet); fused && fused->members.size() >= 2) {
      bool chosen = false;
      if (choice)
        for (const auto& entry : *choice) chosen |= entry.first == fused->name;
      if (!chosen) {
        diags.error(Kind::UnsupportedType, element->span,
                    "the fused type '" + fused->name +
                        "' cannot be a tuple element unless a parameter outside the tuple uses it (e.g. a: " +
                        fused->name + "[:]); write the element type out, e.g. tuple[f64, int]");
        ok = false;
        continue;
      }
    }
    size_t before = diags.all().size();
    Type t = resolveAnnotation(*element, use, scope, diags, choice);
    if (t.isUnknown() || t.kind == types::TypeKind::Void) {
      if (diags.all().size() == before)
        diags.error(Kind::UnsupportedType, element->span, "'None' is not supported as a tuple element");
      ok = false;
      continue;
    }
    if (use == AnnotationUse::Parameter && t.kind == types::TypeKind::Array) {
      diags.error(Kind::UnsupportedType, element->span,
                  "a tuple parameter cannot hold arrays (" + typeName(t) +
                      "); pass the arrays as separate parameters");
      ok = false;
      continue;
    }
    types.push_back(t);
  }
  if (ok && types.empty()) {
    diags.error(Kind::UnsupportedType, e.span, "an empty tuple type is not supported");
    return Type::unknown();
  }
  return ok ? Type::tupleOf(std::move(types)) : Type::unknown();
}

}  // namespace

Type resolveAnnotation(const ast::Expr& e, AnnotationUse use, const ModuleScope& scope, diag::DiagnosticBag& diags,
                       const FusedChoice* choice) {
  if (e.kind == ast::ExprKind::NoneLit) {
    if (use == AnnotationUse::Return) return Type::voidType();
    diags.error(Kind::UnsupportedType, e.span, "'None' is only allowed as a return annotation");
    return Type::unknown();
  }
  if (auto object = objectAnnotation(e, use, scope, diags)) return *object;
  bool reported = false;
  if (auto scalar = scalarAnnotation(e, scope, diags, reported, choice)) return Type::scalarOf(*scalar);
  if (reported) return Type::unknown();
  if (e.kind == ast::ExprKind::Subscript && e.operand(0)) {
    const ast::Expr& base = *e.operand(0);
    if (base.kind == ast::ExprKind::Name && base.text == "tuple" && !scope.lookup("tuple"))
      return tupleAnnotation(e, use, scope, diags, choice);
    if (base.kind == ast::ExprKind::Name && base.text == "list" && !scope.lookup("list"))
      return listAnnotation(e, scope, diags);
    if (auto element = scalarAnnotation(base, scope, diags, reported, choice)) {
      // `bool[:]` (like int[:] and float[:]) only evaluates in Python under
      // `from __future__ import annotations`; pyxc reads it as NumPy's bool.
      return arrayAnnotation(e, *element, diags);
    }
    if (reported) return Type::unknown();
    diags.error(Kind::UnsupportedType, e.span,
                "unsupported type '" + describeAnnotation(base) + "[...]'; " + kTypeHelp);
    return Type::unknown();
  }
  if (e.kind == ast::ExprKind::StrLit) {
    diags.error(Kind::UnsupportedType, e.span, "string annotations are not supported; write the type itself");
    return Type::unknown();
  }
  diags.error(Kind::UnsupportedType, e.span, "unsupported type '" + describeAnnotation(e) + "'; " + kTypeHelp);
  return Type::unknown();
}

std::optional<Scalar> resolveScalarType(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags,
                                        bool& reported) {
  return scalarAnnotation(e, scope, diags, reported);
}

namespace {

bool isNativeReference(const ast::Expr& e, const ModuleScope& scope, bool& pyxcUnbound) {
  if (e.kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.text);
    return b && b->kind == BindingKind::PyxcMember && b->member == "native";
  }
  if (e.kind == ast::ExprKind::Attribute && e.text == "native" && e.operand(0) &&
      e.operand(0)->kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.operand(0)->text);
    if (b) return b->kind == BindingKind::PyxcModule;
    // `@pyxc.native` without `import pyxc`: clearly meant as native; the
    // caller reports the missing import.
    if (e.operand(0)->text == "pyxc") {
      pyxcUnbound = true;
      return true;
    }
  }
  return false;
}

void readDirectives(const ast::Expr& call, ast::Directives& directives, diag::DiagnosticBag& diags) {
  for (size_t i = 1; i < call.operands.size(); ++i)
    diags.error(Kind::BadDirective, call.operands[i]->span,
                "@pyxc.native takes only keyword directives, e.g. @pyxc.native(boundscheck=False)");
  std::vector<std::string> seen;
  for (const auto& kw : call.keywords) {
    bool* slot = nullptr;
    if (kw.name == "boundscheck") slot = &directives.boundscheck;
    if (kw.name == "wraparound") slot = &directives.wraparound;
    if (kw.name == "cdivision") slot = &directives.cdivision;
    if (kw.name == "overflowcheck") slot = &directives.overflowcheck;
    if (kw.name == "fastmath") slot = &directives.fastmath;
    if (!slot) {
      diags.error(Kind::BadDirective, kw.nameSpan,
                  "unknown directive '" + kw.name +
                      "'; @pyxc.native accepts boundscheck, wraparound, cdivision, overflowcheck and fastmath");
      continue;
    }
    for (const auto& s : seen)
      if (s == kw.name) diags.error(Kind::BadDirective, kw.nameSpan, "directive '" + kw.name + "' is given twice");
    seen.push_back(kw.name);
    if (!kw.value || kw.value->kind != ast::ExprKind::BoolLit) {
      diags.error(Kind::BadDirective, kw.value ? kw.value->span : kw.nameSpan,
                  "directive '" + kw.name + "' must be True or False");
      continue;
    }
    *slot = kw.value->boolValue;
  }
}

void checkDefault(ast::Param& p, diag::DiagnosticBag& diags) {
  ast::Expr& value = *p.defaultValue;
  if (p.type.isUnknown()) return;
  const ast::Expr* literal = &value;
  bool negated = false;
  if (literal->kind == ast::ExprKind::Unary &&
      (literal->unaryOp == ast::UnaryOp::Neg || literal->unaryOp == ast::UnaryOp::Pos) && literal->operand(0)) {
    negated = literal->unaryOp == ast::UnaryOp::Neg;
    literal = literal->operand(0);
  }
  std::string where = "the default value of parameter '" + p.name + "'";
  bool isNumberLiteral = literal->kind == ast::ExprKind::IntLit || literal->kind == ast::ExprKind::FloatLit;
  bool isBoolLiteral = literal->kind == ast::ExprKind::BoolLit && literal == &value;
  if (!isNumberLiteral && !isBoolLiteral) {
    diags.error(Kind::BadDefault, value.span, where + " must be a constant number or True/False");
    return;
  }
  if (!p.type.isScalar()) {
    diags.error(Kind::BadDefault, value.span,
                "parameter '" + p.name + "' of type " + typeName(p.type) + " cannot have a default value");
    return;
  }
  Type literalType = Type::scalarOf(literal->kind == ast::ExprKind::FloatLit ? Scalar::F64
                                    : literal->kind == ast::ExprKind::BoolLit ? Scalar::Bool
                                                                               : Scalar::I64);
  if (!isAssignable(Operand{literalType, true}, p.type)) {
    diags.error(Kind::BadDefault, value.span,
                where + " is " + typeName(literalType) + ", but the parameter is declared " + typeName(p.type));
    return;
  }
  if (literal->kind == ast::ExprKind::IntLit && p.type.isInteger()) {
    long double v = literal->intOverflow ? std::strtold(literal->text.c_str(), nullptr)
                                         : static_cast<long double>(literal->intValue);
    if (negated) v = -v;
    if (!integerFits(v, p.type.scalar)) {
      diags.error(Kind::BadDefault, value.span, where + " does not fit in " + typeName(p.type));
      return;
    }
  }
  value.type = p.type;
}

}  // namespace

void resolveSignature(ModuleContext& ctx, int functionIndex) {
  ast::FunctionDef& fn = *ctx.module.functions[functionIndex];
  diag::DiagnosticBag& diags = ctx.diags;
  const ast::Expr* nativeDecorator = nullptr;
  bool pyxcUnbound = false;
  for (const auto& decorator : fn.decorators) {
    const ast::Expr* callee = decorator->kind == ast::ExprKind::Call ? decorator->operand(0) : decorator.get();
    if (callee && isNativeReference(*callee, ctx.scope, pyxcUnbound)) nativeDecorator = decorator.get();
  }
  fn.isNative = nativeDecorator != nullptr;
  if (!fn.isNative) return;
  if (pyxcUnbound)
    diags.error(Kind::UndefinedName, nativeDecorator->span, "name 'pyxc' is not defined; add 'import pyxc'");
  for (const auto& decorator : fn.decorators)
    if (decorator.get() != nativeDecorator)
      diags.error(Kind::UnsupportedConstruct, decorator->span,
                  "other decorators cannot be combined with @pyxc.native; remove this one or move it to a "
                  "Python wrapper");
  if (nativeDecorator->kind == ast::ExprKind::Call) readDirectives(*nativeDecorator, fn.directives, diags);
  if (fn.specializationOf < 0) {
    fn.fusedTypes = fusedTypesOfSignature(fn, ctx.scope);
    // A generic: its specializations resolve (and report on) the signature.
    if (fn.isFusedGeneric()) return;
  }
  const FusedChoice* choice = fn.fusedChoice.empty() ? nullptr : &fn.fusedChoice;

  // The argument parser of the wrapper tracks the required keyword-only
  // parameters in one 64-bit mask (compiler/emit/emit_module.cpp).
  constexpr int kMaxKeywordOnly = 64;
  int keywordOnly = 0;
  for (auto& p : fn.params) {
    if (p.kind == ast::Param::Kind::KeywordOnly && ++keywordOnly == kMaxKeywordOnly + 1)
      diags.error(Kind::UnsupportedConstruct, p.span,
                  "native function '" + fn.name + "' has more than " + std::to_string(kMaxKeywordOnly) +
                      " keyword-only parameters; pyxc supports at most that many");
    if (p.kind == ast::Param::Kind::VarArgs || p.kind == ast::Param::Kind::VarKwargs) {
      diags.error(Kind::UnsupportedConstruct, p.span,
                  std::string(p.kind == ast::Param::Kind::VarArgs ? "*" : "**") + p.name +
                      " is not supported in native functions; declare each parameter with its type");
      p.type = Type::unknown();
      continue;
    }
    if (!p.annotation) {
      diags.error(Kind::MissingAnnotation, p.span,
                  "parameter '" + p.name + "' of native function '" + fn.name +
                      "' needs a type annotation, e.g. '" + p.name + ": float'");
      p.type = Type::unknown();
    } else {
      p.type = resolveAnnotation(*p.annotation, AnnotationUse::Parameter, ctx.scope, diags, choice);
    }
    if (p.defaultValue) checkDefault(p, diags);
  }
  if (fn.returns) {
    fn.returnType = resolveAnnotation(*fn.returns, AnnotationUse::Return, ctx.scope, diags, choice);
    ctx.returnInferred[functionIndex] = false;
  } else {
    fn.returnType = Type::unknown();
    ctx.returnInferred[functionIndex] = true;
  }
}

}  // namespace pyxc::check
