"""Tuples as values (docs/semantics.md "Tuples"): tuple locals (inferred,
annotated, `tuple[T, ...]`), tuple parameters (flat and nested), nested
tuples and tuples holding arrays, packing and unpacking anywhere,
enumerate/zip/reversed loops, unpacking arrays and rows (with CPython's
ValueError on a wrong length), `a.shape` as a tuple, `len` of a tuple,
tuple comparisons, tuples in conditional expressions and as arguments."""
import pyxc
from pyxc import f32, f64, i64

FF = pyxc.fused("FF", f32, f64)

SMALL = (-1000, 1000)
PYXC_TEST_ARGS = {
    "nested_param": {"t": SMALL},
    "enumerate_start": {"a": {"elements": SMALL}, "start": (-10**6, 10**6)},
    "zip_three": {"n": (0, 12)},
    "negative_steps": {"n": (-20, 20), "step": [-1, -2, -3, -7]},
    "find_pair": {"a": {"elements": (-9, 9)}, "b": {"elements": (-9, 9)}, "target": (-18, 18)},
    "lexicographic": {"a": (-2, 2), "b": (-2, 2), "c": (-2, 2), "d": (-2, 2)},
    "float_order": {"p": SMALL, "q": SMALL},
    "norms3": {"v": {"elements": SMALL, "shape": ("n", "k")}, "_dims": {"n": (0, 4), "k": (1, 5)}},
    "unpack_pair": {"p": {"elements": SMALL, "shape": ("k",)}, "_dims": {"k": (0, 4)}},
    "rows_unpacked": {"m": {"elements": SMALL, "shape": ("n", "k")}, "_dims": {"n": (0, 4), "k": (1, 4)}},
    "positives": {"a": {"elements": SMALL}},
    "rows_zip": {"m": {"elements": SMALL, "shape": ("n", "k")}, "w": {"elements": SMALL, "shape": ("j",)},
                 "_dims": {"n": (0, 4), "k": (0, 3), "j": (0, 5)}},
    "nested_unpack": {"a": SMALL, "b": SMALL, "c": SMALL},
    "fused_offset": {"a": {"elements": SMALL}, "t": SMALL},
    "fused_tuple_follows_array": {"a": {"elements": SMALL}, "t": SMALL},
    "fused_scalar_pair": {"x": SMALL, "t": SMALL},
    "nested_loop_targets": {"x": {"elements": SMALL}, "y": {"elements": SMALL, "shape": ("m",)},
                            "_dims": {"d0": (0, 6), "m": (0, 6)}},
    "empty_and_negative_ranges": {"n": (-12, 12)},
    "enumerate_negative_ranges": {"a": (-15, 15), "b": (-15, 15), "s": [-1, -2, -3, -5, 1, 2]},
    "returned_to_python": {"a": SMALL, "b": SMALL},
    "order_of_targets": {"a": {"elements": (-9, 9)}, "i": (-4, 4)},
    "unbound_after": {"a": {"elements": (-9, 9)}},
    "zip_rows_unpack": {"m": {"elements": SMALL, "shape": ("n", "k")}, "w": {"elements": SMALL, "shape": ("j",)},
                        "_dims": {"n": (0, 3), "k": (1, 3), "j": (0, 4)}},
    # Small and NaN-free: an int and a float compare through double (exact
    # below 2**53), and NaN elements differ from CPython's identity shortcut
    # (docs/semantics.md "Tuples").
    "mixed_compare": {"a": SMALL, "b": SMALL},
}


@pyxc.native
def locals_and_choice(x: float, y: float) -> float:
    p = (x, y)
    q: tuple[f64, f64] = (y, 2.0 * x)
    r = p if x < y else q
    return r[0] - r[1] * 0.5 + q[-1]


@pyxc.native
def dot2(p: tuple[f64, f64], q: tuple[f64, f64]) -> float:
    return p[0] * q[0] + p[1] * q[1]


@pyxc.native
def nested_param(t: tuple[int, tuple[int, i64]]) -> int:
    a, (b, c) = t
    return a * 100 + b * 10 + c + len(t) + len(t[1])


@pyxc.native
def scale(t: tuple[f64, f64], k: float) -> tuple[f64, f64]:
    return t[0] * k, t[1] * k


@pyxc.native
def swap_if(a: float, b: float, flip: bool) -> tuple[float, float]:
    t = (a, b) if not flip else (b, a)
    return scale(t, 2.0)


