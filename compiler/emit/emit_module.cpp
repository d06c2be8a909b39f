// The extension module around the function bodies: includes, forward
// declarations, vectorcall wrappers, PyInit (docs/architecture.md,
// "Generated extension module"; runtime/example_module.cpp shows the shape).
//
// Layout: everything that is not Python code comes first; the __impl bodies
// come last, so that the `#line` directives (which cannot be undone without
// knowing the generated file's name) only ever cover Python code.
#include <fmt/format.h>

#include "compiler/emit/analysis.h"
#include "compiler/emit/emit.h"
#include "compiler/emit/function_emitter.h"

namespace pyxc::emit {
namespace {

using ast::FunctionDef;
using ast::Param;

std::vector<const FunctionDef*> nativeFunctions(const ast::Module& module) {
  std::vector<const FunctionDef*> out;
  for (const FunctionDef* fn : module.functions) {
    if (fn && fn->isNative) out.push_back(fn);
  }
  return out;
}

void emitWrapper(const ModuleContext& ctx, const FunctionDef& fn, CodeWriter& out) {
  std::string name = cppStringLiteral(fn.name);
  int posonly = 0, posOrKw = 0, kwonly = 0, required = 0;
  uint64_t kwonlyRequired = 0;
  bool sawDefault = false;
  for (const Param& param : fn.params) {
    bool hasDefault = param.defaultValue != nullptr;
    switch (param.kind) {
      case Param::Kind::PositionalOnly: ++posonly; break;
      case Param::Kind::Positional: ++posOrKw; break;
      case Param::Kind::KeywordOnly:
        if (!hasDefault && kwonly < 64) kwonlyRequired |= uint64_t{1} << kwonly;
        ++kwonly;
        continue;
      default:
        ctx.errors.push_back(fmt::format("{}:{}: pyxc cannot emit *args/**kwargs parameters", ctx.source.path(),
                                         param.span.line));
        continue;
    }
    if (hasDefault) sawDefault = true;
    if (!sawDefault) ++required;
  }
  if (kwonly > 64) ctx.errors.push_back(fmt::format("{}: more than 64 keyword-only parameters", fn.name));

  std::string paramNames;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    paramNames += (i ? ", " : "") + cppStringLiteral(fn.params[i].name);
  }
  size_t boundCount = std::max<size_t>(fn.params.size(), 1);

  out.line(fmt::format("static PyObject* {}(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {{",
                       vectorcallName(fn.name)));
  out.indent();
  if (fn.params.empty()) {
    out.line("static const char* const* const params = nullptr;");
  } else {
    out.line(fmt::format("static const char* const params[] = {{{}}};", paramNames));
  }
  out.line(fmt::format("static const pyxc::rt::ArgSpec spec = {{.name = {}, .params = params, .n_posonly = {}, "
                       ".n_pos_or_kw = {}, .n_kwonly = {}, .n_required = {}, .kwonly_required = {}u}};",
                       name, posonly, posOrKw, kwonly, required, kwonlyRequired));
  out.line(fmt::format("PyObject* bound[{}];", boundCount));
  out.line("if (!pyxc::rt::bind_args(spec, args, nargsf, kwnames, bound)) return nullptr;");
  std::string callArgs;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param& param = fn.params[i];
    std::string variable = localName(param.name);
    std::string fallback = defaultValueLiteral(param);
    if (param.defaultValue && fallback.empty()) {
      ctx.errors.push_back(fmt::format("{}:{}: pyxc cannot emit the default value of '{}' (not a constant)",
                                       ctx.source.path(), param.span.line, param.name));
    }
    if (param.type.kind == types::TypeKind::Array) {
      // Holds the buffer until the wrapper returns (released with the GIL).
      const std::vector<bool>& writes = ctx.arrayWrites.at(&fn);
      std::string view = types::cppParamName(param.type);
      out.line(fmt::format("pyxc::rt::BufferArg<{}> {};", view.substr(view.find('<') + 1, view.rfind('>') - view.find('<') - 1),
                           variable));
      out.line(fmt::format("if (!{}.acquire(bound[{}], {}, {}, {})) return nullptr;", variable, i,
                           i < writes.size() && writes[i], name, cppStringLiteral(param.name)));
      callArgs += (i ? ", " : "") + variable + ".view()";
      continue;
    }
    out.line(fmt::format("{} {}{};", types::cppName(param.type), variable,
                         fallback.empty() ? "{}" : " = " + fallback));
    out.line(fmt::format("if ({}!pyxc::rt::from_py(bound[{}], &{}, {}, {})) return nullptr;",
                         param.defaultValue ? fmt::format("bound[{}] && ", i) : "", i, variable, name,
                         cppStringLiteral(param.name)));
    callArgs += (i ? ", " : "") + variable;
  }
  if (ctx.isRecursive(fn)) {
    // Read with the GIL held, before the body releases it.
    out.line(fmt::format("const int64_t {} = pyxc::rt::native_recursion_budget();", kRecursionBudget));
    callArgs += (callArgs.empty() ? "" : ", ") + std::string(kRecursionBudget);
  }
  if (bodyNeedsNoGil(fn)) {
    out.line(fmt::format("return pyxc::rt::call_nogil([&] {{ return {}({}); }});", implName(fn.name), callArgs));
  } else {
    out.line("// No loop and no call: the body keeps the GIL (docs/semantics.md).");
    out.line(fmt::format("return pyxc::rt::call_with_gil([&] {{ return {}({}); }});", implName(fn.name), callArgs));
  }
  out.dedent();
  out.line("}");
}

