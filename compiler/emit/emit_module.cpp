// The extension module around the function bodies: includes, forward
// declarations, vectorcall wrappers, PyInit (docs/architecture.md,
// "Generated extension module"; runtime/example_module.cpp shows the shape).
//
// Layout: everything that is not Python code comes first; the __impl bodies
// come last, so that the `#line` directives (which cannot be undone without
// knowing the generated file's name) only ever cover Python code.
#include <fmt/format.h>

#include <algorithm>

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

// The argument spec of `fn` (CPython's binding rules), and the `bound`
// array bind_args fills; shared by wrappers and fused dispatchers. Every
// wrapper is a template: <false> is the vectorcall entry point, <true> the
// one of `.aio`, which shares binding and conversion and differs only in how
// the body runs (runtime/pyxc/aio.h).
void emitBinding(const ModuleContext& ctx, const FunctionDef& fn, CodeWriter& out) {
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

  out.line("template <bool Aio>");
  out.line(fmt::format("static PyObject* {}(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {{",
                       vectorcallName(fn.cppBaseName())));
  out.indent();
  if (fn.params.empty()) {
    out.line("static const char* const* const params = nullptr;");
  } else {
    out.line(fmt::format("static const char* const params[] = {{{}}};", paramNames));
  }
  out.line(fmt::format("static const pyxc::rt::ArgSpec spec = {{.name = {}, .params = params, .n_posonly = {}, "
                       ".n_pos_or_kw = {}, .n_kwonly = {}, .n_required = {}, .kwonly_required = {}u}};",
                       name, posonly, posOrKw, kwonly, required, kwonlyRequired));
  // Zeroed: bind_args fills it, but GCC cannot see that through a fused
  // dispatcher that reads it after the call (-Wmaybe-uninitialized).
  out.line(fmt::format("PyObject* bound[{}] = {{}};", boundCount));
  out.line("if (!pyxc::rt::bind_args(spec, args, nargsf, kwnames, bound)) return nullptr;");
}

void emitWrapper(const ModuleContext& ctx, const FunctionDef& fn, CodeWriter& out) {
  std::string name = cppStringLiteral(fn.name);
  emitBinding(ctx, fn, out);
  std::string callArgs;
  std::string captures;  // what the .aio job owns: converted scalars by value, buffers moved in
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const Param& param = fn.params[i];
    std::string variable = localName(param.name);
    std::string fallback = defaultValueLiteral(param);
    if (param.defaultValue && fallback.empty()) {
      ctx.errors.push_back(fmt::format("{}:{}: pyxc cannot emit the default value of '{}' (not a constant)",
                                       ctx.source.path(), param.span.line, param.name));
    }
    if (param.type.isObject()) {
      // A strong reference for the whole call (the .aio job owns it).
      out.line(fmt::format("pyxc::rt::ObjectArg {};", variable));
      out.line(fmt::format("if ({}!pyxc::rt::from_py(bound[{}], &{}, {}, {})) return nullptr;",
                           param.defaultValue ? fmt::format("bound[{}] && ", i) : "", i, variable, name,
                           cppStringLiteral(param.name)));
      callArgs += (i ? ", " : "") + variable + ".ref()";
      captures += (i ? ", " : "") + fmt::format("{0} = std::move({0})", variable);
      continue;
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
      captures += (i ? ", " : "") + fmt::format("{0} = std::move({0})", variable);
      continue;
    }
    out.line(fmt::format("{} {}{};", types::cppName(param.type), variable,
                         fallback.empty() ? "{}" : " = " + fallback));
    out.line(fmt::format("if ({}!pyxc::rt::from_py(bound[{}], &{}, {}, {})) return nullptr;",
                         param.defaultValue ? fmt::format("bound[{}] && ", i) : "", i, variable, name,
                         cppStringLiteral(param.name)));
    callArgs += (i ? ", " : "") + variable;
    captures += (i ? ", " : "") + variable;
  }
  if (ctx.isRecursive(fn)) {
    // Read with the GIL held, before the body releases it.
    out.line(fmt::format("const int64_t {} = pyxc::rt::native_recursion_budget();", kRecursionBudget));
    callArgs += (callArgs.empty() ? "" : ", ") + std::string(kRecursionBudget);
    captures += (captures.empty() ? "" : ", ") + std::string(kRecursionBudget);
  }
  // Every .aio call runs on the pool, also a straight-line body's: the call
  // is asynchronous either way, and one rule is simpler to rely on.
  out.line("if constexpr (Aio) {");
  out.indent();
  out.line(fmt::format("return pyxc::rt::submit_aio([{}]() __attribute__((noinline)) {{ return {}({}); }});", captures,
                       implName(fn.cppBaseName()), callArgs));
  out.dedent();
  out.line("} else {");
  out.indent();
  if (bodyNeedsNoGil(fn)) {
    // Not inlined into call_nogil's try block: GCC keeps loop accumulators
    // of a body inlined there in stack slots (test/perf/README.md, dot).
    out.line(fmt::format("return pyxc::rt::call_nogil([&]() __attribute__((noinline)) {{ return {}({}); }});",
                         implName(fn.cppBaseName()), callArgs));
  } else {
    out.line("// No loop and no call: the body keeps the GIL (docs/semantics.md).");
    out.line(fmt::format("return pyxc::rt::call_with_gil([&] {{ return {}({}); }});", implName(fn.cppBaseName()), callArgs));
  }
  out.dedent();
  out.line("}");
  out.dedent();
  out.line("}");
}

