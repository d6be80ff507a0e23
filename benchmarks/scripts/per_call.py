"""Per-call cost: typed vs raw boto3, microseconds per call, in one process.

    python per_call.py --repeats R --number N

Two kinds of stub, each variant with its own boto3 client:

- ``Stubber`` (the benchmark's figures): before each timed loop, N responses are queued
  (untimed: ``add_response`` validates each response against the service model, the same
  cost for every variant); each call is answered by the Stubber's ``before-call`` hook,
  after botocore has validated (if enabled) and serialized the request. botocore's own
  signing, HTTP and response parsing are skipped.
- HTTP-level (``*_http``, for reference): a ``before-send`` hook answers every call with the
  JSON body the service would send, so the whole botocore pipeline runs (signing, response
  parsing, timestamps) except the network. These are ~10x slower per call: their loops make
  a quarter as many calls.

Variants are interleaved repeat by repeat. Before timing, every Stubber variant makes one
call with ``expected_params`` set to the raw request: all of them send the same request.

Prints one JSON object: {variant: [microseconds per call, one per repeat]}.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import fixtures
from botocore.awsrequest import AWSResponse
from botocore.compat import HTTPHeaders
from botocore.stub import Stubber

from sagemaker_typed import SageMakerClient, models

DESCRIBE = "describe_training_job"
CREATE = "create_training_job"


@dataclass
class Variant:
    name: str
    call: Callable[[], object]
    queue: Callable[[int], None]
    """Make ``n`` responses ready for the next ``n`` calls (untimed)."""
    done: Callable[[], None]
    """Check that every queued response was used."""
    divisor: int = 1
    """Run ``number // divisor`` calls per loop (slow variants: the run stays short)."""


