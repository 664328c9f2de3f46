#!/usr/bin/env python3
"""Integration tests: run the real mpibench under mpiexec, then parse and check what it wrote.

    cases.py --list                      one "<name> <label>" line per case (read by CMake)
    cases.py NAME --binary B --mpiexec M --source-dir S --work-dir W

Runs at more ranks than this machine has cores cap their samples and time explicitly:
oversubscribed ranks make every operation cost milliseconds. No case judges speed.
The cases of faults and bad input that a user or a CI system meets are in faults.py.
"""

import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import *  # noqa: E402,F401,F403
import compare_cases  # noqa: E402,F401  (registers its cases)
import install_cases  # noqa: E402,F401  (registers its cases)
import faults  # noqa: E402,F401  (registers its cases)
import host_cases  # noqa: E402,F401  (registers its cases)
import model_cases  # noqa: E402,F401  (registers its cases)
import lab_cases  # noqa: E402,F401  (registers its cases)
import simulation_cases  # noqa: E402,F401  (registers its cases)
import doc_cases  # noqa: E402,F401  (registers its cases)
import damage_cases  # noqa: E402,F401  (registers its cases)

# --- runs that succeed -------------------------------------------------------------------

@case("mpi")
def pingpong_n2_sweep(ctx):
    sweep(ctx, 2, "pingpong", "0:64K", doubling(0, 65536), "--samples", "20", "--max-time", "0.2")


@case("mpi")
def pingpong_n2_validated(ctx):
    result, _ = sweep(ctx, 2, "pingpong", "1,4K,1M", [1, 4096, 1 << 20], "--validate", "--samples", "10")
    check(result.metadata["validate"] == "yes", "validate not recorded")


@case("mpi")
def bandwidth_n2_validated(ctx):
    result, _ = sweep(ctx, 2, "bandwidth", "4K,64K,1M", [4096, 65536, 1 << 20],
                      "--window", "8", "--validate", "--samples", "10")
    check_column(result, "window", 8)


@case("mpi")
def sizes_range_that_is_not_a_power_of_two(ctx):
    sweep(ctx, 2, "pingpong", "3:100", [3, 6, 12, 24, 48, 96], "--samples", "3")


@case("mpi")
def pingpong_n3_extra_rank_waits(ctx):
    sweep(ctx, 3, "pingpong", "0:1K", doubling(0, 1024), "--validate", *SMALL)


@case("mpi")
def bandwidth_n3_extra_rank_waits(ctx):
    sweep(ctx, 3, "bandwidth", "1,64K", [1, 65536], "--window", "4", "--validate", *SMALL)


@case("mpi")
def pingpong_n4_extra_ranks_wait(ctx):
    sweep(ctx, 4, "pingpong", "8,1K", [8, 1024], *SMALL)


@case("mpi")
def table_on_stdout_has_a_line_per_size(ctx):
    proc = ctx.run(2, "pingpong", "--sizes", "0:16", "--samples", "5")
    lines = [l for l in proc.stdout.splitlines() if l.strip().startswith("pingpong")]
    check(len(lines) == 6, f"expected 6 rows, got:\n{proc.stdout}")
    check("median_us" in proc.stdout and "median_ci_us" in proc.stdout, "table header")


# --- collectives ----------------------------------------------------------------------------

@case("mpi")
def bcast_n2_validated(ctx):
    result, _ = sweep(ctx, 2, "bcast", "0:64K", doubling(0, 65536), "--validate", "--samples", "20")
    check_column(result, "root", 0)


@case("mpi")
def barrier_one_row_per_sweep(ctx):
    for ranks in (2, 3):
        out = ctx.path(f"barrier-{ranks}.csv")
        proc = ctx.run(ranks, "barrier", "-o", out, "-q", "--validate", *SMALL)
        result = mpibench_csv.read(out)
        check_file(result)
        check_rows(result.rows, "barrier", ranks, [0])
        check_oversubscription(ctx, result, proc, ranks)
        # On 2 ranks (2 cores) a barrier takes microseconds, so they are timed in batches; 3
        # busy ranks get scheduler slices of milliseconds, one barrier per sample.
        if ranks == 2:
            check(result.rows[0]["ops_per_sample"] > 1, f"barriers are timed in batches: {result.rows[0]}")


@case("cli")
def barrier_refuses_sizes(ctx):
    usage_error(ctx, 2, ["barrier", "--sizes", "8"], "barrier moves no message, so --sizes and -m do not apply")


@case("mpi")
def bcast_n3_root_2(ctx):
    result, _ = sweep(ctx, 3, "bcast", "1,4K,256K", [1, 4096, 262144], "--root", "2", "--validate", *SMALL)
    check_column(result, "root", 2)


@case("mpi")
def bcast_n4_root_1(ctx):
    sweep(ctx, 4, "bcast", "8,1K", [8, 1024], "--root", "1", "--validate", *SMALL)


def rooted_blocks(ctx, pattern, ranks, root):
    sizes = [8, 4096, 65536]
    result, _ = sweep(ctx, ranks, pattern, "8,4K,64K", sizes, "--root", str(root), "--validate",
                      *(SMALL if ranks > 2 else ["--samples", "20"]))
    check_column(result, "root", root)
    check([r["root_bytes"] for r in result.rows] == [ranks * b for b in sizes], "root_bytes = ranks x block")


@case("mpi")
def scatter_n2(ctx):
    rooted_blocks(ctx, "scatter", 2, 0)


@case("mpi")
def scatter_n3_root_2(ctx):
    rooted_blocks(ctx, "scatter", 3, 2)


@case("mpi")
def scatter_n4_root_3(ctx):
    rooted_blocks(ctx, "scatter", 4, 3)


@case("mpi")
def gather_n2_root_1(ctx):
    rooted_blocks(ctx, "gather", 2, 1)


