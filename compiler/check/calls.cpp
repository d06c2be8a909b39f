// Calls: other native functions (arguments bound like CPython binds them,
// with CPython's messages), math, builtins, casts, exceptions in `raise`.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

std::string plural(size_t n, const char* singular, const char* pluralForm) {
  return std::to_string(n) + " " + (n == 1 ? singular : pluralForm);
}

// 'a', 'a' and 'b', 'a', 'b', and 'c' (CPython's missing-argument lists).
std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

bool isSupportedBuiltinFunction(const std::string& name) {
  for (const char* b : {"abs", "min", "max", "round", "int", "float", "bool", "len", "range", "sum", "any", "all", "sorted", "list",
                        "divmod", "pow"})
    if (name == b) return true;
  return false;
}

}  // namespace

std::vector<Operand> FunctionChecker::checkPositionalArgs(ast::Expr& call) {
  std::vector<Operand> args;
  // A null argument (after a syntax error) is typed unknown, so that no
  // rule below looks at its span.
  for (size_t i = 1; i < call.operands.size(); ++i) args.push_back(check(call.operands[i]));
  return args;
}

Type FunctionChecker::checkArgumentsOnly(ast::Expr& call) {
  checkPositionalArgs(call);
  for (auto& kw : call.keywords)
    if (kw.value) check(kw.value);
  return Type::unknown();
}

bool FunctionChecker::rejectKeywords(ast::Expr& call, const std::string& callee) {
  if (call.keywords.empty()) return false;
  for (auto& kw : call.keywords)
    if (kw.value) check(kw.value);
  error(Kind::BadCall, call.keywords[0].nameSpan, callee + "() takes no keyword arguments");
  return true;
}

bool FunctionChecker::requireNumericArgs(ast::Expr& call, const std::vector<Operand>& args,
                                         const std::string& callee) {
  bool ok = true;
  for (size_t i = 0; i < args.size(); ++i) {
    const Type& t = args[i].type;
    if (t.isUnknown()) { ok = false; continue; }
    if (!t.isScalar()) {
      error(Kind::TypeMismatch, call.operands[i + 1]->span, callee + "() needs a number here, not " + typeName(t));
      ok = false;
    }
  }
  return ok;
}

void FunctionChecker::reportPythonCall(ast::Expr& call, const std::string& spelled, Span noteSpan,
                                       const std::string& noteText, bool canDecorate) {
  checkPositionalArgs(call);
  for (auto& kw : call.keywords)
    if (kw.value) check(kw.value);
  auto& d = error(Kind::PythonCall, call.span,
                  "calling the Python function '" + spelled +
                      "' from native code needs the GIL: wrap the call in 'with pyxc.gil():'" +
                      (canDecorate ? ", or decorate '" + spelled + "' with @pyxc.native" : std::string()));
  if (noteSpan.valid()) d.notes.push_back({noteSpan, noteText});
}

