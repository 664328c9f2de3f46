#!/usr/bin/python3
"""Draws mpibench results: time per operation (median, with its 95% confidence interval as
error bars) and bandwidth against message size, on log axes, one line per configuration and
file; for the task queue, also throughput against the number of workers (or payload).

    mpibench-plot results.csv [more.csv ...] -o results.png
    mpibench-plot launch-*.csv --pool -o pooled.png    # one line over launches

Each file is one launch and stays its own line, unless --pool: then the line is the median
over launches with their spread (min to max) as a band. --repeat rows inside a file are drawn
at their median. A point whose size stopped before reaching its precision target is hollow.
A run of several kinds of pattern (`all`) gets a row of panels per kind, each saying which
time its patterns report. linkmap's rows are drawn as matrices instead (linkmap_heatmap.py).

    mpibench-plot pp.csv --model model.csv       # the fitted regimes over the data
    mpibench-plot predicted.csv -o pred.png      # `mpibench model --predict` output
"""

import argparse
import textwrap
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import linkmap_heatmap  # noqa: E402
import model_lines  # noqa: E402
import mpibench_csv  # noqa: E402

# Panels for patterns that report the same kind of time, in this order.
GROUPS = [
    ("point-to-point", {"pingpong", "bandwidth"},
     "one-way latency (pingpong: round trip / 2)\nor time per window (bandwidth), median (µs)"),
    ("rooted collectives", {"bcast", "scatter", "gather", "reduce"},
     "completion time: slowest rank, median (µs)"),
    ("all-to-all collectives", {"allreduce", "allgather", "alltoall"},
     "completion time: slowest rank, median (µs)"),
    # celery: the labs' Celery application, written in mpibench's schema (labs/04-colas-de-tareas).
    ("task queue", {"taskqueue", "celery"}, "round trip per task, median (µs)"),
]


def group_of(pattern):
    for name, patterns, _ in GROUPS:
        if pattern in patterns:
            return name
    return "other"


def merge_repeats(rows):
    """One point per size: with --repeat, the median over repeats of each statistic; the
    point missed its target when any repeat did."""
    by_size = {}
    for r in rows:
        by_size.setdefault(r["bytes"], []).append(r)
    merged = []
    for size in sorted(by_size):
        group = by_size[size]
        point = dict(group[0])
        for column in ("median_us", "ci_low_us", "ci_high_us", "bandwidth_mb_s"):
            values = [r[column] for r in group if r.get(column) is not None]
            if values:
                point[column] = statistics.median(values)
        point["missed"] = any(r["missed"] for r in group)
        merged.append(point)
    return merged


def missed_target(row, result):
    """Under the adaptive rule a size that stopped on time or samples missed its precision
    (a self-timed pattern, the task queue, has a task budget instead of that target)."""
    adaptive = result.metadata.get("stop_rule", "").startswith("adaptive")
    return adaptive and row.get("sync") != "self" and row.get("stop") not in (None, "precision")


def lines_of(results, pool):
    """{(configuration, file index or None): [rows]} in order of first appearance."""
    lines = {}
    for index, result in enumerate(results):
        for row in result.rows:
            if row.get("pattern") == "linkmap":
                continue
            row = dict(row, missed=missed_target(row, result), launch=index)
            key = (mpibench_csv.configuration(row, result), None if pool else index)
            lines.setdefault(key, []).append(row)
    return lines


def label(key, results, pool):
    configuration, index = key
    parts = dict(configuration)
    text = f"{parts.pop('pattern', '?')} ({parts.pop('ranks', '?')} ranks)"
    extra = ", ".join(f"{k}={v}" for k, v in parts.items())
    text = f"{text} {extra}" if extra else text
    if pool:
        return f"{text}, {len(results)} launches pooled"
    if len(results) > 1:
        text += f" [{os.path.basename(str(results[index].path))}]"
    return text


def pooled(rows):
    """Median over launches of each launch's (repeat-merged) point, and the launches' range."""
    per_launch = {}
    for r in rows:
        per_launch.setdefault(r["launch"], []).append(r)
    by_size = {}
    for launch_rows in per_launch.values():
        for point in merge_repeats(launch_rows):
            by_size.setdefault(point["bytes"], []).append(point)
    points = []
    for size in sorted(by_size):
        group = by_size[size]
        point = dict(group[0])
        for column in ("median_us", "bandwidth_mb_s"):
            values = [p[column] for p in group if p.get(column) is not None]
            if values:
                point[column] = statistics.median(values)
                point[column + "_low"], point[column + "_high"] = min(values), max(values)
        point["missed"] = any(p["missed"] for p in group)
        points.append(point)
    return points


