// Typed lists (`list[T]`, T a scalar): displays, `[v] * n`, comprehensions,
// methods, indexing, membership, and the reductions sum/min/max/any/all
// over lists and generator expressions. An unannotated `xs = []` gets its
// element type from what is later appended or assigned (the same fixed
// point as every inferred local). See docs/semantics.md, "Lists".
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

const char* kNestedListHelp = "a list of lists is not supported in native code: use a 2-D array (pyxc.zeros((n, m), f64))";
const char* kListOfArraysHelp =
    "a list of arrays is not supported in native code: use an array with one more axis (pyxc.zeros((n, m), f64))";

bool isRangeCallSyntax(const ast::Expr& e) {
  return e.kind == ast::ExprKind::Call && e.operand(0) && e.operand(0)->kind == ast::ExprKind::Name &&
         e.operand(0)->text == "range";
}

}  // namespace

bool isFreshList(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::List || e.kind == ast::ExprKind::ListComp) return true;
  if (e.kind == ast::ExprKind::Binary && e.binaryOp == ast::BinaryOp::Mul)
    return (e.operand(0) && e.operand(0)->kind == ast::ExprKind::List) ||
           (e.operand(1) && e.operand(1)->kind == ast::ExprKind::List);
  return false;
}

Type FunctionChecker::listElementOf(const Type& element, Span span) {
  if (element.isUnknown() || element.isScalar()) return element;
  if (element.isList()) error(Kind::UnsupportedType, span, kNestedListHelp);
  else if (element.kind == types::TypeKind::Array) error(Kind::UnsupportedType, span, kListOfArraysHelp);
  else error(Kind::UnsupportedType, span, "a list element must be a number or bool in native code, not " + typeName(element));
  return Type::unknown();
}

Type listAnnotation(const ast::Expr& e, const ModuleScope& scope, diag::DiagnosticBag& diags) {
  const ast::Expr* element = e.operands.size() == 2 ? e.operand(1) : nullptr;
  if (!element) {
    diags.error(Kind::UnsupportedType, e.span, "list[...] takes one element type, e.g. list[f64]");
    return Type::unknown();
  }
  if (element->kind == ast::ExprKind::Subscript && element->operand(0) &&
      element->operand(0)->kind == ast::ExprKind::Name && element->operand(0)->text == "list") {
    diags.error(Kind::UnsupportedType, e.span, kNestedListHelp);
    return Type::unknown();
  }
  bool reported = false;
  auto scalar = resolveScalarType(*element, scope, diags, reported);
  if (!scalar) {
    if (!reported)
      diags.error(Kind::UnsupportedType, element->span,
                  element->kind == ast::ExprKind::Subscript
                      ? std::string(kListOfArraysHelp)
                      : "list elements must be scalar types (int, float, bool, pyxc.f32, ...) in native code");
    return Type::unknown();
  }
  return Type::listOf(Type::scalarOf(*scalar));
}

std::optional<int> FunctionChecker::findComprehensionLocal(const std::string& name) const {
  for (auto it = comprehensionScopes_.rbegin(); it != comprehensionScopes_.rend(); ++it)
    if (auto found = it->find(name); found != it->end()) return found->second;
  return std::nullopt;
}

Type FunctionChecker::checkListDisplay(ast::Expr& e) {
  std::optional<Operand> acc;
  bool ok = true;
  for (auto& element : e.operands) {
    Operand o = check(element);
    if (!ok) continue;  // one diagnostic per display
    Type t = listElementOf(o.type, element ? element->span : e.span);
    if (t.isUnknown()) {
      ok = ok && o.type.isUnknown() && element;
      if (!o.type.isUnknown()) ok = false;
      continue;
    }
    acc = acc ? Operand{*joinOperands(*acc, o), false} : o;
  }
  if (!ok) return Type::unknown();
  return Type::listOf(acc ? acc->type : Type::unknown());
}

// `for i in range(...)` in a comprehension: range's arguments must be ints.
void FunctionChecker::checkRangeIterable(ast::Expr& iterable) {
  iterable.ref = ast::Ref{ast::RefKind::Builtin, -1, "range"};
  iterable.operand(0)->ref = iterable.ref;
  iterable.boundArgs.clear();
  rejectKeywords(iterable, "range");
  std::vector<Operand> args = checkPositionalArgs(iterable);
  if (args.empty() || args.size() > 3) {
    error(Kind::BadCall, iterable.span,
          args.empty() ? std::string("range expected at least 1 argument, got 0")
                       : "range expected at most 3 arguments, got " + std::to_string(args.size()));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (!iterable.operands[i + 1]) continue;
    iterable.boundArgs.push_back(iterable.operands[i + 1].get());
    const Type& t = args[i].type;
    if (!t.isUnknown() && !t.isInteger() && !t.isBool())
      error(Kind::TypeMismatch, iterable.operands[i + 1]->span,
            "'" + typeName(t) + "' object cannot be interpreted as an integer");
  }
  iterable.type = Type::scalarOf(Scalar::I64);
}

