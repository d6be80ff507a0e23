"""When SageMaker has something newer than this SDK: the hint a request's validation error carries.

The rules a request is checked by are those of the service model in the botocore release
this SDK was generated from. When an error breaks one of the rules the service may have
moved since (an enum value, a pattern, a length, a range, a size), the error's title names
that release and the two ways out: ``<Enum>.unknown(value)`` for an enum value, and
``validation="structure"`` to leave every such rule to the service. The title is shown once,
on the first line of ``str(error)``; each error line keeps pydantic's own message and type.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

# The error types of the rules that level "structure" leaves to the service (see lenient).
MOVABLE = frozenset(
    {
        "enum",
        "string_pattern_mismatch",
        "string_too_long",
        "string_too_short",
        "too_long",
        "too_short",
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
    }
)


def hint(ways_out: str = 'use <Enum>.unknown(value) or validation="structure"') -> str:
    """The release the rules come from, and the ways out of them (the CLI names its own)."""
    from sagemaker_typed._meta import BOTOCORE_VERSION

    return f"rules of the SageMaker model in botocore {BOTOCORE_VERSION}; for a value SageMaker added since, {ways_out}"


def explained(error: ValidationError, hide_input: bool, input_type: Literal["python", "json"] = "python") -> Any:
    """``error`` with the hint in its title when it breaks a rule the service may have moved.

    Errors are rebuilt unchanged: a known pydantic error type as itself, any other with its
    rendered message.
    """
    lines = error.errors()
    if not any(line["type"] in MOVABLE for line in lines):
        return error
    details: list[InitErrorDetails] = []
    for line in lines:
        detail: dict[str, Any] = {"loc": line["loc"], "input": line["input"]}
        if "url" in line:  # a known error type: pydantic renders the same message from its context
            detail["type"] = line["type"]
            if "ctx" in line:
                detail["ctx"] = line["ctx"]
        else:
            detail["type"] = PydanticCustomError(line["type"], line["msg"], line.get("ctx"))
        details.append(detail)  # type: ignore[arg-type]
    return ValidationError.from_exception_data(
        f"{error.title} ({hint()})", details, input_type=input_type, hide_input=hide_input
    )
