"""The service's string rules as pydantic annotations.

SageMaker counts string length in UTF-16 code units (Java's ``String.length()``) and judges
patterns with ``java.util.regex`` by full match. ``Str`` turns both into one native
pydantic-core string schema; a Python check is added only where native code-point counting
could differ from UTF-16 (a bound above 1 on a string that may hold astral characters).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticKnownError, core_schema

from .record import Record, init


class Utf16Bounds(Record):
    """Exact length bounds in UTF-16 code units; a request-only rule."""

    _fields = ("min_length", "max_length")
    __slots__ = _fields
    min_length: int | None
    max_length: int | None
    __request_only__ = "rule"  # lenient.RULE; instances are the validator functions

    def __init__(self, min_length: int | None, max_length: int | None) -> None:
        init(self, "min_length", min_length)
        init(self, "max_length", max_length)

    def __call__(self, value: str) -> str:
        if value.isascii():
            length = len(value)
        else:
            length = len(value.encode("utf-16-le")) // 2
        if self.min_length is not None and length < self.min_length:
            raise PydanticKnownError("string_too_short", {"min_length": self.min_length})
        if self.max_length is not None and length > self.max_length:
            raise PydanticKnownError("string_too_long", {"max_length": self.max_length})
        return value


class Str(Record):
    """A constrained string shape.

    ``pattern`` is already translated from Java (see ``codegen/javaregex.py``) for the
    engine named by ``python_re``; ``astral`` says whether the pattern (if any) admits
    characters outside the Basic Multilingual Plane, where code points and UTF-16 differ.
    """

    _fields = ("min_length", "max_length", "pattern", "python_re", "astral")
    __slots__ = _fields
    min_length: int | None
    max_length: int | None
    pattern: str | None
    python_re: bool
    astral: bool

    def __init__(
        self,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: str | None = None,
        python_re: bool = False,
        astral: bool = True,
    ) -> None:
        init(self, "min_length", min_length)
        init(self, "max_length", max_length)
        init(self, "pattern", pattern)
        init(self, "python_re", python_re)
        init(self, "astral", astral)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        exact_natively = not self.astral or (self.max_length is None and (self.min_length or 0) <= 1)
        pattern: str | re.Pattern[str] | None = self.pattern
        if pattern is not None and self.python_re:
            pattern = re.compile(pattern)
        schema = core_schema.str_schema(
            strict=True,  # a str, not bytes: what botocore takes (see wiretypes)
            # Code points never exceed UTF-16 units: the native maximum is always a sound
            # first check, and the native minimum is exact up to 1.
            max_length=self.max_length,
            min_length=self.min_length if exact_natively or (self.min_length or 0) <= 1 else None,
            pattern=pattern,
        )
        if exact_natively:
            return schema
        return core_schema.no_info_after_validator_function(Utf16Bounds(self.min_length, self.max_length), schema)


class Size(Record):
    """Bounds on the size of a list, a map (items) or a blob (bytes).

    Set natively on the container's own schema, inside the request-only input check of
    ``wiretypes`` (pydantic would otherwise add them as Python checks around it).
    """

    _fields = ("min_length", "max_length")
    __slots__ = _fields
    min_length: int | None
    max_length: int | None

    def __init__(self, min_length: int | None = None, max_length: int | None = None) -> None:
        init(self, "min_length", min_length)
        init(self, "max_length", max_length)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        bounds = {"min_length": self.min_length, "max_length": self.max_length}
        schema: core_schema.CoreSchema = _bounded(handler(source), {k: v for k, v in bounds.items() if v is not None})
        return schema


def _bounded(schema: Any, bounds: dict[str, int]) -> Any:
    """A copy of ``schema`` with ``bounds`` set on the schema inside any function validators."""
    if schema["type"] in ("function-before", "function-after", "function-wrap"):
        return {**schema, "schema": _bounded(schema["schema"], bounds)}
    return {**schema, **bounds}
