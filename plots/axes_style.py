"""Axes that read at a glance: message sizes in B, KiB, MiB, GiB (not 2^10), and log value
axes with at least two labelled ticks in every decade they show (matplotlib labels only the
powers of ten, so 0.6 to 6 µs had one label)."""

import math


def size_text(value, _position=None):
    """A size tick: 0.5 is where the 0 B point is drawn."""
    if value < 1:
        return "0 B"
    for unit, scale in (("GiB", 2 ** 30), ("MiB", 2 ** 20), ("KiB", 2 ** 10)):
        if value >= scale:
            return f"{value / scale:g} {unit}"
    return f"{value:g} B"


def value_text(value, _position=None):
    """A value tick, without an exponent where one is not needed."""
    if value >= 1e6 or value < 1e-3:
        return f"{value:.0e}".replace("e+0", "e").replace("e-0", "e-")
    return f"{value:g}"


def size_axis(ax):
    """The x axis of message sizes (log base 2): at most about a dozen labelled powers of two."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
    ax.set_xscale("log", base=2)
    ax.xaxis.set_major_locator(LogLocator(base=2, numticks=12))
    ax.xaxis.set_major_formatter(FuncFormatter(size_text))
    ax.xaxis.set_minor_formatter(NullFormatter())
    for label in ax.get_xticklabels():
        label.set_fontsize(8)


def log_value_axis(ax, axis="y"):
    """A log value axis labelled at 1, 2, 5 of each decade (1 and 3 over more than three
    decades), so that every decade shown has two labels or more."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator
    target = ax.yaxis if axis == "y" else ax.xaxis
    (ax.set_yscale if axis == "y" else ax.set_xscale)("log")
    low, high = ax.get_ylim() if axis == "y" else ax.get_xlim()
    decades = math.log10(high / low) if low > 0 and high > low else 1
    subs = (1.0, 2.0, 5.0) if decades <= 3 else (1.0, 3.0)
    target.set_major_locator(LogLocator(base=10, subs=subs, numticks=40))
    target.set_major_formatter(FuncFormatter(value_text))
    target.set_minor_locator(NullLocator())
    target.set_minor_formatter(NullFormatter())
