#!/bin/sh
# Práctica 2 — difusión: MPI_Bcast según el tamaño con dos algoritmos de MPICH fijados
# (binomial y scatter + allgather en anillo), el modelo α–β del ping-pong y la predicción de
# cada algoritmo frente a lo medido. En esta máquina de 2 núcleos sólo a 2 rangos; contra el
# número de rangos, en simulación (issue 14).
#   labs/02-difusion/run.sh [--quick] [DIR]
. "$(dirname "$0")/../comun/lab.sh"
launches=3; sizes=0:4M; extra=""
if [ $quick = yes ]; then launches=1; sizes=8:64K; extra="--samples 5 --max-time 0.05"; fi

say "ping-pong para el modelo, $launches lanzamientos"
for i in $(seq 1 $launches); do
  mpiexec.mpich -n 2 "$mpich" pingpong --sizes $sizes -q -o "$out/pingpong-$i.csv" $extra
done
for algorithm in binomial scatter_ring_allgather; do
  say "bcast con MPIR_CVAR_BCAST_INTRA_ALGORITHM=$algorithm"
  MPIR_CVAR_BCAST_INTRA_ALGORITHM=$algorithm mpiexec.mpich -n 2 "$mpich" bcast --sizes $sizes -q \
    -o "$out/bcast-$algorithm.csv" $extra
done
say "modelo y predicción"
"$mpich" model "$out"/pingpong-*.csv --predict "$out"/bcast-*.csv -o "$out/prediccion.csv"
say "figura"
$plot "$out/prediccion.csv" --title "Práctica 2: MPI_Bcast a 2 rangos, medido (puntos) y predicho (líneas)" \
  -o "$out/figura.png"
echo "resultados en $out"
