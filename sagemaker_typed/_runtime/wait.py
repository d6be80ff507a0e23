"""Typed waiters: botocore's acceptors and matchers, with the typed response at every poll."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from botocore.waiter import WaiterModel
from pydantic import BaseModel

from .calls import Operation, build_request, parse_response
from .errors import SageMakerError, WaiterError

if TYPE_CHECKING:
    from .calls import BaseClient

OutT = TypeVar("OutT")


@dataclass(frozen=True, slots=True)
class WaiterSpec(Generic[OutT]):
    """A waiter of specs/: its name, operation and botocore configuration (JSON)."""

    name: str
    operation: Operation[OutT]
    config: str


def until(
    client: BaseClient,
    spec: WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    **options: Any,
) -> OutT:
    """Wait for a state the operation's response shows; return that response."""
    result = poll(client, spec, request, params, **options)
    if result is None:
        raise WaiterError(spec.name, "success was matched without a response")
    return result


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
    sleep: Callable[[float], object] = time.sleep,
) -> OutT | None:
    """Poll until an acceptor says success (return the last typed response) or failure (raise).

    ``callback`` receives each typed response as it comes (None when the poll ended in an
    error that an acceptor matched, e.g. "not found" for a deletion waiter).
    """
    wire = build_request(spec.operation.input, request, params, client.validation)
    config = WaiterModel({"version": 2, "waiters": {spec.name: json.loads(spec.config)}}).get_waiter(spec.name)
    delay = config.delay if delay is None else delay
    max_attempts = config.max_attempts if max_attempts is None else max_attempts
    last: OutT | None = None
    for attempt in range(1, max_attempts + 1):
        error: SageMakerError | None = None
        raw: Mapping[str, Any]
        try:
            raw = client._invoke(spec.operation, wire)
            last = parse_response(spec.operation.output, raw)
        except SageMakerError as caught:
            error, raw, last = caught, caught.response, None
        if callback is not None:
            callback(last)
        state = next((a.state for a in config.acceptors if a.matcher_func(raw)), None)
        if state == "success":
            return last
        if state == "failure":
            raise WaiterError(spec.name, "a failure state was reached", last, error)
        if error is not None:
            raise WaiterError(spec.name, f"unexpected error {error.error_code}: {error.error_message}", None, error)
        if attempt < max_attempts:
            sleep(delay)
    raise WaiterError(spec.name, f"still not done after {max_attempts} attempts", last)
