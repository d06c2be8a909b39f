"""Hypothesis strategies for random modules in pyxc's language subset.

`modules()` draws a Module: functions built one after another, each able to
call the earlier ones (so calls are acyclic), with typed expressions whose
operands always have the same static type, so the static type of every
node is exact and pyxc must accept every program. Hypothesis shrinks the
drawn choices, so a smaller failing description is always one draw away.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from program_model import (ARRAY_KINDS, FLOAT_TYPES, INT_TYPES, SCALAR_TYPES, Assert, Assign, Bin,
                           BoolOp, Call, Compare, ArrayArg, ExprStatement, ForArray, ForRange, Function,
                           If, IfExp, Index, Jump, Length, Lit, Module, Neg, Not, Param, Raise, Return,
                           Store, Swap, Var, While, WEAK_TYPES, anchored)
from program_tuples import ForZip, Unpack
from program_lists import list_expression, list_expression_kinds, list_statement, list_statement_kinds

F64_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.5, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
             1.7976931348623157e308, 1e16, 9007199254740993.0, 9.2233720368547758e18, -9.2233720368547758e18,
             float("inf"), float("-inf"), float("nan"), 0.1, 3.0, 10.0, -7.25]
F32_EXACT = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -1.5, 0.25, 3.0, 10.0, -7.25, 1024.0, 1.5e-45 * 0 + 1.401298464324817e-45,
             3.4028234663852886e38, float("inf"), float("-inf"), float("nan")]
INT_EDGES = {
    "i64": [0, 1, -1, 2, -2, 3, -7, 7, 10, 2**31 - 1, -2**31, 2**32, 3037000499, 3037000500, -3037000500,
            2**62, 2**63 - 1, -2**63, -2**63 + 1],
    "i32": [0, 1, -1, 2, -2, 3, -7, 7, 10, 46340, 46341, 2**31 - 1, -2**31, -2**31 + 1],
    "u8": [0, 1, 2, 3, 7, 10, 15, 16, 127, 128, 254, 255],
}
INT_RANGE = {"i64": (-2**63, 2**63 - 1), "i32": (-2**31, 2**31 - 1), "u8": (0, 255)}


def f32_values():
    return st.one_of(st.sampled_from(F32_EXACT), st.floats(width=32))


def f64_values():
    return st.one_of(st.sampled_from(F64_EDGES), st.floats(), st.integers(-10, 10).map(float),
                     st.floats(-100, 100))


def int_values(type_: str, small: bool = False):
    low, high = INT_RANGE[type_]
    if small:
        return st.integers(max(low, -8), min(high, 8))
    small = st.integers(max(low, -20), min(high, 20))
    # Mostly small, so most calls compute on instead of overflowing at once.
    return st.one_of(st.sampled_from(INT_EDGES[type_]), st.integers(low, high), small, small, small)


def scalar_values(type_: str):
    if type_ == "bool":
        return st.booleans()
    if type_ == "f64":
        return f64_values()
    if type_ == "f32":
        return f32_values()
    return int_values(type_)


@dataclass
class Scope:
    """What a statement or expression at one place may use."""
    readable: dict                    # name -> scalar type
    writable: dict                    # locals: name -> scalar type
    arrays: dict                      # name -> array kind
    callees: tuple                    # earlier Functions (non-fused)
    names: list = field(default_factory=lambda: [0])
    in_loop: bool = False
    loop_depth: int = 0
    returns: str = "i64"
    lists: dict = field(default_factory=dict)   # list locals: name -> element type
    iterating: tuple = ()             # lists a `for` encloses (no appends to them)

    def usable_callees(self) -> list:
        # Inside loops only leaf functions, so the work of a call stays
        # bounded however the calls nest.
        return [f for f in self.callees if not self.in_loop or f.call_depth == 0]

    def fresh(self, stem: str) -> str:
        self.names[0] += 1
        return f"{stem}{self.names[0]}"

    def inner(self, **changes) -> "Scope":
        scope = Scope(dict(self.readable), self.writable, self.arrays, self.callees, self.names,
                      self.in_loop, self.loop_depth, self.returns, self.lists, self.iterating)
        for key, value in changes.items():
            setattr(scope, key, value)
        return scope


def literal(draw, type_: str) -> Lit:
    if type_ == "bool":
        return Lit("bool", draw(st.booleans()))
    if type_ == "f64":
        return Lit("f64", draw(st.sampled_from(F64_EDGES)))
    if type_ == "f32":
        # Literals next to an f32 are f32 ("weak"); exact ones keep the
        # oracle simple.
        return Lit("f32", draw(st.sampled_from(F32_EXACT[:12])))
    low, high = INT_RANGE[type_]
    if type_ != "i64":
        low += 1  # `-2147483648` is unary minus of a literal i32 cannot hold
    return Lit(type_, draw(st.one_of(st.integers(max(low, -10), min(high, 10)),
                                     st.sampled_from([v for v in INT_EDGES[type_] if low <= v]))))


ARITH = {"i64": ["+", "-", "*", "//", "%", "**"], "i32": ["+", "-", "*", "//", "%"],
         "u8": ["+", "-", "*", "//", "%"], "f64": ["+", "-", "*", "/", "//", "%", "**"],
         "f32": ["+", "-", "*", "/"]}
MATH_UNARY = ["math.sqrt", "math.exp", "math.log", "math.log2", "math.log10", "math.sin", "math.cos",
              "math.tan", "math.asin", "math.acos", "math.atan", "math.fabs"]
MATH_BINARY = ["math.atan2", "math.hypot", "math.copysign", "math.pow", "math.fmod", "math.remainder"]


def expression(draw, scope: Scope, type_: str, depth: int) -> "Node":
    """An expression of static type `type_`."""
    node = any_expression(draw, scope, type_, depth)
    if type_ in WEAK_TYPES and not isinstance(node, Lit) and not anchored(node):
        return anchor(draw, scope, type_)
    return node


def anchor(draw, scope: Scope, type_: str):
    """A leaf of type `type_` that is not a literal, when there is one."""
    names = sorted(n for n, t in scope.readable.items() if t == type_)
    if names:
        return Var(type_, draw(st.sampled_from(names)))
    if type_ == "f32":
        return Call("f32", "f32", (literal(draw, "f64"),))
    return literal(draw, type_)


def any_expression(draw, scope: Scope, type_: str, depth: int) -> "Node":
    leaves = ["literal"]
    if any(t == type_ for t in scope.readable.values()):
        leaves += ["var", "var"]
    element_arrays = [n for n, k in scope.arrays.items() if ARRAY_KINDS[k][0] == type_]
    if element_arrays:
        leaves.append("index")
    if type_ == "i64" and scope.arrays:
        leaves.append("length")
    leaves += list_expression_kinds(scope, type_)
    choices = list(leaves)
    if depth > 0:
        choices += ["unary", "binary", "binary", "ifexp", "call"]
        if type_ == "bool":
            choices += ["compare", "compare", "boolop", "not", "predicate"]
        elif type_ in INT_TYPES or type_ == "f64":
            choices.append("boolop")
        if any(f.returns == type_ for f in scope.usable_callees()):
            choices.append("native")
    kind = draw(st.sampled_from(choices))
    sub = depth - 1
    if kind == "literal":
        return literal(draw, type_)
    if kind.startswith("list"):
        return list_expression(draw, scope, kind, type_, sub)
    if kind == "var":
        return Var(type_, draw(st.sampled_from(sorted(n for n, t in scope.readable.items() if t == type_))))
    if kind == "index":
        name = draw(st.sampled_from(sorted(element_arrays)))
        return Index(type_, name, scope.arrays[name], index_tuple(draw, scope, name, sub))
    if kind == "length":
        name = draw(st.sampled_from(sorted(scope.arrays)))
        ndim = ARRAY_KINDS[scope.arrays[name]][1]
        return Length("i64", name, draw(st.integers(-1, ndim - 1)))
    if kind == "ifexp":
        return IfExp(type_, expression(draw, scope, "bool", sub), expression(draw, scope, type_, sub),
                     expression(draw, scope, type_, sub))
    if kind == "boolop":
        count = draw(st.integers(2, 3))
        return BoolOp(type_, draw(st.sampled_from(["and", "or"])),
                      tuple(expression(draw, scope, type_, sub) for _ in range(count)))
    if kind == "not":
        return Not("bool", expression(draw, scope, draw(st.sampled_from(SCALAR_TYPES)), sub))
    if kind == "compare":
        operand = draw(st.sampled_from(SCALAR_TYPES))
        ops = ["==", "!="] if operand == "bool" else ["<", "<=", ">", ">=", "==", "!="]
        count = draw(st.integers(1, 2))
        return Compare("bool", tuple(draw(st.sampled_from(ops)) for _ in range(count)),
                       tuple(expression(draw, scope, operand, sub) for _ in range(count + 1)))
    if kind == "predicate":
        func = draw(st.sampled_from(["math.isnan", "math.isinf", "math.isfinite", "bool"]))
        operand = "f64" if func != "bool" else draw(st.sampled_from(SCALAR_TYPES))
        return Call("bool", func, (expression(draw, scope, operand, sub),))
    if kind == "unary":
        if type_ in ("bool", "u8"):
            return Not("bool", expression(draw, scope, "bool", sub)) if type_ == "bool" else \
                Call(type_, "abs", (expression(draw, scope, type_, sub),))
        return Neg(type_, expression(draw, scope, type_, sub))
    if kind == "binary":
        if type_ == "bool":
            op = draw(st.sampled_from(["&", "|", "^"]))
            return Bin("bool", op, expression(draw, scope, "bool", sub), expression(draw, scope, "bool", sub))
        if type_ == "f64" and draw(st.integers(0, 4)) == 0:
            # int / int is a float
            operand = draw(st.sampled_from(INT_TYPES))
            return Bin("f64", "/", expression(draw, scope, operand, sub), expression(draw, scope, operand, sub))
        op = draw(st.sampled_from(ARITH[type_]))
        left = expression(draw, scope, type_, sub)
        if op == "**" and type_ == "i64":
            right = small_int(draw, scope, sub)
        else:
            right = expression(draw, scope, type_, sub)
        return Bin(type_, op, left, right)
    if kind == "native":
        callee = draw(st.sampled_from([f for f in scope.usable_callees() if f.returns == type_]))
        return call_of(draw, scope, callee, sub)
    # kind == "call": builtins and math by result type
    return builtin_call(draw, scope, type_, sub)


def builtin_call(draw, scope: Scope, type_: str, depth: int):
    if type_ == "f64":
        choice = draw(st.sampled_from(["unary", "binary", "hypot3", "float", "minmax", "abs"]))
        if choice == "hypot3":  # math.hypot of any number of coordinates
            return Call("f64", "math.hypot", tuple(expression(draw, scope, "f64", depth) for _ in range(3)))
        if choice == "unary":
            return Call("f64", draw(st.sampled_from(MATH_UNARY)), (expression(draw, scope, "f64", depth),))
        if choice == "binary":
            return Call("f64", draw(st.sampled_from(MATH_BINARY)),
                        (expression(draw, scope, "f64", depth), expression(draw, scope, "f64", depth)))
        if choice == "float":
            source = draw(st.sampled_from(INT_TYPES + ("f32",)))
            return Call("f64", "float", (expression(draw, scope, source, depth),))
    elif type_ in INT_TYPES:
        choices = ["minmax", "abs"]
        if type_ == "i64":
            choices += ["int_of_f64", "round", "math.floor", "math.ceil", "int_of_int"]
        choice = draw(st.sampled_from(choices))
        if choice in ("int_of_f64", "round", "math.floor", "math.ceil"):
            return Call("i64", choice, (expression(draw, scope, "f64", depth),))
        if choice == "int_of_int":
            return Call("i64", "int_of_int", (expression(draw, scope, draw(st.sampled_from(INT_TYPES)), depth),))
    elif type_ == "f32":
        choice = draw(st.sampled_from(["minmax", "abs", "cast"]))
        if choice == "cast":
            return Call("f32", "f32", (expression(draw, scope, "f64", depth),))
    else:
        return Call("bool", "bool", (expression(draw, scope, draw(st.sampled_from(SCALAR_TYPES)), depth),))
    if choice == "abs":
        return Call(type_, "abs", (expression(draw, scope, type_, depth),))
    count = draw(st.integers(2, 3))
    return Call(type_, draw(st.sampled_from(["min", "max"])),
                tuple(expression(draw, scope, type_, depth) for _ in range(count)))


def small_int(draw, scope: Scope, depth: int):
    """An i64 expression that is usually small: exponents, indices, range
    bounds."""
    kind = draw(st.sampled_from(["literal", "literal", "clamped", "any"]))
    if kind == "literal":
        return Lit("i64", draw(st.integers(-3, 8)))
    inner = expression(draw, scope, "i64", max(depth, 0))
    if kind == "any":
        return inner
    return Call("i64", "min", (Call("i64", "max", (inner, Lit("i64", -4))), Lit("i64", 9)))


def index_tuple(draw, scope: Scope, name: str, depth: int) -> tuple:
    ndim = ARRAY_KINDS[scope.arrays[name]][1]
    loop_vars = sorted(n for n, t in scope.readable.items() if t == "i64" and n.startswith("i"))
    out = []
    for _ in range(ndim):
        kind = draw(st.sampled_from(["loop", "loop", "near", "near", "any"]))
        if kind == "loop" and loop_vars:
            out.append(Var("i64", draw(st.sampled_from(loop_vars))))
        elif kind == "any":
            out.append(small_int(draw, scope, depth))
        else:  # usually in range, negative ones wrapping
            out.append(Lit("i64", draw(st.sampled_from([0, 0, 1, -1, 2, -2]))))
    return tuple(out)


def call_of(draw, scope: Scope, callee: Function, depth: int) -> Call:
    args = []
    for param in callee.params:
        if param.is_array:
            same = sorted(n for n, k in scope.arrays.items() if k == param.type)
            args.append(ArrayArg(param.type, draw(st.sampled_from(same))))
        else:
            args.append(expression(draw, scope, param.type, depth))
    return Call(callee.returns, callee.name, tuple(args), native_callee=True)


def callable_from(scope_arrays: dict, callee: Function) -> bool:
    kinds = set(scope_arrays.values())
    return not callee.uses_fused() and all(p.type in kinds for p in callee.params if p.is_array)


def statements(draw, scope: Scope, depth: int, count_max: int) -> tuple:
    count = draw(st.integers(0 if depth < 2 else 1, count_max))
    return tuple(statement(draw, scope, depth) for _ in range(count))


def statement(draw, scope: Scope, depth: int):
    choices = ["assign", "assign", "augassign"]
    if scope.writable:
        choices.append("assign")
    if depth > 0:
        choices += ["if", "if", "for", "while"]
        if scope.loop_depth < 2 and any(ARRAY_KINDS[k][1] == 1 for k in scope.arrays.values()):
            choices += ["forarray", "forzip"]
    if scope.in_loop:
        choices += ["break", "continue"]
    writable_arrays = [n for n, k in scope.arrays.items() if ARRAY_KINDS[k][2] is None]
    if writable_arrays:
        choices += ["store", "store"]
    choices.append("guarded")
    pairs = [(a, b) for a in sorted(scope.writable) for b in sorted(scope.writable)
             if a < b and scope.writable[a] == scope.writable[b]]
    if pairs:
        choices.append("swap")
    if len(scope.writable) >= 2:
        choices.append("unpack")
    if depth == 2 and not scope.in_loop:
        choices.append("late")
    if scope.usable_callees():
        choices.append("callstmt")
    list_kinds = list_statement_kinds(scope, depth)
    choices += list_kinds
    kind = draw(st.sampled_from(choices))
    if kind in list_kinds:
        return list_statement(draw, scope, kind, depth)
    if kind == "guarded":  # raising statements are rarer, so most calls get further
        kind = draw(st.sampled_from(["return", "return", "raise", "assert"]))
    expr_depth = draw(st.integers(0, 3))
    if kind in ("assign", "augassign"):
        name = draw(st.sampled_from(sorted(scope.writable)))
        type_ = scope.writable[name]
        op = ""
        if kind == "augassign" and type_ != "bool":
            op = draw(st.sampled_from([o for o in ARITH[type_] if o != "**"]))
        return Assign(name, type_, expression(draw, scope, type_, expr_depth), op)
    if kind == "store":
        name = draw(st.sampled_from(sorted(writable_arrays)))
        element = ARRAY_KINDS[scope.arrays[name]][0]
        op = draw(st.sampled_from(["", "", "+", "-", "*"]))
        return Store(name, scope.arrays[name], index_tuple(draw, scope, name, 1),
                     expression(draw, scope, element, expr_depth), op)
    if kind == "if":
        cond = expression(draw, scope, draw(st.sampled_from(["bool", "bool", "bool", "i64", "f64"])), expr_depth)
        body = statements(draw, scope.inner(), depth - 1, 3)
        orelse = ()
        if draw(st.booleans()):
            orelse = statements(draw, scope.inner(), depth - 1, 2)
        return If(cond, body, orelse)
    if kind == "for":
        var = scope.fresh("i")
        count = draw(st.integers(1, 3))
        args = tuple(range_bound(draw, scope) for _ in range(count))
        if count == 3:
            args = args[:2] + (Lit("i64", draw(st.sampled_from([1, 2, 3, -1, -2, -3]))),)
        inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1)
        inner.readable[var] = "i64"
        return ForRange(var, args, statements(draw, inner, depth - 1, 4))
    if kind == "forarray":
        name = draw(st.sampled_from(sorted(n for n, k in scope.arrays.items() if ARRAY_KINDS[k][1] == 1)))
        var = scope.fresh("x")
        inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1)
        inner.readable[var] = ARRAY_KINDS[scope.arrays[name]][0]
        return ForArray(var, name, scope.arrays[name], statements(draw, inner, depth - 1, 4))
    if kind == "while":
        counter = scope.fresh("w")
        inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1)
        return While(counter, draw(st.integers(0, 12)), expression(draw, scope, "bool", expr_depth),
                     statements(draw, inner, depth - 1, 4))
    if kind == "swap":
        return Swap(*draw(st.sampled_from(pairs)))
    if kind == "unpack":
        return unpack(draw, scope, expr_depth)
    if kind == "forzip":
        return for_zip(draw, scope, depth)
    if kind == "late":
        # A local assigned on one path only: reading it later raises
        # UnboundLocalError where the path was not taken. Unannotated,
        # so only types a literal has on its own.
        type_ = draw(st.sampled_from(["i64", "f64", "bool"]))
        name = scope.fresh("u")
        assign = If(expression(draw, scope, "bool", expr_depth), (Assign(name, type_, expression(draw, scope, type_, 2)),))
        scope.readable[name] = type_
        return assign
    if kind in ("break", "continue"):
        return If(expression(draw, scope, "bool", expr_depth), (Jump(kind),))
    if kind == "return":
        return If(expression(draw, scope, "bool", expr_depth), (Return(expression(draw, scope, scope.returns, 2)),))
    if kind == "raise":
        exception = draw(st.sampled_from(["ValueError", "IndexError", "RuntimeError", "ZeroDivisionError"]))
        return If(expression(draw, scope, "bool", expr_depth), (Raise(exception, f"raised {scope.fresh('r')}"),))
    if kind == "assert":
        return Assert(expression(draw, scope, "bool", expr_depth), f"assert {scope.fresh('a')}")
    callee = draw(st.sampled_from(scope.usable_callees()))
    return ExprStatement(call_of(draw, scope, callee, 1))


def unpack(draw, scope: Scope, depth: int) -> Unpack:
    """`a, b = e1, e2`, directly or through a tuple local."""
    count = draw(st.integers(2, min(3, len(scope.writable))))
    names = tuple(draw(st.permutations(sorted(scope.writable)))[:count])
    types = tuple(scope.writable[n] for n in names)
    values = tuple(expression(draw, scope, t, depth) for t in types)
    via = draw(st.sampled_from(["", "", "tuple", "indexed"]))
    # A literal of a weak type is an int/float element in a tuple local (its
    # type is the literal's own), so only a direct assignment converts it.
    if any(isinstance(v, Lit) and v.type in WEAK_TYPES for v in values):
        via = ""
    if via == "indexed" and len(set(types)) > 1:
        via = "tuple"
    # pyxc bug (reported): in a tuple display stored in a local, a later
    # element's evaluation-order temporaries (`t = (0.0 / p, a[0] // a[1])`
    # computes a[0] first) are emitted before the earlier elements, so a
    # later element's error wins. Until fixed, only leaves after the first.
    if via and any(v.size() > 2 for v in values[1:]):
        via = ""
    return Unpack(names, types, values, via, scope.fresh("t") if via else "")


def for_zip(draw, scope: Scope, depth: int) -> ForZip:
    """enumerate/zip/reversed over 1-D array parameters."""
    one_d = sorted(n for n, k in scope.arrays.items() if ARRAY_KINDS[k][1] == 1)
    arrays = tuple(draw(st.lists(st.sampled_from(one_d), min_size=1, max_size=3)))
    reversed_ = tuple(draw(st.booleans()) for _ in arrays)
    counted = len(arrays) == 1 or draw(st.booleans())
    index = scope.fresh("i") if counted else ""
    start = draw(st.sampled_from([0, 0, 1, -2, 3])) if counted else 0
    inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1)
    if index:
        inner.readable[index] = "i64"
    names = []
    for name in arrays:
        var = scope.fresh("x")
        inner.readable[var] = ARRAY_KINDS[scope.arrays[name]][0]
        names.append(var)
    return ForZip(index, start, tuple(names), arrays, tuple(scope.arrays[a] for a in arrays), reversed_,
                  statements(draw, inner, depth - 1, 4))


def range_bound(draw, scope: Scope):
    kind = draw(st.sampled_from(["literal", "literal", "length", "length", "clamped"]))
    if kind == "length" and scope.arrays:
        name = draw(st.sampled_from(sorted(scope.arrays)))
        return Length("i64", name, -1)
    if kind == "clamped":
        inner = expression(draw, scope, "i64", 1)
        return Call("i64", "min", (Call("i64", "max", (inner, Lit("i64", -10))), Lit("i64", 10)))
    return Lit("i64", draw(st.integers(-6, 10)))


def called_names(node) -> set:
    out = set()
    if isinstance(node, Call) and node.native_callee:
        out.add(node.func)
    for child in node.children():
        out |= called_names(child)
    return out


@st.composite
def function(draw, name: str, earlier: tuple) -> Function:
    param_count = draw(st.integers(0, 4))
    params, arrays = [], {}
    fused_ok = True
    for index in range(param_count):
        if draw(st.integers(0, 2)) == 0:
            kinds = [k for k in ARRAY_KINDS if fused_ok or ARRAY_KINDS[k][2] is None]
            kind = draw(st.sampled_from(kinds))
            if ARRAY_KINDS[kind][2]:
                fused_ok = False  # one fused name per function keeps specializations few
            params.append(Param(f"a{index}", kind))
            arrays[f"a{index}"] = kind
        else:
            params.append(Param(f"p{index}", draw(st.sampled_from(SCALAR_TYPES))))
    returns = draw(st.sampled_from(SCALAR_TYPES))
    local_types = draw(st.lists(st.sampled_from(SCALAR_TYPES), min_size=1, max_size=4))
    locals_ = tuple((f"v{i}", t, literal(draw, t)) for i, t in enumerate(local_types))
    readable = {p.name: p.type for p in params if not p.is_array}
    readable.update({n: t for n, t, _ in locals_})
    callees = tuple(f for f in earlier if callable_from(arrays, f) and f.call_depth < 2)
    scope = Scope(readable, {n: t for n, t, _ in locals_}, arrays, callees, returns=returns)
    body = statements(draw, scope, 2, 5) + (Return(expression(draw, scope, returns, 3)),)
    called = sorted(set().union(*(called_names(s) for s in body)))
    depth = 1 + max((f.call_depth for f in earlier if f.name in called), default=-1)
    return Function(name, tuple(params), returns, locals_, body, tuple(called), depth)


@st.composite
def modules(draw, min_functions: int = 1, max_functions: int = 30) -> Module:
    count = draw(st.integers(min_functions, max_functions))
    functions = []
    for index in range(count):
        functions.append(draw(function(f"fn{index}", tuple(functions[-8:]))))
    return Module(tuple(functions))
