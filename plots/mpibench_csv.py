"""Reads mpibench CSV files: '# key: value' metadata lines, a header row, result rows, and
an optional '# incomplete: reason' line. Standard library only, so tests and plots share it."""

import csv
import io


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
