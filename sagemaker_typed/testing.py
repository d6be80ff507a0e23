"""Stubbing a ``SageMakerClient`` in tests, with models: botocore's ``Stubber``, typed.

>>> with TypedStubber(sm) as stub:
...     stub.add_response("describe_endpoint", models.DescribeEndpointOutput(...),
...                       expected=models.DescribeEndpointInput(endpoint_name="e"))
...     stub.add_error("describe_endpoint", errors.ResourceNotFound, message="nope")
...     ...  # the code under test, calling sm
...     stub.assert_no_pending_responses()

The same for an ``AsyncSageMakerClient`` (through aiobotocore's ``AioStubber``), once it is open.

Responses go through the operation's output model and expected parameters through its input
model (exactly as a call validates them), then to the wire form that botocore's ``Stubber``
checks against the service model. Operations are named by method or API name. For what this
does not cover (``botocore.stub.ANY``, raw dicts), ``stub.stubber`` is the botocore Stubber.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from botocore.stub import Stubber
from pydantic import BaseModel
from typing_extensions import Self

from ._runtime import operations
from ._runtime.calls import BaseClient, Operation, build_request, model
from ._runtime.errors import SageMakerError

if TYPE_CHECKING:
    from ._runtime.aio import AsyncBaseClient

__all__ = ["TypedStubber"]

Payload = BaseModel | Mapping[str, Any]


class TypedStubber:
    """botocore's ``Stubber`` on ``client.client``, taking models for responses and expected requests.

    For an ``AsyncSageMakerClient`` (open: ``async with``, or after a call), aiobotocore's
    ``AioStubber``, which works the same way.
    """

    def __init__(self, client: BaseClient | AsyncBaseClient) -> None:
        self.service: str = client._service
        """The botocore name of the stubbed client's service: operations are looked up in it."""
        if isinstance(client, BaseClient):
            self.stubber = Stubber(client.client)
            """The botocore Stubber underneath (aiobotocore's AioStubber for an async client)."""
        else:  # aiobotocore: the optional `async` extra, typed Any here
            self.stubber = importlib.import_module("aiobotocore.stub").AioStubber(client.client)

    def __enter__(self) -> Self:
        self.activate()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.deactivate()

    def activate(self) -> None:
        """Start answering the client's calls from the queue."""
        self.stubber.activate()

    def deactivate(self) -> None:
        """Stop stubbing: calls reach the service again."""
        self.stubber.deactivate()

    def add_response(self, operation: str, response: Payload | None = None, *, expected: Payload | None = None) -> None:
        """Queue a successful response (a model or a dict; None for an operation without output).

        ``expected``, a request model or a mapping by attribute or wire name, must equal the
        request the call sends; None accepts any request.
        """
        op = _find(operation, self.service)
        self.stubber.add_response(op.method, _wire_response(op, response), _wire_request(op, expected))

    def add_error(
        self,
        operation: str,
        error: type[SageMakerError] | str,
        *,
        message: str = "",
        http_status_code: int = 400,
        expected: Payload | None = None,
    ) -> None:
        """Queue an error response: the call raises ``error`` (a typed error class or an error code)."""
        op = _find(operation, self.service)
        code = error if isinstance(error, str) else error.code
        if not code:
            raise ValueError(f"{error!r} stands for no error code: name a subclass or a code string")
        self.stubber.add_client_error(
            op.method,
            service_error_code=code,
            service_message=message,
            http_status_code=http_status_code,
            expected_params=_wire_request(op, expected),
        )

    def assert_no_pending_responses(self) -> None:
        """Fail (AssertionError) if a queued response was never asked for."""
        self.stubber.assert_no_pending_responses()


def _find(name: str, service: str) -> Operation[Any]:
    found = operations.find(name, service)
    if found is None:
        close = ", ".join(op.method for op in operations.close_matches(name, service=service))
        raise ValueError(f"unknown operation {name!r}" + (f"; did you mean {close}?" if close else ""))
    return found


def _wire_request(op: Operation[Any], expected: Payload | None) -> dict[str, Any] | None:
    """The wire dict the call must send: validated exactly as the client validates it."""
    if expected is None:
        return None
    if isinstance(expected, BaseModel):
        return build_request(op, expected, {})
    return build_request(op, None, expected)


def _wire_response(op: Operation[Any], response: Payload | None) -> dict[str, Any]:
    """The wire dict of a response, validated by the operation's output model."""
    if op.output is None:
        if response:
            raise TypeError(f"{op.name} has no output: pass no response")
        return {}
    cls = model(op.service.models, op.output)
    if response is None:
        response = {}
    elif isinstance(response, BaseModel) and not isinstance(response, cls):
        raise TypeError(f"expected a {op.output} for {op.name}, got {type(response).__name__}")
    wire: dict[str, Any] = cls.model_validate(response).to_wire()
    return wire