@case("mpi")
def gather_n3_root_1(ctx):
    rooted_blocks(ctx, "gather", 3, 1)


@case("mpi")
def gather_n4(ctx):
    rooted_blocks(ctx, "gather", 4, 0)


@case("mpi")
def reduce_n3_every_op_and_type(ctx):
    for op in ("sum", "max", "min", "prod"):
        for type_, width in (("int", 4), ("float", 4), ("double", 8)):
            # 2 B is below one element (skipped); 1000 B rounds down to whole elements.
            sizes = [b // width * width for b in (1000, 4096)]
            result, proc = sweep(ctx, 3, "reduce", "2,1000,4K", sizes, "--op", op, "--type", type_,
                                 "--root", "1", "--validate", *SMALL)
            check_column(result, "op", op)
            check_column(result, "type", type_)
            check_column(result, "root", 1)
            check([r["elements"] for r in result.rows] == [b // width for b in sizes], "elements")
            check("reduce skips 2 B" in proc.stderr, f"no note for the skipped size: {proc.stderr!r}")


@case("mpi")
def reduce_n4_root_3(ctx):
    sweep(ctx, 4, "reduce", "8,64K", [8, 65536], "--root", "3", "--type", "double", "--validate", *SMALL)


@case("mpi")
def reduce_n2_default_type_is_float(ctx):
    result, _ = sweep(ctx, 2, "reduce", "4:1M", doubling(4, 1 << 20), "--validate", "--samples", "10")
    check_column(result, "type", "float")
    check_column(result, "op", "sum")


@case("mpi")
def all_collectives_n2_n3_n4(ctx):
    for ranks in (2, 3, 4):
        for pattern in ("allreduce", "allgather", "alltoall"):
            limits = SMALL if ranks > 2 else ["--samples", "10"]
            # allreduce skips 2 B (below one float) and rounds 1000 B to whole floats.
            sizes = [1000, 65536] if pattern == "allreduce" else [2, 1000, 65536]
            sweep(ctx, ranks, pattern, "2,1000,64K", sizes, "--validate", *limits)


@case("mpi")
def every_root_of_every_rooted_collective_n3(ctx):
    for pattern in ("bcast", "scatter", "gather", "reduce"):
        for root in (0, 1, 2):
            result, _ = sweep(ctx, 3, pattern, "8,4K", [8, 4096], "--root", str(root), "--validate",
                              "--samples", "3", "--max-time", "0.05")
            check_column(result, "root", root)


def run_all(ctx, ranks, *extra):
    out = ctx.path("all.csv")
    proc = ctx.run(ranks, "all", "--sizes", "8,1K", "-o", out, "-q", "--validate", "--tasks", "200", *extra)
    result = mpibench_csv.read(out)
    check_file(result)
    patterns = ["pingpong", "bandwidth", "bibw", "multibw", "barrier", "bcast", "scatter", "gather", "reduce", "allreduce",
                "reduce_local", "allgather", "alltoall", "taskqueue"]
    # A barrier moves no message: one row per sweep, whatever the sizes. On one host there is
    # no link between hosts to map: `all` leaves linkmap out, and says why, once.
    expected = [p for p in patterns for _ in ((0,) if p == "barrier" else (0, 1))]
    check([r["pattern"] for r in result.rows] == expected, f"patterns in order: {[r['pattern'] for r in result.rows]}")
    skipped = [l for l in mpibench_lines(proc.stderr) if "skipping linkmap" in l]
    check(skipped == ["mpibench: note: skipping linkmap: every rank is on one host "
                      f"({result.metadata['hosts']}): there is no link between hosts to map (run 'mpibench "
                      "linkmap' itself to compare pairs of ranks)"], proc.stderr)
    check(not [key for key, _ in result.notes if key == "verdict"], f"verdicts: {result.notes}")
    for column in ("window", "root", "root_bytes", "op", "type", "elements", "workers", "tasks_per_s"):
        check(column in result.columns, f"union of columns lacks {column}")
    for p in patterns:
        rows = [r for r in result.rows if r["pattern"] == p]
        check_rows(rows, p, 2 if p in POINT_TO_POINT else ranks, [0] if p == "barrier" else [8, 1024])
    # A cell that does not apply is empty.
    check(all(r["root"] is None for r in result.rows if r["pattern"] in POINT_TO_POINT), "p2p rows have no root")
    check(all(r["window"] is None for r in result.rows
              if r["pattern"] not in ("bandwidth", "bibw", "multibw")),
          "only the streaming patterns have a window")
    check_oversubscription(ctx, result, proc, ranks)


@case("mpi")
def all_patterns_n2(ctx):
    run_all(ctx, 2, "--samples", "10")


@case("mpi")
def all_patterns_n4(ctx):
    run_all(ctx, 4, *SMALL)


@case("mpi")
def validation_catches_corruption_in_collectives(ctx):
    for pattern in ("bcast", "scatter", "gather", "reduce", "allreduce", "allgather", "alltoall"):
        out = ctx.path(f"{pattern}-corrupt.csv")
        root = ["--root", "1"] if pattern in ("bcast", "scatter", "gather", "reduce") else []
        proc = ctx.run(3, pattern, "--sizes", "64", *root, "--validate", "--corrupt-payload",
                       "-q", "-o", out, *SMALL, expect=1)
        lines = mpibench_lines(proc.stderr)
        check(lines[-1].startswith(f"mpibench: error: validation failed: {pattern} at 64 bytes: rank "),
              f"{pattern}: {proc.stderr!r}")
        check(lines[-1].endswith(f"; the finished rows are kept in '{out}.partial'"), lines[-1])
        result = stopped_output(out)
        check(result.rows == [] and result.incomplete.startswith("validation failed"), f"{pattern}: {result.incomplete}")


# --- task queue ------------------------------------------------------------------------------

def task_rows(result, sizes, variants):
    """Rows come per size, then per variant (workers, prefetch, work): check that order."""
    got = [(r["bytes"], r["workers"], r["prefetch"], r["work_us"]) for r in result.rows]
    expected = [(b, *v) for b in sizes for v in variants]
    check(got == expected, f"configurations {got} != {expected}")


def task_sweep(ctx, ranks, size_arg, sizes, variants, *extra):
    """A taskqueue sweep: one row per size and configuration, in that order."""
    result, proc = sweep(ctx, ranks, "taskqueue", size_arg, [b for b in sizes for _ in variants], *extra)
    task_rows(result, sizes, variants)
    return result


@case("mpi")
def taskqueue_n2_prefetch(ctx):
    result = task_sweep(ctx, 2, "0,8,1K,64K", [0, 8, 1024, 65536], [(1, 1, 0), (1, 4, 0)],
                        "--prefetch", "1,4", "--tasks", "2000", "--validate")
    check_column(result, "broker", "no")
    check_column(result, "result_bytes", 8)


@case("mpi")
def taskqueue_n2_work_and_result_size(ctx):
    result = task_sweep(ctx, 2, "8", [8], [(1, 1, 0), (1, 1, 50)],
                        "--work-us", "0,50", "--result-bytes", "4096", "--tasks", "500")
    check_column(result, "result_bytes", 4096)


@case("mpi")
def taskqueue_n3_workers_and_work(ctx):
    task_sweep(ctx, 3, "8,4K", [8, 4096], [(1, 1, 20), (1, 2, 20), (2, 1, 20), (2, 2, 20)],
               "--workers", "1,2", "--work-us", "20", "--prefetch", "1,2", "--tasks", "300",
               "--validate", "--max-time", "0.5")


@case("mpi")
def taskqueue_n4_all_workers(ctx):
    task_sweep(ctx, 4, "8", [8], [(1, 1, 0), (2, 1, 0), (3, 1, 0)],
               "--workers", "1,2,3", "--tasks", "300", "--max-time", "0.05")


@case("mpi")
def taskqueue_n3_broker(ctx):
    result = task_sweep(ctx, 3, "8,64K", [8, 65536], [(1, 1, 0), (1, 3, 0)],
                        "--broker", "--prefetch", "1,3", "--tasks", "300", "--validate", "--max-time", "0.5")
    check_column(result, "broker", "yes")


@case("mpi")
def taskqueue_n4_broker_with_work(ctx):
    task_sweep(ctx, 4, "1K", [1024], [(2, 2, 30)], "--broker", "--work-us", "30", "--prefetch", "2",
               "--tasks", "200", "--validate", "--max-time", "0.5")


@case("mpi")
def taskqueue_time_budget_drains_tasks_in_flight(ctx):
    # Far more tasks than 0.1 s allows: the configuration stops on time, after draining.
    result, _ = sweep(ctx, 2, "taskqueue", "8", [8], "--tasks", "100000000", "--max-time", "0.1",
                      "--prefetch", "8")
    check_column(result, "stop", "time")


@case("mpi")
def taskqueue_samples_counts_tasks(ctx):
    # A task's round trip is its sample: --samples 5 measures 5 tasks per configuration (labs 4
    # and 5 pass it under --quick).
    result, _ = sweep(ctx, 3, "taskqueue", "8,1K", [8, 8, 1024, 1024], "--samples", "5", "--prefetch", "1,2")
    check(all(r["samples"] == 5 and r["tasks_done"] == 5 for r in result.rows), f"{result.rows}")


@case("mpi")
def taskqueue_catches_corrupted_payloads(ctx):
    for ranks, extra in ((2, []), (3, ["--broker"])):
        for size, needle in (("1K", "wrong checksum"), ("0", "wrong checksum")):
            out = ctx.path(f"tq-corrupt-{ranks}-{size}.csv")
            proc = ctx.run(ranks, "taskqueue", "--sizes", size, *extra, "--validate", "--corrupt-payload",
                           "--tasks", "100", "-q", "-o", out, expect=1)
            lines = mpibench_lines(proc.stderr)
            check(lines[-1].startswith("mpibench: error: validation failed: taskqueue") and needle in lines[-1],
                  f"{ranks} ranks, {size}: {proc.stderr!r}")
            result = stopped_output(out)
            check(result.rows == [] and result.incomplete.startswith("validation failed"), result.incomplete)


# --- stop rules, synchronization, repeats ---------------------------------------------------

@case("mpi")
def adaptive_stop_is_the_default(ctx):
    result, _ = sweep(ctx, 2, "pingpong", "0,1K,64K", [0, 1024, 65536], "--precision", "2%", "--max-time", "0.5")
    check("adaptive" in result.metadata["stop_rule"], result.metadata["stop_rule"])
    for r in result.rows:
        check(r["samples"] >= 10, f"{r['bytes']} B: fewer samples than --min-samples")
        check(r["stop"] in ("precision", "time", "samples"), f"stop {r['stop']}")
        if r["stop"] == "precision":
            check(r["ci_rel"] <= 0.02, f"{r['bytes']} B stopped on precision with ci_rel {r['ci_rel']}")
            check(r["ci_level"] >= 0.95, "precision judged below 95% confidence")
        check(abs(r["ci_rel"] - (r["ci_high_us"] - r["ci_low_us"]) / 2 / r["median_us"]) < 1e-3, "ci_rel")
        check(r["outliers"] <= r["samples"] and r["cv"] >= 0, "outliers and cv")


@case("mpi")
def samples_shorthand_fixes_the_count(ctx):
    result, _ = sweep(ctx, 2, "pingpong", "8,4K", [8, 4096], "--samples", "17")
    check_column(result, "samples", 17)
    check_column(result, "stop", "samples")


@case("mpi")
def fixed_iterations_mode(ctx):
    result, _ = sweep(ctx, 2, "pingpong", "8,64K", [8, 65536], "--iterations", "3000", "--warmup", "100")
    check(result.metadata["stop_rule"].startswith("fixed: exactly 3000"), result.metadata["stop_rule"])
    for r in result.rows:
        # Samples of ops_per_sample operations, the last one possibly shorter: exactly 3000.
        k = r["ops_per_sample"]
        check((r["samples"] - 1) * k < 3000 <= r["samples"] * k, f"{r['bytes']} B: {r['samples']} x {k}")
    check_column(result, "stop", "iterations")
    coll, _ = sweep(ctx, 2, "bcast", "8", [8], "--iterations", "250")
    check_column(coll, "samples", 250)


@case("mpi")
def drop_outliers_changes_only_the_statistics(ctx):
    result, _ = sweep(ctx, 2, "pingpong", "1K", [1024], "--samples", "40", "--drop-outliers")
    r = result.rows[0]
    check(result.metadata["drop_outliers"] == "yes", "metadata")
    check(r["samples"] == 40 - r["outliers"], f"samples {r['samples']} with {r['outliers']} outliers dropped")


@case("mpi")
def sync_window_bcast_n2(ctx):
    result, _ = sweep(ctx, 2, "bcast", "0:64", doubling(0, 64), "--sync", "window", "--max-time", "0.3")
    check_column(result, "sync", "window")
    spread = float(result.metadata["clock_offsets_us"].split(";")[0].split()[1])
    check(spread < 50, f"clock offsets on one node should be small: {result.metadata['clock_offsets_us']}")
    for r in result.rows:
        check(r["invalid"] <= r["samples"], f"{r['bytes']} B: {r['invalid']} invalid of {r['samples']}")


@case("mpi")
def sync_window_n3_runs_and_reports(ctx):
    result, _ = sweep(ctx, 3, "bcast", "8,1K", [8, 1024], "--sync", "window", "--root", "1", *SMALL)
    check_column(result, "sync", "window")
    check(all(r["invalid"] >= 0 for r in result.rows), "invalid column")
    check(len(result.metadata["clock_offsets_us"].split()) == 4, result.metadata["clock_offsets_us"])


@case("mpi")
def barrier_sync_is_named(ctx):
    result, _ = sweep(ctx, 2, "gather", "8", [8], "--samples", "10")
    check_column(result, "sync", "barrier")
    check_column(result, "invalid", 0)
    pp, _ = sweep(ctx, 2, "pingpong", "8", [8], "--samples", "10", "--sync", "window")
    check_column(pp, "sync", "barrier")  # batched point-to-point samples always start at a barrier


@case("mpi")
def repeat_tags_rows_and_reports_spread(ctx):
    out = ctx.path("repeat.csv")
    ctx.run(2, "pingpong", "--sizes", "8,1K,64K", "--repeat", "3", "--seed", "5", "--samples", "10", "-q", "-o", out)
    result = mpibench_csv.read(out)
    check_file(result)
    check(sorted(r["repeat"] for r in result.rows) == [1, 1, 1, 2, 2, 2, 3, 3, 3], "repeat column")
    for repeat in (1, 2, 3):
        sizes = [r["bytes"] for r in result.rows if r["repeat"] == repeat]
        check(sorted(sizes) == [8, 1024, 65536], f"repeat {repeat} sizes {sizes}")
    orders = {tuple(r["bytes"] for r in result.rows if r["repeat"] == k) for k in (1, 2, 3)}
    check(len(orders) > 1 or len(result.rows) == 0, f"size order never shuffled: {orders}")
    with open(out) as f:
        notes = [l for l in f if l.startswith("# repeat_spread: pingpong ranks=2")]
    check(len(notes) == 3 and all("over 3 repeats" in n for n in notes), notes)


@case("mpi")
def oversubscription_flag_matches_nproc_at_4(ctx):
    result, proc = sweep(ctx, 4, "bcast", "8", [8], *SMALL)
    check_oversubscription(ctx, result, proc, 4)
    check(result.metadata["binding"].count(":") == 4, f"binding of every rank: {result.metadata['binding']}")


@case("mpi")
def taskqueue_catches_lost_and_duplicated_tasks(ctx):
    for fault, needle in (("duplicate", "task 0 came back twice (from worker 1)"),
                          ("lose", "1 of 1 tasks lost: no result within 0.3 s")):
        out = ctx.path(f"tq-{fault}.csv")
        proc = ctx.run(2, "taskqueue", "--sizes", "8,64", "--tasks", "50", "--inject-fault", fault,
                       "--loss-timeout", "0.3", "-q", "-o", out, expect=1)
        lines = mpibench_lines(proc.stderr)
        check(lines[-1] == f"mpibench: error: taskqueue at 8 bytes: {needle}; the finished rows are kept in "
              f"'{out}.partial'", f"{fault}: {proc.stderr!r}")
        result = stopped_output(out)
        check(result.rows == [] and result.incomplete == f"taskqueue at 8 bytes: {needle}",
              f"{fault}: {result.incomplete}")


# --- runs that fail after they started ---------------------------------------------------

@case("mpi")
def validation_catches_a_corrupted_payload(ctx):
    out = ctx.path("corrupt.csv")
    proc = ctx.run(2, "pingpong", "--sizes", "0,8,1K", "--validate", "--corrupt-payload",
                   "--samples", "5", "-q", "-o", out, expect=1)
    lines = mpibench_lines(proc.stderr)
    check(len(lines) == 1 and lines[0].startswith("mpibench: error: validation failed"), proc.stderr)
    check("8 bytes" in lines[0] and "offset 4" in lines[0], lines[0])
    result = stopped_output(out)
    check([r["bytes"] for r in result.rows] == [0], "rows before the failure are kept, no others")
    check(result.incomplete is not None and result.incomplete.startswith("validation failed"),
          f"incomplete line: {result.incomplete}")


@case("mpi")
def time_limit_ends_a_long_run(ctx):
    out = ctx.path("limited.csv")
    proc = ctx.run(2, "pingpong", "--sizes", "0", "--samples", "100000000", "--max-time", "100",
                   "--time-limit", "1", "-q", "-o", out, expect=1)
    check(error_lines(proc.stderr) == [
        f"mpibench: error: time limit of 1 s reached (raise --time-limit, or use fewer sizes or a smaller "
        f"--max-time); the finished rows are kept in '{out}.partial'"], proc.stderr)
    result = stopped_output(out)
    check(result.incomplete == "time limit of 1 s reached", f"incomplete: {result.incomplete}")


# --- bad input: one line, exit 2, no file --------------------------------------------------

@case("cli")
def unknown_pattern(ctx):
    usage_error(ctx, 2, ["pingpang"], "unknown pattern 'pingpang'; did you mean 'pingpong'?")
    line = usage_error(ctx, 2, ["hostname"], "unknown pattern 'hostname'; known patterns: pingpong")
    check("did you mean" not in line, line)


@case("cli")
def sizes_min_above_max(ctx):
    usage_error(ctx, 2, ["pingpong", "--sizes", "8:4"], "MIN (8) is larger than MAX (4)")


@case("cli")
def sizes_unknown_suffix(ctx):
    usage_error(ctx, 2, ["pingpong", "--sizes", "1X"], "unknown suffix 'X'")


@case("cli")
def sizes_negative(ctx):
    usage_error(ctx, 2, ["pingpong", "--sizes=-4"], "bad size '-4'")


@case("cli")
def sizes_beyond_int_counts(ctx):
    usage_error(ctx, 2, ["pingpong", "--sizes", "1:4G"], "largest message")


@case("cli")
def sizes_beyond_memory(ctx):
    # 4096 receive slots of 1 GiB: 4 TiB, more than any node this runs on.
    usage_error(ctx, 2, ["bandwidth", "--sizes", "1G", "--window", "4096"], "not enough memory")


@case("cli")
def root_out_of_range(ctx):
    usage_error(ctx, 3, ["bcast", "--root", "3"], "--root 3 is out of range: bcast runs on 3 ranks (roots 0 to 2)")


@case("cli")
def root_negative(ctx):
    usage_error(ctx, 2, ["gather", "--root=-1"], "--root")


@case("cli")
def reduce_op_unknown(ctx):
    usage_error(ctx, 2, ["reduce", "--op", "avg"], "--op: avg not in {sum,max,min,prod}")


@case("cli")
def reduce_type_unknown(ctx):
    usage_error(ctx, 2, ["reduce", "--type", "long"], "--type: long not in {int,float,double}")


@case("cli")
def gather_root_beyond_memory_limit(ctx):
    # The root of a 4-rank gather holds 4 blocks and its own: 5 MiB at 1 MiB, 8 MiB on the node.
    usage_error(ctx, 4, ["gather", "--sizes", "1M", "--memory-limit", "6M"],
                "at 1 MiB gather needs 8 MiB of buffers on this node (4 ranks; the most on one rank: 5 MiB)")


@case("cli")
def all_at_one_rank_is_one_error_line(ctx):
    usage_error(ctx, 1, ["all"], "no pattern can run on 1 rank")


@case("cli")
def all_refuses_a_root_out_of_range(ctx):
    usage_error(ctx, 2, ["all", "--root", "2"], "--root 2 is out of range")


@case("cli")
def taskqueue_one_rank(ctx):
    usage_error(ctx, 1, ["taskqueue"], "taskqueue needs at least 2 ranks")


@case("cli")
def taskqueue_broker_at_two_ranks(ctx):
    usage_error(ctx, 2, ["taskqueue", "--broker"], "--broker needs at least 3 ranks")


@case("cli")
def taskqueue_too_many_workers(ctx):
    usage_error(ctx, 4, ["taskqueue", "--workers", "2,4"], "--workers 4 is out of range: 4 ranks leave 3 workers")


@case("cli")
def taskqueue_negative_work(ctx):
    usage_error(ctx, 2, ["taskqueue", "--work-us=0,-5"], "--work-us")


@case("cli")
def taskqueue_prefetch_zero(ctx):
    usage_error(ctx, 2, ["taskqueue", "--prefetch", "0"], "--prefetch")


@case("cli")
def taskqueue_result_too_small(ctx):
    usage_error(ctx, 2, ["taskqueue", "--result-bytes", "4"], "--result-bytes")


@case("cli")
def iterations_excludes_precision(ctx):
    usage_error(ctx, 2, ["pingpong", "--iterations", "100", "--precision", "1%"], "--precision excludes --iterations")


@case("cli")
def precision_out_of_range(ctx):
    usage_error(ctx, 2, ["pingpong", "--precision", "150%"], "--precision '150%' is out of range")


@case("cli")
def sync_unknown(ctx):
    usage_error(ctx, 2, ["bcast", "--sync", "magic"], "--sync")


@case("cli")
def one_rank_is_too_few(ctx):
    usage_error(ctx, 1, ["pingpong"], "needs at least 2 ranks")


@case("cli")
def the_other_mpis_launcher_is_named(ctx):
    """Started by the other MPI library's launcher, each rank runs alone in a world of one: one
    line (from the launcher's rank 0) naming the launcher of this build's library, exit 2 on
    every rank, nothing created."""
    other = "/usr/bin/mpiexec.mpich" if ctx.open_mpi else "/usr/bin/mpiexec.openmpi"
    if not os.path.exists(other):
        raise Skip(f"{other} is not installed")
    flags = [] if ctx.open_mpi else ["--oversubscribe", *(["--allow-run-as-root"] if os.geteuid() == 0 else [])]
    own = ctx.launcher
    ctx.launcher = [other, *flags]
    try:
        line = usage_error(ctx, 2, ["pingpong", "--sizes", "8"], "which found no other: use mpiexec." +
                           ("openmpi" if ctx.open_mpi else "mpich"))
    finally:
        ctx.launcher = own
    check(("MPICH's hydra" if ctx.open_mpi else "Open MPI's mpirun") in line, line)


@case("cli")
def output_directory_missing(ctx):
    out = ctx.path("no/such/dir/r.csv")
    proc = ctx.run(2, "pingpong", "--sizes", "8", "-o", out, expect=2)
    check(mpibench_lines(proc.stderr) == [f"mpibench: error: cannot write '{out}': No such file or directory"],
          proc.stderr)


@case("cli")
def window_zero(ctx):
    usage_error(ctx, 2, ["bandwidth", "--window", "0"], "--window")


@case("cli")
def unknown_option(ctx):
    usage_error(ctx, 2, ["pingpong", "--bogus"], "--bogus")
    # CLI11 said "The following arguments were not expected: 8 --size".
    usage_error(ctx, 2, ["pingpong", "--size", "8"],
                "pingpong: unknown option '--size'; did you mean '--sizes'? (see 'mpibench pingpong --help')")
    usage_error(ctx, 2, ["compare", "--baselines", "a.csv"], "compare: unknown option '--baselines'; did you mean "
                "'--baseline'?", output=False)
    usage_error(ctx, 2, ["pingpong", "8"], "pingpong: unexpected argument '8'")


@case("mpi")
def the_table_beside_files_is_narrow_and_says_how_to_leave_it_out(ctx):
    alone = ctx.run(2, "pingpong", "--sizes", "8", "--samples", "5").stdout
    check("min_us" in alone and "-q" not in alone, alone)
    beside = ctx.run(2, "pingpong", "--sizes", "8", "--samples", "5", "-o", ctx.path("p.csv")).stdout
    check("min_us" not in beside and "median_ci_us" in beside, beside)
    check("# the main columns; every column is in the files written (-q: no table)" in beside, beside)
    check(max(len(l) for l in beside.splitlines()) < max(len(l) for l in alone.splitlines()), beside)
    # A verdict is said once on a terminal: on stderr, not again in the table.
    proc = ctx.run(2, "linkmap", "--bandwidth-bytes", "64K", "--bandwidth-window", "8", *SMALL)
    said = [l for l in (proc.stdout + proc.stderr).splitlines() if "linkmap bandwidth:" in l]
    check(len(said) == 1, f"the verdict {len(said)} times:\n{proc.stdout}{proc.stderr}")
    # Five samples reach 93.75%, and the interval column says so.
    check(" 93.75%" in alone, alone)


@case("cli")
def every_command_has_its_own_help_and_examples(ctx):
    names = [line.split()[0] for line in ctx.run(None, "list").stdout.splitlines()[1:]] + ["all", "list", "compare",
                                                                                         "model"]
    top = ctx.run(None, "--help").stdout
    for name in names:
        check(f"\n  {name} " in top, f"{name} is not listed in mpibench --help")
        text = ctx.run(None, name, "--help").stdout
        examples = text.split("Examples:\n", 1)
        check(len(examples) == 2, f"{name} --help has no examples")
        # Its own: each example of a command is that command (or the plot of its output).
        commands = [l.strip() for l in examples[1].splitlines() if l.startswith("  ") and not l.startswith("      ")]
        check(any(f"mpibench {name}" in c for c in commands), f"{name} --help's examples: {commands}")
        check(max(len(l) for l in text.splitlines()) <= 100, f"{name} --help is wider than 100 columns")


@case("cli")
def readme_fits_on_a_screen_and_pages_use_the_plot_tool(ctx):
    with open(os.path.join(ctx.source_dir, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    check(len(readme.splitlines()) <= 200, f"README.md has {len(readme.splitlines())} lines")
    # `python3 plots/plot.py` fails where python3 is not Debian's: pages and labs name mpibench-plot.
    pages = [os.path.join(ctx.source_dir, "README.md")]
    for folder in ("docs", "labs"):
        for root, _, files in os.walk(os.path.join(ctx.source_dir, folder)):
            pages += [os.path.join(root, f) for f in files if f.endswith((".md", ".sh"))]
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        check("python3 plots/" not in text and "python3 $root/plots" not in text, f"{page} runs plot.py with python3")


@case("cli")
def no_pattern(ctx):
    proc = ctx.run(2, expect=2)
    check(mpibench_lines(proc.stderr) == [
        "mpibench: error: no pattern given; choose one of: pingpong, bandwidth, bibw, multibw, linkmap, barrier, bcast, "
        "scatter, gather, reduce, allreduce, reduce_local, allgather, alltoall, taskqueue, all (see 'mpibench --help')"],
        proc.stderr)


@case("cli")
def list_names_every_pattern(ctx):
    proc = ctx.run(None, "list")
    for name in ("pingpong", "bandwidth", "bcast", "scatter", "gather", "reduce", "allreduce",
                 "allgather", "alltoall", "taskqueue"):
        check(any(l.startswith(name) for l in proc.stdout.splitlines()), f"{name} not listed:\n{proc.stdout}")


@case("cli")
def help_teaches(ctx):
    top = ctx.run(None, "--help")
    check("Examples:" in top.stdout and "pingpong" in top.stdout, top.stdout)
    sub = ctx.run(2, "pingpong", "--help")
    for option in ("--sizes", "--samples", "--max-time", "--validate", "--time-limit", "-o,--output"):
        check(option in sub.stdout, f"{option} missing from pingpong --help")
    check("--corrupt-payload" not in sub.stdout, "test-only switch shown in --help")
    check(sub.stdout.count("Usage") == 1, "help printed more than once")


def help_defaults(text):
    """{--flag: default} of every option --help shows with one ("--sizes SIZES=0:4M")."""
    found = {}
    for line in text.splitlines():
        match = re.match(r"^  (?:-\w,)?(--[\w-]+) \S+?=(\S+)", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def options_metadata(result):
    """{--flag: value} of the `options` metadata line (a flag given alone: "")."""
    words, found = result.metadata["options"].split(), {}
    for i, word in enumerate(words):
        if word.startswith("--"):
            found[word] = words[i + 1] if i + 1 < len(words) and not words[i + 1].startswith("--") else ""
    return found


@case("mpi")
def help_says_the_defaults_a_run_uses(ctx):
    # Every default --help shows is what a run given no options records in its metadata.
    # pingpong runs with no option at all; the others with a short stop rule and two sizes
    # (whose defaults pingpong's run checks) and, under `all`, few tasks.
    listed = ctx.run(None, "list").stdout.splitlines()[1:]
    short = ["--samples", "3", "--warmup", "1"]
    for name in [line.split()[0] for line in listed] + ["all"]:
        shown = help_defaults(ctx.run(None, name, "--help").stdout)
        check("--precision" in shown and "--max-time" in shown, f"{name}: defaults read from --help: {shown}")
        out = ctx.path(f"{name}.csv")
        sized = [] if name in ("barrier", "linkmap") else ["--sizes", "8,1K"]
        given = [] if name == "pingpong" else short + sized + (["--tasks", "100"] if name == "all" else [])
        ctx.run(2, name, "-q", "-o", out, *given)
        recorded = options_metadata(mpibench_csv.read(out))
        skipped = {"--min-samples", "--max-samples", "--max-time"} | set(given[::2]) if given else set()
        for flag, default in shown.items():
            if flag in skipped:
                continue
            check(recorded.get(flag) == default, f"{name}: --help says {flag} {default}, the run recorded "
                                                 f"{recorded.get(flag)!r} ({mpibench_csv.read(out).metadata['options']})")


@case("mpi")
def help_names_the_units_the_files_use(ctx):
    # "median as real_time in us" was said while the JSON said ns: every "<name> in <unit>" of
    # every --help is checked against the schema's unit of that column, and real_time against
    # the JSON's time_unit.
    csv_out, json_out = ctx.path("u.csv"), ctx.path("u.json")
    ctx.run(2, "pingpong", "--sizes", "8", "--samples", "5", "-q", "-o", csv_out, "--json", json_out)
    with open(json_out, encoding="utf-8") as f:
        time_unit = json.load(f)["benchmarks"][0]["time_unit"]
    columns = {}
    for item in mpibench_csv.read(csv_out).metadata["columns"].split():
        name, _, unit, _ = item.split(":")
        columns[name] = "" if unit == "-" else unit
    names = [line.split()[0] for line in ctx.run(None, "list").stdout.splitlines()[1:]] + ["all", "compare", "model"]
    said = 0
    for name in names:
        for word, unit in re.findall(r"\b([a-z_]+) in (ns|us|µs|ms|s|B|MB/s)\b", ctx.run(None, name, "--help").stdout):
            if word == "real_time":
                check(unit == time_unit, f"{name} --help: real_time in {unit}, the JSON says {time_unit}")
                said += 1
            elif word in columns:
                check(unit == columns[word], f"{name} --help: {word} in {unit}, the schema says {columns[word]}")
                said += 1
    check(said > 0, "no unit named in any --help: the check checks nothing")


@case("mpi")
def json_output_in_google_benchmark_format(ctx):
    csv_out, json_out = ctx.path("r.csv"), ctx.path("r.json")
    ctx.run(2, "gather", "--sizes", "8,1K", "--root", "1", "--samples", "10", "-q", "-o", csv_out, "--json", json_out)
    doc = json.load(open(json_out))
    rows = mpibench_csv.read(csv_out).rows
    check(doc["context"]["schema_version"] == "2" and "host_name" in doc["context"], doc["context"])
    names = [b["name"] for b in doc["benchmarks"]]
    check(names == ["gather/same_host:yes/root:1/bytes:8/ranks:2", "gather/same_host:yes/root:1/bytes:1024/ranks:2"], names)
    for b, r in zip(doc["benchmarks"], rows):
        check(b["time_unit"] == "ns" and abs(b["real_time"] - 1000 * r["median_us"]) <= 1e-5 * b["real_time"]
              and b["cpu_time"] == b["real_time"] and b["iterations"] == r["samples"], b)
        check(all(b[c] == r[c] for c in r if r[c] is not None), f"a cell is missing from {b}")


@case("mpi")
def google_benchmark_compare_runs_its_u_test_on_repeats(ctx):
    tool = "/usr/share/benchmark/compare.py"
    if not os.path.exists(tool):
        raise Skip("Debian's libbenchmark-tools is not installed (scripts/setup installs it)")
    runs = []
    for i in (1, 2):
        out = ctx.path(f"gb{i}.json")
        ctx.run(2, "pingpong", "--sizes", "8,1K", "--repeat", "3", "--samples", "10", "-q", "--json", out)
        runs.append(out)
    doc = json.load(open(runs[0]))
    names = [b["name"] for b in doc["benchmarks"] if b["run_type"] == "iteration"]
    check(sorted(set(names)) == ["pingpong/same_host:yes/bytes:1024/ranks:2", "pingpong/same_host:yes/bytes:8/ranks:2"], names)
    check(sorted(b["repetition_index"] for b in doc["benchmarks"] if b["name"] == names[0]) == [0, 1, 2], doc)
    aggregates = sorted(b["aggregate_name"] for b in doc["benchmarks"] if b["run_type"] == "aggregate")
    check(aggregates == sorted(["mean", "median", "stddev", "cv"] * 2), aggregates)
    proc = subprocess.run(["/usr/bin/python3", tool, "benchmarks", *runs], capture_output=True, text=True,
                          timeout=120)
    check(proc.returncode == 0, proc.stderr)
    check(proc.stdout.count("U Test, Repetitions: 3 vs 3") == 2, proc.stdout)


@case("cli")
def json_path_unwritable_leaves_no_csv(ctx):
    out, bad = ctx.path("r.csv"), ctx.path("missing/r.json")
    proc = ctx.run(2, "pingpong", "--sizes", "8", "-o", out, "--json", bad, expect=2)
    check(mpibench_lines(proc.stderr) == [f"mpibench: error: cannot write '{bad}': No such file or directory"],
          proc.stderr)
    check(not os.path.exists(out), "the CSV was left behind")


# --- the plot ----------------------------------------------------------------------------

@case("plot")
def plot_draws_a_png(ctx):
    pp, bw, coll = ctx.path("pp.csv"), ctx.path("bw.csv"), ctx.path("all.csv")
    ctx.run(2, "pingpong", "--sizes", "0:1K", "--samples", "5", "-q", "-o", pp)
    ctx.run(2, "bandwidth", "--sizes", "1K,64K", "--samples", "5", "-q", "-o", bw)
    ctx.run(2, "all", "--sizes", "8,1K", "--samples", "5", "-q", "-o", coll)
    png = ctx.path("plot.png")
    proc = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "plots", "plot.py"), pp, bw, coll, "-o", png],
                          capture_output=True, text=True, timeout=120)
    check(proc.returncode == 0, proc.stderr)
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "not a PNG")
    check(os.path.getsize(png) > 10000, "PNG suspiciously small")
    # Two launches of one configuration: two lines, or one pooled line with a band.
    pp2 = ctx.path("pp2.csv")
    ctx.run(2, "pingpong", "--sizes", "0:1K", "--samples", "5", "-q", "-o", pp2)
    for extra in ([], ["--pool"]):
        proc = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "plots", "plot.py"), pp, pp2,
                               "-o", png, *extra], capture_output=True, text=True, timeout=120)
        check(proc.returncode == 0, proc.stderr)


