"""Invalid requests raise pydantic.ValidationError and never reach server A."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydantic
import pytest

from sagemaker_typed import SageMakerClient, models

from .conftest import RequestCounter
from .inputs import BUCKET, ROLE, arn

pytestmark = pytest.mark.e2e

TRAINING_JOB: dict[str, Any] = {
    "training_job_name": "e2e-invalid",
    "role_arn": ROLE,
    "algorithm_specification": {"TrainingImage": "xgboost:1", "TrainingInputMode": "File"},
    "output_data_config": {"S3OutputPath": f"{BUCKET}/out"},
    "resource_config": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
}
without_output = {k: v for k, v in TRAINING_JOB.items() if k != "output_data_config"}
bogus_instance = {**TRAINING_JOB, "resource_config": {**TRAINING_JOB["resource_config"], "InstanceType": "ml.m5.huge"}}
# AutoMLProblemTypeConfig is a union: exactly one problem type may be set.
AUTOML_JOB: dict[str, Any] = {
    "auto_ml_job_name": "e2e-invalid",
    "role_arn": ROLE,
    "auto_ml_job_input_data_config": [
        {"ChannelType": "training", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"{BUCKET}/in"}}}
    ],
    "output_data_config": {"S3OutputPath": f"{BUCKET}/out"},
    "auto_ml_problem_type_config": {
        "TabularJobConfig": {"TargetAttributeName": "churned"},
        "TextClassificationJobConfig": {"ContentColumn": "text", "TargetLabelColumn": "label"},
    },
}

# (call, an expected error as (type, location)), each a request server A would otherwise get.
INVALID: list[Any] = [
    pytest.param(
        lambda sm: sm.describe_training_job(training_job_name="my job!"),
        ("string_pattern_mismatch", ("training_job_name",)),
        id="bad-pattern",
    ),
    pytest.param(
        lambda sm: sm.create_experiment(experiment_name="x" * 121),
        ("string_too_long", ("experiment_name",)),
        id="too-long-name",
    ),
    pytest.param(
        lambda sm: sm.create_training_job(**without_output),
        ("missing", ("output_data_config",)),
        id="missing-required",
    ),
    pytest.param(
        lambda sm: sm.create_model(model_name="m", execution_role_arn=ROLE, containers=[{"Imagee": "x"}]),
        ("extra_forbidden", ("containers", 0, "Imagee")),
        id="unknown-member-in-a-dict",
    ),
    pytest.param(
        lambda sm: sm.list_training_jobs(status_equals="Running"),
        ("enum", ("status_equals",)),
        id="unknown-enum",
    ),
    pytest.param(
        lambda sm: sm.create_training_job(**bogus_instance),
        ("enum", ("resource_config", "instance_type")),
        id="unknown-nested-enum",
    ),
    pytest.param(
        lambda sm: sm.create_model(model_name=123, execution_role_arn=ROLE),
        ("string_type", ("model_name",)),
        id="wrong-type",
    ),
    pytest.param(
        lambda sm: sm.create_auto_ml_job_v2(**AUTOML_JOB),
        ("union_one_member", ("auto_ml_problem_type_config",)),
        id="union-with-two-members",
    ),
    pytest.param(
        lambda sm: sm.paginate.list_training_jobs(max_results=101),
        ("less_than_equal", ("max_results",)),
        id="paginator-page-too-big",
    ),
    pytest.param(
        lambda sm: sm.paginate.list_tags(resource_arn=arn("model", "e2e-tags-model"), max_results=1),
        ("greater_than_equal", ("max_results",)),
        id="paginator-page-too-small",
    ),
    pytest.param(
        lambda sm: sm.wait.endpoint_in_service(endpoint_name="no_underscores", delay=0.1),
        ("string_pattern_mismatch", ("endpoint_name",)),
        id="waiter-bad-pattern",
    ),
]


@pytest.mark.parametrize(("call", "expected"), INVALID)
def test_invalid_request_never_reaches_the_server(
    sm_a: SageMakerClient,
    requests_to_a: RequestCounter,
    call: Callable[[SageMakerClient], object],
    expected: tuple[str, tuple[str, ...]],
) -> None:
    with pytest.raises(pydantic.ValidationError) as info, requests_to_a.none():
        call(sm_a)
    assert expected in [(e["type"], e["loc"]) for e in info.value.errors()]


def test_unknown_keyword_is_a_type_error_before_anything_is_sent(
    sm_a: SageMakerClient, requests_to_a: RequestCounter
) -> None:
    """Keywords are the method's parameters, as its signature shows: Python's own error."""
    with pytest.raises(TypeError, match="unexpected keyword argument 'modelname'"), requests_to_a.none():
        sm_a.describe_model(model_name="e2e-host-model", modelname="typo")  # type: ignore[call-overload]


def test_invalid_request_model_is_rejected_when_built(requests_to_a: RequestCounter) -> None:
    with pytest.raises(pydantic.ValidationError) as info, requests_to_a.none():
        models.CreateTrainingJobRequest(
            training_job_name="a" * 64,
            role_arn=ROLE,
            output_data_config={},  # type: ignore[arg-type]  # deliberately incomplete
        )
    assert {(e["type"], e["loc"]) for e in info.value.errors()} >= {
        ("string_too_long", ("training_job_name",)),
        ("missing", ("output_data_config", "s3_output_path")),
    }


def test_the_counters_see_a_valid_request(sm_a: SageMakerClient, requests_to_a: RequestCounter) -> None:
    """The control: a valid request is counted on both sides, so "unchanged" means something."""
    sent, served = requests_to_a.sent, requests_to_a.served()
    sm_a.list_models(max_results=1)
    assert (requests_to_a.sent, requests_to_a.served()) == (sent + 1, served + 1)
