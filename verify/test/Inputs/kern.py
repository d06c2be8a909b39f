import pyxc


@pyxc.native
def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s
