"""Computer Language Benchmarks Game: mandelbrot.

The n x n Mandelbrot set over [-1.5, 0.5] x [-1, 1] as a 1-bit bitmap,
8 pixels per byte, most significant bit first, rows padded to whole
bytes (what the benchmark writes as a PBM file; here the bytes are
returned as a `np.zeros((n, (n + 7) // 8), np.uint8)` array). 50
iterations of z = z^2 + c on float pairs, a pixel is in the set when
|z| never exceeds 2. Written afresh for pyxc from the benchmark's
description.
"""
import numpy as np

import pyxc

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "mandelbrot"


@pyxc.native
def mandelbrot(n: int):
    row_bytes = (n + 7) // 8
    out = np.zeros((n, row_bytes), np.uint8)
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for xb in range(row_bytes):
            bits = 0
            for bit in range(8):
                x = xb * 8 + bit
                cr = 2.0 * x / n - 1.5
                zr = zi = 0.0
                inside = x < n
                for _ in range(50):
                    zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                    if zr * zr + zi * zi > 4.0:
                        inside = False
                        break
                bits = (bits << 1) | (1 if inside else 0)
            out[y, xb] = bits
    return out


def CORPUS_INPUTS():
    return [
        (0,),
        (1,),
        (9,),                                # a partial last byte
        (16,),
        (-1,),                               # negative dimensions: ValueError
    ]


def CORPUS_LARGE():
    return (80,)
