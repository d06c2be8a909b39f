# A list whose element type nothing decides asks for an annotation (reported
# once the module has no other errors).
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def never_appended(n: int) -> int:
    # CHECK: :[[@LINE+1]]:10: error: cannot infer the element type of the list 'xs': nothing is appended to it; annotate it, e.g. xs: list[float] = [] [unbound-local]
    xs = []
    return len(xs)
