"""Real requests and responses written by other projects (../shared/corpus), against the models.

The corpus (see its README) holds 1,586 requests and 1,008 responses recorded while the test
suites of moto, the SageMaker Python SDK and sagemaker-experiments ran, each request with
botocore's ParamValidator verdict. botocore's own validator is the oracle here:

- Requests botocore accepts: accepted with every rule of the model, or rejected with errors
  that each break a rule of the service model (an enum value, a pattern, a length, a range, a
  size), confirmed from specs/ itself (patterns by the JDK, as in the pattern tests); none is
  rejected for anything else. At ``validation="structure"`` every one of them is accepted.
- Requests botocore rejects: rejected at both levels, except the written-down deviations
  (``None`` means "not given"; members may be named by attribute; the structure level leaves
  botocore's minimums to the service).
- Responses: those botocore's parser gave (moto) parse and dump back unchanged. Those a Mock
  stood in for (canned by a test) parse and dump back equal after the normalisation a parsed
  response would have had (no ``None`` members, timestamps as datetimes, wire names), or
  fail only where botocore's validator finds a value of the wrong type (a dict for a list,
  a number for a string: no service sends that).

Values are JSON with tags for datetimes, dates, bytes, tuples and decimals (the corpus's
``about`` field); they are decoded into those Python types first. Run ``python -m
tests.test_corpus`` for the figures.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import functools
import gzip
import json
import shutil
import uuid
from collections import Counter
from typing import Any

import pytest
from botocore.model import ServiceModel
from botocore.validate import ParamValidator
from pydantic import ValidationError

from sagemaker_typed import models
from sagemaker_typed._runtime.lenient import structure_validator
from sagemaker_typed._runtime.newer import MOVABLE
from sagemaker_typed._runtime.shapes import wire_location
from tests import specdata as sd

CORPUS = sd.ROOT.parent / "shared" / "corpus" / "corpus.json.gz"
pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"the shared corpus is not at {CORPUS}")
SERVICE = ServiceModel(sd.SERVICE, "sagemaker")
MOTO = "moto 5.2.3, parsed by botocore"


def decode(value: Any) -> Any:
    """A corpus value with its tags turned into the Python values they stand for."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "$datetime":
            return datetime.datetime.fromisoformat(inner)
        if tag == "$date":
            return datetime.date.fromisoformat(inner)
        if tag == "$bytes":
            return base64.b64decode(inner)
        if tag == "$tuple":
            return tuple(decode(v) for v in inner)
        if tag == "$decimal":
            return decimal.Decimal(inner)
        if tag == "$dict":
            return {k: decode(v) for k, v in inner.items()}
    return {k: decode(v) for k, v in value.items()}


@functools.cache
def items() -> tuple[dict[str, Any], ...]:
    if not CORPUS.exists():
        return ()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as file:
        corpus = json.load(file)
    return tuple({**item, "value": decode(item["value"])} for item in corpus["items"])


def requests() -> list[dict[str, Any]]:
    return [item for item in items() if item["direction"] == "request"]


def responses() -> list[dict[str, Any]]:
    return [item for item in items() if item["direction"] == "response"]


def input_model(operation: str) -> Any:
    return getattr(models, sd.OPERATIONS[operation]["input"]["shape"])


def botocore_report(operation: str, value: dict[str, Any]) -> str:
    """botocore's ParamValidator report for a request, idempotency tokens filled as botocore does."""
    shape = SERVICE.operation_model(operation).input_shape
    filled = dict(value)
    for name, member in shape.members.items():
        if member.metadata.get("idempotencyToken") and name not in filled:
            filled[name] = str(uuid.uuid4())
    return str(ParamValidator().validate(filled, shape).generate_report())


def errors(validate: Any, value: Any) -> list[Any] | None:
    """The errors of ``validate(value)``, or None when it accepts the value."""
    try:
        validate(value)
    except ValidationError as error:
        return error.errors()
    return None


# --- which rule an error breaks, read from specs/ -----------------------------------------------


def located(shape: str, value: Any, loc: tuple[Any, ...]) -> tuple[str, Any]:
    """(shape name, value) at a wire location of a request; a map key when the location says ``[key]``."""
    for i, part in enumerate(loc):
        raw = sd.SHAPES[shape]
        if raw["type"] == "structure":
            shape, value = raw["members"][part]["shape"], value[part]
        elif raw["type"] == "list":
            shape, value = raw["member"]["shape"], value[part]
        elif raw["type"] == "map" and loc[i + 1 :] == ("[key]",):
            return raw["key"]["shape"], part
        elif raw["type"] == "map":
            shape, value = raw["value"]["shape"], value[part]
    return shape, value


