"""NPBench: crc16.

The CRC-16/X-25 style checksum of a byte array, bit by bit: for every
byte (`for b in data`) eight steps shifting the register right and
xoring the reflected polynomial 0x8408 in when the low bits differ; then
the complement and a byte swap. Integer bit operations only (`&`, `^`,
`>>=`, `~`, `<<`, `|`), a default argument. Written afresh for pyxc from
the benchmark's description.
"""
import numpy as np

import pyxc
from pyxc import u8

CORPUS_EXPECT = "compiles"
CORPUS_ENTRY = "crc16"


@pyxc.native
def crc16(data: u8[:], poly: int = 0x8408) -> int:
    crc = 0xFFFF
    for b in data:
        cur_byte = 0xFF & b
        for _ in range(0, 8):
            if (crc & 0x0001) ^ (cur_byte & 0x0001):
                crc = (crc >> 1) ^ poly
            else:
                crc >>= 1
            cur_byte >>= 1
    crc = (~crc & 0xFFFF)
    crc = (crc << 8) | ((crc >> 8) & 0xFF)
    return crc & 0xFFFF


def CORPUS_INPUTS():
    rng = np.random.default_rng(64)
    return [
        (np.empty(0, np.uint8),),
        (np.array([0], np.uint8),),
        (np.array([255], np.uint8), 0x1021),
        (np.frombuffer(b"123456789", np.uint8).copy(),),
        (rng.integers(0, 256, 1000, dtype=np.uint8),),
    ]


def CORPUS_LARGE():
    return (np.random.default_rng(65).integers(0, 256, 12_000, dtype=np.uint8),)
