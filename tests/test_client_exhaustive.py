"""Every operation, paginator and waiter of specs/, through botocore's Stubber.

Each call goes through the real boto3 client (serialisation stops at the Stubber), so these
tests check what reaches boto3 (the exact wire parameters) and what comes back (the typed
output, equal to the response botocore returned).
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber

from sagemaker_typed import SageMakerClient, errors, models
from tests import installed_model
from tests import specdata as sd


def _stubbed(raw_client: Any) -> tuple[SageMakerClient, Stubber]:
    return SageMakerClient(raw_client), Stubber(raw_client)


@pytest.mark.parametrize("operation", sd.operation_names())
def test_operation_by_keywords_and_by_request_object(operation: str, raw_client: Any) -> None:
    sm, stub = _stubbed(raw_client)
    spec = sd.OPERATIONS[operation]
    request = sd.value(spec["input"]["shape"])
    response = sd.value(spec["output"]["shape"]) if "output" in spec else {}
    method = getattr(sm, sd.method(operation))
    request_model = getattr(models, spec["input"]["shape"]).model_validate(request)
    if installed_model.missing(operation):  # an older botocore (the tests_lowest session)
        with pytest.raises(errors.UnsupportedOperationError, match=operation):
            method(request_model)
        return
    installed_model.require(operation)
    with stub:
        stub.add_response(sd.method(operation), response, request)
        stub.add_response(sd.method(operation), response, request)
        by_keywords = method(**sd.to_snake(spec["input"]["shape"], request))
        by_object = method(request_model)
        stub.assert_no_pending_responses()
    for result in (by_keywords, by_object):
        if "output" in spec:
            assert isinstance(result, getattr(models, spec["output"]["shape"]))
            assert result.to_wire() == response
        else:
            assert result is None


@pytest.mark.parametrize("paginator", sorted(sd.PAGINATORS))
def test_paginator_items_and_pages(paginator: str, raw_client: Any) -> None:
    installed_model.require(paginator)
    sm, stub = _stubbed(raw_client)
    config = sd.PAGINATORS[paginator]
    spec = sd.OPERATIONS[paginator]
    output = spec["output"]["shape"]
    request = sd.structure(spec["input"]["shape"], full=False)
    pages = [sd.value(output), sd.value(output)]
    pages[0][config["output_token"]] = "page-two"
    pages[1].pop(config["output_token"], None)
    items = pages[0][config["result_key"]] + pages[1][config["result_key"]]
    assert items, "the generated pages must carry items"
    walk = getattr(sm.paginate, sd.method(paginator))(**sd.to_snake(spec["input"]["shape"], request))
    with stub:
        for _ in range(2):
            stub.add_response(sd.method(paginator), pages[0], request)
            stub.add_response(sd.method(paginator), pages[1], {**request, config["input_token"]: "page-two"})
        typed_items = list(walk)
        typed_pages = list(walk.pages())
        stub.assert_no_pending_responses()
    assert [i.to_wire() if hasattr(i, "to_wire") else i for i in typed_items] == items
    assert [p.to_wire() for p in typed_pages] == pages
    assert all(isinstance(p, getattr(models, output)) for p in typed_pages)


def _acceptor_response(output: str, acceptor: dict[str, Any]) -> dict[str, Any]:
    response = sd.value(output)
    assert acceptor["matcher"] == "path", acceptor
    response[acceptor["argument"]] = acceptor["expected"]
    return response


@pytest.mark.parametrize("waiter", sorted(sd.WAITERS))
def test_waiter_polls_until_success(waiter: str, raw_client: Any) -> None:
    sm, stub = _stubbed(raw_client)
    config = sd.WAITERS[waiter]
    installed_model.require(config["operation"])
    spec = sd.OPERATIONS[config["operation"]]
    output = spec["output"]["shape"]
    request = sd.structure(spec["input"]["shape"], full=False)
    success = next(a for a in config["acceptors"] if a["state"] == "success")
    pending = sd.value(output)
    seen: list[Any] = []
    with stub:
        stub.add_response(sd.method(config["operation"]), pending, request)
        if success["matcher"] == "error":
            stub.add_client_error(sd.method(config["operation"]), success["expected"], "gone")
        else:
            stub.add_response(sd.method(config["operation"]), _acceptor_response(output, success), request)
        result = getattr(sm.wait, sd.method(waiter))(
            **sd.to_snake(spec["input"]["shape"], request), delay=0, callback=seen.append
        )
        stub.assert_no_pending_responses()
    assert len(seen) == 2 and seen[0].to_wire() == pending
    if success["matcher"] == "error":
        assert result is None and seen[1] is None
    else:
        assert isinstance(result, getattr(models, output))
        assert result.to_wire()[success["argument"]] == success["expected"]


@pytest.mark.parametrize("waiter", sorted(sd.WAITERS))
def test_waiter_failure_raises_with_last_response(waiter: str, raw_client: Any) -> None:
    sm, stub = _stubbed(raw_client)
    config = sd.WAITERS[waiter]
    installed_model.require(config["operation"])
    spec = sd.OPERATIONS[config["operation"]]
    request = sd.structure(spec["input"]["shape"], full=False)
    failure = next(a for a in config["acceptors"] if a["state"] == "failure" and a["matcher"] == "path")
    with stub, pytest.raises(errors.WaiterError) as caught:
        stub.add_response(sd.method(config["operation"]), _acceptor_response(spec["output"]["shape"], failure), request)
        getattr(sm.wait, sd.method(waiter))(**sd.to_snake(spec["input"]["shape"], request), delay=0)
    assert caught.value.last_response.to_wire()[failure["argument"]] == failure["expected"]


def test_waiter_gives_up_after_max_attempts(sm: SageMakerClient, raw_client: Any) -> None:
    installed_model.require("DescribeEndpoint")
    stub = Stubber(raw_client)
    pending = sd.value("DescribeEndpointOutput")
    pending["EndpointStatus"] = "Creating"
    with stub, pytest.raises(errors.WaiterError, match="after 3 attempts") as caught:
        for _ in range(3):
            stub.add_response("describe_endpoint", pending, {"EndpointName": "e"})
        sm.wait.endpoint_in_service(endpoint_name="e", delay=0, max_attempts=3)
    assert caught.value.last_response.endpoint_status == models.EndpointStatus.CREATING


@pytest.mark.parametrize("code", sorted({e["shape"] for op in sd.OPERATIONS.values() for e in op.get("errors", ())}))
def test_modeled_errors_are_typed(code: str, sm: SageMakerClient, raw_client: Any) -> None:
    stub = Stubber(raw_client)
    with stub, pytest.raises(getattr(errors, code)) as caught:
        stub.add_client_error("describe_training_job", code, "the message", http_status_code=400)
        sm.describe_training_job(training_job_name="job")
    assert isinstance(caught.value, errors.SageMakerError)
    assert caught.value.error_code == code and caught.value.error_message == "the message"
    assert caught.value.http_status_code == 400


def test_explicit_nulls_are_not_sent(sm: SageMakerClient, raw_client: Any) -> None:
    """None means "not given" at every depth: the service's JSON has no nulls."""
    installed_model.require("CreateTrainingJob")
    request = models.CreateTrainingJobRequest(
        training_job_name="j",
        role_arn="arn:aws:iam::123456789012:role/r",
        output_data_config=models.OutputDataConfig(s3_output_path="s3://b/o", kms_key_id=None),
        stopping_condition=models.StoppingCondition(max_runtime_in_seconds=60),
        vpc_config=None,
    )
    expected = {
        "TrainingJobName": "j",
        "RoleArn": "arn:aws:iam::123456789012:role/r",
        "OutputDataConfig": {"S3OutputPath": "s3://b/o"},
        "StoppingCondition": {"MaxRuntimeInSeconds": 60},
    }
    stub = Stubber(raw_client)
    arn = {"TrainingJobArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/j"}
    with stub:
        stub.add_response("create_training_job", arn, expected)
        stub.add_response("create_training_job", arn, expected)
        sm.create_training_job(request)
        sm.create_training_job(
            training_job_name="j",
            role_arn="arn:aws:iam::123456789012:role/r",
            output_data_config={"S3OutputPath": "s3://b/o", "KmsKeyId": None},
            stopping_condition={"max_runtime_in_seconds": 60},
            vpc_config=None,
        )
        stub.assert_no_pending_responses()


