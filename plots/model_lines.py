"""What `mpibench model` wrote, drawn: the fitted Hockney regimes over the point-to-point
data (plot.py --model MODEL.csv), and predicted against measured collective times (a file
from `mpibench model --predict ... -o FILE.csv`, given to plot.py like any result).
"""


MODEL_COLUMNS = ("segment", "first_bytes", "last_bytes", "alpha_us", "beta_us_per_byte", "bandwidth_mb_s")


def is_predictions(result):
    return "predicted_us" in result.columns


def is_model(result):
    """A file `mpibench model -o` wrote: its regimes, each with every cell drawn."""
    return all(c in result.columns for c in MODEL_COLUMNS) and \
        all(r.get(c) is not None for r in result.rows for c in MODEL_COLUMNS)


def draw_regimes(ax, model):
    """Each regime's alpha + beta*m over the sizes it was fitted to, dashed."""
    for r in model.rows:
        first = max(r["first_bytes"], 0.5)
        last = max(r["last_bytes"], first)
        xs = [first * (last / first) ** (i / 20) for i in range(21)]
        ys = [r["alpha_us"] + r["beta_us_per_byte"] * x for x in xs]
        ax.plot(xs, ys, linestyle="--", linewidth=1.5, color="black", alpha=0.7,
                label=f"model {r['segment']}: {r['alpha_us']:.3g} us + m / {r['bandwidth_mb_s']:.0f} MB/s")


def prediction_lines(results):
    """(pattern, algorithm, ranks) -> its rows: one line of the predictions panel each."""
    lines = {}
    for result in results:
        for r in result.rows:
            lines.setdefault((r["pattern"], r["algorithm"], r["ranks"]), []).append(r)
    return lines


def legend_lines(results):
    """How many lines the predictions panel's legends take (measured and predicted, each)."""
    return 2 * len(prediction_lines(results))


def draw_predictions(time_ax, ratio_ax, results):
    """Measured (points) and predicted (lines) time against size, one colour per pattern,
    algorithm and ranks; and their ratio."""
    for (pattern, algorithm, ranks), rows in prediction_lines(results).items():
        rows.sort(key=lambda r: r["bytes"])
        xs = [max(r["bytes"], 0.5) for r in rows]
        measured = time_ax.plot(xs, [r["measured_us"] for r in rows], marker="o", markersize=4, linestyle="none",
                                label=f"{pattern} ({ranks} ranks) measured")
        colour = measured[0].get_color()
        time_ax.plot(xs, [r["predicted_us"] for r in rows], color=colour, label=f"{pattern} predicted: {algorithm}")
        ratio_ax.plot(xs, [r["ratio"] for r in rows], marker="o", markersize=3, color=colour,
                      label=f"{pattern} ({ranks} ranks, {algorithm})")
    for ax in (time_ax, ratio_ax):
        ax.set_xscale("log", base=2)
        ax.set_xlabel("message size")
        ax.grid(True, which="both", alpha=0.3)
    time_ax.set_yscale("log")
    time_ax.set_ylabel("median (µs)")
    time_ax.set_title("collectives: measured (points) and predicted (lines)", fontsize=10)
    ratio_ax.axhline(1, color="black", linewidth=0.8)
    ratio_ax.set_ylabel("measured / predicted")
    ratio_ax.set_title("collectives: how far the model is off", fontsize=10)
