"""The sync path stays as light as before: nothing of the async client is imported by sync users.

Runs in every session (with or without aiobotocore installed), each check in a fresh process.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

ASYNC_MODULES = ("aiobotocore", "aiohttp", "sagemaker_typed.async_client", "sagemaker_typed._runtime.aio")


def _run(script: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_sync_client_imports_nothing_async() -> None:
    script = """
        import sys
        import sagemaker_typed
        from sagemaker_typed import SageMakerClient, errors, models
        from sagemaker_typed.testing import TypedStubber
        sm = SageMakerClient(region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
        with TypedStubber(sm) as stub:
            stub.add_response("list_training_jobs", {"TrainingJobSummaries": []})
            stub.add_response("list_training_jobs", {"TrainingJobSummaries": []})
            endpoint = {"EndpointName": "e", "EndpointArn": "arn:aws:sagemaker:us-east-1:1:endpoint/e",
                        "EndpointStatus": "InService", "CreationTime": 0, "LastModifiedTime": 0}
            stub.add_response("describe_endpoint", endpoint)
            sm.list_training_jobs(max_results=1)
            list(sm.paginate.list_training_jobs())
            sm.wait.endpoint_in_service(endpoint_name="e")
        """
    out = _run(script + f"print(sorted(m for m in {ASYNC_MODULES!r} if m in sys.modules))\n")
    assert out.strip() == "[]"


def test_the_async_client_imports_without_aiobotocore_and_says_what_to_install() -> None:
    """Importing and making an AsyncSageMakerClient needs no aiobotocore; opening it does."""
    out = _run(
        """
        import asyncio, sys
        sys.modules["aiobotocore"] = None  # as if it were not installed
        from sagemaker_typed import AsyncSageMakerClient
        sm = AsyncSageMakerClient(region_name="us-east-1")
        print(sm)
        try:
            asyncio.run(sm.describe_training_job(training_job_name="j"))
        except ModuleNotFoundError as error:
            print(error)
        """
    )
    assert out.splitlines() == [
        "AsyncSageMakerClient(not open)",
        "the async client needs aiobotocore: pip install 'sagemaker-typed[async]'",
    ]
