"""How a model shows to a person: ``repr``, IPython's pretty printer and rich.

One set of members feeds every form (``Shape.__repr_args__`` returns :func:`members`, which
pydantic's ``repr``/``str``, rich's ``__rich_repr__`` and devtools' ``__pretty__`` all read):

- the members that are set and not None, in declaration order, then the unknown members a
  response kept (``model_extra``) under their wire names;
- sensitive members as ``redact.MASK``;
- datetimes in ISO 8601 (``2024-05-17T12:30:00+00:00``), unquoted;
- enum members as ``TrainingJobStatus.COMPLETED`` (``OpenEnum.__repr__``; unknown ones say so).

:func:`pretty` is ``_repr_pretty_`` (``IPython.lib.pretty``): an indented tree, four spaces a
level, that keeps on one line whatever fits the printer's width. It shows at most
:data:`MAX_ITEMS` items of a list or map, then ``... N more``; ``repr`` shows everything.
``Shape`` imports this module the first time a model is displayed; neither IPython nor rich
is ever imported (the printer is passed in).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from .redact import MASK

MAX_ITEMS = 20
"""The most items of one list or map the pretty form shows (or IPython's ``max_seq_length``, if lower)."""

_INDENT = 4


class Shown:
    """A value displayed as the given text, unquoted (a datetime in ISO 8601)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def members(model: Any) -> Iterator[tuple[str, Any]]:
    """The (name, displayed value) pairs of a model: set members, then kept unknown ones."""
    fields = type(model).__pydantic_fields__
    sensitive: frozenset[str] = getattr(model, "__sensitive__", frozenset())
    for name, value in model.__dict__.items():
        if value is not None and name in fields:
            yield name, MASK if name in sensitive else shown(value)
    # Absent while a failed validation reports on a half-built instance.
    extra = getattr(model, "__pydantic_extra__", None)
    for name, value in (extra or {}).items():
        if value is not None:
            yield name, shown(value)


def shown(value: Any) -> Any:
    """``value`` as displayed: datetimes as :class:`Shown`, at any depth of lists and maps."""
    if isinstance(value, datetime.datetime):
        return Shown(value.isoformat())
    if isinstance(value, list):
        return [shown(item) for item in value]
    if isinstance(value, dict):
        return {key: shown(item) for key, item in value.items()}
    return value


def pretty(model: Any, p: Any, cycle: bool, name: str | None = None) -> None:
    """``_repr_pretty_``: the model as an indented tree on IPython's printer ``p``, under ``name``
    (default: the model's class; a resource shows its Describe response under its own)."""
    name = name or type(model).__name__
    if cycle:  # frozen trees have no cycles; the protocol asks anyway
        p.text(f"{name}(...)")
        return
    _block(p, f"{name}(", ")", [(f"{key}=", value) for key, value in members(model)], 0)


def _value(p: Any, value: Any) -> None:
    cap = min(MAX_ITEMS, p.max_seq_length or MAX_ITEMS)
    if isinstance(value, list):
        _block(p, "[", "]", [(None, item) for item in value[:cap]], len(value) - cap)
    elif isinstance(value, dict):
        items = list(value.items())
        _block(p, "{", "}", [(f"{key!r}: ", item) for key, item in items[:cap]], len(items) - cap)
    else:
        p.pretty(value)  # models, enums, strings, numbers, Shown: their own printers


def _block(p: Any, open_: str, close: str, entries: list[tuple[str | None, Any]], more: int) -> None:
    """``open_ entry, entry close`` on one line if it fits, else one entry a line, indented."""
    if not entries:
        p.text(open_ + close)
        return
    with p.group(0, open_, close):
        with p.indent(_INDENT):
            p.breakable("")
            for index, (prefix, value) in enumerate(entries):
                if index:
                    p.text(",")
                    p.breakable()
                if prefix is not None:
                    p.text(prefix)
                _value(p, value)
            if more > 0:
                p.text(",")
                p.breakable()
                p.text(f"... {more} more")
        p.breakable("")
