// Calls on lists: the methods (`xs.append(v)` ...) and the builtins that take
// a list or a generator expression (len, sum, min, max, any, all, sorted,
// list). A generator expression is never built: emit lowers the reduction
// to a loop (compiler/emit/emit_list_loops.cpp).
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isComprehension(const ast::Expr* e) {
  return e && (e->kind == ast::ExprKind::ListComp || e->kind == ast::ExprKind::GeneratorExp);
}

}  // namespace

Type FunctionChecker::checkListMethod(ast::Expr& call, ast::Expr& object, const Type& list,
                                      const std::string& method) {
  call.ref = ast::Ref{ast::RefKind::ListMethod, -1, method};
  const Type element = list.listElement();
  bool reverseKeyword = method == "sort";
  if (!reverseKeyword && rejectKeywords(call, "list." + method)) {
    checkPositionalArgs(call);
    return Type::unknown();
  }
  std::vector<Operand> args = checkPositionalArgs(call);
  for (size_t i = 1; i < call.operands.size(); ++i) call.boundArgs.push_back(call.operand(i));
  for (const auto* arg : call.boundArgs)
    if (!arg) return Type::unknown();
  size_t count = args.size();
  auto arity = [&](size_t low, size_t high) {
    if (count >= low && count <= high) return true;
    error(Kind::BadCall, call.span,
          low == high ? "list." + method + "() takes exactly " +
                            (low == 0 ? std::string("no arguments") : std::to_string(low) + " argument" + (low == 1 ? "" : "s")) +
                            " (" + std::to_string(count) + " given)"
                      : "list." + method + "() takes at most " + std::to_string(high) + " argument" + (high == 1 ? "" : "s") +
                            " (" + std::to_string(count) + " given)");
    return false;
  };
  auto requireInt = [&](size_t i) {
    const Type& t = args[i].type;
    if (t.isUnknown() || t.isInteger() || t.isBool()) return true;
    error(Kind::TypeMismatch, call.operands[i + 1]->span,
          "'" + typeName(t) + "' object cannot be interpreted as an integer");
    return false;
  };
  auto requireScalar = [&](size_t i) {
    const Type& t = args[i].type;
    if (t.isUnknown() || t.isScalar()) return true;
    error(Kind::TypeMismatch, call.operands[i + 1]->span,
          "list." + method + "() needs a number or bool here, not " + typeName(t));
    return false;
  };
  if (method == "append") {
    if (arity(1, 1)) storeIntoList(object, list, args[0], call.operands[1]->span);
    return Type::voidType();
  }
  if (method == "insert") {
    if (arity(2, 2) && requireInt(0)) storeIntoList(object, list, args[1], call.operands[2]->span);
    return Type::voidType();
  }
  if (method == "extend") {
    if (!arity(1, 1)) return Type::voidType();
    const Type& other = args[0].type;
    if (other.isUnknown()) return Type::voidType();
    if (!other.isList()) {
      error(Kind::TypeMismatch, call.operands[1]->span, "list.extend() takes a list in native code, not " + typeName(other));
      return Type::voidType();
    }
    if (!other.listElement().isUnknown()) {
      storeIntoList(object, list, Operand{other.listElement(), false}, call.operands[1]->span);
      if (report_ && !element.isUnknown() && other.listElement() != element && !isFreshList(*call.operands[1]))
        error(Kind::TypeMismatch, call.operands[1]->span,
              "list.extend() needs a list of the same element type in native code: " + typeName(list) + " and " +
                  typeName(other));
    }
    return Type::voidType();
  }
  if (method == "pop") {
    if (arity(0, 1) && (count == 0 || requireInt(0))) return element;
    return Type::unknown();
  }
  if (method == "clear" || method == "reverse") {
    arity(0, 0);
    return Type::voidType();
  }
  if (method == "copy") {
    arity(0, 0);
    return list;
  }
  if (method == "index" || method == "count") {
    if (method == "index" && count > 1) {
      error(Kind::UnsupportedConstruct, call.span, "list.index() with start/stop is not supported in native code");
      return Type::unknown();
    }
    if (!arity(1, 1) || !requireScalar(0)) return Type::unknown();
    if (!args[0].type.isUnknown() && !element.isUnknown())
      call.operandTypes = {*joinOperands(args[0], Operand{element, false})};
    return Type::scalarOf(Scalar::I64);
  }
  if (method == "sort") {
    if (count > 0) error(Kind::BadCall, call.span, "sort() takes no positional arguments");
    for (auto& kw : call.keywords) {
      if (kw.name != "reverse") {
        error(Kind::UnsupportedConstruct, kw.nameSpan,
              "sort() with '" + kw.name + "=' is not supported in native code (only reverse=)");
        continue;
      }
      if (!kw.value) continue;
      Type t = checkType(*kw.value);
      if (!t.isUnknown() && !t.isScalar())
        error(Kind::TypeMismatch, kw.value->span, "reverse= needs a bool, not " + typeName(t));
    }
    return Type::voidType();
  }
  error(Kind::UnsupportedConstruct, call.operand(0)->span,
        "list." + method + "() is not supported in native code");
  return Type::unknown();
}

