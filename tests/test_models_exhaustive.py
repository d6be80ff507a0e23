"""Exhaustive model tests, generated from specs/: every operation's input and output model, of every service.

Requests: a valid request (generated from the spec) validates, dumps back to the same wire
dict, is accepted by botocore's own ParamValidator, and is accepted by snake names too; then
every rule at every place of that request is broken, one at a time, and must be rejected with
an error at that place naming that rule; at the structure level (``validation="structure"``)
an enum value, a length, a pattern, a range or a size is then accepted as it is, while names,
types, required members and union arity are still enforced. Responses: the same kind of values, grown the way a
newer API grows them (unknown members and enum values, missing "required" members, values
past the old limits), must parse and dump back unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from botocore.model import ServiceModel
from botocore.validate import ParamValidator
from pydantic import ValidationError

from sagemaker_typed._runtime.lenient import structure_validator
from sagemaker_typed._runtime.newer import MOVABLE, hint
from sagemaker_typed._runtime.shapes import wire_location
from tests import specdata as sd

INPUTS = sd.each(lambda spec: spec.operation_names())
OUTPUTS = sd.each(lambda spec: [op for op in spec.operation_names() if spec.output(op)])
DELETE = object()
JSON = "<a JSON value>"
"""The shape ``sites`` names for a JSON header member (typed as any JSON value, not as its target)."""


def service_model(spec: sd.Spec) -> ServiceModel:
    return ServiceModel(spec.model, spec.name)


def kind_of(spec: sd.Spec, shape: str) -> str:
    """The shape's type, with the kinds that take other values than their type says told apart."""
    if shape == JSON:
        return "json"
    raw = spec.shapes[shape]
    if raw.get("document"):
        return "json"
    if shape in spec.stream_blobs:
        return "streaming"
    return str(raw["type"])


