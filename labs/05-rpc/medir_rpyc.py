#!/usr/bin/python3
"""Ida y vuelta de una llamada RPyC: un servidor con `suma(a, b)` (un proceso aparte, en un
puerto libre de 127.0.0.1, parado por su pid al terminar) y un cliente que llama
conn.root.suma(4, 6) una y otra vez. Filas en el esquema CSV de mpibench (pattern
"rpc-rpyc"), para ponerlas junto al ping-pong de MPI.

    medir_rpyc.py -o rpyc.csv [--samples 2000]
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "comun"))
import filas  # noqa: E402
from servicios import free_port, stop  # noqa: E402

SERVER = """
import sys
import rpyc
from rpyc.utils.server import ThreadedServer

class Suma(rpyc.Service):
    def exposed_suma(self, a, b):
        return a + b

server = ThreadedServer(Suma, hostname="127.0.0.1", port=int(sys.argv[1]))
# The constructor binds; only _listen() listens. "ready" before it let the client's connect be
# refused now and then. start() listens no second time.
server._listen()
print("ready", flush=True)
server.start()
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--samples", type=int, default=2000)
    args = parser.parse_args()
    import rpyc
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], stdout=subprocess.PIPE, text=True)
    try:
        # The server says when it listens.
        if server.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the RPyC server did not start (exit {server.poll()})")
        conn = rpyc.connect("127.0.0.1", port)
        if conn.root.suma(4, 6) != 10:
            raise RuntimeError("suma(4, 6) did not return 10")
        for _ in range(100):  # warm-up
            conn.root.suma(4, 6)
        times = []
        for _ in range(args.samples):
            start = time.perf_counter()
            conn.root.suma(4, 6)
            times.append((time.perf_counter() - start) * 1e6)
        conn.close()
        row = {"pattern": "rpc-rpyc", "ranks": 2, "variant": "suma", "bytes": 8, **filas.summary(times)}
        filas.write(args.output, [row], [("rpyc", rpyc.__version__), ("python", sys.version.split()[0]),
                                         ("server", "ThreadedServer on 127.0.0.1, a process of its own")])
    finally:
        stop(server)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"medir_rpyc: error: {e}", file=sys.stderr)
        sys.exit(1)
    except ImportError as e:
        print(f"medir_rpyc: error: {e} (scripts/setup both installs python3-rpyc)", file=sys.stderr)
        sys.exit(1)
