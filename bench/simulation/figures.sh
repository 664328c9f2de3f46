#!/usr/bin/env bash
# The README's simulation figures ("Simulation (SimGrid SMPI)"), made on this 2-core machine:
#   1. bcast, reduce and allreduce at 8 B and 1 MiB, algorithms pinned, on 64 to 1024 simulated
#      ranks of the flat cluster, and at 4096 bcast (both sizes) and the reductions at 8 B (SMPI
#      computes every reduction for real: a 1 MiB allreduce over 4096 ranks is some 50 GB of
#      additions per operation, minutes of wall time each); bcast on the fat tree, 64 to 4096;
#      all against the cost models (scripts/simulate);
#   2. mpibench's own time between samples (between_us), in simulated time, against ranks;
#   3. the link map on 32 and 64 simulated hosts, one host's link slowed tenfold;
#   4. wall time and memory of an 8 B bcast on 64 to 4096 simulated ranks.
# Then figures.py draws them (simulation.png) and writes their tables (figures.md).
#
#   bench/simulation/figures.sh [OUT]      default OUT: bench/simulation/out
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/simulation/out}
ranks=64,256,1024,4096
mkdir -p "$out"

scripts/simulate --ranks 64,256,1024 -o "$out/cluster"
scripts/simulate --ranks 4096 --patterns bcast -o "$out/cluster-4096"
scripts/simulate --ranks 4096 --patterns reduce,allreduce --sizes 8 -o "$out/cluster-4096-8B"
scripts/simulate --ranks "$ranks" --patterns bcast --platform fat-tree -o "$out/fat-tree"

# Wall time and memory: the 8 B bcast alone, one run per size of the simulated machine. The
# resident set is the simulator's whole process (every simulated rank's stack, MPI state and
# mpibench's own tables): the payloads are SMPI-shared and 8 B anyway.
echo "ranks,wall_s,max_rss_kb" > "$out/wall.csv"
for n in ${ranks//,/ }; do
  seq -f "node-%.0f" 0 $((n - 1)) > "$out/hosts-$n.txt"
  /usr/bin/time -f "$n,%e,%M" -a -o "$out/wall.csv" smpirun -np "$n" -platform "platforms/cluster-$n.xml" \
    -hostfile "$out/hosts-$n.txt" \
    -no-privatize --cfg=smpi/bcast:binomial_tree build-smpi/mpibench bcast --sizes 8 -q -o "$out/wall-bcast-$n.csv" \
    2> /dev/null
done

# The link map: every pair of hosts, a round's pairs at once (a non-blocking backbone: no
# contention), host 17's link at a tenth of the others'.
echo "hosts,wall_s,max_rss_kb" > "$out/linkmap-wall.csv"
for n in 32 64; do
  bench/simulation/slowed_platform.py "$n" 17 > "$out/slowed-$n.xml"
  seq -f "node-%.0f" 0 $((n - 1)) > "$out/hosts-$n.txt"
  /usr/bin/time -f "$n,%e,%M" -a -o "$out/linkmap-wall.csv" smpirun -np "$n" -platform "$out/slowed-$n.xml" \
    -hostfile "$out/hosts-$n.txt" \
    -no-privatize build-smpi/mpibench linkmap --concurrency all -q -o "$out/linkmap-$n.csv" 2> /dev/null
done

/usr/bin/python3 bench/simulation/figures.py "$out"
