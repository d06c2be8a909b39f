// Arrays in native code: indexing (reads, stores, augmented stores),
// `.shape` / `.ndim` / `.size`, and pyxc.empty / pyxc.zeros.
//
// Decisions (docs/semantics.md "Arrays"):
// - one integer per axis gives an element; fewer integers or slices give
//   a view (array_views.cpp);
// - an element read is a value of the element type with pyxc's scalar
//   semantics; a store converts like an assignment to a declared local
//   (ints widen to floats, a float never narrows to an int, a too-large int
//   raises OverflowError);
// - `a.shape` is a tuple of ints, so `a.shape[0]` and `n, m = a.shape` work.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

const char* kShapeHelp = "arrays support .shape, .ndim and .size in native code";

}  // namespace

void FunctionChecker::reportArrayOperand(Span span, const Type& array, const std::string& what) {
  error(Kind::UnsupportedConstruct, span,
        what + " of a whole array (" + typeName(array) +
            ") is not supported in native code; write a loop over its elements");
}

Type FunctionChecker::checkArrayAttribute(ast::Expr& e, const Type& array) {
  if (e.text == "shape") {
    std::vector<Type> dims(static_cast<size_t>(array.ndim), Type::scalarOf(Scalar::I64));
    return Type::tupleOf(std::move(dims));
  }
  if (e.text == "ndim" || e.text == "size") return Type::scalarOf(Scalar::I64);
  error(Kind::UnsupportedConstruct, e.span,
        "attribute '" + e.text + "' of " + typeName(array) + " is not supported; " + kShapeHelp);
  return Type::unknown();
}

Type FunctionChecker::checkArrayIndex(ast::Expr& subscript, const Type& array) {
  bool ok = true;
  size_t count = subscript.operands.size() - 1;
  std::vector<AxisIndex> axes;
  for (size_t i = 1; i < subscript.operands.size(); ++i) {
    ast::Expr* index = subscript.operand(i);
    if (!index) {
      ok = false;
      continue;
    }
    if (index->kind == ast::ExprKind::Slice) {
      ok = checkSliceBounds(*index) && ok;
      axes.push_back(sliceIndexKind(*index));
      continue;
    }
    if (index->kind == ast::ExprKind::List || index->kind == ast::ExprKind::ListComp) {
      error(Kind::UnsupportedConstruct, index->span,
            "fancy indexing (a list display as an index) is not supported in native code; index " + typeName(array) +
                " with integers and slices, or write a loop");
      ok = false;
      continue;
    }
    if (index->kind == ast::ExprKind::Unsupported) {
      // A list or other display as an index is NumPy's fancy indexing.
      bool ellipsis = index->text.find("Ellipsis") != std::string::npos;
      if (!index->alreadyReported)
        error(Kind::UnsupportedConstruct, index->span,
              ellipsis ? std::string("'...' in an index is not supported in native code; write every axis out "
                                     "(a[i, :, :])")
                       : "fancy indexing (" + index->text + " as an index) is not supported in native code; index " +
                             typeName(array) + " with integers and slices, or write a loop");
      ok = false;
      continue;
    }
    Type t = checkType(index);
    if (t.isUnknown()) {
      ok = false;
      continue;
    }
    if (t.kind == types::TypeKind::Array) {
      error(Kind::UnsupportedConstruct, index->span,
            "indexing with an array (" + typeName(t) +
                ": fancy or boolean-mask indexing) is not supported in native code; index with integers and "
                "slices, or write a loop");
      ok = false;
    } else if (!t.isInteger() && !t.isBool()) {
      error(Kind::TypeMismatch, index->span, "array indices must be integers or slices, not " + typeName(t));
      ok = false;
    }
    axes.push_back(AxisIndex::Integer);
  }
  if (ok && count > static_cast<size_t>(array.ndim)) {
    error(Kind::UnsupportedConstruct, subscript.span,
          "too many indices for " + typeName(array) + ": it has " + std::to_string(array.ndim) +
              (array.ndim == 1 ? " axis" : " axes") + " but " + std::to_string(count) + " were given");
    ok = false;
  }
  return ok ? indexedType(array, axes) : Type::unknown();
}

