"""Shrinking a failing function (structure first, then its inputs).

A batch module holds up to 50 functions; when one of them disagrees, this
reduces that function alone. Each round makes every one-step smaller
variant of the current function (delete a statement, replace an `if` by
one of its branches, replace an expression by a same-typed subexpression
or a literal), puts all of them in ONE module with the callees they need,
builds it once, and keeps the smallest variant that still disagrees on the
failing inputs. Then the inputs are simplified the same way (scalars to 0,
1, ... arrays shorter and C-ordered), with no more builds.
"""
from __future__ import annotations

from dataclasses import replace

from differential import BuildFailed, OracleBroken, compare_call, fresh_stem, Unpromised
from program_model import SCALAR_TYPES, Function, If, Lit, Module, Node, well_typed, with_child
from program_strategies import called_names
from random_inputs import ArrayValue

MAX_CANDIDATES = 60
MAX_ROUNDS = 40
SIMPLE_LITERAL = {"i64": [0, 1], "i32": [0, 1], "u8": [0, 1], "f64": [0.0, 1.0], "f32": [0.0, 1.0],
                  "bool": [False, True]}


def _nodes(node, parent=None):
    yield node, parent
    for child in node.children():
        yield from _nodes(child, node)


def _is_expression(node) -> bool:
    return hasattr(node, "type") and not hasattr(node, "lines") and node.type in SCALAR_TYPES


def _replace_in(root, path_parent, old, new):
    """`root` with `old` (a child of `path_parent`) replaced by `new` (a node,
    a list of nodes to splice into a statement tuple, or None to delete)."""
    if root is old:
        return new
    if root is path_parent:
        return with_child(root, old, new)
    for child in root.children():
        rebuilt = _replace_in(child, path_parent, old, new)
        if rebuilt is not child:
            return with_child(root, child, rebuilt)
    return root


def variants(function: Function):
    """One-step simplifications of `function`, smallest change first."""
    final = function.body[-1]
    for node, parent in _nodes(function):
        if parent is None:
            continue
        if hasattr(node, "lines") and node is not final:
            yield _replace_in(function, parent, node, None)
            if isinstance(node, If):
                yield _replace_in(function, parent, node, list(node.body))
                if node.orelse:
                    yield _replace_in(function, parent, node, list(node.orelse))
        if _is_expression(node) and not isinstance(node, Lit):
            for child in node.children():
                if _is_expression(child) and child.type == node.type:
                    yield _replace_in(function, parent, node, child)
            for value in SIMPLE_LITERAL[node.type]:
                yield _replace_in(function, parent, node, Lit(node.type, value))
        elif isinstance(node, Lit) and node.value not in SIMPLE_LITERAL[node.type]:
            yield _replace_in(function, parent, node, Lit(node.type, SIMPLE_LITERAL[node.type][0]))


def _with_callees_fixed(function: Function, name: str) -> Function:
    called = tuple(sorted(set().union(*(called_names(s) for s in function.body))))
    return replace(function, name=name, callees=called)


def _splice(function: Function) -> Function:
    """with_child leaves a list where an If was replaced by its branch."""
    def fix(node):
        if not isinstance(node, Node):
            return node
        changes = {}
        for field_name in node.__dataclass_fields__:
            value = getattr(node, field_name)
            if isinstance(value, tuple):
                flat = []
                for item in value:
                    if isinstance(item, list):
                        flat.extend(fix(i) for i in item)
                    else:
                        flat.append(fix(item))
                changes[field_name] = tuple(flat)
            elif isinstance(value, Node):
                changes[field_name] = fix(value)
        return replace(node, **changes)
    return fix(function)


