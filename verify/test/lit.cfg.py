# lit configuration for pyxc-verify's mutation tests: hand-made C++ files,
# each with one kind of GIL violation (or none), and the findings expected.
#
# Substitutions:
#   %pyxc-verify  $PYXC_VERIFY_BIN, else build/pyxc-verify, else pyxc-verify on PATH
#   %FileCheck    $FILECHECK, else LLVM 19's FileCheck, else `FileCheck` on PATH
#   %expect-exit CODE CMD...  succeeds only if CMD exits with exactly CODE
import os
import shutil
import sysconfig
import sys

import lit.formats

config.name = "pyxc-verify"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
repo = os.path.abspath(os.path.join(config.test_source_root, "..", ".."))
config.test_exec_root = os.path.join(
    os.environ.get("PYXC_LIT_OUT", os.path.join(repo, "build", "lit-out")), "verify")


def find_verify():
    explicit = os.environ.get("PYXC_VERIFY_BIN")
    if explicit:
        return os.path.abspath(explicit)
    built = os.path.join(repo, "build", "pyxc-verify")
    if os.path.exists(built):
        return built
    on_path = shutil.which("pyxc-verify")
    if on_path:
        return on_path
    lit_config.fatal("pyxc-verify not found: set PYXC_VERIFY_BIN (it is built only when Clang 19 is installed)")


def executable_behind(path):
    """The pyxc executable itself when `path` is a launcher script (a pyenv
    shim): build_verify.test copies pyxc into an otherwise empty PATH, where
    a script finds neither its shell nor what it launches. pip puts the
    executable in the scripts directory of the Python running the tests."""
    with open(path, "rb") as launcher:
        if launcher.read(2) != b"#!":
            return path
    installed = os.path.join(sysconfig.get_path("scripts"), "pyxc")
    return installed if os.path.exists(installed) else path


def find_pyxc():
    explicit = os.environ.get("PYXC_BIN")
    if explicit:
        return executable_behind(os.path.abspath(explicit))
    built = os.path.join(repo, "build", "pyxc")
    found = built if os.path.exists(built) else shutil.which("pyxc")
    return executable_behind(found) if found else lit_config.fatal("pyxc not found: set PYXC_BIN")


def find_filecheck():
    explicit = os.environ.get("FILECHECK")
    if explicit:
        return explicit
    llvm = "/usr/lib/llvm-19/bin/FileCheck"
    if os.path.exists(llvm):
        return llvm
    return shutil.which("FileCheck") or lit_config.fatal("FileCheck not found: set FILECHECK")


expect_exit = os.path.join(repo, "test", "lit", "Inputs", "expect_exit.py")
# %pyxc-verify before %pyxc: lit applies substitutions in order.
config.substitutions.append(("%pyxc-verify", find_verify()))
config.substitutions.append(("%pyxc", find_pyxc()))
config.substitutions.append(("%python", f'"{sys.executable}"'))
config.substitutions.append(("%runtime", os.path.join(repo, "runtime")))
config.substitutions.append(("%FileCheck", find_filecheck()))
config.substitutions.append(("%expect-exit", f'"{sys.executable}" "{expect_exit}"'))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.environment["LC_ALL"] = "C.UTF-8"
config.environment["NO_COLOR"] = "1"
config.environment["PYXC_CACHE_DIR"] = os.path.join(config.test_exec_root, "cache")
for passthrough in ("HOME", "PATH"):
    if passthrough in os.environ:
        config.environment[passthrough] = os.environ[passthrough]
