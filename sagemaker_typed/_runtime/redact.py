"""Keeping sensitive values out of reprs and validation errors.

pydantic echoes the offending input in every error, including the whole parent dict for a
missing field. Models whose subtree holds a ``sensitive`` shape rewrite their errors so that
the values under the sensitive keys never appear in ``str(e)``, ``e.errors()`` or ``e.json()``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

MASK = "**********"


def redact(value: Any, keys: frozenset[str]) -> Any:
    """A copy of ``value`` with everything under ``keys`` masked, at any depth."""
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True, exclude_unset=True)
    if isinstance(value, dict):
        return {k: MASK if k in keys else redact(v, keys) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v, keys) for v in value]
    return value


def redacted_error(error: ValidationError, keys: frozenset[str]) -> ValidationError:
    """The same validation error, with every echoed input passed through :func:`redact`."""
    details: list[InitErrorDetails] = []
    for line in error.errors(include_url=False):
        hidden = any(part in keys for part in line["loc"])
        details.append(
            {
                # Re-raised as custom errors of the same type and message: the message is
                # already rendered, so nothing else of the original is needed.
                "type": PydanticCustomError(line["type"], line["msg"], line.get("ctx")),
                "loc": line["loc"],
                "input": MASK if hidden else redact(line.get("input"), keys),
            }
        )
    return ValidationError.from_exception_data(error.title, details, hide_input=True)
