import pyxc
from pyxc import i64


@pyxc.native
def count_primes(n: i64) -> i64:
    """Primes below n, by trial division."""
    count = 0
    for k in range(2, n):
        d = 2
        while d * d <= k:
            if k % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


@pyxc.native
def harmonic(n: int, scale: float = 1.0) -> float:
    s = 0.0
    for i in range(1, n + 1):
        s += scale / i
    return s


def describe(n: int) -> str:
    """Plain Python, beside the compiled functions."""
    return f"{count_primes(n)} primes below {n}"
