"""The README and docs/ as a user reads them: every fenced block says what it is. A `console`
block is run, command by command, in a scratch directory with the built `mpibench` and
`mpibench-plot` on PATH and `mpiexec` naming this build's launcher; a `text` block is shown
only, and names what covers it (`covered-by=` a test of this suite, or the file that makes
it). One case per page, in the MPICH build's suite (the pages are the same for both stacks).

A console block: "$ " starts a command, "> " continues it, any other line is output that
command must print (a line of it, "…" matching anything). Every command exits 0 but the
block's last, which exits as `exit=` says (default 0; "0,1" allows either)."""

import os
import re
import stat
import subprocess

from support import *  # noqa: F401,F403

PAGES = ["README.md", "docs/running.md", "docs/method.md", "docs/ci.md", "docs/clusters.md",
         "docs/models.md", "docs/simulation.md", "docs/testbed.md"]
FENCE = re.compile(r"^```(.*)$")


def blocks(text):
    """(info string, lines, line number) of every fenced block."""
    found, current = [], None
    for number, line in enumerate(text.splitlines(), 1):
        fence = FENCE.match(line)
        if fence and current is None:
            current = (fence.group(1).strip(), [], number)
        elif line.startswith("```") and current is not None:
            found.append(current)
            current = None
        elif current is not None:
            current[1].append(line)
    check(current is None, f"a fence opened at line {current[2] if current else 0} is never closed")
    return found


def info_fields(info):
    words = info.split()
    return words[0] if words else "", dict(w.split("=", 1) for w in words[1:] if "=" in w)


def commands(lines):
    """[(command, expected output lines)] of a console block."""
    parsed = []
    for line in lines:
        if line.startswith("$ "):
            parsed.append([line[2:], []])
        elif line.startswith("> ") and parsed:
            parsed[-1][0] += "\n" + line[2:]
        elif line.strip() and parsed:
            parsed[-1][1].append(line)
    return parsed


def known_tests():
    names = set(CASES)
    return names


def shows(output, expected):
    pattern = re.compile("^" + ".*".join(re.escape(part) for part in expected.split("…")) + "$")
    return any(pattern.match(line) for line in output.splitlines())


def check_page(ctx, page):
    if ctx.open_mpi:
        raise Skip("the pages are run once, in the MPICH build's suite")
    path = os.path.join(ctx.source_dir, page)
    with open(path, encoding="utf-8") as f:
        found = blocks(f.read())
    scratch = ctx.path("scratch")
    shims = ctx.path("bin")
    os.makedirs(scratch)
    os.makedirs(shims)
    # `mpiexec` in the pages is the launcher of the stack mpibench was built with.
    launcher = os.path.join(shims, "mpiexec")
    with open(launcher, "w") as f:
        f.write("#!/bin/sh\nexec " + " ".join(ctx.launcher) + ' "$@"\n')
    os.chmod(launcher, os.stat(launcher).st_mode | stat.S_IXUSR)
    env = dict(os.environ, PATH=os.pathsep.join([shims, os.path.dirname(ctx.binary), os.environ["PATH"]]))
    for info, lines, number in found:
        kind, fields = info_fields(info)
        where = f"{page}:{number}"
        check(kind in ("console", "text"), f"{where}: a block must say console or text, not {info!r}")
        if kind == "text":
            covered = fields.get("covered-by", "")
            check(covered in known_tests() or os.path.exists(os.path.join(ctx.source_dir, covered)),
                  f"{where}: a text block names the test (or file) that covers it: covered-by={covered!r}")
            continue
        allowed = {int(code) for code in fields.get("exit", "0").split(",")}
        steps = commands(lines)
        check(steps, f"{where}: a console block without a command")
        for index, (command, expected) in enumerate(steps):
            proc = subprocess.run(["bash", "-c", command], cwd=scratch, env=env, capture_output=True, text=True,
                                  timeout=170)
            codes = allowed if index == len(steps) - 1 else {0}
            output = proc.stdout + proc.stderr
            check(proc.returncode in codes, f"{where}: `{command}` exited {proc.returncode}, expected {sorted(codes)}:\n"
                                            f"{output[-3000:]}")
            for line in expected:
                check(shows(output, line), f"{where}: `{command}` did not print\n  {line}\nit printed:\n{output[-3000:]}")


def page_case(page):
    name = "docs_" + re.sub(r"[^a-z0-9]+", "_", os.path.basename(page).lower().removesuffix(".md"))

    def run(ctx):
        check_page(ctx, page)
    run.__name__ = name
    return case("docs")(run)


for _page in PAGES:
    page_case(_page)


@case("cli")
def docs_every_page_is_checked(ctx):
    """A page added to docs/ is one the cases above run."""
    pages = sorted(f"docs/{name}" for name in os.listdir(os.path.join(ctx.source_dir, "docs")) if name.endswith(".md"))
    check(sorted(p for p in PAGES if p.startswith("docs/")) == pages, f"PAGES lists {PAGES}, docs/ has {pages}")
