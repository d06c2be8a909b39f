"""mypy on a user's own source: `@pyxc.native` (bare or with directives)
keeps the function's signature for calls and types `.aio(...)` as an
asyncio.Future of the result with the same parameters, and `.py` as the
Python function. pyxc is found as an installed package would be (on the
interpreter's path, not MYPYPATH), so this also needs its `py.typed`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SOURCE = '''\
import asyncio

import pyxc


@pyxc.native
def area(r: float, *, scale: float = 1.0) -> float:
    return r * r * scale


@pyxc.native(boundscheck=False, fastmath=True)
def count(n: int, /) -> int:
    return n


async def main() -> None:
    a: float = await area.aio(2.0, scale=3.0)
    b: tuple[float, int] = await asyncio.gather(area.aio(1.0), count.aio(3))
    t: asyncio.Future[int] = asyncio.ensure_future(count.aio(3))
    reveal_type(area.aio(1.0))
    reveal_type(await count.aio(2))
    reveal_type(area.py)
    reveal_type(area)
    n: str = area.__name__ + count.__qualname__
    c: float = area(1.0, scale=2.0) + count(2) + area.py(1.0) + await t
'''

WRONG = '''\
import pyxc


@pyxc.native
def area(r: float) -> float:
    return r


@pyxc.native(boundscheck=False)
def count(n: int, /) -> int:
    return n


async def main() -> None:
    area.aio("x")
    s: str = await area.aio(1.0)
    count.aio(n=1)
    area.py("x")
    area("x")


@pyxc.native(bogus=True)
def other(x: int) -> int:
    return x
'''


def mypy(tmp_path: Path, name: str, text: str) -> subprocess.CompletedProcess:
    pytest.importorskip("mypy")
    (tmp_path / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    env["PYTHONPATH"] = str(REPO / "python")
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--strict", name],
                          cwd=tmp_path, env=env, capture_output=True, text=True)


def test_native_functions_type_check_with_aio_and_py(tmp_path):
    result = mypy(tmp_path, "kernels.py", SOURCE)
    assert result.returncode == 0, result.stdout + result.stderr
    revealed = [line.split("Revealed type is ")[1] for line in result.stdout.splitlines() if "Revealed type" in line]
    assert revealed == ['"_asyncio.Future[float]"', '"int"',
                        '"def (r: float, *, scale: float =) -> float"',
                        '"pyxc._decorator.NativeFunction[[r: float, *, scale: float =], '
                        'float]"'], result.stdout


def test_wrong_arguments_and_directives_are_rejected(tmp_path):
    result = mypy(tmp_path, "wrong.py", WRONG)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
    assert errors == {15, 16, 17, 18, 19, 22}, result.stdout
    assert 'Argument 1 to "aio" of "NativeFunction" has incompatible type "str"; expected "float"' in result.stdout
    assert 'Unexpected keyword argument "n" for "aio"' in result.stdout  # positional-only, as for the call
    assert 'Unexpected keyword argument "bogus" for overloaded function "native"' in result.stdout
