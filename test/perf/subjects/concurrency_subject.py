"""CPU-bound work for the thread, asyncio and .aio benchmarks, as a pyxc
user writes it. Plain CPython runs the same source (imported with
PYXC_DISABLE=1) for the pure-Python side of every comparison."""
import pyxc


@pyxc.native
def spin(n: int, seed: int) -> int:
    """n steps of a 31-bit linear congruential generator (glibc's
    constants; the product stays inside int64), summing the high bits:
    integer work with a serial dependency, no memory traffic, the same
    instructions in every thread."""
    x = seed % 2147483648
    acc = 0
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc += x // 65536
    return acc


@pyxc.native
def trivial(x: int) -> int:
    """As little work as a call can do: what is left is the call's cost."""
    return x + 1
