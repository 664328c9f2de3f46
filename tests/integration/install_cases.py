"""The program as users get it: installed from a scratch prefix, and as a Debian package
installed with apt, run under the stack's launcher from another directory."""

import os
import shutil
import subprocess

from support import *  # noqa: F401,F403


def run(command, cwd=None, timeout=300):
    proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    check(proc.returncode == 0, f"{' '.join(command)}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}")
    return proc


def measure_and_plot(ctx, program, plotter, cwd):
    out = os.path.join(cwd, "r.csv")
    run([*ctx.launcher, "-n", "2", program, "pingpong", "--sizes", "8,1K", "--samples", "5", "-q", "-o", out], cwd=cwd)
    check(len(mpibench_csv.read(out).rows) == 2, "rows")
    run([plotter, out, "-o", os.path.join(cwd, "r.png")], cwd=cwd)
    with open(os.path.join(cwd, "r.png"), "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "not a PNG")


def manual_pages(ctx):
    """Every page the program should have: mpibench, one per subcommand, mpibench-plot."""
    listed = run([ctx.binary, "--help"]).stdout
    commands = listed.split("Subcommands:\n")[1].split("\n\n")[0]
    names = [line.split()[0] for line in commands.splitlines() if line.startswith("  ") and line.split()
             and not line.startswith("   ")]
    check("pingpong" in names and "compare" in names, f"subcommands read from --help: {names}")
    return ["mpibench", "mpibench-plot", *[f"mpibench-{name}" for name in names]]


def check_manual_page(path, name):
    """It renders without a warning from groff, and its NAME line is the page's name."""
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")
    proc = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", path], capture_output=True, text=True,
                          timeout=60, env=env)
    check(proc.returncode == 0 and proc.stderr == "", f"{path}: exit {proc.returncode}: {proc.stderr}")
    lines = proc.stdout.splitlines()
    check("NAME" in lines and lines[lines.index("NAME") + 1].split()[0] == name, f"{path}:\n{proc.stdout[:400]}")
    check("EXAMPLES" in lines or name == "mpibench-plot", f"{path}: no EXAMPLES")


@case("install")
def installed_from_a_scratch_prefix(ctx):
    build = os.path.dirname(ctx.binary)
    prefix = ctx.path("prefix")
    run(["cmake", "--install", build, "--prefix", prefix])
    for path in ("bin/mpibench", "bin/mpibench-plot", "share/mpibench/plots/plot.py",
                 "share/mpibench/plots/mpibench_csv.py", "share/mpibench/plots/linkmap_heatmap.py", "share/mpibench/plots/model_lines.py", "share/mpibench/plots/axes_style.py", "share/doc/mpibench/docs/running.md",
                 "share/doc/mpibench/README.md", "share/doc/mpibench/LICENSE"):
        check(os.path.exists(os.path.join(prefix, path)), f"{path} not installed")
    if shutil.which("help2man") is None or shutil.which("man") is None:
        raise Skip("help2man or man is missing: scripts/setup both installs them")
    for name in manual_pages(ctx):
        page = os.path.join(prefix, "share", "man", "man1", f"{name}.1.gz")
        check(os.path.exists(page), f"{page} not installed")
        check_manual_page(page, name)
    elsewhere = ctx.path("elsewhere")
    os.makedirs(elsewhere)
    measure_and_plot(ctx, os.path.join(prefix, "bin", "mpibench"), os.path.join(prefix, "bin", "mpibench-plot"),
                     elsewhere)


@case("install")
def debian_package(ctx):
    build = os.path.dirname(ctx.binary)
    packages = ctx.path("packages")
    run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", packages], cwd=build)
    debs = [f for f in os.listdir(packages) if f.endswith(".deb")]
    check(len(debs) == 1 and debs[0].startswith("mpibench_"), debs)
    deb = os.path.join(packages, debs[0])
    listing = run(["dpkg-deb", "-c", deb]).stdout
    for path in ("./usr/bin/mpibench", "./usr/bin/mpibench-plot", "./usr/share/mpibench/plots/plot.py",
                 "./usr/share/doc/mpibench/LICENSE"):
        check(path in listing, f"{path} not in the package:\n{listing}")
    depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
    library = "libmpich" if "libmpich" in run(["ldd", ctx.binary]).stdout else "libopenmpi"
    launcher = "mpich" if library == "libmpich" else "openmpi-bin"
    for needed in (launcher, "python3-matplotlib", library):
        check(needed in depends, f"{needed} missing from Depends: {depends}")
    for name in manual_pages(ctx):
        check(f"./usr/share/man/man1/{name}.1.gz" in listing, f"{name}(1) not in the package")
    if shutil.which("lintian") is not None:
        # The manual pages as Debian's checker reads them (lintian flags other things of a
        # package that cpack makes, not asked about here).
        report = subprocess.run(["lintian", "--tag-display-limit", "0", deb], capture_output=True, text=True,
                                timeout=600).stdout
        # Lines "E: mpibench: TAG details".
        tags = {line.split(": ", 2)[2].split()[0] for line in report.splitlines() if line.count(": ") >= 2}
        for tag in ("no-manual-page", "uncompressed-manual-page", "groff-message", "bad-whatis-entry"):
            check(tag not in tags, f"lintian: {tag}:\n{report}")
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise Skip("the package was built and checked; installing it needs root and apt-get")
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "mpibench"], capture_output=True, text=True)
    if "install ok installed" in installed.stdout:
        raise Skip("an mpibench package is already installed on this machine; it is left alone")
    try:
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", deb])
        elsewhere = ctx.path("elsewhere")
        os.makedirs(elsewhere)
        measure_and_plot(ctx, "mpibench", "mpibench-plot", elsewhere)
        check(shutil.which("mpibench") == "/usr/bin/mpibench", shutil.which("mpibench"))
    finally:
        subprocess.run(["apt-get", "remove", "-y", "-qq", "mpibench"], capture_output=True, timeout=300)
    check(not os.path.exists("/usr/bin/mpibench"), "the package was not removed")
