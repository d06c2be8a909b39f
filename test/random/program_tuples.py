"""Tuple statements of the generated programs (see program_model.py):
packing/unpacking assignments and enumerate/zip/reversed loops over 1-D
array parameters. Each renders as the native source and as the oracle
source, as the statements in program_model do."""
from __future__ import annotations

from dataclasses import dataclass

from program_model import ARRAY_KINDS, Node, indent


@dataclass(frozen=True)
class Unpack(Node):
    """Tuple packing and unpacking: `a, b = e1, e2` (every value first, then
    the targets left to right), or through a tuple local `t = (e1, e2)`
    then `a, b = t` / `a, b = t[1], t[0]` (`via`: "", "tuple", "indexed")."""
    names: tuple     # target locals
    types: tuple     # their types, also the values' types
    values: tuple    # of Node
    via: str = ""
    temp: str = ""   # the tuple local's name

    def lines(self, oracle: bool, temps) -> list[str]:
        targets = ", ".join(self.names)
        values = [v.render(oracle) for v in self.values]
        if not self.via:
            return [f"{targets} = {', '.join(values)}"]
        packed = f"{self.temp} = ({', '.join(values)}{',' if len(values) == 1 else ''})"
        if self.via == "tuple":
            return [packed, f"{targets} = {self.temp}"]
        # Reversed constant indices (negative ones too): the targets get the
        # values in reverse, so the types must be the same.
        count = len(self.names)
        reads = ", ".join(f"{self.temp}[{-(k + 1) if k % 2 else count - 1 - k}]" for k in range(count))
        return [packed, f"{targets} = {reads}"]


@dataclass(frozen=True)
class ForZip(Node):
    """`for i, (x, y) in enumerate(zip(a, reversed(b)), start):` over 1-D
    array parameters: `index` names the enumerate counter ("" for none),
    one name per array. Array elements are read through int()/float() on
    the oracle side (NumPy scalars there) and for fused arrays (the element
    type depends on the specialization), as ForArray does."""
    index: str
    start: int          # enumerate's start (0: omitted)
    vars: tuple         # one per array
    arrays: tuple
    kinds: tuple
    reversed: tuple     # of bool, one per array
    body: tuple

    def lines(self, oracle: bool, temps) -> list[str]:
        parts = [f"reversed({a})" if r else a for a, r in zip(self.arrays, self.reversed)]
        iterable = parts[0] if len(parts) == 1 else f"zip({', '.join(parts)})"
        targets, converts = [], []
        for var, kind in zip(self.vars, self.kinds):
            element, _, fused = ARRAY_KINDS[kind]
            if oracle or fused:
                item = temps.new("item")
                targets.append(item)
                converts.append(f"    {var} = {'float' if element == 'f64' else 'int'}({item})")
            else:
                targets.append(var)
        target = ", ".join(targets)
        if self.index:
            if len(targets) > 1:
                target = f"({target})"
            target = f"{self.index}, {target}"
            iterable = f"enumerate({iterable}{f', {self.start}' if self.start else ''})"
        return [f"for {target} in {iterable}:"] + converts + indent(self.body, oracle, temps)
