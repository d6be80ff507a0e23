"""Per-call cost through botocore's Stubber: typed vs raw boto3, microseconds per call.

    python per_call.py --repeats R --number N

Every variant has its own boto3 client and Stubber. Before each timed loop, N responses are
queued (untimed: ``add_response`` validates the response against the service model, the
same cost for every variant); the loop then makes N calls, each answered by the Stubber's
``before-call`` hook after botocore has validated (if enabled) and serialized the request.
Variants are interleaved repeat by repeat. Before timing, every variant makes one call with
``expected_params`` set to the raw request, so all of them send the same wire request.

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
from botocore.stub import Stubber

from sagemaker_typed import SageMakerClient, models


@dataclass
class Variant:
    name: str
    method: str
    response: dict[str, Any]
    expected: dict[str, Any]
    stubber: Stubber
    call: Callable[[], object]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


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
        checkpoint_config=m.CheckpointConfig(s3_uri=fixtures.CHECKPOINT_CONFIG["S3Uri"], local_path="/opt/ml/checkpoints"),
        environment=dict(fixtures.ENVIRONMENT),
        retry_strategy=m.RetryStrategy(maximum_retry_attempts=2),
    )


def variants() -> list[Variant]:
    describe_response = fixtures.describe_training_job_response()
    describe_params = {"TrainingJobName": fixtures.JOB_NAME}
    create_wire = fixtures.create_training_job_request()
    create_kwargs = {_snake(k): v for k, v in fixtures.create_training_job_request().items()}
    create_model = create_request_model()
    assert create_model.to_wire() == create_wire, "the model request must be the raw request"
    out: list[Variant] = []

    def add(name: str, method: str, validate: bool, make: Callable[[Any], Callable[[], object]]) -> None:
        client = fixtures.boto3_client(parameter_validation=validate)
        stubber = Stubber(client)
        stubber.activate()
        if method == "describe_training_job":
            response, expected = describe_response, describe_params
        else:
            response, expected = fixtures.CREATE_TRAINING_JOB_RESPONSE, create_wire
        out.append(Variant(name, method, response, expected, stubber, make(client)))

    def raw_describe(client: Any) -> Callable[[], object]:
        return lambda: client.describe_training_job(TrainingJobName=fixtures.JOB_NAME)

    def raw_create(client: Any) -> Callable[[], object]:
        return lambda: client.create_training_job(**create_wire)

    def typed_describe(client: Any) -> Callable[[], object]:
        sm = SageMakerClient(client)
        return lambda: sm.describe_training_job(training_job_name=fixtures.JOB_NAME)

    def typed_create_kwargs(client: Any) -> Callable[[], object]:
        sm = SageMakerClient(client)
        return lambda: sm.create_training_job(**create_kwargs)

    def typed_create_model(client: Any) -> Callable[[], object]:
        sm = SageMakerClient(client)
        return lambda: sm.create_training_job(create_model)

    # Raw boto3 as users have it (validation on), and without botocore's validation (for reference).
    for validate, suffix in ((True, ""), (False, "_noval")):
        add(f"describe.raw{suffix}", "describe_training_job", validate, raw_describe)
        add(f"create.raw{suffix}", "create_training_job", validate, raw_create)
    # Typed over a client with botocore's validation off (as SageMakerClient() builds it), and left on.
    for validate, suffix in ((False, ""), (True, "_botoval")):
        add(f"describe.typed{suffix}", "describe_training_job", validate, typed_describe)
        add(f"create.typed_kwargs{suffix}", "create_training_job", validate, typed_create_kwargs)
        add(f"create.typed_model{suffix}", "create_training_job", validate, typed_create_model)
    return out


def check(variant: Variant) -> None:
    """One call with the raw request as expected_params: every variant sends the same request."""
    variant.stubber.add_response(variant.method, variant.response, variant.expected)
    variant.call()
    variant.stubber.assert_no_pending_responses()


def timed(variant: Variant, number: int) -> float:
    """Microseconds per call over ``number`` calls, responses queued beforehand."""
    for _ in range(number):
        variant.stubber.add_response(variant.method, variant.response)
    call = variant.call
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        call()
    elapsed = time.perf_counter() - start
    variant.stubber.assert_no_pending_responses()
    return elapsed / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()
    all_variants = variants()
    for variant in all_variants:
        check(variant)
        timed(variant, max(10, args.number // 10))  # warm-up: schemas built, caches filled
    results: dict[str, list[float]] = {v.name: [] for v in all_variants}
    for repeat in range(args.repeats):
        shift = repeat % len(all_variants)
        for variant in all_variants[shift:] + all_variants[:shift]:
            results[variant.name].append(timed(variant, args.number))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
