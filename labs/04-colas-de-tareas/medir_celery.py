#!/usr/bin/python3
"""Mide la aplicación Celery del curso con Redis como broker y almacén de resultados.

Arranca un redis-server propio (puerto libre, directorio temporal, sin persistencia) y un
trabajador de Celery (un proceso, --pool solo), y los para por su pid al terminar, pase lo
que pase. Mide:
  - la ida y vuelta de una tarea: suma.delay(4, 6).get(), una tras otra;
  - el rendimiento: N tareas enviadas de golpe y luego recogidas (tareas por segundo).
Escribe filas en el esquema CSV de mpibench (pattern "celery", variant "redis").

    medir_celery.py -o celery.csv [--tasks 200] [--samples 30]
"""

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "comun"))
import filas  # noqa: E402
from servicios import free_port, stop  # noqa: E402


def wait_for_redis(port, redis_process, limit_s=30):
    """Until Redis answers PING: the server says when it is ready, by answering."""
    import redis
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    deadline = time.monotonic() + limit_s
    while True:
        if redis_process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {redis_process.returncode}")
        try:
            if client.ping():
                return
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not answer within 30 s")
            # the connection attempt itself blocks up to 1 s; no fixed sleep


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--tasks", type=int, default=1000, help="tareas de la medida de rendimiento")
    parser.add_argument("--samples", type=int, default=200, help="idas y vueltas medidas una a una")
    args = parser.parse_args()
    started = []
    with tempfile.TemporaryDirectory(prefix="lab-celery-") as tmp:
        try:
            port = free_port()
            redis_process = subprocess.Popen(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", tmp, "--save", "",
                 "--appendonly", "no", "--daemonize", "no", "--logfile", os.path.join(tmp, "redis.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started.append(redis_process)
            wait_for_redis(port, redis_process)
            env = dict(os.environ, LAB_REDIS_URL=f"redis://127.0.0.1:{port}/0", PYTHONPATH=HERE)
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "tareas", "worker", "--pool", "prefork", "--concurrency", "1",
                 "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "WARNING",
                 "--logfile", os.path.join(tmp, "worker.log")],
                cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started.append(worker)
            os.environ["LAB_REDIS_URL"] = env["LAB_REDIS_URL"]
            sys.path.insert(0, HERE)
            from tareas import suma  # noqa: E402  (reads LAB_REDIS_URL)
            # The first task's answer is the sign that the worker is up.
            if suma.delay(4, 6).get(timeout=120) != 10:
                raise RuntimeError("suma(4, 6) did not return 10")
            for _ in range(10):  # warm-up
                suma.delay(4, 6).get(timeout=60)
            times = []
            for _ in range(args.samples):
                start = time.perf_counter()
                result = suma.delay(4, 6).get(timeout=60)
                times.append((time.perf_counter() - start) * 1e6)
                if result != 10:
                    raise RuntimeError(f"suma(4, 6) returned {result}")
            start = time.perf_counter()
            pending = [suma.delay(i, i) for i in range(args.tasks)]
            results = [p.get(timeout=300) for p in pending]
            elapsed = time.perf_counter() - start
            if results != [2 * i for i in range(args.tasks)]:
                raise RuntimeError("a batch task returned a wrong sum")
            # The results let go of the backend while it is still there (their destructors
            # talk to Redis).
            del pending
            gc.collect()
            import celery
            row = {"pattern": "celery", "ranks": 2, "variant": "redis", "bytes": 8, **filas.summary(times),
                   "tasks_per_s": args.tasks / elapsed}
            filas.write(args.output, [row], [("celery", celery.__version__),
                                             ("broker", "redis-server on 127.0.0.1, private port, no persistence"),
                                             ("worker", "one worker process (prefork pool, concurrency 1), prefetch 1"),
                                             ("python", sys.version.split()[0])])
        finally:
            for process in reversed(started):
                stop(process)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"medir_celery: error: {e}", file=sys.stderr)
        sys.exit(1)
    except (FileNotFoundError, ImportError) as e:
        print(f"medir_celery: error: {e} (scripts/setup both installs redis-server, python3-celery and "
              "python3-redis)", file=sys.stderr)
        sys.exit(1)
