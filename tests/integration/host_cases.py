"""Host-aware measurement: chosen pairs, rows written for pairs without rank 0, the
bidirectional and multi-pair patterns, the link map, and the namespace test bed
(scripts/testbed) end to end."""

import os
import re
import subprocess

from support import *  # noqa: F401,F403

import linkmap_heatmap  # noqa: E402 (plots/, on the path once support is imported)


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
            check(abs(r["messages_per_s"] / (2 * 16 / (r["median_us"] * 1e-6)) - 1) < 1e-3, f"{mode}: rate {r}")


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


def on_testbed(ctx, hosts, command, slow=None, expect=0, timeout=120):
    """Runs `command` (a shell line; $MPIEXEC is the test bed's launcher for the stack this
    build uses) on namespace hosts."""
    launcher = "$MPIBENCH_TESTBED_MPIEXEC_OPENMPI" if ctx.open_mpi else "$MPIBENCH_TESTBED_MPIEXEC"
    script = os.path.join(ctx.source_dir, "scripts", "testbed")
    args = [script, "run", "--hosts", str(hosts), *(["--slow", slow] if slow else []), "--",
            "sh", "-c", command.replace("$MPIEXEC", launcher)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if proc.returncode == SKIPPED:
        raise Skip(proc.stderr.strip())
    check(proc.returncode == expect, f"exit {proc.returncode}, expected {expect}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
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
    # Two hosts, one kernel: the run knows they are one machine, and two ranks on its two
    # cores are not oversubscribed (a launcher that bound both to one core would be).
    check(result.metadata["machines"] == "1", result.metadata["machines"])
    check(result.metadata["oversubscribed"] == "no", result.metadata["binding"])


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


def check_link_rows(result, endpoints, concurrency, window=8):
    """The sweep (pass 1): every unordered pair's latency once, every ordered pair's bandwidth
    once, rounds of disjoint pairs, and each row labelled with its link. The second look
    (pass 2): links of the sweep, each once, and every link the verdict flags among them.
    Returns the verdict lines."""
    rows = [r for r in result.rows if r["pass"] == 1]
    again = [r for r in result.rows if r["pass"] != 1]
    check(all(r["pass"] == 2 for r in again), f"passes {[r['pass'] for r in again]}")
    latency = [r for r in rows if r["metric"] == "latency"]
    bandwidth = [r for r in rows if r["metric"] == "bandwidth"]
    check(len(latency) + len(bandwidth) == len(rows), f"metrics: {[r['metric'] for r in rows]}")
    pairs = sorted((r["src_rank"], r["dst_rank"]) for r in latency)
    check(pairs == [(a, b) for a in endpoints for b in endpoints if a < b], f"latency pairs {pairs}")
    directed = sorted((r["src_rank"], r["dst_rank"]) for r in bandwidth)
    check(directed == [(a, b) for a in endpoints for b in endpoints if a != b], f"bandwidth pairs {directed}")
    n = len(endpoints)
    rounds = sorted({r["round"] for r in rows})
    check(rounds == list(range(1, (n if n % 2 else n - 1) + 1)), f"rounds {rounds}")
    for number in rounds:
        busy = [e for r in latency if r["round"] == number for e in (r["src_rank"], r["dst_rank"])]
        check(len(busy) == len(set(busy)), f"round {number}: an endpoint twice: {busy}")
    for r in result.rows:
        check(r["pattern"] == "linkmap" and r["ranks"] == 2 and r["concurrency"] == concurrency, f"{r}")
        check(r["invalid"] == 0, f"invalid payloads: {r}")
    check([r["bytes"] for r in latency] == [8] * len(latency), "latency size")
    check({r["bytes"] for r in bandwidth} == {65536}, "bandwidth size")
    check(all(r["window"] == window for r in bandwidth), "window")
    link = lambda r: (r["metric"], r["src_host"], r["dst_host"], r["src_rank"], r["dst_rank"], r["round"])
    looked_again = [link(r) for r in again]
    check(len(looked_again) == len(set(looked_again)) and set(looked_again) <= {link(r) for r in rows},
          f"second looks {looked_again}")
    verdicts = [text for key, text in result.notes if key == "verdict"]
    check(len(verdicts) == 2 and verdicts[0].startswith("linkmap latency: ")
          and verdicts[1].startswith("linkmap bandwidth: "), f"verdicts {verdicts}")
    # The verdict names endpoints by host, or host:rank where a host has several.
    hosts = {r[f"{end}_host"] for r in rows for end in ("src", "dst")}
    name = (lambda r, end: r[f"{end}_host"]) if len(hosts) == n else (lambda r, end: f"{r[end + '_host']}:{r[end + '_rank']}")
    for metric, verdict in zip(("latency", "bandwidth"), verdicts):
        arrow = "->" if metric == "bandwidth" else "-"
        measured_again = {f"{name(r, a)}{arrow}{name(r, b)}" for r in again if r["metric"] == metric
                          for a, b in (("src", "dst"), ("dst", "src"))}
        check(set(flagged_links(verdict, rows)) <= measured_again, f"flagged without a second look: {verdict}")
    return verdicts


def flagged_links(verdict, rows):
    """The links a verdict line calls slow, as "a->b" (latency: "a-b" and "b-a"), read as
    the picture reads them to outline them (with the endpoints of `rows`)."""
    metric = verdict.split()[1].rstrip(":")
    arrow = "->" if metric == "bandwidth" else "-"
    labels = list(linkmap_heatmap.endpoint_names(rows).values())
    return sorted(f"{a}{arrow}{b}" for a, b in linkmap_heatmap.flagged_links([("verdict", verdict)], metric, labels))


LINKMAP = ["--bandwidth-bytes", "65536", "--bandwidth-window", "8", "--validate", "-q", *SMALL]


@case("mpi")
def linkmap_one_pair_at_a_time_at_odd_ranks(ctx):
    out = ctx.path("linkmap.csv")
    proc = ctx.run(3, "linkmap", "-o", out, *LINKMAP)
    result = mpibench_csv.read(out)
    check_file(result)
    verdicts = check_link_rows(result, [0, 1, 2], "1")
    # One host: every rank is an endpoint.
    check(all(r["same_host"] == "yes" for r in result.rows), "same_host")
    check(result.metadata["ranks_busy_at_once"].startswith("2 "), result.metadata)
    check_oversubscription(ctx, result, proc, 3, busy=2)
    printed = [l for l in mpibench_lines(proc.stderr) if l.startswith("mpibench: verdict: ")]
    check(printed == [f"mpibench: verdict: {v}" for v in verdicts], f"printed {printed}")
    # The heatmaps.
    png = ctx.path("linkmap.png")
    plot = subprocess.run(["/usr/bin/python3", os.path.join(ctx.source_dir, "plots", "plot.py"), out, "-o", png],
                          capture_output=True, text=True, timeout=120)
    check(plot.returncode == 0, plot.stderr)
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "not a PNG")


@case("mpi")
def linkmap_a_round_at_once(ctx):
    # Four busy ranks on two cores: a check of correctness, not of speed.
    out = ctx.path("linkmap.csv")
    proc = ctx.run(4, "linkmap", "--concurrency", "all", "-o", out, *LINKMAP)
    result = mpibench_csv.read(out)
    check_file(result)
    check_link_rows(result, [0, 1, 2, 3], "all")
    check("ranks_busy_at_once" not in result.metadata, result.metadata)
    check_oversubscription(ctx, result, proc, 4)


@case("mpi")
def testbed_linkmap_with_its_defaults_finishes_on_a_30_mb_s_link(ctx):
    """The cluster issue's broken fabric: one host's link at 30 MB/s, the others at 1 GB/s or
    more, and linkmap run as a new user would, with its defaults. It finishes (in under a
    minute here), names the host, flags exactly its links, and moves less than 1 GiB through
    the slow link: its samples of 10 MiB take 0.35 s there, so the sizes through it stop at
    six samples after one warm-up operation, and say so."""
    if not ctx.open_mpi:
        raise Skip("4 ranks across namespace hosts run under Open MPI: MPICH 4.0.2 over UCX/TCP "
                   "can hang in MPI_Finalize there (README, test bed)")
    out = ctx.path("linkmap.csv")
    counters = "/sys/class/net/$MPIBENCH_TESTBED_SLOW_LINK/statistics"
    proc = on_testbed(ctx, 4, f"$MPIEXEC -n 4 {ctx.binary} linkmap --fail-on-outliers -q -o {out}; status=$?; "
                               f"cat {counters}/rx_bytes {counters}/tx_bytes; exit $status",
                      slow="h2=30", expect=1, timeout=170)
    result = mpibench_csv.read(out)
    check_file(result)
    check(result.metadata["time_limit_s"].startswith("none; the run ends after no progress for 32 s + 10 x"),
          result.metadata["time_limit_s"])
    through = [r for r in result.rows if r["metric"] == "bandwidth" and "h2" in (r["src_host"], r["dst_host"])]
    check(len(through) == 12, f"each of h2's 6 links measured twice: {len(through)}")
    check(all(r["bandwidth_mb_s"] < 36 for r in through), f"{[r['bandwidth_mb_s'] for r in through]}")
    check(all(r["stop"] == "long_samples" and r["samples"] == 6 for r in through),
          f"{[(r['stop'], r['samples']) for r in through]}")
    others = [r for r in result.rows if r["metric"] == "bandwidth" and r not in through]
    check(all(r["stop"] != "long_samples" for r in others), f"{[r['stop'] for r in others]}")
    verdict = [text for key, text in result.notes if key == "verdict"][1]
    check("slow hosts: h2;" in verdict and "every link of h2 (6) " in verdict, verdict)
    check(flagged_links(verdict, result.rows) == sorted({f"{r['src_host']}->{r['dst_host']}" for r in through}), verdict)
    notes = [text for key, text in result.notes if key == "note"]
    check(len(notes) == 1 and notes[0].startswith("12 rows were measured with 6 samples, short of --min-samples 10")
          and "linkmap bandwidth 1 MiB h2->h1" in notes[0] and notes[0].count("->") == 6, notes)
    check(f"mpibench: note: {notes[0]}" in proc.stderr.splitlines(), proc.stderr)
    moved = sum(int(line) for line in proc.stdout.split())
    check(moved < 2 ** 30, f"{moved / 2 ** 20:.0f} MiB went through the slow link")
    check(error_lines(proc.stderr) == [], proc.stderr)


@case("cli")
def linkmap_refuses_sizes(ctx):
    usage_error(ctx, 2, ["linkmap", "--sizes", "1K"],
                "linkmap takes its sizes from --latency-bytes and --bandwidth-bytes, not from --sizes or -m")


@case("mpi")
def testbed_linkmap_finds_the_throttled_host(ctx):
    if not ctx.open_mpi:
        raise Skip("4 ranks across namespace hosts run under Open MPI: MPICH 4.0.2 over UCX/TCP "
                   "can hang in MPI_Finalize there (README, test bed)")
    out = ctx.path("linkmap.csv")
    # 4 MiB per operation (64 KiB x 64): tbf lets a burst of 512 KB through at line rate
    # whenever the link has been idle (between samples), so an operation must be much larger
    # than the burst for the limit to show.
    args = " ".join(LINKMAP).replace("--bandwidth-window 8", "--bandwidth-window 64")
    proc = on_testbed(ctx, 4, f"$MPIEXEC -n 4 {ctx.binary} linkmap --fail-on-outliers -o {out} {args}",
                      slow="h2=100", expect=1)
    result = mpibench_csv.read(out)
    check_file(result)  # the gate fails; the outputs are whole
    check_link_rows(result, [0, 1, 2, 3], "1", window=64)
    check(result.metadata["hosts"] == "h1 h2 h3 h4", result.metadata["hosts"])
    check(all(r["same_host"] == "no" for r in result.rows), "same_host")
    through = [r for r in result.rows if r["metric"] == "bandwidth" and "h2" in (r["src_host"], r["dst_host"])]
    check(len(through) == 12, f"each of h2's 6 links measured twice: {through}")
    # tbf at 100 MB/s of wire bytes: the payload cannot go faster, but for one burst (512 KB)
    # per operation of 4 MiB if the link idled long enough to refill it: at most 100 x 4 / 3.5.
    check(all(r["bandwidth_mb_s"] < 115 for r in through), f"{[r['bandwidth_mb_s'] for r in through]}")
    verdict = [text for key, text in result.notes if key == "verdict"][1]
    check("slow hosts: h2;" in verdict, verdict)
    check("every link of h2 (6) " in verdict, verdict)
    check(flagged_links(verdict, result.rows) == sorted({f"{r['src_host']}->{r['dst_host']}" for r in through}), verdict)
    check(error_lines(proc.stderr) == [], proc.stderr)


@case("mpi")
def a_busy_node_is_named(ctx):
    """Another job on the node's cores: a spinning process beside two ranks that poll. The
    three share the 2 cores, so about a third of their time is not mpibench's: the run warns
    once, names the machine, and writes the load; the same run alone says 0-10%."""
    out = ctx.path("busy.csv")
    args = ["pingpong", "--sizes", "8,1K", "--precision", "1e-9", "--max-time", "1", "-q"]
    spinner = subprocess.Popen(["/bin/sh", "-c", "while :; do :; done"])
    try:
        proc = ctx.run(2, *args, "-o", out)
    finally:
        spinner.kill()
        spinner.wait()
    result = mpibench_csv.read(out)
    check_file(result)
    warnings = [l for l in proc.stderr.splitlines() if l.startswith("mpibench: warning:")]
    check(len(warnings) == 1 and "other work competed for the cores the ranks ran on: " in warnings[0], proc.stderr)
    notes = dict(result.notes)
    check(notes.get("warning") == warnings[0].removeprefix("mpibench: warning: "), result.notes)
    share = int(notes["load"].split("other work ")[1].split("%")[0])
    check(share > 10, notes["load"])
    quiet = ctx.path("quiet.csv")
    proc = ctx.run(2, *args, "-o", quiet)
    result = mpibench_csv.read(quiet)
    check(not any(l.startswith("mpibench: warning:") for l in proc.stderr.splitlines()), proc.stderr)
    check(int(dict(result.notes)["load"].split("other work ")[1].split("%")[0]) <= 10, result.notes)


def on_slurm(ctx, hosts, command, slow=None, timeout=170):
    """Runs `command` (a shell line) beside a real Slurm whose nodes are the test bed's hosts
    (scripts/testbed --slurm): srun, sbatch and scontrol are Slurm's own. Returns the process;
    nothing of Slurm is left running."""
    script = os.path.join(ctx.source_dir, "scripts", "testbed")
    args = [script, "run", "--hosts", str(hosts), "--slurm", *(["--slow", slow] if slow else []), "--",
            "sh", "-c", command]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if proc.returncode == SKIPPED:
        raise Skip(proc.stderr.strip())
    # Running ones: a step daemon whose parent has gone may linger as a zombie until init
    # reaps it, which runs nothing.
    processes = subprocess.run(["ps", "-eo", "stat=,comm="], capture_output=True, text=True).stdout.splitlines()
    left = [p for p in processes if p.split()[1] in ("slurmctld", "slurmd", "munged", "slurmstepd")
            and not p.startswith("Z")]
    check(left == [], f"Slurm daemons left running: {left}")
    check("-h1" not in subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout,
          "namespaces left")
    return proc


@case("mpi")
def slurm_srun_starts_the_ranks_and_the_job_is_recorded(ctx):
    """Open MPI through srun's PMIx plugin on 4 nodes (its TCP transport told by OMPI_MCA_*, as
    srun has no --mca); MPICH through srun's pmi2 on 2 (over UCX/TCP, 4 ranks across the
    namespace hosts can hang MPICH 4.0.2 in MPI_Finalize)."""
    out = ctx.path("srun.csv")
    nodes, plugin, command = ((4, "pmix", f"linkmap -o {out} {' '.join(LINKMAP)}") if ctx.open_mpi
                              else (2, "pmi2", f"pingpong --sizes 8,64K -q -o {out} {' '.join(SMALL)}"))
    proc = on_slurm(ctx, nodes, f"srun -N {nodes} --ntasks-per-node=1 --mpi={plugin} -t 2 {ctx.binary} {command}")
    check(proc.returncode == 0, proc.stderr)
    result = mpibench_csv.read(out)
    check_file(result)
    m = result.metadata
    check(m["launcher"] == f"Slurm (srun --mpi={plugin})", m["launcher"])
    check(re.fullmatch(r"\d+ \(cluster testbed, partition testbed\)", m["slurm_job"]) is not None, m["slurm_job"])
    check(m["slurm_nodelist"] == f"h[1-{nodes}]" and m["slurm_tasks_per_node"] == f"1(x{nodes})", m)
    check(m["hosts"] == " ".join(f"h{i}" for i in range(1, nodes + 1)), m["hosts"])


ACCEPTANCE = "jobs/cluster-acceptance.sbatch"


@case("mpi")
def slurm_acceptance_job_fails_through_slurm_on_a_slow_node(ctx):
    """The job script users copy, submitted with sbatch over 4 nodes, h2's link at 100 MB/s:
    every file written, the verdicts gathered, and the job's exit status, as Slurm records it,
    is the link map's gate: 1."""
    if not ctx.open_mpi:
        raise Skip("4 nodes of 2 ranks across namespace hosts run under Open MPI: MPICH 4.0.2 over "
                   "UCX/TCP can hang in MPI_Finalize there (README, test bed)")
    results = ctx.path("acceptance")
    script = os.path.join(ctx.source_dir, ACCEPTANCE)
    proc = on_slurm(ctx, 4, f"export MPIBENCH={ctx.binary} MPIBENCH_OPTIONS='--max-time 0.05'; cd {ctx.work} && "
                            f"job=$(sbatch --parsable --wait -N 4 -o {ctx.path('job-%j.out')} {script} {results}); "
                            "echo rc=$?; scontrol show job \"$job\" | grep -o 'ExitCode=[^ ]*'",
                    slow="h2=100")
    check(proc.returncode == 0, proc.stderr)
    check("rc=1" in proc.stdout.split() and "ExitCode=1:0" in proc.stdout.split(), proc.stdout)
    for name in ("linkmap.csv", "pingpong-node.csv", "pingpong-nodes.csv", "bcast.csv", "allreduce.csv"):
        check_file(mpibench_csv.read(os.path.join(results, name)))
    verdicts = open(os.path.join(results, "verdicts.txt")).read()
    check("linkmap bandwidth: " in verdicts and "slow hosts: h2;" in verdicts, verdicts)


@case("cli")
def slurm_acceptance_job_outside_a_job_says_to_submit_it(ctx):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
    proc = subprocess.run([os.path.join(ctx.source_dir, ACCEPTANCE), ctx.path("nothing")], capture_output=True,
                          text=True, env=env, cwd=ctx.work, timeout=30)
    check(proc.returncode == 2, f"exit {proc.returncode}")
    check(proc.stderr.startswith("cluster-acceptance: error: not inside a Slurm job: submit it with sbatch")
          and len(proc.stderr.splitlines()) == 1, proc.stderr)
    check(not os.path.exists(ctx.path("nothing")), "a directory was created")


def cpu_list(text):
    """'0-2,5' -> [0, 1, 2, 5]"""
    cpus = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        cpus.extend(range(int(first), int(last or first) + 1))
    return cpus


@case("mpi")
def the_topology_of_every_rank_is_recorded(ctx):
    """hwloc's view of where each rank runs. On this machine's own topology, in its words; then
    on a synthetic machine of 2 packages of 4 cores (MPIBENCH_TOPOLOGY, which the MPI library
    never reads), where each rank's CPUs (the binding column: what the launcher gave it) must
    land as the layout says: CPU n is core n of package n // 4. A topology hwloc cannot build
    is refused, one line, exit 2."""
    own = ctx.path("own.csv")
    ctx.run(2, "pingpong", "--sizes", "8", "-q", "-o", own, *SMALL)
    m = mpibench_csv.read(own).metadata
    check(re.fullmatch(r"\d+ packages?, \d+ NUMA nodes?, \d+ cores?, \d+ PUs?", m["topology"]) is not None, m["topology"])
    check(m["devices"] != "", m)
    spec = "synthetic:package:2 core:4 pu:1"
    out = ctx.path("synthetic.csv")
    os.environ["MPIBENCH_TOPOLOGY"] = spec
    try:
        ctx.run(2, "pingpong", "--sizes", "8", "-q", "-o", out, *SMALL)
        os.environ["MPIBENCH_TOPOLOGY"] = "synthetic:packages:two"
        usage_error(ctx, 2, ["pingpong"], "MPIBENCH_TOPOLOGY='synthetic:packages:two': hwloc cannot build that topology")
    finally:
        del os.environ["MPIBENCH_TOPOLOGY"]
    m = mpibench_csv.read(out).metadata
    check(m["topology"] == f"2 packages, 1 NUMA node, 8 cores, 8 PUs (MPIBENCH_TOPOLOGY={spec})", m["topology"])
    binding = dict(item.split(":") for item in m["binding"].split())
    places = dict(item.split(": ") for item in m["rank_topology"].split("; "))
    check(sorted(places) == ["0", "1"], m["rank_topology"])
    for rank, cpus in binding.items():
        inside = [c for c in cpu_list(cpus) if c < 8]
        one = lambda values: str(values.pop()) if len(values) == 1 else "several"  # noqa: E731
        expected = (f"package {one({c // 4 for c in inside})} NUMA {'0' if inside else 'several'} "
                    f"core {one(set(inside))} PU {one(set(inside))}")
        check(places[rank] == expected, f"rank {rank} on CPUs {cpus}: {places[rank]!r}, expected {expected!r}")
