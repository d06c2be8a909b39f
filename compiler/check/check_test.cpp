// Unit tests of compiler/check through the real parser. Diagnostic lines are
// relative to the body passed to checkSource (after the import prelude).
#include <gtest/gtest.h>

#include "compiler/check/check_test_util.h"

using namespace pyxc;
using namespace pyxc::check::testing;
using Errors = std::vector<std::string>;

namespace {

// Type of the local `name` in a one-function module `f` whose body is `body`.
std::string inferred(const std::string& params, const std::string& body, const std::string& name) {
  auto c = checkSource("@pyxc.native\ndef f(" + params + ") -> None:\n" + body);
  EXPECT_EQ(c->errors(), Errors{}) << body;
  return c->localType("f", name);
}

}  // namespace

// ---- native functions, imports, decorators --------------------------------

TEST(Module, FindsNativeFunctionsAndCountsThem) {
  auto c = checkSource(R"(
@pyxc.native
def a(x: int) -> int:
    return x

@native
def b(x: int) -> int:
    return x

def plain(x):
    return undefined_thing(x)
)");
  EXPECT_EQ(c->natives, 2);
  EXPECT_TRUE(c->fn("a").isNative);
  EXPECT_TRUE(c->fn("b").isNative);
  EXPECT_FALSE(c->fn("plain").isNative);
  EXPECT_EQ(c->errors(), Errors{});  // non-native bodies are never checked
}

TEST(Module, AliasedImports) {
  auto c = checkSource(R"(
import pyxc as px
import math as m
from pyxc import native as nat, f32 as single
from math import sqrt, pi as PI

@px.native
def a(x: px.f32) -> single:
    return x

@nat
def b(x: float) -> float:
    return m.sqrt(x) + sqrt(x) + PI + m.e
)",
                       false);
  EXPECT_EQ(c->natives, 2);
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(types::pythonName(c->fn("a").params[0].type), "f32");
  EXPECT_EQ(c->returnType("a"), "f32");
}

TEST(Module, Directives) {
  auto c = checkSource(R"(
@pyxc.native(boundscheck=False, wraparound=False, cdivision=True, overflowcheck=False, fastmath=True)
def f(x: int) -> int:
    return x
)");
  const auto& d = c->fn("f").directives;
  EXPECT_FALSE(d.boundscheck);
  EXPECT_FALSE(d.wraparound);
  EXPECT_TRUE(d.cdivision);
  EXPECT_FALSE(d.overflowcheck);
  EXPECT_TRUE(d.fastmath);
  EXPECT_EQ(c->errors(), Errors{});
}

TEST(Module, BadDirectives) {
  auto c = checkSource(R"(
@pyxc.native(boundcheck=False, cdivision=1)
def f(x: int) -> int:
    return x
)");
  ASSERT_EQ(c->errors().size(), 2u);
  EXPECT_EQ(c->errors()[0],
            "2:14 bad-directive: unknown directive 'boundcheck'; @pyxc.native accepts boundscheck, wraparound, "
            "cdivision, overflowcheck and fastmath");
  EXPECT_EQ(c->errors()[1], "2:42 bad-directive: directive 'cdivision' must be True or False");
}

TEST(Module, MissingPyxcImportIsReported) {
  auto c = checkSource(R"(
@pyxc.native
def f(x: int) -> int:
    return math.floor(x)
)",
                       false);
  EXPECT_EQ(c->errors(), (Errors{"2:2 undefined-name: name 'pyxc' is not defined; add 'import pyxc'",
                                 "4:12 undefined-name: name 'math' is not defined; add 'import math'"}));
}

TEST(Module, OtherDecoratorsAreRejected) {
  auto c = checkSource(R"(
import functools
@functools.cache
@pyxc.native
def f(x: int) -> int:
    return x
)");
  ASSERT_EQ(c->errors().size(), 1u);
  EXPECT_EQ(c->errors()[0].substr(0, 31), "3:2 unsupported-construct: othe");
}

TEST(Module, RedefinedNativeFunction) {
  auto c = checkSource(R"(
@pyxc.native
def f(x: int) -> int:
    return x

def f(x):
    return x
)");
  EXPECT_EQ(c->firstError(),
            "6:5 unsupported-construct: 'f' is defined twice; a native function needs a name of its own in its "
            "module");
}

// ---- signatures ------------------------------------------------------------

