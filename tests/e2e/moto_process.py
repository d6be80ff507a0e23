"""One moto server in a process of its own, driven by ``conftest.MotoServer`` over stdin/stdout.

Why a process each: moto keeps every backend in module-level state, so two
``ThreadedMotoServer`` instances in one process serve the very same account (an experiment
created through one is listed by the other). Started in two processes, they are independent.

Protocol: once listening, print the port; answer every line read from stdin with the number
of HTTP requests served so far (counted from werkzeug's request log, which writes one INFO
record per request served); stop the server at end of input.
"""

from __future__ import annotations

import logging
import sys

from moto.server import ThreadedMotoServer


class RequestLog(logging.Handler):
    """Counts the request lines of werkzeug's log (``handle`` holds the handler lock)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.served = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.INFO:
            self.served += 1


def main() -> None:
    requests = RequestLog()
    werkzeug = logging.getLogger("werkzeug")
    werkzeug.setLevel(logging.INFO)
    werkzeug.addHandler(requests)
    werkzeug.addHandler(logging.StreamHandler(sys.stderr))  # the server log, kept by conftest

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    print(server.get_host_and_port()[1], flush=True)
    for _ in sys.stdin:
        print(requests.served, flush=True)
    server.stop()


if __name__ == "__main__":
    main()
