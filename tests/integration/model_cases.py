"""`mpibench model`: Hockney's fit on crafted launches with known regimes, on real pingpong
runs, and its refusals."""

import os
import subprocess

from support import *  # noqa: F401,F403

COLUMNS = ("pattern:configuration:-:text ranks:configuration:-:integer bytes:size:B:integer "
           "median_us:measurement:us:real ci_low_us:measurement:us:real ci_high_us:measurement:us:real")
SIZES = [0] + [2 ** k for k in range(0, 23)]  # 0 B .. 4 MiB


def time_us(size):
    """Eager to 8 KiB: 0.2 us + 0.1 ns/B; rendezvous from 16 KiB: 3 us + 0.08 ns/B."""
    return 0.2 + 1e-4 * size if size < 16384 else 3.0 + 8e-5 * size


def craft(ctx, name, wobble, pattern="pingpong", sizes=SIZES, complete=True):
    path = ctx.path(name)
    # Each crafted file a launch of its own (model refuses one launch given twice).
    lines = ["# schema_version: 2", f"# command_line: crafted {name}", f"# columns: {COLUMNS}",
             "pattern,ranks,bytes,median_us,ci_low_us,ci_high_us"]
    for i, size in enumerate(sizes):
        t = time_us(size) * (1 + wobble * (((i * 7) % 5) - 2) / 2)
        lines.append(f"{pattern},2,{size},{t:.6g},{t * 0.99:.6g},{t * 1.01:.6g}")
    if complete:
        lines.append(f"# end: complete, {len(sizes)} rows")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def model(ctx, *args):
    return subprocess.run([ctx.binary, "model", *args], capture_output=True, text=True, timeout=120)


@case("cli")
def model_recovers_crafted_regimes(ctx):
    launches = [craft(ctx, f"pp{i}.csv", w) for i, w in enumerate((0.01, -0.02, 0.015))]
    out = ctx.path("model.csv")
    proc = model(ctx, *launches, "-o", out)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    check("regimes change at 16 KiB" in proc.stdout, proc.stdout)
    result = mpibench_csv.read(out)
    rows = result.rows
    check(len(rows) == 2, f"segments: {rows}")
    eager, rendezvous = rows
    check(eager["first_bytes"] == 0 and eager["last_bytes"] == 8192, f"{eager}")
    check(rendezvous["first_bytes"] == 16384 and rendezvous["last_bytes"] == 4194304, f"{rendezvous}")
    check(abs(eager["alpha_us"] / 0.2 - 1) < 0.05, f"alpha {eager['alpha_us']}")
    check(abs(rendezvous["beta_us_per_byte"] / 8e-5 - 1) < 0.03, f"beta {rendezvous['beta_us_per_byte']}")
    check(abs(rendezvous["bandwidth_mb_s"] / 12500 - 1) < 0.03, f"1/beta {rendezvous['bandwidth_mb_s']}")
    for r in rows:
        check(r["launches"] == 3, f"{r}")
        check(r["alpha_low_us"] <= r["alpha_us"] <= r["alpha_high_us"], f"alpha interval {r}")
        check(r["beta_low_us_per_byte"] <= r["beta_us_per_byte"] <= r["beta_high_us_per_byte"], f"beta interval {r}")
        # The CSV keeps 6 significant digits.
        check(abs(r["n_half_bytes"] / (r["alpha_us"] / r["beta_us_per_byte"]) - 1) < 1e-4,
              f"n_half {r}")


@case("mpi")
def model_on_real_pingpong(ctx):
    launches = []
    for i in range(2):
        out = ctx.path(f"pp{i}.csv")
        ctx.run(2, "pingpong", "--sizes", "0:64K", "-q", "-o", out, *SMALL)
        launches.append(out)
    out = ctx.path("model.csv")
    proc = model(ctx, *launches, "-o", out)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    rows = mpibench_csv.read(out).rows
    check(rows[0]["first_bytes"] == 0 and rows[-1]["last_bytes"] == 65536, f"{rows}")
    for before, after in zip(rows, rows[1:]):
        check(after["first_bytes"] == 2 * before["last_bytes"], f"segments not contiguous: {rows}")
    check(sum(r["points"] for r in rows) == 18, f"points {rows}")
    check(all(r["configuration"] == "pingpong ranks=2 same_host=yes" for r in rows), f"{rows}")
    # The regimes drawn over the data.
    png = ctx.path("model.png")
    plot = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "plots", "plot.py"), *launches,
                           "--model", out, "-o", png], capture_output=True, text=True, timeout=120)
    check(plot.returncode == 0 and os.path.getsize(png) > 0, plot.stderr)


