# Sourced by each lab's run.sh: where things are, how to launch, and --quick.
#   run.sh [--quick] [DIR]   DIR: where the results go (default: a dated directory here)
# --quick runs each command with small counts (the tests do); without it, the figures.
set -eu
quick=no
out=""
lab=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$lab/../.." && pwd)
fail() { echo "lab: error: $*" >&2; exit 2; }
# Everything checked before anything is measured: an option it does not know, a second
# directory, a directory that cannot be written.
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=yes ;;
    -h|--help)
      echo "usage: $0 [--quick] [DIR]   (DIR: where the results go; default: a dated directory in the lab)"
      exit 0 ;;
    -*) fail "unknown option '$1' (see --help)" ;;
    *) [ -z "$out" ] || fail "one directory at most: '$out' and '$1'"; out=$1 ;;
  esac
  shift
done
out=${out:-$lab/resultados-$(date -u +%Y%m%d-%H%M%S)}
[ ! -e "$out" ] || [ -d "$out" ] || fail "'$out' exists and is not a directory"
mkdir -p "$out" 2> /dev/null && probe=$(mktemp -p "$out" .writable.XXXXXX 2> /dev/null) && rm -f "$probe" ||
  fail "'$out' cannot be written (read-only, or no permission)"
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
