// The emitted C++ must compile warning-free with g++ and clang++ against the
// real runtime, and the resulting module must give Python's answers.
#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/emit/cpp_text.h"
#include "compiler/emit/emit_test_util.h"

using namespace pyxc::emit;
using namespace pyxc::emit::testing;

namespace {

// Every construct family at once; each function is also checked for its
// answers in RunsWithPythonSemantics.
const char kProgram[] = R"PY(
@pyxc.native
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

@pyxc.native
def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)

@pyxc.native
def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)

@pyxc.native
def ranges(a: int, b: int, s: int) -> tuple[int, int]:
    count = 0
    last = -1
    for i in range(a, b, s):
        count += 1
        last = i
    return count, last

@pyxc.native
def search(n: int, stop: int) -> tuple[int, int]:
    found = -1
    for j in range(n):
        if j == stop:
            found = j
            break
    else:
        found = -2
    return found, j

@pyxc.native
def maybe(flag: bool) -> int:
    if flag:
        x = 5
    return x

@pyxc.native
def divs(a: int, b: int) -> tuple[int, int, float]:
    return a // b, a % b, a / b

@pyxc.native
def fdivs(a: float, b: float) -> tuple[float, float]:
    return a // b, a % b

@pyxc.native
def swap(a: int, b: int) -> tuple[int, int]:
    a, b = b, a
    return a, b

@pyxc.native
def boom(kind: int) -> int:
    if kind == 1:
        raise ValueError("one")
    if kind == 2:
        raise KeyError("two")
    return kind

@pyxc.native
def order(a: int, b: int) -> int:
    return boom(a) + boom(b)

@pyxc.native
def chain(x: int, k: int) -> bool:
    return 5 < x < boom(k)

@pyxc.native
def andor(a: int, b: int) -> int:
    return a and b or 7

@pyxc.native
def casts(x: float, n: int) -> tuple[int, float, int, int, bool]:
    return int(x), float(n), round(x), max(n, 3, -1), bool(n)

@pyxc.native
def small(a: i32, b: i32) -> i32:
    c: i32 = a * b
    c += 1
    return c

@pyxc.native(overflowcheck=False)
def wrap(a: int) -> int:
    return a * a * a * a

@pyxc.native
def roots(x: float) -> float:
    return math.sqrt(x) + math.pi

@pyxc.native
def checked(x: int) -> int:
    assert x > 0, "x must be positive"
    y = x
    y *= x
    return y

@pyxc.native
def nothing(x: int) -> None:
    y = x

@pyxc.native
def tautologies(x: float, n: int) -> bool:
    x = x
    return (x != x) or (n == n and 3 == (1 & n))

@pyxc.native
def special(x: float, y: float) -> tuple[bool, bool, bool]:
    # Calls on both sides: clang warns (-Wbitwise-instead-of-logical) on a
    # bare `f() | g()` of bools.
    return math.isnan(x) | math.isinf(y), math.isnan(x) & math.isinf(y), math.isnan(x) ^ math.isinf(y)

@pyxc.native
def gated(x: int, k: int) -> bool:
    flag = x > 0
    flag &= boom(k) > 0
    return flag | (boom(k) > 2)

@pyxc.native
def narrowed(x: float) -> tuple[f32, f32]:
    y: f32 = x
    return y, 1e300
)PY";

const char kPythonChecks[] = R"PY(
import sys, math
sys.path.insert(0, sys.argv[1])
import m

def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return str(e)
    raise AssertionError(f"{f} did not raise {exc}")

