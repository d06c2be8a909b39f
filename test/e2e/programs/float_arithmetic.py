"""Float arithmetic with IEEE special values: signed zeros, infinities, nan,
subnormals; Python's floor division and modulo for floats, and CPython's
ZeroDivisionError messages."""
import pyxc

PYXC_TEST_CASES = {
    "fmod_python": [(-7.5, 2.0), (7.5, -2.0), (-0.0, 1.0), (0.0, -1.0), (1e308, 1e-308), (5.0, 0.0)],
    "ffloordiv": [(-7.5, 2.0), (7.5, -2.0), (1.0, 0.0), (float("inf"), 2.0), (-1.0, float("inf"))],
    "fpow": [(0.0, -1.0), (-0.0, -1.0), (-8.0, 1.0 / 3.0), (2.0, 1024.0), (-2.0, 3.0), (1.0, float("nan"))],
}


@pyxc.native
def fadd(a: float, b: float) -> float:
    return a + b


@pyxc.native
def fsub(a: float, b: float) -> float:
    return a - b


@pyxc.native
def fmul(a: float, b: float) -> float:
    return a * b


@pyxc.native
def fdiv(a: float, b: float) -> float:
    return a / b


@pyxc.native
def ffloordiv(a: float, b: float) -> float:
    return a // b


@pyxc.native
def fmod_python(a: float, b: float) -> float:
    return a % b


@pyxc.native
def fpow(a: float, b: float) -> float:
    return a ** b


@pyxc.native
def fneg(a: float) -> float:
    return -a


@pyxc.native
def fplus(a: float) -> float:
    return +a


@pyxc.native
def fcompare(a: float, b: float) -> int:
    score = 0
    if a < b:
        score += 1
    if a <= b:
        score += 2
    if a == b:
        score += 4
    if a != b:
        score += 8
    if a > b:
        score += 16
    if a >= b:
        score += 32
    return score


@pyxc.native
def horner(x: float, c0: float = 1.0, c1: float = -2.0, c2: float = 0.5) -> float:
    return (c2 * x + c1) * x + c0


@pyxc.native
def float_int_power(x: float, n: int) -> float:
    return x ** n


@pyxc.native
def augmented_float(a: float, b: float) -> float:
    s = a
    s += b
    s *= 1.5
    s -= a
    s /= 3.0
    return s


@pyxc.native
def float_literal_mix(x: float) -> float:
    return 1e-3 * x + 2.5e10 - .5 + 3. * x
