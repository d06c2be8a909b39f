"""Array views beyond the differential corpus: read-only buffers with
views that only read or also write, and a view of an argument reaching a
return to Python through a callee (test_array_views.py)."""
import pyxc
from pyxc import f64


@pyxc.native
def passthrough(a: f64[:]) -> f64[:]:
    return a


@pyxc.native
def row_back_to_python(m: f64[:, :], i: int) -> f64[:]:
    return passthrough(m[i])


@pyxc.native
def native_row_back_to_python(n: int, i: int) -> f64[:]:
    b = pyxc.zeros((n, n))
    b[i, 0] = 7.0
    return passthrough(b[i])


@pyxc.native
def read_rows(m: f64[:, :]) -> float:
    s = 0.0
    for row in m:
        inner = row[1:]
        for x in inner:
            s += x
    return s


@pyxc.native
def write_through_alias(m: f64[:, :]) -> None:
    row = m[0]
    tail = row[1:]
    tail[0] = 5.0


@pyxc.native
def fill(a: f64[:], v: float) -> None:
    for i in range(len(a)):
        a[i] = v


@pyxc.native
def write_through_callee(m: f64[:, :]) -> None:
    fill(m[:, 0], 1.0)


@pyxc.native
def write_in_row_loop(m: f64[:, :]) -> None:
    for row in m:
        row[0] = 2.0
