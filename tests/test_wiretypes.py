"""Which Python values a request takes for each wire type: botocore's validator is the oracle.

Generated from specs/: for every wire type the service model uses, a real member of that type
(in a structure without required members, so that only the member decides) is given each
candidate value below, by botocore's ParamValidator and by the request model; the verdicts
must agree, but for the deviations written down in ``DEVIATIONS`` (and in
``sagemaker_typed/_runtime/wiretypes.py``), which are asserted as deviations. What an
accepted value becomes is checked too: what botocore would send. Blobs, absent from
SageMaker's model, are checked through the runtime type against a blob shape of botocore's.
"""

from __future__ import annotations

import collections
import datetime
import decimal
import enum
import functools
import io
import types
from collections.abc import Callable
from typing import Any

import pytest
from botocore.model import ServiceModel
from botocore.utils import parse_to_aware_datetime
from botocore.validate import ParamValidator
from pydantic import TypeAdapter, ValidationError

from sagemaker_typed import models
from sagemaker_typed._runtime import wiretypes
from tests import specdata as sd

SERVICE = ServiceModel(sd.SERVICE, "sagemaker")
OUTPUT_SHAPES = {raw["output"]["shape"] for raw in sd.OPERATIONS.values() if "output" in raw}
WHEN = datetime.datetime(2024, 1, 8, 10, 25, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


class Colour(str, enum.Enum):
    RED = "red"


class Size(enum.IntEnum):
    FIVE = 5


@functools.cache
def members() -> dict[str, tuple[str, str]]:
    """Wire type -> (structure, member): the first member of that type, in a structure that has
    no required members and is no operation output, whose shape has no rule of its own."""
    found: dict[str, tuple[str, str]] = {}
    for name in sorted(sd.SHAPES):
        raw = sd.SHAPES[name]
        if raw["type"] != "structure" or name in OUTPUT_SHAPES or raw.get("required") or raw.get("union"):
            continue
        for wire, member in sorted(raw["members"].items()):
            target = sd.SHAPES[member["shape"]]
            if "enum" in target or "pattern" in target or target.get("min", 0) > 0 or "max" in target:
                continue
            if target["type"] == "structure" and (target.get("required") or target.get("union")):
                continue
            found.setdefault(target["type"], (name, wire))
    return found


def wire_types() -> list[str]:
    return sorted({raw["type"] for raw in sd.SHAPES.values()})


def test_every_wire_type_of_the_model_has_a_member_here() -> None:
    assert sorted(members()) == wire_types()


def item_of(kind: str) -> Any:
    """A valid item (list), (key, value) pair (map) or member dict (structure) for the chosen member."""
    name, wire = members()[kind]
    target = sd.SHAPES[sd.SHAPES[name]["members"][wire]["shape"]]
    if kind == "list":
        return sd.value(target["member"]["shape"], full=False)
    if kind == "map":
        return sd.valid_string(target["key"]["shape"]), sd.value(target["value"]["shape"], full=False)
    return {}


# Each candidate is made afresh for each use (a file object is read once).
CANDIDATES: dict[str, Callable[[str], Any]] = {
    "int": lambda kind: 5,
    "int beyond 64 bits": lambda kind: 2**70,
    "IntEnum member": lambda kind: Size.FIVE,
    "bool": lambda kind: True,
    "float integral": lambda kind: 5.0,
    "float": lambda kind: 5.5,
    "float nan": lambda kind: float("nan"),
    "Decimal integral": lambda kind: decimal.Decimal("5"),
    "Decimal": lambda kind: decimal.Decimal("5.5"),
    "str of a number": lambda kind: "5",
    "str": lambda kind: "some text",
    "str enum member": lambda kind: Colour.RED,
    "None": lambda kind: None,
    "bytes": lambda kind: b"5",
    "bytearray": lambda kind: bytearray(b"5"),
    "binary file": lambda kind: io.BytesIO(b"5"),
    "datetime naive": lambda kind: WHEN.replace(tzinfo=None),
    "datetime aware": lambda kind: WHEN,
    "date": lambda kind: WHEN.date(),
    "str ISO 8601 date": lambda kind: "2024-01-08",
    "str ISO 8601": lambda kind: "2024-01-08T10:25:00Z",
    "str dateutil parses": lambda kind: "08-14-1997 12:00:00",
    "str dateutil parses too": lambda kind: "01-08/2024 10:25:00",
    "str RFC 822": lambda kind: "Mon, 08 Jan 2024 10:25:00 GMT",
    "epoch int": lambda kind: 1700000000,
    "epoch float": lambda kind: 1700000000.5,
    "epoch str": lambda kind: "1700000000",
    "epoch milliseconds": lambda kind: 1700000000000,
    "empty list": lambda kind: [],
    "list": lambda kind: [item_of(kind)] if kind == "list" else ["x"],
    "tuple": lambda kind: (item_of(kind),) if kind == "list" else ("x",),
    "set": lambda kind: {item_of(kind)} if kind == "list" else {"x"},
    "generator": lambda kind: (x for x in [item_of(kind) if kind == "list" else "x"]),
    "empty dict": lambda kind: {},
    "dict": lambda kind: dict([item_of(kind)]) if kind == "map" else {"x": "y"},
    "OrderedDict": lambda kind: collections.OrderedDict([item_of(kind)]) if kind == "map" else {"x": "y"},
    "mapping proxy": lambda kind: types.MappingProxyType(dict([item_of(kind)]) if kind == "map" else {"x": "y"}),
    "model": lambda kind: (
        getattr(models, member_shape(kind))() if kind == "structure" else models.Tag(key="k", value="v")
    ),
    "object": lambda kind: object(),
}

# (wire type, candidate) -> (botocore's verdict, why these models differ). Nothing else may differ.
INTEGERS, NUMBERS = ("integer", "long"), ("float", "double")
DEVIATIONS: dict[tuple[str, str], tuple[bool, str]] = {
    **{(kind, "bool"): (True, "bool is an int to botocore, which sends JSON true: no number") for kind in INTEGERS},
    **{(kind, "bool"): (True, "bool is an int to botocore, which sends JSON true: no number") for kind in NUMBERS},
    **{(kind, "None"): (False, "None means not given: the member is left out") for kind in wire_types()},
    ("structure", "model"): (False, "the model of the structure: the point of this SDK"),
}


def member_shape(kind: str) -> str:
    name, wire = members()[kind]
    return str(sd.SHAPES[name]["members"][wire]["shape"])


def botocore_accepts(kind: str, value: Any) -> bool:
    name, wire = members()[kind]
    try:
        return not ParamValidator().validate({wire: value}, SERVICE.shape_for(name)).has_errors()
    except (TypeError, ValueError, OverflowError, OSError, RuntimeError):
        return False  # botocore's validator itself fails on it: it cannot be sent either


def ours(kind: str, value: Any) -> Any:
    """The model's value for the member, or the ValidationError."""
    name, wire = members()[kind]
    cls = getattr(models, name)
    try:
        return getattr(cls.model_validate({wire: value}), sd.attribute(wire))
    except ValidationError as error:
        return error


@pytest.mark.parametrize("candidate", sorted(CANDIDATES))
@pytest.mark.parametrize("kind", wire_types())
def test_accepted_values_are_botocores(kind: str, candidate: str) -> None:
    expected = botocore_accepts(kind, CANDIDATES[candidate](kind))
    held = ours(kind, CANDIDATES[candidate](kind))
    accepted = not isinstance(held, ValidationError)
    if (kind, candidate) in DEVIATIONS:
        botocore, why = DEVIATIONS[kind, candidate]
        assert (expected, accepted) == (botocore, not botocore), why
        return
    assert accepted == expected, held
    if accepted and held is not None:
        assert_sent_as_botocore_would(kind, CANDIDATES[candidate](kind), held)


def assert_sent_as_botocore_would(kind: str, value: Any, held: Any) -> None:
    """An accepted value is held as what botocore would send for it."""
    if kind == "timestamp":
        assert held == parse_to_aware_datetime(value) and held.tzinfo is datetime.timezone.utc
    elif kind in NUMBERS:
        assert type(held) is float and (held == float(value) or held != held)
    elif kind in INTEGERS:
        assert held == value and isinstance(held, int)
    elif kind == "list":
        assert isinstance(held, list) and len(held) == len(value)
    elif kind == "map":
        assert isinstance(held, dict) and len(held) == len(value)
    elif kind == "structure":
        assert isinstance(held, getattr(models, member_shape(kind)))
    else:
        assert held == value


def test_every_deviation_is_a_candidate_of_a_wire_type() -> None:
    assert {kind for kind, _ in DEVIATIONS} <= set(wire_types())
    assert {candidate for _, candidate in DEVIATIONS} <= set(CANDIDATES)


# --- blobs: no SageMaker shape is one; the runtime type against a blob shape of botocore's ------

BLOB_MODEL = ServiceModel(
    {
        "metadata": {"protocol": "json", "apiVersion": "2017-07-24", "serviceId": "Blobs"},
        "operations": {},
        "shapes": {
            "Body": {"type": "structure", "members": {"Payload": {"shape": "Payload"}}},
            "Payload": {"type": "blob"},
        },
    },
    "blobs",
)


@pytest.mark.parametrize("candidate", sorted(CANDIDATES))
def test_blob_values_are_botocores(candidate: str) -> None:
    adapter: TypeAdapter[bytes] = TypeAdapter(wiretypes.Blob)
    value = CANDIDATES[candidate]("blob")
    expected = not ParamValidator().validate({"Payload": value}, BLOB_MODEL.shape_for("Body")).has_errors()
    try:
        held: bytes | None = adapter.validate_python(CANDIDATES[candidate]("blob"))
    except ValidationError:
        held = None
    if candidate == "None":  # as for every type: a member set to None is left out (the model's Optional)
        assert (expected, held) == (False, None)
        return
    assert (held is not None) == expected, candidate
    if held is not None:
        # What botocore sends: a str as UTF-8, a file's content.
        content = value.read() if hasattr(value, "read") else value
        assert held == (content.encode() if isinstance(content, str) else bytes(content))
