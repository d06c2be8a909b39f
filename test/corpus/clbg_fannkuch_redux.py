"""Computer Language Benchmarks Game: fannkuch-redux.

For every permutation of 0..n-1 in the benchmark's order (generated
incrementally with a count array and rotations), count the prefix
reversals ("pancake flips") until 0 is first; return the checksum
(flip counts with alternating signs) and the maximum. Python lists
(`list(range(n))`, copies `perm1[:]`, slice reversal
`perm[:k + 1] = perm[k::-1]`), tuple swaps, a `for ... else`, and a
tuple result. Written afresh for pyxc from the benchmark's description.
"""
import pyxc

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "fannkuch"


@pyxc.native
def fannkuch(n: int) -> tuple[int, int]:
    max_flips = 0
    checksum = 0
    sign = 1
    perm1 = list(range(n))
    count = perm1[:]
    while True:
        k = perm1[0]
        if k:
            perm = perm1[:]
            flips = 1
            kk = perm[k]
            while kk:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = kk
                kk = perm[kk]
            if max_flips < flips:
                max_flips = flips
            checksum += flips * sign
        if sign == 1:
            perm1[0], perm1[1] = perm1[1], perm1[0]
            sign = -1
        else:
            perm1[1], perm1[2] = perm1[2], perm1[1]
            sign = 1
            for r in range(2, n - 1):
                if count[r]:
                    count[r] -= 1
                    break
                count[r] = r
                perm0 = perm1[0]
                perm1[:r + 1] = perm1[1:r + 2]
                perm1[r + 1] = perm0
            else:
                return checksum, max_flips


def CORPUS_INPUTS():
    return [
        (0,),                                # perm1[0] of an empty list: IndexError
        (3,),
        (5,),
        (7,),
    ]


def CORPUS_LARGE():
    return (9,)
