import pyxc


@pyxc.native
def weighted_sum(n: int, w: float = 0.5) -> float:
    total = 0.0
    for i in range(n):
        total += w * i
    return total
