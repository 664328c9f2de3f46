#!/usr/bin/env bash
# The simulation at scale (docs/simulation.md, "At scale"), on this 2-core machine:
#   1. the 8 B binomial bcast on 64 to 16 384 simulated ranks of the flat cluster, and the
#      binomial reduce and recursive-doubling allreduce at 16 384, each against its cost model
#      (a 2-rank pingpong on the same platform gives the point-to-point model);
#   2. mpibench's own time between samples (between_us) against the ranks, from the same rows;
#   3. the 8 B binomial bcast on 65 536 ranks (SimGrid's guard page per rank stack would make
#      two memory mappings per rank, more than Linux's default vm.max_map_count of 65 530
#      allows: contexts/guard-size:0, which the run's metadata records);
#   4. the link map on 256 simulated hosts, `--concurrency all`, node-17's link at a tenth
#      (bench/simulation/slowed_platform.py).
# Each run's wall time and peak resident memory go to OUT/wall.csv; the predictions to
# OUT/predictions.csv. Nothing else may run beside it: the wall times are the figures.
#
#   bench/simulation/scale.sh [OUT] [STEPS]   default OUT: bench/simulation/out/scale,
#                                             STEPS: any of 1234 (default all)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-bench/simulation/out/scale}
steps=${2:-1234}
mkdir -p "$out"
[ -f "$out/wall.csv" ] || echo "run,ranks,wall_s,max_rss_kb" > "$out/wall.csv"

run() {  # name ranks platform-file smpirun-and-mpibench-arguments...
  local name=$1 n=$2 file=$3
  shift 3
  seq -f "node-%.0f" 0 $((n - 1)) > "$out/hosts-$n.txt"
  echo "== $name on $n ranks" >&2
  MPIBENCH_PLATFORM=$file /usr/bin/time -f "$name,$n,%e,%M" -a -o "$out/wall.csv" \
    smpirun -np "$n" -platform "$file" -hostfile "$out/hosts-$n.txt" -no-privatize "$@" \
    2> "$out/$name-$n.log"
  tail -1 "$out/wall.csv" >&2
}

if [[ $steps == *1* ]]; then
  run pingpong 2 platforms/cluster-64.xml build-smpi/mpibench pingpong --sizes 1:4M -q -o "$out/pingpong.csv"
  for n in 64 256 1024 4096 16384; do
    run bcast "$n" "platforms/cluster-$n.xml" --cfg=smpi/bcast:binomial_tree \
      build-smpi/mpibench bcast --sizes 8 -q -o "$out/bcast-binomial_tree-$n.csv"
  done
  run reduce 16384 platforms/cluster-16384.xml --cfg=smpi/reduce:binomial \
    build-smpi/mpibench reduce --sizes 8 -q -o "$out/reduce-binomial-16384.csv"
  run allreduce 16384 platforms/cluster-16384.xml --cfg=smpi/allreduce:rdb \
    build-smpi/mpibench allreduce --sizes 8 -q -o "$out/allreduce-rdb-16384.csv"
  build/mpibench model "$out/pingpong.csv" --predict "$out"/bcast-*.csv "$out"/reduce-*.csv \
    "$out"/allreduce-*.csv -o "$out/predictions.csv"
fi
if [[ $steps == *3* ]]; then
  run bcast 65536 platforms/cluster-65536.xml --cfg=contexts/guard-size:0 --cfg=smpi/bcast:binomial_tree \
    build-smpi/mpibench bcast --sizes 8 -q -o "$out/bcast-binomial_tree-65536.csv"
fi
if [[ $steps == *4* ]]; then
  bench/simulation/slowed_platform.py 256 17 > "$out/slowed-256.xml"
  run linkmap 256 "$out/slowed-256.xml" build-smpi/mpibench linkmap --concurrency all -q -o "$out/linkmap-256.csv"
  grep "verdict" "$out/linkmap-256.csv" >&2 || true
fi
