# Functions in a call cycle carry a recursion budget, so deep recursion
# raises RecursionError instead of overflowing the C stack; others do not.
# RUN: %pyxc emit %s | %FileCheck %s
import pyxc


@pyxc.native
def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


@pyxc.native
def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


@pyxc.native
def entry(n: int) -> bool:
    return is_even(n)

# CHECK: static bool is_even__impl(int64_t n_, int64_t pyxc_budget);
# CHECK: static bool is_odd__impl(int64_t n_, int64_t pyxc_budget);
# CHECK: static bool entry__impl(int64_t n_);
# CHECK-LABEL: is_even__vectorcall
# CHECK: const int64_t pyxc_budget = pyxc::rt::native_recursion_budget();
# CHECK: is_even__impl(n_, pyxc_budget)
# CHECK-LABEL: entry__vectorcall
# CHECK-NOT: pyxc_budget
# CHECK: return pyxc::rt::call_nogil
# CHECK-LABEL: static bool is_even__impl(
# CHECK-NEXT: if (pyxc_budget <= 0) {{\[\[unlikely\]\]}} pyxc::rt::raise_recursion_error();
# CHECK: is_odd__impl({{.*}}, pyxc_budget - 1)
# CHECK-LABEL: static bool entry__impl(
# CHECK: is_even__impl(n_, pyxc::rt::kDefaultRecursionLimit)
