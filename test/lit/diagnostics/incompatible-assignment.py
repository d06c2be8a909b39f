# A local has one type: numbers widen, other kinds clash (both places named);
# declared types (parameters, annotations) never narrow.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(n: int) -> None:
    s = 0
    s = 0.5  # fine: s is a float
    t = 1
    # CHECK: :[[@LINE+2]]:9: error: 't' is assigned a value of type tuple[int, int] here but a value of type int elsewhere; a local has one type [incompatible-assignment]
    # CHECK: :[[@LINE-2]]:9: note: 't' gets type int here
    t = 1, 2
    # CHECK: :[[@LINE+2]]:9: error: cannot assign a value of type float to 'n', declared as int [incompatible-assignment]
    # CHECK: :8:10: note: parameter 'n' is declared here
    n = s
