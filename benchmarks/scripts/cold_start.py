"""Cold start, one variant per process: import, make a client, one stubbed call.

    python cold_start.py raw|typed|floor|runtime-raw|runtime-typed|runtime-floor

The control plane (``describe_training_job``, a large response):

raw:   boto3 only: ``boto3.client("sagemaker", ...)``, the call.
typed: ``sagemaker_typed.SageMakerClient(...)`` made with the same arguments, the typed call.
floor: the raw script plus importing pydantic and validating one tiny model.

The runtime (``invoke_endpoint``, the Lambda case), the same three over ``sagemaker-runtime``:
``sagemaker_typed.runtime.SageMakerRuntimeClient(...)`` for the typed one.

Each call is answered by botocore's ``Stubber`` on the client the variant made (no network),
with the same response for every variant. Prints one JSON line: perf_counter at the first
line and at the end, and peak RSS (KiB).
"""

import time

T_FIRST_LINE = time.perf_counter()  # CLOCK_MONOTONIC: comparable with the parent's clock

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

import fixtures  # noqa: E402


def stubbed(client: Any, method: str, response: dict[str, Any], expected: dict[str, Any]) -> Any:
    from botocore.stub import Stubber

    stubber = Stubber(client)
    stubber.add_response(method, response, expected)
    stubber.activate()
    return stubber


def floor() -> None:
    """What any pydantic-based SDK costs: pydantic imported, one tiny model validated."""
    import pydantic

    class Tiny(pydantic.BaseModel):
        name: str
        count: int

    Tiny.model_validate({"name": "x", "count": 1})


def control_plane(variant: str) -> tuple[object, ...]:
    response, expected = fixtures.describe_training_job_response(), {"TrainingJobName": fixtures.JOB_NAME}
    if variant == "typed":
        from sagemaker_typed import SageMakerClient

        sm = SageMakerClient(**fixtures.client_arguments())
        stubber = stubbed(sm.client, "describe_training_job", response, expected)
        job = sm.describe_training_job(training_job_name=fixtures.JOB_NAME)
        summary = (job.training_job_status, len(job.hyper_parameters or {}), len(job.final_metric_data_list or []))
    else:
        import boto3

        client = boto3.client("sagemaker", **fixtures.client_arguments())
        stubber = stubbed(client, "describe_training_job", response, expected)
        if variant == "floor":
            floor()
        raw = client.describe_training_job(TrainingJobName=fixtures.JOB_NAME)
        summary = (raw["TrainingJobStatus"], len(raw["HyperParameters"]), len(raw["FinalMetricDataList"]))
    stubber.assert_no_pending_responses()
    return summary


def runtime(variant: str) -> tuple[object, ...]:
    response, expected = fixtures.invoke_endpoint_response(), fixtures.invoke_endpoint_request()
    if variant == "typed":
        from sagemaker_typed.runtime import SageMakerRuntimeClient

        rt = SageMakerRuntimeClient(**fixtures.client_arguments())
        stubber = stubbed(rt.client, "invoke_endpoint", response, expected)
        out = rt.invoke_endpoint(
            endpoint_name=fixtures.ENDPOINT_NAME,
            body=fixtures.INVOKE_BODY,
            content_type="text/csv",
            accept="application/json",
        )
        summary = (out.content_type, out.body.read())
    else:
        import boto3

        client = boto3.client("sagemaker-runtime", **fixtures.client_arguments())
        stubber = stubbed(client, "invoke_endpoint", response, expected)
        if variant == "floor":
            floor()
        raw = client.invoke_endpoint(**fixtures.invoke_endpoint_request())
        summary = (raw["ContentType"], raw["Body"].read())
    stubber.assert_no_pending_responses()
    return summary


def main(variant: str) -> None:
    service, _, kind = variant.rpartition("-")
    if kind not in ("raw", "typed", "floor") or service not in ("", "runtime"):
        raise SystemExit(f"unknown variant {variant!r}")
    if service == "runtime":
        summary = runtime(kind)
        assert summary == ("application/json", fixtures.INVOKE_RESULT), summary
    else:
        summary = control_plane(kind)
        assert summary == ("Completed", 20, 10), summary


if __name__ == "__main__":
    main(sys.argv[1])
    t_end = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"t_first": T_FIRST_LINE, "t_end": t_end, "maxrss_kib": rss}))
