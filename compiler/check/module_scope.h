// What module-level names mean to native code: imports of math/pyxc and
// their members, the module's functions, and everything else Python binds
// at module level (which native code may not touch).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostics.h"

namespace pyxc::check {

enum class BindingKind {
  MathModule,    // import math [as m]
  PyxcModule,    // import pyxc [as px]
  NumpyModule,   // import numpy [as np]
  OtherModule,   // import os
  MathMember,    // from math import sqrt        (member = "sqrt")
  PyxcMember,    // from pyxc import f64, native (member = "f64")
  NumpyMember,   // from numpy import zeros      (member = "zeros")
  OtherImport,   // from os import path
  Function,      // def at module level          (functionIndex)
  OtherBinding,  // module-level variable or class
};

struct ModuleBinding {
  BindingKind kind;
  std::string member;      // MathMember/PyxcMember/NumpyMember/OtherImport: the imported name
  std::string module;      // NumpyModule/OtherModule/OtherImport: the module imported from
  std::string what;        // OtherBinding: "variable", "class"
  int functionIndex = -1;  // Function
  Span span;
};

class ModuleScope {
 public:
  // Binds imports, defs and other bindings in source order (a later
  // binding of the same name wins, as it does when Python runs the module).
  explicit ModuleScope(const ast::Module& module);

  const ModuleBinding* lookup(const std::string& name) const;
  // The value of `name = <expr>` at the top level of the module (the last
  // one), for aliases such as `T = pyxc.fused("T", f32, f64)`.
  const ast::Expr* assignedValue(const std::string& name) const;

 private:
  std::unordered_map<std::string, ModuleBinding> names_;
  std::unordered_map<std::string, const ast::Expr*> assigned_;
};

// The math functions pyxc compiles, with their argument counts (maxArgs -1:
// any number) and kinds; the table is in math_calls.cpp.
struct MathFunctionInfo {
  const char* name;
  int minArgs;
  int maxArgs;
  enum class Result { Float, Int, Bool, FloatIntPair, FloatPair, Element } result;
  // Floats: any numbers (converted to float); Ints: integers only, as
  // CPython's operator.index; FloatThenInt: ldexp; Array: a 1-D array.
  enum class Args { Floats, Ints, FloatThenInt, Array } args = Args::Floats;
};
const MathFunctionInfo* findMathFunction(const std::string& name);
// The diagnostic for math.<name> that pyxc does not compile (it names what
// to write instead where there is something).
std::string unsupportedMathMessage(const std::string& name);
bool isMathConstant(const std::string& name);

// Builtin exception classes native code may raise.
bool isSupportedException(const std::string& name);
// Names of Python builtins (functions, types, exceptions), to tell "not
// supported" from "not defined".
bool isPythonBuiltin(const std::string& name);

}  // namespace pyxc::check