def draw_line(ax, x, y, missed, style, name, yerr=None):
    """A line whose points are filled, or hollow where the size missed its target."""
    line = ax.errorbar(x, y, yerr=yerr, marker="o", markersize=4, capsize=2, label=name, **style)
    color = line[0].get_color()
    hollow = [(a, b) for a, b, m in zip(x, y, missed) if m]
    if hollow:
        ax.plot(*zip(*hollow), linestyle="none", marker="o", markersize=4, markerfacecolor="white",
                markeredgecolor=color, zorder=3)


def draw_group(lat_ax, bw_ax, lines, results, pool):
    for key, rows in lines.items():
        points = pooled(rows) if pool else merge_repeats(rows)
        # A log axis has no 0: the 0-byte point is drawn at 0.5 B and labelled so.
        x = [p["bytes"] if p["bytes"] > 0 else 0.5 for p in points]
        median = [p["median_us"] for p in points]
        missed = [p["missed"] for p in points]
        name = label(key, results, pool)
        if pool:
            draw_line(lat_ax, x, median, missed, {}, name)
            lat_ax.fill_between(x, [p.get("median_us_low", p["median_us"]) for p in points],
                                [p.get("median_us_high", p["median_us"]) for p in points], alpha=0.2)
        else:
            yerr = [[p["median_us"] - p["ci_low_us"] for p in points], [p["ci_high_us"] - p["median_us"] for p in points]]
            draw_line(lat_ax, x, median, missed, {}, name, yerr)
        bw_points = [p for p in points if p["bytes"] > 0 and p.get("bandwidth_mb_s")]
        if bw_points:
            draw_line(bw_ax, [p["bytes"] for p in bw_points], [p["bandwidth_mb_s"] for p in bw_points],
                      [p["missed"] for p in bw_points], {}, name)
    for ax in (lat_ax, bw_ax):
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("message size (bytes; 0 B drawn at 0.5)")
        ax.grid(True, which="both", alpha=0.3)
    bw_ax.set_ylabel("bandwidth (MB/s, 10^6 B/s)")


def draw_throughput(ax, rows):
    """Tasks per second against workers, one line per (payload, prefetch, work, broker); when
    only one worker count was measured, against payload size instead."""
    from matplotlib.ticker import MaxNLocator
    # Rows of other task queues (Celery) have no workers or prefetch: one point each, by payload.
    for r in [r for r in rows if r.get("workers") is None and r.get("tasks_per_s")]:
        ax.plot([max(r["bytes"], 0.5)], [r["tasks_per_s"]], marker="s", markersize=6, linestyle="none",
                label=f"{r['pattern']} ({r.get('variant') or ''})")
    rows = [r for r in rows if r.get("workers") is not None]
    if not rows:
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_ylabel("tasks per second")
        return
    by_workers = len({r["workers"] for r in rows}) > 1
    x_column = "workers" if by_workers else "bytes"
    lines = {}
    for r in rows:
        key = (r["bytes"] if by_workers else r["workers"], r["prefetch"], r["work_us"], r["broker"])
        lines.setdefault(key, []).append(r)
    for (first, prefetch, work, broker), points in lines.items():
        points.sort(key=lambda r: r[x_column])
        head = f"{first} B" if by_workers else f"{first} worker{'s' if first != 1 else ''}"
        name = f"{head}, prefetch {prefetch}, work {work:g} us" + (", broker" if broker == "yes" else "")
        ax.plot([max(r[x_column], 0.5) for r in points], [r["tasks_per_s"] for r in points], marker="o",
                markersize=3, label=name)
    if by_workers:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("workers")
    else:
        ax.set_xscale("log", base=2)
        ax.set_xlabel("task payload (bytes; 0 B drawn at 0.5)")
    ax.set_ylabel("tasks per second")
    ax.set_yscale("log")
    ax.grid(True, which="both", alpha=0.3)


def legend_below(ax):
    """Below the panel, never over the data."""
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=1, frameon=False)


def fail(message):
    print(f"mpibench-plot: error: {message}", file=sys.stderr)
    return 2


