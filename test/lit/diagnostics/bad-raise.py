# Native code raises builtin exceptions with at most a string-literal message.
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def f(n: int) -> None:
    if n < 0:
        raise ValueError("negative")  # fine
    if n == 0:
        # CHECK: :[[@LINE+1]]:26: error: the message of ValueError(...) must be a string literal in native code [bad-raise]
        raise ValueError(n)
    if n == 1:
        # CHECK: :[[@LINE+1]]:15: error: raising 'Exception' is not supported in native code; raise a builtin exception: ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, OverflowError, ArithmeticError, RuntimeError, NotImplementedError or AssertionError [bad-raise]
        raise Exception("x")
    if n == 2:
        # CHECK: :[[@LINE+1]]:9: error: a bare 'raise' is not supported in native code; raise a specific exception, e.g. raise ValueError("...") [bad-raise]
        raise
