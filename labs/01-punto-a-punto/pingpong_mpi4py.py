#!/usr/bin/python3
"""Ping-pong con mpi4py entre los rangos 0 y 1, en dos variantes, escrito en el esquema CSV
de mpibench (mismas columnas, mismas estadísticas):

  pickle  comm.send / comm.recv de un objeto bytes: mpi4py lo serializa con pickle
  buffer  comm.Send / comm.Recv de un bytearray: el búfer va tal cual, como en C

Cada muestra es la media de un lote de idas y vueltas (al menos ~100 µs de lote, como
mpibench); la latencia de un sentido es la mitad de la ida y vuelta.

    mpiexec.openmpi -n 2 /usr/bin/python3 pingpong_mpi4py.py -o mpi4py.csv [--max-bytes 4194304] [--samples 30]
"""

import argparse
import os
import sys
import time

from mpi4py import MPI

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "comun"))
import filas  # noqa: E402


def sizes(max_bytes):
    size = 0
    while size <= max_bytes:
        yield size
        size = 1 if size == 0 else size * 2


def round_trips(comm, rank, mode, payload, buffer, count):
    peer = 1 - rank
    for _ in range(count):
        if mode == "pickle":
            if rank == 0:
                comm.send(payload, dest=peer)
                comm.recv(source=peer)
            else:
                comm.send(comm.recv(source=peer), dest=peer)
        else:
            if rank == 0:
                comm.Send([payload, MPI.BYTE], dest=peer)
                comm.Recv([buffer, MPI.BYTE], source=peer)
            else:
                comm.Recv([buffer, MPI.BYTE], source=peer)
                comm.Send([payload, MPI.BYTE], dest=peer)


def measure(comm, rank, mode, size, samples):
    payload = bytes(size) if mode == "pickle" else bytearray(size)
    buffer = bytearray(size)
    # Batch size: enough round trips for ~100 µs, decided by rank 0 and shared.
    batch = 1
    while True:
        comm.Barrier()
        start = time.perf_counter()
        round_trips(comm, rank, mode, payload, buffer, batch)
        enough = comm.bcast(time.perf_counter() - start >= 100e-6 or batch >= 4096, root=0)
        if enough:
            break
        batch *= 2
    times = []
    for _ in range(samples):
        comm.Barrier()
        start = time.perf_counter()
        round_trips(comm, rank, mode, payload, buffer, batch)
        times.append((time.perf_counter() - start) / batch / 2 * 1e6)  # one way, µs
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--max-bytes", type=int, default=4 * 1024 * 1024)
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    comm = MPI.COMM_WORLD
    rank = comm.Get_rank()
    if comm.Get_size() != 2:
        if rank == 0:
            print("pingpong_mpi4py: error: run it with exactly 2 ranks (-n 2)", file=sys.stderr)
        return 2
    rows = []
    for mode in ("pickle", "buffer"):
        for size in sizes(args.max_bytes):
            times = measure(comm, rank, mode, size, args.samples)
            if rank == 0:
                row = {"pattern": "pingpong-mpi4py", "ranks": 2, "variant": mode, "bytes": size, **filas.summary(times)}
                if size > 0:
                    row["bandwidth_mb_s"] = size / row["median_us"]
                rows.append(row)
    if rank == 0:
        filas.write(args.output, rows, [("mpi_library", MPI.Get_library_version().splitlines()[0].strip()),
                                        ("python", sys.version.split()[0]),
                                        ("mpi4py", __import__("mpi4py").__version__)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