def main():
    paragraphs = __doc__.split("\n\n")
    parser = argparse.ArgumentParser(
        prog="mpibench-plot", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(" ".join(paragraphs[0].split()), 79) + "\n\n" +
        textwrap.fill(" ".join(paragraphs[2].split()), 79),
        epilog="examples:\n" + "\n".join(line for p in (paragraphs[1], paragraphs[3]) for line in p.splitlines()))
    parser.add_argument("csv", nargs="+", help="mpibench CSV files, one launch each")
    parser.add_argument("-o", "--output", required=True, help="picture to write (.png, .svg, .pdf)")
    parser.add_argument("--title", help="title above the plots (default: the MPI library and hosts)")
    parser.add_argument("--pool", action="store_true",
                        help="one line per configuration over all files: the median over launches, "
                             "their range as a band")
    parser.add_argument("--model", metavar="MODEL.csv",
                        help="`mpibench model ... -o MODEL.csv`: its regimes drawn over the point-to-point panel")
    parser.add_argument("--allow-incomplete", action="store_true",
                        help="draw runs that did not complete (or .partial files); the picture says so")
    args = parser.parse_args()

    try:
        results = [mpibench_csv.read(path, args.allow_incomplete) for path in args.csv]
    except mpibench_csv.InputError as e:
        return fail(e)
    model = None
    try:
        if args.model:
            model = mpibench_csv.read(args.model)
    except mpibench_csv.InputError as e:
        return fail(e)
    predictions = [r for r in results if model_lines.is_predictions(r)]
    results = [r for r in results if not model_lines.is_predictions(r)]
    lines = lines_of(results, args.pool)
    link_rows = [r for result in results for r in result.rows if r.get("pattern") == "linkmap"]
    link_notes = [note for result in results for note in result.notes]
    if not lines and not link_rows and not predictions:
        return fail(f"no result rows in {', '.join(mpibench_csv.shown(p) for p in args.csv)}")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        return fail(f"matplotlib is missing ({e}); install python3-matplotlib and run with /usr/bin/python3")

    by_group = {}
    for key, rows in lines.items():
        by_group.setdefault(group_of(dict(key[0]).get("pattern")), {})[key] = rows
    groups = [g for g in [name for name, _, _ in GROUPS] + ["other"] if g in by_group]
    task_rows = [r for rows in by_group.get("task queue", {}).values() for r in rows]
    legend_lines = max([len(v) for v in by_group.values()] + [model_lines.legend_lines(predictions)])
    row_height = 4.2 + 0.16 * legend_lines
    panel_rows = len(groups) + (1 if link_rows else 0) + (1 if predictions else 0)
    fig, axes = plt.subplots(panel_rows, 2, squeeze=False, figsize=(13, row_height * panel_rows))
    if link_rows:
        linkmap_heatmap.draw(axes[len(groups)], link_rows, link_notes)
    if predictions:
        model_lines.draw_predictions(axes[-1][0], axes[-1][1], predictions)
        legend_below(axes[-1][0])
        legend_below(axes[-1][1])
    for row, group in enumerate(groups):
        lat_ax, bw_ax = axes[row][0], axes[row][1]
        draw_group(lat_ax, bw_ax, by_group[group], results, args.pool)
        if model is not None and group == "point-to-point":
            model_lines.draw_regimes(lat_ax, model)
        ylabel = next((text for name, _, text in GROUPS if name == group), "time per operation, median (µs)")
        lat_ax.set_ylabel(ylabel + ("\nband: range over launches" if args.pool else "\nerror bars: 95% CI of the median"),
                          fontsize=8)
        lat_ax.set_title(f"{group}: time", fontsize=10)
        bw_ax.set_title(f"{group}: bandwidth", fontsize=10)
        legend_below(lat_ax)
        if group == "task queue":  # no bandwidth: its second panel is the throughput
            bw_ax.clear()
            draw_throughput(bw_ax, task_rows)
            bw_ax.set_title("task queue: throughput", fontsize=10)
        legend_below(bw_ax)

    meta = (results or predictions)[0].metadata
    title = args.title or (f"{meta.get('mpi_library', '').split(';')[0]} | {meta.get('hosts', '')} | "
                           f"oversubscribed: {meta.get('oversubscribed', '?')} | hollow points: precision "
                           f"target not reached")
    if not results and not args.title:
        title = "predicted from " + meta.get("model", "?")[:150]
    unfinished = [r for r in results if r.incomplete]
    if unfinished:
        # Said in the picture itself: a copied PNG loses the command line that allowed it.
        title += "\nINCOMPLETE: " + "; ".join(
            f"{os.path.basename(str(r.path))}: {r.incomplete}" for r in unfinished)
    fig.suptitle(title, fontsize=10, color="firebrick" if unfinished else "black")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / (row_height * panel_rows)))
    try:
        # "tight": legends drawn below their panels are part of the picture, however many lines.
        fig.savefig(args.output, dpi=100, bbox_inches="tight")
    except (OSError, ValueError) as e:
        return fail(f"cannot write {mpibench_csv.shown(args.output)}: {getattr(e, 'strerror', None) or e}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
