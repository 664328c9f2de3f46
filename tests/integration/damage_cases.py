"""The offline side under damaged input: a corpus made by a small fuzzer from real launches
(cell values, cut points, encodings, duplicates, foreign and special files) against `compare`,
`model`, `model --predict` and the plot tool. Every case is one line on stderr and exit 2, with
nothing created or changed. Then signals to the offline commands: the outputs they hold say
why they end, and the exit status is the signal's."""

import fcntl
import json
import os
import random
import signal
import subprocess

from support import *  # noqa: F401,F403

LAUNCHES = 4  # a side: the fewest that can flag anything over a few rows
SIZES = "8,1K,64K"


def launches(ctx, sizes=SIZES):
    """Real launches: pingpong as CSV (and the first also as JSON), and a bcast with its
    algorithm pinned, for --predict."""
    made = {"base": [], "cand": []}
    for i in range(LAUNCHES):
        for side in made:
            out = ctx.path(f"{side}-{i}.csv")
            extra = ["--json", ctx.path(f"{side}-{i}.json")] if i == 0 else []
            ctx.run(2, "pingpong", "--sizes", sizes, "--samples", "5", "-q", "-o", out, *extra)
            made[side].append(out)
    bcast = ctx.path("bcast.csv")
    subprocess.run([*ctx.launcher, "-n", "2", ctx.binary, "bcast", "--sizes", SIZES, "--samples", "5", "-q",
                    "-o", bcast], env=dict(os.environ, MPIR_CVAR_BCAST_INTRA_ALGORITHM="binomial"),
                   check=True, capture_output=True, timeout=120)
    made["bcast"] = bcast
    return made


