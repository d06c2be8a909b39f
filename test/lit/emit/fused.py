# Fused types: one C++ body per member, and a dispatcher that forwards to the
# first specialization whose buffers match (exact scalar types first).
# RUN: %pyxc emit --no-line-directives %s | %FileCheck %s
import pyxc
from pyxc import f32, f64

T = pyxc.fused("T", f32, f64)


@pyxc.native
def scale(a: T[:], k: T) -> None:
    for i in range(len(a)):
        a[i] *= k
# CHECK-LABEL: static void scale__f32__impl(pyxc::rt::ArrayView<float, 1, false> a_, float k_);
# CHECK-NEXT: static void scale__f64__impl(pyxc::rt::ArrayView<double, 1, false> a_, double k_);
# CHECK-LABEL: static PyObject* scale__f32__vectorcall(
# CHECK: if (!a_.acquire(bound[0], true, "scale", "a")) return nullptr;
# The buffer moves into the .aio job (released when the loop drains it).
# CHECK: return pyxc::rt::submit_aio([a_ = std::move(a_), k_]() __attribute__((noinline)) { return scale__f32__impl(a_.view(), k_); });
# CHECK-LABEL: static PyObject* scale__vectorcall(
# CHECK: if (pyxc::rt::buffer_matches<float>(bound[0]) && (!bound[1] || pyxc::rt::scalar_matches<float>(bound[1]))) return scale__f32__vectorcall<Aio>(nullptr, args, nargsf, kwnames);
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0]) && (!bound[1] || pyxc::rt::scalar_matches<double>(bound[1]))) return scale__f64__vectorcall<Aio>(nullptr, args, nargsf, kwnames);
# An int for k goes to the widest member (f64) before any member:
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0])) return scale__f64__vectorcall<Aio>(nullptr, args, nargsf, kwnames);
# CHECK-NEXT: if (pyxc::rt::buffer_matches<float>(bound[0])) return scale__f32__vectorcall<Aio>(nullptr, args, nargsf, kwnames);
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0])) return scale__f64__vectorcall<Aio>(nullptr, args, nargsf, kwnames);
# CHECK-NEXT: if (!(pyxc::rt::buffer_matches<float>(bound[0]) || pyxc::rt::buffer_matches<double>(bound[0]))) return pyxc::rt::fused_mismatch("scale", "a", bound[0], "f32 or f64");
# Python sees one function.
# CHECK: static const pyxc::rt::FunctionEntry functions[] = {
# CHECK-NEXT: {"scale", scale__vectorcall<false>, scale__vectorcall<true>},
# CHECK-NEXT: };
