#!/bin/sh
# Práctica 1 — punto a punto: ping-pong y ancho de banda con mpibench, el mismo ping-pong con
# mpi4py (pickle y búfer), el modelo α–β de cada uno y una figura con todo.
#   labs/01-punto-a-punto/run.sh [--quick] [DIR]
. "$(dirname "$0")/../comun/lab.sh"
launches=3; sizes=0:4M; max=4194304; samples=30; extra=""
if [ $quick = yes ]; then launches=1; sizes=0:64K; max=65536; samples=5; extra="--samples 5 --max-time 0.05"; fi

say "ping-pong: mpibench y mpi4py sobre Open MPI, alternados, $launches lanzamientos"
for i in $(seq 1 $launches); do
  mpiexec.openmpi $ompi_flags -n 2 "$openmpi" pingpong --sizes $sizes -q -o "$out/mpibench-$i.csv" $extra
  mpiexec.openmpi $ompi_flags -n 2 $python "$lab/pingpong_mpi4py.py" --max-bytes $max --samples $samples \
    -o "$out/mpi4py-$i.csv"
done
say "ancho de banda (ventana de 64 envíos) con mpibench"
mpiexec.openmpi $ompi_flags -n 2 "$openmpi" bandwidth --sizes $sizes -q -o "$out/bandwidth.csv" $extra

say "modelo α–β de cada uno"
"$openmpi" model "$out"/mpibench-*.csv -o "$out/modelo-mpibench.csv"
"$openmpi" model "$out"/mpi4py-*.csv -o "$out/modelo-mpi4py.csv"

say "figura"
$plot "$out"/mpibench-*.csv "$out"/mpi4py-*.csv --pool --model "$out/modelo-mpibench.csv" \
  --title "Práctica 1: ping-pong de mpibench y de mpi4py (Open MPI, -n 2), modelo de mpibench a trazos" \
  -o "$out/figura.png"
echo "resultados en $out"
