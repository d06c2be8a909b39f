// Typing of expressions (calls are in calls.cpp): literals, names,
// operators with the rules of docs/semantics.md, tuples.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

// CPython's spelling of a type in operator errors.
std::string operandName(const Type& t) {
  if (t.kind == types::TypeKind::Void) return "NoneType";
  if (t.kind == types::TypeKind::Tuple) return "tuple";
  return typeName(t);
}

bool isArray(const Type& t) { return t.kind == types::TypeKind::Array; }

}  // namespace

Operand FunctionChecker::check(ast::Expr& e) {
  Type t;
  switch (e.kind) {
    case ast::ExprKind::IntLit: t = checkIntLiteral(e, false); break;
    case ast::ExprKind::FloatLit: t = Type::scalarOf(Scalar::F64); break;
    case ast::ExprKind::BoolLit: t = Type::scalarOf(Scalar::Bool); break;
    case ast::ExprKind::NoneLit:
      error(Kind::UnsupportedConstruct, e.span,
            "'None' is not supported as a value in native code (only 'return None' in a '-> None' function)");
      break;
    case ast::ExprKind::StrLit:
      error(Kind::UnsupportedConstruct, e.span,
            "strings are only supported as the message of 'raise' or 'assert' in native code");
      break;
    case ast::ExprKind::Name: t = checkName(e); break;
    case ast::ExprKind::Attribute: t = checkAttribute(e); break;
    case ast::ExprKind::Subscript: t = checkSubscript(e); break;
    case ast::ExprKind::Slice:
      error(Kind::UnsupportedConstruct, e.span, "slicing is not supported in native code");
      break;
    case ast::ExprKind::Unary: t = checkUnary(e); break;
    case ast::ExprKind::Binary: t = checkBinary(e); break;
    case ast::ExprKind::BoolOp: t = checkBoolOp(e); break;
    case ast::ExprKind::Compare: t = checkCompare(e); break;
    case ast::ExprKind::IfExp: t = checkIfExp(e); break;
    case ast::ExprKind::Call: t = checkCall(e); break;
    case ast::ExprKind::Tuple: t = checkTuple(e); break;  // tuples.cpp
    case ast::ExprKind::List: t = checkListDisplay(e); break;
    case ast::ExprKind::ListComp:
    case ast::ExprKind::GeneratorExp: t = checkComprehension(e); break;
    case ast::ExprKind::CompFor:
    case ast::ExprKind::CompIf: break;  // only inside a comprehension
    case ast::ExprKind::Unsupported:
      if (!e.alreadyReported)
        error(Kind::UnsupportedConstruct, e.span, e.text + " is not supported in native code");
      break;
  }
  e.type = t;
  bool weak = (t.isScalar() && isWeakLiteral(e)) || (t.isList() && isFreshList(e));
  return Operand{t, weak, weak ? intLiteralValue(e) : std::nullopt};
}

Type FunctionChecker::checkIntLiteral(ast::Expr& e, bool negated) {
  // -9223372036854775808 is the one literal whose digits alone overflow.
  if (e.intOverflow && !(negated && e.text == "9223372036854775808")) {
    error(Kind::BadLiteral, e.span, "integer literal " + e.text + " does not fit in a 64-bit int");
    return Type::unknown();
  }
  return Type::scalarOf(Scalar::I64);
}

