"""Open enums: closed to plain strings in requests, open to what the service sends.

Every enum shape becomes a subclass of :class:`OpenEnum`. A value the pinned service model
does not know becomes a pseudo-member of the same class (``isinstance(v, TrainingJobStatus)``
holds, ``v.value`` is the value, ``v.is_known`` is False) in three ways: on purpose, with
``TrainingInstanceType.unknown("ml.p7.48xlarge")``; when a response carries it; and in a
request validated with ``validation="structure"``. A request takes any member, known or not
(the service sent it, or the user asked for it by name), but a plain string only if it is a
known value, so typos stay caught. Pseudo-members are cached per class: the same value gives
the same object, also after pickling (in any process), copying or a JSON round trip.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from pydantic import GetCoreSchemaHandler, ValidationError
from pydantic_core import PydanticKnownError, core_schema
from typing_extensions import Self

from .lenient import enums_open


class OpenEnum(str, enum.Enum):
    """A string enum of the service model that takes values newer than the model on request."""

    def __str__(self) -> str:
        return str.__str__(self)

    @property
    def is_known(self) -> bool:
        """Whether this value is one the pinned service model knows."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(KnownMembers(cls), handler(source))

    @classmethod
    def unknown(cls, value: str) -> Self:
        """The member for a value this SDK's service model does not know (yet).

        For a value SageMaker added after the botocore release this SDK was generated from:
        ``TrainingInstanceType.unknown("ml.p7.48xlarge")`` is a ``TrainingInstanceType``
        that requests accept and dump as the plain string, with ``is_known`` False. A value
        the model does know gives its ordinary member.
        """
        if not isinstance(value, str):
            raise TypeError(f"{cls.__name__}.unknown() takes a str, not {type(value).__name__}")
        known: Self | None = cls._value2member_map_.get(value)  # type: ignore[assignment]
        return known if known is not None else cls._pseudo_member(value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str) or not enums_open():
            return None
        return cls._pseudo_member(value)

    @classmethod
    def _pseudo_member(cls, value: str) -> Self:
        unknown = _PSEUDO_MEMBERS.setdefault(cls, {})  # setdefault: one dict and one object, whichever thread won
        member: Self | None = unknown.get(value)  # type: ignore[assignment]
        if member is None:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            member = unknown.setdefault(value, member)  # type: ignore[assignment]
        return member

    def __reduce_ex__(self, protocol: Any) -> Any:
        # Enum's default, cls(value), would fail for a pseudo-member outside a response.
        return (type(self) if self.is_known else type(self).unknown), (self._value_,)

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: Any) -> Self:
        return self

    def __repr__(self) -> str:
        if self.is_known:
            return f"{type(self).__name__}.{self._name_}"
        return f"<{type(self).__name__}({self._value_!r}): unknown to this SDK>"


_PSEUDO_MEMBERS: dict[type[OpenEnum], dict[str, OpenEnum]] = {}
"""The pseudo-members made so far, per enum class and value."""


class KnownMembers:
    """The request rule of an enum: a member, or a plain string that is a known value.

    A member is accepted whether it is known or not: a pseudo-member was made on purpose
    (``unknown()``) or sent by the service. A plain string must be a known value. The error
    lists at most a few values (pydantic's own lists every value: 225 for
    TrainingInstanceType); the title of a request's error names the ways out (``newer``).
    """

    __request_only__ = "rule"  # lenient.RULE; instances are the validator functions
    __slots__ = ("enum",)

    def __init__(self, enum: type[OpenEnum]) -> None:
        self.enum = enum

    @property
    def expected(self) -> str:
        """What the error says was expected (written when an error needs it: not at build time)."""
        values = [repr(member.value) for member in self.enum]
        if len(values) <= _LISTED:
            return " or ".join([", ".join(values[:-1]), values[-1]] if len(values) > 1 else values)
        return f"one of the {len(values)} {self.enum.__name__} values, e.g. {', '.join(values[:3])}"

    def __call__(self, value: Any, handler: Callable[[Any], Any]) -> Any:
        if isinstance(value, self.enum):
            return value
        try:
            member = handler(value)
        except ValidationError:
            member = None
        if not isinstance(member, self.enum) or not member.is_known:
            raise PydanticKnownError("enum", {"expected": self.expected})
        return member


_LISTED = 8
