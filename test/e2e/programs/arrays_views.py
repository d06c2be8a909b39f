"""Views: rows `m[i]`, slices `a[start:stop:step]` with drawn (and
omitted) bounds and steps, `m[:, j]`, 2-D blocks, views of views, views
passed to native functions taking `T[:]` (and `T[::1]` when contiguous),
`for x in a[::k]`, `for row in m`, `len`/`.shape`/`.ndim` of views, writes
through a view reaching the caller's array, and the errors: IndexError for
an integer index (NumPy's message, the original axis), ValueError for a
zero step, never an error for out-of-range slice bounds.
"""
import pyxc
from pyxc import f64, i64

SMALL = (-10**6, 10**6)
BOUND = (-9, 9)
STEP = (-4, 4)  # 0 included: ValueError("slice step cannot be zero") on both sides
PYXC_TEST_ARGS = {
    "slice_digest": {"a": SMALL, "start": BOUND, "stop": BOUND, "step": STEP},
    "slice_length": {"start": BOUND, "stop": BOUND, "step": STEP},
    "slice_omitted": {"a": SMALL, "start": BOUND, "stop": BOUND, "step": STEP},
    "slice_of_slice": {"a": SMALL, "s1": BOUND, "s2": STEP, "t1": BOUND, "t2": STEP},
    "fill_slice": {"a": SMALL, "start": BOUND, "stop": BOUND, "step": STEP, "v": SMALL},
    "row_digest": {"m": SMALL, "i": (-6, 6)},
    "row_dot": {"m": SMALL, "w": SMALL, "i": (-6, 6)},
    "row_write": {"m": SMALL, "i": (-6, 6), "j": (-6, 6), "v": SMALL},
    "chained_write": {"m": SMALL, "i": (-6, 6), "j": (-6, 6), "v": SMALL},
    "scale_row": {"m": SMALL, "i": (-6, 6), "k": (-3, 3)},
    "column_digest": {"m": SMALL, "j": (-6, 6)},
    "block_digest": {"m": SMALL, "r0": BOUND, "r1": BOUND, "c0": BOUND, "c1": BOUND, "cs": STEP},
    "block_shape": {"r0": BOUND, "r1": BOUND, "rs": STEP, "c0": BOUND},
    "index_then_step": {"m": SMALL, "i": (-6, 6), "step": STEP},
    "rows_loop": {"m": SMALL},
    "rows_total_via_helper": {"m": SMALL},
    "contiguous_rows": {"m": SMALL},
    "contiguous_middle": {"a": SMALL, "start": BOUND, "stop": BOUND},
    "reverse_into": {"a": SMALL},
    "native_array_view": {"n": (-1, 9), "step": STEP},
    "helper_digest": {"a": SMALL},
    "helper_digest_c": {"a": SMALL},
    "helper_scale": {"a": SMALL, "k": (-3, 3)},
    "scale_columns_via_helper": {"m": SMALL, "k": (-3, 3)},
}


@pyxc.native
def helper_digest(a: i64[:]) -> int:
    # Order-sensitive, so a wrong element order or stride shows.
    s = 0
    for i in range(len(a)):
        s = (s * 7 + int(a[i])) % 1000003
    return s


@pyxc.native
def helper_digest_c(a: i64[::1]) -> int:
    s = 0
    for i in range(len(a)):
        s = (s * 5 + int(a[i])) % 1000003
    return s


@pyxc.native
def helper_scale(a: i64[:], k: int) -> None:
    for i in range(len(a)):
        a[i] = a[i] * k


@pyxc.native
def slice_digest(a: i64[:], start: int, stop: int, step: int) -> int:
    s = 0
    for x in a[start:stop:step]:
        s = (s * 3 + int(x)) % 1000003
    return s


@pyxc.native
def slice_length(a: i64[:], start: int, stop: int, step: int) -> tuple[int, int, int]:
    v = a[start:stop:step]
    return len(v), v.shape[0], v.ndim


