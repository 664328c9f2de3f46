"""Rows in mpibench's CSV schema from Python measurements (mpi4py, Celery, RPyC), so that
mpibench-plot and `mpibench model` read them like mpibench's own.

The statistics follow statistics/stats.cpp: the median, and the distribution-free 95%
interval of the median from order statistics [x(j), x(n+1-j)], j the largest with binomial
coverage of at least 95% ([min, max] and its real coverage when n is too small).
The file is written under a temporary name and renamed once complete, with mpibench's
`# end: complete, N rows` line: a run that dies leaves nothing that reads as complete.
"""

import math
import os
import statistics

SCHEMA_VERSION = "2"

# name: (role, unit, type), as results/schema.cpp declares them.
COLUMNS = {
    "pattern": ("configuration", "-", "text"),
    "ranks": ("configuration", "-", "integer"),
    "variant": ("configuration", "-", "text"),
    "bytes": ("size", "B", "integer"),
    "samples": ("measurement", "-", "integer"),
    "min_us": ("measurement", "us", "real"),
    "median_us": ("measurement", "us", "real"),
    "mean_us": ("measurement", "us", "real"),
    "max_us": ("measurement", "us", "real"),
    "ci_low_us": ("measurement", "us", "real"),
    "ci_high_us": ("measurement", "us", "real"),
    "ci_level": ("measurement", "-", "real"),
    "bandwidth_mb_s": ("result", "MB/s", "real"),
    "tasks_per_s": ("result", "1/s", "real"),
}


def median_interval(samples, confidence=0.95):
    """(low, high, level) of the median of `samples`."""
    x = sorted(samples)
    n = len(x)
    # P(K = k) for K ~ Binomial(n, 1/2), in logs: exact enough, and linear in n.
    pmf = [math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2))
           for k in range(n + 1)]
    below = 0.0  # P(K < j)
    best, level = 1, 1 - 2 * 0.0
    for j in range(1, n // 2 + 1):
        below += pmf[j - 1]
        coverage = 1 - 2 * below  # P(x(j) <= median <= x(n+1-j))
        if coverage < confidence:
            break
        best, level = j, coverage
    if best == 1:
        level = 1 - 2 * pmf[0]
    return x[best - 1], x[n - best], level


def summary(samples_us):
    """The statistics columns of a row, from its samples in microseconds."""
    low, high, level = median_interval(samples_us)
    return {"samples": len(samples_us), "min_us": min(samples_us), "median_us": statistics.median(samples_us),
            "mean_us": statistics.fmean(samples_us), "max_us": max(samples_us), "ci_low_us": low,
            "ci_high_us": high, "ci_level": level}


def write(path, rows, metadata):
    """`rows`: dicts with some of COLUMNS; `metadata`: (key, value) pairs after the schema version."""
    names = [c for c in COLUMNS if any(c in r for r in rows)]
    # A value is one printable line (MPI library strings may end in NUL or newlines).
    clean = [(k, "".join(ch for ch in str(v) if ch.isprintable()).strip()) for k, v in metadata]
    lines = [f"# schema_version: {SCHEMA_VERSION}", *[f"# {k}: {v}" for k, v in clean],
             "# columns: " + " ".join(f"{c}:{':'.join(COLUMNS[c])}" for c in names), ",".join(names)]
    for r in rows:
        lines.append(",".join("" if r.get(c) is None else (f"{r[c]:.6g}" if isinstance(r[c], float) else str(r[c]))
                              for c in names))
    lines.append(f"# end: complete, {len(rows)} rows")
    partial = f"{path}.partial"
    with open(partial, "w") as f:
        f.write("\n".join(lines) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)
