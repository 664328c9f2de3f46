"""`mpibench compare` on crafted launches with known shifts and spreads, and on real runs.

Crafted files are what mpibench writes (schema 2: a columns line and an end line), with
medians chosen so that the right verdict is known."""

import os
import subprocess

from support import *  # noqa: F401,F403

SIZES = [8, 1024, 65536]
COLUMNS = ("pattern:configuration:-:text ranks:configuration:-:integer bytes:size:B:integer "
           "median_us:measurement:us:real ci_low_us:measurement:us:real ci_high_us:measurement:us:real")


def craft(ctx, name, medians, library="MPICH Version: 4.0.2"):
    """One launch: a row per size with median = base time x `medians[size]`."""
    path = ctx.path(name)
    # Each crafted file a launch of its own (compare refuses one launch given twice).
    lines = ["# schema_version: 2", f"# command_line: crafted {name}", f"# mpi_library: {library}", f"# columns: {COLUMNS}",
             "pattern,ranks,bytes,median_us,ci_low_us,ci_high_us"]
    for size in SIZES:
        t = (1 + size / 1000) * medians.get(size, 1.0)
        lines.append(f"pingpong,2,{size},{t:.6g},{t * 0.995:.6g},{t * 1.005:.6g}")
    lines.append(f"# end: complete, {len(SIZES)} rows")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


# Launch-to-launch wobble, the same pattern on both sides (as interleaved launches see).
WOBBLE = [0.99, 1.02, 0.98, 1.01, 1.00, 1.03, 0.97, 1.015, 0.985, 1.005]


def sides(ctx, n, shift, spread=1.0, shifted_sizes=SIZES, tag=""):
    base = [craft(ctx, f"base{tag}{i}.csv", {s: 1 + (WOBBLE[i] - 1) * spread for s in SIZES}) for i in range(n)]
    cand = [craft(ctx, f"cand{tag}{i}.csv",
                  {s: (1 + shift if s in shifted_sizes else 1) * (1 + (WOBBLE[(i + 3) % 10] - 1) * spread)
                   for s in SIZES}) for i in range(n)]
    return base, cand


