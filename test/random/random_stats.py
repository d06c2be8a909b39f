"""Counters printed at the end of a run (programs, functions, calls)."""
from __future__ import annotations

RAISED: dict = {}
STATS = {"modules": 0, "functions": 0, "calls": 0, "unpromised": 0, "raised": 0, "build_seconds": 0.0}


def summary() -> str:
    s = STATS
    return (f"random programs: {s['modules']} modules, {s['functions']} functions, {s['calls']} calls compared "
            f"({s['raised']} raised on both sides, {s['unpromised']} skipped as unpromised), "
            f"{s['build_seconds']:.0f} s building; raised: {dict(sorted(RAISED.items(), key=lambda kv: -kv[1]))}")
