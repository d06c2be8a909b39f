# cython: language_level=3
# The same functions as call_overhead_subject.py, as a Cython user would
# write them: a `def` with C-typed arguments.


def add(long long a, long long b):
    return a + b


def fadd(double a, double b):
    return a + b
