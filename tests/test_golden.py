"""Golden pair: a small service model (tests/data/golden/specs) and the exact code it gives.

The fixture has one of everything the generator handles: required, optional, idempotency and
deprecated members, a keyword member name, an enum, a pattern, a sensitive string, numbers,
a timestamp, a blob, a list, a map, a union, a recursive pair, an error, an operation without
output, a paginator and both kinds of waiter. Review a change to the generator as a diff of
tests/data/golden/expected; `UPDATE_GOLDEN=1 pytest tests/test_golden.py` (or `python -m tests.refresh`)
rewrites it.
The generated package is also imported and used, with the real runtime beside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from codegen.__main__ import render

GOLDEN = Path(__file__).parent / "data" / "golden"
ROOT = Path(__file__).resolve().parent.parent


def _tree(root: Path) -> dict[str, str]:
    paths = sorted([*root.rglob("*.py"), *root.rglob("*.pyi")])
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in paths}


def test_generated_code_is_the_golden_code(tmp_path: Path) -> None:
    render(tmp_path, GOLDEN / "specs")
    produced = _tree(tmp_path)
    expected_dir = GOLDEN / "expected"
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(tmp_path, expected_dir)
    assert produced == _tree(expected_dir)


def test_golden_package_works(tmp_path: Path) -> None:
    render(tmp_path, GOLDEN / "specs")
    package = tmp_path / "sagemaker_typed"
    shutil.copytree(ROOT / "sagemaker_typed" / "_runtime", package / "_runtime")
    shutil.copy(ROOT / "sagemaker_typed" / "__init__.py", package / "__init__.py")
    script = textwrap.dedent(
        """
        import pydantic
        from sagemaker_typed import models, errors
        from sagemaker_typed.client import SageMakerClient

        request = models.CreateJobRequest(job_name="a-1", source={"S3Uri": "s3"}, tags={"k": "v"})
        assert request.to_wire() == {"JobName": "a-1", "Source": {"S3Uri": "s3"}, "Tags": {"k": "v"}}
        # A blob takes what botocore takes and holds the bytes it sends; its size is a rule.
        import io
        for payload in (b"ab", bytearray(b"ab"), "ab", io.BytesIO(b"ab")):
            assert models.CreateJobRequest(job_name="a", payload=payload, weight=1).payload == b"ab"
        for bad in ({"JobName": "a", "Payload": b""}, {"JobName": "a", "Payload": 5}, {"JobName": "a", "Weight": "1"}):
            try:
                models.CreateJobRequest.model_validate(bad)
            except pydantic.ValidationError:
                pass
            else:
                raise AssertionError(bad)
        paused = models.DescribeJobResponse.model_validate({"JobStatus": "Paused"}).job_status
        assert paused is models.JobStatus.unknown("Paused")
        for bad in ({"JobName": "-a"}, {"JobName": "a", "Source": {"S3Uri": "x", "Name": "y"}},
                    {"JobName": "a", "Count": 11}, {"JobName": "a", "Secret": "x" * 65}):
            try:
                models.CreateJobRequest.model_validate(bad)
            except pydantic.ValidationError as error:
                assert "x" * 65 not in str(error)
            else:
                raise AssertionError(bad)
        try:
            models.CreateJobRequest.model_validate({"JobName": "-", "Tags": {"k": "SECRET-IN-MAP"}})
        except pydantic.ValidationError as error:
            assert "SECRET-IN-MAP" not in str(error) + error.json()
        assert "SECRET-IN-MAP" not in repr(models.CreateJobRequest(job_name="a", tags={"k": "SECRET-IN-MAP"}))
        deep = models.Expression(nested=[{"Nested": [{"Lambda": True}]}])
        assert deep.nested[0].nested[0].lambda_ is True
        response = models.DescribeJobResponse.model_validate({"JobStatus": "Paused", "New": 1})
        assert isinstance(response.job_status, models.JobStatus) and response.job_status.value == "Paused"
        assert list(models.JobStatus) == [models.JobStatus.IN_PROGRESS, models.JobStatus.COMPLETED,
                                          models.JobStatus.ML_M5_XLARGE]
        assert issubclass(errors.ResourceInUse, errors.SageMakerError)
        assert callable(SageMakerClient.create_job) and callable(SageMakerClient.delete_job)
        import inspect, sys
        from sagemaker_typed.async_client import AsyncSageMakerClient  # needs no aiobotocore to import
        assert inspect.iscoroutinefunction(AsyncSageMakerClient.create_job)
        assert inspect.signature(AsyncSageMakerClient.create_job) == inspect.signature(SageMakerClient.create_job)
        assert "aiobotocore" not in sys.modules
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "ok", result.stderr
