"""Trivial functions whose cost is almost all call overhead."""
import pyxc


@pyxc.native
def add(a: int, b: int) -> int:
    return a + b


@pyxc.native
def fadd(a: float, b: float) -> float:
    return a + b