assert m.fib(20) == 6765
assert m.is_even(10) is True and m.is_odd(10) is False
assert m.ranges(0, 10, 3) == (4, 9)
assert m.ranges(10, 0, -3) == (4, 1)
assert m.ranges(5, 5, 1) == (0, -1)
assert m.ranges(-2**63, 2**63 - 1, 2**62) == (4, 2**62)
assert "must not be zero" in raises(ValueError, m.ranges, 0, 1, 0)
assert m.search(5, 3) == (3, 3)
assert m.search(5, 9) == (-2, 4)
assert "cannot access local variable 'j'" in raises(UnboundLocalError, m.search, 0, 1)
assert m.maybe(True) == 5
assert raises(UnboundLocalError, m.maybe, False) == "cannot access local variable 'x' where it is not associated with a value"
assert m.divs(-7, 2) == (-4, 1, -3.5)
assert m.divs(7, -2) == (-4, -1, -3.5)
raises(ZeroDivisionError, m.divs, 1, 0)
assert m.fdivs(-7.5, 2.0) == (-4.0, 0.5)
raises(ZeroDivisionError, m.fdivs, 1.0, 0.0)
assert m.swap(1, 2) == (2, 1)
assert raises(ValueError, m.order, 1, 2) == "one"
raises(KeyError, m.order, 2, 1)
assert m.order(3, 4) == 7
assert m.chain(3, 1) is False  # short-circuits: boom(1) never runs
raises(ValueError, m.chain, 6, 1)
assert m.chain(6, 7) is True
assert m.andor(0, 5) == 7 and m.andor(3, 5) == 5 and m.andor(3, 0) == 7
assert m.casts(-2.5, 5) == (-2, 5.0, -2, 5, True)
raises(ValueError, m.casts, float("nan"), 1)
raises(OverflowError, m.casts, float("inf"), 1)
assert m.small(1000, 1000) == 1000001
raises(OverflowError, m.small, 100000, 100000)
raises(OverflowError, m.fib, 2**63 - 1) if False else None
assert m.wrap(2**20) == 0
assert abs(m.roots(4.0) - (2.0 + math.pi)) < 1e-12
assert "math domain error" in raises(ValueError, m.roots, -1.0)
assert m.checked(3) == 9
assert raises(AssertionError, m.checked, -1) == "x must be positive"
raises(OverflowError, m.checked, 2**62)
assert m.nothing(1) is None
assert m.tautologies(float("nan"), 1) is True and m.tautologies(1.0, 1) is False
nan, inf = float("nan"), float("inf")
assert m.special(nan, inf) == (True, True, False) and m.special(nan, 1.0) == (True, False, True)
assert m.special(1.0, -inf) == (True, False, True) and m.special(1.0, 2.0) == (False, False, False)
# `&` and `|` evaluate both operands, as Python does: boom(1) raises even
# where `and` / `or` would have stopped before it.
assert raises(ValueError, m.gated, 0, 1) == "one"
assert m.gated(5, 3) is True and m.gated(0, 3) is True and m.gated(5, 0) is False
# f64 -> f32 beyond f32's range rounds to nearest as numpy.float32 does:
# +-inf from halfway past the largest f32 on, that f32 below.
assert m.narrowed(1e300) == (inf, inf) and m.narrowed(-1e300) == (-inf, inf)
assert m.narrowed(3.4028235677973362e38)[0] == 3.4028234663852886e38  # just below the midpoint
assert m.narrowed(3.4028235677973366e38)[0] == inf  # the midpoint: ties to even
assert math.isnan(m.narrowed(nan)[0])
assert m.fib(n=10) == 55
assert "argument 'n' must be int" in raises(TypeError, m.fib, 1.5)
assert set(m.__pyxc_sources__) >= {"fib", "nothing"}
assert m.__pyxc_sources__["fib"].startswith("@pyxc.native\ndef fib(n: int) -> int:\n")
print("ok")
)PY";

TEST(EmitCompile, ModuleCompilesWithoutWarnings) {
  Emitted emitted = emitPython(kProgram);
  ASSERT_EQ(emitted.diagnostics, "");
  for (const std::string& cxx : testCompilers()) {
    CommandResult result = compileEmitted(emitted.cpp, cxx, "-std=c++20 -fsyntax-only -Wall -Wextra -Werror");
    EXPECT_EQ(result.exitCode, 0) << cxx << ":\n" << result.output;
  }
}

TEST(EmitCompile, RunsWithPythonSemantics) {
  Emitted emitted = emitPython(kProgram);
  ASSERT_EQ(emitted.diagnostics, "");
  std::string dir = makeTempDir("pyxc-emit-run");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/m.cpp", emitted.cpp);
  writeFile(dir + "/checks.py", kPythonChecks);
  std::string library = dir + "/m" + PYXC_TEST_EXT_SUFFIX;
  CommandResult build = runCommand(std::string(PYXC_TEST_CXX) + " -std=c++20 -O1 -shared -fPIC -fvisibility=hidden " +
                                   runtimeIncludeFlags() + " " + dir + "/m.cpp -o " + library);
  ASSERT_EQ(build.exitCode, 0) << build.output;
  CommandResult run = runCommand(std::string(PYXC_TEST_PYTHON) + " " + dir + "/checks.py " + dir);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(run.output, "ok\n");
  std::filesystem::remove_all(dir);
}

// The literal must compile back to exactly the original bytes.
TEST(EmitCompile, StringLiteralRoundTrips) {
  std::string tricky = "quote \" backslash \\ ?\?= ?\?/ tab\t nul";
  tricky += '\0';
  tricky += " caf\xc3\xa9 \x7f \x01" "7 end\n";
  std::string dir = makeTempDir("pyxc-emit-literal");
  ASSERT_FALSE(dir.empty());
  writeFile(dir + "/expected.bin", tricky);
  writeFile(dir + "/main.cpp", "#include <cstdio>\nstatic const char text[] = " + cppStringLiteral(tricky) +
                                   ";\nint main() { std::fwrite(text, 1, sizeof text - 1, stdout); }\n");
  CommandResult build = runCommand(std::string(PYXC_TEST_CXX) + " -std=c++20 -Wall -Wextra -Werror -trigraphs " + dir +
                                   "/main.cpp -o " + dir + "/main");
  ASSERT_EQ(build.exitCode, 0) << build.output;
  CommandResult run = runCommand(dir + "/main > " + dir + "/actual.bin && cmp " + dir + "/expected.bin " + dir + "/actual.bin");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
