"""Fails listing the diagnostic kinds that no lit test CHECKs for.

usage: kind_coverage.py KINDS_DEF LIT_ROOT
"""
import pathlib
import re
import sys


def main() -> int:
    kinds_def, lit_root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    kinds = re.findall(r'^PYXC_DIAG\(\s*\w+\s*,\s*"([a-z-]+)"\s*\)', kinds_def.read_text(), re.M)
    if not kinds:
        print(f"no PYXC_DIAG entries found in {kinds_def}")
        return 1
    checked = set()
    for path in lit_root.rglob("*"):
        if path.suffix not in (".py", ".test") or not path.is_file() or "Inputs" in path.parts:
            continue
        for line in path.read_text(errors="replace").splitlines():
            if "CHECK" in line:
                checked.update(re.findall(r"\[([a-z-]+)\]", line))
    missing = [k for k in kinds if k not in checked]
    for kind in missing:
        print(f"no lit test CHECKs for diagnostic kind [{kind}]")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