Type FunctionChecker::comprehensionElement(ast::Expr& iterable, const char* where) {
  if (isRangeCallSyntax(iterable) && !findLocal("range") && !ctx_.scope.lookup("range")) {
    checkRangeIterable(iterable);
    return Type::scalarOf(Scalar::I64);
  }
  Type t = checkType(iterable);
  if (t.isList()) return t.listElement();
  if (t.kind == types::TypeKind::Array && t.ndim == 1) return Type::scalarOf(t.scalar);
  if (!t.isUnknown())
    error(Kind::BadLoop, iterable.span,
          std::string(where) + " can iterate over range(...), a list or a 1-D array" +
              (isComplete(t) ? "; this iterates over " + typeName(t) : std::string()));
  return Type::unknown();
}

Type FunctionChecker::checkComprehensionParts(ast::Expr& e) {
  comprehensionScopes_.emplace_back();
  for (size_t i = 1; i < e.operands.size(); ++i) {
    ast::Expr* clause = e.operand(i);
    if (!clause) continue;
    if (clause->kind == ast::ExprKind::CompIf) {
      checkCondition(clause->operand(0), "as a comprehension condition");
      continue;
    }
    ast::Expr* target = clause->operand(0);
    ast::Expr* iterable = clause->operand(1);
    Type element = iterable ? comprehensionElement(*iterable, "a comprehension") : Type::unknown();
    if (!target || target->kind != ast::ExprKind::Name) {
      if (target) error(Kind::UnsupportedConstruct, target->span,
                        "the target of a comprehension's 'for' must be a single name in native code");
      continue;
    }
    // The variable is the comprehension's own (Python 3 scoping): a hidden
    // local per clause, found by name only inside the comprehension.
    auto [it, created] = comprehensionSlots_.emplace(clause, static_cast<int>(fn_.locals.size()));
    int slot = it->second;
    if (created) {
      fn_.locals.push_back(ast::Local{"pyxc_c" + std::to_string(slot) + "_" + target->text, Type::unknown(),
                                      target->span, false, true});
      info_.push_back(LocalInfo{});
    }
    info_[slot].everAssigned = true;
    if (fn_.locals[slot].type != element && !element.isUnknown()) {
      fn_.locals[slot].type = element;
      changed_ = true;
    }
    comprehensionScopes_.back()[target->text] = slot;
    target->ref = ast::Ref{ast::RefKind::Local, slot, target->text};
    target->type = fn_.locals[slot].type;
  }
  Operand element = check(e.operand(0));
  comprehensionScopes_.pop_back();
  return listElementOf(element.type, e.operand(0) ? e.operand(0)->span : e.span);
}

Type FunctionChecker::checkComprehension(ast::Expr& e) {
  if (e.kind == ast::ExprKind::GeneratorExp) {
    checkComprehensionParts(e);
    error(Kind::UnsupportedConstruct, e.span,
          "a generator expression is only supported as the argument of sum(), min(), max(), any() or all() in "
          "native code; build a list with [...] instead");
    return Type::unknown();
  }
  Type element = checkComprehensionParts(e);
  return element.isUnknown() ? Type::unknown() : Type::listOf(element);
}

Type FunctionChecker::checkListSubscript(ast::Expr& e, const Type& list) {
  ast::Expr* index = e.operands.size() == 2 ? e.operand(1) : nullptr;
  if (!index) {
    for (size_t i = 1; i < e.operands.size(); ++i) check(e.operand(i));
    error(Kind::TypeMismatch, e.span, "list indices must be integers or slices, not tuple");
    return Type::unknown();
  }
  if (index->kind == ast::ExprKind::Slice) {
    if (index->operand(2)) {
      check(index->operand(2));
      error(Kind::UnsupportedConstruct, index->span, "a list slice with a step is not supported in native code");
      return Type::unknown();
    }
    for (size_t i = 0; i < 2; ++i) {
      if (!index->operand(i)) continue;
      Type t = checkType(index->operand(i));
      if (!t.isUnknown() && !t.isInteger() && !t.isBool())
        error(Kind::TypeMismatch, index->operand(i)->span,
              "slice indices must be integers, not " + typeName(t));
    }
    return list;
  }
  Type t = checkType(index);
  if (!t.isUnknown() && !t.isInteger() && !t.isBool()) {
    error(Kind::TypeMismatch, index->span, "list indices must be integers or slices, not " + typeName(t));
    return Type::unknown();
  }
  return list.listElement();
}

