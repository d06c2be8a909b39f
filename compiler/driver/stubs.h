// `pyxc stubs FILE.py`: a .pyi with the compiled functions' signatures.
//
// A .pyi beside a module replaces the module for type checkers, so the stub
// also declares a module-level `__getattr__` returning Any: the names it does
// not list (the Python part of the module) stay usable, untyped (PEP 484's
// partial stubs). Types are what callers may pass and get back: int for every
// integer width, float for f32/f64, a buffer for an array parameter
// (collections.abc.Buffer on Python 3.12+, where NumPy's stubs declare the
// buffer protocol; Any before), Any for an array result. Each compiled
// function is a name typed by a small class of its own: `__call__` with the
// function's signature, `aio` with the same parameters returning an
// asyncio.Future of the result, and `py` (the Python function). A fused
// function gets an @overload of each per distinct Python-level signature.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace pyxc::driver {

std::string renderStub(const ast::Module& module, const std::string& sourceName);

// The `stubs` command: writes `output` (default FILE.pyi); exit code of SPEC §2.
int runStubs(const std::string& file, const std::string& output, bool toStdout);

}  // namespace pyxc::driver
