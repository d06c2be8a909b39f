// Markers that tell pyxc-verify where the GIL is not held. A function marked
// PYXC_RUNS_WITHOUT_GIL runs (with everything it calls) on a thread that does
// not hold the GIL: a native worker thread's task loop, for example. Code
// between PyEval_SaveThread() and PyEval_RestoreThread() is found without a
// marker. The marker is a clang annotation, so GCC builds ignore it.
#pragma once

#if defined(__clang__)
#define PYXC_RUNS_WITHOUT_GIL [[clang::annotate("pyxc::runs_without_gil")]]
#else
#define PYXC_RUNS_WITHOUT_GIL
#endif

// A class whose constructor takes the GIL and whose destructor gives it back
// (pyxc::rt::GilBlock): pyxc-verify counts the rest of the C++ block that
// declares such a variable as holding the GIL.
#if defined(__clang__)
#define PYXC_HOLDS_GIL_IN_SCOPE [[clang::annotate("pyxc::holds_gil_in_scope")]]
#else
#define PYXC_HOLDS_GIL_IN_SCOPE
#endif
