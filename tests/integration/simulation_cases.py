"""mpibench under SimGrid's SMPI (build-smpi, cmake -DMPIBENCH_SMPI=ON): simulated times
checked against the platform's own latency and bandwidth, the cost models' predictions of
simulated collectives, refusals, and a signal to the one process that holds every rank."""

import os
import shutil
import signal
import subprocess
import time

from support import *  # noqa: F401,F403

# platforms/cluster-64.xml: 1 us and 10^10 B/s per host link, a backbone with no latency;
# a message crosses two host links. The platform sets SMPI's correction factors to 1 and
# computation free (its <config>), so the platform alone sets the times.
LATENCY_US = 2.0
BANDWIDTH_B_PER_US = 1e4
PLATFORM = "platforms/cluster-64.xml"


def smpi_binary(ctx):
    if ctx.open_mpi:
        raise Skip("the simulated build is checked once, in the MPICH build's suite")
    binary = os.path.join(ctx.source_dir, "build-smpi", "mpibench")
    if shutil.which("smpirun") is None or not os.path.exists(binary):
        raise Skip("SimGrid's smpirun or build-smpi/mpibench is missing (scripts/setup both installs and builds them)")
    return binary


def smpirun(ctx, ranks, *args, flags=()):
    return ["smpirun", "-np", str(ranks), "-platform", os.path.join(ctx.source_dir, PLATFORM), "-no-privatize",
            *flags, smpi_binary(ctx), *args]


def simulated_run(ctx, ranks, *args, flags=(), name=None):
    out = ctx.path(f"{name or args[0]}.csv")
    proc = subprocess.run([*smpirun(ctx, ranks, *args, flags=flags), "-q", "-o", out], capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, MPIBENCH_PLATFORM=PLATFORM))
    check(proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-3000:]}")
    result = mpibench_csv.read(out)
    check_file(result)
    check(result.metadata["timer"] == "MPI_Wtime (SMPI simulated time)", result.metadata["timer"])
    check(result.metadata["simulated"].startswith("yes: SimGrid 3.") and
          f"SMPI, platform {PLATFORM} (64 hosts)" in result.metadata["simulated"], result.metadata["simulated"])
    check(result.metadata["simulated_computation"].startswith("free"), result.metadata["simulated_computation"])
    check(result.metadata["oversubscribed"] == "no", "simulated ranks are not oversubscribed")
    check(len(result.metadata["hosts"].split()) == ranks, result.metadata["hosts"])
    return result


def message_us(size):
    return LATENCY_US + size / BANDWIDTH_B_PER_US


@case("mpi")
def smpi_pingpong_follows_the_platform(ctx):
    result = simulated_run(ctx, 16, "pingpong", "--sizes", "8,1M")
    for r in result.rows:
        check(abs(r["median_us"] / message_us(r["bytes"]) - 1) < 0.02,
              f"{r['bytes']} B: {r['median_us']} us simulated, {message_us(r['bytes'])} us from the platform")


@case("mpi")
def smpi_binomial_bcast_follows_the_model(ctx):
    result = simulated_run(ctx, 16, "bcast", "--sizes", "8,1M", flags=["--cfg=smpi/bcast:binomial_tree"])
    check(result.metadata["algorithm.bcast"] == "binomial (smpi/bcast:binomial_tree)", result.metadata["algorithm.bcast"])
    for r in result.rows:
        # Started at an agreed simulated time: a tree barrier's skewed exits are not in the times.
        check(r["sync"] == "window", r["sync"])
        expected = 4 * message_us(r["bytes"])  # log2(16) rounds of the whole message
        check(abs(r["median_us"] / expected - 1) < 0.02, f"{r['bytes']} B: {r['median_us']} us, model {expected} us")


