/* The reference mpibench's ping-pong is held to: the plainest correct MPI ping-pong, timed
 * the way osu_latency times it (warm-up, one barrier, separate send and receive buffers
 * written before use, no clock read inside the loop of operations).
 *
 * The loop is cut into REPS equal repetitions with one clock read between them, so the
 * program can report both estimators in use: the mean over all iterations (OSU's number)
 * and the median of the repetitions' means (mpibench's). Comparing mean with median would
 * measure the estimators, not the harness: on a noisy machine they differ by several percent.
 *
 *   mpiexec -n 2 minimal_pingpong SIZE [SIZE ...]
 * prints "SIZE MEAN_ONE_WAY_US MEDIAN_ONE_WAY_US" per size on rank 0. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REPS = 100 };

static int by_value(const void* a, const void* b) {
  const double x = *(const double*)a;
  const double y = *(const double*)b;
  return (x > y) - (x < y);
}

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  for (int a = 1; a < argc; ++a) {
    const int bytes = atoi(argv[a]);
    const int iterations = bytes <= 8192 ? 10000 : 1000;
    const int per_rep = iterations / REPS;
    const int warmup = bytes <= 8192 ? 1000 : 100;
    const size_t reserved = ((bytes > 0 ? (size_t)bytes : 1) + 4095) / 4096 * 4096;
    char* send = aligned_alloc(4096, reserved);
    char* recv = aligned_alloc(4096, reserved);
    memset(send, 1, reserved);
    memset(recv, 0, reserved);
    double marks[REPS + 1];
    for (int i = 0; i < warmup + iterations; ++i) {
      if (i == warmup) MPI_Barrier(MPI_COMM_WORLD);
      if (i >= warmup && (i - warmup) % per_rep == 0) marks[(i - warmup) / per_rep] = MPI_Wtime();
      if (rank == 0) {
        MPI_Send(send, bytes, MPI_BYTE, 1, 1, MPI_COMM_WORLD);
        MPI_Recv(recv, bytes, MPI_BYTE, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      } else if (rank == 1) {
        MPI_Recv(recv, bytes, MPI_BYTE, 0, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(send, bytes, MPI_BYTE, 0, 1, MPI_COMM_WORLD);
      }
    }
    marks[REPS] = MPI_Wtime();
    double rep_us[REPS];
    for (int r = 0; r < REPS; ++r) rep_us[r] = (marks[r + 1] - marks[r]) / (2.0 * per_rep) * 1e6;
    qsort(rep_us, REPS, sizeof(double), by_value);
    const double mean_us = (marks[REPS] - marks[0]) / (2.0 * iterations) * 1e6;
    const double median_us = (rep_us[REPS / 2 - 1] + rep_us[REPS / 2]) / 2;
    if (rank == 0) printf("%d %.6f %.6f\n", bytes, mean_us, median_us);
    free(send);
    free(recv);
  }
  MPI_Finalize();
  return 0;
}
