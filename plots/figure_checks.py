"""What a picture must satisfy before it is saved, measured on the drawn figure: no legend
over an axis or tick label, at least two labelled ticks in every decade a log value axis
shows, size ticks in B/KiB/MiB/GiB, and no empty band over the top axes taller than 8% of the
picture. The tests run every kind of picture through `problems`."""

import math

SIZE_UNITS = ("B", "KiB", "MiB", "GiB")


def _renderer(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _overlap(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def problems(fig):
    """Every breach of the rules above, as text; none for a good picture."""
    renderer = _renderer(fig)
    found = []
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.axison]
    legends = [legend for ax in fig.axes for legend in ([ax.get_legend()] if ax.get_legend() else [])]
    legends += list(fig.legends)
    texts = []
    for ax in axes:
        for text in (ax.xaxis.label, ax.yaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels()):
            if text.get_visible() and text.get_text():
                texts.append((ax, text))
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax, text in texts:
            if _overlap(box, text.get_window_extent(renderer)):
                found.append(f"a legend covers '{text.get_text()}' of the panel '{ax.get_title()}'")
    for ax in axes:
        title = ax.get_title() or ax.get_ylabel()
        if ax.get_yscale() == "log":
            # Two labels a decade: in every whole decade shown, and over the range as a whole
            # (0.6 to 6 us with one label, at 1, was the complaint).
            low, high = sorted(ax.get_ylim())
            labelled = [t.get_position()[1] for t in ax.get_yticklabels() if t.get_text()
                        and low <= t.get_position()[1] <= high]
            decades = math.log10(high / low)
            if len(labelled) < math.floor(2 * decades):
                found.append(f"'{title}': {len(labelled)} labelled ticks over {decades:.1f} decades")
            for decade in range(math.ceil(math.log10(low)), math.floor(math.log10(high))):
                inside = [v for v in labelled if 10 ** decade * (1 - 1e-9) <= v < 10 ** (decade + 1) * (1 - 1e-9)]
                if len(inside) < 2:
                    found.append(f"'{title}': {len(inside)} labelled tick(s) between {10 ** decade:g} and "
                                 f"{10 ** (decade + 1):g}")
        if "size" in ax.get_xlabel():
            for tick in ax.get_xticklabels():
                text = tick.get_text()
                if text and text.split()[-1] not in SIZE_UNITS:
                    found.append(f"'{title}': size tick '{text}' is not in B, KiB, MiB or GiB")
    if axes and fig._suptitle is not None and fig._suptitle.get_text():
        height = fig.bbox.height
        title_bottom = fig._suptitle.get_window_extent(renderer).y0
        top_of_axes = max(ax.get_tightbbox(renderer).y1 for ax in axes)
        if title_bottom - top_of_axes > 0.08 * height:
            found.append(f"an empty band of {(title_bottom - top_of_axes) / height:.0%} of the height under the title")
        title_width = fig._suptitle.get_window_extent(renderer).width
        if title_width > fig.bbox.width:
            found.append(f"the title is {title_width / fig.bbox.width:.0%} of the figure's width")
    return found