void FunctionChecker::reportModuleNameUse(const std::string& name, const ModuleBinding& b, Span span) {
  switch (b.kind) {
    case BindingKind::Function: {
      bool native = ctx_.module.functions[b.functionIndex]->isNative;
      auto& d = error(Kind::UnsupportedConstruct, span,
                      native ? "the native function '" + name + "' can only be called, not used as a value"
                             : "the Python function '" + name + "' cannot be used in native code");
      d.notes.push_back({b.span, "'" + name + "' is defined here"});
      return;
    }
    case BindingKind::MathModule:
    case BindingKind::PyxcModule:
      error(Kind::UnsupportedConstruct, span,
            "the module '" + name + "' can only be used as '" + name + ".<name>' in native code");
      return;
    case BindingKind::NumpyModule:
      error(Kind::UnsupportedConstruct, span,
            "the module '" + name + "' (numpy) can only be used as '" + name + ".<name>' in native code");
      return;
    case BindingKind::NumpyMember:
      error(Kind::UnsupportedConstruct, span, "numpy." + b.member + " cannot be used here in native code");
      return;
    case BindingKind::OtherModule:
      error(Kind::UnsupportedConstruct, span,
            "the Python module '" + b.module + "' cannot be used in native code");
      return;
    case BindingKind::MathMember:
      if (findMathFunction(b.member))
        error(Kind::UnsupportedConstruct, span, "the math function '" + name + "' can only be called");
      else
        error(Kind::UnsupportedConstruct, span, "math." + b.member + " is not supported in native code");
      return;
    case BindingKind::PyxcMember:
      if (scalarFromMarker(b.member))
        error(Kind::UnsupportedConstruct, span,
              "the type '" + name + "' can only be used in an annotation or called as a cast, " + name + "(x)");
      else
        error(Kind::UnsupportedConstruct, span, "pyxc." + b.member + " cannot be used here in native code");
      return;
    case BindingKind::OtherImport:
      error(Kind::UnsupportedConstruct, span,
            "'" + name + "' (imported from " + b.module +
                ") cannot be used in native code; pass its value as a parameter");
      return;
    case BindingKind::OtherBinding: {
      auto& d = error(Kind::UnsupportedConstruct, span,
                      b.what == "class" ? "the class '" + name + "' cannot be used in native code"
                                        : "the module-level " + b.what + " '" + name +
                                              "' cannot be used in native code; pass it as a parameter");
      d.notes.push_back({b.span, "'" + name + "' is bound here"});
      return;
    }
  }
}

Type FunctionChecker::checkName(ast::Expr& e) {
  e.ref = ast::Ref{};
  if (auto slot = findLocal(e.text)) {
    e.ref = ast::Ref{ast::RefKind::Local, *slot, e.text};
    if (fn_.locals[*slot].type.isObject() && gilDepth_ == 0 && !objectArgAllowed_) reportObjectOutsideGil(e);
    objectArgAllowed_ = false;
    return fn_.locals[*slot].type;
  }
  if (const ModuleBinding* b = ctx_.scope.lookup(e.text)) {
    if (b->kind == BindingKind::MathMember && isMathConstant(b->member)) {
      e.ref = ast::Ref{ast::RefKind::MathConstant, -1, b->member};
      return Type::scalarOf(Scalar::F64);
    }
    if (b->kind == BindingKind::NumpyMember) return checkNumpyAttribute(e, b->member, e.text);
    if (gilDepth_ > 0 && isPythonCallee(e)) return checkPythonObject(e);  // with_gil.cpp
    reportModuleNameUse(e.text, *b, e.span);
    return Type::unknown();
  }
  if (isSupportedException(e.text))
    error(Kind::UnsupportedConstruct, e.span, "the exception class '" + e.text + "' can only be used in 'raise'");
  else if (isPythonBuiltin(e.text))
    error(Kind::UnsupportedConstruct, e.span, "the builtin '" + e.text + "' cannot be used as a value in native code");
  else
    error(Kind::UndefinedName, e.span, "name '" + e.text + "' is not defined");
  return Type::unknown();
}

