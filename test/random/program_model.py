"""A typed description of a generated module, rendered two ways.

Every expression node knows its static type (the type pyxc gives it), so the
same description renders as

* the *native* source: an ordinary pyxc module, compiled by `pyxc build`;
* the *oracle* source: the same program for plain CPython, where each
  operation whose native meaning is documented to differ from Python's
  (docs/semantics.md: fixed-width ints raise OverflowError, f32 rounds,
  `int ** -n` raises ValueError, array elements are Python scalars, not
  NumPy ones) calls a helper from `oracle_runtime` that gives CPython's
  answer under pyxc's rules. Everything else is left to CPython, in
  CPython's evaluation order, so the first error raised is CPython's.

The generator only builds programs whose operands have matching types
(no implicit joins), so the static type of every node is simple to state.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

INT_TYPES = ("i64", "i32", "u8")
FLOAT_TYPES = ("f64", "f32")
SCALAR_TYPES = INT_TYPES + FLOAT_TYPES + ("bool",)
ANNOTATION = {"i64": "int", "i32": "i32", "u8": "u8", "f64": "float", "f32": "f32", "bool": "bool"}
# Array parameter kinds: element type, number of axes, fused name or None.
ARRAY_KINDS = {
    "f64_1": ("f64", 1, None), "i64_1": ("i64", 1, None),
    "f64_2": ("f64", 2, None), "i64_2": ("i64", 2, None),
    "floating_1": ("f64", 1, "FF"), "integral_1": ("i64", 1, "FI"),
}
ARRAY_ANNOTATION = {"f64_1": "f64[:]", "i64_1": "i64[:]", "f64_2": "f64[:, :]", "i64_2": "i64[:, :]",
                    "floating_1": "FF[:]", "integral_1": "FI[:]"}


def float_literal(value: float) -> str:
    if math.isnan(value):
        return "math.nan"
    if math.isinf(value):
        return "math.inf" if value > 0 else "(-math.inf)"
    if value == 0.0 and math.copysign(1.0, value) < 0:
        return "(-0.0)"
    text = repr(value)
    return f"({text})" if value < 0 else text


def int_literal(value: int) -> str:
    if value == -2**63:
        return "(-9223372036854775807 - 1)"
    return f"({value})" if value < 0 else str(value)


class Node:
    def children(self) -> list:
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Node):
                out.append(value)
            elif isinstance(value, tuple):
                out.extend(v for v in value if isinstance(v, Node))
        return out

    def size(self) -> int:
        return 1 + sum(child.size() for child in self.children())


# ---------------------------------------------------------------- expressions

@dataclass(frozen=True)
class Lit(Node):
    type: str
    value: object

    def render(self, oracle: bool) -> str:
        if self.type == "bool":
            return repr(bool(self.value))
        if self.type in INT_TYPES:
            return int_literal(self.value)
        return float_literal(self.value)


@dataclass(frozen=True)
class Var(Node):
    type: str
    name: str

    def render(self, oracle: bool) -> str:
        return self.name


@dataclass(frozen=True)
class Bin(Node):
    type: str          # result type
    op: str
    left: Node
    right: Node

    def render(self, oracle: bool) -> str:
        a, b = self.left.render(oracle), self.right.render(oracle)
        if not oracle:
            return f"({a} {self.op} {b})"
        operand = self.left.type
        if self.op == "**":
            return f"_pow_{operand}({a}, {b})"
        if self.op == "/" and operand in INT_TYPES:
            return f"_int_truediv({a}, {b})"
        if operand in INT_TYPES:
            return f"_ck_{operand}({a} {self.op} {b})"
        if operand == "f32":
            return f"_f32({a} {self.op} {b})"
        return f"({a} {self.op} {b})"


@dataclass(frozen=True)
class Neg(Node):
    type: str
    operand: Node

    def render(self, oracle: bool) -> str:
        a = self.operand.render(oracle)
        if oracle and self.type in INT_TYPES:
            return f"_ck_{self.type}(-{a})"
        return f"(-{a})"


@dataclass(frozen=True)
class Not(Node):
    type: str  # always bool
    operand: Node

    def render(self, oracle: bool) -> str:
        return f"(not {self.operand.render(oracle)})"


@dataclass(frozen=True)
class Compare(Node):
    type: str  # bool
    ops: tuple          # of str
    operands: tuple     # of Node, len(ops) + 1

    def render(self, oracle: bool) -> str:
        parts = [self.operands[0].render(oracle)]
        for op, operand in zip(self.ops, self.operands[1:]):
            parts += [op, operand.render(oracle)]
        return "(" + " ".join(parts) + ")"

    def children(self) -> list:
        return list(self.operands)


@dataclass(frozen=True)
class BoolOp(Node):
    type: str
    op: str             # and / or
    values: tuple

    def render(self, oracle: bool) -> str:
        return "(" + f" {self.op} ".join(v.render(oracle) for v in self.values) + ")"


@dataclass(frozen=True)
class IfExp(Node):
    type: str
    cond: Node
    then: Node
    orelse: Node

    def render(self, oracle: bool) -> str:
        return f"({self.then.render(oracle)} if {self.cond.render(oracle)} else {self.orelse.render(oracle)})"


# Builtins and math functions: name -> (oracle template or None for "same").
ORACLE_CALL = {
    "int_of_f64": "_ck_i64(int({0}))",
    "round": "_ck_i64(round({0}))",
    "math.floor": "_ck_i64(math.floor({0}))",
    "math.ceil": "_ck_i64(math.ceil({0}))",
    "f32": "_f32({0})",
}
NATIVE_CALL = {"int_of_f64": "int({0})", "int_of_int": "int({0})"}


@dataclass(frozen=True)
class Call(Node):
    """A builtin (`abs min max int float round bool`), a `math` function, a
    cast (`f32(x)`) or a call of another generated native function."""
    type: str
    func: str
    args: tuple
    native_callee: bool = False

    def render(self, oracle: bool) -> str:
        args = [a.render(oracle) for a in self.args]
        if self.native_callee:
            return f"{self.func}({', '.join(args)})"
        if oracle and self.func in ORACLE_CALL:
            return ORACLE_CALL[self.func].format(*args)
        if oracle and self.func == "abs" and self.type in INT_TYPES:
            return f"_ck_{self.type}(abs({args[0]}))"
        if self.func in NATIVE_CALL:
            return NATIVE_CALL[self.func].format(*args)
        return f"{self.func}({', '.join(args)})"


@dataclass(frozen=True)
class Index(Node):
    """An element read `a[i]` / `a[i, j]`; fused arrays are read through
    `float()` / `int()` so the expression's type does not depend on the
    specialization."""
    type: str
    array: str
    kind: str
    indices: tuple

    def render(self, oracle: bool) -> str:
        text = f"{self.array}[{', '.join(i.render(oracle) for i in self.indices)}]"
        fused = ARRAY_KINDS[self.kind][2] is not None
        if oracle or fused:
            return f"{'float' if self.type == 'f64' else 'int'}({text})"
        return text


@dataclass(frozen=True)
class Length(Node):
    type: str  # i64
    array: str
    axis: int   # -1: len(a)

    def render(self, oracle: bool) -> str:
        return f"len({self.array})" if self.axis < 0 else f"{self.array}.shape[{self.axis}]"


@dataclass(frozen=True)
class ArrayArg(Node):
    """An array passed on to a native callee."""
    type: str  # the array kind
    name: str

    def render(self, oracle: bool) -> str:
        return self.name


# ----------------------------------------------------------------- statements

@dataclass(frozen=True)
class Assign(Node):
    name: str
    type: str
    value: Node
    op: str = ""   # "" or an augmented operator such as "+"

    def lines(self, oracle: bool, temps) -> list[str]:
        value = self.value.render(oracle)
        if not self.op:
            return [f"{self.name} = {value}"]
        if not oracle:
            return [f"{self.name} {self.op}= {value}"]
        combined = Bin(self.type, self.op, Var(self.type, self.name), self.value)
        return [f"{self.name} = {combined.render(True)}"]


@dataclass(frozen=True)
class Swap(Node):
    """`a, b = b, a` (tuple assignment) of two locals of one type."""
    first: str
    second: str

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"{self.first}, {self.second} = {self.second}, {self.first}"]


@dataclass(frozen=True)
class Store(Node):
    array: str
    kind: str
    indices: tuple
    value: Node
    op: str = ""

    def lines(self, oracle: bool, temps) -> list[str]:
        element = ARRAY_KINDS[self.kind][0]
        if not oracle or not self.op:
            target = f"{self.array}[{', '.join(i.render(oracle) for i in self.indices)}]"
            return [f"{target} {self.op}= {self.value.render(oracle)}"]
        # Python: the indices, then the element read (its index check), then
        # the value, then the store.
        key = temps.new("key")
        old = temps.new("old")
        lines = [f"{key} = ({', '.join(i.render(True) for i in self.indices)},)",
                 f"{old} = {'float' if element == 'f64' else 'int'}({self.array}[{key}])"]
        combined = Bin(element, self.op, Var(element, old), self.value)
        return lines + [f"{self.array}[{key}] = {combined.render(True)}"]


@dataclass(frozen=True)
class If(Node):
    cond: Node
    body: tuple
    orelse: tuple = ()

    def lines(self, oracle: bool, temps) -> list[str]:
        out = [f"if {self.cond.render(oracle)}:"] + indent(self.body, oracle, temps)
        orelse = self.orelse
        while len(orelse) == 1 and isinstance(orelse[0], If):
            out += [f"elif {orelse[0].cond.render(oracle)}:"] + indent(orelse[0].body, oracle, temps)
            orelse = orelse[0].orelse
        if orelse:
            out += ["else:"] + indent(orelse, oracle, temps)
        return out


@dataclass(frozen=True)
class While(Node):
    """`while counter < limit and cond:` with the counter stepped first in
    the body, so every while loop terminates (also after `continue`)."""
    counter: str
    limit: int
    cond: Node
    body: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        return ([f"{self.counter} = 0", f"while {self.counter} < {self.limit} and {self.cond.render(oracle)}:",
                 f"    {self.counter} += 1"] + indent(self.body, oracle, temps))


@dataclass(frozen=True)
class ForRange(Node):
    var: str
    args: tuple   # 1 to 3 int expressions, each bounded (see strategies)
    body: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        args = ", ".join(a.render(oracle) for a in self.args)
        return [f"for {self.var} in range({args}):"] + indent(self.body, oracle, temps)


@dataclass(frozen=True)
class ForArray(Node):
    var: str
    array: str
    kind: str
    body: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        element = ARRAY_KINDS[self.kind][0]
        fused = ARRAY_KINDS[self.kind][2] is not None
        convert = "float" if element == "f64" else "int"
        if not oracle and not fused:
            return [f"for {self.var} in {self.array}:"] + indent(self.body, oracle, temps)
        item = temps.new("item")
        return ([f"for {item} in {self.array}:", f"    {self.var} = {convert}({item})"]
                + indent(self.body, oracle, temps))


@dataclass(frozen=True)
class Jump(Node):
    word: str   # break / continue / pass

    def lines(self, oracle: bool, temps) -> list[str]:
        return [self.word]


@dataclass(frozen=True)
class Return(Node):
    value: Node

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"return {self.value.render(oracle)}"]


@dataclass(frozen=True)
class Raise(Node):
    exception: str
    message: str

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"raise {self.exception}({self.message!r})"]


@dataclass(frozen=True)
class Assert(Node):
    cond: Node
    message: str

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"assert {self.cond.render(oracle)}, {self.message!r}"]


@dataclass(frozen=True)
class ExprStatement(Node):
    value: Node

    def lines(self, oracle: bool, temps) -> list[str]:
        return [self.value.render(oracle)]


class Temps:
    def __init__(self):
        self.count = 0

    def new(self, stem: str) -> str:
        self.count += 1
        return f"_{stem}{self.count}"


def indent(body: tuple, oracle: bool, temps) -> list[str]:
    lines = []
    for statement in body or (Jump("pass"),):
        lines += ["    " + line for line in statement.lines(oracle, temps)]
    return lines


# ------------------------------------------------------------ functions, module

@dataclass(frozen=True)
class Param:
    name: str
    type: str      # a scalar type or an array kind

    @property
    def is_array(self) -> bool:
        return self.type in ARRAY_KINDS


@dataclass(frozen=True)
class Function(Node):
    name: str
    params: tuple                  # of Param
    returns: str
    locals: tuple                  # of (name, type, initial Lit)
    body: tuple                    # ends with a Return
    callees: tuple = ()            # names of generated functions it calls
    call_depth: int = 0            # 0: calls none; else 1 + its callees' deepest

    def children(self) -> list:
        return list(self.body)

    def source(self, oracle: bool) -> str:
        params = ", ".join(f"{p.name}: {ARRAY_ANNOTATION.get(p.type) or ANNOTATION[p.type]}"
                           for p in self.params)
        head = [] if oracle else ["@pyxc.native"]
        head.append(f"def {self.name}({params}) -> {ANNOTATION[self.returns]}:")
        lines = []
        if oracle:
            lines += [f"_ck_{p.type}({p.name})" for p in self.params if p.type in INT_TYPES]
        for name, type_, initial in self.locals:
            lines.append(f"{name}: {ANNOTATION[type_]} = {initial.render(oracle)}")
        temps = Temps()
        for statement in self.body:
            lines += statement.lines(oracle, temps)
        return "\n".join(head + ["    " + line for line in lines]) + "\n"

    def uses_fused(self) -> bool:
        return any(p.is_array and ARRAY_KINDS[p.type][2] for p in self.params)


NATIVE_HEADER = '''\
from __future__ import annotations
import math
import numpy as np
import pyxc
from pyxc import f32, f64, i32, i64, u8

FF = pyxc.fused("FF", f32, f64)
FI = pyxc.fused("FI", i32, i64)
'''
ORACLE_HEADER = '''\
from __future__ import annotations
import math
import numpy as np
import pyxc
from pyxc import f32, f64, i32, i64, u8
from oracle_runtime import *  # noqa: F401,F403

FF = pyxc.fused("FF", f32, f64)
FI = pyxc.fused("FI", i32, i64)
'''


@dataclass(frozen=True)
class Module:
    functions: tuple = field(default_factory=tuple)

    def source(self, oracle: bool) -> str:
        header = ORACLE_HEADER if oracle else NATIVE_HEADER
        return header + "".join("\n\n" + f.source(oracle) for f in self.functions)

    def function(self, name: str) -> Function:
        return next(f for f in self.functions if f.name == name)

    def closure(self, name: str) -> "Module":
        """The module holding `name` and the functions it calls, directly
        or not, in definition order."""
        wanted, stack = set(), [name]
        while stack:
            current = stack.pop()
            if current not in wanted:
                wanted.add(current)
                stack.extend(self.function(current).callees)
        return Module(tuple(f for f in self.functions if f.name in wanted))


# Types a literal does not have on its own: an operation of only literals is
# an `int` / `float` one for pyxc (weak literals, NEP 50), so every operation
# of these types must have an operand of the type that is not a literal.
WEAK_TYPES = ("u8", "i32", "f32")


def anchored(node) -> bool:
    """Whether pyxc gives `node` its described type (see WEAK_TYPES)."""
    if isinstance(node, Lit):
        return False
    if isinstance(node, (Var, Index)) or (isinstance(node, Call) and (node.native_callee or node.func == "f32")):
        return True
    return any(anchored(c) for c in node.children() if getattr(c, "type", None) == node.type)


def well_typed(node) -> bool:
    if (getattr(node, "type", None) in WEAK_TYPES and not hasattr(node, "lines")
            and not isinstance(node, Lit) and not anchored(node)):
        return False
    return all(well_typed(child) for child in node.children())


def with_child(node, old_child, new_child):
    """`node` with its direct child `old_child` (by identity) replaced."""
    changes = {}
    for f in fields(node):
        value = getattr(node, f.name)
        if value is old_child:
            changes[f.name] = new_child
        elif isinstance(value, tuple) and any(v is old_child for v in value):
            items = [new_child if v is old_child else v for v in value]
            changes[f.name] = tuple(v for v in items if v is not None)
    return replace(node, **changes)
