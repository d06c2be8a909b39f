"""``pyxc bench``: asv-style benchmarks, A/B against a git baseline, a CI gate.

Modules: discover (finding benchmarks; also used inside workers), worker
(the per-side process), sides (baseline worktree, builds, environments),
runner (alternating samples), stats (ratios and intervals), report (table,
JSON, Markdown), plots (PNG), callgrind (the instruction metric), cli.
"""