TEST(Signature, AnnotationTypes) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: int, b: float, c: bool, d: i8, e: pyxc.u16, g: f32, h: pyxc.f64) -> tuple[int, f32]:
    return a, g
)");
  EXPECT_EQ(c->errors(), Errors{});
  const auto& p = c->fn("f").params;
  std::vector<std::string> names;
  for (const auto& param : p) names.push_back(types::pythonName(param.type));
  EXPECT_EQ(names, (std::vector<std::string>{"int", "float", "bool", "i8", "u16", "f32", "float"}));
  EXPECT_EQ(c->returnType("f"), "tuple[int, f32]");
  EXPECT_EQ(c->fn("f").locals.size(), 7u);
  EXPECT_TRUE(c->fn("f").locals[0].isParam);
}

TEST(Signature, ArrayParametersReturnsAndLocals) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f64[:], b: pyxc.i32[:, ::1]) -> f64[:]:
    c: f64[:] = a
    return c
)");
  EXPECT_EQ(types::pythonName(c->fn("f").params[0].type), "f64[:]");
  EXPECT_EQ(types::pythonName(c->fn("f").params[1].type), "i32[:, ::1]");
  EXPECT_EQ(types::pythonName(c->fn("f").returnType), "f64[:]");
  EXPECT_EQ(c->errors(), Errors{});
}

TEST(Signature, MissingAnnotationAndUnknownType) {
  auto c = checkSource(R"(
@pyxc.native
def f(x, y: str, z: Foo) -> None:
    pass
)");
  EXPECT_EQ(c->errors(),
            (Errors{"3:7 missing-annotation: parameter 'x' of native function 'f' needs a type annotation, e.g. "
                    "'x: float'",
                    "3:13 unsupported-type: unsupported type 'str'; use int, float, bool, a pyxc scalar type "
                    "(pyxc.f64, pyxc.i32, ...), tuple[...] or T[:]",
                    "3:21 unsupported-type: unsupported type 'Foo'; use int, float, bool, a pyxc scalar type "
                    "(pyxc.f64, pyxc.i32, ...), tuple[...] or T[:]"}));
}

TEST(Signature, VarArgsAreUnsupported) {
  auto c = checkSource(R"(
@pyxc.native
def f(*args: int, **kw: int) -> None:
    pass
)");
  ASSERT_EQ(c->errors().size(), 2u);
  EXPECT_NE(c->errors()[0].find("unsupported-construct: *args is not supported"), std::string::npos);
  EXPECT_NE(c->errors()[1].find("unsupported-construct: **kw is not supported"), std::string::npos);
}

TEST(Signature, NoneOnlyAsReturn) {
  auto c = checkSource(R"(
@pyxc.native
def f(x: None) -> None:
    pass
)");
  EXPECT_EQ(c->errors(), Errors{"3:10 unsupported-type: 'None' is only allowed as a return annotation"});
  EXPECT_EQ(c->returnType("f"), "None");
}

TEST(Signature, Defaults) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: int = -1, b: float = 2, c: bool = True, d: f32 = -0.5, e: u8 = 255) -> None:
    pass

@pyxc.native
def g(a: int = 1.5, b: bool = 1, c: int = a, d: u8 = 256, e: i8 = -129) -> None:
    pass
)");
  EXPECT_EQ(c->errors(),
            (Errors{"7:16 bad-default: the default value of parameter 'a' is float, but the parameter is declared int",
                    "7:31 bad-default: the default value of parameter 'b' is int, but the parameter is declared bool",
                    "7:43 bad-default: the default value of parameter 'c' must be a constant number or True/False",
                    "7:54 bad-default: the default value of parameter 'd' does not fit in u8",
                    "7:67 bad-default: the default value of parameter 'e' does not fit in i8"}));
}

TEST(Signature, InferredReturnTypes) {
  auto c = checkSource(R"(
@pyxc.native
def none(x: int):
    x = x + 1

@pyxc.native
def widen(x: int):
    if x > 0:
        return 1
    return 0.5

@pyxc.native
def pair(x: int):
    return x, 2.0

@pyxc.native
def fib(n: int):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->returnType("none"), "None");
  EXPECT_EQ(c->returnType("widen"), "float");
  EXPECT_EQ(c->returnType("pair"), "tuple[int, float]");
  EXPECT_EQ(c->returnType("fib"), "int");
}

