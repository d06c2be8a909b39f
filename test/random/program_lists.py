"""List locals and NumPy allocations of the generated programs (see
program_model.py): `list[int]` / `list[float]` locals built by displays,
`[c] * n` and comprehensions (over `range` and over 1-D array parameters,
with an `if` filter), appended to in loops, indexed in and out of range,
iterated, tested for truth and reduced by `len sum min max`; and local
arrays from `np.zeros(n)`, `np.full(n, v)`, `np.arange(a, b, s)` whose
elements the other statements then read and write like parameters'.

Lists and allocations are made at the top level of a function body only
(never in a branch or a loop), so every later use finds them bound; no
list is appended to while a `for` iterates it (the loop would not end).
"""
from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from program_model import Call, Lit, Node, Var, indent

LIST_ELEMENTS = ("i64", "f64")
LIST_ANNOTATION = {"i64": "list[int]", "f64": "list[float]"}
CONVERT = {"i64": "int", "f64": "float"}


# ---------------------------------------------------------------- expressions

@dataclass(frozen=True)
class ListLen(Node):
    type: str  # i64
    name: str

    def render(self, oracle: bool) -> str:
        return f"len({self.name})"


@dataclass(frozen=True)
class ListItem(Node):
    """`xs[i]`: CPython's IndexError when out of range, negative ones wrap."""
    type: str
    name: str
    index: Node

    def render(self, oracle: bool) -> str:
        return f"{self.name}[{self.index.render(oracle)}]"


@dataclass(frozen=True)
class ListReduce(Node):
    """`sum(xs)` / `min(xs)` / `max(xs)`; min/max of an empty list raise
    ValueError. An int sum is checked at every addition (pyxc's promise),
    so the oracle adds through `_sum_i64`; a float one is a float even
    when empty (CPython's is the int 0 then)."""
    type: str
    func: str
    name: str

    def render(self, oracle: bool) -> str:
        if oracle and self.func == "sum" and self.type == "i64":
            return f"_sum_i64({self.name})"
        if oracle and self.func == "sum":  # CPython's sum([]) is the int 0
            return f"float(sum({self.name}))"
        return f"{self.func}({self.name})"


@dataclass(frozen=True)
class ListTruth(Node):
    """`xs` as an `if` condition (only there: `xs and b` would be a list)."""
    type: str  # bool
    name: str
    negate: bool = False

    def render(self, oracle: bool) -> str:
        return f"(not {self.name})" if self.negate else self.name


# ----------------------------------------------------------------- statements

@dataclass(frozen=True)
class ListNew(Node):
    """`xs: list[T] = ...`, `form` one of
    display: `[e1, e2]` (values);
    repeat: `[e] * n` (values = (e,), count = n);
    range: `[item for var in range(count) if cond]`;
    array: `[item for var in source if cond]`, source a 1-D array parameter
    (the oracle iterates `source.tolist()`: Python scalars, not NumPy ones).
    `filters` holds the one `if` condition or nothing."""
    name: str
    element: str
    form: str
    values: tuple = ()
    count: Node = None
    var: str = ""
    source: str = ""
    item: Node = None
    filters: tuple = ()

    def lines(self, oracle: bool, temps) -> list[str]:
        head = self.name if oracle else f"{self.name}: {LIST_ANNOTATION[self.element]}"
        if self.form == "display":
            return [f"{head} = [{', '.join(v.render(oracle) for v in self.values)}]"]
        if self.form == "repeat":
            return [f"{head} = [{self.values[0].render(oracle)}] * {self.count.render(oracle)}"]
        if self.form == "range":
            iterable = f"range({self.count.render(oracle)})"
        else:
            iterable = f"{self.source}.tolist()" if oracle else self.source
        condition = "".join(f" if {f.render(oracle)}" for f in self.filters)
        return [f"{head} = [{self.item.render(oracle)} for {self.var} in {iterable}{condition}]"]


