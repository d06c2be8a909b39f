// `with pyxc.gil():` blocks and the Python calls inside them
// (runtime/pyxc/with_gil.h; docs/semantics.md, "Calling Python").
//
//   with pyxc.gil():                 {
//       y: f64 = cb(x, n=2)            const pyxc::rt::GilBlock pyxc_gil_1;
//                                      y_ = pyxc::rt::py_convert<double>(pyxc::rt::py_call_kw(
//                                          pyxc::rt::CallItems<3>{pyxc::rt::py_object(cb_), pyxc::rt::py_value(x_),
//                                          pyxc::rt::py_value(int64_t{2})}, pyxc::rt::py_kwnames({"n"})), "cb()");
//                                    }
//
// The callee and the arguments are one braced list: C++ evaluates it left
// to right, as Python evaluates a call, and destroys what was built when a
// later item throws.
#include <fmt/format.h>

#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {

using ast::Expr;
using ast::ExprKind;
using ast::RefKind;
using types::Type;

bool usesPythonObjects(const ast::Module& module) {
  bool found = false;
  for (const ast::FunctionDef* fn : module.functions) {
    if (!fn->isNative) continue;
    forEachExpr(fn->body, [&](const Expr& e, bool) {
      if (e.ref.kind == RefKind::PythonGlobal) found = true;
    });
  }
  return found;
}

void FunctionEmitter::withGil(const ast::Stmt& s) {
  line("{");
  out_->indent();
  out_->line(fmt::format("const pyxc::rt::GilBlock {};  // with pyxc.gil(): held to the end of this block", temp()));
  block(s.body);
  out_->dedent();
  out_->line("}");
}

std::string FunctionEmitter::pythonValue(const Expr& e) {
  if (e.kind == ExprKind::StrLit) return fmt::format("pyxc::rt::py_str({})", cppStringLiteral(e.text));
  if (e.kind == ExprKind::NoneLit) return "pyxc::rt::py_none()";
  if (e.type.isObject()) return pythonObject(e);
  return fmt::format("pyxc::rt::py_value({})", expr(e));
}

std::string FunctionEmitter::pythonObject(const Expr& e) {
  switch (e.ref.kind) {
    case RefKind::PythonGlobal:
      return fmt::format("pyxc::rt::py_global(pyxc_module_object, {})", cppStringLiteral(e.text));
    case RefKind::PythonAttribute:
      if (!e.operand(0)) return unsupported(e, "this attribute");
      return fmt::format("pyxc::rt::py_attr({}, {})", pythonObject(*e.operand(0)), cppStringLiteral(e.text));
    case RefKind::PythonCall: return pythonCall(e);
    case RefKind::Local: return fmt::format("pyxc::rt::py_object({})", name(e));
    default: return unsupported(e, "this Python object");
  }
}

std::string FunctionEmitter::pythonCall(const Expr& e) {
  if (!e.operand(0)) return unsupported(e, "this Python call");
  std::vector<std::string> items{pythonObject(*e.operand(0))};
  for (size_t i = 1; i < e.operands.size(); ++i) {
    if (!e.operand(i)) return unsupported(e, "a Python call with a missing argument");
    items.push_back(pythonValue(*e.operand(i)));
  }
  std::string names;
  for (const ast::Keyword& kw : e.keywords) {
    if (!kw.value) return unsupported(e, "a Python call with a missing argument");
    items.push_back(pythonValue(*kw.value));
    names += (names.empty() ? "" : ", ") + cppStringLiteral(kw.name);
  }
  std::string list;
  for (size_t i = 0; i < items.size(); ++i) list += (i ? ", " : "") + items[i];
  std::string callItems = fmt::format("pyxc::rt::CallItems<{}>{{{}}}", items.size(), list);
  if (e.keywords.empty()) return fmt::format("pyxc::rt::py_call({})", callItems);
  return fmt::format("pyxc::rt::py_call_kw({}, pyxc::rt::py_kwnames({{{}}}))", callItems, names);
}

std::string FunctionEmitter::pythonResultAs(const Expr& e, const Type& type) {
  if (!type.isScalar()) return unsupported(e, "a Python call's result of type " + types::pythonName(type));
  std::string what = (e.ref.kind == RefKind::PythonCall ? e.ref.name : std::string("<object>")) + "()";
  return fmt::format("pyxc::rt::py_convert<{}>({}, {})", types::cppName(type), pythonObject(e),
                     cppStringLiteral(what));
}

std::string FunctionEmitter::pythonBuiltinConversion(const Expr& value, const Type& to) {
  std::string converted;
  Type from = Type::scalarOf(types::Scalar::F64);
  if (to.isBool()) {
    converted = fmt::format("pyxc::rt::py_bool({})", pythonObject(value));
    from = to;
  } else if (to.isInteger()) {
    converted = fmt::format("pyxc::rt::py_int({})", pythonObject(value));
    from = Type::scalarOf(types::Scalar::I64);
  } else {
    converted = fmt::format("pyxc::rt::py_float({})", pythonObject(value));
  }
  return convertValue(converted, from, to);
}

}  // namespace pyxc::emit
