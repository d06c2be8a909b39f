"""PNG plots of a run (matplotlib, Agg backend: no display needed).

Per benchmark, ``<name>.png``: left, every sample of both sides in the
order they were taken (a drift or a burst of load shows as both lines moving
together); right, the per-pair ratios B/A with their median, the 95%
interval and the failure threshold. With a baseline, ``summary.png``: every
benchmark's ratio with its interval, one line per benchmark.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import stats  # noqa: E402
from .report import Report, Row  # noqa: E402

WIDTH_IN, HEIGHT_IN, DPI = 11.0, 4.5, 100  # per-benchmark plots: 1100 x 450 pixels
SUMMARY_WIDTH_IN = 10.0
COLOURS = {"A": "#1f77b4", "B": "#d95f02"}
VERDICT_COLOURS = {stats.REGRESSION: "#c0392b", stats.IMPROVEMENT: "#2e8b57", stats.UNCHANGED: "#555555"}


def file_name(benchmark: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", benchmark).strip("_") + ".png"


def _scale(report: Report, values: np.ndarray) -> tuple[float, str]:
    """A factor and unit that put the values in a readable range."""
    if report.metric == "instructions":
        top = float(np.max(values)) if values.size else 1.0
        for factor, unit in ((1e9, "G instructions"), (1e6, "M instructions"), (1e3, "k instructions")):
            if top >= factor:
                return factor, f"{unit} per call"
        return 1.0, "instructions per call"
    top = float(np.max(values)) if values.size else 1.0
    for factor, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if top >= factor:
            return factor, f"{unit} per call"
    return 1e-9, "ns per call"


def _benchmark_plot(report: Report, row: Row, path: Path) -> None:
    comparing = bool(row.result.baseline)
    fig, axes = plt.subplots(1, 2 if comparing else 1, figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI,
                             gridspec_kw={"width_ratios": [3, 2]} if comparing else None, squeeze=False)
    samples_ax = axes[0][0]
    current = np.asarray(row.result.current, dtype=float)
    baseline = np.asarray(row.result.baseline, dtype=float)
    factor, unit = _scale(report, np.concatenate([current, baseline]))
    order = np.arange(1, current.size + 1)
    if comparing:
        samples_ax.plot(order, baseline / factor, "o-", ms=4, lw=1, color=COLOURS["A"],
                        label=f"A: baseline {report.baseline_ref} (median {row.baseline.median / factor:.4g})")
    samples_ax.plot(order, current / factor, "s-", ms=4, lw=1, color=COLOURS["B"],
                    label=f"B: current (median {row.current.median / factor:.4g})")
    samples_ax.set_xlabel("sample (in the order taken; A and B alternate)")
    samples_ax.set_ylabel(unit)
    samples_ax.set_title(f"{row.result.name}: samples ({row.result.number} calls each)", fontsize=10)
    samples_ax.grid(alpha=0.3)
    samples_ax.legend(fontsize=8, loc="best")
    low, high = samples_ax.get_ylim()
    samples_ax.set_ylim(min(0.0, low) if low > 0 and low < 0.5 * high else low, high)
    if comparing:
        ratio_ax = axes[0][1]
        ratios = current / baseline
        ratio_ax.plot(order, ratios, "o", ms=4, color="#444444", label="B/A of each pair")
        e = row.estimate
        colour = VERDICT_COLOURS[row.verdict]
        ratio_ax.axhline(e.ratio, color=colour, lw=2, label=f"median {e.ratio:.3f}")
        if math.isfinite(e.low) and math.isfinite(e.high):
            ratio_ax.axhspan(e.low, e.high, color=colour, alpha=0.2,
                             label=f"95% CI [{e.low:.3f}, {e.high:.3f}]")
        ratio_ax.axhline(1 + report.fail_above, color="#c0392b", ls="--", lw=1,
                         label=f"fail above {1 + report.fail_above:g}")
        ratio_ax.axhline(1.0, color="black", lw=0.8)
        ratio_ax.set_xlabel("pair")
        ratio_ax.set_ylabel("ratio B/A (>1: current is slower)")
        ratio_ax.set_title(f"ratio: {row.verdict}", fontsize=10, color=colour)
        ratio_ax.grid(alpha=0.3)
        ratio_ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def _summary_plot(report: Report, rows: list[Row], path: Path) -> None:
    height = max(2.5, 1.2 + 0.45 * len(rows))
    fig, ax = plt.subplots(figsize=(SUMMARY_WIDTH_IN, height), dpi=DPI)
    positions = np.arange(len(rows))[::-1]
    for y, row in zip(positions, rows):
        e = row.estimate
        colour = VERDICT_COLOURS[row.verdict]
        low = e.low if math.isfinite(e.low) else e.ratio
        high = e.high if math.isfinite(e.high) else e.ratio
        ax.errorbar(e.ratio, y, xerr=[[e.ratio - low], [high - e.ratio]], fmt="o", color=colour, capsize=4, lw=2)
        ax.annotate(f"{e.ratio:.3f} [{_bound(e.low)}, {_bound(e.high)}] {row.verdict}", (high, y),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=8, color=colour)
    ax.axvline(1.0, color="black", lw=0.8)
    ax.axvline(1 + report.fail_above, color="#c0392b", ls="--", lw=1)
    # Labelled at the top of the line: a legend box would cover annotations.
    ax.annotate(f"fail above {1 + report.fail_above:g}", (1 + report.fail_above, 1.0),
                xycoords=("data", "axes fraction"), xytext=(3, 2), textcoords="offset points",
                fontsize=8, color="#c0392b", va="bottom")
    ax.set_yticks(positions)
    ax.set_yticklabels([row.result.name for row in rows], fontsize=8)
    ax.set_xlabel(f"ratio B/A of {report.unit} (current / baseline {report.baseline_ref}), 95% CI")
    ax.set_title(f"pyxc bench: current vs {report.baseline_ref} ({report.metric})", fontsize=11, pad=14)
    left, right = ax.get_xlim()
    ax.set_xlim(left, right + (right - left) * 0.35)  # room for the annotations
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def _bound(x: float) -> str:
    return f"{x:.3f}" if math.isfinite(x) else "?"


def write_plots(report: Report, directory: Path) -> dict[str, str]:
    """Writes the PNGs; returns {benchmark name or "summary": path}."""
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    for row in report.rows:
        if not row.result.current:
            continue
        path = directory / file_name(row.result.name)
        _benchmark_plot(report, row, path)
        written[row.result.name] = str(path)
    compared = [row for row in report.rows if row.estimate is not None]
    if compared:
        path = directory / "summary.png"
        _summary_plot(report, compared, path)
        written["summary"] = str(path)
    return written