void FunctionChecker::storeArrayElement(ast::Expr& target, const Type& array, const Operand& value, Span valueSpan) {
  Type element = checkArrayIndex(target, array);
  target.type = element;
  if (rejectSubArrayStore(target, element)) return;
  if (element.isUnknown() || value.type.isUnknown()) return;
  if (!value.type.isScalar()) {
    error(Kind::TypeMismatch, valueSpan,
          "cannot store a value of type " + typeName(value.type) + " into an element of " + typeName(array));
    return;
  }
  checkLiteralFits(value, element, valueSpan);
  if (!isAssignable(value, element))
    error(Kind::IncompatibleAssignment, valueSpan,
          "cannot store a value of type " + typeName(value.type) + " into an element of " + typeName(array) +
              (element.isInteger() && value.type.isFloat() ? "; convert it with int(...) first" : std::string()));
}

void FunctionChecker::checkArrayAugAssign(ast::Stmt& s, const Type& array) {
  ast::Expr& target = *s.exprs[0];
  Type element = checkArrayIndex(target, array);
  target.type = element;
  Operand v = check(s.exprs[1]);
  if (rejectSubArrayStore(target, element)) return;
  if (element.isUnknown()) return;
  std::vector<Type> operandTypes;
  Type result = binaryResult(s.binaryOp, Operand{element, false}, v, s.span, operandTypes);
  s.operandTypes = {operandTypes.empty() ? Type::unknown() : operandTypes[0], result};
  if (result.isUnknown()) return;
  if (!isAssignable(Operand{result, false}, element))
    error(Kind::IncompatibleAssignment, s.span,
          std::string("the result of '") + ast::spelling(s.binaryOp) + "=' is " + typeName(result) +
              ", which cannot be stored into an element of " + typeName(array) +
              (element.isInteger() && result.isFloat() ? "; convert it with int(...) first" : std::string()));
}

Type FunctionChecker::callArrayConstructor(ast::Expr& call, const std::string& name) {
  call.ref = ast::Ref{ast::RefKind::ArrayConstructor, -1, name};
  call.boundArgs.clear();
  const std::string spelled = "pyxc." + name;
  ast::Expr* shape = call.operand(1);
  ast::Expr* dtype = call.operand(2);
  bool ok = true;
  if (call.operands.size() > 3) {
    error(Kind::BadCall, call.span, spelled + "() takes at most 2 arguments: a shape and a dtype");
    ok = false;
  }
  for (auto& kw : call.keywords) {
    if (kw.name == "dtype" && !dtype) {
      dtype = kw.value.get();
    } else if (kw.name == "shape" && !shape) {
      shape = kw.value.get();
    } else {
      if (kw.value) check(kw.value);
      error(Kind::BadCall, kw.nameSpan, spelled + "() got an unexpected keyword argument '" + kw.name + "'");
      ok = false;
    }
  }
  if (!shape) {
    error(Kind::BadCall, call.span, spelled + "() missing required argument 'shape'");
    return Type::unknown();
  }
  Scalar element = Scalar::F64;
  if (dtype) {
    bool reported = false;
    auto scalar = resolveScalarType(*dtype, ctx_.scope, report_ ? ctx_.diags : scratch_, reported);
    if (!scalar) {
      if (!reported)
        error(Kind::UnsupportedType, dtype->span,
              "the dtype of " + spelled + "() must be a pyxc type such as pyxc.f64 or pyxc.i32 (or int, float, "
              "bool)");
      ok = false;
    } else {
      element = *scalar;
    }
  }
  std::vector<ast::Expr*> dims;
  if (shape->kind == ast::ExprKind::Tuple) {
    for (auto& d : shape->operands) dims.push_back(d.get());
    shape->type = Type::tupleOf(std::vector<Type>(dims.size(), Type::scalarOf(Scalar::I64)));
  } else {
    dims.push_back(shape);
  }
  if (dims.empty() || dims.size() > static_cast<size_t>(kMaxArrayDims)) {
    error(Kind::UnsupportedConstruct, shape->span,
          spelled + "() needs a shape of 1 to " + std::to_string(kMaxArrayDims) + " dimensions");
    return Type::unknown();
  }
  for (ast::Expr* d : dims) {
    if (!d) {
      ok = false;
      continue;
    }
    Type t = checkType(d);
    if (t.isUnknown()) {
      ok = false;
    } else if (!t.isInteger() && !t.isBool()) {
      error(Kind::TypeMismatch, d->span,
            "the shape of " + spelled + "() must be an int or a tuple of ints, not " + typeName(t));
      ok = false;
    }
    call.boundArgs.push_back(d);
  }
  if (!ok) return Type::unknown();
  return Type::arrayOf(element, static_cast<int>(dims.size()), true);
}

}  // namespace pyxc::check