class _Body:
    """The raw stream botocore reads an HTTP response body from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def stream(self, **_: Any) -> list[bytes]:
        return [self.data]


def http_stub(client: Any, operation: str, body: bytes) -> None:
    """Answer every ``operation`` call of ``client`` with ``body`` at the HTTP layer (no network)."""
    headers = HTTPHeaders.from_dict(
        {"x-amzn-requestid": "5f3c1d2e-8a9b-4c7d-9e0f-123456789abc", "content-type": "application/x-amz-json-1.1"}
    )

    def send(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, headers, _Body(body))

    client.meta.events.register(f"before-send.sagemaker.{operation}", send)


def create_request_model() -> models.CreateTrainingJobRequest:
    """The same request as ``fixtures.create_training_job_request()``, built from models and enums."""
    m = models
    channels = [
        m.Channel(
            channel_name=name,
            data_source=m.DataSource(
                s3_data_source=m.S3DataSource(
                    s3_data_type=m.S3DataType.S3_PREFIX,
                    s3_uri=f"{fixtures.BUCKET}/data/{name}/",
                    s3_data_distribution_type=m.S3DataDistribution.FULLY_REPLICATED,
                )
            ),
            content_type="text/csv",
            compression_type=m.CompressionType.NONE,
            record_wrapper_type=m.RecordWrapper.NONE,
            input_mode=m.TrainingInputMode.FILE,
        )
        for name in fixtures.CHANNEL_NAMES
    ]
    algorithm = fixtures.ALGORITHM_SPECIFICATION
    return m.CreateTrainingJobRequest(
        training_job_name=fixtures.JOB_NAME,
        hyper_parameters=dict(fixtures.HYPER_PARAMETERS),
        algorithm_specification=m.AlgorithmSpecification(
            training_image=fixtures.IMAGE,
            training_input_mode=m.TrainingInputMode.FILE,
            metric_definitions=[
                m.MetricDefinition(name=d["Name"], regex=d["Regex"]) for d in algorithm["MetricDefinitions"]
            ],
            enable_sage_maker_metrics_time_series=True,
        ),
        role_arn=fixtures.ROLE_ARN,
        input_data_config=channels,
        output_data_config=m.OutputDataConfig(
            kms_key_id=fixtures.KMS_KEY,
            s3_output_path=f"{fixtures.BUCKET}/output",
            compression_type=m.OutputCompressionType.GZIP,
        ),
        resource_config=m.ResourceConfig(
            instance_type=m.TrainingInstanceType.ML_M5_XLARGE,
            instance_count=2,
            volume_size_in_gb=50,
            volume_kms_key_id=fixtures.KMS_KEY,
            keep_alive_period_in_seconds=600,
        ),
        vpc_config=m.VpcConfig(
            security_group_ids=fixtures.VPC_CONFIG["SecurityGroupIds"], subnets=fixtures.VPC_CONFIG["Subnets"]
        ),
        stopping_condition=m.StoppingCondition(max_runtime_in_seconds=86400, max_wait_time_in_seconds=172800),
        tags=[m.Tag(key=t["Key"], value=t["Value"]) for t in fixtures.TAGS],
        enable_network_isolation=False,
        enable_inter_container_traffic_encryption=True,
        enable_managed_spot_training=True,
        checkpoint_config=m.CheckpointConfig(
            s3_uri=fixtures.CHECKPOINT_CONFIG["S3Uri"], local_path="/opt/ml/checkpoints"
        ),
        environment=dict(fixtures.ENVIRONMENT),
        retry_strategy=m.RetryStrategy(maximum_retry_attempts=2),
    )


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def variants() -> list[Variant]:
    describe_response = fixtures.describe_training_job_response()
    describe_params = {"TrainingJobName": fixtures.JOB_NAME}
    create_wire = fixtures.create_training_job_request()
    create_kwargs = {_snake(k): v for k, v in fixtures.create_training_job_request().items()}
    create_model = create_request_model()
    assert create_model.to_wire() == create_wire, "the model request must be the raw request"
    stubbed = {
        DESCRIBE: (describe_response, describe_params),
        CREATE: (fixtures.CREATE_TRAINING_JOB_RESPONSE, create_wire),
    }
    calls: dict[str, Callable[[Any], Callable[[], object]]] = {
        "describe.raw": lambda c: lambda: c.describe_training_job(TrainingJobName=fixtures.JOB_NAME),
        "create.raw": lambda c: lambda: c.create_training_job(**create_wire),
        "describe.typed": lambda sm: lambda: sm.describe_training_job(training_job_name=fixtures.JOB_NAME),
        "create.typed_kwargs": lambda sm: lambda: sm.create_training_job(**create_kwargs),
        "create.typed_model": lambda sm: lambda: sm.create_training_job(create_model),
    }
    out: list[Variant] = []

    def stubber_variant(name: str, kind: str, validate: bool) -> None:
        client = fixtures.boto3_client(parameter_validation=validate)
        stubber = Stubber(client)
        stubber.activate()
        method = DESCRIBE if kind.startswith("describe") else CREATE
        response, expected = stubbed[method]
        target = SageMakerClient(client) if ".typed" in kind else client
        call = calls[kind](target)

        def queue(n: int) -> None:
            for _ in range(n):
                stubber.add_response(method, response)

        # Same wire request as raw boto3, checked once.
        stubber.add_response(method, response, expected)
        call()
        stubber.assert_no_pending_responses()
        out.append(Variant(name, call, queue, stubber.assert_no_pending_responses))

    def http_variant(name: str, kind: str, validate: bool) -> None:
        client = fixtures.boto3_client(parameter_validation=validate)
        describe = kind.startswith("describe")
        body = fixtures.wire_json(describe_response if describe else fixtures.CREATE_TRAINING_JOB_RESPONSE)
        http_stub(client, "DescribeTrainingJob" if describe else "CreateTrainingJob", body)
        target = SageMakerClient(client) if ".typed" in kind else client
        out.append(Variant(name, calls[kind](target), lambda n: None, lambda: None, divisor=4))

    # Raw boto3 as users have it (validation on), and without botocore's validation (reference).
    for validate, suffix in ((True, ""), (False, "_noval")):
        stubber_variant(f"describe.raw{suffix}", "describe.raw", validate)
        stubber_variant(f"create.raw{suffix}", "create.raw", validate)
    # Typed over a client with botocore's validation off (as SageMakerClient() builds it), and left on.
    for validate, suffix in ((False, ""), (True, "_botoval")):
        for kind in ("describe.typed", "create.typed_kwargs", "create.typed_model"):
            stubber_variant(f"{kind}{suffix}", kind, validate)
    # HTTP-level stub: the whole botocore pipeline, response parsing included.
    http_variant("describe.raw_http", "describe.raw", True)
    http_variant("describe.typed_http", "describe.typed", False)
    http_variant("create.raw_http", "create.raw", True)
    http_variant("create.typed_kwargs_http", "create.typed_kwargs", False)
    return out


def timed(variant: Variant, number: int) -> float:
    """Microseconds per call over ``number // divisor`` calls, responses made ready beforehand."""
    number = max(10, number // variant.divisor)
    variant.queue(number)
    call = variant.call
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        call()
    elapsed = time.perf_counter() - start
    variant.done()
    return elapsed / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()
    all_variants = variants()
    for variant in all_variants:
        timed(variant, max(10, args.number // 10))  # warm-up: schemas built, caches filled
    results: dict[str, list[float]] = {v.name: [] for v in all_variants}
    for repeat in range(args.repeats):
        shift = repeat % len(all_variants)
        for variant in all_variants[shift:] + all_variants[:shift]:
            results[variant.name].append(timed(variant, args.number))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
