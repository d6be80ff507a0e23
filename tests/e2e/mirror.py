"""Run every call twice: typed against server A, raw boto3 against server B; compare.

A ``Call`` is written twice by hand: as the typed client is meant to be used (snake_case
keywords, models, enums, or a request model) and as a boto3 user would write it (wire
names, plain dicts). Server B receives the hand-written wire form, so a typed request that
serialised differently would leave the two servers in different states, and a later
describe or list would show it.

Every successful typed result, dumped by wire name, must equal what raw boto3 returned from
server B, once ``ResponseMetadata`` is removed and the values that legitimately differ
between two servers are normalised (see ``normalise``). Read-only calls are also repeated
with raw boto3 on server A, where the typed result must equal the raw one exactly, with no
normalisation at all.
"""

from __future__ import annotations

import base64
import binascii
import copy
import datetime
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError, WaiterError
from pydantic import BaseModel

from sagemaker_typed import SageMakerClient, errors

READ_ONLY = ("describe_", "list_", "search")

# moto names each pipeline execution with 12 random characters (random.choices), so the
# same start_pipeline_execution gets a different ARN on each server.
_PIPELINE_EXECUTION_ID = re.compile(r"(:pipeline/[^/]+/execution/)[a-z0-9]+")


class Call(NamedTuple):
    """One call: the typed form (keywords or a request model) and the boto3 form."""

    method: str
    typed: Mapping[str, Any] | BaseModel
    wire: Mapping[str, Any]


def normalise(value: Any, key: str | None = None) -> Any:
    """``value`` with what differs between two moto servers fed the same calls made equal.

    Only three things do, and only they are touched:

    - timestamps: each server stamps creation, modification and start times with its own
      clock. A datetime becomes a marker, so a timestamp parsed as anything but a datetime
      still differs;
    - pipeline execution ids: random (see ``_PIPELINE_EXECUTION_ID``);
    - moto's pagination tokens (base64 JSON): they carry ``parameterChecksum``, Python's
      ``hash()`` of the request filters, which differs between processes (string hashing
      is randomised per process, and on 3.11 ``hash(None)`` is an address). The rest of the
      token, the position, must still match. Integer tokens (training jobs) are untouched.
    """
    if isinstance(value, datetime.datetime):
        return "<timestamp>"
    if isinstance(value, Mapping):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        if key == "NextToken":
            return _moto_token(value)
        return _PIPELINE_EXECUTION_ID.sub(r"\1<execution-id>", value)
    return value


def _moto_token(token: str) -> Any:
    try:
        decoded = json.loads(base64.b64decode(token, validate=True))
    except (binascii.Error, ValueError):
        return token
    if not isinstance(decoded, dict) or "parameterChecksum" not in decoded:
        return token
    return {**decoded, "parameterChecksum": "<checksum>"}


def wire(result: Any) -> dict[str, Any]:
    """A typed result dumped by wire name (an operation without output gives ``{}``)."""
    if result is None:
        return {}
    assert isinstance(result, BaseModel), f"not a typed result: {result!r}"
    dumped: dict[str, Any] = result.to_wire()  # type: ignore[attr-defined]
    assert dumped == result.model_dump(by_alias=True, exclude_unset=True)
    return dumped


def body(response: Mapping[str, Any]) -> dict[str, Any]:
    """A raw boto3 response without its ``ResponseMetadata``."""
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def assert_same(typed: Any, raw: Mapping[str, Any]) -> None:
    """The typed result from server A matches the raw boto3 response from server B."""
    assert normalise(wire(typed)) == normalise(body(raw))


class Mirror:
    """The typed client over server A and raw boto3 over server B, called in lockstep."""

    def __init__(self, sm: SageMakerClient, raw: Any) -> None:
        self.sm = sm
        self.raw = raw
        self._sent: dict[str, Any] = {}
        sm.client.meta.events.register("before-parameter-build.sagemaker", self._record)

    def _record(self, params: dict[str, Any], **_: Any) -> None:
        self._sent = copy.deepcopy(params)  # what the typed client passed to boto3 last

    def _typed(self, target: Callable[..., Any], call: Call, **extra: Any) -> Any:
        if isinstance(call.typed, BaseModel):
            return target(call.typed, **extra)
        return target(**call.typed, **extra)

    def both(self, call: Call) -> tuple[Any, dict[str, Any]]:
        """Make ``call`` on both servers; check the results; return both."""
        typed = self._typed(getattr(self.sm, call.method), call)
        raw = getattr(self.raw, call.method)(**call.wire)
        assert_same(typed, raw)
        if call.method.startswith(READ_ONLY):
            # Same request to the same server: the typed result is exactly what boto3 parses.
            assert wire(typed) == body(getattr(self.sm.client, call.method)(**self._sent))
        return typed, raw

    def call(self, call: Call) -> Any:
        """Make ``call`` on both servers; check the results; return the typed one."""
        return self.both(call)[0]

    def run(self, *calls: Call) -> list[Any]:
        """Make each call in turn; return the typed results."""
        return [self.call(call) for call in calls]

    def error(self, call: Call) -> errors.SageMakerError:
        """Make ``call`` on both servers, expecting the same error; return the typed one."""
        with pytest.raises(errors.SageMakerError) as typed:
            self._typed(getattr(self.sm, call.method), call)
        with pytest.raises(ClientError) as raw:
            getattr(self.raw, call.method)(**call.wire)
        error = typed.value
        assert error.error_code == raw.value.response["Error"]["Code"]
        assert error.error_message == raw.value.response["Error"]["Message"]
        assert error.http_status_code == raw.value.response["ResponseMetadata"]["HTTPStatusCode"]
        assert error.operation_name == raw.value.operation_name
        return error

    def pages(self, call: Call) -> list[Any]:
        """Paginate ``call`` on both servers; check page by page; return the typed pages."""
        paginator = self._typed(getattr(self.sm.paginate, call.method), call)
        typed_pages = list(paginator.pages())
        raw_pages = list(self.raw.get_paginator(call.method).paginate(**call.wire))
        assert len(typed_pages) == len(raw_pages)
        for typed, raw in zip(typed_pages, raw_pages, strict=True):
            assert_same(typed, raw)
        return typed_pages

    def wait(self, waiter: str, call: Call, callback: Callable[[Any], object] | None = None) -> Any:
        """Run a waiter on both servers; ``call`` is the operation it polls.

        Returns the typed waiter's result, checked against a fresh raw call on server B
        (a waiter for a deletion returns None: there is nothing left to describe).
        """
        raw_waiter = self.raw.get_waiter(waiter)
        assert xform_name(raw_waiter.config.operation) == call.method
        typed = self._typed(getattr(self.sm.wait, waiter), call, delay=0.1, max_attempts=20, callback=callback)
        try:
            raw_waiter.wait(**call.wire, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
        except WaiterError as error:  # pragma: no cover - a failure explains itself better this way
            pytest.fail(f"raw boto3 waiter {waiter} failed on server B: {error}")
        if typed is not None:
            assert_same(typed, getattr(self.raw, call.method)(**call.wire))
        return typed
