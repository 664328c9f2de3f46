# Sourced by each lab's run.sh: where things are, how to launch, and --quick.
#   run.sh [--quick] [DIR]   DIR: where the results go (default: a dated directory here)
# --quick runs each command with small counts (the tests do); without it, the figures.
set -eu
quick=no
if [ "${1:-}" = "--quick" ]; then quick=yes; shift; fi
lab=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$lab/../.." && pwd)
out=${1:-$lab/resultados-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$out"
python=/usr/bin/python3
plot="$root/plots/mpibench-plot"
mpich="$root/build/mpibench"
openmpi="$root/build-openmpi/mpibench"
# Open MPI refuses root unless told; these machines run labs as root.
ompi_flags=""
[ "$(id -u)" = 0 ] && ompi_flags="--allow-run-as-root"
for needed in "$mpich" "$openmpi"; do
  [ -x "$needed" ] || { echo "lab: $needed is missing: run scripts/setup both first" >&2; exit 2; }
done
say() { printf '\n== %s\n' "$*"; }
