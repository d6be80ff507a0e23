"""Cold start, one variant per process: import, build a client, one stubbed describe_training_job.

    python cold_start.py raw|typed|floor

raw:   boto3 only.
typed: sagemaker_typed.SageMakerClient over the same boto3 client, typed call.
floor: the raw script plus importing pydantic and validating one tiny model.

Prints one JSON line: perf_counter at the first line and at the end, and peak RSS (KiB).
"""

import time

T_FIRST_LINE = time.perf_counter()  # CLOCK_MONOTONIC: comparable with the parent's clock

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import fixtures  # noqa: E402
from botocore.stub import Stubber  # noqa: E402


def main(variant: str) -> None:
    client = fixtures.boto3_client()
    stubber = Stubber(client)
    stubber.add_response(
        "describe_training_job", fixtures.describe_training_job_response(), {"TrainingJobName": fixtures.JOB_NAME}
    )
    stubber.activate()
    if variant == "typed":
        from sagemaker_typed import SageMakerClient

        sm = SageMakerClient(client)
        job = sm.describe_training_job(training_job_name=fixtures.JOB_NAME)
        summary = (job.training_job_status, len(job.hyper_parameters or {}), len(job.final_metric_data_list or []))
    else:
        if variant == "floor":
            import pydantic

            class Tiny(pydantic.BaseModel):
                name: str
                count: int

            Tiny.model_validate({"name": "x", "count": 1})
        elif variant != "raw":
            raise SystemExit(f"unknown variant {variant!r}")
        raw = client.describe_training_job(TrainingJobName=fixtures.JOB_NAME)
        summary = (raw["TrainingJobStatus"], len(raw["HyperParameters"]), len(raw["FinalMetricDataList"]))
    stubber.assert_no_pending_responses()
    assert summary == ("Completed", 20, 10), summary


if __name__ == "__main__":
    main(sys.argv[1])
    t_end = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"t_first": T_FIRST_LINE, "t_end": t_end, "maxrss_kib": rss}))