@case("plot")
def pictures_read_at_a_glance(ctx):
    # Every kind of picture, checked on the figure before it is saved (plots/figure_checks.py):
    # no legend over a label, two labelled ticks a decade, sizes in B/KiB/MiB/GiB, no band
    # under the title, a title no wider than the figure; and the bars name the confidence
    # level the intervals reached.
    import figure_checks
    import plot
    pp, pp2, narrow, every, links = (ctx.path(n) for n in ("pp.csv", "pp2.csv", "narrow.csv", "all.csv", "lm.csv"))
    for out in (pp, pp2):
        ctx.run(2, "pingpong", "--sizes", "0:1M", "--max-time", "0.05", "-q", "-o", out)
    ctx.run(2, "pingpong", "--sizes", "8,1K,4K", "--samples", "5", "-q", "-o", narrow)
    ctx.run(2, "all", "--sizes", "8:4K", "--samples", "5", "--tasks", "100", "-q", "-o", every)
    ctx.run(3, "linkmap", "--bandwidth-bytes", "64K", "--bandwidth-window", "8", *SMALL, "-q", "-o", links)
    model, predicted = ctx.path("model.csv"), ctx.path("predicted.csv")
    ctx.run(None, "model", pp, pp2, "-o", model)
    bcast = ctx.path("bcast.csv")
    pinned = dict(os.environ, MPIR_CVAR_BCAST_INTRA_ALGORITHM="binomial")
    subprocess.run([*ctx.launcher, "-n", "2", ctx.binary, "bcast", "--sizes", "8:4K", "--samples", "5", "-q", "-o",
                    bcast], env=pinned, check=True, capture_output=True, timeout=120)
    ctx.run(None, "model", pp, "--predict", bcast, "-o", predicted)
    # The same link map as a cluster's would be titled: 40 hosts in its metadata.
    many = ctx.path("many_hosts.csv")
    with open(links) as source, open(many, "w") as copy:
        for line in source:
            copy.write("# hosts: " + " ".join(f"node-{i}" for i in range(40)) + "\n" if line.startswith("# hosts:")
                       else line)
    pictures = {"two launches and their model": [pp, pp2, "--model", model], "pooled": [pp, pp2, "--pool"],
                "five samples": [narrow], "every pattern": [every], "link map": [links], "predictions": [predicted],
                "40 hosts": [many]}
    for name, files in pictures.items():
        figure = plot.figure_from(plot.parser().parse_args([*files, "-o", ctx.path("unused.png")]))
        found = figure_checks.problems(figure)
        check(found == [], f"{name}: {found}")
        titles = [ax.get_title() for ax in figure.axes]
        if name == "five samples":
            check(any("bars: 93.75% CI of the median" in t for t in titles), f"{name}: {titles}")
        elif name == "two launches and their model":
            check(any("bars: 95% CI of the median" in t for t in titles), f"{name}: {titles}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("name", nargs="?")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--binary")
    parser.add_argument("--mpiexec")
    parser.add_argument("--mpiexec-flags", default="")
    parser.add_argument("--source-dir")
    parser.add_argument("--work-dir")
    args = parser.parse_args()
    if args.list:
        for name, (label, _) in CASES.items():
            print(name, label)
        return 0
    label, fn = CASES[args.name]
    try:
        fn(Context(args))
    except Failure as failure:
        print(f"FAILED {args.name}: {failure}", file=sys.stderr)
        return 1
    except Skip as reason:
        print(f"skipped {args.name}: {reason}")
        return SKIPPED
    print(f"passed {args.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
