"""The client machinery: validate once, call boto3, parse the response leniently.

A generated method only names its operation; everything it does lives here. Requests are
validated with the input model (strict), dumped by wire name with unset members left out,
and passed to the wrapped boto3 client, which does transport, credentials, retries and
endpoints. Responses are validated with the output model (lenient).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, get_args

import botocore
import botocore.config
from botocore.exceptions import ClientError
from pydantic import BaseModel

from .errors import SageMakerError, UnsupportedOperationError
from .lenient import Validation, structure_validator
from .shapes import Shape

_MODELS = "sagemaker_typed.models"
OutT = TypeVar("OutT")


@functools.cache
def model(name: str) -> type[Shape]:
    """A model class by shape name (imported on first use)."""
    cls: type[Shape] = getattr(importlib.import_module(_MODELS), name)
    return cls


def build_request(
    input_shape: str, request: BaseModel | None, params: Mapping[str, Any], validation: Validation = "all"
) -> dict[str, Any]:
    """Validate a call's input once and return the wire dict for boto3.

    ``request`` is a ready request model; ``params`` are keyword arguments by attribute or
    wire name (None meaning "not given"). Exactly one of the two forms may be used.
    ``validation`` says which rules keyword arguments are checked by (a request model was
    checked by all of them when it was made).
    """
    cls = model(input_shape)
    given = {k: v for k, v in params.items() if v is not None}
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


def parse_response(output_shape: str | None, response: Mapping[str, Any]) -> Any:
    """The typed output of a call (None for operations without output)."""
    if output_shape is None:
        return None
    body = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return model(output_shape).model_validate(body)


@dataclass(frozen=True, slots=True)
class Operation(Generic[OutT]):
    """One operation of the service model, as the generated client names it."""

    name: str
    method: str
    input: str
    output: str | None


class BaseClient:
    """Wraps a boto3 SageMaker client; the generated ``SageMakerClient`` adds one method per operation."""

    def __init__(self, client: Any = None, *, validation: Validation = "all") -> None:
        if validation not in get_args(Validation):
            raise ValueError(f"validation must be one of {get_args(Validation)}, not {validation!r}")
        self.validation: Validation = validation
        """Which rules requests are checked by before sending: "all" or "structure" (see ``Validation``)."""
        if client is None:
            import boto3

            # Requests are validated here, with every rule of the model: botocore's
            # own (weaker) validation of the same dict would be a second pass.
            client = boto3.client("sagemaker", config=botocore.config.Config(parameter_validation=False))
        self.client = client
        """The wrapped boto3 client: for events, config and anything this SDK does not cover."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.client!r})"

    def _invoke(self, operation: Operation[Any], wire: dict[str, Any]) -> dict[str, Any]:
        """Call boto3 with a wire dict; ClientErrors become typed errors."""
        call = getattr(self.client, operation.method, None)
        if call is None:
            from sagemaker_typed._meta import BOTOCORE_VERSION

            raise UnsupportedOperationError(operation.name, botocore.__version__, BOTOCORE_VERSION)
        try:
            response: dict[str, Any] = call(**wire)
        except ClientError as error:
            raise SageMakerError.from_client_error(error) from error
        return response

    def _call(self, operation: Operation[OutT], request: BaseModel | None, params: Mapping[str, Any]) -> OutT:
        wire = build_request(operation.input, request, params, self.validation)
        result: OutT = parse_response(operation.output, self._invoke(operation, wire))
        return result
