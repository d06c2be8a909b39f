// Test helpers: parse a module with compiler/syntax, check it, and look at
// the typed result and the diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/parse.h"

namespace pyxc::check::testing {

// Every test module starts with these lines; diagnostic lines reported by
// Checked::errors() are relative to the first line after them.
inline const char* kPrelude =
    "import math\n"
    "import pyxc\n"
    "from pyxc import native, f32, f64, i8, i16, i32, i64, u8, u16, u32, u64\n";
inline constexpr int kPreludeLines = 3;

struct Checked {
  std::unique_ptr<SourceFile> source;
  diag::DiagnosticBag parseDiags;
  diag::DiagnosticBag diags;
  ast::Module module;
  int natives = 0;
  int lineOffset = kPreludeLines;

  const ast::FunctionDef& fn(const std::string& name) const {
    for (const auto* f : module.functions)
      if (f->name == name) return *f;
    throw std::runtime_error("no function " + name);
  }
  types::Type local(const std::string& function, const std::string& name) const {
    for (const auto& l : fn(function).locals)
      if (l.name == name) return l.type;
    throw std::runtime_error("no local " + name);
  }
  std::string localType(const std::string& function, const std::string& name) const {
    return types::pythonName(local(function, name));
  }
  std::string returnType(const std::string& function) const { return types::pythonName(fn(function).returnType); }
  // "line:col kind: message" per diagnostic, line relative to the body.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all())
      out.push_back(std::to_string(static_cast<int>(d.span.line) - lineOffset) + ":" +
                    std::to_string(d.span.column) + " " + diag::kindName(d.kind) + ": " + d.message);
    return out;
  }
  std::string firstError() const { return errors().empty() ? std::string("<none>") : errors()[0]; }
};

inline std::unique_ptr<Checked> checkSource(const std::string& body, bool prelude = true) {
  auto c = std::make_unique<Checked>();
  c->source = std::make_unique<SourceFile>("test.py", (prelude ? std::string(kPrelude) : std::string()) + body);
  c->lineOffset = prelude ? kPreludeLines : 0;
  c->module = syntax::parseModule(*c->source, "test", c->parseDiags);
  c->natives = checkModule(c->module, c->diags);
  return c;
}

}  // namespace pyxc::check::testing
