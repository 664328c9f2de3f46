#!/bin/sh
# Práctica 3 — dispersión, recolección y reducción: scatter y gather (lo que mueve la raíz,
# root_bytes), reduce con distintas operaciones y tipos, el coste de la operación sola (γ,
# con reduce_local) y la predicción del modelo frente a lo medido.
#   labs/03-dispersion-recoleccion-reduccion/run.sh [--quick] [DIR]
. "$(dirname "$0")/../comun/lab.sh"
sizes=8:1M; extra=""
if [ $quick = yes ]; then sizes=8:16K; extra="--samples 5 --max-time 0.05"; fi
export MPIR_CVAR_SCATTER_INTRA_ALGORITHM=binomial MPIR_CVAR_GATHER_INTRA_ALGORITHM=binomial \
  MPIR_CVAR_REDUCE_INTRA_ALGORITHM=binomial MPIR_CVAR_ALLREDUCE_INTRA_ALGORITHM=recursive_doubling

say "ping-pong para el modelo"
mpiexec.mpich -n 2 "$mpich" pingpong --sizes $sizes -q -o "$out/pingpong.csv" $extra
say "scatter y gather (algoritmo binomial fijado)"
mpiexec.mpich -n 2 "$mpich" scatter --sizes $sizes -q -o "$out/scatter.csv" $extra
mpiexec.mpich -n 2 "$mpich" gather --sizes $sizes -q -o "$out/gather.csv" $extra
say "reduce y allreduce: suma de float y máximo de double"
mpiexec.mpich -n 2 "$mpich" reduce --sizes $sizes --op sum --type float -q -o "$out/reduce-sum-float.csv" $extra
mpiexec.mpich -n 2 "$mpich" reduce --sizes $sizes --op max --type double -q -o "$out/reduce-max-double.csv" $extra
mpiexec.mpich -n 2 "$mpich" allreduce --sizes $sizes --op sum --type float -q -o "$out/allreduce.csv" $extra
say "γ: la operación sola (MPI_Reduce_local)"
mpiexec.mpich -n 2 "$mpich" reduce_local --sizes $sizes --op sum --type float -q -o "$out/gamma-sum-float.csv" $extra
mpiexec.mpich -n 2 "$mpich" reduce_local --sizes $sizes --op max --type double -q -o "$out/gamma-max-double.csv" $extra
say "modelo y predicción"
"$mpich" model "$out/pingpong.csv" "$out"/gamma-*.csv --predict "$out/scatter.csv" "$out/gather.csv" \
  "$out"/reduce-*.csv "$out/allreduce.csv" -o "$out/prediccion.csv"
say "figuras"
$plot "$out/prediccion.csv" --title "Práctica 3: dispersión, recolección y reducción a 2 rangos, medido y predicho" \
  -o "$out/figura.png"
$plot "$out/scatter.csv" "$out/gather.csv" "$out"/reduce-*.csv "$out"/gamma-*.csv \
  --title "Práctica 3: tiempos medidos (reduce_local: la operación sola)" -o "$out/medidas.png"
echo "resultados en $out"