@pyxc.native
def slice_omitted(a: i64[:], start: int, stop: int, step: int) -> int:
    return (helper_digest(a[start:]) + 3 * helper_digest(a[:stop]) + 5 * helper_digest(a[::step])
            + 7 * helper_digest(a[start::step]) + 11 * helper_digest(a[:stop:step]) + 13 * helper_digest(a[:])
            + 17 * helper_digest(a[None:stop:None]))


@pyxc.native
def slice_of_slice(a: i64[:], s1: int, s2: int, t1: int, t2: int) -> int:
    inner = a[s1::s2]
    return helper_digest(inner[t1::t2]) + len(inner)


@pyxc.native
def fill_slice(a: i64[:], start: int, stop: int, step: int, v: int) -> int:
    view = a[start:stop:step]
    for i in range(len(view)):
        view[i] = v + i
    return len(view)


@pyxc.native
def row_digest(m: i64[:, :], i: int) -> int:
    return helper_digest(m[i])


@pyxc.native
def row_dot(m: i64[:, :], w: i64[:], i: int) -> int:
    row = m[i]
    total = 0
    for j in range(row.shape[0]):
        total += int(row[j]) * int(w[j])
    return total


@pyxc.native
def row_write(m: i64[:, :], i: int, j: int, v: int) -> None:
    row = m[i]
    row[j] = v


@pyxc.native
def chained_write(m: i64[:, :], i: int, j: int, v: int) -> int:
    m[i][j] = v
    m[i][j] += 1
    return int(m[i][j])


@pyxc.native
def scale_row(m: i64[:, :], i: int, k: int) -> None:
    helper_scale(m[i], k)


@pyxc.native
def column_digest(m: i64[:, :], j: int) -> int:
    return helper_digest(m[:, j])


@pyxc.native
def block_digest(m: i64[:, :], r0: int, r1: int, c0: int, c1: int, cs: int) -> int:
    b = m[r0:r1, c0:c1:cs]
    s = 0
    for i in range(b.shape[0]):
        s = (s * 11 + helper_digest(b[i])) % 1000003
    return s


@pyxc.native
def block_shape(m: f64[:, :], r0: int, r1: int, rs: int, c0: int) -> tuple[int, int, int]:
    b = m[r0:r1:rs, c0:]
    return b.shape[0], b.shape[1], b.ndim


@pyxc.native
def index_then_step(m: i64[:, :], i: int, step: int) -> int:
    return helper_digest(m[i, ::step])


@pyxc.native
def rows_loop(m: i64[:, :]) -> int:
    s = 0
    for row in m:
        for x in row[::-1]:
            s = (s * 3 + int(x)) % 1000003
    return s


@pyxc.native
def rows_total_via_helper(m: i64[:, :]) -> int:
    s = 0
    for i in range(m.shape[0]):
        s += helper_digest(m[i])
    return s


@pyxc.native
def contiguous_rows(m: i64[:, ::1]) -> int:
    s = 0
    for i in range(m.shape[0]):
        s = (s * 13 + helper_digest_c(m[i])) % 1000003
    return s


@pyxc.native
def contiguous_middle(a: i64[::1], start: int, stop: int) -> int:
    return helper_digest_c(a[start:stop]) + helper_digest_c(a[start:stop:1])


@pyxc.native
def reverse_into(a: i64[:]) -> None:
    # Reading a reversed view while writing the array itself.
    r = a[::-1]
    n = len(a)
    for i in range(n // 2):
        t = r[i]
        r[i] = a[i]
        a[i] = t


@pyxc.native
def native_array_view(n: int, step: int) -> int:
    b = pyxc.zeros(n, dtype=i64)
    v = b[::step]
    for i in range(len(v)):
        v[i] = i + 1
    s = 0
    for x in pyxc.zeros(n, dtype=i64)[1::2]:
        s += int(x) + 1
    return helper_digest(b) + s


@pyxc.native
def scale_columns_via_helper(m: i64[:, :], k: int) -> None:
    for j in range(m.shape[1]):
        helper_scale(m[:, j], k + j)
