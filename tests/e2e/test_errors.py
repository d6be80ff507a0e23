"""Typed errors from real HTTP error responses; the same error from raw boto3 on server B."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sagemaker_typed import SageMakerClient, errors, models

from .inputs import arn
from .mirror import Call, Mirror

pytestmark = pytest.mark.e2e

MISSING = "e2e-does-not-exist"

ERRORS = [
    pytest.param(
        Call("describe_training_job", {"training_job_name": MISSING}, {"TrainingJobName": MISSING}),
        errors.ValidationException,  # as SageMaker itself answers for a missing training job
        f"Could not find training job '{arn('training-job', MISSING)}'.",
        id="describe_training_job",
    ),
    pytest.param(
        Call("describe_model", {"model_name": MISSING}, {"ModelName": MISSING}),
        errors.ValidationException,
        f"Could not find model '{arn('model', MISSING)}'.",
        id="describe_model",
    ),
    pytest.param(
        Call("describe_compilation_job", {"compilation_job_name": MISSING}, {"CompilationJobName": MISSING}),
        errors.ResourceNotFound,
        f"Could not find compilation job '{MISSING}'.",
        id="describe_compilation_job",
    ),
    pytest.param(
        Call(
            "describe_hyper_parameter_tuning_job",
            {"hyper_parameter_tuning_job_name": MISSING},
            {"HyperParameterTuningJobName": MISSING},
        ),
        errors.ResourceNotFound,
        f"Could not find hyper parameter tuning job '{MISSING}'.",
        id="describe_hyper_parameter_tuning_job",
    ),
    pytest.param(
        Call(
            "associate_trial_component",
            {"trial_component_name": MISSING, "trial_name": MISSING},
            {"TrialComponentName": MISSING, "TrialName": MISSING},
        ),
        errors.ResourceNotFound,
        f"Trial '{arn('experiment-trial', MISSING)}' does not exist.",
        id="associate_trial_component",
    ),
]


@pytest.mark.parametrize(("call", "expected", "message"), ERRORS)
def test_typed_error(mirror: Mirror, call: Call, expected: type[errors.SageMakerError], message: str) -> None:
    error = mirror.error(call)  # the same code, message and status as raw boto3 gets from server B
    assert type(error) is expected
    assert isinstance(error, errors.SageMakerError)
    assert isinstance(error, ClientError)  # existing `except ClientError` handlers keep working
    assert error.error_code == expected.code
    assert error.error_message == message
    assert error.request_id  # moto sends one, as SageMaker does
    assert error.http_status_code == 400
    assert isinstance(error.__cause__, ClientError) and not isinstance(error.__cause__, errors.SageMakerError)


def test_typed_error_is_caught_as_client_error(sm_a: SageMakerClient) -> None:
    with pytest.raises(ClientError) as info:
        sm_a.describe_training_job(training_job_name=MISSING)
    assert info.value.response["Error"]["Code"] == "ValidationException"
    assert isinstance(info.value, errors.ValidationException)


def test_waiter_failure_carries_the_typed_error(sm_a: SageMakerClient) -> None:
    # EndpointInService treats ValidationException (no such endpoint) as a failure state.
    polled: list[models.DescribeEndpointOutput | None] = []
    with pytest.raises(errors.WaiterError) as info:
        sm_a.wait.endpoint_in_service(endpoint_name=MISSING, delay=0.1, max_attempts=3, callback=polled.append)
    assert polled == [None]
    assert info.value.waiter == "EndpointInService"
    assert isinstance(info.value.last_error, errors.ValidationException)
    assert info.value.last_error.error_message == f"Could not find endpoint '{arn('endpoint', MISSING)}'."
    assert info.value.last_response is None
