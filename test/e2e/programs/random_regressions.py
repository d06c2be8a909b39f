"""Programs the random-program tests (test/random) found wrong, each
reduced to its smallest form and kept here so the bug stays fixed."""
import pyxc
from pyxc import f32


@pyxc.native
def negate_negative_f32_cast() -> f32:
    # The cast folds to the literal -2.5f; its negation was emitted as
    # `--2.5f`, a C++ decrement, and the module did not compile.
    return -f32(-2.5)


@pyxc.native
def negate_negative_float_cast() -> float:
    return -float(-2.5)


@pyxc.native
def negate_negative_f32_cast_in_compare(x: f32) -> bool:
    return -f32(-9.0) <= abs(x)


@pyxc.native
def assign_bool_compared_with_itself(p: bool) -> bool:
    # `v == v` of a bool folds to the comma expression
    # `(static_cast<void>(v), true)`; the assignment dropped its
    # parentheses (`v = static_cast<void>(v), true;`) and did not compile.
    v: bool = p
    v = bool(v == v)
    return v


@pyxc.native
def assign_int_compared_with_itself(p: int) -> bool:
    v: bool = False
    v = p != p
    return v


@pyxc.native
def assign_ndim(a: pyxc.f64[:, :]) -> int:
    n: int = 0
    n = a.ndim
    return n


@pyxc.native
def max_of_empty_list_before_index(p: int) -> bool:
    # min/max counted as unable to fail, so the comparison's operands were
    # not sequenced: `xs[3]` raised IndexError before `max(xs)` raised
    # CPython's ValueError (one-argument min/max of a list fails if empty).
    xs: list[int] = [0 for i in range(-6) if False]
    return max(xs) == xs[3] > p


@pyxc.native
def min_of_generator_before_index(p: int) -> bool:
    xs: list[int] = []
    return min(x for x in xs) < xs[p]
