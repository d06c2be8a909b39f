"""u8 kernels over byte buffers (the binding tests pass bytearray and
bytes to these too): checksums computed in Python ints (int(a[i])),
xor with a u8 key (u8 ^ u8 stays u8), byte histograms, run-length counts,
ASCII case folding with bounds that keep u8 arithmetic in range.
"""
import pyxc
from pyxc import i64, u8

PYXC_TEST_ARGS = {
    "adler32": {},
    "xor_key": {"key": (0, 255)},
    "byte_histogram": {"counts": {"elements": [0], "shape": (256,)}},
    "longest_run": {"a": (0, 3)},
    "to_upper": {"a": (0, 255)},
    "fnv1a": {},
    "sum_bytes": {},
    "find_byte": {"b": (0, 255)},
}


@pyxc.native
def adler32(a: u8[:]) -> int:
    s1 = 1
    s2 = 0
    for x in a:
        s1 = (s1 + int(x)) % 65521
        s2 = (s2 + s1) % 65521
    return s2 * 65536 + s1


@pyxc.native
def xor_key(a: u8[:], key: u8) -> None:
    for i in range(len(a)):
        a[i] ^= key


@pyxc.native
def byte_histogram(a: u8[:], counts: i64[:]) -> None:
    for x in a:
        counts[x] += 1


@pyxc.native
def longest_run(a: u8[:]) -> int:
    best = 0
    run = 0
    for i in range(len(a)):
        if i > 0 and a[i] == a[i - 1]:
            run += 1
        else:
            run = 1
        if run > best:
            best = run
    return best


@pyxc.native
def to_upper(a: u8[:]) -> int:
    changed = 0
    for i in range(len(a)):
        c = a[i]
        if 97 <= c <= 122:
            a[i] = c - 32
            changed += 1
    return changed


@pyxc.native
def fnv1a(a: u8[:]) -> int:
    h = 2166136261
    for x in a:
        h = ((h ^ int(x)) * 16777619) % 4294967296
    return h


@pyxc.native
def sum_bytes(a: u8[:]) -> int:
    s = 0
    for i in range(a.size):
        s += int(a[i])
    return s


@pyxc.native
def find_byte(a: u8[:], b: u8) -> int:
    for i in range(len(a)):
        if a[i] == b:
            return i
    return -1
