"""The client machinery: validate once, call boto3, parse the response leniently.

A generated method only names its operation; everything it does lives here. Requests are
validated with the input model (strict), dumped by wire name with unset members left out,
and passed to the wrapped boto3 client, which does transport, credentials, retries and
endpoints. Responses are validated with the output model (lenient).
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_args

import botocore
import botocore.config
from botocore.exceptions import ClientError
from pydantic import BaseModel

from . import metadata
from .errors import SageMakerError, UnsupportedOperationError
from .lenient import Validation, structure_validator
from .record import Record, init
from .shapes import Shape

if TYPE_CHECKING:
    import boto3

OutT = TypeVar("OutT")

REQUIRED: Any = inspect.Parameter.empty
"""The default of a required keyword in a generated method: "not given" at run time, and
what ``inspect.signature`` reads as no default, so the signature shows the member required."""

_NOT_MEMBERS = frozenset({"self", "request", "delay", "max_attempts", "callback"})
"""The generated methods' own parameters, which their ``locals()`` hold beside the members."""


@functools.cache
def model(models: str, name: str) -> type[Shape]:
    """A model class by its ``models`` module and shape name (imported on first use)."""
    cls: type[Shape] = getattr(importlib.import_module(models), name)
    return cls


def build_request(
    operation: Operation[Any], request: BaseModel | None, params: Mapping[str, Any], validation: Validation = "all"
) -> dict[str, Any]:
    """Validate a call's input once and return the wire dict for boto3.

    ``request`` is a ready request model; ``params`` are the keyword arguments (a generated
    method's ``locals()``; None and ``REQUIRED`` mean "not given"). Exactly one of the two
    forms may be used. ``validation`` says which rules keyword arguments are checked by (a
    request model was checked by all of them when it was made).
    """
    input_shape = operation.input
    cls = model(operation.service.models, input_shape)
    given = {k: v for k, v in params.items() if v is not None and v is not REQUIRED and k not in _NOT_MEMBERS}
    if request is not None:
        if given:
            raise TypeError(f"pass either a {input_shape} or keyword arguments, not both")
        if not isinstance(request, cls):
            raise TypeError(f"expected a {input_shape}, got {type(request).__name__}")
        validated = request
    elif validation == "structure":
        validated = structure_validator(cls).validate_python(given)
    else:
        validated = cls.model_validate(given)
    return validated.to_wire()


def validation_level(validation: Validation) -> Validation:
    """A client's ``validation`` argument, checked."""
    if validation not in get_args(Validation):
        raise ValueError(f"validation must be one of {get_args(Validation)}, not {validation!r}")
    return validation


def parse_response(operation: Operation[Any], response: Mapping[str, Any]) -> Any:
    """The typed output of a call (None for operations without output)."""
    if operation.output is None:
        return None
    body = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    result = model(operation.service.models, operation.output).model_validate(body)
    metadata.attach(result, response)
    return result


_NOT_CLIENT_ARGUMENTS = frozenset({"self", "client", "validation", "__class__"})
"""A client constructor's ``locals()`` that are not about the botocore client it makes."""
_OWN_ARGUMENTS = _NOT_CLIENT_ARGUMENTS | {"session", "config"}
"""Those, and the two that are not ``create_client`` keywords as they stand."""


def wraps(params: Mapping[str, Any]) -> bool:
    """Whether a client constructor (its ``locals()``) was given a client to wrap, and nothing else."""
    if params.get("client") is None:
        return False
    if any(v is not None for k, v in params.items() if k not in _NOT_CLIENT_ARGUMENTS):
        raise TypeError("pass either a client to wrap, or the arguments to make one, not both")
    return True


def client_arguments(
    params: Mapping[str, Any], config_class: type[botocore.config.Config] = botocore.config.Config
) -> dict[str, Any] | None:
    """The keyword arguments to make a client with, from a client constructor's ``locals()``.

    None when a client to wrap was given (then no other argument may be). Otherwise the
    arguments given, and a ``config`` that turns botocore's own (weaker) validation of the
    request off: requests are validated here, with every rule of the model, so a second
    pass over the same dict would be waste. A config of yours is merged over ours, so it
    wins where it sets ``parameter_validation`` itself. Shared by the sync and async clients
    (``config_class``: aiobotocore's ``AioConfig``, which keeps its own options through a merge).
    """
    if wraps(params):
        return None
    given = {k: v for k, v in params.items() if v is not None and k not in _OWN_ARGUMENTS}
    config: botocore.config.Config | None = params.get("config")
    ours = config_class(parameter_validation=False)
    return {**given, "config": ours.merge(config) if config else ours}


def method_of(client: Any, operation: Operation[Any], *, paginator: bool = False) -> Callable[..., Any]:
    """The botocore (or aiobotocore) client's method for ``operation``.

    Raises ``UnsupportedOperationError`` naming the botocore version to install when the
    installed botocore predates the operation (with ``paginator``: or its paginator).
    """
    call: Callable[..., Any] | None = getattr(client, operation.method, None)
    if call is None or (paginator and not client.can_paginate(operation.method)):
        raise _unsupported(client, operation, paginator=call is not None)
    return call


