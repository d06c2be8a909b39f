import pyxc


@pyxc.native
def add(a: int, b: int) -> int:
    return a + b
