# Views (rows, slices) are fine as locals and arguments; what stays a
# compile error says what to do instead.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
from __future__ import annotations

import pyxc
from pyxc import f64, i64


@pyxc.native
def contiguous_only(a: f64[::1]) -> float:
    return a[0]


@pyxc.native
def fine(m: f64[:, ::1], a: f64[:], i: int) -> float:
    row = m[i]
    block = m[1:3]
    return contiguous_only(row) + contiguous_only(block[0]) + a[1:][0]


@pyxc.native
def returns_row(m: f64[:, :], i: int) -> f64[:]:
    # CHECK: :[[@LINE+1]]:12: error: returning a view (f64[:]: a row, a slice, or a local holding one) is not supported: it borrows the buffer of the call's argument, which is released when the call returns; copy it into pyxc.empty(...) in a loop and return that [unsupported-construct]
    return m[i]


@pyxc.native
def returns_local_view(a: f64[:], flip: bool):
    inner = a[1:-1]
    alias = inner
    if flip:
        # CHECK: :[[@LINE+1]]:16: error: returning a view (f64[:]: a row, a slice, or a local holding one) is not supported
        return alias
    # CHECK: :[[@LINE+1]]:12: error: returning a view (f64[:]: a row, a slice, or a local holding one) is not supported
    return a[::2]


@pyxc.native
def fancy(a: f64[:], mask: bool[:], x: float) -> float:
    # CHECK: :[[@LINE+1]]:11: error: fancy indexing (a list display as an index) is not supported in native code; index f64[:] with integers and slices, or write a loop [unsupported-construct]
    s = a[[1, 2]][0]
    # CHECK: :[[@LINE+1]]:11: error: indexing with an array (bool[:]: fancy or boolean-mask indexing) is not supported in native code; index with integers and slices, or write a loop [unsupported-construct]
    t = a[mask][0]
    # CHECK: :[[@LINE+1]]:11: error: slice start must be an integer or omitted, not float; convert it with int(...) [type-mismatch]
    u = a[x:][0]
    # CHECK: :[[@LINE+1]]:13: error: slice step must be an integer or omitted, not float; convert it with int(...) [type-mismatch]
    w = a[::2.0][0]
    # CHECK: :[[@LINE+1]]:11: error: '...' in an index is not supported in native code; write every axis out (a[i, :, :]) [unsupported-construct]
    y = a[...][0]
    return s + t + u + w + y


@pyxc.native
def whole_row_store(m: f64[:, :], i: int) -> None:
    # CHECK: :[[@LINE+1]]:5: error: assigning to a sub-array (f64[:], a row or a slice) is not supported in native code; assign its elements in a loop [unsupported-construct]
    m[i] = 0.0
    # CHECK: :[[@LINE+1]]:5: error: assigning to a sub-array (f64[:], a row or a slice) is not supported in native code; assign its elements in a loop [unsupported-construct]
    m[:, i] += 1.0


@pyxc.native
def not_contiguous(m: f64[:, ::1], j: int) -> float:
    # CHECK: :[[@LINE+2]]:28: error: argument 'a' of contiguous_only() must be f64[::1], not f64[:] [type-mismatch]
    # CHECK: :[[@LINE+1]]:28: note: this view is not provably C-contiguous (only integers, then one slice of step 1, then whole axes are); declare the parameter with ':'
    return contiguous_only(m[:, j])
