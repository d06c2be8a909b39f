"""The rest of Python 3.11's math module on floats and ints, compared with
CPython: domain/range errors, int results, tuples, int64 overflow."""
import math

import pyxc
from pyxc import f64, i64


@pyxc.native
def exp2_(x: float) -> float:
    return math.exp2(x)


@pyxc.native
def expm1_(x: float) -> float:
    return math.expm1(x)


@pyxc.native
def log1p_(x: float) -> float:
    return math.log1p(x)


@pyxc.native
def sinh_(x: float) -> float:
    return math.sinh(x)


@pyxc.native
def cosh_(x: float) -> float:
    return math.cosh(x)


@pyxc.native
def tanh_(x: float) -> float:
    return math.tanh(x)


@pyxc.native
def asinh_(x: float) -> float:
    return math.asinh(x)


@pyxc.native
def acosh_(x: float) -> float:
    return math.acosh(x)


@pyxc.native
def atanh_(x: float) -> float:
    return math.atanh(x)


@pyxc.native
def cbrt_(x: float) -> float:
    return math.cbrt(x)


@pyxc.native
def erf_(x: float) -> float:
    return math.erf(x)


@pyxc.native
def erfc_(x: float) -> float:
    return math.erfc(x)


@pyxc.native
def gamma_(x: float) -> float:
    return math.gamma(x)


@pyxc.native
def lgamma_(x: float) -> float:
    return math.lgamma(x)


@pyxc.native
def degrees_(x: float) -> float:
    return math.degrees(x)


@pyxc.native
def radians_(x: float) -> float:
    return math.radians(x)


@pyxc.native
def ulp_(x: float) -> float:
    return math.ulp(x)


@pyxc.native
def fmod_(x: float, y: float) -> float:
    return math.fmod(x, y)


@pyxc.native
def remainder_(x: float, y: float) -> float:
    return math.remainder(x, y)


@pyxc.native
def nextafter_(x: float, y: float) -> float:
    return math.nextafter(x, y)


@pyxc.native
def atan2_(x: float, y: float) -> float:
    return math.atan2(x, y)


@pyxc.native
def copysign_(x: float, y: float) -> float:
    return math.copysign(x, y)


@pyxc.native
def hypot3(x: float, y: float, z: float) -> float:
    return math.hypot(x, y, z) + math.hypot() + math.hypot(x)


@pyxc.native
def hypot2(x: float, y: float) -> float:
    return math.hypot(x, y)


@pyxc.native
def trunc_(x: float) -> int:
    return math.trunc(x)


@pyxc.native
def trunc_int(n: int) -> int:
    return math.trunc(n) + math.floor(n) + math.ceil(n)


@pyxc.native
def frexp_(x: float) -> tuple[float, int]:
    return math.frexp(x)


@pyxc.native
def modf_(x: float) -> tuple[float, float]:
    m, w = math.modf(x)
    return m, w


@pyxc.native
def ldexp_(x: float, i: int) -> float:
    return math.ldexp(x, i)


@pyxc.native
def isclose_(a: float, b: float, rel: float, tol: float) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=tol)


@pyxc.native
def isclose_default(a: float, b: float) -> bool:
    return math.isclose(a, b)


@pyxc.native
def gcd_(a: int, b: int, c: int) -> int:
    return math.gcd(a, b, c) + math.gcd(a) + math.gcd()


@pyxc.native
def lcm_(a: int, b: int, c: int) -> int:
    return math.lcm(a, b, c)


@pyxc.native
def comb_(n: int, k: int) -> int:
    return math.comb(n, k)


@pyxc.native
def perm_(n: int, k: int) -> int:
    return math.perm(n, k)


@pyxc.native
def perm1(n: int) -> int:
    return math.perm(n)


@pyxc.native
def factorial_(n: int) -> int:
    return math.factorial(n)


@pyxc.native
def isqrt_(n: int) -> int:
    return math.isqrt(n)


@pyxc.native
def log_int(n: int, b: int) -> float:
    return math.log(n, b) + math.log2(n) + math.log10(n) + math.log1p(n)


@pyxc.native
def fsum_(a: f64[:]) -> float:
    return math.fsum(a)


@pyxc.native
def prod_float(a: f64[:]) -> float:
    return math.prod(a)


@pyxc.native
def prod_int(a: i64[:]) -> int:
    return math.prod(a)


@pyxc.native
def constants() -> float:
    return math.pi + math.e + math.tau + math.inf - math.inf


PYXC_TEST_ARGS = {
    "comb_": {"n": (-3, 80), "k": (-3, 80)},
    "perm_": {"n": (-3, 40), "k": (-3, 40)},
    "perm1": {"n": (-3, 25)},
    "factorial_": {"n": (-3, 25)},
    "ldexp_": {"i": (-1200, 1200)},
    "fsum_": {"a": {"elements": [0.1, 1e16, -1e16, 1e308, -1e308, 1e-16, 3.5, float("inf"), float("nan")]}},
    "prod_int": {"a": {"elements": (-50, 50)}},
}

PYXC_TEST_CASES = {
    "comb_": [(60, 30), (67, 33), (68, 34), (100, 2), (2**62, 1), (5, 7)],
    "perm_": [(20, 20), (21, 21), (2**40, 2), (5, 0)],
    "gcd_": [(-2**63, 0, 0), (-2**63, 2**62, 0), (12, -18, 8)],
    "lcm_": [(2**62, 3, 0), (2**40, 2**40 + 1, 1), (4, 6, 10)],
    "isqrt_": [(2**63 - 1,), (10**18,), (15,), (16,)],
    "gamma_": [(0.5,), (-0.5,), (171.5,), (-200.5,), (1e-320,), (23.0,), (-3.0,)],
    "lgamma_": [(0.5,), (-0.5,), (-3.0,), (1e300,)],
    "isclose_": [(1.0, 1.0 + 1e-10, 1e-9, 0.0), (1.0, 2.0, -1.0, 0.0), (math.inf, math.inf, 0.0, 0.0)],
    "remainder_": [(5.0, 2.0), (7.0, 2.0), (-5.0, 2.0), (math.inf, 1.0), (1.0, 0.0)],
    "fmod_": [(5.0, 0.0), (math.inf, 2.0), (1.0, math.inf)],
    "hypot2": [(3.0, 4.0), (1.7e308, 1.7e308), (5e-324, 5e-324)],
    "log_int": [(1, 2), (0, 2), (8, 1), (2**62, 10)],
}