def compare(ctx, base, cand, *extra, ranks=None):
    args = ["compare", "--baseline", *base, "--candidate", *cand, *extra]
    command = [ctx.binary, *args] if ranks is None else [*ctx.launcher, "-n", str(ranks), ctx.binary, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def verdict_lines(proc):
    return {int(l.split()[2]): l for l in proc.stdout.splitlines() if l.startswith("pingpong")}


@case("cli")
def compare_identical_launches_pass(ctx):
    # Two sides of launches with the very same times: nothing to flag.
    base, _ = sides(ctx, 8, 0)
    same, _ = sides(ctx, 8, 0, tag="same")
    proc = compare(ctx, base, same)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    check("0 regressions, 0 improvements" in proc.stdout, proc.stdout)


@case("cli")
def compare_finds_a_clear_20_percent_shift(ctx):
    base, cand = sides(ctx, 8, 0.20, shifted_sizes=[1024])
    out = ctx.path("verdicts.csv")
    proc = compare(ctx, base, cand, "-o", out)
    check(proc.returncode == 1, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    lines = verdict_lines(proc)
    check("regression" in lines[1024], lines[1024])
    check("regression" not in lines[8] and "regression" not in lines[65536], proc.stdout)
    verdicts = {r["bytes"]: r for r in mpibench_csv.read(out).rows}
    r = verdicts[1024]
    check(r["verdict"] == "regression" and 0.15 < r["change"] < 0.25, r)
    check(r["change_low"] <= r["change"] <= r["change_high"] and r["change_level"] >= 0.95, r)
    check(r["q"] <= 0.05 and r["baseline_launches"] == r["candidate_launches"] == 8, r)


@case("cli")
def compare_finds_an_improvement_the_same_way(ctx):
    base, cand = sides(ctx, 8, -0.20, shifted_sizes=[8])
    proc = compare(ctx, base, cand)
    check(proc.returncode == 0, f"an improvement is no failure: exit {proc.returncode}")
    check("improvement" in verdict_lines(proc)[8], proc.stdout)


@case("cli")
def compare_ignores_a_5_percent_shift_inside_wide_spread(ctx):
    base, cand = sides(ctx, 8, 0.05, spread=10)  # launches wobble by up to +-30%
    proc = compare(ctx, base, cand)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}")


@case("cli")
def compare_refuses_too_few_launches_and_names_enough(ctx):
    base, cand = sides(ctx, 3, 0.5)
    proc = compare(ctx, base, cand)
    check(proc.returncode == 2, f"exit {proc.returncode}")
    # One refusal names every number: the fewest launches that can flag anything, and the advice.
    check(error_lines(proc.stderr) and "4 launches a side are the fewest that can, 8 are recommended"
          in error_lines(proc.stderr)[0], proc.stderr)
    one_each = compare(ctx, base[:1], cand[:1])
    check(one_each.returncode == 2 and "--single-launch" in one_each.stderr
          and "4 launches a side are the fewest that can, 8 are recommended" in one_each.stderr, one_each.stderr)
    single = compare(ctx, base[:1], cand[:1], "--single-launch")
    check(single.returncode == 1, f"a 50% change with intervals apart: exit {single.returncode}")
    check("false alarms are likely" in single.stderr, single.stderr)


@case("cli")
def compare_refuses_unusable_files(ctx):
    base, cand = sides(ctx, 8, 0)
    good = open(base[0]).read()
    damaged = {
        "incomplete.csv": good.replace("# end: complete, 3 rows", "# incomplete: interrupted by SIGINT"),
        "cut.csv": good[: good.index("# end")],
        "malformed.csv": good.replace("pingpong,2,1024,", "pingpong,2,1024,x"),
        "partial.csv.partial": good,
        "binary.csv": "\0" * 10,
    }
    for name, text in damaged.items():
        with open(ctx.path(name), "w") as f:
            f.write(text)
        proc = compare(ctx, base, [*cand[:-1], ctx.path(name)])
        check(proc.returncode == 2 and len(error_lines(proc.stderr)) == 1, f"{name}: {proc.returncode} {proc.stderr}")
        check(name in error_lines(proc.stderr)[0], proc.stderr)
    before = sorted(os.listdir(ctx.work))
    proc = compare(ctx, base, [ctx.path("missing.csv")], "-o", ctx.path("verdicts.csv"))
    check(proc.returncode == 2 and "No such file" in proc.stderr, proc.stderr)
    check(sorted(os.listdir(ctx.work)) == before, "a refused compare left a file behind")
    proc = compare(ctx, base, cand, "-o", ctx.path("no/such/dir/v.csv"))
    check(proc.returncode == 2 and proc.stdout == "", f"refused before the table: {proc.stdout}{proc.stderr}")


@case("cli")
def compare_warns_when_the_sides_differ_and_lists_unmatched_rows(ctx):
    base, _ = sides(ctx, 8, 0)
    cand = [craft(ctx, f"other{i}.csv", {}, library="Open MPI v4.1.4") for i in range(8)]
    proc = compare(ctx, base, cand, "--correction", "holm")
    check("mpibench: warning: the sides differ in mpi_library" in proc.stderr, proc.stderr)
    check(not error_lines(proc.stderr), proc.stderr)


@case("mpi")
def compare_runs_once_under_mpiexec_and_needs_no_mpi(ctx):
    base, cand = sides(ctx, 8, 0)
    alone = compare(ctx, base, cand)
    launched = compare(ctx, base, cand, ranks=2)
    check(launched.returncode == 0 and launched.stdout == alone.stdout, launched.stdout + launched.stderr)
    listed = subprocess.run([*ctx.launcher, "-n", "2", ctx.binary, "list"], capture_output=True, text=True, timeout=60)
    check(listed.stdout.count("pingpong") == 1, listed.stdout)


@case("mpi")
def compare_real_launches_of_the_same_binary(ctx):
    base, cand = [], []
    for i in range(8):  # interleaved, as the README says
        for side in (base, cand):
            out = ctx.path(f"{'base' if side is base else 'cand'}-{i}.csv")
            ctx.run(2, "pingpong", "--sizes", "8,1K", "--samples", "10", "-q", "-o", out, "--json",
                    out.replace(".csv", ".json"))
            side.append(out)
    proc = compare(ctx, base, cand)
    check(proc.returncode in (0, 1), proc.stderr)
    check("2 rows compared, 8 baseline and 8 candidate launches" in proc.stdout, proc.stdout)
    # The JSON of a launch is the same launch: compared with its CSV, it would count twice.
    as_json = [p.replace(".csv", ".json") for p in base]
    same = compare(ctx, base, as_json, "-o", ctx.path("v.csv"))
    check(same.returncode == 2 and "are the same launch" in same.stderr, same.stdout + same.stderr)
    check(not os.path.exists(ctx.path("v.csv")), "a refused comparison wrote its verdicts")
    # The JSON files alone are as good as the CSVs.
    check(compare(ctx, as_json, cand).returncode in (0, 1), "JSON launches")
    with open(ctx.path("cut.json"), "w") as f:
        f.write(open(as_json[0]).read()[:300])
    cut = compare(ctx, base, [ctx.path("cut.json"), *as_json[1:]])
    check(cut.returncode == 2 and "not valid JSON" in cut.stderr, cut.stderr)