// The wrapper of a fused generic: binds the arguments once to look at them,
// then forwards the call to the first specialization whose arrays have the
// argument buffers' element types (and, on a first pass, whose fused scalars
// have the arguments' exact Python types: a float picks f64, not f32).
void emitFusedDispatcher(const ModuleContext& ctx, const FunctionDef& generic, CodeWriter& out) {
  emitBinding(ctx, generic, out);
  std::vector<const FunctionDef*> specs;
  for (int index : generic.specializations) specs.push_back(ctx.module.functions[static_cast<size_t>(index)]);
  if (specs.empty()) {
    ctx.errors.push_back(fmt::format("{}: fused function '{}' has no specializations", ctx.source.path(), generic.name));
    out.dedent();
    out.line("}");
    return;
  }
  auto isFusedParam = [&](size_t i) {
    for (const FunctionDef* spec : specs)
      if (spec->params[i].type != specs[0]->params[i].type) return true;
    return false;
  };
  auto conditions = [&](const FunctionDef& spec, bool exactScalars) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < spec.params.size(); ++i) {
      if (!isFusedParam(i)) continue;
      const types::Type& t = spec.params[i].type;
      if (t.kind == types::TypeKind::Array)
        parts.push_back(fmt::format("pyxc::rt::buffer_matches<{}>(bound[{}])", types::cppName(types::Type::scalarOf(t.scalar)), i));
      else if (exactScalars)
        parts.push_back(fmt::format("(!bound[{0}] || pyxc::rt::scalar_matches<{1}>(bound[{0}]))", i, types::cppName(t)));
    }
    std::string out;
    for (size_t k = 0; k < parts.size(); ++k) out += (k ? " && " : "") + parts[k];
    return out.empty() ? std::string("true") : out;
  };
  // Without an exact match a scalar goes to the widest member first (an int
  // for pyxc.floating is an f64, as float(n) would be), then to any member.
  auto scalarsAreWidest = [&](const FunctionDef& spec) {
    for (size_t i = 0; i < spec.params.size(); ++i) {
      const types::Type& t = spec.params[i].type;
      if (isFusedParam(i) && t.kind != types::TypeKind::Array && t != types::Type::scalarOf(types::Scalar::F64) &&
          t != types::Type::scalarOf(types::Scalar::I64))
        return false;
    }
    return true;
  };
  bool hasFusedScalar = false;
  for (size_t i = 0; i < generic.params.size(); ++i)
    hasFusedScalar |= isFusedParam(i) && specs[0]->params[i].type.kind != types::TypeKind::Array;
  for (int pass = 0; pass < 3; ++pass)
    for (const FunctionDef* spec : specs) {
      if (pass == 1 && (!hasFusedScalar || !scalarsAreWidest(*spec))) continue;
      out.line(fmt::format("if ({}) return {}<Aio>(nullptr, args, nargsf, kwnames);", conditions(*spec, pass == 0),
                           vectorcallName(spec->cppBaseName())));
    }
  // No specialization takes the arrays: name the first array that fits none.
  for (size_t i = 0; i < generic.params.size(); ++i) {
    if (!isFusedParam(i) || specs[0]->params[i].type.kind != types::TypeKind::Array) continue;
    std::vector<std::string> accepted;
    std::string test;
    for (const FunctionDef* spec : specs) {
      std::string name = types::markerName(spec->params[i].type.scalar);
      if (std::find(accepted.begin(), accepted.end(), name) != accepted.end()) continue;
      accepted.push_back(name);
      test += fmt::format("{}pyxc::rt::buffer_matches<{}>(bound[{}])", test.empty() ? "" : " || ",
                          types::cppName(types::Type::scalarOf(spec->params[i].type.scalar)), i);
    }
    std::string list;
    for (size_t k = 0; k < accepted.size(); ++k)
      list += (k == 0 ? "" : k + 1 == accepted.size() ? " or " : ", ") + accepted[k];
    out.line(fmt::format("if (!({})) return pyxc::rt::fused_mismatch({}, {}, bound[{}], {});", test,
                         cppStringLiteral(generic.name), cppStringLiteral(generic.params[i].name), i,
                         cppStringLiteral(list)));
  }
  // Unreachable with matching arrays; the first specialization reports
  // whatever else is wrong with the arguments.
  out.line(fmt::format("return {}<Aio>(nullptr, args, nargsf, kwnames);", vectorcallName(specs[0]->cppBaseName())));
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
      out.line(fmt::format("{{{0}, {1}<false>, {1}<true>}},", cppStringLiteral(fn->name), vectorcallName(fn->cppBaseName())));
    }
    out.dedent();
    out.line("};");
    out.line("static const pyxc::rt::SourceEntry sources[] = {");
    out.indent();
    for (const FunctionDef* fn : functions) emitSourceEntry(ctx, *fn, out);
    out.dedent();
    out.line("};");
    if (usesPythonObjects(ctx.module)) {
      // Module-level Python names are looked up through it (with_gil.h).
      out.line(fmt::format("pyxc_module_object = pyxc::rt::init_module(&pyxc_module_def, functions, "
                           "std::size(functions), sources, std::size(sources), {});",
                           cppStringLiteral(ctx.options.pyxcVersion)));
      out.line("Py_XINCREF(pyxc_module_object);  // kept: single-phase modules are never unloaded");
      out.line("return pyxc_module_object;");
    } else {
      out.line(fmt::format("return pyxc::rt::init_module(&pyxc_module_def, functions, std::size(functions), sources, "
                           "std::size(sources), {});",
                           cppStringLiteral(ctx.options.pyxcVersion)));
    }
  }
  out.dedent();
  out.line("}");
}

}  // namespace

