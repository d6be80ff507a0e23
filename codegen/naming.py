"""Naming rules, in one place (see docs/design.md, "Names").

- Classes and type aliases: the shape name verbatim.
- Fields: botocore's ``xform_name`` of the wire name; a Python keyword or a name that
  pydantic's ``BaseModel`` (or our ``Shape``) already uses gets a trailing underscore. Soft
  keywords (``type``, ``match``) are valid names and stay as they are: Python 3.12 made ``type``
  one, so following them would make the output depend on the Python that runs the generator.
- Client methods: ``xform_name`` of the operation name, as boto3 names them.
- Enum members: the wire value in UPPER_SNAKE (``ml.m5.xlarge`` -> ``ML_M5_XLARGE``,
  ``InService`` -> ``IN_SERVICE``); a later value that would take an earlier one's name gets
  a numeric suffix, in spec order.
- Modules: ``xform_name`` of the shape name, with the same keyword rule.
- The package's version: the botocore version the model came from (``1.44.8``), with
  ``.postN`` for the Nth re-release of the same model with SDK changes.
"""

from __future__ import annotations

import keyword
import re

import pydantic
from botocore import xform_name

_RESERVED = frozenset(dir(pydantic.BaseModel)) | {"to_wire"}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _safe(name: str) -> str:
    if keyword.iskeyword(name) or name in _RESERVED:
        return name + "_"
    return name


def attribute(wire: str) -> str:
    """The Python name of a member, parameter or method."""
    return _safe(xform_name(wire))


def method(operation: str) -> str:
    """The client method of an operation (and of its paginator)."""
    return xform_name(operation)


def package_version(botocore_version: str, post_release: int = 0) -> str:
    """The public (PEP 440, no local segment) version of a release that carries this botocore model."""
    return f"{botocore_version}.post{post_release}" if post_release else botocore_version


def module(shape: str) -> str:
    """The module that holds a shape."""
    return _safe(xform_name(shape))


def enum_members(values: list[str]) -> list[tuple[str, str]]:
    """(member name, value) pairs, unique and stable, for an enum's values in spec order."""
    taken: set[str] = set()
    out = []
    for value in values:
        words = [w for part in re.split(r"[^A-Za-z0-9]+", value) for w in _CAMEL.split(part) if w]
        base = "_".join(words).upper() or "EMPTY"
        if base[0].isdigit():
            base = "V" + base
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        out.append((name, value))
    return out
