"""Waiting for a resource: describe it every ``poll`` seconds until its status ends the wait.

``wait`` ends at a terminal status of the resource's lifecycle (raising ``FailedStatusError``
for a failed one), ``wait_for_status`` at the status asked for, ``wait_for_delete`` when the
service no longer finds the resource (or says it is deleted). Each raises ``WaitTimeoutError``
(a ``TimeoutError``) when ``timeout`` passes, and ``ResourceDeletedError`` when the resource
goes away while waiting for anything else. The status is shown as ``progress`` asks; with
``logs`` the resource's CloudWatch Logs are printed as they come, and the rest of them once the
wait is over.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any, TypeVar

from . import progress as _progress
from .errors import FailedStatusError, ResourceDeletedError, SageMakerError, WaitTimeoutError, label

if TYPE_CHECKING:
    from .resource import Resource

R = TypeVar("R", bound="Resource")

_MISSING = re.compile(r"not (be )?found|does not exist|could not find|cannot find|no such", re.IGNORECASE)


def missing(error: SageMakerError) -> bool:
    """Whether a Describe error says the resource is not there (SageMaker answers a ValidationException
    for most resources, as botocore's deletion waiters expect)."""
    if error.error_code in ("ResourceNotFound", "ResourceNotFoundException"):
        return True
    return error.error_code == "ValidationException" and bool(_MISSING.search(error.error_message))


def wait(
    resource: R,
    *,
    status: str | None = None,
    poll: float = 5.0,
    timeout: float | None = None,
    progress: bool | None = None,
    logs: bool = False,
) -> R:
    """Poll ``resource`` until its status is terminal (or ``status``); return it."""
    _poll(resource, status, False, poll, timeout, progress, logs)
    return resource


def wait_for_delete(
    resource: Resource, *, poll: float = 5.0, timeout: float | None = None, progress: bool | None = None
) -> None:
    """Poll ``resource`` until the service no longer finds it (or says it is deleted)."""
    _poll(resource, None, True, poll, timeout, progress, False)


def _poll(
    resource: Resource,
    status: str | None,
    gone: bool,
    poll: float,
    timeout: float | None,
    progress: bool | None,
    logs: bool,
) -> None:
    status = None if status is None else str(status)
    if poll <= 0:
        raise ValueError(f"poll must be a positive number of seconds, not {poll!r}")
    spec = resource._spec
    lifecycle = spec.lifecycle
    deadline = None if timeout is None else time.monotonic() + timeout
    waiting_for = "deletion" if gone else (status or "a terminal status")
    tail = _tail(resource) if logs else None
    last: str | None = None
    with _progress.reporter(progress, label(resource)) as shown:

        def logged() -> None:
            for line in tail.read() if tail is not None else ():
                shown.log(line)

        while True:
            try:
                state = resource._describe()
            except SageMakerError as error:
                if not missing(error):
                    raise
                logged()
                if gone:
                    shown.update("deleted", None)
                    return
                raise ResourceDeletedError(resource, last, error) from error
            if lifecycle is not None:
                last = _text(getattr(state, lifecycle.attr))
                shown.update(last, _text(getattr(state, lifecycle.secondary)) if lifecycle.secondary else None)
            logged()
            if last is not None and lifecycle is not None:
                if gone and last in lifecycle.deleted:
                    return
                if last == status or (status is None and not gone and last in lifecycle.terminal):
                    if last in lifecycle.failed and status is None:
                        raise FailedStatusError(resource, last, _reason(resource, state))
                    return
                if last in lifecycle.failed:
                    raise FailedStatusError(resource, last, _reason(resource, state))
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                assert timeout is not None
                raise WaitTimeoutError(resource, last, timeout, waiting_for)
            time.sleep(poll if deadline is None else min(poll, deadline - now))  # looked up at each call


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _reason(resource: Resource, state: Any) -> str | None:
    lifecycle = resource._spec.lifecycle
    return _text(getattr(state, lifecycle.reason)) if lifecycle is not None and lifecycle.reason else None


def _tail(resource: Resource) -> Any:
    from .companions import companion
    from .logs import Tail

    assert resource._spec.logs is not None, f"{type(resource).__name__} has no logs to follow"
    group, prefix = resource._spec.logs
    name = next(iter(resource._ids.values()))
    return Tail(companion(resource._client, "logs"), group.format(name=name), prefix.format(name=name))
