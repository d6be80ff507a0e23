"""Every operation, paginator and waiter of every service of specs/, awaited through aiobotocore's AioStubber.

The async twin of test_client_exhaustive: each call goes through a real aiobotocore client
(serialisation stops at the stubber), so these tests check the exact wire parameters that
reach aiobotocore and the typed output, equal to the response it returned.

aiobotocore pins botocore to a narrow range, older than specs/: an operation (or paginator)
the installed botocore lacks must raise ``UnsupportedOperationError`` naming the version, and
values are limited to the members the installed botocore knows (its serializer and the
stubber's response check refuse others); a service it lacks altogether is skipped. An event
stream comes back as aiobotocore's ``AioEventStream`` over framed bytes (put in by an
``after-call`` hook) and must arrive as a typed ``AsyncEventStream``.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable
from typing import Any, TypeVar

import pytest

pytest.importorskip("aiobotocore")

import botocore
from aiobotocore.eventstream import AioEventStream
from aiobotocore.parsers import AioEventStreamJSONParser
from aiobotocore.stub import AioStubber
from botocore.model import Shape
from packaging.version import Version

from sagemaker_typed import AsyncSageMakerClient, errors, models
from sagemaker_typed._meta import BOTOCORE_VERSION
from sagemaker_typed._runtime.calls import newer_members
from sagemaker_typed._runtime.events import AsyncEventStream
from tests import specdata as sd
from tests.test_async_events import AioRawStream
from tests.test_events import answer_with_events, expected_events

T = TypeVar("T")


@pytest.fixture
def run(aio_loop: asyncio.AbstractEventLoop) -> Any:
    def run(awaitable: Awaitable[T]) -> T:
        return aio_loop.run_until_complete(awaitable)

    return run


@pytest.fixture
def sm(aio_raw_client: Any) -> AsyncSageMakerClient:
    return AsyncSageMakerClient(aio_raw_client)


@pytest.fixture
def typed(aio_raw_clients: Any) -> Any:
    """``typed(spec)``: the service's typed async client over its raw aiobotocore client, and that client."""

    def make(spec: sd.Spec) -> tuple[Any, Any]:
        raw = aio_raw_clients(spec.name)
        return spec.async_client(raw), raw

    return make


def known(shape: Shape, value: Any) -> Any:
    """``value`` with only the members the installed botocore's ``shape`` knows, at every depth."""
    if shape.type_name == "structure":
        return {k: known(shape.members[k], v) for k, v in value.items() if k in shape.members}  # type: ignore[attr-defined]
    if shape.type_name == "list":
        return [known(shape.member, v) for v in value]  # type: ignore[attr-defined]
    if shape.type_name == "map":
        return {k: known(shape.value, v) for k, v in value.items()}  # type: ignore[attr-defined]
    return value


def installed(raw: Any, operation: str) -> Any:
    """The installed botocore's model of ``operation``, or None when it predates it."""
    model = raw.meta.service_model
    return model.operation_model(operation) if operation in model.operation_names else None