class Reducer:
    def __init__(self, backend, oracle_loader, work_dir, log=print):
        self.backend = backend
        self.oracle_loader = oracle_loader
        self.work_dir = work_dir
        self.log = log
        self.builds = 0

    def still_fails(self, module: Module, names: list, values: tuple) -> dict:
        """name -> difference, for the functions of `module` named in
        `names` that still disagree on `values`."""
        stem = fresh_stem("reduce")
        try:
            compiled = self.backend.load(module, self.work_dir, stem)
        except BuildFailed:
            if len(names) == 1:
                return {}
            half = len(names) // 2
            return {**self.still_fails(_only(module, names[:half]), names[:half], values),
                    **self.still_fails(_only(module, names[half:]), names[half:], values)}
        finally:
            self.builds += 1
        oracle = self.oracle_loader(module, self.work_dir, stem)
        out = {}
        for name in names:
            try:
                why = compare_call(getattr(compiled, name), getattr(oracle, name), values)
            except OracleBroken:
                # The step left a name without its definition (e.g. removed a
                # local's only assignment): not a smaller program, skip it.
                continue
            if why is not None and why is not Unpromised:
                out[name] = why
        return out

    def reduce(self, module: Module, name: str, values: tuple, why: str):
        current = module.function(name)
        for _ in range(MAX_ROUNDS):
            seen, candidates = set(), []
            for variant in variants(current):
                variant = _splice(variant)
                key = variant.source(False)
                if key in seen or variant.size() >= current.size() or not well_typed(variant):
                    continue
                seen.add(key)
                candidates.append(variant)
            candidates.sort(key=Function.size)
            candidates = candidates[:MAX_CANDIDATES]
            if not candidates:
                break
            renamed = [_with_callees_fixed(c, f"c{i}") for i, c in enumerate(candidates)]
            batch = _module_with(module, renamed)
            failing = self.still_fails(batch, [c.name for c in renamed], values)
            if not failing:
                break
            best = min((c for c in renamed if c.name in failing), key=Function.size)
            why = failing[best.name]
            current = best
        current = _with_callees_fixed(current, name)
        minimal = _module_with(module, [current])
        values, why = self.reduce_inputs(minimal, name, values, why)
        return minimal, values, why

    def reduce_inputs(self, module: Module, name: str, values: tuple, why: str):
        stem = fresh_stem("inputs")
        compiled = self.backend.load(module, self.work_dir, stem)
        oracle = self.oracle_loader(module, self.work_dir, stem)
        function = module.function(name)

        def fails(candidate):
            result = compare_call(getattr(compiled, name), getattr(oracle, name), candidate)
            return None if result is Unpromised else result

        changed = True
        while changed:
            changed = False
            for index, (value, param) in enumerate(zip(values, function.params)):
                for simpler in _simpler_values(value, param.type):
                    candidate = values[:index] + (simpler,) + values[index + 1:]
                    result = fails(candidate)
                    if result is not None:
                        values, why, changed = candidate, result, True
                        break
        return values, why


def _simpler_values(value, type_):
    if isinstance(value, ArrayValue):
        if value.layout != "c":
            yield replace(value, layout="c")
        if len(value.shape) == 1 and value.shape[0] > 0:
            yield replace(value, shape=(value.shape[0] - 1,), values=value.values[:-1])
            yield replace(value, shape=(value.shape[0] - 1,), values=value.values[1:])
        simple = 0.0 if value.dtype.startswith("float") else 0
        for index, element in enumerate(value.values):
            if element != simple or (isinstance(element, float) and str(element) == "-0.0"):
                yield replace(value, values=value.values[:index] + (simple,) + value.values[index + 1:])
        return
    simples = SIMPLE_LITERAL.get(type_, [])
    texts = [repr(s) for s in simples]
    # Only values earlier in the list than the current one, so this ends.
    stop = texts.index(repr(value)) if repr(value) in texts else len(simples)
    yield from simples[:stop]


def _module_with(module: Module, functions: list) -> Module:
    """The callees the `functions` need (from `module`) followed by them."""
    needed = set()
    for function in functions:
        for callee in function.callees:
            needed |= {f.name for f in module.closure(callee).functions}
    kept = tuple(f for f in module.functions if f.name in needed)
    return Module(kept + tuple(functions))


def _only(module: Module, names: list) -> Module:
    wanted = [f for f in module.functions if f.name in names]
    return _module_with(Module(tuple(f for f in module.functions if f.name not in names)), wanted)
