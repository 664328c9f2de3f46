"""Services a lab starts for itself (Redis, an RPyC server): a free port on 127.0.0.1, and a
stop by pid that does not hang."""

import signal
import socket
import subprocess


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process):
    """SIGTERM, then SIGKILL if it has not ended within 20 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