def sites(
    spec: sd.Spec, shape: str, value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """Every (path, shape name, value) inside a wire value, the value itself first."""
    yield path, shape, value
    kind = kind_of(spec, shape)
    if kind == "structure":
        for wire, member in value.items():
            raw = spec.shapes[shape]["members"][wire]
            yield from sites(spec, JSON if sd.json_header(raw) else raw["shape"], member, (*path, wire))
    elif kind == "list":
        for i, item in enumerate(value):
            yield from sites(spec, spec.shapes[shape]["member"]["shape"], item, (*path, i))
    elif kind == "map":
        for key, item in value.items():
            yield from sites(spec, spec.shapes[shape]["value"]["shape"], item, (*path, key))


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A copy of ``value`` with the value at ``path`` replaced (or deleted)."""
    out = copy.copy(value)
    if len(path) == 1:
        if new is DELETE:
            del out[path[0]]
        else:
            out[path[0]] = new
        return out
    out[path[0]] = replaced(value[path[0]], path[1:], new)
    return out


def mutations(spec: sd.Spec, shape: str, value: Any) -> Iterator[tuple[Any, tuple[Any, ...], str]]:
    """(new value or DELETE, path of the expected error relative to here, expected error type)."""
    kind = kind_of(spec, shape)
    raw = spec.shapes.get(shape, {})
    if kind == "json":
        # Any JSON value goes; a Python value JSON has no form for does not.
        yield {1, 2}, (), "invalid-json-value"
        yield b"bytes", (), "invalid-json-value"
        # pydantic's JsonValue names the kind of container on the way (its tagged union's tag).
        yield {"a set": {1, 2}}, ("dict", "a set"), "invalid-json-value"
    elif kind == "structure":
        yield {**value, "NotAMemberOfThisShape": 1}, ("NotAMemberOfThisShape",), "extra_forbidden"
        required = [m for m in raw.get("required", ()) if m in value and not raw["members"][m].get("idempotencyToken")]
        if required:
            yield {k: v for k, v in value.items() if k != required[0]}, (required[0],), "missing"
        if raw.get("union") and len(raw["members"]) > 1:
            other = next(m for m in sorted(raw["members"]) if m not in value)
            yield {**value, other: spec.value(raw["members"][other]["shape"], full=False)}, (), "union_one_member"
        yield "not a structure", (), "model_type"
    elif kind == "string" and "enum" in raw:
        yield "NotAValueOfThisEnum", (), "enum"
    elif kind == "string":
        low, high = raw.get("min", 0), raw.get("max")
        if high is not None and high < 4096:
            yield value + "x" * (high + 1 - sd.utf16_len(value)), (), "string_too_long"
            if "pattern" not in raw:
                # Astral characters count twice, as the service (Java) counts them.
                yield "\U0001f600" * (high // 2 + 1), (), "string_too_long"
        if low > 0:
            # "" may break the pattern as well: either rule may be the one reported.
            yield "", (), "string_too_short" if "pattern" not in raw else "string_too_short|string_pattern_mismatch"
        if "pattern" in raw:
            misses = [
                s
                for s, ok in spec.pattern_cases[shape]["cases"]
                if not ok and low <= sd.utf16_len(s) <= (high or 1 << 30)
            ]
            if misses:
                yield misses[0], (), "string_pattern_mismatch"
        yield 12, (), "string_type"
    elif kind in ("integer", "long", "float", "double"):
        if "max" in raw:
            yield raw["max"] + 1, (), "less_than_equal"
        if "min" in raw:
            yield raw["min"] - 1, (), "greater_than_equal"
        # botocore's types: no string for a number, no bool, no float rounded into an integer.
        wrong = "int_type" if kind in ("integer", "long") else "float_type"
        for other in ("not a number", str(value), True):
            yield other, (), wrong
        if kind in ("integer", "long"):
            yield float(value), (), wrong
    elif kind in ("list", "map"):
        item = (value[0] if value else None) if kind == "list" else None
        if "max" in raw and raw["max"] < 1000 and kind == "list" and item is not None:
            yield [item] * (raw["max"] + 1), (), "too_long"
        if "max" in raw and raw["max"] < 1000 and kind == "map" and value:
            keys = distinct_keys(spec, raw["key"]["shape"], raw["max"] + 1)
            if keys:
                item = next(iter(value.values()))
                yield dict.fromkeys(keys, item), (), "too_long"
        if raw.get("min", 0) > 0:
            yield ([] if kind == "list" else {}), (), "too_short"
        yield "not a container", (), f"{kind if kind == 'list' else 'dict'}_type"
    elif kind == "boolean":
        for other in ("not a boolean", "false", 0):
            yield other, (), "bool_type"
    elif kind == "timestamp":
        yield "not a timestamp", (), "datetime_parsing"
        yield [value], (), "datetime_type"
    elif kind == "blob":
        if raw.get("max", 1 << 30) < 4096:
            yield value + b"x" * (raw["max"] + 1 - len(value)), (), "bytes_too_long"
        if raw.get("min", 0) > 0:
            yield b"", (), "bytes_too_short"
        for other in (12, [value], 1.5):
            yield other, (), "bytes_type"
    elif kind == "streaming":
        # bytes, a string or a binary file, streamed by botocore: nothing else.
        for other in (12, [value]):
            yield other, (), "bytes_type"


@pytest.mark.parametrize(("spec", "operation"), INPUTS)
def test_valid_request_round_trips(spec: sd.Spec, operation: str) -> None:
    name = spec.input(operation)
    cls = getattr(spec.models, name)
    wire = spec.value(name)
    model = cls.model_validate(wire)
    assert model.to_wire() == wire
    assert cls.model_validate(spec.to_snake(name, wire)).to_wire() == wire
    report = ParamValidator().validate(model.to_wire(), service_model(spec).operation_model(operation).input_shape)
    assert not report.has_errors(), report.generate_report()


@pytest.mark.parametrize(("spec", "operation"), INPUTS)
def test_every_rule_is_enforced_at_every_depth(spec: sd.Spec, operation: str) -> None:
    """...and at the structure level, the rules the service may move are left to it, the others stay."""
    name = spec.input(operation)
    cls = getattr(spec.models, name)
    structure = structure_validator(cls)
    wire = spec.value(name)
    checked = 0
    for path, shape, value in sites(spec, name, wire):
        for new, where, rule in mutations(spec, shape, value):
            bad = replaced(wire, path, new) if path else new
            with pytest.raises(ValidationError) as caught:
                cls.model_validate(bad)
            # Errors name attributes; wire_location maps them back to the wire names used here.
            found = {(wire_location(cls, tuple(e["loc"])), e["type"]) for e in caught.value.errors()}
            expected = {((*path, *where), r) for r in rule.split("|")}
            assert expected & found, f"{operation}: {rule} at {(*path, *where)}: got {found}"
            movable = set(rule.split("|")) <= MOVABLE
            # The title names the release and the ways out exactly when a rule the service may move broke.
            assert (hint() in str(caught.value)) is movable
            if movable:
                assert structure.validate_python(bad).to_wire() == bad, f"{operation}: {rule} at {path}"
            else:
                with pytest.raises(ValidationError) as caught:
                    structure.validate_python(bad)
                found = {(wire_location(cls, tuple(e["loc"])), e["type"]) for e in caught.value.errors()}
                assert expected & found, f"{operation}, structure level: {rule} at {(*path, *where)}: got {found}"
            checked += 1
    assert checked > 0


def distinct_keys(spec: sd.Spec, shape: str, count: int) -> list[str]:
    """``count`` different valid keys of a map, where the key shape makes that easy."""
    raw = spec.shapes[shape]
    if "enum" in raw:
        return list(raw["enum"][:count]) if len(raw["enum"]) >= count else []
    if "pattern" in raw:
        valid = sorted({s for s, ok in spec.pattern_cases[shape]["cases"] if ok})
        low, high = raw.get("min", 0), raw.get("max", 1 << 30)
        valid = [s for s in valid if low <= sd.utf16_len(s) <= high]
        return valid[:count] if len(valid) >= count else []
    width = max(raw.get("min", 1), len(str(count)))
    return [str(i).zfill(width) for i in range(count)] if width <= raw.get("max", 1 << 30) else []


def grown(spec: sd.Spec, shape: str, value: Any) -> Any:
    """The value as a newer service could send it: unknown members and enum values,
    "required" members left out, and limits exceeded."""
    kind = kind_of(spec, shape)
    raw = spec.shapes.get(shape, {})
    if kind == "structure":
        members = raw["members"]
        out = {
            wire: grown(spec, JSON if sd.json_header(members[wire]) else members[wire]["shape"], v)
            if wire in members
            else v  # unknown already
            for wire, v in value.items()
        }
        for required in raw.get("required", ())[:1]:
            out.pop(required, None)
        out["AMemberFromTheFuture"] = {"Nested": [1, 2]}
        return out
    if kind == "list":
        return [grown(spec, raw["member"]["shape"], v) for v in value] * 2
    if kind == "map":
        return {k: grown(spec, raw["value"]["shape"], v) for k, v in value.items()}
    if kind == "string" and "enum" in raw:
        return "AValueFromTheFuture"
    if kind == "string":
        return value + "~" * (raw.get("max", 0) + 1)
    if kind in ("integer", "long") and "max" in raw:
        return raw["max"] + 1
    if kind == "blob" and raw.get("max", 1 << 30) < 4096:  # the family's blobs allow megabytes: not grown
        return value + b"~" * (raw["max"] + 1 - len(value))
    if kind == "json":
        return {"grown": value, "AMemberFromTheFuture": [None, 1]}
    return value


@pytest.mark.parametrize(("spec", "operation"), OUTPUTS)
def test_grown_response_parses_and_dumps_back(spec: sd.Spec, operation: str) -> None:
    name = spec.output(operation)
    assert name is not None
    cls = getattr(spec.models, name)
    wire = grown(spec, name, spec.value(name))
    for parsed in (cls.model_validate(wire), cls(**wire)):
        assert parsed.to_wire() == wire
        for path, shape, _ in sites(spec, name, spec.value(name)):
            if "enum" in spec.shapes.get(shape, {}) and path and all(isinstance(p, str) for p in path):
                typed: Any = parsed
                for part in path:
                    if typed is None:  # a "required" member left out on purpose
                        break
                    typed = typed[part] if isinstance(typed, dict) else getattr(typed, sd.attribute(part))
                if typed is None:
                    continue
                assert isinstance(typed, getattr(spec.models, shape)), (path, typed)
                assert typed.value == "AValueFromTheFuture"


@pytest.mark.parametrize(("spec", "operation"), OUTPUTS)
def test_response_json_is_lenient(spec: sd.Spec, operation: str) -> None:
    name = spec.output(operation)
    cls = getattr(spec.models, name)
    assert cls.model_validate_json('{"AMemberFromTheFuture": 1}').model_extra == {"AMemberFromTheFuture": 1}
