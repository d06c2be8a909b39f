# Constructs pyxc does not model parse into described Unsupported nodes (the
# checker reports them only inside native functions); no syntax error.
# RUN: %pyxc emit --dump-ast %s | %FileCheck %s


def f(xs):
    ys = {x * 2 for x in xs}
    with open("p") as fh:
        pass
    g = lambda: 1
    return f"{ys}"
# CHECK:      FunctionDef f @6:1 lines=6..11
# CHECK:          value: Unsupported "a set comprehension" @7:10
# CHECK-NEXT:   Unsupported "'with ... as ...' (only 'with pyxc.gil():' is supported in native code)" @8:5
# CHECK:          value: Unsupported "a lambda" @10:9
# CHECK:        Return @11:5
# CHECK-NEXT:     Unsupported "an f-string" @11:12


class C:
    pass
# CHECK:      Unsupported "a class definition" @20:1
# CHECK:      binding C class @20:7
