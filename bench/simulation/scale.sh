#!/usr/bin/env bash
# The simulation at scale (docs/simulation.md, "At scale"), on this 2-core machine:
#   1. the 8 B binomial bcast on 64 to 16 384 simulated ranks of the flat cluster (with it,
#      mpibench's own time between samples, between_us, against the ranks), and a 2-rank
#      pingpong on the same platform for the point-to-point model;
#   2. the binomial reduce and recursive-doubling allreduce at 16 384, then every collective
#      of steps 1 and 2 against its cost model (OUT/predictions.csv);
#   3. the 8 B binomial bcast on 65 536 ranks.
# A simulated rank takes four memory mappings (its stack, the guard page SimGrid puts below
# it, and SMPI's shared payloads), two without the guard page: 16 384 ranks fit Linux's
# default vm.max_map_count (65 530) only with contexts/guard-size:0, which the metadata
# records, and 65 536 ranks need the limit raised (as root: sysctl -w
# vm.max_map_count=263144; step 3 says so and stops when it is lower).
#   4. the link map on 256 simulated hosts, `--concurrency all`, node-17's link at a tenth
#      (bench/simulation/slowed_platform.py).
# Every run (the pingpong the models are fitted on included) sends nothing detached
# (smpi/send-is-detached-thresh:0): SimGrid 3.32 removes each finished detached send from a
# list per rank by a linear search, and those lists grow with the ranks: the 8 B bcast at
# 8192 ranks took 73 s with SMPI's default (65 536 B) and 38 s without; an allreduce's
# set-up at 16 384 ranks had not ended after 15 minutes. The metadata records the setting.
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
  local hosts
  hosts=$(mktemp)
  seq -f "node-%.0f" 0 $((n - 1)) > "$hosts"
  echo "== $name on $n ranks" >&2
  MPIBENCH_PLATFORM=$file /usr/bin/time -f "$name,$n,%e,%M" -a -o "$out/wall.csv" \
    smpirun -np "$n" -platform "$file" -hostfile "$hosts" -no-privatize --cfg=smpi/send-is-detached-thresh:0 "$@" \
    2> "$out/$name-$n.log" || { tail -3 "$out/$name-$n.log" >&2; rm -f "$hosts"; exit 1; }
  rm -f "$hosts" "$out/$name-$n.log"
  tail -1 "$out/wall.csv" >&2
}

if [[ $steps == *1* ]]; then
  run pingpong 2 platforms/cluster-64.xml build-smpi/mpibench pingpong --sizes 1:4M -q -o "$out/pingpong.csv"
  for n in 64 256 1024 4096 16384; do
    run bcast "$n" "platforms/cluster-$n.xml" --cfg=contexts/guard-size:0 --cfg=smpi/bcast:binomial_tree \
      build-smpi/mpibench bcast --sizes 8 -q -o "$out/bcast-binomial_tree-$n.csv"
  done
fi
if [[ $steps == *2* ]]; then
  # The harness's own broadcasts pinned too: SMPI's default selection reaches MVAPICH2's
  # node-aware bcast, whose set-up is a ring allgather over every rank (p² messages).
  run reduce 16384 platforms/cluster-16384.xml --cfg=contexts/guard-size:0 --cfg=smpi/reduce:binomial \
    --cfg=smpi/bcast:binomial_tree \
    build-smpi/mpibench reduce --sizes 8 -q -o "$out/reduce-binomial-16384.csv"
  run allreduce 16384 platforms/cluster-16384.xml --cfg=contexts/guard-size:0 --cfg=smpi/allreduce:rdb \
    --cfg=smpi/bcast:binomial_tree \
    build-smpi/mpibench allreduce --sizes 8 -q -o "$out/allreduce-rdb-16384.csv"
  build/mpibench model "$out/pingpong.csv" --predict "$out"/bcast-*.csv "$out"/reduce-*.csv \
    "$out"/allreduce-*.csv -o "$out/predictions.csv"
fi
if [[ $steps == *3* ]]; then
  limit=$(cat /proc/sys/vm/max_map_count)
  if ((limit < 2 * 65536 + 1000)); then
    echo "scale.sh: 65 536 ranks need vm.max_map_count of at least $((2 * 65536 + 1000)), it is $limit (sysctl -w vm.max_map_count=263144)" >&2
    exit 1
  fi
  run bcast 65536 platforms/cluster-65536.xml --cfg=contexts/guard-size:0 --cfg=smpi/bcast:binomial_tree \
    build-smpi/mpibench bcast --sizes 8 -q -o "$out/bcast-binomial_tree-65536.csv"
fi
if [[ $steps == *4* ]]; then
  bench/simulation/slowed_platform.py 256 17 > "$out/slowed-256.xml"
  run linkmap 256 "$out/slowed-256.xml" build-smpi/mpibench linkmap --concurrency all -q -o "$out/linkmap-256.csv"
  # The CSV is 33 MB (163 200 rows): its metadata and verdicts are what the figures quote.
  grep "^#" "$out/linkmap-256.csv" > "$out/linkmap-256-notes.txt"
  rm -f "$out/linkmap-256.csv" "$out/slowed-256.xml"
  grep "verdict" "$out/linkmap-256-notes.txt" | cut -c1-300 >&2
fi
