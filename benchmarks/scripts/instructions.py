"""Instructions per typed call, counted by valgrind: exact where wall time on a shared machine is not.

    python benchmarks/scripts/instructions.py [describe|create ...]

For each call it runs this script twice under ``valgrind --tool=callgrind`` in child processes:
once making the call N times and once not at all (both import everything and build the models
first); the difference over N is the instructions one call costs in this SDK's own layer. The
boto3 client is a stand-in that returns the benchmark's canned response, so botocore's cost is
out of the figure: compare two trees (e.g. a change against its parent) with it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CALLS = 50


def child(kind: str, count: int) -> None:
    sys.path.insert(0, str(HERE))
    import fixtures as fx  # type: ignore[import-not-found]

    from codegen.naming import attribute
    from sagemaker_typed import SageMakerClient

    metadata = {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}
    describe = {**fx.describe_training_job_response(), "ResponseMetadata": metadata}

    class Canned:
        def describe_training_job(self, **_: object) -> dict[str, object]:
            return dict(describe)

        def create_training_job(self, **_: object) -> dict[str, object]:
            return {"TrainingJobArn": fx.JOB_ARN, "ResponseMetadata": metadata}

    sm = SageMakerClient(Canned())
    create = {attribute(k): v for k, v in fx.create_training_job_request().items()}

    def call() -> None:
        if kind == "describe":
            sm.describe_training_job(training_job_name=fx.JOB_NAME)
        else:
            sm.create_training_job(**create)

    call()  # models built outside the count
    for _ in range(count):
        call()


def instructions(kind: str, count: int) -> int:
    out = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            kind,
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parent.parent)},
    )
    match = re.search(r"Collected : (\d+)", out.stderr)
    assert match, out.stderr[-2000:]
    return int(match[1])


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    if shutil.which("valgrind") is None:
        print("needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    for kind in sys.argv[1:] or ["describe", "create"]:
        per_call = (instructions(kind, CALLS) - instructions(kind, 0)) / CALLS
        print(f"{kind}_training_job: {per_call:,.0f} instructions per typed call (this SDK's layer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