@case("cli")
def model_refuses_bad_input(ctx):
    never = ctx.path("never.csv")
    cases = [
        ([craft(ctx, "bcast.csv", 0, pattern="bcast")], "no pingpong rows in "),
        ([craft(ctx, "few.csv", 0, sizes=[8, 16])], "pingpong ranks=2: 2 sizes measured by every launch; a fit needs at least 3"),
        ([craft(ctx, "cut.csv", 0, complete=False)], "cut.csv"),
    ]
    for files, needle in cases:
        proc = model(ctx, *files, "-o", never)
        check(proc.returncode == 2, f"{needle}: exit {proc.returncode}: {proc.stderr}")
        lines = mpibench_lines(proc.stderr)
        check(len(lines) == 1 and lines[0].startswith("mpibench: error: ") and needle in lines[0], f"{needle}: {lines}")
        check(not os.path.exists(never) and not os.path.exists(never + ".partial"), "an output was created")
    proc = model(ctx)
    check(proc.returncode == 2 and len(mpibench_lines(proc.stderr)) == 1, f"no files: {proc.stderr}")


def craft_rows(ctx, name, rows, metadata=()):
    """A complete result file of `rows` (dicts) with the columns they use, in this order."""
    kinds = {"pattern": "configuration:-:text", "ranks": "configuration:-:integer", "op": "configuration:-:text",
             "type": "configuration:-:text", "bytes": "size:B:integer", "median_us": "measurement:us:real"}
    names = [n for n in kinds if n in rows[0]]
    path = ctx.path(name)
    lines = ["# schema_version: 2", f"# command_line: crafted {name}", *[f"# {k}: {v}" for k, v in metadata],
             "# columns: " + " ".join(f"{n}:{kinds[n]}" for n in names), ",".join(names)]
    lines += [",".join(str(r[n]) for n in names) for r in rows]
    lines.append(f"# end: complete, {len(rows)} rows")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


GAMMA = 5e-5  # us per byte combined


@case("cli")
def model_predicts_pinned_collectives(ctx):
    launches = [craft(ctx, f"pp{i}.csv", w) for i, w in enumerate((0.0, 0.0, 0.0))]
    local = craft_rows(ctx, "local.csv", [{"pattern": "reduce_local", "ranks": 2, "op": "sum", "type": "float",
                                           "bytes": b, "median_us": 0.05 + GAMMA * b} for b in (1024, 4096, 65536)])
    bcast = craft_rows(ctx, "bcast.csv", [{"pattern": "bcast", "ranks": 4, "bytes": 800, "median_us": 0.5}],
                       [("env.MPIR_CVAR_BCAST_INTRA_ALGORITHM", "binomial")])
    reduce = craft_rows(ctx, "reduce.csv", [{"pattern": "reduce", "ranks": 4, "op": "sum", "type": "float",
                                             "bytes": 65536, "median_us": 20.0}],
                        [("env.MPIR_CVAR_REDUCE_INTRA_ALGORITHM", "binomial")])
    unpinned = craft_rows(ctx, "allreduce.csv", [{"pattern": "allreduce", "ranks": 4, "op": "sum", "type": "float",
                                                  "bytes": 64, "median_us": 1.0}])
    out = ctx.path("predicted.csv")
    proc = model(ctx, *launches, local, "--predict", bcast, reduce, unpinned, "-o", out)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}")
    result = mpibench_csv.read(out)
    rows = {r["pattern"]: r for r in result.rows}
    check(set(rows) == {"bcast", "reduce"}, f"{result.rows}")
    # 4 ranks: two binomial rounds. bcast of 800 B (eager: 0.2 + 1e-4 x 800 = 0.28 us).
    check(abs(rows["bcast"]["predicted_us"] - 2 * 0.28) < 1e-3, f"{rows['bcast']}")
    # reduce of 64 KiB (rendezvous: 3 + 8e-5 x 65536 us) plus gamma per round.
    expected = 2 * (3 + 8e-5 * 65536 + GAMMA * 65536)
    check(abs(rows["reduce"]["predicted_us"] / expected - 1) < 1e-3, f"{rows['reduce']} vs {expected}")
    check(abs(rows["reduce"]["ratio"] - 20.0 / rows["reduce"]["predicted_us"]) < 1e-3, "ratio")
    check(rows["bcast"]["algorithm"] == "binomial", f"{rows['bcast']}")
    png = ctx.path("predicted.png")
    plot = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "plots", "plot.py"), out, "-o", png],
                          capture_output=True, text=True, timeout=120)
    check(plot.returncode == 0 and os.path.getsize(png) > 0, plot.stderr)
    notes = [text for key, text in result.notes if key == "not_predicted"]
    check(len(notes) == 1 and "MPIR_CVAR_ALLREDUCE_INTRA_ALGORITHM" in notes[0], f"{notes}")
    check(any("allreduce" in l and "not predicted" in l for l in mpibench_lines(proc.stderr)), proc.stderr)
    # Nothing pinned: nothing to predict.
    proc = model(ctx, *launches, "--predict", unpinned, "-o", ctx.path("never.csv"))
    lines = mpibench_lines(proc.stderr)
    check(proc.returncode == 2 and len(lines) == 1 and "MPIR_CVAR_ALLREDUCE_INTRA_ALGORITHM" in lines[0], proc.stderr)
    check(not os.path.exists(ctx.path("never.csv")), "an output was created")
    # A reduce without gamma for its op and type.
    proc = model(ctx, *launches, "--predict", reduce)
    check(proc.returncode == 2 and "no reduce_local rows for --op sum --type float" in proc.stderr, proc.stderr)
