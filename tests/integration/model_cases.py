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
    lines = ["# schema_version: 2", f"# columns: {COLUMNS}", "pattern,ranks,bytes,median_us,ci_low_us,ci_high_us"]
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