@case("mpi")
def smpi_collectives_match_their_cost_models(ctx):
    """The point-to-point model of a simulated pingpong predicts simulated collectives with
    their algorithm pinned through SMPI's settings, named in the models' vocabulary."""
    pingpong = simulated_run(ctx, 2, "pingpong", "--sizes", "1:4M")
    runs = [simulated_run(ctx, 16, pattern, "--sizes", "8,64K", flags=[f"--cfg=smpi/{pattern}:{algorithm}"],
                          name=f"{pattern}-{algorithm}")
            for pattern, algorithm in [("bcast", "binomial_tree"), ("allreduce", "rdb"), ("reduce", "binomial")]]
    check(runs[1].metadata["algorithm.allreduce"] == "recursive_doubling (smpi/allreduce:rdb)",
          runs[1].metadata["algorithm.allreduce"])
    predictions = ctx.path("predictions.csv")
    proc = subprocess.run([ctx.binary, "model", pingpong.path, "--predict", *[r.path for r in runs],
                           "-o", predictions], capture_output=True, text=True, timeout=60)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}")
    rows = mpibench_csv.read(predictions).rows
    check({(r["pattern"], r["algorithm"]) for r in rows} ==
          {("bcast", "binomial"), ("allreduce", "recursive_doubling"), ("reduce", "binomial")}, rows)
    for r in rows:
        # Computation is free on this platform: gamma is 0, and the messages alone set the time.
        check(abs(r["ratio"] - 1) < 0.05, f"{r['pattern']} {r['bytes']} B: simulated / predicted = {r['ratio']}")


@case("mpi")
def smpi_task_queue_polls_at_the_platform_cost(ctx):
    """The platform charges MPI_Test 100 ns: a task's round trip is its two messages (and the
    workers' polls), not SMPI's default 100 us a test."""
    result = simulated_run(ctx, 4, "taskqueue", "--sizes", "8")
    (row,) = result.rows
    check(2 * message_us(8) <= row["median_us"] < 4 * message_us(8),
          f"{row['median_us']} us a task, two messages are {2 * message_us(8)} us")


@case("mpi")
def smpi_refuses_reduce_local_with_one_line(ctx):
    out = ctx.path("local.csv")
    proc = subprocess.run([*smpirun(ctx, 4, "reduce_local", "--sizes", "8"), "-o", out], capture_output=True,
                          text=True, timeout=120)
    check(proc.returncode != 0, "exit 0")
    lines = error_lines(proc.stderr)
    check(len(lines) == 1 and "SimGrid does not simulate" in lines[0], proc.stderr)
    check(not os.path.exists(out) and not os.path.exists(out + ".partial"), "an output was created")


@case("fault")
def smpi_sigterm_ends_every_simulated_rank_with_the_output_incomplete(ctx):
    """One process holds every simulated rank: a signal to it ends them all, and rank 0's
    handler ends the outputs as incomplete, as in a real run."""
    out = ctx.path("long.csv")
    err_path = ctx.path("long.err")
    with open(err_path, "w") as err:
        proc = subprocess.Popen([*smpirun(ctx, 16, "pingpong", "--sizes", "0:1K", "--samples", "3000"), "-q",
                                 "-o", out], stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (os.path.exists(out + ".partial") and "pingpong," in open(out + ".partial").read()):
            check(proc.poll() is None, f"the run ended before its first row: {open(err_path).read()[-2000:]}")
            check(time.monotonic() < deadline, "no row after 120 s")
            time.sleep(0.05)
        simulator = subprocess.run(["pgrep", "-s", str(proc.pid), "-f", "smpimain"], capture_output=True,
                                   text=True).stdout.split()
        check(len(simulator) == 1, f"smpimain processes: {simulator}")
        os.kill(int(simulator[0]), signal.SIGTERM)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    check(code != 0, "exit 0")
    result = stopped_output(out)
    check(result.incomplete == "interrupted by SIGTERM", result.incomplete)
    check(len(result.rows) >= 1, "the finished rows were lost")
    lines = error_lines(open(err_path).read())
    check(len(lines) == 1 and "interrupted by SIGTERM" in lines[0], lines)
