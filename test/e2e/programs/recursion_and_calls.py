"""Calls between native functions: recursion (fib, a bounded Ackermann),
mutual recursion, keyword arguments and defaults at native call sites."""
import pyxc

PYXC_TEST_ARGS = {
    "fib": {"n": (0, 22)},
    "ackermann": {"m": (0, 2), "n": (0, 6)},
    "is_even": {"n": (0, 300)},
    "is_odd": {"n": (0, 300)},
    "power_sum": {"n": (0, 40), "p": (0, 5)},
    "binomial": {"n": (0, 50), "k": (-2, 52)},
    "binomial_row": {"n": (0, 50), "k": (-2, 52)},
    "hanoi_moves": {"disks": (0, 16), "source": [1, 2, 3], "target": [1, 2, 3]},
    "depth": {"n": (0, 500)},
    "depth_via_helper": {"n": (0, 500)},
}

# Past the recursion limit both CPython and pyxc raise RecursionError (pyxc
# instead of overflowing the C stack).
PYXC_TEST_CASES = {
    "depth": [(5000,), (10**6,)],
    "depth_via_helper": [(5000,)],
    "is_even": [(100000,)],
}


@pyxc.native
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@pyxc.native
def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


@pyxc.native
def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


@pyxc.native
def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


@pyxc.native
def scaled(x: float, factor: float = 2.0, offset: float = 0.0) -> float:
    return x * factor + offset


@pyxc.native
def call_with_keywords(x: float) -> float:
    return scaled(x) + scaled(x, 3.0) + scaled(x, offset=1.0) + scaled(offset=-1.0, x=x, factor=0.5)


@pyxc.native
def power_sum(n: int, p: int = 2) -> int:
    total = 0
    for i in range(1, n + 1):
        total += i ** p
    return total


@pyxc.native
def binomial(n: int, k: int) -> int:
    if k < 0 or k > n:
        return 0
    if k == 0 or k == n:
        return 1
    return binomial_row(n, k)


@pyxc.native
def binomial_row(n: int, k: int) -> int:
    result = 1
    for i in range(min(k, n - k)):
        result = result * (n - i) // (i + 1)
    return result


@pyxc.native
def hanoi_moves(disks: int, source: int = 1, target: int = 3) -> int:
    if disks == 0:
        return 0
    spare = 6 - source - target
    return hanoi_moves(disks - 1, source, spare) + 1 + hanoi_moves(disks - 1, spare, target)


@pyxc.native
def void_helper(x: int) -> None:
    if x < 0:
        raise ValueError("negative input")


@pyxc.native
def calls_void(x: int) -> int:
    void_helper(x)
    return x + 1


@pyxc.native
def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


@pyxc.native
def depth_via_helper(n: int) -> int:
    # Enters the recursive cycle from a function outside it.
    return depth(n) * 2
