// `with pyxc.gil():` blocks: the only place native code may call a Python
// object (docs/semantics.md, "Calling Python: with pyxc.gil()").
//
//   @pyxc.native
//   def f(x: f64, cb: Callable[[f64], f64]) -> f64:
//       with pyxc.gil():
//           log.info("x %f", x)       # PythonCall of PythonAttribute(PythonGlobal log, info)
//           y: f64 = cb(x)            # PythonCall of the object parameter; result converted to f64
//       return y
//
// Inside a block a call whose callee is a Python object (a module-level name
// that is not a native function or a math/pyxc name, a builtin pyxc does not
// compile, an attribute of either, an object parameter) is a PythonCall of
// type object. Its arguments are native values (scalars, tuples), string and
// None literals, or objects. An object value is only usable as a call's
// callee or argument, discarded, stored into a typed local, or converted by
// float()/int()/bool(); object parameters outside a block may only be passed
// on to another native function.
#include "compiler/check/checker.h"

namespace pyxc::check {

namespace {

bool isNativeBuiltinFunction(const std::string& name) {
  for (const char* b : {"abs", "min", "max", "round", "int", "float", "bool", "len", "range"})
    if (name == b) return true;
  return false;
}

bool isCallableImport(const ModuleBinding& b) {
  return b.kind == BindingKind::OtherImport && b.member == "Callable" &&
         (b.module == "typing" || b.module == "collections.abc");
}

// `object`, `Callable`, `typing.Callable`, `collections.abc.Callable`, each
// optionally subscripted (`Callable[[f64], f64]`: the signature is not checked;
// the call converts what it gets).
bool namesObjectType(const ast::Expr& e, const ModuleScope& scope) {
  if (e.kind == ast::ExprKind::Subscript && e.operand(0)) {
    const ast::Expr& base = *e.operand(0);
    return !(base.kind == ast::ExprKind::Name && base.text == "object") && namesObjectType(base, scope);
  }
  if (e.kind == ast::ExprKind::Name) {
    const ModuleBinding* b = scope.lookup(e.text);
    if (!b) return e.text == "object";
    return isCallableImport(*b);
  }
  if (e.kind == ast::ExprKind::Attribute && e.text == "Callable" && e.operand(0)) {
    const ast::Expr& base = *e.operand(0);
    std::string dotted;
    if (base.kind == ast::ExprKind::Name) dotted = base.text;
    else if (base.kind == ast::ExprKind::Attribute && base.operand(0) && base.operand(0)->kind == ast::ExprKind::Name)
      dotted = base.operand(0)->text + "." + base.text;
    std::string root = dotted.substr(0, dotted.find('.'));
    const ModuleBinding* b = scope.lookup(root);
    if (!b || b->kind != BindingKind::OtherModule) return false;
    std::string module = b->module + dotted.substr(root.size());
    return module == "typing" || module == "collections.abc";
  }
  return false;
}

}  // namespace

std::optional<Type> objectAnnotation(const ast::Expr& e, AnnotationUse use, const ModuleScope& scope,
                                     diag::DiagnosticBag& diags) {
  if (!namesObjectType(e, scope)) return std::nullopt;
  if (use != AnnotationUse::Parameter) {
    diags.error(Kind::UnsupportedType, e.span,
                "a Python object type ('object', 'Callable') is only supported for parameters; convert a Python "
                "call's result with float(...), int(...) or bool(...)");
    return Type::unknown();
  }
  return Type::object();
}

bool FunctionChecker::isPythonCallee(const ast::Expr& callee) const {
  const ast::Expr* root = &callee;
  while (root->kind == ast::ExprKind::Attribute && root->operand(0)) root = root->operand(0);
  if (root->kind != ast::ExprKind::Name) return false;
  if (auto slot = findLocal(root->text)) return fn_.locals[*slot].type.isObject();
  if (const ModuleBinding* b = ctx_.scope.lookup(root->text)) {
    switch (b->kind) {
      case BindingKind::Function:
        // A native function is called natively; its attributes (f.py) are Python's.
        return root != &callee || !ctx_.module.functions[b->functionIndex]->isNative;
      case BindingKind::OtherBinding:
      case BindingKind::OtherImport:
      case BindingKind::OtherModule:
        return true;
      default:
        return false;
    }
  }
  if (root != &callee) return isPythonBuiltin(root->text);
  return isPythonBuiltin(root->text) && !isNativeBuiltinFunction(root->text) && !isSupportedException(root->text);
}

// len(obj), abs(f(x)), min(a, obj): a builtin pyxc compiles, given a Python
// object, is Python's builtin (int/float/bool of an object are conversions).
bool FunctionChecker::isPythonBuiltinUse(const ast::Expr& call) const {
  const ast::Expr* callee = call.operand(0);
  if (!callee || callee->kind != ast::ExprKind::Name || findLocal(callee->text) || ctx_.scope.lookup(callee->text))
    return false;
  const std::string& name = callee->text;
  if (!isNativeBuiltinFunction(name) || name == "int" || name == "float" || name == "bool" || name == "range")
    return false;
  auto isPythonValue = [&](const ast::Expr* arg) {
    if (!arg) return false;
    if (arg->kind == ast::ExprKind::StrLit || arg->kind == ast::ExprKind::NoneLit) return true;
    if (arg->kind == ast::ExprKind::Call && arg->operand(0))
      return isPythonCallee(*arg->operand(0)) || isPythonBuiltinUse(*arg);
    if (arg->kind == ast::ExprKind::Name || arg->kind == ast::ExprKind::Attribute) return isPythonCallee(*arg);
    return false;
  };
  for (size_t i = 1; i < call.operands.size(); ++i)
    if (isPythonValue(call.operand(i))) return true;
  for (const auto& kw : call.keywords)
    if (isPythonValue(kw.value.get())) return true;
  return false;
}

std::string FunctionChecker::spelledCallee(const ast::Expr& callee) const {
  if (callee.kind == ast::ExprKind::Name) return callee.text;
  if (callee.kind == ast::ExprKind::Attribute && callee.operand(0))
    return spelledCallee(*callee.operand(0)) + "." + callee.text;
  return "<callee>";
}

Type FunctionChecker::checkPythonObject(ast::Expr& e) {
  e.ref = ast::Ref{};
  if (e.kind == ast::ExprKind::Attribute && e.operand(0)) {
    checkPythonObject(*e.operand(0));
    e.ref = ast::Ref{ast::RefKind::PythonAttribute, -1, e.text};
    e.type = Type::object();
    return e.type;
  }
  if (e.kind == ast::ExprKind::Name) {
    if (auto slot = findLocal(e.text)) {
      e.ref = ast::Ref{ast::RefKind::Local, *slot, e.text};
      e.type = fn_.locals[*slot].type;
      return e.type;
    }
    e.ref = ast::Ref{ast::RefKind::PythonGlobal, -1, e.text};
    e.type = Type::object();
    return e.type;
  }
  return checkType(e);
}

Type FunctionChecker::checkPythonCall(ast::Expr& call) {
  ast::Expr& callee = *call.operand(0);
  checkPythonObject(callee);
  call.ref = ast::Ref{ast::RefKind::PythonCall, -1, spelledCallee(callee)};
  auto checkArgument = [&](ast::Expr* arg) {
    if (!arg) return;
    if (arg->kind == ast::ExprKind::StrLit || arg->kind == ast::ExprKind::NoneLit) {
      arg->type = Type::object();
      return;
    }
    if (arg->kind == ast::ExprKind::Name && !findLocal(arg->text) && isPythonCallee(*arg)) {
      checkPythonObject(*arg);  // a module-level object passed along (`helper(log)`)
      return;
    }
    if (arg->kind == ast::ExprKind::Attribute && isPythonCallee(*arg)) {
      checkPythonObject(*arg);
      return;
    }
    Type t = checkType(arg);
    if (t.isUnknown() || t.isObject() || t.isScalar()) return;
    if (t.kind == types::TypeKind::Tuple) {
      for (const Type& element : t.elements)
        if (!element.isScalar()) {
          error(Kind::UnsupportedConstruct, arg->span,
                "only tuples of numbers can be passed to a Python call, not " + typeName(t));
          return;
        }
      return;
    }
    error(Kind::UnsupportedConstruct, arg->span,
          "a value of type " + typeName(t) + " cannot be passed to a Python call yet; pass numbers, tuples of "
          "numbers, strings or objects");
  };
  for (size_t i = 1; i < call.operands.size(); ++i) checkArgument(call.operand(i));
  for (auto& kw : call.keywords) checkArgument(kw.value.get());
  return Type::object();
}

// Appended to a type error whose operand is a Python call's result (type
// object): the spellings that give it a native type.
std::string pythonResultHint(const Type& a, const Type& b) {
  if (!a.isObject() && !b.isObject()) return {};
  return "; convert the Python result first with float(...), int(...) or bool(...), or store it into a typed "
         "local (y: f64 = f(x))";
}

void FunctionChecker::reportObjectOutsideGil(const ast::Expr& e) {
  error(Kind::PythonCall, e.span,
        "the Python object '" + e.text +
            "' can only be used inside 'with pyxc.gil():' (outside it, only passed on to a native function)");
}

// The result of a Python call stored into a local: the local needs a type
// of its own (annotation or another assignment), which the value converts to.
bool FunctionChecker::storePythonResult(int slot, Span valueSpan) {
  ast::Local& local = fn_.locals[slot];
  if (local.type.isScalar()) return true;
  if (local.type.isUnknown()) {
    if (report_)
      error(Kind::TypeMismatch, valueSpan,
            "the result of a Python call has no native type: annotate '" + local.name + "' (" + local.name +
                ": f64 = ...) or convert the result with float(...), int(...) or bool(...)");
    return false;
  }
  error(Kind::TypeMismatch, valueSpan,
        "the result of a Python call can only be stored into a local of a number type, not '" + local.name +
            "' of type " + typeName(local.type));
  return false;
}

void FunctionChecker::checkWith(ast::Stmt& s) {
  ast::Expr* context = s.exprs.empty() ? nullptr : s.exprs[0].get();
  bool isGil = false;
  if (context && context->kind == ast::ExprKind::Call && context->operands.size() == 1 && context->keywords.empty()) {
    const ast::Expr* callee = context->operand(0);
    if (callee && callee->kind == ast::ExprKind::Name && !findLocal(callee->text)) {
      const ModuleBinding* b = ctx_.scope.lookup(callee->text);
      isGil = b && b->kind == BindingKind::PyxcMember && b->member == "gil";
    } else if (callee && callee->kind == ast::ExprKind::Attribute && callee->text == "gil" && callee->operand(0) &&
               callee->operand(0)->kind == ast::ExprKind::Name && !findLocal(callee->operand(0)->text)) {
      const ModuleBinding* b = ctx_.scope.lookup(callee->operand(0)->text);
      isGil = b && b->kind == BindingKind::PyxcModule;
    }
  }
  if (!isGil)
    error(Kind::UnsupportedConstruct, context ? context->span : s.span,
          "a 'with' statement in native code only supports 'with pyxc.gil():' (calling Python with the GIL held)");
  ++gilDepth_;
  checkBlock(s.body);
  --gilDepth_;
}

}  // namespace pyxc::check
