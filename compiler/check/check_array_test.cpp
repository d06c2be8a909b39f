// Arrays in the checker: element types, shape queries, stores, pyxc.empty /
// pyxc.zeros, and the diagnostics for what native code cannot do with them.
#include <gtest/gtest.h>

#include "compiler/check/check_test_util.h"

namespace pyxc::check::testing {
namespace {

using Errors = std::vector<std::string>;

TEST(Arrays, ElementShapeAndLoopTypes) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f32[:, ::1], b: u8[:]):
    x = a[0, 1]
    n, m = a.shape
    k = a.shape[1]
    d = a.ndim
    s = a.size
    l = len(b)
    for v in b:
        pass
    return x
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "x"), "f32");
  EXPECT_EQ(c->localType("f", "n"), "int");
  EXPECT_EQ(c->localType("f", "k"), "int");
  EXPECT_EQ(c->localType("f", "d"), "int");
  EXPECT_EQ(c->localType("f", "s"), "int");
  EXPECT_EQ(c->localType("f", "l"), "int");
  EXPECT_EQ(c->localType("f", "v"), "u8");
  EXPECT_EQ(c->returnType("f"), "f32");
}

TEST(Arrays, ConstructorsInferShapeAndDtype) {
  auto c = checkSource(R"(
@pyxc.native
def f(n: int):
    a = pyxc.empty(n, pyxc.i32)
    b = pyxc.zeros((n, 3), dtype=f32)
    z = pyxc.zeros(n)
    return a
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "a"), "i32[::1]");
  EXPECT_EQ(c->localType("f", "b"), "f32[:, ::1]");
  EXPECT_EQ(c->localType("f", "z"), "f64[::1]");
  EXPECT_EQ(c->returnType("f"), "i32[::1]");
}

TEST(Arrays, ContiguousJoinsStrided) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f64[:], b: f64[::1], t: bool) -> f64:
    c = b
    if t:
        c = a
    return c[0]
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "c"), "f64[:]");
}

TEST(Arrays, StoresConvertLikeAssignments) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: i32[:], b: f64[:], x: float) -> None:
    b[0] = 1
    a[0] = 7
    a[1] += 2
    a[2] = x
    a[3] += x
    a[4] = 5000000000
)");
  EXPECT_EQ(c->errors(),
            (Errors{"7:12 incompatible-assignment: cannot store a value of type float into an element of i32[:]; "
                    "convert it with int(...) first",
                    "8:5 incompatible-assignment: the result of '+=' is float, which cannot be stored into an "
                    "element of i32[:]; convert it with int(...) first",
                    "9:12 bad-literal: integer literal 5000000000 does not fit in i32"}));
}

TEST(Arrays, IndexingErrors) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f64[:, :], x: float) -> None:
    z = a[0, 1, 2]
    w = a[x, 0]
    u = a.T
    v = a[0:x, 0]
)");
  EXPECT_EQ(c->errors(),
            (Errors{"4:9 unsupported-construct: too many indices for f64[:, :]: it has 2 axes but 3 were given",
                    "5:11 type-mismatch: array indices must be integers or slices, not float",
                    "6:9 unsupported-construct: attribute 'T' of f64[:, :] is not supported; arrays support .shape, "
                    ".ndim and .size in native code",
                    "7:13 type-mismatch: slice stop must be an integer or omitted, not float; convert it with "
                    "int(...)"}));
}

TEST(Arrays, ViewTypesAndContiguity) {
  auto c = checkSource(R"(
@pyxc.native
def f(m: f64[:, ::1], a: i32[::1], s: f64[:, :], t: f64[:, :, ::1], i: int) -> None:
    row = m[i]
    col = m[:, i]
    rows = m[1:3]
    cols = m[:, 1:]
    whole = m[:]
    inner = a[1:-1]
    unit = a[i:i + 2:1]
    every2 = a[::2]
    back = a[::-1]
    srow = s[i]
    plane = t[i, 1:]
    line = t[i, i]
    strip = t[i, :, 2:]
    for r in m:
        pass
    for q in s:
        pass
    e = m[i][i]
)");
  EXPECT_EQ(c->errors(), Errors{});
  EXPECT_EQ(c->localType("f", "row"), "f64[::1]");
  EXPECT_EQ(c->localType("f", "col"), "f64[:]");
  EXPECT_EQ(c->localType("f", "rows"), "f64[:, ::1]");
  EXPECT_EQ(c->localType("f", "cols"), "f64[:, :]");
  EXPECT_EQ(c->localType("f", "whole"), "f64[:, ::1]");
  EXPECT_EQ(c->localType("f", "inner"), "i32[::1]");
  EXPECT_EQ(c->localType("f", "unit"), "i32[::1]");
  EXPECT_EQ(c->localType("f", "every2"), "i32[:]");
  EXPECT_EQ(c->localType("f", "back"), "i32[:]");
  EXPECT_EQ(c->localType("f", "srow"), "f64[:]");
  EXPECT_EQ(c->localType("f", "plane"), "f64[:, ::1]");
  EXPECT_EQ(c->localType("f", "line"), "f64[::1]");
  EXPECT_EQ(c->localType("f", "strip"), "f64[:, :]");
  EXPECT_EQ(c->localType("f", "r"), "f64[::1]");
  EXPECT_EQ(c->localType("f", "q"), "f64[:]");
  EXPECT_EQ(c->localType("f", "e"), "float");
}

