"""Typed errors: every ClientError of a call becomes a SageMakerError subclass.

Each class is still a ``botocore.exceptions.ClientError``, so existing handlers keep working.
Classes register themselves by error code; an unknown code maps to ``SageMakerError``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from botocore.exceptions import ClientError


class SageMakerError(ClientError):
    """An error response from SageMaker (code, message and request id typed)."""

    code: ClassVar[str | None] = None
    """The error code this class stands for (None: any code without a class of its own)."""

    _by_code: ClassVar[dict[str, type[SageMakerError]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            # A service's own base class (e.g. SageMakerRuntimeError): a registry of its own.
            cls._by_code = {}
        elif cls.code is not None:
            cls._by_code[cls.code] = cls

    @property
    def error_code(self) -> str:
        """The service's error code, e.g. ``ResourceNotFound``."""
        return str(self.response.get("Error", {}).get("Code", ""))

    @property
    def error_message(self) -> str:
        """The service's error message."""
        return str(self.response.get("Error", {}).get("Message", ""))

    @property
    def request_id(self) -> str | None:
        """The request id, for AWS support."""
        value = self.response.get("ResponseMetadata", {}).get("RequestId")
        return str(value) if value is not None else None

    @property
    def http_status_code(self) -> int | None:
        """The HTTP status of the error response."""
        value = self.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return int(value) if value is not None else None

    @classmethod
    def from_client_error(cls, error: ClientError) -> SageMakerError:
        """The typed counterpart of a botocore ClientError."""
        code = str(error.response.get("Error", {}).get("Code", ""))
        return cls._by_code.get(code, cls)(error.response, error.operation_name)


class WaiterError(Exception):
    """A waiter reached a failure state or gave up; carries the last typed response."""

    def __init__(self, waiter: str, reason: str, last_response: Any = None, last_error: SageMakerError | None = None):
        super().__init__(f"waiter {waiter} failed: {reason}")
        self.waiter = waiter
        self.reason = reason
        self.last_response = last_response
        """The last typed response seen, or None."""
        self.last_error = last_error
        """The last typed error seen, or None."""


class UnsupportedOperationError(AttributeError):
    """The installed botocore lacks an operation, its paginator or request members that this SDK knows."""

    def __init__(
        self,
        operation: str,
        installed: str,
        needed: str,
        *,
        paginator: bool = False,
        members: tuple[str, ...] = (),
        via: str = "boto3",
    ):
        if members:
            what = f"{operation}'s member{'s' if len(members) > 1 else ''} {', '.join(members)}"
            verb = "are" if len(members) > 1 else "is"
        else:
            what, verb = (f"{operation}'s paginator" if paginator else operation), "is"
        upgrade = (
            "upgrade aiobotocore to a release that allows that botocore (aiobotocore pins a narrow botocore range)"
            if via == "aiobotocore"
            else f"upgrade with `pip install 'botocore>={needed}' 'boto3'`"
        )
        super().__init__(
            f"{what} {verb} not in the installed botocore {installed}; this SDK was generated from "
            f"botocore {needed}: {upgrade}"
        )
        self.operation = operation
        self.members = members
        """The request members (wire paths) the installed botocore does not know, if that is what is missing."""


class ResourceError(Exception):
    """A resource's wait ended otherwise than it asked: the base of the three below."""

    def __init__(self, message: str, resource: Any, status: str | None) -> None:
        super().__init__(message)
        self.resource = resource
        """The resource (``sagemaker_typed.resources``), as last described."""
        self.status = status
        """Its last status (None if it has none, or it is gone)."""


class FailedStatusError(ResourceError):
    """The resource reached a failed status while a wait was on (``reason``: the service's failure reason)."""

    def __init__(self, resource: Any, status: str, reason: str | None) -> None:
        why = f": {reason}" if reason else " (the service gave no reason)"
        super().__init__(f"{label(resource)} ended {status}{why}", resource, status)
        self.reason = reason


class WaitTimeoutError(ResourceError, TimeoutError):
    """A wait's ``timeout`` passed before the resource reached what it waited for."""

    def __init__(self, resource: Any, status: str | None, timeout: float, waiting_for: str) -> None:
        now = f"still {status}" if status else "not done"
        super().__init__(
            f"{label(resource)} is {now} after {timeout:g} s, waiting for {waiting_for}: wait again, or with a "
            "longer timeout",
            resource,
            status,
        )
        self.timeout = timeout


class ResourceDeletedError(ResourceError):
    """The resource was deleted (the service no longer finds it) while a wait was on."""

    def __init__(self, resource: Any, last_status: str | None, error: SageMakerError) -> None:
        super().__init__(
            f"{label(resource)} was deleted while waiting (last status {last_status or 'unknown'}): "
            f"{error.error_code}: {error.error_message}",
            resource,
            None,
        )
        self.error = error


def label(resource: Any) -> str:
    """``TrainingJob 'my-job'``: a resource's class and first identifier."""
    ids = getattr(resource, "_ids", {})
    first = next(iter(ids.values()), None)
    return f"{type(resource).__name__} {first!r}" if first is not None else type(resource).__name__
