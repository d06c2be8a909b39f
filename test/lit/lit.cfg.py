# lit configuration for pyxc's command-line tests.
#
# Substitutions:
#   %pyxc       the pyxc binary: $PYXC_BIN, else `pyxc` on PATH
#   %FileCheck  $FILECHECK, else LLVM 19's FileCheck, else `FileCheck` on PATH
#   %not        LLVM's `not` when installed, else test/lit/not.py (bare
#               `not` is lit's builtin with the same meaning)
#   %python     the interpreter running lit (for generating inputs in RUN lines)
#   %expect-exit CODE CMD...   succeeds only if CMD exits with exactly CODE
#   %json-diagnostics CMD...   validates JSON diagnostics, prints one line each
#   %nested-parens DEPTH       prints a module with DEPTH nested parentheses
import os
import shutil
import sys

import lit.formats

config.name = "pyxc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".py", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "not.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(
    os.environ.get("PYXC_LIT_OUT", os.path.join(config.test_source_root, "..", "..", "build", "lit-out")))

LLVM_BIN = "/usr/lib/llvm-19/bin"


def find_pyxc():
    explicit = os.environ.get("PYXC_BIN")
    if explicit:
        return os.path.abspath(explicit)
    on_path = shutil.which("pyxc")
    if on_path:
        return on_path
    lit_config.fatal("pyxc not found: set PYXC_BIN or put `pyxc` on PATH")


def find_filecheck():
    explicit = os.environ.get("FILECHECK")
    if explicit:
        return explicit
    llvm = os.path.join(LLVM_BIN, "FileCheck")
    if os.path.exists(llvm):
        return llvm
    on_path = shutil.which("FileCheck")
    if on_path:
        return on_path
    lit_config.fatal("FileCheck not found: set FILECHECK")


def find_not():
    llvm = os.path.join(LLVM_BIN, "not")
    if os.path.exists(llvm):
        return llvm
    return f'"{sys.executable}" "{os.path.join(config.test_source_root, "not.py")}"'


# lit applies these in order as regexes: no name here is a prefix of a later one.
config.substitutions.append(("%FileCheck", find_filecheck()))
config.substitutions.append(("%pyxc", find_pyxc()))
inputs = os.path.join(config.test_source_root, "Inputs")
config.substitutions.append(("%expect-exit", f'"{sys.executable}" "{os.path.join(inputs, "expect_exit.py")}"'))
config.substitutions.append(("%json-diagnostics", f'"{sys.executable}" "{os.path.join(inputs, "json_diagnostics.py")}"'))
config.substitutions.append(("%nested-parens", f'"{sys.executable}" "{os.path.join(inputs, "nested_parens.py")}"'))
config.substitutions.append(("%python", f'"{sys.executable}"'))
# A bare `not` at the start of a RUN command is lit's internal-shell builtin
# (same semantics as LLVM's `not`). `%not` names the tool itself, for
# argument positions such as `%expect-exit 1 %not ...`: LLVM's `not` when
# installed, else test/lit/not.py.
config.substitutions.append(("%not", find_not()))

# Deterministic output: no colour, no locale surprises, and the package for
# any RUN line that imports pyxc.
config.environment["NO_COLOR"] = "1"
config.environment["LC_ALL"] = "C.UTF-8"
repo_python = os.path.abspath(os.path.join(config.test_source_root, "..", "..", "python"))
config.environment["PYTHONPATH"] = os.pathsep.join(
    p for p in [repo_python, os.environ.get("PYTHONPATH", "")] if p)
for passthrough in ("PYXC_RUNTIME_DIR", "PYXC_CACHE_DIR", "PYXC_VERIFY", "CXX", "HOME", "PATH"):
    if passthrough in os.environ:
        config.environment[passthrough] = os.environ[passthrough]