def values(
    raw: Any, operation: str, full: bool = True, spec: sd.Spec = sd.SAGEMAKER
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A valid request and response of ``operation``, limited to what the installed botocore knows."""
    op = installed(raw, operation)
    output = spec.output(operation)
    request = known(op.input_shape, spec.structure(spec.input(operation), full=full))
    response = known(op.output_shape, spec.value(output)) if output else {}
    return request, response


MISSING = "not in the installed botocore"


def _stream_events(raw_client: Any, spec: sd.Spec, operation: str, streams: dict[str, str]) -> None:
    def make(data: bytes, shape: Any, operation: str) -> AioEventStream:
        return AioEventStream(AioRawStream(data), shape, AioEventStreamJSONParser(), operation)

    answer_with_events(raw_client, spec, operation, streams, make)


def _check_events(spec: sd.Spec, result: Any, streams: dict[str, str], run: Any) -> None:
    for wire, stream in streams.items():
        typed = getattr(result, sd.attribute(wire))
        assert isinstance(typed, AsyncEventStream)
        events = run(_collect(typed))
        assert all(isinstance(e, getattr(spec.models, stream)) for e in events)
        assert [e.to_wire() for e in events] == expected_events(spec, stream)


@pytest.mark.parametrize(("spec", "operation"), sd.each(lambda spec: spec.operation_names()))
def test_operation_by_keywords_and_by_request_object(spec: sd.Spec, operation: str, typed: Any, run: Any) -> None:
    sm, raw_client = typed(spec)
    method = getattr(sm, sd.method(operation))
    if installed(raw_client, operation) is None:
        request = spec.value(spec.input(operation))
        with pytest.raises(errors.UnsupportedOperationError, match=rf"{operation} is {MISSING} {botocore.__version__}"):
            run(method(**spec.to_snake(spec.input(operation), request)))
        return
    request, response = values(raw_client, operation, spec=spec)
    output = spec.output(operation)
    streams = spec.event_streams(output) if output else {}
    stubbed = dict(response)
    for wire, stream in streams.items():  # what the stubber's check of the response takes; replaced below
        event, member = spec.payload_event(stream)
        stubbed[wire] = {event: {member: b"stubbed"}}
    request_model = getattr(spec.models, spec.input(operation)).model_validate(request)
    with AioStubber(raw_client) as stub:
        stub.add_response(sd.method(operation), stubbed, request)
        stub.add_response(sd.method(operation), stubbed, request)
        if streams:
            _stream_events(raw_client, spec, operation, streams)
        by_keywords = run(method(**spec.to_snake(spec.input(operation), request)))
        by_object = run(method(request_model))
        stub.assert_no_pending_responses()
    for result in (by_keywords, by_object):
        if output:
            assert isinstance(result, getattr(spec.models, output))
            assert {k: v for k, v in result.to_wire().items() if k not in streams} == response
            _check_events(spec, result, streams, run)
        else:
            assert result is None


async def _collect(iterable: Any) -> list[Any]:
    return [item async for item in iterable]


@pytest.mark.parametrize(("spec", "paginator"), sd.each(lambda spec: sorted(spec.paginators)))
def test_paginator_items_and_pages(spec: sd.Spec, paginator: str, typed: Any, run: Any) -> None:
    sm, raw_client = typed(spec)
    config = spec.paginators[paginator]
    output = spec.output(paginator)
    method = sd.method(paginator)
    if not (hasattr(raw_client, method) and raw_client.can_paginate(method)):
        request = spec.structure(spec.input(paginator), full=False)
        walk = getattr(sm.paginate, method)(**spec.to_snake(spec.input(paginator), request))
        with pytest.raises(errors.UnsupportedOperationError, match=rf"{paginator}('s paginator)? is {MISSING}"):
            run(_collect(walk))
        return
    request, page = values(raw_client, paginator, full=False, spec=spec)
    pages = [page, dict(page)]
    pages[0][config["output_token"]] = "page-two"
    pages[1].pop(config["output_token"], None)
    items = pages[0][config["result_key"]] + pages[1][config["result_key"]]
    assert items, "the generated pages must carry items"
    walk = getattr(sm.paginate, method)(**spec.to_snake(spec.input(paginator), request))
    with AioStubber(raw_client) as stub:
        for _ in range(2):
            stub.add_response(method, pages[0], request)
            stub.add_response(method, pages[1], {**request, config["input_token"]: "page-two"})
        typed_items = run(_collect(walk))
        typed_pages = run(_collect(walk.pages()))
        stub.assert_no_pending_responses()
    assert [i.to_wire() if hasattr(i, "to_wire") else i for i in typed_items] == items
    assert [p.to_wire() for p in typed_pages] == pages
    assert all(isinstance(p, getattr(spec.models, output)) for p in typed_pages)


def _acceptor_response(raw: Any, operation: str, acceptor: dict[str, Any]) -> dict[str, Any]:
    _, response = values(raw, operation)
    assert acceptor["matcher"] == "path", acceptor
    response[acceptor["argument"]] = acceptor["expected"]
    return response


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("waiter", sorted(sd.WAITERS))
def test_waiter_polls_until_success(
    waiter: str, kind: str, sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any
) -> None:
    config = sd.WAITERS[waiter]
    operation = config["operation"]
    spec = sd.OPERATIONS[operation]
    output = spec["output"]["shape"]
    request, _ = values(aio_raw_client, operation, full=False)
    _, pending = values(aio_raw_client, operation)
    success = next(a for a in config["acceptors"] if a["state"] == "success")
    seen: list[Any] = []

    async def remember(response: Any) -> None:
        await asyncio.sleep(0)
        seen.append(response)

    callback = seen.append if kind == "sync" else remember
    with AioStubber(aio_raw_client) as stub:
        stub.add_response(sd.method(operation), pending, request)
        if success["matcher"] == "error":
            stub.add_client_error(sd.method(operation), success["expected"], "gone")
        else:
            stub.add_response(sd.method(operation), _acceptor_response(aio_raw_client, operation, success), request)
        result = run(
            getattr(sm.wait, sd.method(waiter))(
                **sd.to_snake(spec["input"]["shape"], request), delay=0, callback=callback
            )
        )
        stub.assert_no_pending_responses()
    assert len(seen) == 2 and seen[0].to_wire() == pending
    if success["matcher"] == "error":
        assert result is None and seen[1] is None
    else:
        assert isinstance(result, getattr(models, output))
        assert result.to_wire()[success["argument"]] == success["expected"]


@pytest.mark.parametrize("waiter", sorted(sd.WAITERS))
def test_waiter_failure_raises_with_last_response(
    waiter: str, sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any
) -> None:
    config = sd.WAITERS[waiter]
    operation = config["operation"]
    spec = sd.OPERATIONS[operation]
    request, _ = values(aio_raw_client, operation, full=False)
    failure = next(a for a in config["acceptors"] if a["state"] == "failure" and a["matcher"] == "path")
    with AioStubber(aio_raw_client) as stub, pytest.raises(errors.WaiterError) as caught:
        stub.add_response(sd.method(operation), _acceptor_response(aio_raw_client, operation, failure), request)
        run(getattr(sm.wait, sd.method(waiter))(**sd.to_snake(spec["input"]["shape"], request), delay=0))
    assert caught.value.last_response.to_wire()[failure["argument"]] == failure["expected"]


def test_waiter_gives_up_after_max_attempts_and_sleeps_between_polls(
    sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    pending = {"EndpointName": "e", "EndpointArn": "arn:aws:sagemaker:us-east-1:1:endpoint/e"}
    pending.update(EndpointStatus="Creating", CreationTime=sd.WHEN, LastModifiedTime=sd.WHEN)
    with AioStubber(aio_raw_client) as stub, pytest.raises(errors.WaiterError, match="after 3 attempts") as caught:
        for _ in range(3):
            stub.add_response("describe_endpoint", pending, {"EndpointName": "e"})
        run(sm.wait.endpoint_in_service(endpoint_name="e", delay=7, max_attempts=3))
    assert caught.value.last_response.endpoint_status == models.EndpointStatus.CREATING
    assert slept == [7, 7]


@pytest.mark.parametrize(("spec", "code"), sd.each(lambda spec: [*spec.error_codes(), "AnErrorFromTheFuture"]))
def test_errors_are_typed_by_service(spec: sd.Spec, code: str, typed: Any, run: Any) -> None:
    """Each service's codes map to its own classes; a code it does not model, to its base."""
    sm, raw_client = typed(spec)
    operation = next(op for op in spec.operation_names() if installed(raw_client, op) is not None)
    request, _ = values(raw_client, operation, spec=spec)
    with AioStubber(raw_client) as stub, pytest.raises(errors.SageMakerError) as caught:
        stub.add_client_error(sd.method(operation), code, "the message", http_status_code=400)
        run(getattr(sm, sd.method(operation))(**spec.to_snake(spec.input(operation), request)))
    assert type(caught.value) is getattr(spec.errors, code, spec.error_base)
    assert isinstance(caught.value, spec.error_base)
    assert caught.value.error_code == code and caught.value.error_message == "the message"
    assert caught.value.http_status_code == 400


def test_paginator_errors_are_typed(sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any) -> None:
    with AioStubber(aio_raw_client) as stub, pytest.raises(errors.ResourceNotFound):
        stub.add_client_error("list_training_jobs", "ResourceNotFound", "no")
        run(_collect(sm.paginate.list_training_jobs()))


def test_invalid_requests_fail_before_anything_is_sent(sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any) -> None:
    import pydantic

    with AioStubber(aio_raw_client) as stub:  # nothing queued: a request sent would fail the stubber
        with pytest.raises(pydantic.ValidationError):
            run(sm.describe_training_job(training_job_name="not a valid name!"))
        with pytest.raises(pydantic.ValidationError):
            sm.paginate.list_training_jobs(max_results=0)  # validated when made, before iteration
        with pytest.raises(pydantic.ValidationError):
            run(sm.wait.endpoint_in_service(endpoint_name="not valid!"))
        with pytest.raises(TypeError, match="not both"):
            request = models.DescribeTrainingJobRequest(training_job_name="j")
            run(sm.describe_training_job(request, training_job_name="j"))  # type: ignore[call-overload]
        stub.assert_no_pending_responses()
    with pytest.raises(TypeError, match="unexpected keyword argument 'TrainingJobName'"):
        run(sm.describe_training_job(TrainingJobName="j"))  # type: ignore[call-overload]


def test_operation_missing_from_an_older_botocore_is_a_clear_error(run: Any) -> None:
    class OlderClient:
        """An aiobotocore client from a botocore that predates DescribeTrainingJob."""

    sm = AsyncSageMakerClient(OlderClient())
    pinned = rf"DescribeTrainingJob .* botocore {re.escape(BOTOCORE_VERSION)}"  # the model's botocore, named
    with pytest.raises(errors.UnsupportedOperationError, match=pinned):
        run(sm.describe_training_job(training_job_name="job"))


def test_members_newer_than_the_installed_botocore_are_named(
    sm: AsyncSageMakerClient, aio_raw_client: Any, run: Any
) -> None:
    """botocore's serializer fails on a member its model lacks (a KeyError): the SDK names them."""
    named = 0
    for operation in sd.operation_names():
        op = installed(aio_raw_client, operation)
        if op is None:
            continue
        spec = sd.OPERATIONS[operation]
        request = sd.structure(spec["input"]["shape"])
        newer = newer_members(op.input_shape, request)
        if not newer:
            continue
        named += 1
        with AioStubber(aio_raw_client) as stub, pytest.raises(errors.UnsupportedOperationError) as caught:
            stub.add_response(sd.method(operation), values(aio_raw_client, operation)[1])  # serialising fails
            run(getattr(sm, sd.method(operation))(**sd.to_snake(spec["input"]["shape"], request)))
        assert caught.value.members == tuple(newer)
        assert f"{operation}'s member" in str(caught.value) and "upgrade aiobotocore" in str(caught.value)
    assert named or Version(botocore.__version__) >= Version(BOTOCORE_VERSION)
