"""Computer Language Benchmarks Game: spectral-norm.

The spectral norm of the infinite matrix A(i, j) = 1/((i+j)(i+j+1)/2 + i + 1)
truncated to n x n, by 10 power iterations of A^T A on Python lists:
list comprehensions over `range(len(u))`, `enumerate` in the partial dot
products, `zip` for the final vBv / vv, `math.sqrt`. Written afresh for
pyxc from the benchmark's description.
"""
import math

import pyxc

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "spectral_norm"


@pyxc.native
def eval_A(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


@pyxc.native
def part_A_times_u(i: int, u: list[float]) -> float:
    partial_sum = 0.0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(i, j) * u_j
    return partial_sum


@pyxc.native
def part_At_times_u(i: int, u: list[float]) -> float:
    partial_sum = 0.0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(j, i) * u_j
    return partial_sum


@pyxc.native
def eval_AtA_times_u(u: list[float]) -> list[float]:
    v = [part_A_times_u(i, u) for i in range(len(u))]
    return [part_At_times_u(i, v) for i in range(len(v))]


@pyxc.native
def spectral_norm(n: int) -> float:
    u = [1.0 for _ in range(n)]
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return math.sqrt(vBv / vv)


def CORPUS_INPUTS():
    return [
        (0,),                                # vv is 0: ZeroDivisionError
        (1,),
        (2,),
        (25,),
    ]


def CORPUS_LARGE():
    return (64,)
