"""Typed lists (list[T]): creation, every method, indexing with IndexError,
iteration, membership, sorted/sort, reductions of lists and of generator
expressions, comprehensions, a list parameter (copied in) and list returns,
and reference semantics between locals and native callees."""
import math

import pyxc
from hypothesis import strategies as st
from pyxc import f64, i64

SMALL = (-1000, 1000)
# Sorting lists with NaN: CPython's order depends on Timsort's comparisons
# (docs/semantics.md, "Lists"); those inputs are left out of the sort tests.
NO_NAN = st.lists(st.floats(allow_nan=False), max_size=12)
PYXC_TEST_ARGS = {
    "build_halves": {"n": (0, 40)},
    "ops_on_ints": {"xs": SMALL, "v": SMALL},
    "pop_at": {"xs": SMALL, "i": (-15, 15)},
    "index_at": {"xs": SMALL, "i": (-15, 15)},
    "set_and_add": {"xs": SMALL, "i": (-15, 15), "v": SMALL},
    "insert_at": {"xs": SMALL, "i": (-20, 20), "v": SMALL},
    "sorted_floats": {"xs": NO_NAN},
    # A NaN is never `in` a native list; CPython finds the same NaN object
    # by identity (docs/semantics.md, "Lists").
    "membership": {"xs": NO_NAN, "v": (-1e300, 1e300)},
    "sort_in_place": {"xs": NO_NAN},
    "sorted_ints": {"xs": SMALL},
    "int_reductions": {"xs": SMALL},
    "position": {"xs": (-5, 5), "v": (-5, 5)},
    "slices": {"xs": SMALL, "a": (-15, 15), "b": (-15, 15)},
    "repeated": {"n": (-3, 30)},
    "range_list": {"a": (-20, 20), "b": (-20, 20), "s": [-3, -1, 1, 2, 5]},
    "squares_filtered": {"n": (0, 30)},
    "pairs": {"n": (0, 12), "m": (0, 12)},
    "dot_generator": {"n": (0, 30)},
    "aliasing": {"n": (0, 20)},
    "callee_appends": {"n": (0, 20)},
    "for_else_search": {"xs": SMALL, "v": SMALL},
    "grow_while_iterating": {"n": (0, 10)},
    "any_all": {"xs": SMALL, "t": SMALL},
    "truth_of_lists": {"xs": SMALL, "n": (-2, 15)},
}


@pyxc.native
def build_halves(n: int) -> list[f64]:
    xs = []
    for i in range(n):
        xs.append(i * 0.5)
    return xs


@pyxc.native
def annotated_empty(n: int) -> list[i64]:
    xs: list[i64] = []
    if n > 3:
        xs.append(n)
    return xs


@pyxc.native
def float_sum(xs: list[f64]) -> float:
    s = 0.0
    for x in xs:
        s += x
    return s + sum(xs)


@pyxc.native
def float_min_max(xs: list[f64]) -> tuple[f64, f64]:
    return min(xs), max(xs)


@pyxc.native
def membership(xs: list[f64], v: float) -> int:
    return xs.count(v) + (1 if v in xs else 0) + (10 if v not in xs else 0)


@pyxc.native
def ops_on_ints(xs: list[i64], v: int) -> list[i64]:
    xs.append(v)
    xs.extend([v, v + 1])
    xs.reverse()
    n = xs.pop()
    xs.append(n * 2)
    return xs


@pyxc.native
def pop_at(xs: list[i64], i: int) -> tuple[i64, i64]:
    v = xs.pop(i)
    return v, len(xs)


@pyxc.native
def pop_last(xs: list[i64]) -> int:
    return xs.pop()


@pyxc.native
def index_at(xs: list[i64], i: int) -> int:
    return xs[i] + xs[-1]


@pyxc.native
def set_and_add(xs: list[i64], i: int, v: int) -> list[i64]:
    xs[i] = v
    xs[i] += 3
    xs[0] *= 2
    return xs


@pyxc.native
def insert_at(xs: list[i64], i: int, v: int) -> list[i64]:
    xs.insert(i, v)
    return xs


