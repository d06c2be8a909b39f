// Finding the process's worker pool (thread_pool.h) at module init. The
// first module that runs this publishes its own pool's SharedPoolApi in a
// capsule in the interpreter's state dict under kSharedPoolKey; every later
// module built with the same kSharedPoolAbi posts through it, so that two
// modules running prange or .aio at once use one set of workers instead of
// oversubscribing the cores (as OpenMP's one libgomp does for Cython).
//
// Why PyInterpreterState_GetDict: it is public, documented API from 3.8 on,
// unchanged through 3.13, and meant for exactly this (extension state that
// Python code neither sees nor can clobber). The `sys` dict would work too,
// but user code can delete or replace an attribute there (and it shows in
// dir(sys)); PyUnstable_InterpreterState_GetMainModule is the __main__
// module, has that name only from 3.13 on and is unstable API.
//
// Lifetime: the capsule has no destructor and holds a pointer to the
// publishing module's static table, whose pool is never destroyed. Clearing
// the dict at finalization drops only the capsule; modules keep the raw
// table, which stays valid because CPython never unloads (dlcloses) an
// extension module.
#pragma once

#include <Python.h>

#include "thread_pool.h"

namespace pyxc::rt {

// Dict key and capsule name; the number is kSharedPoolAbi (checked below).
inline constexpr const char kSharedPoolKey[] = "pyxc.worker_pool.v1";
static_assert(kSharedPoolAbi == 1, "a new pool ABI needs a new kSharedPoolKey");

namespace {

// Points the module at the shared pool, publishing its own when there is
// none yet. GIL held (module init), so two modules cannot both publish. A
// published table that is not a capsule of this name or not compatible
// (another pyxc's layout under this key: a bug there) leaves the module
// with its own pool. False with a Python error set on failure (no memory).
inline bool join_shared_pool() {
  PyObject* state = PyInterpreterState_GetDict(PyInterpreterState_Get());
  if (!state) return true;  // no dict (the interpreter is being finalized): keep the own pool
  PyObject* key = PyUnicode_InternFromString(kSharedPoolKey);
  if (!key) return false;
  PyObject* published = PyDict_GetItemWithError(state, key);  // borrowed
  bool ok = true;
  if (published) {
    if (PyCapsule_IsValid(published, kSharedPoolKey))
      use_pool_api(static_cast<const SharedPoolApi*>(PyCapsule_GetPointer(published, kSharedPoolKey)));
  } else if (PyErr_Occurred()) {
    ok = false;
  } else {
    // const_cast: capsules carry void*; nobody writes through it.
    PyObject* capsule = PyCapsule_New(const_cast<SharedPoolApi*>(&own_pool_api), kSharedPoolKey, nullptr);
    ok = capsule && PyDict_SetItem(state, key, capsule) == 0;
    Py_XDECREF(capsule);
    if (ok) use_pool_api(&own_pool_api);
  }
  Py_DECREF(key);
  return ok;
}

}  // namespace

}  // namespace pyxc::rt