@dataclass(frozen=True)
class ListAppend(Node):
    name: str
    value: Node

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"{self.name}.append({self.value.render(oracle)})"]


@dataclass(frozen=True)
class ListStore(Node):
    """`xs[i] = v` (the value first, then the index check, as CPython)."""
    name: str
    index: Node
    value: Node

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"{self.name}[{self.index.render(oracle)}] = {self.value.render(oracle)}"]


@dataclass(frozen=True)
class ForList(Node):
    var: str
    name: str
    body: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"for {self.var} in {self.name}:"] + indent(self.body, oracle, temps)


@dataclass(frozen=True)
class ArrayNew(Node):
    """A local 1-D array: `np.zeros(n)`, `np.full(n, v)` (f64 or int64 by
    the fill value) or `np.arange(a, b, s)` (ints: step 0 raises
    ZeroDivisionError; floats from literals), NumPy's errors (negative
    dimensions: ValueError) on both sides."""
    name: str
    kind: str      # f64_1 / i64_1
    func: str      # zeros / full / arange
    args: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        return [f"{self.name} = np.{self.func}({', '.join(a.render(oracle) for a in self.args)})"]


# ----------------------------------------------------------------- strategies

def _clamped(inner, low: int, high: int):
    return Call("i64", "min", (Call("i64", "max", (inner, Lit("i64", low))), Lit("i64", high)))


def _small_count(draw, scope, low: int, high: int):
    """A small i64: a literal, or an expression clamped to [low, high]."""
    from program_strategies import expression
    if draw(st.booleans()):
        return Lit("i64", draw(st.integers(low, high)))
    return _clamped(expression(draw, scope, "i64", 1), low, high)


def list_index(draw, scope, depth: int):
    from program_strategies import small_int
    loop_vars = sorted(n for n, t in scope.readable.items() if t == "i64" and n.startswith("i"))
    kind = draw(st.sampled_from(["near", "near", "loop", "any"]))
    if kind == "loop" and loop_vars:
        return Var("i64", draw(st.sampled_from(loop_vars)))
    if kind == "any":
        return small_int(draw, scope, depth)
    return Lit("i64", draw(st.sampled_from([0, 0, 1, -1, 2, -2, 3, -4, 6])))


def list_expression_kinds(scope, type_: str) -> list:
    """The list leaves any_expression may pick for `type_`."""
    kinds = []
    if any(e == type_ for e in scope.lists.values()):
        kinds += ["listitem", "listreduce"]
    if type_ == "i64" and scope.lists:
        kinds.append("listlen")
    return kinds


def list_expression(draw, scope, kind: str, type_: str, depth: int):
    if kind == "listlen":
        return ListLen("i64", draw(st.sampled_from(sorted(scope.lists))))
    name = draw(st.sampled_from(sorted(n for n, e in scope.lists.items() if e == type_)))
    if kind == "listitem":
        return ListItem(type_, name, list_index(draw, scope, depth))
    return ListReduce(type_, draw(st.sampled_from(["sum", "min", "max"])), name)


def _comprehension_scope(scope):
    """Inside a comprehension (a function of its own in CPython): no local
    that may be unbound (CPython raises NameError there, not
    UnboundLocalError), and only leaf calls, as in loops."""
    inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1)
    inner.readable = {n: t for n, t in scope.readable.items() if not n.startswith("u")}
    return inner


