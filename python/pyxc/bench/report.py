"""What a run found, as one record, printed as a table, JSON or Markdown."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from . import stats
from .runner import BenchResult


@dataclass
class Row:
    """One benchmark's outcome, with the statistics already computed."""

    result: BenchResult
    current: stats.Summary | None = None
    baseline: stats.Summary | None = None
    estimate: stats.RatioEstimate | None = None
    verdict: str = ""  # stats.REGRESSION / IMPROVEMENT / UNCHANGED, or "" without a ratio


@dataclass
class Report:
    metric: str  # "time" or "instructions"
    fail_above: float
    baseline_ref: str | None = None
    baseline_commit: str | None = None
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        return "seconds per call" if self.metric == "time" else "instructions per call"

    def regressions(self) -> list[Row]:
        return [r for r in self.rows if r.verdict == stats.REGRESSION]

    def improvements(self) -> list[Row]:
        return [r for r in self.rows if r.verdict == stats.IMPROVEMENT]

    def failures(self) -> list[Row]:
        return [r for r in self.rows if r.result.status == "failed"]

    def exit_code(self) -> int:
        if self.failures():
            return 3
        return 1 if self.regressions() else 0


def analyse(results: list[BenchResult], metric: str, fail_above: float, ref: str | None,
            commit: str | None) -> Report:
    report = Report(metric, fail_above, ref, commit)
    for result in results:
        row = Row(result)
        if result.current:
            row.current = stats.summarize(result.current)
        if result.baseline and len(result.baseline) == len(result.current):
            row.baseline = stats.summarize(result.baseline)
            row.estimate = stats.paired_ratio(result.baseline, result.current)
            row.verdict = stats.verdict(row.estimate, fail_above)
        report.rows.append(row)
    return report


def format_value(value: float, metric: str) -> str:
    if value is None or not math.isfinite(value):
        return "-"
    if metric == "instructions":
        for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
            if value >= limit:
                return f"{value / limit:.4g}{suffix}"
        return f"{value:.4g}"
    for limit, suffix in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if value >= limit:
            return f"{value / limit:.4g} {suffix}"
    return f"{value * 1e9:.4g} ns"


def _interval(estimate: stats.RatioEstimate) -> str:
    def bound(x: float) -> str:
        return f"{x:.3f}" if math.isfinite(x) else ("-inf" if x < 0 else "inf")
    return f"[{bound(estimate.low)}, {bound(estimate.high)}]"


def _status_text(row: Row) -> str:
    if row.verdict:
        return {stats.REGRESSION: "REGRESSION", stats.IMPROVEMENT: "improvement",
                stats.UNCHANGED: "unchanged"}[row.verdict]
    return {"ok": "", "no-baseline": "no baseline", "skipped": "skipped", "failed": "FAILED",
            "unsupported": "unsupported"}[row.result.status]


def _table_rows(report: Report) -> tuple[list[str], list[list[str]]]:
    m = report.metric
    comparing = report.baseline_ref is not None
    if comparing:
        header = ["benchmark", "baseline", "current", "ratio", "95% CI", "spread", "samples", "result"]
    else:
        header = ["benchmark", "median", "spread", "samples", "calls/sample", "result"]
    rows = []
    for row in report.rows:
        spread = f"±{row.current.spread * 50:.1f}%" if row.current and math.isfinite(row.current.spread) else "-"
        samples = str(row.current.samples) if row.current else "0"
        if comparing:
            rows.append([row.result.name,
                         format_value(row.baseline.median, m) if row.baseline else "-",
                         format_value(row.current.median, m) if row.current else "-",
                         f"{row.estimate.ratio:.3f}" if row.estimate else "-",
                         _interval(row.estimate) if row.estimate else "-",
                         spread, samples, _status_text(row)])
        else:
            rows.append([row.result.name, format_value(row.current.median, m) if row.current else "-",
                         spread, samples, str(row.result.number or "-"), _status_text(row)])
    return header, rows


