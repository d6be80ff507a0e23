"""Cold start counted in instructions under valgrind: exact where wall time on a shared machine is not.

    python benchmarks/scripts/cold_instructions.py            # the six variants of cold_start.py, both ratios
    python benchmarks/scripts/cold_instructions.py --phases   # where the typed control plane's instructions go

Each count is one whole process (interpreter start-up and exit included) of ``cold_start.py``
under ``valgrind --tool=cachegrind --cache-sim=no`` with ``PYTHONHASHSEED=0``, in the
environment ``run.py`` gives its children; repeat runs agree to about 0.1%. ``--phases``
runs the typed control-plane path cut after each step (``phases`` below), each in a fresh
process: the difference between two cuts is what that step costs, its share of the exit
included. Needs ``valgrind``; run it on two trees to A/B a change.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VARIANTS = ("raw", "floor", "typed", "runtime-raw", "runtime-floor", "runtime-typed")
PHASES = (
    "boto3, a sagemaker client, the stubbed response; pydantic and a tiny model (the floor, less its call)",
    "import sagemaker_typed._runtime.calls",
    "import the waiter and paginator runtime",
    "import sagemaker_typed.client",
    "import sagemaker_typed.models (the index)",
    "DescribeTrainingJobRequest: import, build, validate",
    "import TrainingInstanceType and ProcessingInstanceType (225 and 207 members)",
    "import DescribeTrainingJobResponse and the rest of its closure",
    "build DescribeTrainingJobResponse (lenient schema, validator, serializer)",
    "SageMakerClient(client).describe_training_job(...) (botocore's stubbed call included)",
)


def phases(stop: int) -> None:
    """The typed control-plane path, cut after step ``stop`` (0: the floor's work without its call)."""
    import importlib

    sys.path.insert(0, str(HERE))
    import boto3
    import fixtures
    import pydantic
    from botocore.stub import Stubber

    client = boto3.client("sagemaker", **fixtures.client_arguments())
    stubber = Stubber(client)
    expected = {"TrainingJobName": fixtures.JOB_NAME}
    stubber.add_response("describe_training_job", fixtures.describe_training_job_response(), expected)
    stubber.activate()

    class Tiny(pydantic.BaseModel):
        name: str
        count: int

    Tiny.model_validate({"name": "x", "count": 1})
    shapes = "sagemaker_typed.models._shapes."

    def response() -> type[pydantic.BaseModel]:
        cls: type[pydantic.BaseModel] = importlib.import_module(shapes + "describe_training_job_response").__dict__[
            "DescribeTrainingJobResponse"
        ]
        return cls

    steps: list[Callable[[], object]] = [
        lambda: importlib.import_module("sagemaker_typed._runtime.calls"),
        lambda: [importlib.import_module(f"sagemaker_typed._runtime.{m}") for m in ("wait", "paginate")],
        lambda: importlib.import_module("sagemaker_typed.client"),
        lambda: importlib.import_module("sagemaker_typed.models"),
        lambda: (
            importlib.import_module(shapes + "describe_training_job_request")
            .DescribeTrainingJobRequest.model_validate(expected)
            .to_wire()
        ),
        lambda: [importlib.import_module(shapes + m) for m in ("training_instance_type", "processing_instance_type")],
        response,
        lambda: response().model_rebuild(),
        lambda: (
            importlib.import_module("sagemaker_typed.client")
            .SageMakerClient(client)
            .describe_training_job(training_job_name=fixtures.JOB_NAME)
        ),
    ]
    for step in steps[:stop]:
        step()


def count(arguments: list[str]) -> int:
    """Instructions of one process running ``python arguments...`` from this directory."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("AWS_")}
    env.update(
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        PYTHONHASHSEED="0",
        PYTHONPATH=str(ROOT),
    )
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    out = subprocess.run(
        [*command, sys.executable, *arguments], cwd=HERE, env=env, capture_output=True, text=True, check=True
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    assert match, out.stderr[-2000:]
    return int(match[1].replace(",", ""))


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        phases(int(sys.argv[2]))
        return 0
    if shutil.which("valgrind") is None:
        print("needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    subprocess.run([sys.executable, "-m", "compileall", "-q", "sagemaker_typed", "benchmarks/scripts"], cwd=ROOT)
    if sys.argv[1:2] == ["--phases"]:
        previous = None
        for stop, label in enumerate(PHASES):
            total = count([__file__, "--child", str(stop)])
            step = "" if previous is None else f"+{(total - previous) / 1e6:7.1f} M"
            print(f"{total / 1e6:9.1f} M {step:>11}  {label}", flush=True)
            previous = total
        return 0
    counted = {variant: count(["cold_start.py", variant]) for variant in VARIANTS}
    for variant in VARIANTS:
        print(f"{variant:14} {counted[variant] / 1e6:9.1f} M instructions")
    for service, prefix in (("control plane (describe_training_job)", ""), ("runtime (invoke_endpoint)", "runtime-")):
        typed, floor, raw = (counted[prefix + v] for v in ("typed", "floor", "raw"))
        print(f"{service}: typed / floor {typed / floor:.3f}x (target 1.10x), typed / raw {typed / raw:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
