"""Host-aware measurement: chosen pairs, rows written for pairs without rank 0, the
bidirectional pattern, and the namespace test bed (scripts/testbed) end to end."""

import os
import subprocess

from support import *  # noqa: F401,F403


@case("mpi")
def bibw_validated_both_buffer_modes(ctx):
    for mode in ("separate", "shared"):
        result, _ = sweep(ctx, 2, "bibw", "8,64K", [8, 65536], "--validate", "--window", "16",
                          "--receive-buffers", mode, *SMALL)
        for r in result.rows:
            check(r["receive_buffers"] == mode and r["window"] == 16, f"{mode}: {r}")
            # Both directions at once: 2 x window x bytes per reported time.
            expected = 2 * 16 * r["bytes"] / r["median_us"]
            check(abs(r["bandwidth_mb_s"] / expected - 1) < 1e-3, f"{mode}: bandwidth {r}")


@case("mpi")
def multibw_pairs_and_message_rate(ctx):
    for ranks, pairs in ((2, 1), (4, 2)):
        result, _ = sweep(ctx, ranks, "multibw", "8,64K", [8, 65536], "--validate", "--window", "8", *SMALL)
        for r in result.rows:
            check(r["pairs"] == pairs, f"pairs: {r}")
            # P pairs x window messages per operation, of `bytes` each.
            check(abs(r["messages_per_s"] / (pairs * 8 / (r["median_us"] * 1e-6)) - 1) < 1e-3, f"rate: {r}")
            check(abs(r["bandwidth_mb_s"] / (r["messages_per_s"] * r["bytes"] / 1e6) - 1) < 1e-3, f"bandwidth: {r}")
    usage_error(ctx, 2, ["multibw", "--pairs", "2"], "--pairs 2 needs 4 ranks, but 2 were launched")


@case("mpi")
def a_pair_without_rank_0_is_written_by_rank_0(ctx):
    out = ctx.path("pair.csv")
    ctx.run(3, "pingpong", "--sizes", "8,1K", "--pair", "2,1", "-q", "-o", out, *SMALL)
    result = mpibench_csv.read(out)
    check_file(result)
    check_rows(result.rows, "pingpong", 2, [8, 1024])
    check(all(r["same_host"] == "yes" for r in result.rows), f"same_host: {result.rows}")
    hosts = result.metadata["rank_hosts"].split()
    check([h.split(":")[0] for h in hosts] == ["0", "1", "2"], f"rank_hosts: {hosts}")


@case("cli")
def pair_out_of_range(ctx):
    usage_error(ctx, 2, ["bandwidth", "--pair", "0,5"], "--pair 0,5: rank 5 was not launched (ranks 0 to 1)")


@case("cli")
def pair_inter_on_one_host(ctx):
    usage_error(ctx, 2, ["pingpong", "--pair", "inter"], "--pair inter: no two ranks are on different hosts")


def on_testbed(ctx, hosts, command, slow=None):
    """Runs `command` (a shell line; $MPIEXEC is the test bed's launcher for the stack this
    build uses) on namespace hosts."""
    launcher = "$MPIBENCH_TESTBED_MPIEXEC_OPENMPI" if ctx.open_mpi else "$MPIBENCH_TESTBED_MPIEXEC"
    script = os.path.join(ctx.source_dir, "scripts", "testbed")
    args = [script, "run", "--hosts", str(hosts), *(["--slow", slow] if slow else []), "--",
            "sh", "-c", command.replace("$MPIEXEC", launcher)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if proc.returncode == SKIPPED:
        raise Skip(proc.stderr.strip())
    check(proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    # Nothing of the test bed is left behind.
    left = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    check("-h1" not in left, f"namespaces left: {left}")
    return proc


@case("mpi")
def testbed_hosts_measure_a_pair_across_them(ctx):
    # One rank per host: with several ranks per namespace host, UCX over TCP can hold
    # MPI_Finalize for a minute or more (see the README's test bed section).
    out = ctx.path("inter.csv")
    on_testbed(ctx, 2, f"$MPIEXEC -n 2 {ctx.binary} pingpong --sizes 8,64K --pair inter -q -o {out}")
    result = mpibench_csv.read(out)
    check_file(result)
    check_rows(result.rows, "pingpong", 2, [8, 65536])
    check(all(r["same_host"] == "no" for r in result.rows), f"same_host: {result.rows}")
    check(result.metadata["hosts"] == "h1 h2", result.metadata["hosts"])
    check(result.metadata["rank_hosts"] == "0:h1 1:h2", result.metadata["rank_hosts"])
    # Two hosts, one kernel: the run knows they are one machine.
    check(result.metadata["machines"] == "1", result.metadata["machines"])


@case("mpi")
def testbed_throttled_link_is_throttled(ctx):
    out = ctx.path("slow.csv")
    on_testbed(ctx, 2, f"$MPIEXEC -n 2 {ctx.binary} bandwidth --sizes 1M --window 16 -q -o {out} "
                       "--max-time 0.5", slow="h2=100")
    result = mpibench_csv.read(out)
    check_file(result)
    row = result.rows[0]
    check(row["same_host"] == "no", f"{row}")
    # Not a speed test: unthrottled TCP between namespaces moves 1 GB/s or more here; a link
    # limited to 100 MB/s cannot read above it by much.
    check(row["bandwidth_mb_s"] < 150, f"the 100 MB/s limit is not in effect: {row['bandwidth_mb_s']} MB/s")
