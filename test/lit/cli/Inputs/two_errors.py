import pyxc


@pyxc.native
def first(a: int) -> int:
    return a + missing_one


def plain(x):
    return x


@pyxc.native
def second(b: float) -> float:
    return b * missing_two
