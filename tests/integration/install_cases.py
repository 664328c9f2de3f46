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


@case("install")
def installed_from_a_scratch_prefix(ctx):
    build = os.path.dirname(ctx.binary)
    prefix = ctx.path("prefix")
    run(["cmake", "--install", build, "--prefix", prefix])
    for path in ("bin/mpibench", "bin/mpibench-plot", "share/mpibench/plots/plot.py",
                 "share/mpibench/plots/mpibench_csv.py", "share/mpibench/plots/linkmap_heatmap.py", "share/mpibench/plots/model_lines.py",
                 "share/doc/mpibench/README.md", "share/doc/mpibench/LICENSE"):
        check(os.path.exists(os.path.join(prefix, path)), f"{path} not installed")
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
