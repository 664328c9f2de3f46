"""What the integration cases share: the case registry, the run context, and the checks that
every case applies to what mpibench wrote."""

import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plots"))
import mpibench_csv  # noqa: E402

CASES = {}

# Runs at 3 and 4 ranks may be oversubscribed here; keep them short.
SMALL = ["--samples", "5", "--max-time", "0.05"]

STAT_COLUMNS = [
    "pattern", "ranks", "bytes", "samples", "ops_per_sample", "min_us", "median_us", "mean_us",
    "max_us", "p95_us", "ci_low_us", "ci_high_us", "ci_level", "bandwidth_mb_s",
]

METADATA_KEYS = [
    "schema_version", "mpibench_version", "command_line", "date_utc", "mpi_library",
    "ranks_launched", "hosts", "processor", "timer", "timer_resolution_ns", "timer_cost_ns",
    "oversubscribed", "compiler", "cxx_flags",
]


def case(label):
    def register(fn):
        CASES[fn.__name__] = (label, fn)
        return fn
    return register


class Failure(Exception):
    pass


class Skip(Exception):
    """The case cannot run on this machine (said why); ctest reports it as skipped."""


SKIPPED = 77  # ctest's SKIP_RETURN_CODE for these cases


def check(condition, message):
    if not condition:
        raise Failure(message)


class Context:
    def __init__(self, args):
        self.binary = args.binary
        self.mpiexec = args.mpiexec
        # The launcher and the flags its stack needs (cmake/Launcher.cmake), as one command.
        self.launcher = [args.mpiexec, *args.mpiexec_flags.split()]
        self.open_mpi = "openmpi" in os.path.basename(args.mpiexec)

        self.source_dir = args.source_dir
        self.work = os.path.join(args.work_dir, args.name)
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)

    def forwarded(self, sig):
        """The signals ranks may receive when the launcher gets `sig`: Open MPI's mpirun turns
        a Ctrl-C into a SIGTERM to every rank."""
        return {"SIGINT", "SIGTERM"} if self.open_mpi and sig == "SIGINT" else {sig}

    def path(self, name):
        return os.path.join(self.work, name)

    def run(self, ranks, *args, expect=0):
        command = [self.binary, *args] if ranks is None else [*self.launcher, "-n", str(ranks), self.binary, *args]
        proc = subprocess.run(command, capture_output=True, text=True, timeout=150)
        if proc.returncode != expect:
            raise Failure(f"{' '.join(command)}: exit {proc.returncode}, expected {expect}\n"
                          f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc


def oversubscribed(ranks):
    return ranks > len(os.sched_getaffinity(0))


def check_file(result):
    """What every complete CSV must have."""
    for column in STAT_COLUMNS:
        check(column in result.columns, f"column {column} missing from {result.columns}")
    for key in METADATA_KEYS:
        check(key in result.metadata, f"metadata {key} missing")
    check(list(result.metadata)[0] == "schema_version", "schema_version must come first")
    check(result.incomplete is None, f"run marked incomplete: {result.incomplete}")


def stopped_output(out):
    """What a run that stopped early leaves: FILE.partial, never FILE; read with its reason."""
    check(not os.path.exists(out), f"{out} exists: a stopped run must leave only {out}.partial")
    check(os.path.exists(out + ".partial"), f"{out}.partial is missing")
    result = mpibench_csv.read(out + ".partial", allow_incomplete=True)
    check(result.incomplete is not None, "a .partial file reads as complete")
    return result


def mpibench_lines(stderr):
    """The lines mpibench printed: a launcher may add its own (Open MPI's mpirun does)."""
    return [l for l in stderr.splitlines() if l.startswith("mpibench")]


def error_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith("mpibench: error:")]


def check_rows(rows, pattern, ranks, sizes):
    """The checks every row of a successful run must pass."""
    check([r["bytes"] for r in rows] == sizes, f"{pattern}: sizes {[r['bytes'] for r in rows]} != {sizes}")
    for r in rows:
        where = f"{pattern} {r['bytes']} B"
        check(r["pattern"] == pattern, f"{where}: pattern {r['pattern']}")
        check(r["ranks"] == ranks, f"{where}: ranks {r['ranks']} != {ranks}")
        check(r["samples"] > 0, f"{where}: no samples")
        check(r["ops_per_sample"] >= 1, f"{where}: ops_per_sample {r['ops_per_sample']}")
        check(0 < r["min_us"] <= r["median_us"] <= r["max_us"], f"{where}: min/median/max out of order: {r}")
        check(r["min_us"] <= r["p95_us"] <= r["max_us"], f"{where}: p95 outside [min, max]: {r}")
        check(r["min_us"] <= r["mean_us"] <= r["max_us"], f"{where}: mean outside [min, max]: {r}")
        check(r["ci_low_us"] <= r["median_us"] <= r["ci_high_us"], f"{where}: median outside its CI: {r}")
        check(0 <= r["ci_level"] <= 1, f"{where}: ci_level {r['ci_level']}")
        if pattern in ("taskqueue", "barrier"):
            check(r["bandwidth_mb_s"] is None, f"{where}: no bandwidth where nothing is streamed")
            if pattern == "taskqueue":
                check_task_accounting(r, where)
        else:
            check(r["bandwidth_mb_s"] >= 0, f"{where}: negative bandwidth")
            check((r["bandwidth_mb_s"] > 0) == (r["bytes"] > 0), f"{where}: bandwidth {r['bandwidth_mb_s']}")


