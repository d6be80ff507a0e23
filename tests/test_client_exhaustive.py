"""Every operation, paginator and waiter of every service of specs/, through botocore's Stubber.

Each call goes through the real boto3 client of its service (serialisation stops at the
Stubber), so these tests check what reaches boto3 (the exact wire parameters: for the rest-json
services the URI, header and query string members too, since the Stubber compares the
parameters boto3 was given) and what comes back (the typed output, equal to the response
botocore returned). An event stream comes back as botocore's own ``EventStream`` over framed
bytes (put in by an ``after-call`` hook, since the Stubber can only return dicts) and must
arrive typed.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

import botocore
import pytest
from botocore.eventstream import EventStream as BotocoreEventStream
from botocore.parsers import EventStreamJSONParser
from botocore.response import StreamingBody
from botocore.stub import Stubber

from sagemaker_typed import SageMakerClient, errors, models
from sagemaker_typed._meta import BOTOCORE_VERSION
from sagemaker_typed._runtime.events import EventStream
from tests import installed_model
from tests import specdata as sd
from tests.conftest import offline_boto3_client
from tests.test_events import RawStream, answer_with_events, expected_events


def _stubbed(raw_client: Any, spec: sd.Spec = sd.SAGEMAKER) -> tuple[Any, Stubber]:
    return spec.client(raw_client), Stubber(raw_client)


def _raw(spec: sd.Spec) -> Any:
    """A boto3 client of the service; the test is skipped on a botocore older than the service."""
    if not installed_model.has_service(spec):
        pytest.skip(f"botocore {botocore.__version__} has no {spec.name}")
    return offline_boto3_client(spec.name)


def _require(spec: sd.Spec, operation: str) -> None:
    installed_model.require(operation, spec=spec)


def _stream_events(raw_client: Any, spec: sd.Spec, operation: str, streams: dict[str, str]) -> None:
    def make(data: bytes, shape: Any, operation: str) -> BotocoreEventStream:
        return BotocoreEventStream(RawStream(data), shape, EventStreamJSONParser(), operation)

    answer_with_events(raw_client, spec, operation, streams, make)


def _check_events(spec: sd.Spec, result: Any, streams: dict[str, str]) -> None:
    for wire, stream in streams.items():
        typed = getattr(result, sd.attribute(wire))
        assert isinstance(typed, EventStream)
        events = list(typed)
        assert all(isinstance(e, getattr(spec.models, stream)) for e in events)
        assert [e.to_wire() for e in events] == expected_events(spec, stream)


@pytest.mark.parametrize(("spec", "operation"), sd.each(lambda spec: spec.operation_names()))
def test_operation_by_keywords_and_by_request_object(spec: sd.Spec, operation: str) -> None:
    raw_client = _raw(spec)
    sm, stub = _stubbed(raw_client, spec)
    request = spec.value(spec.input(operation))
    output = spec.output(operation)
    response = spec.value(output) if output else {}
    streams = spec.event_streams(output) if output else {}
    stubbed = dict(response)
    for wire, stream in streams.items():  # what the Stubber's check of the response takes; replaced below
        event, member = spec.payload_event(stream)
        stubbed[wire] = {event: {member: b"stubbed"}}
    bodies = spec.streaming(output) if output else []
    method = getattr(sm, sd.method(operation))
    request_model = getattr(spec.models, spec.input(operation)).model_validate(request)
    if installed_model.missing(operation, spec):  # an older botocore (the tests_lowest session)
        with pytest.raises(errors.UnsupportedOperationError, match=operation):
            method(request_model)
        return
    _require(spec, operation)
    with stub:
        for _form in ("keywords", "object"):
            # A streaming body comes back as botocore's StreamingBody, one per response.
            unread = {w: StreamingBody(io.BytesIO(response[w]), len(response[w])) for w in bodies}
            stub.add_response(sd.method(operation), {**stubbed, **unread}, request)
        if streams:
            _stream_events(raw_client, spec, operation, streams)
        by_keywords = method(**spec.to_snake(spec.input(operation), request))
        by_object = method(request_model)
        stub.assert_no_pending_responses()
    for result in (by_keywords, by_object):
        if output:
            assert isinstance(result, getattr(spec.models, output))
            for wire in bodies:  # held unread, as botocore gave it
                body = getattr(result, sd.attribute(wire))
                assert isinstance(body, StreamingBody) and body.read() == response[wire]
            assert {k: v for k, v in result.to_wire().items() if k not in {*streams, *bodies}} == {
                k: v for k, v in response.items() if k not in bodies
            }
            _check_events(spec, result, streams)
        else:
            assert result is None


@pytest.mark.parametrize(("spec", "paginator"), sd.each(lambda spec: sorted(spec.paginators)))
def test_paginator_items_and_pages(spec: sd.Spec, paginator: str) -> None:
    _require(spec, paginator)
    sm, stub = _stubbed(_raw(spec), spec)
    config = spec.paginators[paginator]
    output = spec.output(paginator)
    assert output is not None
    request = spec.structure(spec.input(paginator), full=False)
    pages = [spec.value(output), spec.value(output)]
    pages[0][config["output_token"]] = "page-two"
    pages[1].pop(config["output_token"], None)
    items = pages[0][config["result_key"]] + pages[1][config["result_key"]]
    assert items, "the generated pages must carry items"
    walk = getattr(sm.paginate, sd.method(paginator))(**spec.to_snake(spec.input(paginator), request))
    with stub:
        for _ in range(2):
            stub.add_response(sd.method(paginator), pages[0], request)
            stub.add_response(sd.method(paginator), pages[1], {**request, config["input_token"]: "page-two"})
        typed_items = list(walk)
        typed_pages = list(walk.pages())
        stub.assert_no_pending_responses()
    assert [i.to_wire() if hasattr(i, "to_wire") else i for i in typed_items] == items
    assert [p.to_wire() for p in typed_pages] == pages
    assert all(isinstance(p, getattr(spec.models, output)) for p in typed_pages)


def _acceptor_response(spec: sd.Spec, output: str, acceptor: dict[str, Any]) -> dict[str, Any]:
    response = spec.value(output)
    assert acceptor["matcher"] == "path", acceptor
    response[acceptor["argument"]] = acceptor["expected"]
    return response


WAITERS = sd.each(lambda spec: sorted(spec.waiters))


def _waiting(spec: sd.Spec, waiter: str) -> tuple[Any, Stubber, dict[str, Any], str, str, dict[str, Any]]:
    """A stubbed client, the waiter's config, operation, output shape and a minimal request."""
    sm, stub = _stubbed(_raw(spec), spec)
    config = spec.waiters[waiter]
    operation = config["operation"]
    _require(spec, operation)
    output = spec.output(operation)
    assert output is not None
    return sm, stub, config, operation, output, spec.structure(spec.input(operation), full=False)


