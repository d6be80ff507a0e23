"""When SageMaker has something newer than the SDK: generated from specs/, for every enum and response of every service.

- Every enum takes a value newer than the model on purpose (``unknown()``): a member of that
  enum, accepted by a request where the enum is used, dumped as the plain string, while the
  same plain string is still rejected by all rules and accepted by the structure level.
- Responses grown the way a newer API grows them (unknown members and enum values at every
  level, see test_models_exhaustive) survive pickling (also in a fresh process), copying and a
  JSON round trip unchanged, and the enum values in them are accepted back in requests.
"""

from __future__ import annotations

import copy
import functools
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
from pydantic import ValidationError

from sagemaker_typed import models
from sagemaker_typed._runtime.enums import OpenEnum
from sagemaker_typed._runtime.lenient import structure_validator
from tests import specdata as sd
from tests.test_models_exhaustive import grown

NEWER = "AValueFromTheFuture"
ENUMS = sd.each(lambda spec: sorted(name for name, raw in spec.shapes.items() if "enum" in raw))
OUTPUTS = sd.each(lambda spec: [op for op in spec.operation_names() if spec.output(op)])


@functools.cache
def request_sites(spec: sd.Spec = sd.SAGEMAKER) -> dict[str, tuple[str, str, str]]:
    """Enum -> (structure, member, how) of a place where a request takes it: the member itself,
    an item of its list, a value or a key of its map. Structures that are not operation
    outputs nor events (which come from the service) are validated by the request rules."""
    streams = [raw for raw in spec.shapes.values() if raw.get("eventstream")]
    events = {member["shape"] for raw in streams for member in raw["members"].values()}
    outputs = {spec.output(op) for op in spec.operations} | events
    sites: dict[str, tuple[str, str, str]] = {}
    for name in sorted(spec.shapes):
        raw = spec.shapes[name]
        if raw["type"] != "structure" or name in outputs or raw.get("document"):
            continue
        for wire, member in sorted(raw["members"].items()):
            target = spec.shapes[member["shape"]]
            if "enum" in target:
                sites.setdefault(member["shape"], (name, wire, "member"))
            elif target["type"] == "list" and "enum" in spec.shapes[target["member"]["shape"]]:
                sites.setdefault(target["member"]["shape"], (name, wire, "item"))
            elif target["type"] == "map" and "enum" in spec.shapes[target["value"]["shape"]]:
                sites.setdefault(target["value"]["shape"], (name, wire, "value"))
            elif target["type"] == "map" and "enum" in spec.shapes[target["key"]["shape"]]:
                sites.setdefault(target["key"]["shape"], (name, wire, "key"))
    return sites


def request_with(enum: str, value: Any, spec: sd.Spec = sd.SAGEMAKER) -> tuple[type[Any], dict[str, Any]]:
    """(structure class, a valid wire value of it holding ``value`` at the enum's site)."""
    name, wire, how = request_sites(spec)[enum]
    raw = spec.shapes[name]
    base = {} if raw.get("union") else spec.structure(name, full=False)
    target = spec.shapes[raw["members"][wire]["shape"]]
    if how == "member":
        held: Any = value
    elif how == "item":
        held = [value] * max(target.get("min", 1), 1)
    elif how == "value":
        held = {spec.valid_string(target["key"]["shape"]): value}
    else:
        held = {value: spec.value(target["value"]["shape"])}
    return getattr(spec.models, name), {**base, wire: held}


def test_every_enum_but_a_few_output_only_ones_has_a_request_site() -> None:
    output_only = [p.id for p in ENUMS if p.values[1] not in request_sites(p.values[0])]
    assert len(output_only) < 0.05 * len(ENUMS), output_only