Type FunctionChecker::checkAttribute(ast::Expr& e) {
  e.ref = ast::Ref{};
  ast::Expr* object = e.operand(0);
  if (!object) return Type::unknown();
  if (gilDepth_ > 0 && isPythonCallee(e)) return checkPythonObject(e);  // with_gil.cpp
  if (object->kind == ast::ExprKind::Name && !findLocal(object->text)) {
    const ModuleBinding* b = ctx_.scope.lookup(object->text);
    std::string spelled = object->text + "." + e.text;
    if (b && b->kind == BindingKind::MathModule) {
      if (isMathConstant(e.text)) {
        e.ref = ast::Ref{ast::RefKind::MathConstant, -1, e.text};
        return Type::scalarOf(Scalar::F64);
      }
      error(Kind::UnsupportedConstruct, e.span,
            findMathFunction(e.text) ? "the math function '" + spelled + "' can only be called"
                                     : spelled + " is not supported in native code");
      return Type::unknown();
    }
    if (b && b->kind == BindingKind::PyxcModule) {
      error(Kind::UnsupportedConstruct, e.span,
            scalarFromMarker(e.text) ? "the type '" + spelled + "' can only be used in an annotation or called as a cast"
                                     : spelled + " cannot be used here in native code");
      return Type::unknown();
    }
    if (!b && (object->text == "math" || object->text == "pyxc")) {
      error(Kind::UndefinedName, object->span,
            "name '" + object->text + "' is not defined; add 'import " + object->text + "'");
      return Type::unknown();
    }
    if (b && b->kind == BindingKind::NumpyModule) return checkNumpyAttribute(e, e.text, spelled);
    if (b && b->kind == BindingKind::OtherModule) {
      error(Kind::UnsupportedConstruct, e.span,
            "'" + spelled + "' belongs to the Python module '" + b->module + "' and cannot be used in native code");
      return Type::unknown();
    }
  }
  Type objectType = checkType(object);
  if (objectType.isUnknown()) return Type::unknown();
  if (isArray(objectType)) return checkArrayAttribute(e, objectType);
  error(Kind::UnsupportedConstruct, e.span,
        "attribute '" + e.text + "' of " + typeName(objectType) + " is not supported in native code");
  return Type::unknown();
}

Type FunctionChecker::checkSubscript(ast::Expr& e) {
  ast::Expr* object = e.operand(0);
  if (!object) return Type::unknown();
  Type objectType = checkType(object);
  if (isArray(objectType)) return checkArrayIndex(e, objectType);
  if (objectType.isList()) return checkListSubscript(e, objectType);
  if (objectType.kind != types::TypeKind::Tuple) {
    for (size_t i = 1; i < e.operands.size(); ++i)
      if (e.operand(i) && e.operand(i)->kind != ast::ExprKind::Slice) check(e.operand(i));
    if (objectType.isUnknown()) return Type::unknown();
    error(Kind::TypeMismatch, e.span, "'" + operandName(objectType) + "' object is not subscriptable");
    return Type::unknown();
  }
  ast::Expr* index = e.operands.size() == 2 ? e.operand(1) : nullptr;
  const ast::Expr* literal = index;
  bool negated = false;
  if (literal && literal->kind == ast::ExprKind::Unary && literal->unaryOp == ast::UnaryOp::Neg) {
    negated = true;
    literal = literal->operand(0);
  }
  if (!literal || literal->kind != ast::ExprKind::IntLit || literal->intOverflow) {
    // Each element may have its own type, so the index picks the type: it
    // must be known when compiling. An array only fits same-typed scalars.
    bool uniform = true;
    for (const Type& element : objectType.elements)
      uniform = uniform && element.isScalar() && element == objectType.elements[0];
    error(Kind::UnsupportedConstruct, index ? index->span : e.span,
          std::string("a tuple can only be indexed by a constant integer in native code (t[0], t[-1]); ") +
              (uniform ? "unpack it instead (a, b = t), or use an array for indexing by a variable"
                       : "unpack it instead (a, b = t): its elements have different types (" +
                             typeName(objectType) + ")"));
    if (index) check(index);
    return Type::unknown();
  }
  check(index);
  int64_t size = static_cast<int64_t>(objectType.elements.size());
  int64_t position = negated ? size - literal->intValue : literal->intValue;
  if (position < 0 || position >= size) {
    error(Kind::TypeMismatch, index->span,
          "tuple index out of range: " + typeName(objectType) + " has " + std::to_string(size) + " elements");
    return Type::unknown();
  }
  return objectType.elements[static_cast<size_t>(position)];
}

void FunctionChecker::checkCondition(ast::Expr* e, const char* where) {
  // In a test, `xs and n < 3` only needs each operand's truth value, so a
  // list may sit beside numbers (as a value, the mixed result has no type).
  if (e && e->kind == ast::ExprKind::BoolOp) {
    for (auto& operand : e->operands) checkCondition(operand.get(), where);
    // Only the operands' truth values are used (emit: condition()).
    e->type = Type::scalarOf(Scalar::Bool);
    return;
  }
  Type t = checkType(e);
  if (t.isList()) return;  // a list is true when it is not empty, as in Python
  if (isArray(t)) {
    error(Kind::TypeMismatch, e->span,
          std::string("the truth value of an array is ambiguous; an array cannot be used ") + where +
              " (test a.size or an element instead)");
    return;
  }
  if (!isComplete(t) || t.isScalar()) return;
  error(Kind::TypeMismatch, e->span, std::string("a value of type ") + typeName(t) + " cannot be used " + where);
}

