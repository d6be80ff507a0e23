"""``python -m sagemaker_typed.quickstart`` runs end to end as a user would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sagemaker_typed._runtime.newer import hint

ROOT = Path(__file__).resolve().parent.parent
HINT = "the local quickstart needs moto: pip install 'sagemaker-typed[local]'"

# The title names the botocore release the rules come from and the ways out (see _runtime/newer.py).
INVALID_REQUEST = f"pydantic.ValidationError: 3 errors for CreateTrainingJobRequest ({hint()})"


def environment(pythonpath: tuple[Path, ...] = (), env: dict[str, str | None] | None = None) -> dict[str, str]:
    """This process's environment, ``env`` overriding it (None removes a variable), the checkout importable."""
    merged = {k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None}
    paths = [*map(str, pythonpath), str(ROOT), merged.get("PYTHONPATH", "")]
    merged["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return merged


def quickstart(
    *args: str, pythonpath: tuple[Path, ...] = (), env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the quickstart; ``env`` overrides the environment (None removes a variable)."""
    return subprocess.run(
        [sys.executable, "-m", "sagemaker_typed.quickstart", *args],
        cwd=ROOT,
        env=environment(pythonpath, env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_full_tour(stdout: str) -> None:
    lines = [line.strip() for line in stdout.splitlines()]
    # Deployed with resources; without a terminal the wait draws nothing.
    assert "endpoint quickstart is InService (variants: primary)" in lines
    assert not any("Endpoint 'quickstart':" in line for line in lines)
    # The endpoint invoked through the typed runtime client: moto answers what the quickstart configured.
    invoked = lines.index("2. Invoke the endpoint (endpoint.invoke(...), through sagemaker_typed.runtime)")
    assert lines[invoked + 1 : invoked + 3] == [
        "InvokeEndpointOutput: content_type=application/json, variant=primary",
        'body: {"predictions": [{"score": 0.92, "label": "churn"}]}',
    ]
    assert re.fullmatch(r"request id: [A-Za-z0-9]{20,}", lines[invoked + 3])
    # The first job watched with its logs, written to the local server's CloudWatch Logs by the quickstart.
    watched = lines.index("watching quickstart-xgboost-1 with its logs (.wait(logs=True)):")
    assert lines[watched + 1 : watched + 8] == [
        "(local server: the quickstart wrote these log lines itself; on AWS the training container does)",
        "Starting training: xgboost 1.7-1, 1 instance",
        "[0]#011train-logloss:0.6421",
        "[49]#011train-logloss:0.2117",
        "quickstart-xgboost-1: Completed on 1 x ml.m5.xlarge, eta=0.1",
        "quickstart-xgboost-2: Completed on 1 x ml.m5.xlarge, eta=0.2",
        "quickstart-xgboost-3: Completed on 1 x ml.m5.xlarge, eta=0.3",
    ]
    listed = lines.index("4. List training jobs (TrainingJob.get_all(...), 2 per page)")
    assert lines[listed + 1 : listed + 5] == [
        "quickstart-xgboost-1: Completed",
        "quickstart-xgboost-2: Completed",
        "quickstart-xgboost-3: Completed",
        "3 training jobs listed in 2 calls: one per page, no Describe per job",
    ]
    assert INVALID_REQUEST in lines
    assert "requests sent: 0" in lines
    assert any(line.startswith("errors.ValidationException (still a botocore ClientError): ") for line in lines)
    assert lines[-1] == "done"


def test_quickstart_with_embedded_moto() -> None:
    result = quickstart()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("sagemaker_typed quickstart against an embedded moto server at http://127.0.0.1:")
    assert_full_tour(result.stdout)


def test_quickstart_in_a_terminal_draws_the_status_line() -> None:
    """Run in a terminal (a pseudo-terminal here), each wait draws its live line, left at its last state."""
    import pty

    terminal, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "sagemaker_typed.quickstart"],
        cwd=ROOT,
        env=environment(env={"TERM": "xterm-256color", "COLUMNS": "120"}),
        stdin=child,
        stdout=child,
        stderr=child,
    )
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # EIO: the quickstart closed the terminal's other end
            break
        if not chunk:
            break
        output += chunk
    os.close(terminal)
    assert process.wait(timeout=120) == 0, output.decode(errors="replace")
    # What the screen keeps of each line: the text after its last carriage return, without control sequences.
    rows = [row.rstrip("\r").rsplit("\r", 1)[-1] for row in output.decode().split("\n")]
    lines = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", row).strip() for row in rows]
    assert "Endpoint 'quickstart': InService, 0:00:00" in lines
    drawn = lines.index("TrainingJob 'quickstart-xgboost-1': Completed (Completed), 0:00:00")
    assert lines[drawn - 3 : drawn] == [  # the job's logs printed above its line
        "Starting training: xgboost 1.7-1, 1 instance",
        "[0]#011train-logloss:0.6421",
        "[49]#011train-logloss:0.2117",
    ]
    assert [line for line in lines if line][-1] == "done"


@pytest.fixture
def moto_url() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
    # moto's state is per process, not per server: start from an empty one.
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST"), timeout=10).close()
    try:
        yield url
    finally:
        server.stop()


def test_quickstart_with_endpoint_url(moto_url: str) -> None:
    result = quickstart("--endpoint-url", moto_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"sagemaker_typed quickstart against the SageMaker server at {moto_url}\n")
    assert_full_tour(result.stdout)


def test_quickstart_against_aws_is_read_only(moto_url: str) -> None:
    """``--aws`` without ``--allow-writes`` (moto standing in for AWS) makes no create call."""
    # "Default credentials" from the environment only: fake keys, no profile, no config files.
    credentials: dict[str, str | None] = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": None,
        "AWS_PROFILE": None,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    result = quickstart("--aws", "--endpoint-url", moto_url, env=credentials)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"sagemaker_typed quickstart against AWS at {moto_url}\n")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "(read-only: steps 1 to 3 create and invoke resources and are skipped; pass --allow-writes)" in lines
    assert "(no training jobs)" in lines  # nothing was created on the server
    assert "0 training jobs listed in 1 call: one per page, no Describe per job" in lines
    assert not any(line.startswith(("created", "endpoint ", "watching", "InvokeEndpointOutput")) for line in lines)
    assert INVALID_REQUEST in lines
    assert any(line.startswith("errors.ValidationException") for line in lines)


def test_quickstart_without_moto(tmp_path: Path) -> None:
    blocker = tmp_path / "moto"  # shadows the installed moto, as if it were not installed
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('moto is not installed')\n")
    result = quickstart(pythonpath=(tmp_path,))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", HINT + "\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--profile", "dev"], "--profile needs --aws"),
        (["--aws", "--allow-writes"], "--allow-writes against AWS needs your own --role-arn"),
    ],
)
def test_quickstart_argument_errors(args: list[str], message: str) -> None:
    result = quickstart(*args)
    assert result.returncode == 2
    assert message in result.stderr