@pytest.mark.parametrize(("spec", "enum"), ENUMS)
def test_every_enum_takes_a_newer_value_on_purpose(spec: sd.Spec, enum: str) -> None:
    cls: type[OpenEnum] = getattr(spec.models, enum)
    newer = cls.unknown(NEWER)
    assert isinstance(newer, cls) and newer.value == NEWER == newer and not newer.is_known
    assert cls.unknown(NEWER) is newer  # one object per value
    first = next(iter(cls))
    assert cls.unknown(first.value) is first and first.is_known
    assert pickle.loads(pickle.dumps(newer)) is newer
    assert copy.copy(newer) is newer and copy.deepcopy(newer) is newer
    with pytest.raises(ValueError):
        cls(NEWER)  # the plain call stays closed
    if enum not in request_sites(spec):
        return
    structure, wire = request_with(enum, newer, spec)
    # All rules: the member made on purpose is taken and dumped as the plain string...
    assert structure.model_validate(wire).to_wire() == wire
    assert f'"{NEWER}"' in structure.model_validate(wire).model_dump_json(by_alias=True)
    # ...the same plain string is a typo until said otherwise...
    _, plain = request_with(enum, NEWER, spec)
    with pytest.raises(ValidationError) as caught:
        structure.model_validate(plain)
    assert {e["type"] for e in caught.value.errors()} == {"enum"}
    # ...and the structure level takes it as that very member.
    validated = structure_validator(structure).validate_python(plain)
    assert validated.to_wire() == plain
    assert newer in list(_enum_values(validated))
    assert any(value is newer for value in _enum_values(validated))


def _enum_values(value: Any) -> Iterator[OpenEnum]:
    """Every enum value inside a model, at any depth (map keys too)."""
    if isinstance(value, OpenEnum):
        yield value
    elif isinstance(value, pydantic.BaseModel):
        for name in type(value).model_fields:
            yield from _enum_values(getattr(value, name))
        for extra in (value.model_extra or {}).values():
            yield from _enum_values(extra)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _enum_values(key)
            yield from _enum_values(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _enum_values(item)


def grown_response(spec: sd.Spec, operation: str) -> tuple[type[Any], dict[str, Any]]:
    name = spec.output(operation)
    assert name is not None
    return getattr(spec.models, name), grown(spec, name, spec.value(name))


@pytest.mark.parametrize(("spec", "operation"), OUTPUTS)
def test_grown_response_survives_pickle_copy_and_json(spec: sd.Spec, operation: str) -> None:
    cls, wire = grown_response(spec, operation)
    parsed = cls.model_validate(wire)
    values = list(_enum_values(parsed))
    agains = [pickle.loads(pickle.dumps(parsed)), copy.deepcopy(parsed), copy.copy(parsed)]
    # A streaming body is a stream (botocore's StreamingBody, unread): it has no JSON form to come back from.
    if not spec.streaming(cls.__name__):
        agains.append(cls.model_validate_json(parsed.model_dump_json(by_alias=True, exclude_unset=True)))
    for again in agains:
        assert again == parsed and again.to_wire() == wire
        # The same members, unknown ones included: one object per value.
        assert all(a is b for a, b in zip(_enum_values(again), values, strict=True))
    # A value the service sent is accepted back in a request where its enum is used.
    for value in values:
        enum = type(value).__name__
        if not value.is_known and enum in request_sites(spec):
            structure, request = request_with(enum, value, spec)
            assert structure.model_validate(request).to_wire() == request


def test_grown_responses_unpickle_in_a_fresh_process(tmp_path: Path) -> None:
    """Pickled here, loaded in a process where no pseudo-member exists yet: the same values."""
    pickled = []
    for param in OUTPUTS:
        cls, wire = grown_response(*param.values)
        pickled.append((param.id, pickle.dumps(cls.model_validate(wire)), pickle.dumps(wire)))
    data = tmp_path / "responses.pickle"
    data.write_bytes(pickle.dumps(pickled))
    script = (
        "import pickle, sys\n"
        "from sagemaker_typed._runtime.enums import OpenEnum\n"
        "from tests.test_newer import _enum_values\n"
        "checked = 0\n"
        "for operation, response, wire in pickle.loads(open(sys.argv[1], 'rb').read()):\n"
        "    parsed = pickle.loads(response)\n"
        "    assert parsed.to_wire() == pickle.loads(wire), operation\n"
        "    for value in _enum_values(parsed):\n"
        "        assert value is type(value).unknown(value.value), operation\n"
        "        checked += not value.is_known\n"
        "print(checked)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(data)], cwd=sd.ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > len(OUTPUTS)  # unknown members at every level were rebuilt


def test_pseudo_members_are_one_object_across_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    values = [f"ml.future{i}.xlarge" for i in range(200)]
    with ThreadPoolExecutor(8) as pool:
        runs = [list(pool.map(models.TrainingInstanceType.unknown, values)) for _ in range(4)]
    assert all(a is b for run in runs[1:] for a, b in zip(runs[0], run, strict=True))
