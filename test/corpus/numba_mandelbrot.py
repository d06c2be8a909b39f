"""Numba documentation: mandelbrot (the examples section, create_fractal).

Escape-time Mandelbrot image: a helper iterating `z = z*z + c` on Python
complex numbers (`complex(x, y)`, `0.0j`, `z.real`, `z.imag`) up to
`max_iters`, and `create_fractal` filling an image row by row from the
pixel's coordinates. Needs complex numbers in native code (a later
issue). Written afresh for pyxc from the documentation's description.
"""
import numpy as np

import pyxc
from pyxc import f64, u8

CORPUS_EXPECT = "refused"
CORPUS_ENTRY = "create_fractal"


@pyxc.native
def mandel(x: f64, y: f64, max_iters: int) -> int:
    i = 0
    c = complex(x, y)
    z = 0.0j
    for i in range(max_iters):
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) >= 4:
            return i
    return 255


@pyxc.native
def create_fractal(min_x: f64, max_x: f64, min_y: f64, max_y: f64, image: u8[:, :], iters: int) -> u8[:, :]:
    height = image.shape[0]
    width = image.shape[1]
    pixel_size_x = (max_x - min_x) / width
    pixel_size_y = (max_y - min_y) / height
    for x in range(width):
        real = min_x + x * pixel_size_x
        for y in range(height):
            imag = min_y + y * pixel_size_y
            color = mandel(real, imag, iters)
            image[y, x] = color
    return image


def CORPUS_INPUTS():
    return [
        (-2.0, 1.0, -1.0, 1.0, np.zeros((1, 1), np.uint8), 20),
        (-2.0, 1.0, -1.0, 1.0, np.zeros((12, 18), np.uint8), 20),
        (-2.0, 1.0, -1.0, 1.0, np.zeros((5, 5), np.uint8), 0),
        (-2.0, 1.0, -1.0, 1.0, np.zeros((0, 3), np.uint8), 20),   # height 0: ZeroDivisionError
    ]


def CORPUS_LARGE():
    return (-2.0, 1.0, -1.0, 1.0, np.zeros((96, 128), np.uint8), 20)