def csv_cells(path):
    """(lines, header names, indices of the data lines)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = next(i for i, l in enumerate(lines) if l and not l.startswith("#"))
    data = [i for i, l in enumerate(lines) if i > header and l and not l.startswith("#")]
    return lines, lines[header].split(","), data


def corpus(ctx, source, json_source):
    """{name: (bytes or a special-file maker)} of damaged versions of `source`, and foreign
    files, each a way a file can be wrong."""
    rng = random.Random(20)
    lines, names, data = csv_cells(source)
    damaged = {}

    def with_cell(column, value, row=None):
        copy = list(lines)
        index = rng.choice(data) if row is None else data[row]
        cells = copy[index].split(",")
        cells[names.index(column)] = value
        copy[index] = ",".join(cells)
        return "\n".join(copy).encode()

    for column in ("median_us", "bytes", "ranks", "samples", "ci_low_us", "ci_high_us", "min_us", "max_us"):
        for value in ("nan", "inf", "-inf", "-1", "-0.5", "1e400", "abc", "0x10", "99999999999999999999999"):
            damaged[f"{column}={value}"] = with_cell(column, value)
    for column in ("median_us", "bytes", "ranks", "samples", "pattern"):
        damaged[f"{column} empty"] = with_cell(column, "")
    damaged["median_us=0"] = with_cell("median_us", "0")
    text = "\n".join(lines).encode()
    for fraction in (0.1, 0.3, 0.5, 0.8, 0.97):  # cut anywhere: in the metadata, a row, the end line
        damaged[f"cut at {fraction:.0%}"] = text[:int(len(text) * fraction)]
    damaged["no end line"] = "\n".join(l for l in lines if not l.startswith("# end")).encode()
    damaged["end line miscounts"] = text.replace(b"# end: complete, 3 rows", b"# end: complete, 4 rows")
    damaged["a row after the end"] = text + lines[data[0]].encode() + b"\n"
    damaged["a field too many"] = with_cell("pattern", "pingpong,extra")
    damaged["an open quote"] = with_cell("pattern", '"pingpong')
    damaged["latin-1 byte"] = text.replace(b"pingpong", b"pingp\xf3ng", 1)
    damaged["a NUL"] = text.replace(b"pingpong", b"ping\0pong", 1)
    damaged["UTF-16"] = "\n".join(lines).encode("utf-16")
    damaged["no columns line"] = "\n".join(l for l in lines if not l.startswith("# columns")).encode()
    damaged["schema version 1"] = text.replace(b"# schema_version: 2", b"# schema_version: 1")
    damaged["header renamed"] = text.replace(b"median_us,", b"median,", 1)
    damaged["empty file"] = b""
    damaged["random bytes"] = bytes(rng.randrange(256) for _ in range(4000))
    damaged["a PNG"] = b"\x89PNG\r\n\x1a\n" + bytes(200)
    damaged["plain text"] = b"hello\nworld\n"
    with open(json_source, encoding="utf-8") as f:
        document = json.load(f)
    first = next(b for b in document["benchmarks"] if b["run_type"] == "iteration")

    def json_with(change):
        copy = json.loads(json.dumps(document))
        change(copy, next(b for b in copy["benchmarks"] if b["run_type"] == "iteration"))
        return json.dumps(copy).encode()

    for value in ("nan", "-1", "0", "null", '"fast"', "1e400", "[]", "99999999999999999999999"):
        raw = json_with(lambda d, b: b.update(median_us="@"))
        damaged[f"json median_us={value}"] = raw.replace(b'"@"', value.encode())
    damaged["json run_type a number"] = json_with(lambda d, b: b.update(run_type=5))
    damaged["json no context"] = json_with(lambda d, b: d.pop("context"))
    damaged["json benchmarks an object"] = json_with(lambda d, b: d.update(benchmarks={}))
    damaged["json incomplete"] = json_with(lambda d, b: d["context"].update(incomplete="interrupted by SIGTERM"))
    damaged["json cut"] = json.dumps(document).encode()[: len(json.dumps(document)) // 2]
    assert first  # the source has rows
    return damaged


def special_inputs(ctx):
    """Inputs that are not files to read: each made on demand in the scratch directory."""
    fifo = ctx.path("a-fifo")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    directory = ctx.path("a-directory")
    os.makedirs(directory, exist_ok=True)
    link = ctx.path("a-link-to-a-directory")
    if not os.path.lexists(link):
        os.symlink(directory, link)
    partial = ctx.path("left.csv.partial")
    if not os.path.exists(partial):
        with open(partial, "w") as f:
            f.write("# schema_version: 2\n")
    return {"a FIFO": fifo, "a directory": directory, "a link to a directory": link, "/dev/zero": "/dev/zero",
            "/dev/null": "/dev/null", "a missing file": ctx.path("no-such-file.csv"), "a .partial file": partial}


def snapshot(folder):
    found = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        st = os.lstat(path)
        found[name] = (st.st_size, st.st_mtime_ns)
    return found


def refused(ctx, command, what, program="mpibench"):
    """`command` refuses with one line and exit 2, and the scratch directory is unchanged."""
    before = snapshot(ctx.work)
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, errors="replace")
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    check(proc.returncode == 2, f"{what}: exit {proc.returncode}, expected 2\n{proc.stderr[-2000:]}")
    check(len(lines) == 1 and lines[0].startswith(f"{program}: error: "), f"{what}: {proc.stderr[-2000:]}")
    check("Traceback" not in proc.stderr and "terminate called" not in proc.stderr, f"{what}: {proc.stderr}")
    check(snapshot(ctx.work) == before, f"{what}: files changed: {sorted(set(snapshot(ctx.work)) ^ set(before))}")


def run_corpus(ctx, consumer):
    """Every damaged input, given to `consumer(path) -> command`."""
    made = launches(ctx)
    cases = corpus(ctx, made["base"][0], made["base"][0].replace(".csv", ".json"))
    damaged_dir = ctx.path("damaged")
    os.makedirs(damaged_dir)
    for index, (what, data) in enumerate(sorted(cases.items())):
        path = os.path.join(damaged_dir, f"case-{index}.csv")
        with open(path, "wb") as f:
            f.write(data)
        command, program = consumer(made, path)
        refused(ctx, command, what, program)
    for what, path in special_inputs(ctx).items():
        command, program = consumer(made, path)
        refused(ctx, command, what, program)
    return made


@case("fault")
def damaged_inputs_to_compare(ctx):
    def consumer(made, path):
        return ([ctx.binary, "compare", "--baseline", path, *made["base"][1:], "--candidate", *made["cand"],
                 "-o", ctx.path("verdicts.csv")], "mpibench")
    made = run_corpus(ctx, consumer)
    # The same launch twice, by name, by copy, by a link and as its own JSON: one line, exit 2.
    base, cand = made["base"], made["cand"]
    copy = ctx.path("copy.csv")
    with open(base[0], "rb") as f, open(copy, "wb") as g:
        g.write(f.read())
    link = ctx.path("link.csv")
    os.symlink(base[1], link)
    for what, baseline in (("by name", [base[0], base[0], *base[2:]]), ("by copy", [copy, *base]),
                           ("by link", [link, *base]), ("as its JSON", [base[0].replace(".csv", ".json"), *base])):
        refused(ctx, [ctx.binary, "compare", "--baseline", *baseline, "--candidate", *cand], f"twice {what}")
    refused(ctx, [ctx.binary, "compare", "--baseline", *base, "--candidate", *cand[:-1], base[0]], "on both sides")
    # Outputs that name an input or each other, and numbers that are not.
    refused(ctx, [ctx.binary, "compare", "--baseline", *base, "--candidate", *cand, "-o", cand[0]], "-o an input")
    refused(ctx, [ctx.binary, "compare", "--baseline", *base, "--candidate", *cand, "-o", ctx.path("v.csv"),
                  "--json", ctx.path("v.csv.partial")], "-o X --json X.partial")
    for value in ("nan", "inf", "-1", "0", "0.6"):
        refused(ctx, [ctx.binary, "compare", "--alpha", value, "--baseline", *base, "--candidate", *cand],
                f"--alpha {value}")


@case("fault")
def damaged_inputs_to_model(ctx):
    def consumer(made, path):
        return [ctx.binary, "model", path, *made["base"][1:], "-o", ctx.path("fit.csv")], "mpibench"
    made = run_corpus(ctx, consumer)
    refused(ctx, [ctx.binary, "model", made["base"][0], made["base"][0]], "the same launch twice")


@case("fault")
def damaged_inputs_to_predict(ctx):
    def consumer(made, path):
        return [ctx.binary, "model", made["base"][0], "--predict", path, "-o", ctx.path("pred.csv")], "mpibench"
    made = run_corpus(ctx, consumer)
    # A collective row of more ranks than MPI's int: looped forever once.
    lines, names, data = csv_cells(made["bcast"])
    cells = lines[data[0]].split(",")
    cells[names.index("ranks")] = str(2 ** 30 + 1)
    lines[data[0]] = ",".join(cells)
    huge = ctx.path("huge.csv")
    with open(huge, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    proc = subprocess.run([ctx.binary, "model", made["base"][0], "--predict", huge], capture_output=True,
                          text=True, timeout=60)
    check(proc.returncode == 0, f"2^30+1 ranks: exit {proc.returncode}: {proc.stderr}")


@case("fault")
def damaged_inputs_to_the_plot_tool(ctx):
    plot = os.path.join(os.path.dirname(ctx.binary), "mpibench-plot")

    def consumer(made, path):
        return [plot, path, "-o", ctx.path("picture.png")], "mpibench-plot"
    made = run_corpus(ctx, consumer)
    refused(ctx, [plot, made["base"][0], "--model", made["base"][1], "-o", ctx.path("p.png")],
            "--model given a run", "mpibench-plot")
    refused(ctx, [plot, made["base"][0], "-o", ctx.path("p.txt")], "-o without an image name", "mpibench-plot")
    # The cells each picture is drawn from, emptied one at a time in every row that has them:
    # a link map (3 endpoints), a task queue and collective predictions.
    linkmap, taskqueue, predictions = ctx.path("linkmap.csv"), ctx.path("taskqueue.csv"), ctx.path("pred.csv")
    ctx.run(3, "linkmap", "--samples", "5", "--bandwidth-bytes", "4K", "-q", "-o", linkmap)
    ctx.run(2, "taskqueue", "--sizes", "8", "--samples", "20", "-q", "-o", taskqueue)
    ctx.run(None, "model", *made["base"], "--predict", made["bcast"], "-o", predictions)
    drawn = ((linkmap, ("metric", "src_rank", "dst_rank", "src_host", "dst_host")),
             (taskqueue, ("prefetch", "work_us", "broker", "tasks_per_s")),
             (predictions, ("algorithm", "measured_us", "predicted_us", "ratio")))
    for source, columns in drawn:
        lines, names, data = csv_cells(source)
        for column in columns:
            copy = list(lines)
            for index in data:
                cells = copy[index].split(",")
                cells[names.index(column)] = ""
                copy[index] = ",".join(cells)
            damaged = ctx.path(f"no-{column}-{os.path.basename(source)}")
            with open(damaged, "w", encoding="utf-8") as f:
                f.write("\n".join(copy))
            refused(ctx, [plot, damaged, "-o", ctx.path("p.png")], f"{os.path.basename(source)} without {column}",
                    "mpibench-plot")
        proc = subprocess.run([plot, source, "-o", ctx.path(f"{os.path.basename(source)}.png")],
                              capture_output=True, text=True, timeout=120)
        check(proc.returncode == 0, f"the undamaged {source}: {proc.stderr}")
    # A size without an interval is drawn without its bar; an interval beside its median is damage.
    lines, names, data = csv_cells(made["base"][0])
    for value, expected in (("", 0), ("1e14", 2)):
        copy = list(lines)
        cells = copy[data[0]].split(",")
        cells[names.index("ci_low_us")] = value
        copy[data[0]] = ",".join(cells)
        source = ctx.path(f"ci-low-{value or 'empty'}.csv")
        with open(source, "w", encoding="utf-8") as f:
            f.write("\n".join(copy))
        proc = subprocess.run([plot, source, "-o", ctx.path("ci.png")], capture_output=True, text=True, timeout=120)
        check(proc.returncode == expected and "Traceback" not in proc.stderr,
              f"ci_low_us {value!r}: exit {proc.returncode}: {proc.stderr}")


def wait_until_asleep_in(pid, call, fd=None):
    """Until `pid` is asleep in the system call numbered `call` (0 read, 1 write), on `fd` if
    given (/proc/PID/syscall: the call's number, then its arguments; "running" while it runs):
    a condition, polled; no timed sleep decides anything."""
    deadline = 100000
    while deadline:
        deadline -= 1
        try:
            with open(f"/proc/{pid}/syscall") as f:
                fields = f.read().split()
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        if state == "S" and len(fields) > 1 and fields[0] == str(call) and (fd is None or int(fields[1], 16) == fd):
            return True
    return False


@case("fault")
def signals_end_the_offline_commands(ctx):
    made = launches(ctx, "1:64K")  # 17 rows: the verdicts' JSON outgrows a one-page pipe
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        # While reading its input (standard input, held open, nothing written): nothing made.
        before = snapshot(ctx.work)
        proc = subprocess.Popen([ctx.binary, "model", "-", "-o", ctx.path("fit.csv")], stdin=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        check(wait_until_asleep_in(proc.pid, 0, fd=0), "model never read its standard input")
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        check(proc.returncode == 128 + sig, f"{sig.name} while reading: exit {proc.returncode}: {err}")
        check(err.strip().splitlines() == [f"mpibench: error: interrupted by {sig.name}"], err)
        check(snapshot(ctx.work) == before, f"{sig.name} while reading: files changed")
        # While writing: the verdicts go to a CSV file and, as JSON, into a FIFO that stops
        # being read once the JSON has begun, so compare waits in write() for the signal, and
        # its handler finds the FIFO full: the JSON's ending cannot go there, the rest must.
        fifo = ctx.path(f"verdicts-{sig.name}.fifo")
        os.mkfifo(fifo)
        out = ctx.path(f"verdicts-{sig.name}.csv")
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        fcntl.fcntl(reader, 1031, 4096)  # F_SETPIPE_SZ: one page, so that compare must wait
        # (--alpha 0.4: 4 launches a side can flag something over 17 rows.)
        proc = subprocess.Popen([ctx.binary, "compare", "--alpha", "0.4", "--baseline", *made["base"], "--candidate",
                                 *made["cand"], "-o", out, "--json", fifo], stderr=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        check(wait_for_bytes(reader), "compare never wrote its JSON")
        check(wait_until_asleep_in(proc.pid, 1), "compare never waited to write its JSON")
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        os.close(reader)
        check(proc.returncode == 128 + sig, f"{sig.name} while writing: exit {proc.returncode}: {err}")
        check(not os.path.exists(out), f"{sig.name}: {out} reads as complete")
        with open(out + ".partial", encoding="utf-8") as f:
            last = f.read().splitlines()[-1]
        check(last == f"# incomplete: interrupted by {sig.name}", f"{sig.name}: {out}.partial ends {last!r}")
        check(err.strip().splitlines()[-1].startswith(f"mpibench: error: interrupted by {sig.name}"), err)


def wait_for_bytes(fd):
    """Until the FIFO read end `fd` has data (select, no timed sleep deciding)."""
    import select
    ready, _, _ = select.select([fd], [], [], 60)
    if not ready:
        return False
    os.read(fd, 1)  # the JSON has begun; what follows waits in the pipe
    return True