// `xs.append(v)` and the like: an inferred list local takes the join of
// everything stored into it; a declared one must accept `v`.
void FunctionChecker::storeIntoList(ast::Expr& object, const Type& list, const Operand& value, Span valueSpan) {
  if (value.type.isUnknown()) return;
  Type element = listElementOf(value.type, valueSpan);
  if (element.isUnknown()) return;
  std::optional<int> slot = object.kind == ast::ExprKind::Name && object.ref.kind == ast::RefKind::Local
                                ? std::optional<int>(object.ref.index)
                                : std::nullopt;
  bool inferred = slot && !info_[*slot].declared && !fn_.locals[*slot].isParam;
  if (inferred && !report_) {
    Type& local = fn_.locals[*slot].type;
    if (auto joined = join(local, Type::listOf(element)); joined && *joined != local) {
      local = *joined;
      changed_ = true;
    }
    return;
  }
  if (list.listElement().isUnknown()) return;
  checkLiteralFits(value, list.listElement(), valueSpan);
  if (!isAssignable(value, list.listElement()))
    error(Kind::IncompatibleAssignment, valueSpan,
          "cannot store a value of type " + typeName(value.type) + " into " + typeName(list) +
              (inferred ? "; the list's element type comes from its first assignment" : std::string()));
}

void FunctionChecker::storeListElement(ast::Expr& target, const Type& list, const Operand& value, Span valueSpan) {
  Type element = checkListSubscript(target, list);
  target.type = element;
  if (target.operand(1) && target.operand(1)->kind == ast::ExprKind::Slice) {
    error(Kind::UnsupportedConstruct, target.span, "assigning to a list slice is not supported in native code");
    return;
  }
  storeIntoList(*target.operand(0), list, value, valueSpan);
}

void FunctionChecker::checkListAugAssign(ast::Stmt& s, const Type& list) {
  ast::Expr& target = *s.exprs[0];
  Type element = checkListSubscript(target, list);
  target.type = element;
  Operand v = check(s.exprs[1]);
  if (element.isUnknown() || element.isList()) {
    if (element.isList()) error(Kind::UnsupportedConstruct, target.span, "augmented assignment to a list slice is not supported in native code");
    return;
  }
  std::vector<Type> operandTypes;
  Type result = binaryResult(s.binaryOp, Operand{element, false}, v, s.span, operandTypes);
  s.operandTypes = {operandTypes.empty() ? Type::unknown() : operandTypes[0], result};
  if (result.isUnknown()) return;
  storeIntoList(*target.operand(0), list, Operand{result, false}, s.span);
}

std::optional<Type> FunctionChecker::checkListBinary(ast::Expr& e, const Operand& left, const Operand& right) {
  if (!left.type.isList() && !right.type.isList()) return std::nullopt;
  e.operandTypes.clear();
  if (e.binaryOp == ast::BinaryOp::Add && left.type.isList() && right.type.isList()) {
    auto joined = join(left.type, right.type);
    if (joined && left.type.listElement() == right.type.listElement()) return *joined;
    error(Kind::TypeMismatch, e.span,
          "'+' needs two lists of the same element type in native code, not " + typeName(left.type) + " and " +
              typeName(right.type));
    return Type::unknown();
  }
  if (e.binaryOp == ast::BinaryOp::Mul) {
    bool listLeft = left.type.isList();
    const Operand& count = listLeft ? right : left;
    const ast::Expr* display = e.operand(listLeft ? 0 : 1);
    if (!count.type.isUnknown() && !count.type.isInteger() && !count.type.isBool()) {
      error(Kind::TypeMismatch, e.span, "can't multiply sequence by non-int of type '" + typeName(count.type) + "'");
      return Type::unknown();
    }
    if (display->kind != ast::ExprKind::List || display->operands.size() != 1) {
      error(Kind::UnsupportedConstruct, e.span,
            "only a one-element list display can be repeated in native code, e.g. [0.0] * n");
      return Type::unknown();
    }
    return listLeft ? left.type : right.type;
  }
  error(Kind::TypeMismatch, e.span,
        std::string("unsupported operand type(s) for ") + ast::spelling(e.binaryOp) + ": '" +
            (left.type.isList() ? "list" : typeName(left.type)) + "' and '" +
            (right.type.isList() ? "list" : typeName(right.type)) + "'");
  return Type::unknown();
}

bool FunctionChecker::isListMembership(const ast::Expr& e) const {
  return e.compareOps.size() == 1 &&
         (e.compareOps[0] == ast::CompareOp::In || e.compareOps[0] == ast::CompareOp::NotIn) && e.operand(0) &&
         e.operand(1);
}

Type FunctionChecker::checkListMembership(ast::Expr& e) {
  Operand value = check(e.operand(0));
  Operand list = check(e.operand(1));
  e.operandTypes.assign(1, Type::unknown());
  if (value.type.isUnknown() || list.type.isUnknown()) return Type::unknown();
  if (!list.type.isList()) {
    error(Kind::UnsupportedConstruct, e.span,
          std::string("the '") + ast::spelling(e.compareOps[0]) + "' operator is only supported on lists in native code");
    return Type::unknown();
  }
  if (!value.type.isScalar()) {
    error(Kind::TypeMismatch, e.operand(0)->span, "'in' of a list needs a number or bool, not " + typeName(value.type));
    return Type::unknown();
  }
  if (auto joined = joinOperands(value, Operand{list.type.listElement(), false})) e.operandTypes[0] = *joined;
  return Type::scalarOf(Scalar::Bool);
}

}  // namespace pyxc::check