// The exact def lines, one literal piece per source line so the text stays
// readable in the generated file.
void emitSourceEntry(const ModuleContext& ctx, const FunctionDef& fn, CodeWriter& out) {
  std::string_view text = ctx.source.lines(fn.firstLine, fn.lastLine);
  out.line(fmt::format("{{{},", cppStringLiteral(fn.name)));
  out.indent();
  if (text.empty()) out.line("\"\"");
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    out.line(cppStringLiteral(text.substr(0, end)));
    text.remove_prefix(end);
  }
  out.dedent();
  out.line("},");
}

// CPython finds the module by calling PyInit_<name>: the name must be a
// C identifier (ASCII; non-ASCII names would need PyInitU_ and punycode).
bool isIdentifier(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

void emitModuleInit(const ModuleContext& ctx, const std::vector<const FunctionDef*>& functions, CodeWriter& out) {
  std::string moduleName = ctx.module.name;
  if (!isIdentifier(moduleName)) {
    ctx.errors.push_back(fmt::format("{}: the module name '{}' is not an ASCII identifier, so Python cannot import "
                                     "it as an extension module; rename the file",
                                     ctx.source.path(), moduleName));
    for (char& c : moduleName) {
      if (!isIdentifier(std::string(1, c)) && !(c >= '0' && c <= '9')) c = '_';
    }
  }
  out.line("// ---- module ----------------------------------------------------------------");
  out.line(fmt::format("static PyModuleDef pyxc_module_def = {{PyModuleDef_HEAD_INIT, {}, nullptr, -1, nullptr, "
                       "nullptr, nullptr, nullptr, nullptr}};",
                       cppStringLiteral(ctx.module.name)));
  out.blank();
  out.line(fmt::format("PyMODINIT_FUNC PyInit_{}(void) {{", moduleName));
  out.indent();
  if (functions.empty()) {
    out.line(fmt::format("return pyxc::rt::init_module(&pyxc_module_def, nullptr, 0, nullptr, 0, {});",
                         cppStringLiteral(ctx.options.pyxcVersion)));
  } else {
    out.line("static const pyxc::rt::FunctionEntry functions[] = {");
    out.indent();
    for (const FunctionDef* fn : functions) {
      out.line(fmt::format("{{{}, {}}},", cppStringLiteral(fn->name), vectorcallName(fn->name)));
    }
    out.dedent();
    out.line("};");
    out.line("static const pyxc::rt::SourceEntry sources[] = {");
    out.indent();
    for (const FunctionDef* fn : functions) emitSourceEntry(ctx, *fn, out);
    out.dedent();
    out.line("};");
    out.line(fmt::format("return pyxc::rt::init_module(&pyxc_module_def, functions, std::size(functions), sources, "
                         "std::size(sources), {});",
                         cppStringLiteral(ctx.options.pyxcVersion)));
  }
  out.dedent();
  out.line("}");
}

}  // namespace

std::string emitModule(const ast::Module& module, const SourceFile& source, const EmitOptions& options) {
  InternalErrors errors;
  ModuleContext ctx{module, source, options, errors, recursiveFunctions(module), arrayParamWrites(module)};
  std::vector<const FunctionDef*> functions = nativeFunctions(module);

  CodeWriter body;
  body.line("// ---- declarations (bodies at the end of the file) ----------------------------");
  for (const FunctionDef* fn : functions) body.line(implSignature(*fn, ctx.isRecursive(*fn)) + ";");
  body.blank();
  for (const FunctionDef* fn : functions) {
    body.line(fmt::format("// ---- {} {}", fn->name, std::string(std::max<int>(4, 72 - static_cast<int>(fn->name.size())), '-')));
    emitWrapper(ctx, *fn, body);
    body.blank();
  }
  emitModuleInit(ctx, functions, body);
  body.blank();
  body.line(fmt::format("// ---- function bodies (line directives map them to {}) ----", source.path()));
  // Python code may compare values the C++ compiler can decide (`3 == (1 & c)`):
  // such warnings are about the user's logic, which Python accepts as is.
  body.preprocessor("#pragma GCC diagnostic ignored \"-Wtautological-compare\"");
  for (const FunctionDef* fn : functions) {
    FunctionEmitter(ctx, *fn).emitDefinition(body);
    body.blank();
  }

  CodeWriter head;
  head.line(fmt::format("// Generated by pyxc {} from {}. Do not edit: edit the .py file.", options.pyxcVersion,
                        source.path()));
  for (const std::string& error : errors) head.preprocessor("#error " + cppStringLiteral(error));
  head.line("#include <pyxc/runtime.h>");
  head.blank();
  head.line("#include <cstdint>");
  head.line("#include <iterator>");
  head.line("#include <limits>");
  head.line("#include <tuple>");
  head.blank();
  return head.take() + body.take();
}

}  // namespace pyxc::emit
