"""What a generated method's signature and docstring should be, read from specs/: shared by the tests
of the clients (test_person) and of the resources (test_resources)."""

from __future__ import annotations

import inspect
import re
from typing import Any

from tests import specdata as sd

EMPTY = inspect.Parameter.empty


def expected_keywords(spec: sd.Spec, input_shape: str) -> list[tuple[str, str, Any]]:
    """(name, annotation, default) of each keyword parameter, from the service model."""
    shape = spec.shapes[input_shape]
    required = set(shape.get("required", ()))
    members = shape["members"]

    def needed(wire: str) -> bool:
        return wire in required and not members[wire].get("idempotencyToken")

    order = [w for w in members if needed(w)] + [w for w in members if not needed(w)]
    return [
        (
            sd.attribute(w),
            members[w]["shape"] if needed(w) else f"{members[w]['shape']} | None",
            EMPTY if needed(w) else None,
        )
        for w in order
    ]


def keywords(function: Any) -> list[tuple[str, str, Any]]:
    signature = inspect.signature(function)
    return [
        (p.name, p.annotation, p.default)
        for p in signature.parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    ]


def args_entries(doc: str) -> list[str]:
    """The parameter names of a Google-style ``Args:`` section, checking its layout."""
    lines = inspect.cleandoc(doc).splitlines()
    if "Args:" not in lines:
        return []
    names = []
    for line in lines[lines.index("Args:") + 1 :]:
        if not line.strip():
            break
        entry = re.fullmatch(r"    (\w+): (\S.*)", line)
        if entry:
            names.append(entry[1])
            continue
        assert re.fullmatch(r"        \S.*", line), f"not an entry nor its continuation: {line!r}"
        assert names, "a continuation line before any entry"
    return names