def test_wire_names_are_not_keywords(sm: SageMakerClient) -> None:
    """Keywords are the attribute names, as the signature shows; wire names go in dicts or models."""
    with pytest.raises(TypeError, match="unexpected keyword argument 'TrainingJobName'"):
        sm.describe_training_job(TrainingJobName="j")  # type: ignore[call-overload]


def test_pinned_botocore_models_every_operation_as_specs() -> None:
    """On the pinned botocore nothing above is skipped (the skips are for the tests_lowest session)."""
    import botocore

    if botocore.__version__ != installed_model.PINNED:
        pytest.skip(f"botocore {botocore.__version__} is not the pinned {installed_model.PINNED}")
    assert {op: installed_model.difference(op) for op in sd.OPERATIONS} == dict.fromkeys(sd.OPERATIONS)


def test_operation_missing_from_an_older_botocore_is_a_clear_error() -> None:
    class OlderClient:
        """A boto3 client from a botocore that predates DescribeTrainingJob."""

    sm = SageMakerClient(OlderClient())
    with pytest.raises(errors.UnsupportedOperationError, match=r"DescribeTrainingJob .* botocore 1\.44\.8") as caught:
        sm.describe_training_job(training_job_name="job")
    assert isinstance(caught.value, AttributeError)


def test_wrapped_client_stays_reachable(sm: SageMakerClient, raw_client: Any) -> None:
    assert sm.client is raw_client
    import inspect

    assert "request" in inspect.signature(SageMakerClient.describe_training_job).parameters
    assert SageMakerClient.describe_training_job.__doc__
