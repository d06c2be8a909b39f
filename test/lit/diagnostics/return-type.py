# Return values must fit the declared type (int widens to float, not back).
# RUN: not %pyxc check %s 2>&1 | %FileCheck %s --implicit-check-not=error:
import pyxc


@pyxc.native
def widen(n: int) -> float:
    return n


@pyxc.native
def narrow(x: float) -> int:
    # CHECK: :[[@LINE+2]]:12: error: 'narrow' is declared to return int but this returns float [return-type]
    # CHECK: :12:25: note: return type declared here
    return x


@pyxc.native
# CHECK: :[[@LINE+1]]:5: error: 'maybe' is declared to return int but can reach the end of its body without a return [return-type]
def maybe(x: int) -> int:
    if x > 0:
        return x