Type FunctionChecker::checkUnary(ast::Expr& e) {
  e.operandTypes.clear();
  ast::Expr* operand = e.operand(0);
  if (!operand) return Type::unknown();
  if (e.unaryOp == ast::UnaryOp::Not) {
    checkCondition(operand, "with 'not'");
    e.operandTypes = {operand->type};
    return Type::scalarOf(Scalar::Bool);
  }
  Type t;
  if (e.unaryOp == ast::UnaryOp::Neg && operand->kind == ast::ExprKind::IntLit) {
    t = checkIntLiteral(*operand, true);
    operand->type = t;
  } else {
    t = checkType(operand);
  }
  if (t.isUnknown()) return t;
  bool ok = t.isScalar() && !(e.unaryOp == ast::UnaryOp::Invert && t.isFloat());
  if (!ok) {
    error(Kind::TypeMismatch, e.span,
          std::string("bad operand type for unary ") + ast::spelling(e.unaryOp) + ": '" + operandName(t) + "'");
    return Type::unknown();
  }
  Type result = boolAsInt(t);
  e.operandTypes = {result};
  return result;
}

Type FunctionChecker::binaryResult(ast::BinaryOp op, const Operand& left, const Operand& right, Span span,
                                   std::vector<Type>& operandTypes) {
  operandTypes = {Type::unknown()};
  if (left.type.isUnknown() || right.type.isUnknown()) return Type::unknown();
  auto unsupported = [&] {
    error(Kind::TypeMismatch, span,
          std::string("unsupported operand type(s) for ") + ast::spelling(op) + ": '" + operandName(left.type) +
              "' and '" + operandName(right.type) + "'" + pythonResultHint(left.type, right.type));
    return Type::unknown();
  };
  if (isArray(left.type) || isArray(right.type)) {
    reportArrayOperand(span, isArray(left.type) ? left.type : right.type,
                       std::string("'") + ast::spelling(op) + "'");
    return Type::unknown();
  }
  if (!left.type.isScalar() || !right.type.isScalar() || op == ast::BinaryOp::MatMul) return unsupported();
  Type joined = *joinOperands(left, right);
  switch (op) {
    case ast::BinaryOp::Div: {
      Type t = boolAsInt(joined);
      operandTypes = {t};
      return t.isScalar(Scalar::F32) ? t : Type::scalarOf(Scalar::F64);
    }
    case ast::BinaryOp::LShift:
    case ast::BinaryOp::RShift:
    case ast::BinaryOp::BitAnd:
    case ast::BinaryOp::BitOr:
    case ast::BinaryOp::BitXor: {
      if (left.type.isFloat() || right.type.isFloat()) return unsupported();
      bool bothBool = left.type.isBool() && right.type.isBool();
      bool shift = op == ast::BinaryOp::LShift || op == ast::BinaryOp::RShift;
      Type t = bothBool && !shift ? joined : boolAsInt(joined);
      operandTypes = {t};
      return t;
    }
    default: {
      Type t = boolAsInt(joined);
      operandTypes = {t};
      return t;
    }
  }
}

Type FunctionChecker::checkBinary(ast::Expr& e) {
  if (!e.operand(0) || !e.operand(1)) return Type::unknown();
  Operand left = check(e.operand(0));
  Operand right = check(e.operand(1));
  if (auto list = checkListBinary(e, left, right)) return *list;
  if (e.binaryOp == ast::BinaryOp::MatMul) return checkMatMul(e, left, right);  // numpy_linalg.cpp
  return binaryResult(e.binaryOp, left, right, e.span, e.operandTypes);
}