def _unsupported(client: Any, operation: Operation[Any], **details: Any) -> UnsupportedOperationError:
    from sagemaker_typed._meta import BOTOCORE_VERSION

    via = "aiobotocore" if any(c.__module__.startswith("aiobotocore.") for c in type(client).__mro__) else "boto3"
    return UnsupportedOperationError(operation.name, botocore.__version__, BOTOCORE_VERSION, via=via, **details)


def newer_members(shape: Any, value: Any, path: str = "") -> list[str]:
    """The wire paths in ``value`` that the installed botocore's ``shape`` does not know."""
    kind = getattr(shape, "type_name", None)
    if kind == "structure" and isinstance(value, Mapping):
        return [
            found
            for key, item in value.items()
            for found in (
                newer_members(shape.members[key], item, f"{path}.{key}" if path else key)
                if key in shape.members
                else [f"{path}.{key}" if path else key]
            )
        ]
    if kind == "list" and isinstance(value, list):
        return [found for i, item in enumerate(value) for found in newer_members(shape.member, item, f"{path}[{i}]")]
    if kind == "map" and isinstance(value, Mapping):
        return [found for k, item in value.items() for found in newer_members(shape.value, item, f"{path}[{k!r}]")]
    return []


class calling:
    """``with calling(client, operation, wire):`` around a botocore call: errors made typed.

    A botocore ``ClientError`` is re-raised as its typed ``SageMakerError``. A ``KeyError``
    is what botocore's serializer raises for a member its model does not know: when the
    request holds members the installed botocore predates, it becomes an
    ``UnsupportedOperationError`` naming them (looked for only then: nothing is checked on
    the way of a call that works). A plain class, so that it costs next to nothing per call
    and serves sync and async code alike (``with`` works around an ``await``).
    """

    __slots__ = ("client", "operation", "wire")

    def __init__(self, client: Any, operation: Operation[Any], wire: Mapping[str, Any]) -> None:
        self.client = client
        self.operation = operation
        self.wire = wire

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> None:
        if isinstance(error, ClientError) and not isinstance(error, SageMakerError):
            raise self.operation.service.errors.from_client_error(error) from error
        if isinstance(error, KeyError):
            model = self.client.meta.service_model.operation_model(self.operation.name)
            newer = newer_members(model.input_shape, self.wire)
            if newer:
                raise _unsupported(self.client, self.operation, members=tuple(newer)) from error


class Service(Record):
    """A service of the SageMaker family, as its generated client names it."""

    _fields = ("name", "models", "errors")
    __slots__ = _fields
    name: str
    """The botocore service name, e.g. ``sagemaker-runtime``."""
    models: str
    """The module of its models, e.g. ``sagemaker_typed.runtime.models``."""
    errors: type[SageMakerError]
    """The base class of its typed errors, whose registry maps error codes to classes."""

    def __init__(self, name: str, models: str, errors: type[SageMakerError]) -> None:
        init(self, "name", name)
        init(self, "models", models)
        init(self, "errors", errors)


class Operation(Record, Generic[OutT]):
    """One operation of the service model, as the generated client names it."""

    _fields = ("service", "name", "method", "input", "output")
    __slots__ = _fields
    service: Service
    name: str
    method: str
    input: str
    output: str | None

    def __init__(self, service: Service, name: str, method: str, input: str, output: str | None) -> None:
        init(self, "service", service)
        init(self, "name", name)
        init(self, "method", method)
        init(self, "input", input)
        init(self, "output", output)


class BaseClient:
    """Wraps a boto3 SageMaker client; the generated ``SageMakerClient`` adds one method per operation.

    ``SageMakerClient()`` makes one from boto3's default session; the keyword arguments are
    those of ``boto3.client`` for one service (``region_name``, ``endpoint_url``, ``config``,
    credentials ...), and ``session`` a ``boto3.Session`` to make it from.
    ``SageMakerClient(client)`` wraps a boto3 client you made, untouched.
    """

    _service = "sagemaker"

    def __init__(
        self,
        client: Any = None,
        *,
        session: boto3.Session | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: botocore.config.Config | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        aws_account_id: str | None = None,
        api_version: str | None = None,
        use_ssl: bool | None = None,
        verify: bool | str | None = None,
        validation: Validation = "all",
    ) -> None:
        self.validation = validation_level(validation)
        """Which rules requests are checked by before sending: "all" or "structure" (see ``Validation``)."""
        arguments = client_arguments(locals())
        if arguments is not None:
            import boto3

            make: Callable[..., Any] = boto3.client if session is None else session.client
            client = make(self._service, **arguments)
        self.session = session
        """The boto3 session the client was made from (None: boto3's default session, or a client you made)."""
        self.client = client
        """The wrapped boto3 client: for events, config and anything this SDK does not cover."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.client!r})"

    def _invoke(self, operation: Operation[Any], wire: dict[str, Any]) -> dict[str, Any]:
        """Call boto3 with a wire dict; ClientErrors become typed errors."""
        call = method_of(self.client, operation)
        with calling(self.client, operation, wire):
            response: dict[str, Any] = call(**wire)
        return response

    def _call(self, operation: Operation[OutT], request: BaseModel | None, params: Mapping[str, Any]) -> OutT:
        wire = build_request(operation, request, params, self.validation)
        result: OutT = parse_response(operation, self._invoke(operation, wire))
        return result
