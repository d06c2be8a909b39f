"""Statistics of a comparison: what a sample set says, and when B is slower.

Samples are taken in pairs, A then B, one right after the other, so that a
machine that slows down slows both members of a pair alike. The ratio of a
benchmark is therefore estimated from the per-pair ratios ``B_i / A_i``:
their median, with the distribution-free confidence interval for a median
(the sign test inverted: order statistics chosen with the binomial
distribution, scipy.stats.quantile_test). It assumes only that pairs are
independent and that under "no change" a pair is as likely to favour A as B;
nothing about the shape of the timing distribution, which on a loaded
machine is skewed and heavy-tailed. A pair hit by a burst of load is one
outlier among the pairs, which moves a median very little.

With too few pairs for the requested confidence the interval is unbounded,
so nothing can be concluded and nothing fails.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats as _scipy_stats

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Summary:
    """One side's samples of one benchmark (seconds or instructions per call)."""

    median: float
    q1: float
    q3: float
    minimum: float
    maximum: float
    samples: int

    @property
    def spread(self) -> float:
        """The interquartile range relative to the median (0.02 = 2%)."""
        return (self.q3 - self.q1) / self.median if self.median > 0 else math.nan


def summarize(values) -> Summary:
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        raise ValueError("no samples")
    q1, median, q3 = np.percentile(data, [25, 50, 75])
    return Summary(float(median), float(q1), float(q3), float(data.min()), float(data.max()), int(data.size))


@dataclass(frozen=True)
class RatioEstimate:
    """B/A: point estimate and confidence interval (low, high) at ``confidence``."""

    ratio: float
    low: float
    high: float
    pairs: int
    confidence: float = CONFIDENCE


def median_confidence_interval(values, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Distribution-free interval for the median of ``values``.

    (-inf, inf) when there are too few values for that confidence (fewer
    than 6 for 95%): the data cannot support any conclusion.
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return -math.inf, math.inf
    interval = _scipy_stats.quantile_test(data, q=float(np.median(data)), p=0.5).confidence_interval(confidence)
    low, high = float(interval.low), float(interval.high)
    return (-math.inf if math.isnan(low) else low), (math.inf if math.isnan(high) else high)


def paired_ratio(a, b, confidence: float = CONFIDENCE) -> RatioEstimate:
    """B/A from paired samples: ``a[i]`` and ``b[i]`` were taken back to back."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError(f"paired samples need equal, non-zero lengths (got {a.size} and {b.size})")
    if np.any(a <= 0) or np.any(b <= 0):
        raise ValueError("samples must be positive")
    ratios = b / a
    low, high = median_confidence_interval(ratios, confidence)
    return RatioEstimate(float(np.median(ratios)), low, high, int(ratios.size), confidence)


REGRESSION = "regression"
IMPROVEMENT = "improvement"
UNCHANGED = "unchanged"


def verdict(estimate: RatioEstimate, fail_above: float) -> str:
    """Regression only when the whole interval lies above 1 + fail_above;
    an improvement when the whole interval lies below 1 / (1 + fail_above)
    (the same margin, seen from the other side)."""
    if estimate.low > 1.0 + fail_above:
        return REGRESSION
    if estimate.high < 1.0 / (1.0 + fail_above):
        return IMPROVEMENT
    return UNCHANGED
