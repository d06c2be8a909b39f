# Both array annotation spellings parse, and give the same Subscript/Slice
# trees (only the Name vs Attribute qualifier differs).
# RUN: %pyxc emit --dump-ast %s | %FileCheck %s
import pyxc
from pyxc import f64, i64


def bare(a: f64[:, ::1]) -> f64[:]:
    x: f64[:] = a[0]
    return x
# CHECK:      FunctionDef bare @8:1 lines=8..10
# CHECK-NEXT:   param a positional @8:10
# CHECK-NEXT:     annotation: Subscript @8:13
# CHECK-NEXT:       Name f64 @8:13
# CHECK-NEXT:       Slice @8:17
# CHECK-NEXT:       Slice @8:20
# CHECK-NEXT:         step: IntLit 1 @8:22
# CHECK-NEXT:   returns: Subscript @8:29
# CHECK-NEXT:     Name f64 @8:29
# CHECK-NEXT:     Slice @8:33
# CHECK:          AnnAssign @9:5
# CHECK-NEXT:       target: Name x @9:5
# CHECK-NEXT:       annotation: Subscript @9:8


def qualified(m: pyxc.f64[:, :, ::1]) -> tuple[f64, i64]:
    pass
# CHECK:      FunctionDef qualified @26:1 lines=26..27
# CHECK-NEXT:   param m positional @26:15
# CHECK-NEXT:     annotation: Subscript @26:18
# CHECK-NEXT:       Attribute .f64 @26:18
# CHECK-NEXT:         Name pyxc @26:18
# CHECK-NEXT:       Slice @26:27
# CHECK-NEXT:       Slice @26:30
# CHECK-NEXT:       Slice @26:33
# CHECK-NEXT:         step: IntLit 1 @26:35
# CHECK-NEXT:   returns: Subscript @26:42
# CHECK-NEXT:     Name tuple @26:42
# CHECK-NEXT:     Name f64 @26:48
# CHECK-NEXT:     Name i64 @26:53
