// What pyxc-verify knows about CPython: which functions change who holds the
// GIL, which names are the C API, which are reference-count operations, which
// types are Python objects, and which bodiless functions may throw.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"

namespace pyxc::verify {

// How a call changes the GIL of the calling thread.
enum class GilEffect { None, Releases, Acquires };

GilEffect gilEffectOf(const clang::FunctionDecl& fn);

// A CPython API function or global: `Py*`/`_Py*` at namespace scope (C
// linkage), never a pyxc::rt name.
bool isPythonApi(const clang::NamedDecl& decl);

// The few API functions documented as safe to call without the GIL.
bool callableWithoutGil(llvm::StringRef name);

bool isRefcountOperation(llvm::StringRef name);

// PyObject, or a struct that starts with a PyObject header, seen through
// pointers, references and arrays.
bool involvesPythonObject(clang::QualType type);

bool hasRunsWithoutGilMarker(const clang::FunctionDecl& fn);

// A variable of a class marked PYXC_HOLDS_GIL_IN_SCOPE (pyxc::rt::GilBlock):
// its constructor takes the GIL, its destructor at the end of the
// enclosing block gives it back.
bool holdsGilInScope(const clang::VarDecl& var);

// False when the function is declared not to throw (noexcept, throw(),
// C linkage, a builtin, a destructor).
bool declaredMayThrow(const clang::FunctionDecl& fn);

}  // namespace pyxc::verify
