"""Open enums: closed for requests, open for responses.

Every enum shape becomes a subclass of :class:`OpenEnum`. Built by a user or validated in a
request, an enum is closed: an unknown value is an error. Validated in a response (inside
:func:`lenient.in_lenient_scope`), an unknown value becomes a pseudo-member of the same class, so
``isinstance(v, TrainingJobStatus)`` holds and ``v.value`` is what the service sent.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticKnownError, core_schema
from typing_extensions import Self

from .lenient import in_response, request_only


class OpenEnum(str, enum.Enum):
    """A string enum of the service model that tolerates new values in responses."""

    def __str__(self) -> str:
        return str.__str__(self)

    @property
    def is_known(self) -> bool:
        """Whether this value is one the pinned service model knows."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # A value from a response may be an unknown pseudo-member: a request takes only known ones.
        return core_schema.no_info_after_validator_function(_known_only, handler(source))

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str) or not in_response():
            return None
        unknown: dict[str, Self] = cls.__dict__.get("_unknown_members_") or {}
        if not unknown:
            type.__setattr__(cls, "_unknown_members_", unknown)
        member = unknown.get(value)
        if member is None:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            unknown[value] = member
        return member

    def __repr__(self) -> str:
        if self.is_known:
            return super().__repr__()
        return f"<{type(self).__name__}({self._value_!r}): unknown to this SDK>"


@request_only
def _known_only(value: OpenEnum) -> OpenEnum:
    if not value.is_known:
        expected = ", ".join(repr(m.value) for m in type(value))
        raise PydanticKnownError("enum", {"expected": expected})
    return value