@pytest.mark.parametrize(("spec", "waiter"), WAITERS)
def test_waiter_polls_until_success(spec: sd.Spec, waiter: str) -> None:
    sm, stub, config, operation, output, request = _waiting(spec, waiter)
    success = next(a for a in config["acceptors"] if a["state"] == "success")
    pending = spec.value(output)
    seen: list[Any] = []
    with stub:
        stub.add_response(sd.method(operation), pending, request)
        if success["matcher"] == "error":
            stub.add_client_error(sd.method(operation), success["expected"], "gone")
        else:
            stub.add_response(sd.method(operation), _acceptor_response(spec, output, success), request)
        result = getattr(sm.wait, sd.method(waiter))(
            **spec.to_snake(spec.input(operation), request), delay=0, callback=seen.append
        )
        stub.assert_no_pending_responses()
    assert len(seen) == 2 and seen[0].to_wire() == pending
    if success["matcher"] == "error":
        assert result is None and seen[1] is None
    else:
        assert isinstance(result, getattr(spec.models, output))
        assert result.to_wire()[success["argument"]] == success["expected"]


@pytest.mark.parametrize(("spec", "waiter"), WAITERS)
def test_waiter_failure_raises_with_last_response(spec: sd.Spec, waiter: str) -> None:
    sm, stub, config, operation, output, request = _waiting(spec, waiter)
    failure = next(a for a in config["acceptors"] if a["state"] == "failure" and a["matcher"] == "path")
    with stub, pytest.raises(errors.WaiterError) as caught:
        stub.add_response(sd.method(operation), _acceptor_response(spec, output, failure), request)
        getattr(sm.wait, sd.method(waiter))(**spec.to_snake(spec.input(operation), request), delay=0)
    assert caught.value.last_response.to_wire()[failure["argument"]] == failure["expected"]


