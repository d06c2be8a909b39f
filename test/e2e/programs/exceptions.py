"""raise of each builtin exception type with a message, assert with and
without a message, and UnboundLocalError for a local read before it is
assigned on some path."""
import pyxc

PYXC_TEST_ARGS = {
    "raise_by_code": {"code": (-1, 11)},
    "unbound_after_empty_loop": {"n": (-3, 50)},
}


@pyxc.native
def raise_by_code(code: int) -> int:
    if code == 0:
        raise ValueError("value was bad")
    elif code == 1:
        raise TypeError("type was bad")
    elif code == 2:
        raise IndexError("index out of range")
    elif code == 3:
        raise KeyError("missing key")
    elif code == 4:
        raise RuntimeError("something failed")
    elif code == 5:
        raise ZeroDivisionError("custom division message")
    elif code == 6:
        raise OverflowError("too big")
    elif code == 7:
        raise ArithmeticError("arithmetic went wrong")
    elif code == 8:
        raise NotImplementedError("not yet")
    elif code == 9:
        raise AssertionError("asserted by hand")
    return code


@pyxc.native
def checked_sqrt_input(x: float) -> float:
    assert x >= 0.0, "x must be non-negative"
    return x * 0.5


@pyxc.native
def assert_without_message(a: int) -> int:
    assert a != 3
    return a


@pyxc.native
def unbound_when_negative(a: int) -> int:
    if a >= 0:
        result = a * 2
    return result


@pyxc.native
def unbound_after_empty_loop(n: int) -> int:
    for i in range(n):
        last = i
    return last


@pyxc.native
def validate_probability(p: float) -> float:
    if not (0.0 <= p <= 1.0):
        raise ValueError("probability must be in [0, 1]")
    return 1.0 - p
