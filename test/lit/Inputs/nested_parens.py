"""nested_parens.py DEPTH: prints a module whose native function returns an
expression nested DEPTH parentheses deep (a parser recursion stress test)."""
import sys

depth = int(sys.argv[1])
print("import pyxc\n")
print("@pyxc.native")
print("def deep() -> int:")
print("    return " + "(" * depth + "1" + ")" * depth)
