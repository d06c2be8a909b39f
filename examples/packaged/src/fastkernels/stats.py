import pyxc


@pyxc.native
def mean_of_squares(n: int, *, offset: float = 0.0) -> float:
    total = 0.0
    for i in range(n):
        x = i + offset
        total += x * x
    return total / n if n > 0 else 0.0
