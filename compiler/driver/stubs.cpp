#include "compiler/driver/stubs.h"

#include <algorithm>
#include <cstdio>
#include <vector>
#include <filesystem>
#include <fstream>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/frontend.h"

namespace pyxc::driver {
namespace {

using types::Scalar;
using types::Type;
using types::TypeKind;

std::string pyType(const Type& t, bool parameter) {
  switch (t.kind) {
    case TypeKind::Void: return "None";
    case TypeKind::Scalar:
      if (t.scalar == Scalar::Bool) return "bool";
      return types::isFloatScalar(t.scalar) ? "float" : "int";
    case TypeKind::Tuple: {
      std::string s = "tuple[";
      for (size_t i = 0; i < t.elements.size(); ++i) s += (i ? ", " : "") + pyType(t.elements[i], parameter);
      return s + "]";
    }
    case TypeKind::Array: return parameter ? "_Buffer" : "Any";
    case TypeKind::List: return "list[" + pyType(t.listElement(), parameter) + "]";
    case TypeKind::Object: return parameter ? "Any" : "object";
    case TypeKind::Unknown: break;
  }
  return "Any";
}

// The parameter list of `fn` as Python text, after `receiver` when given
// (the method's own first parameter, e.g. "self").
std::string parameters(const ast::FunctionDef& fn, const std::string& receiver) {
  using Kind = ast::Param::Kind;
  std::string s;
  bool first = true, starEmitted = false;
  auto sep = [&] {
    if (!first) s += ", ";
    first = false;
  };
  if (!receiver.empty()) {
    sep();
    s += receiver;
  }
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const ast::Param& p = fn.params[i];
    if (p.kind == Kind::KeywordOnly && !starEmitted) {
      sep();
      s += "*";
      starEmitted = true;
    }
    sep();
    if (p.kind == Kind::VarArgs) {
      s += "*";
      starEmitted = true;
    }
    if (p.kind == Kind::VarKwargs) s += "**";
    s += p.name + ": " + pyType(p.type, true);
    if (p.defaultValue) s += " = ...";
    bool lastPositionalOnly =
        p.kind == Kind::PositionalOnly && (i + 1 == fn.params.size() || fn.params[i + 1].kind != Kind::PositionalOnly);
    if (lastPositionalOnly) s += ", /";
  }
  return s;
}

// One Python-level signature of a compiled function (a fused one has
// several): its parameters, with and without the method's receiver, and its
// result type.
struct Signature {
  std::string withReceiver, plain, result;
  bool operator==(const Signature& o) const { return plain == o.plain && result == o.result; }
};

// "self", unless a parameter has that name: then underscores in front until
// it is free (a method's first parameter cannot repeat another's name).
std::string receiverName(const ast::FunctionDef& fn) {
  std::string name = "self";
  auto taken = [&] {
    return std::any_of(fn.params.begin(), fn.params.end(), [&](const ast::Param& p) { return p.name == name; });
  };
  while (taken()) name = "_" + name;
  return name;
}

// The class a compiled function's stub name has: called, it is the function;
// `.aio(...)` takes the same arguments and returns an asyncio future of the
// result (runtime/pyxc/aio.h makes it with loop.create_future(), the Python
// fallback with run_in_executor: an asyncio.Future either way); `.py` is the
// Python function. Spelled out per function rather than as a generic over a
// ParamSpec so that the stub needs nothing but the standard library (it is
// read without pyxc installed) and fused functions keep their overloads.
std::string functionClass(const std::string& name, const std::vector<Signature>& signatures) {
  const bool overloaded = signatures.size() > 1;
  const std::string className = "_" + name + "_native";
  std::string s = "class " + className + ":\n    __name__: str\n    __qualname__: str\n";
  auto method = [&](const std::string& decorator, const std::string& head, auto&& text) {
    for (const Signature& sig : signatures) {
      if (overloaded) s += "    @overload\n";
      if (!decorator.empty()) s += "    " + decorator + "\n";
      s += "    def " + head + "(" + text(sig) + ": ...\n";
    }
  };
  method("", "__call__", [](const Signature& sig) { return sig.withReceiver + ") -> " + sig.result; });
  method("", "aio", [](const Signature& sig) { return sig.withReceiver + ") -> asyncio.Future[" + sig.result + "]"; });
  method("@staticmethod", "py", [](const Signature& sig) { return sig.plain + ") -> " + sig.result; });
  return s + "\n" + name + ": " + className + "\n";
}

}  // namespace

