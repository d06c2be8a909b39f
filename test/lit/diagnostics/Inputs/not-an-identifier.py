import pyxc


@pyxc.native
def f(x: int) -> int:
    return x