TEST(Signature, MutualRecursionAndForwardCalls) {
  auto c = checkSource(R"(
@pyxc.native
def even(n: int):
    if n == 0:
        return True
    return odd(n - 1)

@pyxc.native
def odd(n: int):
    if n == 0:
        return False
    return even(n - 1)

@pyxc.native
def user(n: int) -> int:
    k = later(n)
    return k

@pyxc.native
def later(n: int):
    return n * 2.5
)");
  EXPECT_EQ(c->errors(), Errors{"17:12 return-type: 'user' is declared to return int but this returns float"});
  EXPECT_EQ(c->returnType("even"), "bool");
  EXPECT_EQ(c->returnType("odd"), "bool");
  EXPECT_EQ(c->localType("user", "k"), "float");
}

// ---- locals inference --------------------------------------------------------

TEST(Locals, FromAssignments) {
  EXPECT_EQ(inferred("", "    s = 0\n", "s"), "int");
  EXPECT_EQ(inferred("", "    s = 0.0\n", "s"), "float");
  EXPECT_EQ(inferred("", "    s = True\n", "s"), "bool");
  EXPECT_EQ(inferred("", "    s = 0\n    s += 0.5\n", "s"), "float");
  EXPECT_EQ(inferred("", "    s = 0\n    s = 1.5\n", "s"), "float");
  EXPECT_EQ(inferred("", "    s = False\n    s = 1\n", "s"), "int");
  EXPECT_EQ(inferred("", "    s = 1, 2.5\n", "s"), "tuple[int, float]");
  EXPECT_EQ(inferred("", "    s = 1, 2\n    s = 1.5, 2\n", "s"), "tuple[float, int]");
}

TEST(Locals, LaterAssignmentWidensEarlierUse) {
  // `t` gets float from a later statement; the loop makes `s` float too.
  auto c = checkSource(R"(
@pyxc.native
def f(n: int) -> float:
    s = 0
    t = 0
    for i in range(n):
        s = s + t
        t = 0.5
    return s
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "s"), "float");
  EXPECT_EQ(c->localType("f", "t"), "float");
}

TEST(Locals, FixedWidthTypesAndWeakLiterals) {
  EXPECT_EQ(inferred("x: i32", "    y = x + 1\n", "y"), "i32");
  EXPECT_EQ(inferred("x: i32", "    y = x * 2.0\n", "y"), "float");
  EXPECT_EQ(inferred("x: f32", "    y = x * 2.0\n", "y"), "f32");
  EXPECT_EQ(inferred("x: f32", "    y = x + 1\n", "y"), "f32");
  EXPECT_EQ(inferred("x: f32, k: i16", "    y = x + k\n", "y"), "f32");
  EXPECT_EQ(inferred("x: f32, k: i32", "    y = x + k\n", "y"), "float");
  EXPECT_EQ(inferred("x: i8, k: i32", "    y = x + k\n", "y"), "i32");
  EXPECT_EQ(inferred("x: u8, k: i8", "    y = x + k\n", "y"), "i16");
  EXPECT_EQ(inferred("x: u32, k: i32", "    y = x + k\n", "y"), "int");
  EXPECT_EQ(inferred("x: u64, k: int", "    y = x + k\n", "y"), "int");
  EXPECT_EQ(inferred("x: u8, k: u16", "    y = x | k\n", "y"), "u16");
  EXPECT_EQ(inferred("x: f32", "    y = x / 2\n", "y"), "f32");
  EXPECT_EQ(inferred("x: i32", "    y = x / 2\n", "y"), "float");
}

TEST(Locals, AnnotatedLocalKeepsItsType) {
  auto c = checkSource(R"(
@pyxc.native
def f() -> None:
    x: f32 = 0
    x = x + 1
    y: int = 3
    y = 2.5
)");
  EXPECT_EQ(c->localType("f", "x"), "f32");
  EXPECT_EQ(c->errors(),
            Errors{"7:9 incompatible-assignment: cannot assign a value of type float to 'y', declared as int"});
  ASSERT_EQ(c->diags.all()[0].notes.size(), 1u);
  EXPECT_EQ(c->diags.all()[0].notes[0].span.line, 6u + kPreludeLines);
}

TEST(Locals, ParameterKeepsDeclaredType) {
  auto c = checkSource(R"(
@pyxc.native
def f(n: int, x: float) -> None:
    x = n
    n = x
)");
  EXPECT_EQ(c->errors(),
            Errors{"5:9 incompatible-assignment: cannot assign a value of type float to 'n', declared as int"});
  EXPECT_EQ(c->diags.all()[0].notes[0].message, "parameter 'n' is declared here");
}