def broken_rule(shape: str, value: Any, kind: str) -> str | None:
    """The rule of ``shape`` that ``value`` breaks for an error of type ``kind``, from specs/ alone.

    None when specs/ has no such rule broken by that value. A pattern is named with its Java
    source; whether the value really misses it is the JDK's to say (below).
    """
    raw = sd.SHAPES[shape]
    low, high = raw.get("min"), raw.get("max")
    if kind == "enum":
        return f"enum {shape}" if "enum" in raw and value not in raw["enum"] else None
    if kind == "string_pattern_mismatch":
        return f"pattern {raw['pattern']}" if "pattern" in raw else None
    if kind in ("string_too_long", "string_too_short"):
        length = sd.utf16_len(value)
        outside = (high is not None and length > high) or (low is not None and length < low)
        return f"length {shape}" if outside else None
    if kind in ("too_long", "too_short"):
        outside = (high is not None and len(value) > high) or (low is not None and len(value) < low)
        return f"size {shape}" if outside else None
    if kind in ("less_than_equal", "greater_than_equal"):
        outside = (high is not None and value > high) or (low is not None and value < low)
        return f"range {shape}" if outside else None
    return None


def rules_broken(item: dict[str, Any], found: list[Any]) -> list[tuple[str, str, Any]]:
    """(error type, rule, value) for each error of a request; the rule is None if specs/ has none."""
    operation, value = item["operation"], item["value"]
    cls = input_model(operation)
    out = []
    for error in found:
        loc = wire_location(cls, tuple(error["loc"]))
        shape, at = located(cls.__name__, value, loc)
        out.append((error["type"], broken_rule(shape, at, error["type"]) if error["type"] in MOVABLE else None, at))
    return out


# --- requests -----------------------------------------------------------------------------------

# botocore rejects it, these models take it; each reason is written down (see wiretypes and README).
NONE_IS_NOT_GIVEN = "None means not given"
NAMED_BY_ATTRIBUTE = "members may be named by attribute"
MINIMUMS_TO_THE_SERVICE = "the structure level leaves botocore's minimums to the service"


def deviation(report: str, level: str) -> str | None:
    """Why botocore's rejection of a request does not hold here, or None if it must."""
    reasons = set()
    for line in report.splitlines():
        if "value: None, type: <class 'NoneType'>" in line:
            reasons.add(NONE_IS_NOT_GIVEN)
        elif line.startswith("Unknown parameter") and '"' in line and line.split('"')[1].islower():
            reasons.add(NAMED_BY_ATTRIBUTE)
        elif ("valid min length" in line or "valid min value" in line) and level == "structure":
            reasons.add(MINIMUMS_TO_THE_SERVICE)
        else:
            return None
    return " and ".join(sorted(reasons))


@pytest.mark.parametrize("item", requests(), ids=lambda item: item["id"])
def test_request(item: dict[str, Any]) -> None:
    operation, value = item["operation"], item["value"]
    report = botocore_report(operation, value)
    assert (report == "") is item["botocore"]["valid"], "the corpus's verdict is botocore's"
    cls = input_model(operation)
    full, structure = errors(cls.model_validate, value), errors(structure_validator(cls).validate_python, value)
    if item["botocore"]["valid"]:
        assert structure is None, structure
        if full is not None:
            unexplained = [(kind, at) for kind, rule, at in rules_broken(item, full) if rule is None]
            assert not unexplained, f"rejected without a rule of the model: {unexplained}"
    else:
        for level, found in (("all", full), ("structure", structure)):
            if found is None:
                assert deviation(report, level), f"{level}: accepted what botocore rejects:\n{report}"


def test_dates_botocore_parses_and_strings_for_numbers() -> None:
    """The two date strings botocore accepts are accepted; a string for an integer is not."""
    by_id = {item["id"]: item for item in requests()}
    for key in ("q1544", "q1545"):  # also a HubContentType and a SortBy unknown to the model: rules
        item = by_id[key]
        request = structure_validator(input_model(item["operation"])).validate_python(item["value"])
        assert request.creation_time_after == datetime.datetime(1997, 8, 14, 12, tzinfo=datetime.timezone.utc)
        assert request.creation_time_before == datetime.datetime(2024, 1, 8, 10, 25, tzinfo=datetime.timezone.utc)
        found = errors(input_model(item["operation"]).model_validate, item["value"]) or []
        assert {e["type"] for e in found} == {"enum"}
    item = by_id["q1540"]
    cls = input_model(item["operation"])
    assert item["value"]["MaxResults"] == "5"
    for validate in (cls.model_validate, structure_validator(cls).validate_python):
        assert [(e["loc"], e["type"]) for e in errors(validate, item["value"]) or []] == [
            (("max_results",), "int_type")
        ]


@functools.cache
def patterns_missed() -> tuple[tuple[str, str], ...]:
    """(Java pattern, value) of every pattern error in a request botocore accepts."""
    missed = set()
    for item in requests():
        if item["botocore"]["valid"]:
            found = errors(input_model(item["operation"]).model_validate, item["value"]) or []
            for kind, rule, at in rules_broken(item, found):
                if kind == "string_pattern_mismatch" and rule is not None:
                    missed.add((rule.removeprefix("pattern "), at))
    return tuple(sorted(missed))


