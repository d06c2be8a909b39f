# The module around the bodies: forward declarations, wrappers (<false> call, <true> .aio),
# PyInit with __pyxc_sources__, and bodies last (only they carry #line).
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc


@pyxc.native
def first(n: int, x: float = 0.5, *, scale: int = 2) -> float:
    return second(n) * x + scale
# CHECK: #include <pyxc/runtime.h>
# CHECK-NOT: #line
# CHECK: static double first__impl(int64_t n_, double x_, int64_t scale_);
# CHECK-NEXT: static int64_t second__impl(int64_t n_);


@pyxc.native
def second(n: int) -> int:
    """Doc "quoted" and \\ backslashed ??= é"""
    return n


def not_native(x):
    return x
# CHECK: template <bool Aio>
# CHECK-NEXT: static PyObject* first__vectorcall(PyObject*, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
# CHECK-NEXT: static const char* const params[] = {"n", "x", "scale"};
# CHECK-NEXT: .name = "first", .params = params, .n_posonly = 0, .n_pos_or_kw = 2, .n_kwonly = 1, .n_required = 1, .kwonly_required = 0u};
# CHECK-NEXT: PyObject* bound[3] = {};
# CHECK-NEXT: if (!pyxc::rt::bind_args(spec, args, nargsf, kwnames, bound)) return nullptr;
# CHECK-NEXT: int64_t n_{};
# CHECK-NEXT: if (!pyxc::rt::from_py(bound[0], &n_, "first", "n")) return nullptr;
# CHECK-NEXT: double x_ = 0.5;
# CHECK-NEXT: if (bound[1] && !pyxc::rt::from_py(bound[1], &x_, "first", "x")) return nullptr;
# CHECK-NEXT: int64_t scale_ = int64_t{2};
# CHECK-NEXT: if (bound[2] && !pyxc::rt::from_py(bound[2], &scale_, "first", "scale")) return nullptr;
# .aio: the job owns copies of the converted arguments.
# CHECK-NEXT: if constexpr (Aio) {
# CHECK-NEXT: return pyxc::rt::submit_aio([n_, x_, scale_]() __attribute__((noinline)) { return first__impl(n_, x_, scale_); });
# CHECK-NEXT: } else {
# A call in the body: the GIL is released.
# CHECK-NEXT: return pyxc::rt::call_nogil([&]() __attribute__((noinline)) { return first__impl(n_, x_, scale_); });

# CHECK-LABEL: static PyObject* second__vectorcall(
# Straight-line body: keeps the GIL, but .aio still runs it on the pool.
# CHECK: return pyxc::rt::submit_aio([n_]() __attribute__((noinline)) { return second__impl(n_); });
# CHECK: return pyxc::rt::call_with_gil([&] { return second__impl(n_); });
# CHECK-NOT: not_native

# CHECK-LABEL: PyMODINIT_FUNC PyInit_module(void) {
# CHECK: {"first", first__vectorcall<false>, first__vectorcall<true>},
# CHECK-NEXT: {"second", second__vectorcall<false>, second__vectorcall<true>},
# CHECK: static const pyxc::rt::SourceEntry sources[] = {
# CHECK-NEXT: {"first",
# CHECK-NEXT: "@pyxc.native\n"
# CHECK-NEXT: "def first(n: int, x: float = 0.5, *, scale: int = 2) -> float:\n"
# CHECK-NEXT: "    return second(n) * x + scale\n"
# CHECK-NEXT: },
# CHECK-NEXT: {"second",
# CHECK-NEXT: "@pyxc.native\n"
# CHECK-NEXT: "def second(n: int) -> int:\n"
# CHECK-NEXT: "    \"\"\"Doc \"quoted\" and \\\\ backslashed \?\?= \303\251\"\"\"\n"
# CHECK-NEXT: "    return n\n"
# CHECK-NEXT: },
# CHECK: return pyxc::rt::init_module(&pyxc_module_def, functions, std::size(functions), sources, std::size(sources), "{{[^"]+}}");

# CHECK-LABEL: function bodies
# CHECK: #line 8 "{{.*}}module.py"
# CHECK-NEXT: static double first__impl(int64_t n_, double x_, int64_t scale_) {
# CHECK-NEXT: #line 9 "{{.*}}module.py"
# CHECK-NEXT: return (static_cast<double>(second__impl(n_)) * x_) + static_cast<double>(scale_);
# CHECK: #line 17 "{{.*}}module.py"
# CHECK-NEXT: static int64_t second__impl(int64_t n_) {
# CHECK-NEXT: #line 19 "{{.*}}module.py"
# CHECK-NEXT: return n_;
