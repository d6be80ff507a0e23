"""Typed waiters: botocore's acceptors and matchers, with the typed response at every poll.

The poll loop is written once, without I/O: ``steps`` is a generator that says what to do
next (``CALL`` the operation, ``Report`` a typed response to the callback, ``Sleep``) and is
sent what came of it. ``poll`` here drives it with blocking calls and ``time.sleep``;
``aio.poll`` drives the very same generator with awaited calls and ``asyncio.sleep``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from botocore.waiter import WaiterModel
from pydantic import BaseModel

from .calls import Operation, build_request, parse_response
from .errors import SageMakerError, WaiterError
from .record import Record, init

if TYPE_CHECKING:
    from .calls import BaseClient

OutT = TypeVar("OutT")


class WaiterSpec(Record, Generic[OutT]):
    """A waiter of specs/: its name, operation and botocore configuration (JSON)."""

    _fields = ("name", "operation", "config")
    __slots__ = _fields
    name: str
    operation: Operation[OutT]
    config: str

    def __init__(self, name: str, operation: Operation[OutT], config: str) -> None:
        init(self, "name", name)
        init(self, "operation", operation)
        init(self, "config", config)


class _Call:
    """Step: call the operation once; send back its raw response, or the SageMakerError it raised."""

    __slots__ = ()


CALL = _Call()


class Report(Record, Generic[OutT]):
    """Step: hand ``response`` to the callback (if any); send back None."""

    _fields = ("response",)
    __slots__ = _fields
    response: OutT | None

    def __init__(self, response: OutT | None) -> None:
        init(self, "response", response)


class Sleep(Record):
    """Step: wait ``seconds`` before the next poll; send back None."""

    _fields = ("seconds",)
    __slots__ = _fields
    seconds: float

    def __init__(self, seconds: float) -> None:
        init(self, "seconds", seconds)


Step = _Call | Report[OutT] | Sleep
Outcome = Mapping[str, Any] | SageMakerError | None
"""What a driver sends back: a raw response or an error after ``CALL``, None after the others."""


def steps(
    spec: WaiterSpec[OutT], delay: float | None, max_attempts: int | None
) -> Generator[Step[OutT], Outcome, OutT | None]:
    """The poll loop, sans I/O: returns the last typed response on success, raises ``WaiterError`` on failure.

    The response is None when success or failure was an error that an acceptor matched
    (e.g. "not found" for a deletion waiter).
    """
    config = WaiterModel({"version": 2, "waiters": {spec.name: json.loads(spec.config)}}).get_waiter(spec.name)
    delay = config.delay if delay is None else delay
    max_attempts = config.max_attempts if max_attempts is None else max_attempts
    last: OutT | None = None
    for attempt in range(1, max_attempts + 1):
        outcome = yield CALL
        error: SageMakerError | None = None
        raw: Mapping[str, Any]
        if isinstance(outcome, SageMakerError):
            error, raw, last = outcome, outcome.response, None
        else:
            assert outcome is not None, "a driver must send the response of a CALL"
            raw, last = outcome, parse_response(spec.operation, outcome)
        yield Report(last)
        state = next((a.state for a in config.acceptors if a.matcher_func(raw)), None)
        if state == "success":
            return last
        if state == "failure":
            raise WaiterError(spec.name, "a failure state was reached", last, error)
        if error is not None:
            raise WaiterError(spec.name, f"unexpected error {error.error_code}: {error.error_message}", None, error)
        if attempt < max_attempts:
            yield Sleep(delay)
    raise WaiterError(spec.name, f"still not done after {max_attempts} attempts", last)


def success(spec: WaiterSpec[OutT], result: OutT | None) -> OutT:
    """The response a waiter ``until`` a state returns (which a matched error cannot give)."""
    if result is None:
        raise WaiterError(spec.name, "success was matched without a response")
    return result


def until(
    client: BaseClient,
    spec: WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    **options: Any,
) -> OutT:
    """Wait for a state the operation's response shows; return that response."""
    return success(spec, poll(client, spec, request, params, **options))


def until_gone(
    client: BaseClient,
    spec: WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    **options: Any,
) -> None:
    """Wait for the resource to be gone (success is an error such as "not found")."""
    poll(client, spec, request, params, **options)


def poll(
    client: BaseClient,
    spec: WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    *,
    delay: float | None = None,
    max_attempts: int | None = None,
    callback: Callable[[OutT | None], object] | None = None,
) -> OutT | None:
    """Poll until an acceptor says success (return the last typed response) or failure (raise).

    ``callback`` receives each typed response as it comes (None when the poll ended in an
    error that an acceptor matched, e.g. "not found" for a deletion waiter).
    """
    wire = build_request(spec.operation, request, params, client.validation)
    loop = steps(spec, delay, max_attempts)
    outcome: Outcome = None
    while True:
        try:
            step = loop.send(outcome)
        except StopIteration as done:
            result: OutT | None = done.value
            return result
        outcome = None
        if step is CALL:
            try:
                outcome = client._invoke(spec.operation, wire)
            except SageMakerError as error:
                outcome = error
        elif isinstance(step, Report):
            if callback is not None:
                callback(step.response)
        elif isinstance(step, Sleep):
            time.sleep(step.seconds)  # looked up at each call, so a patched time.sleep applies (as in aio)
