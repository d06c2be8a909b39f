import sys

from .kernels import describe


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    print(describe(n))
    return 0