def verdict_lines(report: Report) -> list[str]:
    lines = []
    threshold = f"{report.fail_above * 100:g}%"
    for row in report.failures():
        first = (row.result.message.strip().splitlines() or ["?"])[-1]
        lines.append(f"FAILED: {row.result.name} raised: {first}")
    for row in report.regressions():
        e = row.estimate
        lines.append(f"REGRESSION: {row.result.name} is {e.ratio:.3f}x the baseline "
                     f"(95% CI {_interval(e)}, all above 1 + {threshold})")
    for row in report.improvements():
        e = row.estimate
        lines.append(f"improvement: {row.result.name} is {e.ratio:.3f}x the baseline (95% CI {_interval(e)})")
    for row in report.rows:
        if row.result.status in ("skipped", "no-baseline"):
            first = (row.result.message.strip().splitlines() or [""])[-1]
            lines.append(f"{row.result.status}: {row.result.name}: {first}")
    code = report.exit_code()
    if report.baseline_ref is not None:
        summary = {0: f"no regression above {threshold} against {report.baseline_ref}",
                   1: f"{len(report.regressions())} regression(s) above {threshold} against {report.baseline_ref}",
                   3: f"{len(report.failures())} benchmark(s) failed"}[code]
    else:
        ran = sum(row.result.status == "ok" for row in report.rows)
        summary = {0: f"{ran} benchmark(s) run", 1: "", 3: f"{len(report.failures())} benchmark(s) failed"}[code]
    lines.append(f"pyxc bench: {summary}")
    return lines


def format_table(report: Report) -> str:
    header, rows = _table_rows(report)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [f"metric: {report.metric} ({report.unit})"
           + (f"; baseline {report.baseline_ref} ({report.baseline_commit[:12]}) = A, current = B, ratio B/A"
              if report.baseline_ref else "")]
    for r in [header, *rows]:
        out.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))).rstrip())
    out.append("")
    out.extend(report.notes)
    out.extend(verdict_lines(report))
    return "\n".join(out) + "\n"


def format_markdown(report: Report, plot_files: dict[str, str] | None = None) -> str:
    header, rows = _table_rows(report)
    title = "pyxc bench"
    if report.baseline_ref:
        title += f": current vs `{report.baseline_ref}` ({report.baseline_commit[:12]})"
    out = [f"## {title}", "", f"Metric: {report.metric} ({report.unit}); "
           f"a regression is a 95% interval of B/A entirely above {1 + report.fail_above:g}.", ""]
    out.append("| " + " | ".join(header) + " |")
    out.append("| " + " | ".join("---" if i == 0 else "---:" for i in range(len(header))) + " |")
    for r in rows:
        cells = [f"`{r[0]}`", *r[1:]]
        cells[-1] = f"**{cells[-1]}**" if cells[-1] in ("REGRESSION", "FAILED") else cells[-1]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out.append("")
    out.extend(f"- {line}" for line in verdict_lines(report))
    if plot_files:
        out.append("")
        out.append("Plots: " + ", ".join(f"`{path}`" for path in plot_files.values()))
    return "\n".join(out) + "\n"


def _summary_json(summary: stats.Summary | None, samples: list[float]) -> dict | None:
    if summary is None:
        return None
    return {"median": summary.median, "q1": summary.q1, "q3": summary.q3, "min": summary.minimum,
            "max": summary.maximum, "samples": samples}


def to_json(report: Report) -> str:
    def finite(x: float) -> float | None:
        return x if math.isfinite(x) else None

    benchmarks = []
    for row in report.rows:
        entry = {"name": row.result.name, "status": row.result.status, "message": row.result.message,
                 "calls_per_sample": row.result.number,
                 "current": _summary_json(row.current, row.result.current),
                 "baseline": _summary_json(row.baseline, row.result.baseline),
                 "verdict": row.verdict or None}
        if row.estimate:
            entry["ratio"] = {"estimate": row.estimate.ratio, "low": finite(row.estimate.low),
                              "high": finite(row.estimate.high), "pairs": row.estimate.pairs,
                              "confidence": row.estimate.confidence}
        benchmarks.append(entry)
    document = {"format": "pyxc-bench/1", "metric": report.metric, "unit": report.unit,
                "baseline": {"ref": report.baseline_ref, "commit": report.baseline_commit}
                if report.baseline_ref else None,
                "fail_above": report.fail_above, "exit_code": report.exit_code(), "benchmarks": benchmarks}
    return json.dumps(document, indent=2) + "\n"
