"""Open enums: closed for requests, open for responses.

Every enum shape becomes a subclass of :class:`OpenEnum`. Built by a user or validated in a
request, an enum is closed: an unknown value is an error. Validated in a response (inside
:func:`lenient.in_lenient_scope`), an unknown value becomes a pseudo-member of the same class, so
``isinstance(v, TrainingJobStatus)`` holds and ``v.value`` is what the service sent.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from pydantic import GetCoreSchemaHandler, ValidationError
from pydantic_core import PydanticKnownError, core_schema
from typing_extensions import Self

from .lenient import in_response


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
        return core_schema.no_info_wrap_validator_function(KnownMembers(cls), handler(source))

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
            return f"{type(self).__name__}.{self._name_}"
        return f"<{type(self).__name__}({self._value_!r}): unknown to this SDK>"


class KnownMembers:
    """The request rule of an enum: a known member, with a readable error otherwise.

    pydantic's own error lists every value (225 for TrainingInstanceType); this one lists at
    most a few and says how many there are.
    """

    __request_only__ = True  # see lenient.request_only: instances are the validator functions
    __slots__ = ("enum", "expected")

    def __init__(self, enum: type[OpenEnum]) -> None:
        self.enum = enum
        values = [repr(member.value) for member in enum]
        if len(values) <= _LISTED:
            self.expected = " or ".join([", ".join(values[:-1]), values[-1]] if len(values) > 1 else values)
        else:
            self.expected = f"one of the {len(values)} {enum.__name__} values, e.g. {', '.join(values[:3])}"

    def __call__(self, value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            member = handler(value)
        except ValidationError:
            member = None
        if not isinstance(member, self.enum) or not member.is_known:
            raise PydanticKnownError("enum", {"expected": self.expected})
        return member


_LISTED = 8