@pyxc.native
def nested_unpack(a: int, b: int, c: int) -> tuple[int, tuple[int, bool]]:
    x, (y, z) = a, (b, c)
    pair = (y + z, (x, y < z))
    s, (u, flag) = pair
    return s - u, (u * 2, flag)


@pyxc.native
def variadic_shape(m: f64[:, :]) -> int:
    s: tuple[i64, ...] = m.shape
    n, k = s
    rows, cols = m.shape
    return n * 1000 + k * 10 + len(s) + rows - cols


@pyxc.native
def positives(a: f64[:]) -> tuple[f64[::1], int]:
    out = pyxc.zeros(a.shape[0], f64)
    count = 0
    for x in a:
        if x > 0:
            out[count] = x
            count += 1
    return out, count


@pyxc.native
def weighted(a: f64[:], b: f64[:]) -> float:
    s = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        s += i * x - y
    return s


@pyxc.native
def enumerate_start(a: i64[:], start: int) -> int:
    t = 0
    for i, v in enumerate(a, start):
        t += i * v
    for j, w in enumerate(a, start=-start):
        t -= j + w
    return t


@pyxc.native
def zip_three(a: f64[:], n: int) -> float:
    s = 0.0
    for x, k, j in zip(a, range(n), reversed(range(0, 2 * n, 3))):
        s += x * k - j
    return s


@pyxc.native
def reversed_array(a: f64[:]) -> float:
    acc = 0.0
    for x in reversed(a):
        acc = acc * 0.5 + x
    for k, y in enumerate(reversed(a)):
        acc -= k * y
    return acc


@pyxc.native
def negative_steps(n: int, step: int) -> int:
    t = 0
    for i in range(n, -n, step):
        t = t * 3 % 1000003 + i
    for j in reversed(range(-n, n, -step)):
        t = t * 7 % 1000003 + j
    return t


@pyxc.native
def find_pair(a: i64[:], b: i64[:], target: int) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if x + y == target:
            break
    else:
        return -1
    return i


@pyxc.native
def best_whole(a: f64[:]) -> tuple[int, float]:
    best = (-1, 0.0)
    for t in enumerate(a):
        if t[1] > best[1]:
            best = t
    return best


@pyxc.native
def rows_zip(m: f64[:, :], w: f64[:]) -> float:
    s = 0.0
    for row, wi in zip(m, w):
        for x in row:
            s += x * wi
    for r, (row2, k) in enumerate(zip(reversed(m), range(100))):
        s += row2.shape[0] * (r + k)
    return s


@pyxc.native
def norms3(v: f64[:, :]) -> float:
    s = 0.0
    for i in range(v.shape[0]):
        vx, vy, vz = v[i]
        s += vx * vx + vy * vy - vz
    return s


@pyxc.native
def unpack_pair(p: f64[:]) -> float:
    x, y = p
    return x - 2.0 * y


@pyxc.native
def rows_unpacked(m: f64[:, :]) -> float:
    s = 0.0
    for x, y in m:
        s += x * 3.0 - y
    return s


@pyxc.native
def lexicographic(a: int, b: int, c: int, d: int) -> int:
    p = (a, b)
    q = (c, d)
    r = 0
    if p < q:
        r += 1
    if p <= q:
        r += 2
    if p == q:
        r += 4
    if p != q:
        r += 8
    if p > q:
        r += 16
    if p >= q:
        r += 32
    if (a, (b, c)) < (a, (c, b)):
        r += 64
    return r


@pyxc.native
def float_order(p: tuple[f64, f64], q: tuple[i64, f64]) -> tuple[bool, bool, bool]:
    return p < q, p == q, p >= q


# A fused function with a tuple parameter: the array picks the
# specialization, the tuple converts the same in both.
@pyxc.native
def fused_offset(a: FF[:], t: tuple[f64, i64]) -> float:
    s = 0.0
    for i, x in enumerate(a):
        s += float(x) * t[0] + i * t[1]
    return s


@pyxc.native
def fused_tuple_follows_array(a: FF[:], t: tuple[FF, int]) -> float:
    s = 0.0
    for x in reversed(a):
        lo, k = t
        s += float(x) - float(lo) * k
    return s


