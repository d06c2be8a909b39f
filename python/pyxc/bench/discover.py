"""Finding and calling asv-style benchmarks (airspeed velocity's conventions).

Runs inside a worker process, so it uses the standard library only and never
imports the ``pyxc`` package itself: a baseline worker must import the
baseline's ``pyxc`` (when a benchmark asks for it), not this one.

The subset of asv that is supported:

- files: every ``*.py`` file directly in a benchmark folder, and in the
  sub-folders that are packages (have ``__init__.py``), as asv walks them;
- benchmarks: module-level functions and methods of module-level classes
  whose names start with ``time_``; other asv kinds (``mem_``, ``peakmem_``,
  ``track_``, ``timeraw_``) are listed as unsupported and skipped;
- ``setup``/``teardown`` of the module, the class and the benchmark itself
  (an attribute of the function), all that exist, outermost setup first and
  teardowns in reverse, each called with the parameters;
- ``params``/``param_names``: one benchmark per combination of parameters,
  named ``name(p1, p2)`` with the parameters' ``repr``;
- ``number``: calls per sample when set (else calibrated);
- ``setup_cache``: called once per worker and its result passed first to
  ``setup``, the benchmark and ``teardown``;
- a ``setup`` raising ``NotImplementedError`` skips the benchmark.
"""
from __future__ import annotations

import importlib
import inspect
import itertools
import sys
from dataclasses import dataclass, field
from pathlib import Path

TIME_PREFIX = "time_"
UNSUPPORTED_PREFIXES = ("timeraw_", "mem_", "peakmem_", "track_")


def benchmark_files(folder: Path) -> list[Path]:
    """The Python files asv would import from ``folder``, sorted."""
    if folder.is_file():
        return [folder]
    files = sorted(p for p in folder.glob("*.py") if p.is_file())
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").is_file()):
        files.extend(benchmark_files(sub))
    return files


def module_name(file: Path, root: Path) -> tuple[str, str]:
    """(import name, display prefix) of ``file`` under benchmark root ``root``.

    A root that is a package (asv's ``benchmarks/__init__.py``) is imported as
    a package, so that relative imports between benchmark files work; the
    display name leaves the root's own name out, as asv does.
    """
    if root.is_file():
        return file.stem, file.stem
    relative = file.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    display = ".".join(parts) if parts else root.name
    if (root / "__init__.py").is_file():
        return ".".join([root.name, *parts]), display
    return ".".join(parts) if parts else root.name, display


def import_path_for(root: Path) -> Path:
    """The folder that goes on sys.path so that ``module_name`` imports."""
    if root.is_file():
        return root.parent
    return root.parent if (root / "__init__.py").is_file() else root


@dataclass
class Benchmark:
    """One runnable benchmark: a function plus one combination of parameters."""

    name: str
    function: object  # unbound function; methods get their instance in ``owner``
    owner_class: type | None
    module: object
    params: tuple = ()
    kind: str = "time"  # "time", or "unsupported"
    _instance: object = None
    _cache: object = field(default=None, repr=False)
    _has_cache: bool = False

    def _attr(self, name: str, default=None):
        for holder in (self.function, self.owner_class, self.module):
            if holder is not None and hasattr(holder, name):
                return getattr(holder, name)
        return default

    @property
    def number(self) -> int | None:
        value = self._attr("number", 0)
        return int(value) if isinstance(value, int) and value > 0 else None

    def _bound(self, function):
        if self.owner_class is not None and inspect.isfunction(function) and \
                function.__qualname__.split(".")[0] == self.owner_class.__name__:
            return function.__get__(self._instance, self.owner_class)
        return function

    def _args(self) -> tuple:
        return ((self._cache,) if self._has_cache else ()) + tuple(self.params)

    def _all_attrs(self, name: str) -> list:
        """Every ``name`` from the module, the class and the benchmark itself,
        outermost first: asv runs all the setups it finds, not only one."""
        found = []
        for holder in (self.module, self.owner_class, self.function):
            value = getattr(holder, name, None) if holder is not None else None
            if value is not None and all(value is not f for f in found):
                found.append(value)
        return found

    def setup(self) -> None:
        if self.owner_class is not None:
            self._instance = self.owner_class()
        cache_fn = self._attr("setup_cache")
        if cache_fn is not None and not self._has_cache:
            self._cache = self._bound(cache_fn)()
            self._has_cache = True
        for setup in self._all_attrs("setup"):
            self._bound(setup)(*self._args())

    def teardown(self) -> None:
        for teardown in reversed(self._all_attrs("teardown")):
            self._bound(teardown)(*self._args())

    def runner(self, number: int):
        """A no-argument callable that calls the benchmark ``number`` times."""
        function = self._bound(self.function)
        args = self._args()
        loop = range(number)

        def run():
            for _ in loop:
                function(*args)
        return run


def _param_sets(holder_params, names) -> list[tuple]:
    if holder_params is None:
        return [()]
    params = list(holder_params)
    # asv: a flat list is one parameter; a list of lists is several.
    if not params or not all(isinstance(p, (list, tuple)) for p in params):
        params = [params]
    return list(itertools.product(*params))


def _display(name: str, params: tuple) -> str:
    return f"{name}({', '.join(repr(p) for p in params)})" if params else name


def _benchmarks_of(module, prefix: str) -> list[Benchmark]:
    found: list[Benchmark] = []
    candidates: list[tuple[str, object, type | None]] = []
    for attr, value in sorted(vars(module).items()):
        if inspect.isclass(value) and getattr(value, "__module__", None) == module.__name__:
            for method_name, method in sorted(vars(value).items()):
                if inspect.isfunction(method):
                    candidates.append((f"{attr}.{method_name}", method, value))
        elif inspect.isfunction(value) and getattr(value, "__module__", None) == module.__name__:
            candidates.append((attr, value, None))
    for qualname, function, owner in candidates:
        short = qualname.rsplit(".", 1)[-1]
        name = f"{prefix}.{qualname}"
        if short.startswith(UNSUPPORTED_PREFIXES):
            found.append(Benchmark(name, function, owner, module, kind="unsupported"))
            continue
        if not short.startswith(TIME_PREFIX):
            continue
        bench = Benchmark(name, function, owner, module)
        for params in _param_sets(bench._attr("params"), bench._attr("param_names")):
            found.append(Benchmark(_display(name, params), function, owner, module, tuple(params)))
    return found


@dataclass
class ImportProblem:
    """A benchmark file that could not be imported (with the traceback text)."""

    file: Path
    module: str  # the display prefix its benchmarks would have had
    detail: str


def discover(roots: list[Path]) -> tuple[list[Benchmark], list[ImportProblem]]:
    """Imports every benchmark file under ``roots`` and lists its benchmarks.

    A file that does not import is reported and the others still count: at
    a baseline, a file of new benchmarks may not import, and the rest must
    still be compared.
    """
    import traceback

    benchmarks: list[Benchmark] = []
    problems: list[ImportProblem] = []
    for root in roots:
        path = str(import_path_for(root))
        if path not in sys.path:
            sys.path.insert(0, path)
        for file in benchmark_files(root):
            name, display = module_name(file, root)
            try:
                module = importlib.import_module(name)
            except (Exception, SystemExit):  # user code's failure is reported, not fatal here
                problems.append(ImportProblem(file, display, traceback.format_exc()))
                continue
            benchmarks.extend(_benchmarks_of(module, display))
    return benchmarks, problems
