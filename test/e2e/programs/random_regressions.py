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