@pyxc.native
def fused_scalar_pair(x: pyxc.floating, t: tuple[int, int]) -> tuple[int, float]:
    a, b = t
    return a - b, float(x) * 2.0


# Nested tuple targets over enumerate/zip at every depth.
@pyxc.native
def nested_loop_targets(x: f64[:], y: i64[:]) -> float:
    s = 0.0
    for i, (a, b) in enumerate(zip(x, y)):
        s += i * a - b
    for (i, a), b in zip(enumerate(x, 1), reversed(y)):
        s += i * a + b
    for i, (j, (a, b)) in enumerate(enumerate(zip(reversed(x), y), -3)):
        s = s * 0.5 + i * j + a * b
    for pair in zip(y, x):
        k, v = pair
        s -= k * v
    for i, whole in enumerate(zip(x, range(10, 0, -3))):
        s += i + whole[0] * whole[1]
    return s


# Empty ranges of every shape, negative steps, and what the loop variable
# holds after them (its previous value when the loop is empty).
@pyxc.native
def empty_and_negative_ranges(n: int) -> int:
    t = 0
    last = -99
    for last in range(0, n, -1):
        t += last
    for last in range(n, n, -3):
        t += 1000
    for last in range(n, n - 1, -1):
        t = t * 7 + last
    for last in range(-1, -n - 1, -2):
        t = t * 3 + last
    for last in reversed(range(n, 0, -2)):
        t = t * 5 - last
    for last in reversed(range(0, n, -1)):
        t += 10**6
    for last in range(5, -5, -10**18):
        t = t * 11 + last
    return t * 1000 + last


@pyxc.native
def enumerate_negative_ranges(a: int, b: int, s: int) -> int:
    t = 0
    for i, v in enumerate(range(a, b, s)):
        t = t * 3 % 1000003 + i * v
    for i, (u, w) in enumerate(zip(range(a, b, s), reversed(range(b, a, -s)))):
        t = t * 5 % 1000003 + i + u - w
    for v in reversed(range(a, b, s)):
        t = t * 7 % 1000003 + v
    return t


# A tuple returned to Python is a Python tuple, nested ones too.
@pyxc.native
def returned_to_python(a: int, b: float) -> tuple[int, tuple[float, bool], tuple[int, int]]:
    inner = (b, a > 0)
    return a, inner, (a, -a)


# Tuples of arrays, swapped and indexed.
@pyxc.native
def swap_arrays(a: f64[:], b: f64[:]) -> float:
    x, y = a, b
    x, y = y, x
    pair = (x, y)
    s = 0.0
    for v in pair[0]:
        s = s * 2.0 + v
    for v in pair[1]:
        s = s * 3.0 - v
    return s


# Targets are assigned left to right after the whole value: `a[i]` uses the
# new i.
@pyxc.native
def order_of_targets(a: i64[:], i: int) -> int:
    i, a[i] = 1, 5
    a[0], a[1] = a[1], a[0]
    return a[0] * 100 + a[1] * 10 + i


# An empty enumerate leaves its targets unbound (UnboundLocalError).
@pyxc.native
def unbound_after(a: i64[:]) -> int:
    for i, v in enumerate(a):
        pass
    return i + v


# Rows unpacked inside a zip target: a row of another length is a ValueError.
@pyxc.native
def zip_rows_unpack(m: f64[:, :], w: f64[:]) -> float:
    s = 0.0
    for (x, y), c in zip(m, w):
        s += x * c - y
    return s


@pyxc.native
def pair_of(a: f64[:]) -> tuple[f64[:], int]:
    return a, a.shape[0]


@pyxc.native
def unpack_call(a: f64[:]) -> float:
    b, n = pair_of(a)
    s = 0.0
    for k in range(n):
        s += b[k]
    return s


@pyxc.native
def tuple_augment(a: int, b: int) -> tuple[int, int]:
    t = (a, b)
    u = t
    t = (t[1], t[0] + t[1])
    return u[0] + t[0], t[1]


@pyxc.native
def ifexp_tuple(a: int, flag: bool) -> int:
    x, y = (a, 1) if flag else (2, a)
    return x * 10 + y


@pyxc.native
def mixed_compare(a: int, b: float) -> int:
    r = 0
    if (a, b) == (b, a):
        r += 1
    if (a, 1) < (a, 2.5):
        r += 2
    if (a, b, True) <= (a, b, 1):
        r += 4
    return r