TEST(Arrays, WholeArrayOperationsAreRejected) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f64[:], b: f64[:]) -> None:
    c = a + b
    if a:
        pass
    d = a < b
    e = math.sqrt(a)
)");
  EXPECT_EQ(c->errors(),
            (Errors{"4:9 unsupported-construct: '+' of a whole array (f64[:]) is not supported in native code; "
                    "write a loop over its elements",
                    "5:8 type-mismatch: the truth value of an array is ambiguous; an array cannot be used as a "
                    "condition (test a.size or an element instead)",
                    "7:9 unsupported-construct: comparison '<' of a whole array (f64[:]) is not supported in native "
                    "code; write a loop over its elements",
                    "8:19 type-mismatch: math.sqrt() needs a number here, not f64[:]"}));
}

TEST(Arrays, PassingArraysBetweenNativeFunctions) {
  auto c = checkSource(R"(
@pyxc.native
def g(a: f64[:]) -> float:
    return a[0]

@pyxc.native
def h(a: f64[::1]) -> float:
    return a[0]

@pyxc.native
def f(a: f64[:], b: f64[::1], i: i64[:]) -> float:
    return g(b) + g(a) + h(a) + g(i)
)");
  EXPECT_EQ(c->errors(),
            (Errors{"12:28 type-mismatch: argument 'a' of h() must be f64[::1], not f64[:]",
                    "12:35 type-mismatch: argument 'a' of g() must be f64[:], not i64[:]"}));
}

TEST(Arrays, ConstructorErrors) {
  auto c = checkSource(R"(
@pyxc.native
def f(n: int, x: float) -> None:
    a = pyxc.empty(x)
    b = pyxc.zeros(n, math)
    c = pyxc.zeros(n, f64, 3)
    d = pyxc.empty(n, order=1)
)");
  EXPECT_EQ(c->errors(),
            (Errors{"4:20 type-mismatch: the shape of pyxc.empty() must be an int or a tuple of ints, not float",
                    "5:23 unsupported-type: the dtype of pyxc.zeros() must be a pyxc type such as pyxc.f64 or "
                    "pyxc.i32 (or int, float, bool)",
                    "6:9 bad-call: pyxc.zeros() takes at most 2 arguments: a shape and a dtype",
                    "7:23 bad-call: pyxc.empty() got an unexpected keyword argument 'order'"}));
}

TEST(Arrays, AnnotationLimits) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: f64[:, ::1, :], b: f64[1:]) -> None:
    pass
)");
  EXPECT_EQ(c->errors(),
            (Errors{"3:17 unsupported-type: array axes must be written ':' (or '::1' on the last axis for a "
                    "C-contiguous array)",
                    "3:33 unsupported-type: array axes must be written ':' (or '::1' on the last axis for a "
                    "C-contiguous array)"}));
}

TEST(Fused, OneSpecializationPerMemberAndSharedNames) {
  auto c = checkSource(R"(
T = pyxc.fused("T", f32, f64)

@pyxc.native
def scale(a: T[:], k: T) -> T:
    return a[0] * k

@pyxc.native
def total(a: pyxc.floating[:], b: pyxc.integer[:]) -> float:
    return a[0] + b[0]

@pyxc.native
def caller(x: f32[:]) -> f32:
    return scale(x, 2.0)
)");
  EXPECT_EQ(c->errors(), Errors{});
  std::vector<std::string> scales;
  int totals = 0;
  for (const auto* f : c->module.functions) {
    if (f->name == "scale" && f->specializationOf >= 0)
      scales.push_back(f->cppName + ":" + types::pythonName(f->params[0].type) + "," +
                       types::pythonName(f->params[1].type) + "->" + types::pythonName(f->returnType));
    if (f->name == "total" && f->specializationOf >= 0) ++totals;
  }
  EXPECT_EQ(scales, (std::vector<std::string>{"scale__f32:f32[:],f32->f32", "scale__f64:f64[:],float->float"}));
  EXPECT_EQ(totals, 16);
  EXPECT_EQ(c->returnType("caller"), "f32");
}

TEST(Fused, ErrorsAreReportedOncePerPlace) {
  auto c = checkSource(R"(
@pyxc.native
def f(a: pyxc.floating[:]) -> None:
    a[0] = undefined_name

@pyxc.native
def g(x: float) -> None:
    y: pyxc.floating = x

@pyxc.native
def h(a: pyxc.floating[:], b: i64[:]) -> float:
    return f(b)
)");
  EXPECT_EQ(c->errors(),
            (Errors{"8:8 unsupported-type: the fused type 'floating' can only be used in a native function's "
                    "parameter and return annotations (and in its locals' annotations when a parameter uses it)",
                    "4:12 undefined-name: name 'undefined_name' is not defined",
                    "12:12 type-mismatch: no specialization of the fused function f() accepts arguments of types "
                    "i64[:]"}));
}

TEST(Fused, MembersMustBeDistinctScalarsNotFusedTypes) {
  // Found by fuzzing: `T = pyxc.fused("T", T)` recursed until the stack
  // overflowed; equal members gave identical specializations. Each is
  // reported once, where pyxc.fused() is written, not again at every use.
  auto c = checkSource(R"(
T = pyxc.fused("T", T)
A = pyxc.fused("A", f32, B)
B = pyxc.fused("B", A, f64)
D = pyxc.fused("D", i64, f32, int)

@pyxc.native
def f(t: T, a: A, b: B, d: D) -> D:
    return d
)");
  EXPECT_EQ(c->errors(),
            (Errors{"2:21 unsupported-type: a fused type cannot be a member of pyxc.fused(); list its scalar types instead",
                    "3:26 unsupported-type: a fused type cannot be a member of pyxc.fused(); list its scalar types instead",
                    "4:21 unsupported-type: a fused type cannot be a member of pyxc.fused(); list its scalar types instead",
                    "5:31 unsupported-type: pyxc.fused() lists i64 twice"}));
}

}  // namespace
}  // namespace pyxc::check::testing
