#!/bin/sh
# Práctica 4 — colas de tareas: el patrón taskqueue de mpibench (directo y con un rango
# intermediario) junto a la aplicación Celery del curso, suma(a, b), con Redis como broker y
# almacén de resultados; la misma figura para las dos.
#   labs/04-colas-de-tareas/run.sh [--quick] [DIR]
. "$(dirname "$0")/../comun/lab.sh"
tasks=2000; samples=300; extra=""
if [ $quick = yes ]; then tasks=200; samples=30; extra="--samples 5 --max-time 0.05"; fi

say "mpibench taskqueue: 1 trabajador, directo (-n 2)"
mpiexec.mpich -n 2 "$mpich" taskqueue --sizes 8,1K --tasks $tasks -q -o "$out/taskqueue.csv" $extra
say "mpibench taskqueue con intermediario (--broker, -n 3: 3 rangos en 2 núcleos, sobresuscrito)"
mpiexec.mpich -n 3 "$mpich" taskqueue --sizes 8,1K --broker --tasks $tasks -q -o "$out/taskqueue-broker.csv" $extra
say "Celery: suma(4, 6) con Redis (servicio propio en un puerto libre, parado al final)"
$python "$lab/medir_celery.py" --tasks $tasks --samples $samples -o "$out/celery.csv"

say "figura"
$plot "$out/taskqueue.csv" "$out/taskqueue-broker.csv" "$out/celery.csv" \
  --title "Práctica 4: ida y vuelta de una tarea, mpibench taskqueue frente a Celery + Redis" -o "$out/figura.png"
echo "resultados en $out"