def check_task_accounting(r, where):
    check(r["tasks_lost"] == 0, f"{where}: {r['tasks_lost']} tasks lost")
    check(r["tasks_done"] == r["tasks_sent"] > 0, f"{where}: done {r['tasks_done']} != sent {r['tasks_sent']}")
    check(r["samples"] == r["tasks_done"], f"{where}: one round trip per task done")
    check(r["tasks_per_s"] > 0, f"{where}: no throughput")
    check(r["p95_us"] <= r["p99_us"] <= r["max_us"], f"{where}: p95/p99/max out of order")
    # Without work, efficiency means nothing: blank, not 0.
    check((r["efficiency"] is None) == (r["work_us"] == 0), f"{where}: efficiency {r['efficiency']} at work {r['work_us']}")
    if r["work_us"] > 0:
        # Every task holds a worker for work_us, so no round trip is shorter and the workers
        # cannot be busier than all of the time.
        check(r["min_us"] >= r["work_us"], f"{where}: round trip {r['min_us']} < work {r['work_us']}")
        check(0 < r["efficiency"] <= 1.0 + 1e-9, f"{where}: efficiency {r['efficiency']}")


def check_oversubscription(ctx, result, proc, ranks, busy=None):
    """`busy`: the ranks measuring at once (the others sleep), when not all of them."""
    busy = ranks if busy is None else busy
    expected = "yes" if oversubscribed(busy) else "no"
    check(result.metadata["oversubscribed"] == expected,
          f"oversubscribed: {result.metadata['oversubscribed']}, expected {expected} "
          f"({ranks} ranks, {len(os.sched_getaffinity(0))} cores)")
    warned = "oversubscribed" in proc.stderr
    check(warned == oversubscribed(busy), f"oversubscription warning {warned}: {proc.stderr!r}")
    check(result.metadata["ranks_launched"] == str(ranks), "ranks_launched")


POINT_TO_POINT = {"pingpong", "bandwidth", "bibw"}


def sweep(ctx, ranks, pattern, size_arg, sizes, *extra):
    """Runs one pattern and checks its CSV; returns (result, process)."""
    out = ctx.path(f"{pattern}.csv")
    proc = ctx.run(ranks, pattern, "--sizes", size_arg, "-o", out, "-q", *extra)
    result = mpibench_csv.read(out)
    check_file(result)
    check_rows(result.rows, pattern, 2 if pattern in POINT_TO_POINT else ranks, sizes)
    check_oversubscription(ctx, result, proc, ranks, 2 if pattern in POINT_TO_POINT else ranks)
    return result, proc


def check_column(result, column, expected):
    values = [r[column] for r in result.rows]
    check(all(v == expected for v in values), f"{column}: {values}, expected {expected}")


def doubling(low, high):
    sizes, s = [], low
    while s <= high:
        sizes.append(s)
        s = 1 if s == 0 else 2 * s
    return sizes


def usage_error(ctx, ranks, args, needle, output=True):
    """A refused run: exit 2 on every rank, exactly one line, and nothing created or deleted."""
    out = ctx.path("never.csv")
    before = sorted(os.listdir(ctx.work))
    proc = ctx.run(ranks, *args, *(["-o", out] if output else []), expect=2)
    # mpibench's own lines: a launcher may add its banner (Open MPI's mpirun does).
    lines = [l for l in proc.stderr.splitlines() if l.startswith("mpibench")]
    check(len(lines) == 1, f"expected one mpibench line on stderr, got: {proc.stderr!r}")
    check(lines[0].startswith("mpibench: error: "), lines[0])
    check(needle in lines[0], f"{needle!r} not in {lines[0]!r}")
    check(sorted(os.listdir(ctx.work)) == before, f"files changed: {before} -> {sorted(os.listdir(ctx.work))}")
    check(proc.stdout == "", f"stdout: {proc.stdout!r}")
    return lines[0]