Type FunctionChecker::checkCall(ast::Expr& call) {
  call.ref = ast::Ref{};
  call.boundArgs.clear();
  ast::Expr* callee = call.operand(0);
  if (!callee) return Type::unknown();
  auto checkArgsOnly = [&] { return checkArgumentsOnly(call); };
  Type result = Type::unknown();
  if (gilDepth_ > 0 && (isPythonCallee(*callee) || isPythonBuiltinUse(call))) return checkPythonCall(call);
  if (isPythonCallee(*callee) && (callee->kind == ast::ExprKind::Name ? findLocal(callee->text).has_value()
                                                                      : callee->operand(0)->kind != ast::ExprKind::Name ||
                                                                            findLocal(callee->operand(0)->text))) {
    // An object parameter, or a longer attribute chain (sys.stdout.write).
    reportPythonCall(call, spelledCallee(*callee), Span{}, "", false);
    return Type::unknown();
  }
  if (callee->kind == ast::ExprKind::Name) {
    const std::string& name = callee->text;
    if (auto slot = findLocal(name)) {
      const Type& localType = fn_.locals[*slot].type;
      error(Kind::TypeMismatch, callee->span,
            "'" + name + "' is a local variable" +
                (localType.isUnknown() ? std::string() : " of type " + typeName(localType)) + ", not a function");
      return checkArgsOnly();
    }
    if (const ModuleBinding* b = ctx_.scope.lookup(name)) {
      switch (b->kind) {
        case BindingKind::Function:
          if (ctx_.module.functions[b->functionIndex]->isNative) {
            result = callNativeFunction(call, b->functionIndex);
            break;
          }
          reportPythonCall(call, name, b->span, "'" + name + "' is defined here without @pyxc.native");
          return Type::unknown();
        case BindingKind::MathMember:
          if (findMathFunction(b->member)) {
            result = callMathFunction(call, b->member);
            break;
          }
          if (isMathConstant(b->member))
            error(Kind::TypeMismatch, call.span, "'float' object is not callable");
          else
            error(Kind::UnsupportedConstruct, call.span, unsupportedMathMessage(b->member));
          return checkArgsOnly();
        case BindingKind::PyxcMember:
          if (auto scalar = scalarFromMarker(b->member)) {
            result = callCast(call, *scalar, name);
            break;
          }
          if (b->member == "empty" || b->member == "zeros") {
            result = callArrayConstructor(call, b->member);
            break;
          }
          error(Kind::UnsupportedConstruct, call.span,
                b->member == "prange" ? std::string("prange() can only be used as the iterable of a for loop")
                                      : "pyxc." + b->member + "() is not supported in native code yet");
          return checkArgsOnly();
        case BindingKind::NumpyMember:
          result = callNumpy(call, b->member, name);
          if (result.isUnknown()) return result;
          break;
        case BindingKind::OtherBinding:
          reportPythonCall(call, name, b->span, "'" + name + "' is bound here", false);
          return Type::unknown();
        default:
          reportPythonCall(call, name, b->span, "'" + name + "' is imported here", false);
          return Type::unknown();
      }
    } else if (isSupportedBuiltinFunction(name)) {
      result = callBuiltin(call, name);
    } else if (isSupportedException(name)) {
      error(Kind::UnsupportedConstruct, call.span,
            "exception objects can only be created directly in 'raise', e.g. raise " + name + "(\"message\")");
      return checkArgsOnly();
    } else if (isPythonBuiltin(name)) {
      error(Kind::UnsupportedConstruct, call.span,
            "the builtin '" + name + "' is not supported in native code; call it inside 'with pyxc.gil():'");
      return checkArgsOnly();
    } else {
      error(Kind::UndefinedName, callee->span, "name '" + name + "' is not defined");
      return checkArgsOnly();
    }
    callee->ref = call.ref;
    callee->type = Type::unknown();
    return result;
  }
  if (callee->kind == ast::ExprKind::Attribute && callee->operand(0) &&
      callee->operand(0)->kind == ast::ExprKind::Name && !findLocal(callee->operand(0)->text)) {
    const std::string& object = callee->operand(0)->text;
    const std::string& member = callee->text;
    const ModuleBinding* b = ctx_.scope.lookup(object);
    std::string spelled = object + "." + member;
    if (b && b->kind == BindingKind::MathModule) {
      if (findMathFunction(member)) {
        result = callMathFunction(call, member);
        callee->ref = call.ref;
        return result;
      }
      error(isMathConstant(member) ? Kind::TypeMismatch : Kind::UnsupportedConstruct, call.span,
            isMathConstant(member) ? std::string("'float' object is not callable")
                                   : unsupportedMathMessage(member));
      return checkArgsOnly();
    }
    if (b && b->kind == BindingKind::PyxcModule) {
      if (auto scalar = scalarFromMarker(member)) {
        result = callCast(call, *scalar, spelled);
        callee->ref = call.ref;
        return result;
      }
      if (member == "empty" || member == "zeros") {
        result = callArrayConstructor(call, member);
        callee->ref = call.ref;
        return result;
      }
      error(Kind::UnsupportedConstruct, call.span,
            member == "prange" ? std::string("pyxc.prange() can only be used as the iterable of a for loop")
                               : spelled + "() is not supported in native code yet");
      return checkArgsOnly();
    }
    if (!b && (object == "math" || object == "pyxc")) {
      error(Kind::UndefinedName, callee->operand(0)->span,
            "name '" + object + "' is not defined; add 'import " + object + "'");
      return checkArgsOnly();
    }
    if (b && b->kind == BindingKind::NumpyModule) {
      result = callNumpy(call, member, spelled);
      callee->ref = call.ref;
      return result;
    }
    if (b && b->kind == BindingKind::OtherModule) {
      checkArgsOnly();
      auto& d = error(Kind::PythonCall, call.span,
                      "calling '" + spelled + "' of the Python module '" + b->module +
                          "' from native code needs the GIL: wrap the call in 'with pyxc.gil():'");
      d.notes.push_back({b->span, "'" + object + "' is imported here"});
      return Type::unknown();
    }
    if (b) {
      reportPythonCall(call, spelled, b->span, "'" + object + "' is bound here", false);
      return Type::unknown();
    }
  }
  if (callee->kind == ast::ExprKind::Attribute) {
    Type objectType = callee->operand(0) ? checkType(callee->operand(0)) : Type::unknown();
    if (objectType.kind == types::TypeKind::Array) return callArrayMethod(call, objectType);
    // `xs.append(v)`: a method of a list value (list_calls.cpp).
    if (objectType.isList()) return checkListMethod(call, *callee->operand(0), objectType, callee->text);
    if (!objectType.isUnknown())
      error(Kind::UnsupportedConstruct, call.span,
            "method calls ('." + callee->text + "()' on " + typeName(objectType) +
                ") are not supported in native code");
    return checkArgsOnly();
  }
  check(callee);
  if (!callee->type.isUnknown())
    error(Kind::TypeMismatch, call.span, "'" + typeName(callee->type) + "' object is not callable");
  return checkArgsOnly();
}

