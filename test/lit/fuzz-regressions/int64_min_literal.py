# -9223372036854775808 passes the checker (the one literal whose digits
# alone overflow an i64), so the emitter must spell it too; it used to emit
# `#error ... the checker should have rejected it` and fail in g++ (exit 3
# from `pyxc build` on a module `pyxc check` accepted).
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc
from pyxc import i64


@pyxc.native
def smallest() -> i64:
    return -9223372036854775808
# CHECK-NOT: #error
# CHECK-LABEL: function bodies
# CHECK-LABEL: static int64_t smallest__impl(
# CHECK: return std::numeric_limits<int64_t>::min();


@pyxc.native
def divided(d: int) -> int:
    low: i64 = -9223372036854775808
    return low // d + -9223372036854775808 % d
# CHECK-LABEL: static int64_t divided__impl(
# CHECK: std::numeric_limits<int64_t>::min()
