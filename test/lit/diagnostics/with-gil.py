# `with pyxc.gil():` diagnostics: Python results escaping the block into
# untyped or non-number locals, Python objects used outside a block, other
# `with` forms, arrays passed to Python, `object` outside parameters. Each
# names the supported spelling. In plain Python functions and at module
# level `with pyxc.gil():` is an ordinary (no-op) context manager: no
# diagnostic (the last two definitions).
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc
from typing import Callable
from pyxc import f64, i64


def helper(x):
    return x * 2


@pyxc.native
def untyped_result(x: f64) -> f64:
    with pyxc.gil():
        y = helper(x)
    return y


@pyxc.native
def array_local(a: f64[::1]) -> f64:
    b = a
    with pyxc.gil():
        b = helper(1.0)
    return b[0]


@pyxc.native
def object_outside(cb: Callable[[f64], f64], x: f64) -> f64:
    return cb + x


@pyxc.native
def call_outside(x: f64) -> f64:
    return helper(x)


@pyxc.native
def print_outside(x: f64) -> None:
    print(x)


@pyxc.native
def callback_outside(cb: Callable[[f64], f64], x: f64) -> f64:
    return cb(x)


@pyxc.native
def other_context(x: f64) -> f64:
    with open("f"):
        pass
    return x


@pyxc.native
def with_as(x: f64) -> f64:
    with pyxc.gil() as g:
        pass
    return x


@pyxc.native
def two_managers(x: f64) -> f64:
    with pyxc.gil(), pyxc.gil():
        pass
    return x


@pyxc.native
def array_argument(a: f64[::1]) -> None:
    with pyxc.gil():
        helper(a)


@pyxc.native
def object_local(x: f64) -> f64:
    y: object = x
    return x


@pyxc.native
def object_return(x: f64) -> object:
    with pyxc.gil():
        r = helper(x)
    return r


@pyxc.native
def arithmetic_on_result(x: f64) -> f64:
    with pyxc.gil():
        y: f64 = helper(x) + 1.0
    return y


@pyxc.native
def result_escapes_block(x: f64) -> f64:
    with pyxc.gil():
        return helper(x)


@pyxc.native
def gil_with_args(x: f64) -> f64:
    with pyxc.gil(1):
        pass
    return x


def plain(x):
    with pyxc.gil():
        return helper(x)


with pyxc.gil():
    top = helper(1)

# CHECK: with-gil.py:20:13: error: the result of a Python call has no native type: annotate 'y' (y: f64 = ...) or convert the result with float(...), int(...) or bool(...) [type-mismatch]
# CHECK: with-gil.py:28:13: error: the result of a Python call can only be stored into a local of a number type, not 'b' of type f64[::1] [type-mismatch]
# CHECK: with-gil.py:34:12: error: the Python object 'cb' can only be used inside 'with pyxc.gil():' (outside it, only passed on to a native function) [python-call]
# CHECK: with-gil.py:34:12: error: unsupported operand type(s) for +: 'object' and 'float'; convert the Python result first with float(...), int(...) or bool(...), or store it into a typed local (y: f64 = f(x)) [type-mismatch]
# CHECK: with-gil.py:39:12: error: calling the Python function 'helper' from native code needs the GIL: wrap the call in 'with pyxc.gil():', or decorate 'helper' with @pyxc.native [python-call]
# CHECK: with-gil.py:13:5: note: 'helper' is defined here without @pyxc.native
# CHECK: with-gil.py:44:5: error: the builtin 'print' is not supported in native code; call it inside 'with pyxc.gil():' [unsupported-construct]
# CHECK: with-gil.py:49:12: error: calling the Python function 'cb' from native code needs the GIL: wrap the call in 'with pyxc.gil():' [python-call]
# CHECK: with-gil.py:54:10: error: a 'with' statement in native code only supports 'with pyxc.gil():' (calling Python with the GIL held) [unsupported-construct]
# CHECK: with-gil.py:61:5: error: 'with ... as ...' (only 'with pyxc.gil():' is supported in native code) is not supported in native code [unsupported-construct]
# CHECK: with-gil.py:68:5: error: a 'with' statement with several context managers (only 'with pyxc.gil():' is supported in native code) is not supported in native code [unsupported-construct]
# CHECK: with-gil.py:76:16: error: a value of type f64[::1] cannot be passed to a Python call yet; pass numbers, tuples of numbers, strings or objects [unsupported-construct]
# CHECK: with-gil.py:81:8: error: a Python object type ('object', 'Callable') is only supported for parameters; convert a Python call's result with float(...), int(...) or bool(...) [unsupported-type]
# CHECK: with-gil.py:86:30: error: a Python object type ('object', 'Callable') is only supported for parameters; convert a Python call's result with float(...), int(...) or bool(...) [unsupported-type]
# CHECK: with-gil.py:88:13: error: the result of a Python call has no native type: annotate 'r' (r: f64 = ...) or convert the result with float(...), int(...) or bool(...) [type-mismatch]
# CHECK: with-gil.py:95:18: error: unsupported operand type(s) for +: 'object' and 'float'; convert the Python result first with float(...), int(...) or bool(...), or store it into a typed local (y: f64 = f(x)) [type-mismatch]
# CHECK: with-gil.py:102:16: error: 'result_escapes_block' is declared to return float but this returns object; convert the Python result first with float(...), int(...) or bool(...), or store it into a typed local (y: f64 = f(x)) [return-type]
# CHECK: with-gil.py:100:37: note: return type declared here
# CHECK: with-gil.py:107:10: error: a 'with' statement in native code only supports 'with pyxc.gil():' (calling Python with the GIL held) [unsupported-construct]
