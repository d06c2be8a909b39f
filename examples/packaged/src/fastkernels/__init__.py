"""Example package: two compiled modules and a Python command line."""
from .kernels import count_primes, harmonic
from .stats import mean_of_squares

__all__ = ["count_primes", "harmonic", "mean_of_squares"]
