"""End-to-end fixtures: two independent moto servers over real HTTP on loopback.

Server A is called through the typed ``SageMakerClient`` (``sm_a``), server B through raw
boto3 (``boto3_b``); ``mirror`` makes each call on both and compares (see ``mirror.py``).
Both servers live for the whole session and only ever receive the same calls in the same
order, so their states match whatever tests run or in what order.

Each server is a ``ThreadedMotoServer`` on port 0 in a child process of its own (see
``moto_process.py`` for why one process would not do); its log is kept under pytest's
temporary directory. ``requests_to_a`` counts the requests that leave the typed client and
the requests server A serves, so a test can prove that an invalid request never got there.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import botocore.config
import pytest

pytest.register_assert_rewrite("tests.e2e.mirror")

from sagemaker_typed import SageMakerClient  # noqa: E402

from .mirror import Mirror  # noqa: E402

REGION = "us-east-1"
MOTO_PROCESS = Path(__file__).with_name("moto_process.py")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: end-to-end tests against moto servers over HTTP on loopback")


class MotoServer:
    """A ``ThreadedMotoServer`` (port 0) in a child process, stopped by closing its stdin."""

    def __init__(self, name: str, log: Path) -> None:
        self.name = name
        self.log = log
        self._log = log.open("w")
        self._process = subprocess.Popen(
            [sys.executable, str(MOTO_PROCESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        self.port = 0

    def wait_ready(self) -> None:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"moto server {self.name} did not start; see {self.log}")
        self.port = int(line)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def requests_served(self) -> int:
        """How many HTTP requests this server has served so far."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write("count\n")
        self._process.stdin.flush()
        return int(self._process.stdout.readline())

    def request_stop(self) -> None:
        """Close the child's stdin: it stops its server and exits."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()

    def stop(self) -> None:
        self.request_stop()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()


def boto3_client(url: str, service: str = "sagemaker", **config: Any) -> Any:
    """A boto3 client of a service of the family for a moto server: fake credentials, no retries."""
    return boto3.client(
        service,
        region_name=REGION,
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        # One attempt: an operation moto lacks fails at once (HTTP 500) instead of retrying.
        config=botocore.config.Config(retries={"total_max_attempts": 1}, **config),
    )


@pytest.fixture(scope="session")
def moto_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[MotoServer, MotoServer]]:
    logs = tmp_path_factory.mktemp("moto")
    servers = (MotoServer("A", logs / "server-a.log"), MotoServer("B", logs / "server-b.log"))
    try:
        for server in servers:  # both processes start at once; wait for each in turn
            server.wait_ready()
        yield servers
    finally:
        for server in servers:  # both shut down at once
            server.request_stop()
        for server in servers:
            server.stop()


@pytest.fixture(scope="session")
def server_a(moto_servers: tuple[MotoServer, MotoServer]) -> MotoServer:
    return moto_servers[0]


@pytest.fixture(scope="session")
def server_b(moto_servers: tuple[MotoServer, MotoServer]) -> MotoServer:
    return moto_servers[1]


@pytest.fixture(scope="session")
def sm_a(server_a: MotoServer) -> SageMakerClient:
    """The typed client over server A.

    botocore's own parameter validation is off, as in the client the SDK makes by default:
    whatever keeps an invalid request from server A is the SDK's validation.
    """
    return SageMakerClient(boto3_client(server_a.url, parameter_validation=False))


@pytest.fixture(scope="session")
def boto3_b(server_b: MotoServer) -> Any:
    """Raw boto3 over server B (botocore's parameter validation on, as by default)."""
    return boto3_client(server_b.url)


class RequestCounter:
    """Requests sent by the typed client (botocore ``before-send``) and served by server A."""

    def __init__(self, sm: SageMakerClient, server: MotoServer) -> None:
        self.sent = 0
        self.server = server
        sm.client.meta.events.register("before-send.sagemaker", self._count)

    def _count(self, **_: Any) -> None:
        self.sent += 1  # returning None lets the request go on

    def served(self) -> int:
        return self.server.requests_served()

    @contextlib.contextmanager
    def none(self) -> Iterator[None]:
        """Assert that nothing inside the block sends a request or reaches server A."""
        sent, served = self.sent, self.served()
        try:
            yield
        finally:
            assert (self.sent, self.served()) == (sent, served), "a request reached server A"


@pytest.fixture(scope="session")
def requests_to_a(sm_a: SageMakerClient, server_a: MotoServer) -> RequestCounter:
    return RequestCounter(sm_a, server_a)


@pytest.fixture(scope="session")
def mirror(sm_a: SageMakerClient, boto3_b: Any) -> Mirror:
    return Mirror(sm_a, boto3_b)
