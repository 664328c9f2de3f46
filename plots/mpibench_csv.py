"""Reads mpibench CSV files: '# key: value' metadata lines, a header row, result rows, and
an optional '# incomplete: reason' line. Standard library only, so tests and plots share it."""

import csv
import io


# Columns that are measurements: everything else in a row says which configuration it is.
MEASURED = {
    "bytes", "samples", "ops_per_sample", "min_us", "median_us", "mean_us", "max_us", "p95_us",
    "p99_us", "ci_low_us", "ci_high_us", "ci_level", "bandwidth_mb_s", "rank_avg_us",
    "rank_min_us", "stop", "root_bytes", "elements", "tasks_sent", "tasks_done", "tasks_lost",
    "tasks_per_s", "efficiency", "invalid", "ci_rel", "cv", "outliers", "sync", "repeat",
}


def configuration(row, columns):
    """The (column, value) pairs that identify a row's configuration, bytes excluded."""
    return tuple((c, row[c]) for c in columns if c not in MEASURED and row.get(c) is not None)


class Result:
    def __init__(self, metadata, columns, rows, incomplete):
        self.metadata = metadata      # dict: key -> value (str), in file order
        self.columns = columns        # header, in order
        self.rows = rows              # list of dicts: column -> int | float | str | None
        self.incomplete = incomplete  # reason the run stopped early, or None


def _value(text):
    if text == "":
        return None
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return text


def read(path):
    metadata, body, incomplete = {}, [], None
    with open(path, newline="") as f:
        for line in f:
            if line.startswith("# "):
                key, _, value = line[2:].rstrip("\n").partition(": ")
                if key == "incomplete":
                    incomplete = value
                else:
                    metadata[key] = value
            else:
                body.append(line)
    reader = csv.reader(io.StringIO("".join(body)))
    header = next(reader, None)
    if header is None:
        return Result(metadata, [], [], incomplete)
    rows = [{c: _value(v) for c, v in zip(header, fields)} for fields in reader if fields]
    return Result(metadata, header, rows, incomplete)