def new_list(draw, scope, depth: int) -> ListNew:
    from program_model import ARRAY_KINDS
    from program_strategies import expression, range_bound
    element = draw(st.sampled_from(LIST_ELEMENTS))
    name = scope.fresh("l")
    sources = sorted(n for n, k in scope.arrays.items() if k in ("f64_1", "i64_1"))
    form = draw(st.sampled_from(["display", "repeat", "range", "range"] + (["array", "array"] if sources else [])))
    if form == "display":
        count = draw(st.integers(0, 4))
        node = ListNew(name, element, form, tuple(expression(draw, scope, element, depth) for _ in range(count)))
        if not count:  # `[]` is typed by its annotation
            node = ListNew(name, element, form)
    elif form == "repeat":
        node = ListNew(name, element, form, (expression(draw, scope, element, 1),),
                       _small_count(draw, scope, -2, 6))
    else:
        inner = _comprehension_scope(scope)
        if form == "range":
            var, source, count = scope.fresh("i"), "", range_bound(draw, scope)
            inner.readable[var] = "i64"
        else:
            var, source, count = scope.fresh("x"), draw(st.sampled_from(sources)), None
            inner.readable[var] = ARRAY_KINDS[scope.arrays[source]][0]
        filters = (expression(draw, inner, "bool", 2),) if draw(st.booleans()) else ()
        node = ListNew(name, element, form, (), count, var, source, expression(draw, inner, element, depth), filters)
    scope.lists[name] = element
    return node


def new_array(draw, scope, depth: int) -> ArrayNew:
    from program_strategies import expression
    func = draw(st.sampled_from(["zeros", "full", "full", "arange", "arange"]))
    name = scope.fresh("z")
    if func == "zeros":
        node = ArrayNew(name, "f64_1", func, (_small_count(draw, scope, -2, 6),))
    elif func == "full":
        element = draw(st.sampled_from(LIST_ELEMENTS))
        node = ArrayNew(name, f"{element}_1", func,
                        (_small_count(draw, scope, -2, 6), expression(draw, scope, element, depth)))
    elif draw(st.booleans()):
        node = ArrayNew(name, "i64_1", func, (_small_count(draw, scope, -6, 6), _small_count(draw, scope, -6, 6),
                                              _small_count(draw, scope, -3, 3)))
    else:  # float bounds and steps from literals: lengths stay small
        ends = [-2.5, 0.0, 0.5, 1.0, 3.25]
        node = ArrayNew(name, "f64_1", func, (Lit("f64", draw(st.sampled_from(ends))),
                                              Lit("f64", draw(st.sampled_from(ends))),
                                              Lit("f64", draw(st.sampled_from([0.5, -0.75, 1.5, 0.0, 2.0])))))
    scope.arrays[name] = node.kind
    return node


def list_statement_kinds(scope, depth: int) -> list:
    kinds = []
    if depth == 2 and not scope.in_loop:
        kinds += ["newlist", "newlist", "newarray"]
    if scope.lists:
        kinds += ["ifList", "liststore"]
        if any(n not in scope.iterating for n in scope.lists):
            kinds += ["append", "append"] if scope.in_loop else ["append"]
        if depth > 0 and scope.loop_depth < 2:
            kinds.append("forlist")
    return kinds


def list_statement(draw, scope, kind: str, depth: int):
    from program_model import If
    from program_strategies import expression, statements
    expr_depth = draw(st.integers(0, 2))
    if kind == "newlist":
        return new_list(draw, scope, expr_depth)
    if kind == "newarray":
        return new_array(draw, scope, expr_depth)
    if kind == "append":
        name = draw(st.sampled_from(sorted(n for n in scope.lists if n not in scope.iterating)))
        return ListAppend(name, expression(draw, scope, scope.lists[name], expr_depth))
    name = draw(st.sampled_from(sorted(scope.lists)))
    if kind == "liststore":
        return ListStore(name, list_index(draw, scope, 1), expression(draw, scope, scope.lists[name], expr_depth))
    if kind == "ifList":
        body = statements(draw, scope.inner(), max(depth - 1, 0), 2)
        orelse = statements(draw, scope.inner(), max(depth - 1, 0), 2) if draw(st.booleans()) else ()
        return If(ListTruth("bool", name, draw(st.booleans())), body, orelse)
    # forlist: nothing in the body appends to the list iterated
    var = scope.fresh("x")
    inner = scope.inner(in_loop=True, loop_depth=scope.loop_depth + 1, iterating=scope.iterating + (name,))
    inner.readable[var] = scope.lists[name]
    return ForList(var, name, statements(draw, inner, depth - 1, 3))
