# prange loops: locals that would race between threads, break/return inside
# the loop, and prange's arguments.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from pyxc import f64, prange


@pyxc.native
def read_before_write(a: f64[:]) -> float:
    t = 0.0
    for i in prange(a.shape[0]):
        # CHECK: :[[@LINE+1]]:16: error: 't' is read here where this iteration of the prange loop may not have assigned it yet, so it could see a value written by another iteration (a data race); assign it first in the loop body, on every path, or make it a reduction (only 'x += ...', 'x -= ...', 'x *= ...', 'x = min(x, ...)' or 'x = max(x, ...)', never read in the loop) [parallel-race]
        a[i] = t
        t = a[i] * 2.0
    return 0.0


@pyxc.native
def reduction_read(a: f64[:]) -> float:
    s = 0.0
    for i in prange(a.shape[0]):
        # CHECK: :[[@LINE+3]]:16: error: 's' is a reduction in this prange loop ('s +=') and cannot be read inside it: each thread holds only a partial result until the loop ends; read it after the loop [parallel-race]
        # CHECK: :[[@LINE+1]]:9: note: reduction update here
        s += a[i]
        a[i] = s
    return s


@pyxc.native
def mixed_ops(a: f64[:]) -> float:
    s = 1.0
    for i in prange(a.shape[0]):
        # CHECK: :[[@LINE+3]]:9: error: 's' is updated with both '+=' and '*=' in this prange loop; a reduction combines per-thread results with one operator: use one, or a separate variable [parallel-race]
        # CHECK: :[[@LINE+1]]:9: note: first update here
        s += a[i]
        s *= a[i]
    return s


@pyxc.native
def min_then_sum(a: f64[:]) -> float:
    s = 1.0
    for i in prange(a.shape[0]):
        # CHECK: :[[@LINE+2]]:9: error: 's' is updated with both '= min(...)' and '+=' in this prange loop
        s = min(s, a[i])
        s += 1.0
    return s


@pyxc.native
def private_after(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        t = a[i] + 1.0
        a[i] = t
    # CHECK: :[[@LINE+3]]:12: error: 't' is assigned in the prange loop, so each iteration has its own copy and it has no defined value after the loop (iterations run in no fixed order); use a different variable inside the loop, or store what you need in an array [parallel-race]
    # CHECK: :[[@LINE-4]]:5: note: the prange loop
    # CHECK: :[[@LINE+1]]:16: error: 'i' is the variable of the prange loop
    return t + i


@pyxc.native
def private_in_enclosing_loop(a: f64[:]) -> None:
    for k in range(3):
        # CHECK: :[[@LINE+1]]:16: error: 't' is assigned in the prange loop
        a[k] = t
        for i in prange(a.shape[0]):
            t = a[i]
            a[i] = t


@pyxc.native
def maybe_reassigned_after(a: f64[:], c: bool) -> float:
    for i in prange(a.shape[0]):
        t = a[i]
        a[i] = t
    if c:
        t = 2.0
    # CHECK: :[[@LINE+1]]:12: error: 't' is assigned in the prange loop
    return t


# Reassigned before any read after the loop: fine (a later loop reusing i).
@pyxc.native
def reassigned_after(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        t = a[i]
        a[i] = t * 2.0
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    t = 1.0
    return s + t


@pyxc.native
def plain_assign_of_shared(a: f64[:]) -> None:
    last = 0.0
    for i in prange(a.shape[0]):
        last = a[i]
    # CHECK: :[[@LINE+1]]:12: error: 'last' is assigned in the prange loop
    a[0] = last


@pyxc.native
def conditional_private(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        if a[i] > 0.0:
            t = 1.0
        # CHECK: :[[@LINE+1]]:16: error: 't' is read here where this iteration of the prange loop may not have assigned it yet
        a[i] = t
    return 0.0


@pyxc.native
def inner_loop_assignment(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        for j in range(3):
            u = a[j]
        # CHECK: :[[@LINE+1]]:16: error: 'u' is read here where this iteration of the prange loop may not have assigned it yet
        a[i] = u
    return 0.0


@pyxc.native
def breaks(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        if a[i] > 0.0:
            # CHECK: :[[@LINE+1]]:13: error: 'break' cannot leave a prange loop: its iterations run in no fixed order; use range(), or a flag that the remaining iterations test [bad-loop]
            break
        for j in range(3):
            if j == 1:
                break
        continue
    return 0.0


@pyxc.native
def returns(a: f64[:]) -> float:
    for i in prange(a.shape[0]):
        if a[i] > 0.0:
            # CHECK: :[[@LINE+1]]:13: error: 'return' inside a prange loop is not supported: its iterations run in no fixed order; store the result in a variable or an array and return after the loop [bad-loop]
            return a[i]
    return 0.0


@pyxc.native
def bad_args(n: int, x: float) -> None:
    # CHECK: :[[@LINE+1]]:36: error: prange() num_threads must be an int, not float [type-mismatch]
    for i in prange(n, num_threads=x):
        pass
    # CHECK: :[[@LINE+1]]:24: error: prange() got an unexpected keyword argument 'chunksize' (it takes only num_threads=) [bad-call]
    for i in prange(n, chunksize=4):
        pass
    # CHECK: :[[@LINE+1]]:27: error: prange() arg 3 must not be zero [bad-loop]
    for i in prange(0, n, 0):
        pass
    # CHECK: :[[@LINE+1]]:14: error: prange expected at least 1 argument, got 0 [bad-call]
    for i in prange():
        pass
    # CHECK: :[[@LINE+1]]:14: error: prange expected at most 3 arguments, got 4 [bad-call]
    for i in prange(1, 2, 3, 4):
        pass
    # CHECK: :[[@LINE+1]]:21: error: 'float' object cannot be interpreted as an integer [type-mismatch]
    for i in prange(x):
        pass


# Accepted: privates, reductions of each kind, shared reads, nested prange,
# array element writes, continue, the else block.
@pyxc.native
def well_formed(a: f64[:], n: int) -> float:
    s = 0.0
    p = 1.0
    d = 0.0
    lo = 1e300
    hi = -1e300
    for i in pyxc.prange(0, n, 2, num_threads=2):
        if i >= a.shape[0]:
            continue
        v = a[i] * 2.0
        w = v
        s += w
        p *= 1.0
        d -= v
        lo = min(lo, v)
        hi = max(hi, v)
        a[i] = v
        row = 0.0
        for j in prange(n):
            row += j
        a[i] += row
    else:
        s += 1.0
    return s + p + d + lo + hi
