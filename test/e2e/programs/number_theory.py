"""A realistic scalar module: primality, integer square roots, modular
exponentiation, an LCG and a bisection root finder — the kind of kernels
people move to native code."""
import math

import pyxc

PYXC_TEST_ARGS = {
    "is_prime": {"n": (-10, 200000)},
    "count_primes": {"limit": (-5, 3000)},
    "isqrt_newton": {"n": (-3, 2**62)},
    "mod_pow": {"base": (-10**6, 10**6), "exponent": (0, 10**6), "modulus": (-1000, 10**9)},
    "lcg_mean": {"seed": (0, 2**31), "steps": (0, 3000)},
    "bisect_cube_root": {"target": (-1e6, 1e6), "iterations": (0, 200)},
}


@pyxc.native
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


@pyxc.native
def count_primes(limit: int) -> int:
    count = 0
    for n in range(limit):
        if is_prime(n):
            count += 1
    return count


@pyxc.native
def isqrt_newton(n: int) -> int:
    if n < 0:
        raise ValueError("isqrt of a negative number")
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


@pyxc.native
def mod_pow(base: int, exponent: int, modulus: int) -> int:
    if modulus <= 0:
        raise ValueError("modulus must be positive")
    result = 1 % modulus
    b = base % modulus
    e = exponent
    while e > 0:
        if e & 1:
            result = result * b % modulus
        b = b * b % modulus
        e >>= 1
    return result


@pyxc.native
def lcg_mean(seed: int, steps: int) -> float:
    state = seed
    total = 0.0
    for _ in range(steps):
        state = (state * 1103515245 + 12345) % 2147483648
        total += state / 2147483648.0
    return total / steps if steps > 0 else 0.0


@pyxc.native
def bisect_cube_root(target: float, iterations: int) -> float:
    lo = -abs(target) - 1.0
    hi = abs(target) + 1.0
    for _ in range(iterations):
        mid = (lo + hi) / 2.0
        if mid * mid * mid < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


@pyxc.native
def log_sum_exp(a: float, b: float) -> float:
    m = max(a, b)
    if math.isinf(m):
        return m
    return m + math.log(math.exp(a - m) + math.exp(b - m))
