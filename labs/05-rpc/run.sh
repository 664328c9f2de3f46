#!/bin/sh
# Práctica 5 — llamadas a procedimientos remotos: la ida y vuelta de una llamada RPyC,
# suma(4, 6), junto al mismo intercambio sobre MPI (el ping-pong de mpibench: una ida y
# vuelta son dos latencias de un sentido) y la tarea de mpibench taskqueue.
#   labs/05-rpc/run.sh [--quick] [DIR]
. "$(dirname "$0")/../comun/lab.sh"
samples=2000; extra=""
if [ $quick = yes ]; then samples=100; extra="--samples 5 --max-time 0.05"; fi

say "RPyC: suma(4, 6) en un servidor aparte, $samples llamadas"
$python "$lab/medir_rpyc.py" --samples $samples -o "$out/rpyc.csv"
say "MPI: ping-pong de 8 B y una tarea de 8 B (mpibench, -n 2)"
mpiexec.mpich -n 2 "$mpich" pingpong --sizes 8 -q -o "$out/pingpong.csv" $extra
mpiexec.mpich -n 2 "$mpich" taskqueue --sizes 8 -q -o "$out/taskqueue.csv" $extra

say "figura"
$plot "$out/rpyc.csv" "$out/pingpong.csv" "$out/taskqueue.csv" \
  --title "Práctica 5: una llamada RPyC frente a MPI (ping-pong: latencia de un sentido; tarea: ida y vuelta)" \
  -o "$out/figura.png"
echo "resultados en $out"
