"""Frozen value classes at the import cost of a plain class.

``@dataclass(frozen=True, slots=True)`` writes each class's methods as source and compiles
them when the class is defined (about 1.5 M instructions a class; ten of them were a third
of what importing the runtime cost a first call). A ``Record`` subclass names its fields
in order in ``_fields`` (and makes them its ``__slots__``) and writes its ``__init__``,
setting each field with ``init``; the rest is shared: read-only attributes, equality and
hash by value (of the same class), a dataclass-like repr, pickling and copying.
"""

from __future__ import annotations

from typing import Any, ClassVar

init = object.__setattr__
"""How a record's ``__init__`` sets a field (plain assignment is refused)."""


class Record:
    """The base of a frozen value class whose fields are its ``_fields`` (its ``__slots__``)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values(), strict=True))
        return f"{type(self).__qualname__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        return type(self), self._values()
