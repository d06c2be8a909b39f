# The math module and numeric builtins: what CPython refuses for a reason
# known at compile time is a diagnostic, and what pyxc does not compile is
# named with what to write instead.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import math
import pyxc
from pyxc import f64


@pyxc.native
def f(x: float, n: int, a: f64[:]) -> float:
    # CHECK: :[[@LINE+1]]:30: error: math.factorial() needs an integer here: 'float' object cannot be interpreted as an integer (write int(x) to truncate) [type-mismatch]
    s = 0.0 + math.factorial(x)
    # CHECK: :[[@LINE+1]]:24: error: Expected an int as second argument to ldexp. [type-mismatch]
    s += math.ldexp(x, 2.0)
    # CHECK: :[[@LINE+1]]:10: error: math.dist needs sequences of coordinates, which native code does not have; write math.hypot(p0 - q0, p1 - q1, ...) [unsupported-construct]
    s += math.dist(x, x)
    # CHECK: :[[@LINE+1]]:31: error: 'foo' is an invalid keyword argument for isclose() [bad-call]
    s += math.isclose(x, 1.0, foo=1.0)
    # CHECK: :[[@LINE+1]]:10: error: isclose() takes exactly 2 positional arguments (3 given) [bad-call]
    s += math.isclose(x, 1.0, 2.0)
    # CHECK: :[[@LINE+1]]:20: error: math.fsum() in native code takes a 1-D array, not float [unsupported-construct]
    s += math.fsum(x)
    # CHECK: :[[@LINE+1]]:16: error: could not convert string to float: 'abc' [bad-call]
    s += float("abc")
    # CHECK: :[[@LINE+1]]:10: error: pow() 3rd argument not allowed unless all arguments are integers [type-mismatch]
    s += pow(x, 2, 5)
    # CHECK: :[[@LINE+1]]:14: error: sum() in native code takes a 1-D array or a range(...), not float [unsupported-construct]
    s += sum(x)
    # CHECK: :[[@LINE+1]]:17: error: min() with 'key=' is not supported in native code [unsupported-construct]
    s += min(a, key=x)
    # CHECK: :[[@LINE+1]]:10: error: Cannot specify a default for max() with multiple positional arguments [bad-call]
    s += max(x, 1.0, default=0.0)
    # CHECK: :[[@LINE+1]]:14: error: min() of one argument in native code takes a 1-D array, not float; pass two or more numbers otherwise [unsupported-construct]
    s += min(x)
    # CHECK: :[[@LINE+1]]:10: error: divmod expected 2 arguments, got 1 [bad-call]
    s += divmod(n)[0]
    return s + math.gcd(n, 2)