def test_waiter_gives_up_after_max_attempts_and_sleeps_between_polls(
    sm: SageMakerClient, raw_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed_model.require("DescribeEndpoint")
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    stub = Stubber(raw_client)
    pending = sd.value("DescribeEndpointOutput")
    pending["EndpointStatus"] = "Creating"
    with stub, pytest.raises(errors.WaiterError, match="after 3 attempts") as caught:
        for _ in range(3):
            stub.add_response("describe_endpoint", pending, {"EndpointName": "e"})
        sm.wait.endpoint_in_service(endpoint_name="e", delay=7, max_attempts=3)
    assert caught.value.last_response.endpoint_status == models.EndpointStatus.CREATING
    assert slept == [7, 7]


def _failing_call(spec: sd.Spec, code: str) -> type[Exception]:
    """Call the service's first operation, answered by an error ``code``; return the class raised."""
    operation = spec.operation_names()[0]
    raw_client = _raw(spec)
    sm, stub = _stubbed(raw_client, spec)
    # Required members only: an older botocore (tests_lowest) may not know the newer optional ones.
    request = spec.value(spec.input(operation), full=False)
    with stub, pytest.raises(errors.SageMakerError) as caught:
        stub.add_client_error(sd.method(operation), code, "the message", http_status_code=400)
        getattr(sm, sd.method(operation))(**spec.to_snake(spec.input(operation), request))
    assert caught.value.error_code == code and caught.value.error_message == "the message"
    assert caught.value.http_status_code == 400
    return type(caught.value)


@pytest.mark.parametrize(("spec", "code"), sd.each(lambda spec: spec.error_codes()))
def test_modeled_errors_are_typed(spec: sd.Spec, code: str) -> None:
    """Each service's codes map to its own classes, under its base and SageMakerError."""
    raised = _failing_call(spec, code)
    assert raised is getattr(spec.errors, code)
    assert issubclass(raised, spec.error_base) and issubclass(spec.error_base, errors.SageMakerError)


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_an_unknown_error_code_is_the_services_base(spec: sd.Spec) -> None:
    assert _failing_call(spec, "AnErrorFromTheFuture") is spec.error_base
    # SageMaker's own base is SageMakerError, the base of every service's; the others are apart.
    others = [s.error_base for s in sd.SPECS.values() if s is not spec and s is not sd.SAGEMAKER]
    assert not any(issubclass(spec.error_base, other) for other in others)


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


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_pinned_botocore_has_every_service_as_specs(spec: sd.Spec) -> None:
    """The Stubber tests of the other services run on the installed botocore's model: it must be specs/'."""
    import botocore
    import botocore.loaders

    if botocore.__version__ != installed_model.PINNED:
        pytest.skip(f"botocore {botocore.__version__} is not the pinned {installed_model.PINNED}")
    loader = botocore.loaders.create_loader()
    installed = loader.load_service_model(spec.name, "service-2", spec.model["metadata"]["apiVersion"])
    assert installed["operations"] == spec.operations and installed["shapes"] == spec.shapes


def test_operation_missing_from_an_older_botocore_is_a_clear_error() -> None:
    class OlderClient:
        """A boto3 client from a botocore that predates DescribeTrainingJob."""

    sm = SageMakerClient(OlderClient())
    pinned = rf"DescribeTrainingJob .* botocore {re.escape(BOTOCORE_VERSION)}"  # the model's botocore, named
    with pytest.raises(errors.UnsupportedOperationError, match=pinned) as caught:
        sm.describe_training_job(training_job_name="job")
    assert isinstance(caught.value, AttributeError)


def test_wrapped_client_stays_reachable(sm: SageMakerClient, raw_client: Any) -> None:
    assert sm.client is raw_client
    import inspect

    assert "request" in inspect.signature(SageMakerClient.describe_training_job).parameters
    assert SageMakerClient.describe_training_job.__doc__
