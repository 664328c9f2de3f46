"""linkmap's rows as matrices: bandwidth from each endpoint (row) to each other (column), and
latency of each pair (drawn both ways: it is measured once per pair). With --repeat, or
several files, a cell is the median of its measurements in the sweep (`pass` 1: the second
looks at suspect links only decide the verdict). Links the run's verdict flagged are outlined,
so the picture says what the text said.
"""

import statistics


def endpoint_names(rows):
    """{rank: label} in rank order: the host, or "host:rank" where a host has several."""
    hosts = {}
    for r in rows:
        hosts[r["src_rank"]] = r["src_host"]
        hosts[r["dst_rank"]] = r["dst_host"]
    shared = len(set(hosts.values())) < len(hosts)
    return {rank: f"{host}:{rank}" if shared else host for rank, host in sorted(hosts.items())}


def matrix(rows, metric, column, names):
    """[[value or None]] indexed like `names`, the median of the cell's rows."""
    index = {rank: i for i, rank in enumerate(names)}
    cells = {}
    for r in rows:
        if r["metric"] != metric or r.get(column) is None or r.get("pass", 1) not in (1, None):
            continue
        a, b = index[r["src_rank"]], index[r["dst_rank"]]
        cells.setdefault((a, b), []).append(r[column])
        if metric == "latency":
            cells.setdefault((b, a), []).append(r[column])
    n = len(names)
    return [[statistics.median(cells[(a, b)]) if (a, b) in cells else None for b in range(n)] for a in range(n)]


def flagged_links(notes, metric, labels):
    """(src label, dst label) pairs the verdict line of `metric` named as slow; "every link of
    H (N)" names each pair of H with the other `labels`."""
    links = set()
    for key, text in notes:
        if key != "verdict" or not text.startswith(f"linkmap {metric}:") or "slow links: " not in text:
            continue
        for item in text.split("slow links: ", 1)[1].split("; ", 1)[0].split(", "):
            if item.startswith("every link of "):
                host = item[len("every link of "):].split(" ", 1)[0]
                links.update(pair for other in labels if other != host for pair in ((host, other), (other, host)))
                continue
            link = item.split(" ", 1)[0]
            separator = "->" if "->" in link else "-"
            a, _, b = link.partition(separator)
            links.add((a, b))
            if separator == "-":
                links.add((b, a))
    return links


def draw(axes, rows, notes):
    """Two heatmaps on `axes` (latency, bandwidth)."""
    import matplotlib.patches as patches
    names = endpoint_names(rows)
    labels = list(names.values())
    panels = [("latency", "median_us", "latency: one-way, median (µs)", "viridis_r"),
              ("bandwidth", "bandwidth_mb_s", "bandwidth: row sends to column (MB/s)", "viridis")]
    for ax, (metric, column, title, colours) in zip(axes, panels):
        values = matrix(rows, metric, column, names)
        masked = [[float("nan") if v is None else v for v in row] for row in values]
        image = ax.imshow(masked, cmap=colours)
        ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
        ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
        ax.set_yticks(range(len(labels)), labels, fontsize=7)
        ax.set_xlabel("to" if metric == "bandwidth" else "endpoint")
        ax.set_ylabel("from" if metric == "bandwidth" else "endpoint")
        ax.set_title(f"linkmap {title}", fontsize=10)
        if len(labels) <= 16:
            for a, row in enumerate(values):
                for b, v in enumerate(row):
                    if v is not None:
                        # Dark text on the bright end of the colour map, light on the dark end.
                        bright = image.norm(v) > 0.6 if colours == "viridis" else image.norm(v) < 0.4
                        ax.text(b, a, f"{v:.0f}" if v >= 100 else f"{v:.3g}", ha="center", va="center",
                                fontsize=7, color="black" if bright else "white")
        for a_label, b_label in flagged_links(notes, metric, labels):
            if a_label in labels and b_label in labels:
                a, b = labels.index(a_label), labels.index(b_label)
                ax.add_patch(patches.Rectangle((b - 0.5, a - 0.5), 1, 1, fill=False, edgecolor="red", linewidth=2))
