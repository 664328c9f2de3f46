"""mpibench under SimGrid's SMPI (build-smpi, cmake -DMPIBENCH_SMPI=ON): simulated times
checked against the platform's own latency and bandwidth."""

import os
import shutil
import subprocess

from support import *  # noqa: F401,F403

# platforms/cluster-64.xml: 1 us and 10^10 B/s per host link, a backbone with no latency;
# a message crosses two host links. SMPI's own correction factors are set to 1 and the
# real machine's computation is not injected, so the platform alone sets the times.
LATENCY_US = 2.0
BANDWIDTH_B_PER_US = 1e4
SMPI_FLAGS = ["--cfg=smpi/simulate-computation:no", "--cfg=smpi/lat-factor:0:1", "--cfg=smpi/bw-factor:0:1"]


def simulated_run(ctx, ranks, *args, flags=()):
    if ctx.open_mpi:
        raise Skip("the simulated build is checked once, in the MPICH build's suite")
    binary = os.path.join(ctx.source_dir, "build-smpi", "mpibench")
    if shutil.which("smpirun") is None or not os.path.exists(binary):
        raise Skip("SimGrid's smpirun or build-smpi/mpibench is missing (scripts/setup both installs and builds them)")
    out = ctx.path(f"{args[0]}.csv")
    platform = os.path.join(ctx.source_dir, "platforms", "cluster-64.xml")
    proc = subprocess.run(["smpirun", "-np", str(ranks), "-platform", platform, *SMPI_FLAGS, *flags, binary, *args,
                           "-q", "-o", out], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, MPIBENCH_PLATFORM="platforms/cluster-64.xml"))
    check(proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-3000:]}")
    result = mpibench_csv.read(out)
    check_file(result)
    check(result.metadata["timer"] == "MPI_Wtime (SMPI simulated time)", result.metadata["timer"])
    check(result.metadata["simulated"].startswith("yes: SimGrid SMPI, platform platforms/cluster-64.xml"),
          result.metadata["simulated"])
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
    for r in result.rows:
        expected = 4 * message_us(r["bytes"])  # log2(16) rounds of the whole message
        check(abs(r["median_us"] / expected - 1) < 0.02, f"{r['bytes']} B: {r['median_us']} us, model {expected} us")
