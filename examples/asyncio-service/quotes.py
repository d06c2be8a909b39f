"""A quote service: each request fetches market data (simulated I/O), then
prices a European call option by Monte Carlo, a few milliseconds of pure
CPU work. `price_call` is the hot function, compiled by pyxc; the rest is
ordinary asyncio. Runs unchanged with plain CPython."""
from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass

import pyxc


@pyxc.native
def price_call(spot: float, strike: float, rate: float, volatility: float, years: float,
               paths: int, seed: int) -> float:
    """Monte-Carlo price of a European call: `paths` end prices of
    geometric Brownian motion from Box-Muller normals of a 31-bit linear
    congruential generator (glibc's constants), payoffs discounted."""
    if paths <= 0:
        raise ValueError("paths must be positive")
    drift = (rate - 0.5 * volatility * volatility) * years
    spread = volatility * math.sqrt(years)
    state = seed % 2147483648
    total = 0.0
    for _ in range(paths):
        state = (state * 1103515245 + 12345) % 2147483648
        u1 = (state + 1.0) / 2147483649.0
        state = (state * 1103515245 + 12345) % 2147483648
        u2 = state / 2147483648.0
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        end = spot * math.exp(drift + spread * z)
        if end > strike:
            total += end - strike
    return math.exp(-rate * years) * total / paths


@dataclass
class QuoteRequest:
    symbol: str
    strike: float
    years: float
    seed: int


async def fetch_market_data(symbol: str, latency: float) -> tuple[float, float, float]:
    """Stands in for a database or HTTP call: waits, then returns spot,
    rate and volatility."""
    await asyncio.sleep(latency)
    spot = 80.0 + sum(map(ord, symbol)) % 40
    return spot, 0.03, 0.2 + (len(symbol) % 3) * 0.05


async def handle(request: QuoteRequest, mode: str, price=price_call, paths: int = 20_000,
                 latency: float = 0.005) -> float:
    """One request. mode says where the CPU work runs:
    "blocking": on the event loop thread (every other request waits);
    "to_thread": asyncio.to_thread, a Python thread (parallel only if
    `price` releases the GIL, as compiled pyxc functions do);
    "aio": price.aio, pyxc's native worker pool, no Python thread."""
    spot, rate, volatility = await fetch_market_data(request.symbol, latency)
    args = (spot, request.strike, rate, volatility, request.years, paths, request.seed)
    if mode == "blocking":
        return price(*args)
    if mode == "to_thread":
        return await asyncio.to_thread(price, *args)
    if mode == "aio":
        return await price.aio(*args)
    raise ValueError(f"unknown mode {mode!r}")