std::string renderStub(const ast::Module& module, const std::string& sourceName) {
  std::string body;
  bool overloads = false;
  for (const ast::FunctionDef* fn : module.functions) {
    if (!fn->isNative || fn->specializationOf >= 0) continue;  // specializations are not Python names
    // A fused function: one signature per distinct Python-level signature
    // of its specializations (f32 and f64 members both read as float).
    std::vector<const ast::FunctionDef*> variants;
    if (fn->isFusedGeneric()) {
      for (int index : fn->specializations) variants.push_back(module.functions[static_cast<size_t>(index)]);
    } else {
      variants.push_back(fn);
    }
    const std::string receiver = receiverName(*fn);
    std::vector<Signature> distinct;
    for (const ast::FunctionDef* variant : variants) {
      Signature sig{parameters(*variant, receiver), parameters(*variant, ""), pyType(variant->returnType, false)};
      if (std::find(distinct.begin(), distinct.end(), sig) == distinct.end()) distinct.push_back(sig);
    }
    overloads = overloads || distinct.size() > 1;
    body += "\n" + functionClass(fn->name, distinct);
  }
  std::string out = "# Generated by pyxc " PYXC_VERSION " from " + sourceName +
                    ": the signatures of its compiled functions.\n"
                    "# Each is an object: called, the function; .aio(...) an asyncio future of the\n"
                    "# same call; .py the Python function.\n"
                    "# Other names of the module are typed as Any (see __getattr__).\n"
                    "import asyncio\n"
                    "from typing import Any";
  out += overloads ? ", overload\n" : "\n";
  // Only when used: an unused import is a lint finding in the user's stub.
  if (body.find(": _Buffer") != std::string::npos)
    out += "\nimport sys\n\n"
           "# Any object with the buffer protocol. NumPy's stubs declare that protocol\n"
           "# (__buffer__) only for Python 3.12+, so before that an array argument is Any.\n"
           "if sys.version_info >= (3, 12):\n"
           "    from collections.abc import Buffer as _Buffer\n"
           "else:\n"
           "    _Buffer = Any\n";
  out += body;
  out += "\ndef __getattr__(name: str) -> Any: ...\n";
  return out;
}

int runStubs(const std::string& file, const std::string& output, bool toStdout) {
  FrontendResult fe = runFrontend(file, StopAfter::Check);
  if (!fe.diags.hasErrors() && fe.nativeFunctions == 0)
    fe.diags.warning(diag::Kind::NoNativeFunctions, Span{}, "no @pyxc.native functions in this module; no stub written");
  if (!fe.diags.all().empty()) std::fputs(diag::render(*fe.source, fe.diags.all(), {}).c_str(), stderr);
  if (fe.diags.hasErrors()) return kInputErrors;
  if (fe.nativeFunctions == 0) return kOk;
  std::string text = renderStub(fe.module, std::filesystem::path(file).filename().string());
  if (toStdout) {
    std::fputs(text.c_str(), stdout);
    return kOk;
  }
  std::filesystem::path target = output.empty() ? std::filesystem::path(file).replace_extension(".pyi") : std::filesystem::path(output);
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  if (!(out << text) || !out.flush()) {
    std::fprintf(stderr, "pyxc: error: cannot write %s\n", target.string().c_str());
    return kUsage;
  }
  return kOk;
}

}  // namespace pyxc::driver
