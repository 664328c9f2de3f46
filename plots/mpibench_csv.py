"""Reads mpibench CSV files: '# key: value' metadata lines, a header row, result rows, and a
last line that says how the run ended ('# end: complete, N rows' or '# incomplete: reason').

Column roles, units and types come from the file's own 'columns' metadata line, which
mpibench writes from its one declared schema (results/schema.cpp): this reader keeps no copy
of them. Standard library only, so tests, plots and scripts share it.

Anything that is not a whole, readable mpibench CSV raises InputError with a one-line
message for the user; an incomplete run is refused unless the caller allows it.
"""

import csv
import io
import math
import os
import stat

SCHEMA_VERSION = "2"
# The most a result file may hold: a 4 000-row sweep is under 2 MB.
MAX_BYTES = 256 << 20
# Beyond this no number mpibench writes goes (a time of 10^15 us is 31 years).
LARGEST_VALUE = 1e15
# What every row of a run's result has: without it a row means nothing.
REQUIRED = ("pattern", "ranks", "bytes", "samples", "median_us")


class InputError(Exception):
    """A file that cannot be used, said in one line."""


class Column:
    def __init__(self, name, role, unit, type_):
        self.name, self.role, self.unit, self.type = name, role, unit, type_


class Result:
    def __init__(self, path, metadata, columns, rows, incomplete):
        self.path = path
        self.metadata = metadata      # dict: key -> value (str), in file order
        self.columns = columns        # header, in order
        self.schema = {}              # column name -> Column
        self.rows = rows              # list of dicts: column -> int | float | str | None
        self.incomplete = incomplete  # why the run stopped early, or None when complete
        self.notes = []               # (key, text) summary lines after the rows

    def role(self, column):
        return self.schema[column].role


def configuration(row, result):
    """The (column, value) pairs that identify a row's configuration (size excluded)."""
    return tuple((c, row[c]) for c in result.columns
                 if result.role(c) == "configuration" and row.get(c) is not None)


def shown(path):
    """A path as one line: control characters escaped."""
    return repr(str(path))


def _parse_columns(text, where):
    schema = {}
    for item in text.split():
        parts = item.split(":")
        if len(parts) != 4:
            raise InputError(f"{where}: malformed 'columns' metadata item {item!r}")
        name, role, unit, type_ = parts
        schema[name] = Column(name, role, "" if unit == "-" else unit, type_)
    return schema


def _cell(text, column, where):
    if text == "":
        return None
    if column.type == "text":
        return text
    try:
        value = int(text) if column.type == "integer" else float(text)
    except ValueError:
        raise InputError(f"{where}: column {column.name}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{where}: column {column.name}: {text!r} is not a finite number")
    if isinstance(value, int) and not -2 ** 63 <= value < 2 ** 63:
        raise InputError(f"{where}: column {column.name}: {text!r} is beyond a 64-bit integer")
    if isinstance(value, float) and abs(value) > LARGEST_VALUE:
        raise InputError(f"{where}: column {column.name}: {text!r} is beyond any measurement")
    return value


def _check_run_row(row, where):
    """A run's row (not a model's or a comparison's, whose values may be negative): every
    number it wrote is not negative, its median is above 0, and it has every cell a row has."""
    for column in REQUIRED:
        if row.get(column) is None:
            raise InputError(f"{where}: column {column} is empty, and every row has one")
    for column, value in row.items():
        if isinstance(value, (int, float)) and value < 0:
            raise InputError(f"{where}: column {column}: {value!r} is negative")
    if row["median_us"] <= 0:
        raise InputError(f"{where}: column median_us: a median time is above 0")


def _read_bytes(path, name):
    """The whole of a regular file, opened without blocking (a FIFO or a device is refused,
    never waited on), at most MAX_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(f"cannot read {name}: {os.strerror(21)}")  # EISDIR: "Is a directory"
        raise InputError(f"{name} is not an mpibench CSV: not a regular file (a FIFO, a device, a socket?)")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise InputError(f"cannot read {name}: {e.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is larger than {MAX_BYTES >> 20} MiB, the most mpibench reads as one result")
    return data


def read(path, allow_incomplete=False):
    """The result in `path`; InputError when it is not a whole mpibench CSV (or, unless
    allow_incomplete, when the run it holds did not complete)."""
    name = shown(path)
    data = _read_bytes(path, name)
    if b"\0" in data:
        raise InputError(f"{name} is not an mpibench CSV: it holds binary data")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not an mpibench CSV: it is not UTF-8 text") from None

    metadata, notes, body, ending, ending_line = {}, [], [], None, None
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if line.startswith("# "):
            key, _, value = line[2:].rstrip("\r\n").partition(": ")
            if key in ("end", "incomplete"):
                ending, ending_line = (key, value), number
            elif body:  # after the header: a note about the run (a summary line)
                notes.append((key, value))
            else:
                metadata[key] = value
        elif line.strip():
            if ending is not None:
                raise InputError(f"{name}: line {number}: a row after the file's end line")
            body.append((number, line))
    if metadata.get("schema_version") is None:
        raise InputError(f"{name} is not an mpibench CSV: it has no '# schema_version' line")
    if metadata["schema_version"] != SCHEMA_VERSION:
        raise InputError(f"{name} has schema version {metadata['schema_version']}; this reader reads "
                         f"version {SCHEMA_VERSION} (re-run it with this mpibench)")
    if "columns" not in metadata:
        raise InputError(f"{name} is not an mpibench CSV: it has no '# columns' line")
    schema = _parse_columns(metadata["columns"], name)
    if not body:
        raise InputError(f"{name}: no header row")

    header_number, header_line = body[0]
    header = next(csv.reader([header_line]), [])
    if header != list(schema):
        raise InputError(f"{name}: line {header_number}: the header does not match the 'columns' metadata")
    rows = []
    for number, line in body[1:]:
        fields = next(csv.reader(io.StringIO(line)), [])
        if len(fields) != len(header) or not line.endswith("\n"):
            raise InputError(f"{name}: line {number}: {len(fields)} fields where the header has "
                             f"{len(header)} (the file is cut or damaged)")
        where = f"{name}: line {number}"
        rows.append({c: _cell(v, schema[c], where) for c, v in zip(header, fields)})
        if "median_us" in schema and "samples" in schema:
            _check_run_row(rows[-1], where)

    if ending is None:
        incomplete = "the file has no end line (the run was killed, or the file was cut)"
    elif ending[0] == "incomplete":
        incomplete = ending[1]
    else:
        incomplete = None
        expected = f"complete, {len(rows)} rows"
        if ending[1] != expected:
            raise InputError(f"{name}: line {ending_line}: '# end: {ending[1]}', but the file "
                             f"holds {len(rows)} rows")
    if incomplete is None and str(path).endswith(".partial"):
        incomplete = "a .partial file is the output of a run that has not completed"
    if incomplete is not None and not allow_incomplete:
        raise InputError(f"{name} is incomplete ({incomplete}); pass --allow-incomplete to use it anyway")
    result = Result(path, metadata, header, rows, incomplete)
    result.schema = schema
    result.notes = notes
    return result