Type FunctionChecker::checkBoolOp(ast::Expr& e) {
  std::optional<Operand> acc;
  bool unknown = false;
  for (auto& operand : e.operands) {
    Operand o = check(operand);
    if (o.type.isUnknown()) { unknown = true; continue; }
    if (!o.type.isScalar()) {
      if (isArray(o.type))
        reportArrayOperand(operand->span, o.type, e.boolOp == ast::BoolOpKind::And ? "'and'" : "'or'");
      else
        error(Kind::TypeMismatch, operand->span,
              std::string("'") + (e.boolOp == ast::BoolOpKind::And ? "and" : "or") +
                  "' needs numbers or bools, not " + typeName(o.type));
      unknown = true;
      continue;
    }
    acc = acc ? Operand{*joinOperands(*acc, o), false} : o;
  }
  return unknown || !acc ? Type::unknown() : acc->type;
}

Type FunctionChecker::checkCompare(ast::Expr& e) {
  if (isListMembership(e)) return checkListMembership(e);
  std::vector<Operand> operands;
  for (auto& operand : e.operands) {
    // `x is None`: the comparison is reported below, not the None as well.
    if (operand && operand->kind == ast::ExprKind::NoneLit) {
      operand->type = Type::voidType();
      operands.push_back(Operand{operand->type, false});
      continue;
    }
    operands.push_back(check(operand));
  }
  e.operandTypes.assign(e.compareOps.size(), Type::unknown());
  bool ok = true;
  for (size_t i = 0; i < e.compareOps.size() && i + 1 < operands.size(); ++i) {
    ast::CompareOp op = e.compareOps[i];
    const Operand& left = operands[i];
    const Operand& right = operands[i + 1];
    if (!e.operands[i] || !e.operands[i + 1]) {
      ok = false;
      continue;
    }
    Span span{e.operands[i]->span.begin, e.operands[i + 1]->span.end, e.operands[i]->span.line,
              e.operands[i]->span.column, e.operands[i + 1]->span.endLine, e.operands[i + 1]->span.endColumn};
    if (op == ast::CompareOp::Is || op == ast::CompareOp::IsNot || op == ast::CompareOp::In ||
        op == ast::CompareOp::NotIn) {
      error(Kind::UnsupportedConstruct, span,
            std::string("the '") + ast::spelling(op) + "' operator is not supported in native code");
      ok = false;
      continue;
    }
    if (left.type.isUnknown() || right.type.isUnknown()) {
      ok = false;
      continue;
    }
    if (isArray(left.type) || isArray(right.type)) {
      reportArrayOperand(span, isArray(left.type) ? left.type : right.type,
                         std::string("comparison '") + ast::spelling(op) + "'");
      ok = false;
      continue;
    }
    if (left.type.kind == types::TypeKind::Tuple || right.type.kind == types::TypeKind::Tuple) {
      ok &= checkTupleCompare(op, left, right, span, e.operandTypes[i]);  // tuples.cpp
      continue;
    }
    if (!left.type.isScalar() || !right.type.isScalar()) {
      error(Kind::TypeMismatch, span,
            std::string("comparing ") + typeName(left.type) + " with " + typeName(right.type) + " using '" +
                ast::spelling(op) + "' is not supported in native code");
      ok = false;
      continue;
    }
    e.operandTypes[i] = *joinOperands(left, right);
  }
  return ok ? Type::scalarOf(Scalar::Bool) : Type::unknown();
}

Type FunctionChecker::checkIfExp(ast::Expr& e) {
  if (!e.operand(0) || !e.operand(1) || !e.operand(2)) return Type::unknown();
  checkCondition(e.operand(0), "as a condition");
  Operand body = check(e.operand(1));
  Operand orelse = check(e.operand(2));
  if (body.type.isUnknown() || orelse.type.isUnknown()) return Type::unknown();
  std::optional<Type> joined = body.type.isScalar() && orelse.type.isScalar() ? joinOperands(body, orelse)
                                                                              : join(body.type, orelse.type);
  if (!joined || joined->kind == types::TypeKind::Void) {
    error(Kind::TypeMismatch, e.span,
          "the two branches of this conditional expression have incompatible types " + typeName(body.type) +
              " and " + typeName(orelse.type));
    return Type::unknown();
  }
  return *joined;
}

}  // namespace pyxc::check
