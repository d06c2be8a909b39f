import pyxc


@pyxc.native
def add(a: int, b: float = 1.0) -> float:
    """Adds an int and a float."""
    return a + b


@pyxc.native
def checked_sum(n: int, limit: int) -> int:
    total = 0
    for i in range(n):
        total += i
        if total > limit:
            raise ValueError("limit exceeded")
    return total


@pyxc.native
def harmonic(n: int) -> float:
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s


@pyxc.native
def divmod_(a: int, b: int, *, scale: int = 1) -> tuple[int, int]:
    return a // b * scale, a % b


@pyxc.native
def clamp(x: float, /, lo: float = 0.0, *, hi: float) -> float:
    return min(max(x, lo), hi)


@pyxc.native
def count_down(n: int) -> None:
    assert n >= 0, "n must not be negative"
    while n > 0:
        n -= 1
