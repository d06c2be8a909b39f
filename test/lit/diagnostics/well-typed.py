# A module inside the subset checks cleanly (exit 0, no output).
# RUN: %pyxc check %s 2>&1 | %FileCheck %s --allow-empty --implicit-check-not=error:
import math
import pyxc
from pyxc import f32, i32


@pyxc.native(boundscheck=False)
def divmod_like(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


@pyxc.native
def mixed(n: int, scale: f32 = 2, *, k: i32 = 1) -> float:
    """Sums things."""
    s = 0
    q, r = divmod_like(n, 3)
    for i in range(n):
        if i % 2 == 0 and not i > 100:
            s += i * scale
        elif 0 <= i < 10:
            continue
        else:
            s -= math.sqrt(i) if i > 4 else math.pi
    while q > 0:
        q -= 1
    assert s == s, "nan"
    if n < 0:
        raise ValueError("negative n")
    return s + q + r + k + round(s) + max(1, n, 2.5)


def plain(x):
    return mixed(x, k=2)
