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
import axes_style  # noqa: E402
import linkmap_heatmap  # noqa: E402
import model_lines  # noqa: E402
import mpibench_csv  # noqa: E402

# Panels for patterns that report the same kind of time, in this order.
GROUPS = [
    ("point-to-point", {"pingpong", "bandwidth"}, "one-way latency (pingpong), time per window (bandwidth)"),
    ("rooted collectives", {"bcast", "scatter", "gather", "reduce"}, "completion time of the slowest rank"),
    ("all-to-all collectives", {"allreduce", "allgather", "alltoall"}, "completion time of the slowest rank"),
    # celery: the labs' Celery application, written in mpibench's schema (labs/04-colas-de-tareas).
    ("task queue", {"taskqueue", "celery"}, "round trip per task"),
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
            # A size without an interval (too few samples for one) is drawn without a bar.
            yerr = [[p["median_us"] - p["ci_low_us"] if p.get("ci_low_us") is not None else 0 for p in points],
                    [p["ci_high_us"] - p["median_us"] if p.get("ci_high_us") is not None else 0 for p in points]]
            draw_line(lat_ax, x, median, missed, {}, name, yerr)
        bw_points = [p for p in points if p["bytes"] > 0 and p.get("bandwidth_mb_s")]
        if bw_points:
            draw_line(bw_ax, [p["bytes"] for p in bw_points], [p["bandwidth_mb_s"] for p in bw_points],
                      [p["missed"] for p in bw_points], {}, name)
    for ax in (lat_ax, bw_ax):
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("message size")
        ax.grid(True, which="both", alpha=0.3)
    lat_ax.set_ylabel("median (µs)")
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
        ax.set_xlabel("task payload size")
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
        ax.set_xlabel("task payload size")
    ax.set_ylabel("tasks per second")
    ax.set_yscale("log")
    ax.grid(True, which="both", alpha=0.3)


def legend_lines(ax):
    return len(ax.get_legend_handles_labels()[1])


def legend_below(legend_ax, ax):
    """`ax`'s legend in the row below it, an axes of its own: never over the data or the
    axis labels, however many lines it has."""
    legend_ax.axis("off")
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        legend_ax.legend(handles, labels, fontsize=7, loc="upper center", ncol=1, frameon=False)


def style_axes(ax):
    """Once everything is drawn: a log axis of sizes in bytes, and log values with two labels
    a decade or more (axes_style.py)."""
    if ax.get_xscale() == "log" and "size" in ax.get_xlabel():
        axes_style.size_axis(ax)
    if ax.get_yscale() == "log":
        axes_style.log_value_axis(ax)


def interval_text(rows):
    """What the error bars are, at the confidence level the intervals reached: 95% unless a
    size had too few samples (5 samples reach 93.75%)."""
    levels = [r["ci_level"] for r in rows if r.get("ci_level") is not None]
    lowest = min(levels) if levels else 0.95
    if lowest >= 0.95 - 1e-9:
        return "bars: 95% CI of the median"
    if max(levels) < 0.95 - 1e-9 and len(set(levels)) == 1:
        return f"bars: {lowest * 100:.4g}% CI of the median"
    return f"bars: CI of the median, {lowest * 100:.4g}% to 95%"


def hosts_text(hosts):
    """The hosts for the title: every one up to eight, then how many, the first and the last
    (a 256-host link map's names would make the picture wider than a screen)."""
    names = hosts.split()
    return hosts if len(names) <= 8 else f"{len(names)} hosts ({names[0]} … {names[-1]})"


def fail(message):
    print(f"mpibench-plot: error: {message}", file=sys.stderr)
    return 2


def build_figure(plt, results, predictions, lines, link_rows, link_notes, model, args):
    """The whole picture, not yet saved: a row of two panels per kind of pattern (time and
    bandwidth, or throughput), the link map, the predictions; each panel's legend in a row of
    its own below it; the title over the top panels with no band between."""
    by_group = {}
    for key, rows in lines.items():
        by_group.setdefault(group_of(dict(key[0]).get("pattern")), {})[key] = rows
    rows_drawn = [g for g in [name for name, _, _ in GROUPS] + ["other"] if g in by_group]
    rows_drawn += ["linkmap"] if link_rows else []
    rows_drawn += ["predictions"] if predictions else []
    fig = plt.figure(figsize=(13, 4))
    grid = fig.add_gridspec(2 * len(rows_drawn), 2)
    heights = []
    for index, row in enumerate(rows_drawn):
        left, right = fig.add_subplot(grid[2 * index, 0]), fig.add_subplot(grid[2 * index, 1])
        below = fig.add_subplot(grid[2 * index + 1, 0]), fig.add_subplot(grid[2 * index + 1, 1])
        if row == "linkmap":
            linkmap_heatmap.draw((left, right), link_rows, link_notes)
        elif row == "predictions":
            model_lines.draw_predictions(left, right, predictions)
        else:
            draw_group(left, right, by_group[row], results, args.pool)
            if model is not None and row == "point-to-point":
                model_lines.draw_regimes(left, model)
            what = next((text for name, _, text in GROUPS if name == row), "time per operation")
            plotted = [r for rows in by_group[row].values() for r in rows]
            spread = "band: range over launches" if args.pool else interval_text(plotted)
            left.set_title(f"{row}: time\n{what}; {spread}", fontsize=9)
            right.set_title(f"{row}: bandwidth", fontsize=9)
            if row == "task queue":  # no bandwidth: its second panel is the throughput
                right.clear()
                draw_throughput(right, [r for rows in by_group[row].values() for r in rows])
                right.set_title("task queue: throughput", fontsize=9)
        legend_below(below[0], left)
        legend_below(below[1], right)
        lines_below = max(legend_lines(left), legend_lines(right))
        heights += [4.6 if row == "linkmap" else 3.4, 0.2 + 0.17 * lines_below if lines_below else 0.05]
    for ax in fig.axes:
        style_axes(ax)

    meta = (results or predictions)[0].metadata
    title = args.title or (f"{meta.get('mpi_library', '').split(';')[0]} | {hosts_text(meta.get('hosts', ''))} | "
                           f"oversubscribed: {meta.get('oversubscribed', '?')} | hollow points: precision "
                           f"target not reached")
    if not results and not args.title:
        title = textwrap.fill("predicted from " + meta.get("model", "?"), 170, max_lines=2, placeholder=" …")
    unfinished = [r for r in results if r.incomplete]
    if unfinished:
        # Said in the picture itself: a copied PNG loses the command line that allowed it.
        title += "\nINCOMPLETE: " + "; ".join(
            f"{os.path.basename(str(r.path))}: {r.incomplete}" for r in unfinished)
    title_inches = 0.25 * (title.count("\n") + 1) + 0.1
    grid.set_height_ratios(heights)
    fig.set_size_inches(13, sum(heights) + title_inches)
    fig.suptitle(title, fontsize=10, color="firebrick" if unfinished else "black", y=1 - 0.05 / (sum(heights) + title_inches), va="top")
    fig.tight_layout(rect=(0, 0, 1, 1 - title_inches / (sum(heights) + title_inches)), h_pad=0.3)
    # tight_layout leaves more than the title needs above the top panels: close the band.
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    gap = fig._suptitle.get_window_extent(renderer).y0 - max(ax.get_tightbbox(renderer).y1 for ax in fig.axes if ax.axison)
    fig.subplots_adjust(top=fig.subplotpars.top + (gap - 8) / fig.bbox.height)
    return fig


class PlotError(Exception):
    pass


# Cells a drawing reads beyond those every row has (mpibench_csv.REQUIRED), for the rows it
# reads them from: a row without one is damage, refused before anything is drawn.
DRAWN_CELLS = (
    (lambda result, row: row["pattern"] == "linkmap", ("metric", "src_rank", "dst_rank", "src_host", "dst_host")),
    (lambda result, row: row.get("workers") is not None, ("prefetch", "work_us", "broker", "tasks_per_s")),
    (lambda result, row: model_lines.is_predictions(result), ("algorithm", "measured_us", "predicted_us", "ratio")),
)


def refuse_undrawable(results):
    for result in results:
        for row in result.rows:
            low, high = row.get("ci_low_us"), row.get("ci_high_us")
            if (low is not None and low > row["median_us"]) or (high is not None and high < row["median_us"]):
                raise PlotError(f"{mpibench_csv.shown(result.path)}: a {row['pattern']} row of {row['bytes']} B "
                                f"has a median of {row['median_us']:g} us outside its interval "
                                f"[{low}, {high}]")
            for applies, cells in DRAWN_CELLS:
                missing = [c for c in cells if row.get(c) is None] if applies(result, row) else []
                if missing:
                    raise PlotError(f"{mpibench_csv.shown(result.path)}: a {row['pattern']} row of {row['bytes']} B "
                                    f"has no {', '.join(missing)}, which its picture is drawn from")


# What matplotlib writes without extra packages.
IMAGE_EXTENSIONS = ("png", "svg", "pdf", "jpg", "jpeg", "eps", "ps", "tif", "tiff")


def parser():
    paragraphs = __doc__.split("\n\n")
    made = argparse.ArgumentParser(
        prog="mpibench-plot", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(" ".join(paragraphs[0].split()), 79) + "\n\n" +
        textwrap.fill(" ".join(paragraphs[2].split()), 79),
        epilog="examples:\n" + "\n".join(line for p in (paragraphs[1], paragraphs[3]) for line in p.splitlines()))
    made.add_argument("csv", nargs="+", help="mpibench CSV files, one launch each")
    made.add_argument("-o", "--output", required=True, help="picture to write (.png, .svg, .pdf)")
    made.add_argument("--title", help="title above the plots (default: the MPI library and hosts)")
    made.add_argument("--pool", action="store_true",
                      help="one line per configuration over all files: the median over launches, "
                           "their range as a band")
    made.add_argument("--model", metavar="MODEL.csv",
                      help="`mpibench model ... -o MODEL.csv`: its regimes drawn over the point-to-point panel")
    made.add_argument("--allow-incomplete", action="store_true",
                      help="draw runs that did not complete (or .partial files); the picture says so")
    return made


def figure_from(args):
    """The figure for the files `args` names (see parser()), or PlotError saying why not."""
    extension = os.path.splitext(args.output)[1].lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS:
        raise PlotError(f"-o {mpibench_csv.shown(args.output)}: the picture's name must end in one of "
                        f"{', '.join('.' + e for e in IMAGE_EXTENSIONS)}")
    try:
        results = [mpibench_csv.read(path, args.allow_incomplete) for path in args.csv]
        model = mpibench_csv.read(args.model) if args.model else None
    except mpibench_csv.InputError as e:
        raise PlotError(str(e)) from None
    if model is not None and not model_lines.is_model(model):
        raise PlotError(f"--model {mpibench_csv.shown(args.model)} is not what `mpibench model -o` writes "
                        f"(it has no {', '.join(model_lines.MODEL_COLUMNS)} columns)")
    refuse_undrawable(results)
    predictions = [r for r in results if model_lines.is_predictions(r)]
    results = [r for r in results if not model_lines.is_predictions(r)]
    lines = lines_of(results, args.pool)
    link_rows = [r for result in results for r in result.rows if r.get("pattern") == "linkmap"]
    link_notes = [note for result in results for note in result.notes]
    if not lines and not link_rows and not predictions:
        raise PlotError(f"no result rows in {', '.join(mpibench_csv.shown(p) for p in args.csv)}")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise PlotError(f"matplotlib is missing ({e}); install python3-matplotlib and run with /usr/bin/python3") from None
    return build_figure(plt, results, predictions, lines, link_rows, link_notes, model, args)


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        fig = figure_from(args)
    except PlotError as e:
        return fail(e)
    try:
        # "tight": everything drawn around the panels is part of the picture.
        fig.savefig(args.output, dpi=100, bbox_inches="tight")
    except (OSError, ValueError) as e:
        return fail(f"cannot write {mpibench_csv.shown(args.output)}: {getattr(e, 'strerror', None) or e}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