@pytest.mark.skipif(shutil.which("java") is None, reason="no `java` on PATH: the JDK oracle cannot run")
def test_pattern_errors_are_the_jdks() -> None:
    from tests.patterns.generate_cases import run_oracle

    cases = patterns_missed()
    assert cases
    assert [case for case, matches in zip(cases, run_oracle(cases), strict=True) if matches] == []


# --- responses ----------------------------------------------------------------------------------


def normalised(shape: str, value: Any) -> Any:
    """A canned response as botocore's parser would have given it: what ``to_wire()`` gives back.

    No ``None`` members (the JSON of a service has no nulls), timestamps as aware datetimes,
    members by wire name (a canned response may name them by attribute).
    """
    raw = sd.SHAPES[shape]
    if raw["type"] == "structure" and isinstance(value, dict):
        by_attribute = {sd.attribute(wire): wire for wire in raw["members"]}
        out = {}
        for key, item in value.items():
            wire = key if key in raw["members"] else by_attribute.get(key, key)
            if item is not None:
                out[wire] = normalised(raw["members"][wire]["shape"], item) if wire in raw["members"] else item
        return out
    if raw["type"] == "list" and isinstance(value, list):
        return [normalised(raw["member"]["shape"], item) for item in value]
    if raw["type"] == "map" and isinstance(value, dict):
        return {key: normalised(raw["value"]["shape"], item) for key, item in value.items()}
    if raw["type"] == "timestamp" and isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    return value


def wrong_types(operation: str, value: Any) -> list[str]:
    """The values of a response that botocore's validator finds of the wrong type."""
    report = ParamValidator().validate(value, SERVICE.operation_model(operation).output_shape).generate_report()
    # None is not a wrong type in a response: a member left out, as lenient parsing takes it.
    return [line for line in report.splitlines() if line.startswith("Invalid type") and "value: None," not in line]


@pytest.mark.parametrize("item", responses(), ids=lambda item: item["id"])
def test_response(item: dict[str, Any]) -> None:
    operation, value = item["operation"], item["value"]
    output = sd.OPERATIONS[operation].get("output")
    if output is None:  # an operation without output: a Mock returned {}
        assert value == {}
        return
    cls = getattr(models, output["shape"])
    if item["origin"] == MOTO:
        assert cls.model_validate(value).to_wire() == value
        return
    found = errors(cls.model_validate, value)
    if found is None:
        assert cls.model_validate(value).to_wire() == normalised(output["shape"], value)
    else:  # fails only where botocore's validator finds a value of the wrong type
        wrong = wrong_types(operation, value)
        assert wrong and len(found) <= len(wrong) and all(e["type"].endswith("_type") for e in found), (found, wrong)


# --- figures ------------------------------------------------------------------------------------


def figures() -> dict[str, Any]:
    """What the corpus gives: requests by verdict, errors by rule, responses by origin and outcome."""
    out: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for item in requests():
        cls = input_model(item["operation"])
        if not item["botocore"]["valid"]:
            out["requests botocore rejects"] += 1
            out["  of which rejected here (all rules)"] += errors(cls.model_validate, item["value"]) is not None
            continue
        out["requests botocore accepts"] += 1
        full = errors(cls.model_validate, item["value"])
        out["  accepted (all rules)"] += full is None
        out["  accepted (structure)"] += errors(structure_validator(cls).validate_python, item["value"]) is None
        if full is not None:
            broken = rules_broken(item, full)
            unexplained = any(rule is None for _, rule, _ in broken)
            out["  rejected by a rule" if not unexplained else "  rejected without a rule"] += 1
            by_rule.update(kind for kind, _, _ in broken)
    for item in responses():
        origin = "moto, parsed by botocore" if item["origin"] == MOTO else "canned"
        out[f"responses ({origin})"] += 1
        output = sd.OPERATIONS[item["operation"]].get("output")
        parsed = output is None or errors(getattr(models, output["shape"]).model_validate, item["value"]) is None
        out[f"  {origin}: parsed" if parsed else f"  {origin}: rejected at values of the wrong type"] += 1
    return {"counts": dict(out), "errors by rule": dict(by_rule.most_common()), "patterns": len(patterns_missed())}


def test_figures() -> None:
    counts = figures()["counts"]
    assert counts["requests botocore accepts"] == counts["  accepted (structure)"]
    assert counts.get("  rejected without a rule", 0) == 0
    assert counts["  accepted (all rules)"] + counts["  rejected by a rule"] == counts["requests botocore accepts"]


if __name__ == "__main__":
    print(json.dumps(figures(), indent=2))