// The builtins over lists and generator expressions; nullopt leaves the
// call to callBuiltin (numbers, arrays).
std::optional<Type> FunctionChecker::callListBuiltin(ast::Expr& call, const std::string& name) {
  // sum/min/max/len also take numbers, arrays and ranges (numeric_builtins.cpp):
  // a list's only when the argument is one.
  bool owned = name == "any" || name == "all" || name == "sorted" || name == "list";
  if (!owned && name != "sum" && name != "min" && name != "max" && name != "len") return std::nullopt;
  ast::Expr* arg = call.operands.size() == 2 ? call.operand(1) : nullptr;
  if (!owned) {
    // sum/min/max/len of one list or comprehension; a quick look at the
    // argument decides without typing it twice.
    if (!arg) return std::nullopt;
    bool list = isComprehension(arg) || isFreshList(*arg);
    if (arg->kind == ast::ExprKind::Name) {
      auto slot = findLocal(arg->text);
      list = slot && fn_.locals[*slot].type.isList();
    }
    if (!list) return std::nullopt;
  }
  call.ref = ast::Ref{ast::RefKind::Builtin, -1, name};
  call.boundArgs.clear();
  bool sortedCall = name == "sorted";
  if (!sortedCall && rejectKeywords(call, name)) {
    checkPositionalArgs(call);
    return Type::unknown();
  }
  if (!arg) {
    checkPositionalArgs(call);
    if (name == "list" && call.operands.size() == 1) {
      error(Kind::UnsupportedConstruct, call.span, "list() without arguments: write [] (with a list[...] annotation)");
      return Type::unknown();
    }
    error(Kind::BadCall, call.span,
          name + "() takes exactly one argument in native code (" + std::to_string(call.operands.size() - 1) +
              " given)" + (name == "sum" ? "; sum(xs, start) is not supported" : ""));
    return Type::unknown();
  }
  call.boundArgs.push_back(arg);
  Type element;
  if (isComprehension(arg)) {
    element = checkComprehensionParts(*arg);
    arg->type = element.isUnknown() ? Type::unknown() : Type::listOf(element);
    if (arg->kind == ast::ExprKind::GeneratorExp && (name == "len" || name == "list" || name == "sorted")) {
      error(Kind::UnsupportedConstruct, arg->span,
            name + "() of a generator expression is not supported in native code; use a list comprehension [...]");
      return Type::unknown();
    }
  } else if (name == "list" && arg->kind == ast::ExprKind::Call && arg->operand(0) &&
             arg->operand(0)->kind == ast::ExprKind::Name && arg->operand(0)->text == "range" &&
             !findLocal("range") && !ctx_.scope.lookup("range")) {
    checkRangeIterable(*arg);
    return Type::listOf(Type::scalarOf(Scalar::I64));
  } else {
    Type t = checkType(arg);
    if (t.isUnknown()) return Type::unknown();
    if (!t.isList()) {
      if (name == "sum" && t.kind == types::TypeKind::Array) return std::nullopt;  // callBuiltin's case
      error(Kind::TypeMismatch, arg->span,
            name + "() in native code takes a list or a generator expression, not " + typeName(t));
      return Type::unknown();
    }
    element = t.listElement();
  }
  if (element.isUnknown()) return Type::unknown();
  if (sortedCall) {
    for (auto& kw : call.keywords) {
      if (kw.name != "reverse") {
        error(Kind::UnsupportedConstruct, kw.nameSpan,
              "sorted() with '" + kw.name + "=' is not supported in native code (only reverse=)");
        continue;
      }
      if (kw.value) check(kw.value);
    }
    return Type::listOf(element);
  }
  if (name == "len") return Type::scalarOf(Scalar::I64);
  if (name == "list") return Type::listOf(element);
  if (name == "any" || name == "all") return Type::scalarOf(Scalar::Bool);
  if (name == "sum") return Type::scalarOf(element.isFloat() ? Scalar::F64 : Scalar::I64);
  return element;  // min, max
}

}  // namespace pyxc::check