TEST(Locals, IncompatibleKindsNameBothPlaces) {
  auto c = checkSource(R"(
@pyxc.native
def f() -> None:
    x = 1
    x = 1, 2
)");
  EXPECT_EQ(c->errors(), Errors{"5:9 incompatible-assignment: 'x' is assigned a value of type tuple[int, int] here "
                                "but a value of type int elsewhere; a local has one type"});
  ASSERT_EQ(c->diags.all()[0].notes.size(), 1u);
  EXPECT_EQ(c->diags.all()[0].notes[0].span.line, 4u + kPreludeLines);
  EXPECT_EQ(c->diags.all()[0].notes[0].message, "'x' gets type int here");
}

TEST(Locals, ConflictingAnnotations) {
  auto c = checkSource(R"(
@pyxc.native
def f() -> None:
    x: int = 1
    x: float = 2.0
)");
  EXPECT_EQ(c->firstError(), "5:8 incompatible-assignment: 'x' is annotated as float here but as int before");
}

TEST(Locals, TupleUnpackingAndSwap) {
  auto c = checkSource(R"(
@pyxc.native
def divmod_like(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b

@pyxc.native
def f(a: int, b: float) -> float:
    q, r = divmod_like(7, 2)
    a, b = b, a
    x, y = 1, 2.5
    return q + r + x + y
)");
  EXPECT_EQ(c->errors(),
            Errors{"9:12 incompatible-assignment: cannot assign a value of type float to 'a', declared as int"});
  EXPECT_EQ(c->localType("f", "q"), "int");
  EXPECT_EQ(c->localType("f", "r"), "int");
  EXPECT_EQ(c->localType("f", "x"), "int");
  EXPECT_EQ(c->localType("f", "y"), "float");
}

TEST(Locals, UnpackingErrors) {
  auto c = checkSource(R"(
@pyxc.native
def f() -> None:
    t = 1, 2, 3
    a, b = t
    c, d = 1
    e, g, h, k = t
)");
  EXPECT_EQ(c->errors(), (Errors{"5:12 type-mismatch: too many values to unpack (expected 2)",
                                 "6:12 type-mismatch: cannot unpack a non-iterable value of type int (native code unpacks tuples and "
                                 "arrays)",
                                 "7:18 type-mismatch: not enough values to unpack (expected 4, got 3)"}));
}

TEST(Locals, NameRefsAndLocalsOrder) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: int, b: int) -> int:
    c = a
    return c + b
)");
  const auto& fn = c->fn("f");
  ASSERT_EQ(fn.locals.size(), 3u);
  EXPECT_EQ(fn.locals[0].name, "a");
  EXPECT_EQ(fn.locals[2].name, "c");
  const ast::Expr& ret = *fn.body[1]->exprs[0];
  EXPECT_EQ(ret.operand(0)->ref.kind, ast::RefKind::Local);
  EXPECT_EQ(ret.operand(0)->ref.index, 2);
  EXPECT_EQ(ret.operand(1)->ref.index, 1);
}

TEST(Module, DirectivesOnFromImportedNative) {
  auto c = checkSource(R"(
@native(cdivision=True)
def f(x: int) -> int:
    return x // 2
)");
  EXPECT_TRUE(c->fn("f").isNative);
  EXPECT_TRUE(c->fn("f").directives.cdivision);
  EXPECT_TRUE(c->fn("f").directives.boundscheck);
  EXPECT_EQ(c->errors(), Errors{});
}

TEST(Module, OtherModulesAreReportedWithTheirName) {
  auto c = checkSource(R"(
import scipy as sp
from os import sep

@pyxc.native
def f(x: float) -> float:
    y = sep
    return sp.erf(x)
)");
  EXPECT_EQ(c->errors(),
            (Errors{"7:9 unsupported-construct: 'sep' (imported from os) cannot be used in native code; pass its "
                    "value as a parameter",
                    "8:12 python-call: calling 'sp.erf' of the Python module 'scipy' from native code needs the "
                    "GIL: wrap the call in 'with pyxc.gil():'"}));
}

TEST(Module, NumpyNamesAreRoutedAndUnknownOnesNamed) {
  auto c = checkSource(R"(
import numpy as np
from numpy import float64

@pyxc.native
def f(x: float) -> float:
    y = np.frobnicate(x)
    return np.float64(x) + float64(x) + np.pi + np.inf
)");
  EXPECT_EQ(c->errors(),
            (Errors{"7:9 unsupported-construct: numpy.frobnicate() ('np.frobnicate') is not supported in native "
                    "code; see docs/coverage.md for the NumPy functions pyxc compiles, or move the call out of the "
                    "native function"}));
}
