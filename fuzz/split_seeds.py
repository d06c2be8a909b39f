"""Writes fuzzing seeds: each module as it is, and each of its top-level
functions alone (with the module's imports and type aliases before it).

A mutation anywhere in a whole module usually leaves some error in it, and
one error stops emission; a one-function module that survives a mutation
gets checked and emitted, so the fuzzer reaches compiler/emit far more often.

    python3 fuzz/split_seeds.py OUT_DIR FILE.py...
"""
import ast
import pathlib
import sys


def prelude(tree: ast.Module, lines: list[str]) -> str:
    """Imports and short module-level assignments (fused types, constants;
    not the tests' big argument tables, which would only slow the fuzzer)."""
    kept = []
    for node in tree.body:
        short = node.end_lineno - node.lineno < 3
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign)) and short:
            kept.extend(lines[node.lineno - 1 : node.end_lineno])
    return "".join(kept)


def functions(tree: ast.Module, lines: list[str]):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            yield node.name, "".join(lines[first - 1 : node.end_lineno])


def main(out_dir: str, files: list[str]) -> None:
    out = pathlib.Path(out_dir)
    root = pathlib.Path.cwd()
    for name in files:
        path = pathlib.Path(name)
        text = path.read_bytes()
        stem = str(path.resolve().relative_to(root)).replace("/", "__")
        (out / stem).write_bytes(text)
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):  # hostile test inputs stay whole
            continue
        lines = text.decode("utf-8").splitlines(keepends=True)
        head = prelude(tree, lines)
        for function, source in functions(tree, lines):
            (out / f"{stem}__{function}.py").write_text(head + "\n" + source, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
