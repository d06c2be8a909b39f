# Constructs outside pyxc's subset are named, with what to do instead.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(xs: int) -> int:
    # CHECK: :[[@LINE+1]]:10: error: a set display is not supported in native code [unsupported-construct]
    ys = {xs, xs}
    # CHECK: :[[@LINE+1]]:5: error: a 'try' statement is not supported in native code [unsupported-construct]
    try:
        pass
    except ValueError:
        pass
    # CHECK: :[[@LINE+1]]:9: error: nested function definitions are not supported in native code; define 'g' at module level [unsupported-construct]
    def g():
        pass
    # CHECK: :[[@LINE+1]]:12: error: strings are only supported as the message of 'raise' or 'assert' in native code [unsupported-construct]
    return "no"
