"""Functions whose calling convention test_binding.py checks against the
plain Python defs (not part of the differential corpus)."""
import pyxc


@pyxc.native
def weighted(a: int, b: int = 3, c: float = 0.5) -> float:
    """Weighted sum: a + b * c."""
    return a + b * c


@pyxc.native
def flag_value(p: bool, x: float) -> float:
    return x if p else -x


@pyxc.native
def spin(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
    return acc


def plain_caller(n):
    return spin(n) + 1
