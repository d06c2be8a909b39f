"""Statements: if/elif/else, while and while/else, for over range with
positive, negative and zero steps, for/else, break, continue, pass, and
conditional expressions."""
import pyxc

PYXC_TEST_ARGS = {
    "sum_range": {"start": (-50, 50), "stop": (-50, 50), "step": (-7, 7)},
    "count_down": {"n": (-5, 200)},
    "first_divisor": {"n": (-10, 5000)},
    "collatz_steps": {"n": (1, 100000)},
    "digits_sum": {"n": (-10**12, 10**12)},
    "nested_break": {"n": (0, 40)},
    "while_else_search": {"n": (0, 300), "target": (-5, 400)},
    "skip_multiples": {"n": (0, 500), "k": (-3, 20)},
    "range_one_arg": {"n": (-5, 300)},
}


@pyxc.native
def classify(x: int) -> int:
    if x < 0:
        return -1
    elif x == 0:
        return 0
    elif x < 10:
        return 1
    else:
        return 2


@pyxc.native
def sign_float(x: float) -> float:
    return 1.0 if x > 0 else (-1.0 if x < 0 else x)


@pyxc.native
def sum_range(start: int, stop: int, step: int) -> int:
    total = 0
    for i in range(start, stop, step):
        total += i * i - i
    return total


@pyxc.native
def range_one_arg(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


@pyxc.native
def count_down(n: int) -> int:
    last = -1
    for i in range(n, 0, -1):
        last = i
    return last


@pyxc.native
def first_divisor(n: int) -> int:
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return n
    return d


@pyxc.native
def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@pyxc.native
def digits_sum(n: int) -> int:
    n = abs(n)
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


@pyxc.native
def nested_break(n: int) -> int:
    found = 0
    for i in range(n):
        for j in range(n):
            if i * j > n:
                break
            if (i + j) % 3 == 0:
                continue
            found += 1
    return found


@pyxc.native
def while_else_search(n: int, target: int) -> int:
    i = 0
    while i < n:
        if i * i == target:
            break
        i += 1
    else:
        i = -1
    return i


@pyxc.native
def skip_multiples(n: int, k: int) -> int:
    total = 0
    for i in range(n):
        if k != 0 and i % k == 0:
            continue
        elif i > 400:
            pass
        total += i
    return total


@pyxc.native
def ternary_chain(a: int, b: int) -> int:
    return a if a > b else b if b > 0 else -b if b > -100 else 0


@pyxc.native
def loop_variable_after(n: int) -> int:
    i = -1
    for i in range(0, n if n < 100 else 100, 3):
        pass
    return i
