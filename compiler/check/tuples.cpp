// Tuples as values (docs/semantics.md, "Tuples"):
// - a tuple expression holds numbers, bools, arrays and other tuples;
// - unpacking `a, (b, c) = v` takes a tuple of the same length or an array
//   (its elements, or its rows), whose length is checked at run time with
//   CPython's ValueError;
// - tuples compare with == != < <= > >= (same length, lexicographic);
// - `t: tuple[T, ...] = value` takes its length from the value.
#include <algorithm>

#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isEllipsis(const ast::Expr* e) {
  return e && e->kind == ast::ExprKind::Unsupported && e->text.find("Ellipsis") != std::string::npos;
}

bool isStarred(const ast::Expr& e) {
  return e.kind == ast::ExprKind::Unsupported && e.text.find("starred") != std::string::npos;
}

}  // namespace

bool isVariadicTupleAnnotation(const ast::Expr& annotation) {
  if (annotation.kind != ast::ExprKind::Subscript || !annotation.operand(0)) return false;
  const ast::Expr& base = *annotation.operand(0);
  if (base.kind != ast::ExprKind::Name || base.text != "tuple") return false;
  std::vector<const ast::Expr*> elements;  // `tuple[a, b]` may come as one Tuple index or two
  for (size_t i = 1; i < annotation.operands.size(); ++i) {
    const ast::Expr* index = annotation.operand(i);
    if (index && index->kind == ast::ExprKind::Tuple)
      for (const auto& inner : index->operands) elements.push_back(inner.get());
    else
      elements.push_back(index);
  }
  return elements.size() == 2 && isEllipsis(elements[1]);
}

const ast::Expr* variadicTupleElement(const ast::Expr& annotation) {
  const ast::Expr* index = annotation.operand(1);
  if (index && index->kind == ast::ExprKind::Tuple) return index->operand(0);
  return index;
}

Type FunctionChecker::checkTuple(ast::Expr& e) {
  std::vector<Type> elements;
  bool ok = true;
  for (auto& element : e.operands) {
    if (element && isStarred(*element)) {
      error(Kind::UnsupportedConstruct, element->span,
            "a starred element ('*x') in a tuple is not supported in native code; list the elements");
      ok = false;
      continue;
    }
    Type et = checkType(element);
    if (et.kind == types::TypeKind::Void) {
      error(Kind::TypeMismatch, element->span, "this expression returns None and cannot be a tuple element");
      ok = false;
    } else if (et.isUnknown()) {
      ok = false;
    }
    elements.push_back(et);
  }
  if (e.operands.empty()) {
    error(Kind::UnsupportedConstruct, e.span, "the empty tuple is not supported in native code");
    ok = false;
  }
  return ok ? Type::tupleOf(std::move(elements)) : Type::unknown();
}

// `t: tuple[T, ...] = value`: the local is declared with the value's length
// (once the value's type is known), each element converted to T.
bool FunctionChecker::checkVariadicAnnAssign(ast::Stmt& s, int slot) {
  if (s.exprs.size() < 2 || !s.exprs[1] || !isVariadicTupleAnnotation(*s.exprs[1])) return false;
  ast::Expr& annotation = *s.exprs[1];
  LocalInfo& info = info_[slot];
  ast::Local& local = fn_.locals[slot];
  ast::Expr* value = s.exprs.size() > 2 ? s.exprs[2].get() : nullptr;
  if (!value) return true;  // resolving the annotation reported it (signatures.cpp)
  Operand v = check(*value);
  info.everAssigned = true;
  if (info.declared) {
    storeLocal(slot, v, value->span);
    return true;
  }
  const ast::Expr* elementAnnotation = variadicTupleElement(annotation);
  if (!elementAnnotation) return true;
  Type element = resolveAnnotation(*elementAnnotation, AnnotationUse::Local, ctx_.scope,
                                   report_ ? ctx_.diags : scratch_,
                                   fn_.fusedChoice.empty() ? nullptr : &fn_.fusedChoice);
  if (element.isUnknown() || v.type.isUnknown()) return true;
  if (v.type.kind != types::TypeKind::Tuple) {
    error(Kind::IncompatibleAssignment, value->span,
          "cannot assign a value of type " + typeName(v.type) + " to '" + local.name + "', declared as a tuple");
    return true;
  }
  for (size_t i = 0; i < v.type.elements.size(); ++i)
    if (!isAssignable(Operand{v.type.elements[i], false}, element)) {
      error(Kind::IncompatibleAssignment, value->span,
            "element " + std::to_string(i) + " of this tuple is " + typeName(v.type.elements[i]) + ", but '" +
                local.name + "' is declared as a tuple of " + typeName(element));
      return true;
    }
  local.type = Type::tupleOf(std::vector<Type>(v.type.elements.size(), element));
  info.declared = true;
  info.declaration = annotation.span;
  changed_ = true;
  return true;
}