@pyxc.native
def sorted_floats(xs: list[f64]) -> tuple[f64, f64]:
    ys = sorted(xs)
    zs = sorted(xs, reverse=True)
    if len(ys) == 0:
        return 0.0, 0.0
    return ys[0] - zs[-1], ys[len(ys) // 2]


@pyxc.native
def sort_in_place(xs: list[f64]) -> list[f64]:
    xs.sort(reverse=True)
    ys = xs.copy()
    ys.sort()
    ys.extend(xs)
    return ys


@pyxc.native
def sorted_ints(xs: list[i64]) -> list[i64]:
    return sorted(xs, reverse=len(xs) % 2 == 1)


@pyxc.native
def int_reductions(xs: list[i64]) -> tuple[i64, i64, i64]:
    return sum(xs), min(xs), max(xs)


@pyxc.native
def position(xs: list[i64], v: int) -> int:
    return xs.index(v) * 100 + xs.count(v)


@pyxc.native
def clear_then(xs: list[i64]) -> int:
    xs.clear()
    xs.append(4)
    return len(xs)


@pyxc.native
def slices(xs: list[i64], a: int, b: int) -> list[i64]:
    return xs[a:b] + xs[:a] + xs[b:] + xs[:]


@pyxc.native
def repeated(n: int) -> list[f64]:
    xs = [0.0] * n
    ys = n * [1]
    for i in range(len(ys)):
        xs[i] += ys[i] * i
    return xs


@pyxc.native
def range_list(a: int, b: int, s: int) -> list[i64]:
    return list(range(a, b, s)) + list(range(b))


@pyxc.native
def squares_filtered(n: int) -> list[i64]:
    return [i * i for i in range(n) if i % 3 != 1]


@pyxc.native
def pairs(n: int, m: int) -> list[i64]:
    return [i * 100 + j for i in range(n) for j in range(i, m) if (i + j) % 2 == 0]


@pyxc.native
def over_list(xs: list[f64]) -> list[f64]:
    return [x * 2 for x in xs if x > 0]


@pyxc.native
def doubled_array(a: f64[:]) -> list[f64]:
    return [a[i] * 2 for i in range(a.shape[0]) if a[i] > 0]


@pyxc.native
def dot_generator(n: int) -> float:
    a = [i * 0.25 for i in range(n)]
    b = [1.0 - i for i in range(n)]
    return sum(a[i] * b[i] for i in range(n))


@pyxc.native
def gen_min_max(xs: list[f64]) -> tuple[f64, f64]:
    return min(x * 2 for x in xs), max(abs(x) for x in xs if x == x)


@pyxc.native
def any_all(xs: list[i64], t: int) -> tuple[bool, bool, bool, bool]:
    return any(x > t for x in xs), all(x > t for x in xs), any([x == t for x in xs]), all(xs)


@pyxc.native
def aliasing(n: int) -> tuple[i64, i64]:
    a = [1, 2]
    b = a
    b.append(n)
    c = a[:]
    c.append(5)
    return len(a), sum(a)


@pyxc.native
def append_twice(xs: list[i64], v: int) -> None:
    xs.append(v)
    xs.append(v)


@pyxc.native
def callee_appends(n: int) -> list[i64]:
    xs = [n]
    append_twice(xs, n + 1)
    return xs


@pyxc.native
def for_else_search(xs: list[i64], v: int) -> int:
    for x in xs:
        if x == v:
            break
    else:
        return -1
    return v


@pyxc.native
def grow_while_iterating(n: int) -> int:
    xs = [n]
    count = 0
    for x in xs:
        count += 1
        if x > 0:
            xs.append(x - 1)
    return count


@pyxc.native
def bool_list(xs: list[bool]) -> list[bool]:
    ys = [not x for x in xs]
    ys.append(True)
    return ys


@pyxc.native
def math_in_comprehension(xs: list[f64]) -> float:
    return sum(math.fabs(x) for x in xs if not math.isnan(x))


@pyxc.native
def truth_of_lists(xs: list[i64], n: int) -> tuple[i64, i64]:
    # A list's truth value (not empty) in if/while/not/and/or and a ternary.
    popped = 0
    while xs and popped < n:
        xs.pop()
        popped += 1
    flag = 1 if xs else 0
    if not xs or n < 0:
        flag += 10
    return popped, flag
