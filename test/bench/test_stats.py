"""The statistics of `pyxc bench` on synthetic samples with known answers."""
from __future__ import annotations

import math

import numpy as np
import pytest

from pyxc.bench import stats


def test_summary_quartiles_of_a_known_sample():
    s = stats.summarize([5, 1, 4, 2, 3])
    assert (s.median, s.q1, s.q3, s.minimum, s.maximum, s.samples) == (3, 2, 4, 1, 5, 5)
    assert s.spread == pytest.approx(2 / 3)


def test_summary_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        stats.summarize([])


@pytest.mark.parametrize("n, expected", [
    (20, (6, 15)),   # the textbook order statistics for n = 20: x(6), x(15)
    (30, (10, 21)),  # and for n = 30: x(10), x(21)
    (6, (1, 6)),     # the smallest n with a bounded 95% interval (coverage 1 - 2/64)
])
def test_median_interval_is_the_sign_test_order_statistics(n, expected):
    # Shuffled values 1..n: the k-th order statistic is k.
    values = np.random.default_rng(n).permutation(np.arange(1, n + 1))
    assert stats.median_confidence_interval(values) == expected


def test_too_few_samples_give_an_unbounded_interval_and_never_a_verdict():
    low, high = stats.median_confidence_interval([1.5, 1.5, 1.5, 1.5, 1.5])
    assert (low, high) == (-math.inf, math.inf)
    estimate = stats.paired_ratio([1.0] * 5, [2.0] * 5)
    assert estimate.ratio == 2.0
    assert stats.verdict(estimate, 0.02) == stats.UNCHANGED


def test_an_exact_ratio_is_found_exactly():
    a = np.random.default_rng(1).lognormal(0, 0.3, 30)
    estimate = stats.paired_ratio(a, 1.3 * a)
    assert (estimate.ratio, estimate.low, estimate.high, estimate.pairs) == pytest.approx((1.3, 1.3, 1.3, 30))
    assert stats.verdict(estimate, 0.02) == stats.REGRESSION
    assert stats.verdict(stats.paired_ratio(a, a / 1.3), 0.02) == stats.IMPROVEMENT


def test_pairing_cancels_a_drift_that_hits_both_sides():
    # The machine slows down threefold during the run; both sides alike.
    drift = np.linspace(1.0, 3.0, 40)
    noise = np.random.default_rng(2).lognormal(0, 0.005, (2, 40))
    a, b = 100e-6 * drift * noise[0], 1.05 * 100e-6 * drift * noise[1]
    estimate = stats.paired_ratio(a, b)
    assert 1.04 < estimate.low < estimate.ratio < estimate.high < 1.06
    assert stats.verdict(estimate, 0.02) == stats.REGRESSION


def test_one_burst_of_load_does_not_make_a_regression():
    rng = np.random.default_rng(3)
    a = rng.lognormal(0, 0.01, 30)
    b = a * rng.lognormal(0, 0.01, 30)
    b[10:14] *= 5.0  # four samples of the current side hit by a burst
    assert stats.verdict(stats.paired_ratio(a, b), 0.02) == stats.UNCHANGED


@pytest.mark.parametrize("true_ratio", [1.0, 1.1])
def test_interval_covers_the_true_ratio_at_least_95_percent_of_the_time(true_ratio):
    # Skewed, heavy-tailed timing noise (lognormal with occasional 2x outliers).
    rng = np.random.default_rng(4)
    trials, n, covered = 500, 30, 0
    for _ in range(trials):
        a = rng.lognormal(0, 0.05, n) * np.where(rng.random(n) < 0.05, 2.0, 1.0)
        b = true_ratio * rng.lognormal(0, 0.05, n) * np.where(rng.random(n) < 0.05, 2.0, 1.0)
        estimate = stats.paired_ratio(a, b)
        covered += estimate.low <= true_ratio <= estimate.high
    assert covered / trials >= 0.94


def test_false_alarms_and_power_on_synthetic_noise():
    rng = np.random.default_rng(5)
    def alarms(true_ratio: float) -> float:
        hits = 0
        for _ in range(300):
            a = rng.lognormal(0, 0.02, 30)
            b = true_ratio * rng.lognormal(0, 0.02, 30)
            hits += stats.verdict(stats.paired_ratio(a, b), 0.02) == stats.REGRESSION
        return hits / 300
    assert alarms(1.0) == 0.0     # no change: the 2% margin on top of the 95% interval
    assert alarms(1.02) < 0.05    # at the threshold: rarely (the interval must lie wholly above)
    assert alarms(1.06) > 0.95    # 3x the threshold with 2% noise: nearly always


@pytest.mark.parametrize("low, high, expected", [
    (1.021, 1.05, stats.REGRESSION),
    (1.019, 1.05, stats.UNCHANGED),   # the interval must lie wholly above 1.02
    (0.95, 1.05, stats.UNCHANGED),
    (0.90, 0.979, stats.IMPROVEMENT),  # wholly below 1/1.02
    (0.90, 0.985, stats.UNCHANGED),
])
def test_verdict_thresholds(low, high, expected):
    estimate = stats.RatioEstimate((low + high) / 2, low, high, 30)
    assert stats.verdict(estimate, 0.02) == expected


def test_paired_samples_must_match_and_be_positive():
    with pytest.raises(ValueError):
        stats.paired_ratio([1.0, 2.0], [1.0])
    with pytest.raises(ValueError):
        stats.paired_ratio([1.0, 0.0], [1.0, 1.0])