// `a, (b, c) = value`.
void FunctionChecker::unpackInto(ast::Expr& target, const Operand& value, Span valueSpan) {
  size_t count = target.operands.size();
  const Type& t = value.type;
  auto assignAll = [&](const Type& each) {
    for (auto& element : target.operands) {
      if (element && isStarred(*element)) {
        error(Kind::UnsupportedConstruct, element->span,
              "starred unpacking ('*rest') is not supported in native code; unpack a fixed number of names, or "
              "slice an array (a[1:])");
        continue;
      }
      assignTo(element, Operand{each, false}, valueSpan);
    }
  };
  if (t.isUnknown()) {
    assignAll(Type::unknown());
  } else if (t.kind == types::TypeKind::Array) {
    // Its elements (1-D) or rows; the length is checked when it runs.
    assignAll(t.ndim == 1 ? Type::scalarOf(t.scalar) : indexedType(t, {AxisIndex::Integer}));
  } else if (t.kind != types::TypeKind::Tuple) {
    error(Kind::TypeMismatch, valueSpan,
          "cannot unpack a non-iterable value of type " + typeName(t) + " (native code unpacks tuples and arrays)");
    assignAll(Type::unknown());
  } else if (std::any_of(target.operands.begin(), target.operands.end(),
                         [](const auto& element) { return element && isStarred(*element); })) {
    assignAll(Type::unknown());  // reported once, at the starred target
  } else if (t.elements.size() != count) {
    error(Kind::TypeMismatch, valueSpan,
          t.elements.size() > count
              ? "too many values to unpack (expected " + std::to_string(count) + ")"
              : "not enough values to unpack (expected " + std::to_string(count) + ", got " +
                    std::to_string(t.elements.size()) + ")");
    assignAll(Type::unknown());
  } else {
    for (size_t i = 0; i < count; ++i) assignTo(target.operands[i], Operand{t.elements[i], false}, valueSpan);
  }
  std::vector<Type> elements;
  for (auto& element : target.operands) elements.push_back(element ? element->type : Type::unknown());
  target.type = Type::tupleOf(std::move(elements));
}

// Tuples compare element by element (Python: the first unequal pair
// decides); both sides convert to the joined tuple type.
bool FunctionChecker::checkTupleCompare(ast::CompareOp op, const Operand& left, const Operand& right, Span span,
                                        Type& operandType) {
  const Type& a = left.type;
  const Type& b = right.type;
  auto refuse = [&](const std::string& why) {
    error(Kind::TypeMismatch, span,
          std::string("comparing ") + typeName(a) + " with " + typeName(b) + " using '" + ast::spelling(op) +
              "' is not supported in native code" + why);
    return false;
  };
  if (a.kind != types::TypeKind::Tuple || b.kind != types::TypeKind::Tuple) return refuse("");
  if (a.elements.size() != b.elements.size()) return refuse(": the tuples have different lengths");
  std::vector<Type> joined;
  for (size_t i = 0; i < a.elements.size(); ++i) {
    const Type& x = a.elements[i];
    const Type& y = b.elements[i];
    if (x.kind == types::TypeKind::Tuple && y.kind == types::TypeKind::Tuple) {
      Type inner;
      if (!checkTupleCompare(op, Operand{x}, Operand{y}, span, inner)) return false;
      joined.push_back(inner);
      continue;
    }
    auto j = x.isScalar() && y.isScalar() ? joinOperands(Operand{x}, Operand{y}) : std::nullopt;
    if (!j) return refuse(": element " + std::to_string(i) + " is not a number on both sides");
    joined.push_back(*j);
  }
  operandType = Type::tupleOf(std::move(joined));
  return true;
}

}  // namespace pyxc::check
