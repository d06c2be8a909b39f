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
# CHECK-LABEL: static PyObject* scale__f32__call(
# CHECK: if (!in.a_.acquire(bound[0], true, "scale", "a")) return nullptr;
# The buffer moves into the .aio job (released when the loop drains it).
# CHECK: if (aio) return pyxc::rt::submit_aio<scale__f32__run>(std::move(in));
# CHECK-LABEL: static int scale__pick(
# CHECK: if (pyxc::rt::buffer_matches<float>(bound[0]) && (!bound[1] || pyxc::rt::scalar_matches<float>(bound[1]))) return 0;
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0]) && (!bound[1] || pyxc::rt::scalar_matches<double>(bound[1]))) return 1;
# An int for k goes to the widest member (f64) before any member:
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0])) return 1;
# CHECK-NEXT: if (pyxc::rt::buffer_matches<float>(bound[0])) return 0;
# CHECK-NEXT: if (pyxc::rt::buffer_matches<double>(bound[0])) return 1;
# CHECK-NEXT: if (!(pyxc::rt::buffer_matches<float>(bound[0]) || pyxc::rt::buffer_matches<double>(bound[0]))) { pyxc::rt::fused_mismatch("scale", "a", bound[0], "f32 or f64"); return -1; }
# CHECK-NEXT: return 0;
# The call and .aio forward to the picked specialization's own entry point.
# CHECK-LABEL: static PyObject* scale__vectorcall(
# CHECK-NEXT: static const vectorcallfunc specializations[] = {scale__f32__vectorcall, scale__f64__vectorcall};
# CHECK-NEXT: int picked = scale__pick(args, nargsf, kwnames);
# CHECK-NEXT: return picked < 0 ? nullptr : specializations[picked](nullptr, args, nargsf, kwnames);
# CHECK-LABEL: static PyObject* scale__aio(
# CHECK-NEXT: static const vectorcallfunc specializations[] = {scale__f32__aio, scale__f64__aio};
# Python sees one function.
# CHECK: static const pyxc::rt::FunctionEntry functions[] = {
# CHECK-NEXT: {"scale", scale__vectorcall, scale__aio},
# CHECK-NEXT: };