std::string emitModule(const ast::Module& module, const SourceFile& source, const EmitOptions& options) {
  InternalErrors errors;
  ModuleContext ctx{module, source, options, errors, recursiveFunctions(module), arrayParamWrites(module)};
  std::vector<const FunctionDef*> functions = nativeFunctions(module);
  // What Python sees: every native def once (a fused generic, not its
  // specializations); what gets a C++ body: everything but generics.
  std::vector<const FunctionDef*> exported, bodies;
  for (const FunctionDef* fn : functions) {
    if (fn->specializationOf < 0) exported.push_back(fn);
    if (!fn->isFusedGeneric()) bodies.push_back(fn);
  }

  CodeWriter body;
  if (usesPythonObjects(module)) body.line("static PyObject* pyxc_module_object = nullptr;  // set by PyInit");
  body.line("// ---- declarations (bodies at the end of the file) ----------------------------");
  for (const FunctionDef* fn : bodies) body.line(implSignature(*fn, ctx.isRecursive(*fn)) + ";");
  body.blank();
  for (const FunctionDef* fn : bodies) {
    const std::string& cpp = fn->cppBaseName();
    body.line(fmt::format("// ---- {} {}", cpp, std::string(std::max<int>(4, 72 - static_cast<int>(cpp.size())), '-')));
    emitWrapper(ctx, *fn, body);
    body.blank();
  }
  for (const FunctionDef* fn : functions) {
    if (!fn->isFusedGeneric()) continue;
    body.line(fmt::format("// ---- {} (fused: picks a specialization) ----", fn->name));
    emitFusedDispatcher(ctx, *fn, body);
    body.blank();
  }
  emitModuleInit(ctx, exported, body);
  body.blank();
  body.line(fmt::format("// ---- function bodies (line directives map them to {}) ----", source.path()));
  // Python code may compare values the C++ compiler can decide (`3 == (1 & c)`,
  // `x > -1` on a u8 element): such warnings are about the user's logic,
  // which Python accepts as is, and would fail a -Werror build of it.
  body.preprocessor("#pragma GCC diagnostic ignored \"-Wtautological-compare\"");
  body.preprocessor("#pragma GCC diagnostic ignored \"-Wtype-limits\"");
  for (const FunctionDef* fn : bodies) {
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
