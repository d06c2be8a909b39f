// What the fastmath=True directive turns into. GCC takes per-function
// optimisation options; clang has no such attribute, so there the directive
// only removes pyxc's own checks (documented in docs/semantics.md).
#pragma once

#if defined(__GNUC__) && !defined(__clang__)
// Reassociation lets the compiler vectorize reductions (`s += a[i] * b[i]`);
// finite-math lets it assume no NaN or infinity, as Numba's fastmath does.
#define PYXC_FAST_MATH __attribute__((optimize("fast-math")))
#else
#define PYXC_FAST_MATH
#endif