Type FunctionChecker::callNativeFunction(ast::Expr& call, int functionIndex) {
  const ast::FunctionDef& target = *ctx_.module.functions[functionIndex];
  call.ref = ast::Ref{ast::RefKind::NativeFunction, functionIndex, target.name};
  std::vector<Operand> positional;
  for (size_t i = 1; i < call.operands.size(); ++i) {
    // An object parameter may be passed on as it is (not inside an expression).
    objectArgAllowed_ = call.operand(i) && call.operand(i)->kind == ast::ExprKind::Name;
    positional.push_back(check(call.operands[i]));
    objectArgAllowed_ = false;
  }
  const std::string name = target.name + "()";
  const auto& params = target.params;
  for (const auto& p : params)
    if (p.kind == ast::Param::Kind::VarArgs || p.kind == ast::Param::Kind::VarKwargs) {
      for (auto& kw : call.keywords)
        if (kw.value) check(kw.value);
      return target.returnType;  // already reported at the definition
    }

  std::vector<const ast::Expr*> bound(params.size(), nullptr);
  std::vector<Operand> boundTypes(params.size());
  bool ok = true;
  size_t positionalCapacity = 0, positionalRequired = 0;
  for (const auto& p : params)
    if (p.kind != ast::Param::Kind::KeywordOnly) {
      ++positionalCapacity;
      if (!p.defaultValue) ++positionalRequired;
    }
  if (positional.size() > positionalCapacity) {
    std::string takes = positionalRequired == positionalCapacity
                            ? plural(positionalCapacity, "positional argument", "positional arguments")
                            : "from " + std::to_string(positionalRequired) + " to " +
                                  std::to_string(positionalCapacity) + " positional arguments";
    std::string given = std::to_string(positional.size()) + (positional.size() == 1 ? " was" : " were");
    error(Kind::BadCall, call.span, name + " takes " + takes + " but " + given + " given");
    ok = false;
  }
  for (size_t i = 0; i < positional.size() && i < positionalCapacity; ++i) {
    bound[i] = call.operand(i + 1);
    boundTypes[i] = positional[i];
  }
  for (auto& kw : call.keywords) {
    objectArgAllowed_ = kw.value && kw.value->kind == ast::ExprKind::Name;
    Operand value = kw.value ? check(kw.value) : Operand{};
    objectArgAllowed_ = false;
    size_t index = params.size();
    for (size_t i = 0; i < params.size(); ++i)
      if (params[i].name == kw.name) index = i;
    if (index == params.size()) {
      error(Kind::BadCall, kw.nameSpan, name + " got an unexpected keyword argument '" + kw.name + "'");
      ok = false;
    } else if (params[index].kind == ast::Param::Kind::PositionalOnly) {
      error(Kind::BadCall, kw.nameSpan,
            name + " got some positional-only arguments passed as keyword arguments: '" + kw.name + "'");
      ok = false;
    } else if (bound[index]) {
      error(Kind::BadCall, kw.nameSpan, name + " got multiple values for argument '" + kw.name + "'");
      ok = false;
    } else {
      bound[index] = kw.value.get();
      boundTypes[index] = value;
    }
  }
  std::vector<std::string> missingPositional, missingKeyword;
  for (size_t i = 0; i < params.size(); ++i)
    if (!bound[i] && !params[i].defaultValue)
      (params[i].kind == ast::Param::Kind::KeywordOnly ? missingKeyword : missingPositional).push_back(params[i].name);
  if (ok && !missingPositional.empty()) {
    error(Kind::BadCall, call.span,
          name + " missing " +
              plural(missingPositional.size(), "required positional argument", "required positional arguments") +
              ": " + quotedList(missingPositional));
    ok = false;
  }
  if (ok && !missingKeyword.empty()) {
    error(Kind::BadCall, call.span,
          name + " missing " +
              plural(missingKeyword.size(), "required keyword-only argument", "required keyword-only arguments") +
              ": " + quotedList(missingKeyword));
    ok = false;
  }
  for (size_t i = 0; i < params.size(); ++i) {
    if (bound[i]) checkLiteralFits(boundTypes[i], params[i].type, bound[i]->span);
    if (!bound[i] || isAssignable(boundTypes[i], params[i].type)) continue;
    auto& d = error(Kind::TypeMismatch, bound[i]->span,
                    "argument '" + params[i].name + "' of " + name + " must be " + typeName(params[i].type) +
                        ", not " + typeName(boundTypes[i].type));
    d.notes.push_back({params[i].span, "parameter '" + params[i].name + "' is declared here"});
    const Type& given = boundTypes[i].type;
    if (bound[i]->kind == ast::ExprKind::Subscript && given.kind == types::TypeKind::Array &&
        params[i].type.kind == types::TypeKind::Array && params[i].type.contiguous && !given.contiguous)
      d.notes.push_back({bound[i]->span, "this view is not provably C-contiguous (only integers, then one slice "
                                         "of step 1, then whole axes are); declare the parameter with ':'"});
  }
  if (target.isFusedGeneric() && ok) {
    auto chosen = chooseSpecialization(ctx_.module, target, boundTypes, bound);
    if (!chosen) {
      std::string given;
      for (size_t i = 0; i < bound.size(); ++i)
        if (bound[i]) given += (given.empty() ? "" : ", ") + typeName(boundTypes[i].type);
      error(Kind::TypeMismatch, call.span,
            "no specialization of the fused function " + name + " accepts arguments of types " + given);
      call.boundArgs = std::move(bound);
      return Type::unknown();
    }
    call.ref.index = *chosen;
    call.boundArgs = std::move(bound);
    return ctx_.module.functions[static_cast<size_t>(*chosen)]->returnType;
  }
  call.boundArgs = std::move(bound);
  return target.returnType;
}

Type FunctionChecker::callCast(ast::Expr& call, Scalar scalar, const std::string& spelled) {
  call.ref = ast::Ref{ast::RefKind::ScalarType, -1, types::markerName(scalar)};
  bool keywordError = rejectKeywords(call, spelled);
  std::vector<Operand> args = checkPositionalArgs(call);
  if (args.size() != 1) {
    error(Kind::BadCall, call.span,
          "the cast " + spelled + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
    return Type::unknown();
  }
  if (!requireNumericArgs(call, args, spelled) || keywordError) return Type::unknown();
  call.boundArgs = {call.operand(1)};
  return Type::scalarOf(scalar);
}

}  // namespace pyxc::check
