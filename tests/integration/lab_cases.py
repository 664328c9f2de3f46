"""The course labs (labs/), each end to end with small counts: its commands run, its CSV
files are complete mpibench results, its pictures are drawn, and the services it started
are gone."""

import os
import subprocess

from support import *  # noqa: F401,F403


def run_lab(ctx, lab):
    if ctx.open_mpi:
        raise Skip("the labs use both builds; they run once, in the MPICH build's suite")
    root = ctx.source_dir
    if not os.access(os.path.join(root, "build-openmpi", "mpibench"), os.X_OK):
        raise Skip("build-openmpi/mpibench is missing (scripts/setup both builds it)")
    out = ctx.path(lab)
    proc = subprocess.run([os.path.join(root, "labs", lab, "run.sh"), "--quick", out],
                          capture_output=True, text=True, timeout=900)
    check(proc.returncode == 0, f"{lab}: exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    results = {}
    for name in sorted(os.listdir(out)):
        if name.endswith(".csv"):
            results[name] = mpibench_csv.read(os.path.join(out, name))
            check(results[name].rows, f"{name}: no rows")
        elif name.endswith(".png"):
            with open(os.path.join(out, name), "rb") as f:
                check(f.read(8) == b"\x89PNG\r\n\x1a\n", f"{name} is not a PNG")
    check("figura.png" in os.listdir(out), f"{lab}: no figure")
    return results


@case("labs")
def lab_01_punto_a_punto(ctx):
    results = run_lab(ctx, "01-punto-a-punto")
    variants = {r["variant"] for r in results["mpi4py-1.csv"].rows}
    check(variants == {"pickle", "buffer"}, f"mpi4py variants {variants}")
    check(results["mpi4py-1.csv"].metadata["mpi_library"].startswith("Open MPI"), "mpi4py is not on Open MPI")
    check(results["mpibench-1.csv"].metadata["mpi_library"].startswith("Open MPI"), "mpibench is not the Open MPI build")
    check(len(results["modelo-mpi4py.csv"].rows) >= 2, "a model per mpi4py variant")


@case("labs")
def lab_02_difusion(ctx):
    results = run_lab(ctx, "02-difusion")
    algorithms = {r["algorithm"] for r in results["prediccion.csv"].rows}
    check(algorithms == {"binomial", "scatter_ring_allgather"}, f"algorithms {algorithms}")
    check(results["bcast-binomial.csv"].metadata["env.MPIR_CVAR_BCAST_INTRA_ALGORITHM"] == "binomial", "pinned")


@case("labs")
def lab_03_dispersion_recoleccion_reduccion(ctx):
    results = run_lab(ctx, "03-dispersion-recoleccion-reduccion")
    patterns = {r["pattern"] for r in results["prediccion.csv"].rows}
    check(patterns == {"scatter", "gather", "reduce", "allreduce"}, f"predicted {patterns}")
    check(all(r["root_bytes"] == 2 * r["bytes"] for r in results["scatter.csv"].rows), "root_bytes = ranks x block")


def redis_and_celery_processes():
    listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout.splitlines()
    return {line.split()[0] for line in listing if "redis-server" in line or "celery -A tareas" in line}


@case("labs")
def lab_04_colas_de_tareas(ctx):
    before = redis_and_celery_processes()
    results = run_lab(ctx, "04-colas-de-tareas")
    celery = results["celery.csv"].rows[0]
    check(celery["pattern"] == "celery" and celery["tasks_per_s"] > 0 and celery["samples"] == 30, f"{celery}")
    # The Redis server and the Celery worker the lab started are stopped.
    left = redis_and_celery_processes() - before
    check(not left, f"processes left running: {left}")


@case("labs")
def lab_05_rpc(ctx):
    results = run_lab(ctx, "05-rpc")
    row = results["rpyc.csv"].rows[0]
    check(row["pattern"] == "rpc-rpyc" and row["samples"] == 100, f"{row}")
    left = subprocess.run(["pgrep", "-f", "ThreadedServer"], capture_output=True, text=True).stdout.strip()
    check(not left, f"the RPyC server is still running: {left}")


@case("cli")
def lab_04_says_why_redis_did_not_start(ctx):
    # No redis-server on PATH: the measurement fails at once, with one line saying why.
    proc = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "labs", "04-colas-de-tareas", "medir_celery.py"),
                           "-o", ctx.path("celery.csv")], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PATH="/nonexistent"))
    check(proc.returncode == 1, f"exit {proc.returncode}: {proc.stderr}")
    check(proc.stderr.strip().startswith("medir_celery: error: ") and "redis-server" in proc.stderr, proc.stderr)
    check(not os.path.exists(ctx.path("celery.csv")), "a CSV was written")
