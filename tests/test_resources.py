"""Every resource of every service of specs/, as ``codegen.resources.catalog`` finds them.

For each resource: its class (in the lazy index, with the methods its operations allow and no
others), its methods' signatures and ``Args:`` against the operations' inputs in specs/, its
fields against the Describe output; then, through botocore's Stubber on the boto3 client the
typed client wraps, ``get``, ``refresh``, ``get_all`` (no Describe per listed item, counted),
``create``, the actions, and ``wait`` (each terminal status, failure with its reason, a
timeout, deletion while waiting, progress lines, CloudWatch Logs). The lifecycle read from the
status values' words is checked against botocore's waiters.

The expected values come from the raw service models (``tests/specdata``); the catalog only
says which nouns are resources and what their lifecycle is.
"""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pydantic
import pytest
from botocore.eventstream import EventStream as BotocoreEventStream
from botocore.parsers import EventStreamJSONParser
from botocore.response import StreamingBody
from botocore.stub import Stubber

from codegen import ir, parse
from codegen import resources as catalogs
from codegen.services import Package
from sagemaker_typed import errors
from sagemaker_typed._runtime import resource as runtime
from sagemaker_typed._runtime.shapes import Shape
from tests import specdata as sd
from tests.conftest import offline_boto3_client
from tests.signatures import EMPTY, args_entries, expected_keywords
from tests.test_events import RawStream, answer_with_events

SERVICES = {name: parse.load(service=name) for name in parse.services()}
FAMILY = {service.package.service: service for service in SERVICES.values()}
CATALOGS = {name: catalogs.catalog(service, FAMILY) for name, service in SERVICES.items()}

METHODS = frozenset(
    {"get", "create", "get_all", *catalogs.ACTIONS, "wait", "wait_for_status", "wait_for_delete"}
    | {kind for _, named in catalogs.ELSEWHERE.values() for kind, _ in named}
)
"""Every method name a resource has only where its operations allow it."""
WAITS = ("wait", "wait_for_status", "wait_for_delete")


@dataclass(frozen=True)
class Case:
    """One resource of one service."""

    spec: sd.Spec
    resource: ir.Resource

    def __repr__(self) -> str:
        return self.spec.id(self.resource.name)

    @property
    def cls(self) -> Any:
        return getattr(importlib.import_module(f"{self.spec.package.dotted}.resources"), self.resource.name)

    @property
    def lifecycle(self) -> ir.Lifecycle:
        assert self.resource.lifecycle is not None
        return self.resource.lifecycle

    def wire(self, attr: str, shape: str | None = None) -> str:
        """The wire name of a member of the Describe output (or ``shape``) by its attribute."""
        members = self.spec.shapes[shape or self.resource.output]["members"]
        return next(w for w in members if sd.attribute(w) == attr)

    @property
    def describe_input(self) -> str:
        return self.spec.input(self.resource.describe)

    def action(self, kind: str) -> ir.Action | None:
        return next((a for a in self.resource.actions if a.kind == kind), None)


CASES = [Case(sd.SPECS[name], r) for name, found in CATALOGS.items() for r in found.resources]


def cases(keep: Any = lambda case: True) -> list[Any]:
    return [pytest.param(case, id=repr(case)) for case in CASES if keep(case)]


def with_lifecycle(case: Case) -> bool:
    return case.resource.lifecycle is not None


def values(pick: Any) -> list[Any]:
    """``(case, value)`` for each status value ``pick(lifecycle)`` gives, over every lifecycle."""
    return [
        pytest.param(case, value, id=f"{case!r}-{value}")
        for case in CASES
        if case.resource.lifecycle is not None
        for value in pick(case.resource.lifecycle)
    ]


# --- the catalog ---------------------------------------------------------------------------


def test_the_catalog_finds_the_resources_people_use() -> None:
    """A guard on the exhaustive tests below, which run over the catalog: the nouns issue 18 names
    (none of which a model update is likely to drop), and A2I's human loops."""
    found = {name: {r.name for r in catalog.resources} for name, catalog in CATALOGS.items()}
    assert {
        "TrainingJob", "Endpoint", "EndpointConfig", "Model", "ProcessingJob", "TransformJob",
        "HyperParameterTuningJob", "Pipeline", "PipelineExecution", "NotebookInstance", "Domain",
        "UserProfile", "App", "Space", "Cluster", "InferenceComponent", "ModelPackage",
    } <= found["sagemaker"]  # fmt: skip
    assert found["sagemaker-a2i-runtime"] == {"HumanLoop"}


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_every_describe_is_a_resource_or_left_out_with_a_reason(spec: sd.Spec) -> None:
    found = CATALOGS[spec.name]
    describes = {op for op in spec.operations if op.startswith("Describe") and spec.output(op)}
    taken = [r.describe for r in found.resources]
    left = [r.describe for r in found.left_out]
    assert sorted(taken + left) == sorted(describes)
    assert all(r.reason for r in found.left_out)


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_the_lazy_index_lists_every_resource_and_nothing_else(spec: sd.Spec) -> None:
    names = sorted(r.name for r in CATALOGS[spec.name].resources)
    if not names:
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(f"{spec.package.dotted}.resources")
        return
    index = importlib.import_module(f"{spec.package.dotted}.resources")
    assert index.__all__ == names
    assert set(names) <= set(dir(index))
    with pytest.raises(AttributeError):
        index.NotAResource  # noqa: B018


# --- the class and its methods -------------------------------------------------------------


def _fits(spec: sd.Spec, case: Case, kind: str, operation: str) -> bool:
    """Whether ``operation`` of ``spec`` can act on the resource, read from the raw model: it takes
    every identifier that names it, and (but for update) nothing else required."""
    if operation not in spec.operations:
        return False
    shape = spec.shapes[spec.input(operation)]
    names = {i.wire for i in case.resource.identifiers}
    takes = set(shape["members"])
    if not {i.wire for i in case.resource.identifiers if i.required} <= takes:
        return False
    # Idempotency tokens are optional here (botocore fills them in).
    others = {w for w in shape.get("required", ()) if not shape["members"][w].get("idempotencyToken")} - names
    return kind in ("update", "invoke", "invoke_async", "invoke_with_response_stream") or not others


def expected_methods(case: Case) -> set[str]:
    r, spec, noun = case.resource, case.spec, case.resource.name
    methods = {"get"}
    if r.create:
        assert r.create == "Create" + noun
        methods.add("create")
    if r.listing:
        methods.add("get_all")
    for kind in catalogs.ACTIONS:
        if _fits(spec, case, kind, kind.capitalize() + noun):
            methods.add(kind)
    service, named = catalogs.ELSEWHERE.get(noun, ("", ()))
    for kind, operation in named:
        if _fits(sd.SPECS[service], case, kind, operation):
            methods.add(kind)
    if r.lifecycle:
        methods |= {"wait", "wait_for_status"}
    if "delete" in methods:
        methods.add("wait_for_delete")
    return methods


@pytest.mark.parametrize("case", cases())
def test_the_class_has_the_methods_its_operations_allow(case: Case) -> None:
    cls = case.cls
    assert cls.__module__ == f"{case.spec.package.dotted}.resources.{case.resource.module}"
    assert issubclass(cls, runtime.Resource) and cls.__name__ == case.resource.name
    has = {name for name in METHODS if hasattr(cls, name)}
    assert has == expected_methods(case)
    assert {a.kind for a in case.resource.actions} == has - {"get", "create", "get_all", *WAITS}
    assert callable(cls.refresh)
    with pytest.raises(TypeError, match=r"\.get\("):
        cls()


def test_endpoint_is_invoked_through_the_runtime() -> None:
    endpoint = next(c for c in CASES if c.resource.name == "Endpoint")
    invocations = {a.kind: a for a in endpoint.resource.actions if a.package.service == "sagemaker-runtime"}
    assert sorted(invocations) == ["invoke", "invoke_async", "invoke_with_response_stream"]
    assert all(hasattr(endpoint.cls, kind) for kind in invocations)
    assert [a.operation for a in invocations.values()] == [
        "InvokeEndpoint",
        "InvokeEndpointAsync",
        "InvokeEndpointWithResponseStream",
    ]


# --- signatures ----------------------------------------------------------------------------


def _qualifier(package: Package, own: Package) -> str:
    return "_models" if package == own else f"_{package.module}_models"


def unqualified(annotation: str, package: Package, own: Package) -> str:
    """An annotation without the alias a resource module may qualify a model name with: its own
    service's ``_models.`` (for a shape named like the class), another's ``_<module>_models.``."""
    found = re.fullmatch(r"(_\w*models)\.(.+)", annotation)
    if package != own:
        assert found, f"{annotation!r} does not name the models of {package.service}"
    if found:
        assert found[1] == _qualifier(package, own), annotation
        return found[2]
    return annotation


def _client_keyword(case: Case) -> tuple[str, str, Any]:
    return ("client", f"{case.spec.package.client} | None", None)


def _wait_keywords(case: Case, logs: bool = True) -> list[tuple[str, str, Any]]:
    options = [("poll", "float", 5.0), ("timeout", "float | None", None), ("progress", "bool | None", None)]
    return options + ([("logs", "bool", False)] if logs and case.resource.logs else [])


def expected_signatures(case: Case) -> Iterator[tuple[str, Package, list[tuple[str, str, Any]]]]:
    """(method, the package its operation is of, its keyword parameters from specs/)."""
    r, spec, own = case.resource, case.spec, case.spec.package
    yield "get", own, [*expected_keywords(spec, case.describe_input), _client_keyword(case)]
    if r.create:
        yield "create", own, [*expected_keywords(spec, spec.input(r.create)), _client_keyword(case)]
    if r.listing:
        token = sd.attribute(spec.paginators[r.listing.operation]["input_token"])
        listed = expected_keywords(spec, spec.input(r.listing.operation))
        yield "get_all", own, [*(k for k in listed if k[0] != token), _client_keyword(case)]
    ids = {sd.attribute(i.wire) for i in r.identifiers}
    for action in r.actions:
        theirs = sd.SPECS[action.package.service]
        keywords = expected_keywords(theirs, theirs.input(action.operation))
        yield action.kind, action.package, [k for k in keywords if k[0] not in ids]
    if r.lifecycle:
        yield "wait", own, _wait_keywords(case)
        yield "wait_for_status", own, _wait_keywords(case)
    if case.action("delete"):
        yield "wait_for_delete", own, _wait_keywords(case, logs=False)


SIGNATURES = [
    pytest.param(case, method, package, expected, id=f"{case!r}.{method}")
    for case in CASES
    for method, package, expected in expected_signatures(case)
]


@pytest.mark.parametrize(("case", "method", "package", "expected"), SIGNATURES)
def test_each_method_takes_its_operations_members(
    case: Case, method: str, package: Package, expected: list[tuple[str, str, Any]]
) -> None:
    function = getattr(case.cls, method)
    parameters = list(inspect.signature(function).parameters.values())
    classmethod_ = method in ("get", "create", "get_all")
    if not classmethod_:
        assert parameters[0].name == "self"
        parameters = parameters[1:]
    if method == "wait_for_status":
        status = parameters.pop(0)
        assert status.name == "status" and status.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert status.annotation == f"{case.lifecycle.enum} | str" and status.default is EMPTY
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    own = case.spec.package
    found = [
        (p.name, p.annotation if p.name == "client" else unqualified(p.annotation, package, own), p.default)
        for p in parameters
    ]
    assert found == expected
    documented = args_entries(function.__doc__)
    assert documented == (["status"] if method == "wait_for_status" else []) + [name for name, _, _ in expected]
    assert "…" not in function.__doc__.split("Args:")[-1], "an entry was cut"


@pytest.mark.parametrize("case", cases())
def test_the_methods_return_the_resource_or_what_the_operation_gives(case: Case) -> None:
    cls, name = case.cls, case.resource.name
    for method in ("get", "create", "wait", "wait_for_status", "update"):
        if hasattr(cls, method):
            assert inspect.signature(getattr(cls, method)).return_annotation == name
    if hasattr(cls, "get_all"):
        assert inspect.signature(cls.get_all).return_annotation == f"_abc.Iterator[{name}]"
    for kind in ("stop", "delete", "start", "wait_for_delete"):
        if hasattr(cls, kind):
            assert inspect.signature(getattr(cls, kind)).return_annotation == "None"
    for action in case.resource.actions:
        if action.kind.startswith("invoke"):
            returned = inspect.signature(getattr(cls, action.kind)).return_annotation
            assert unqualified(returned, action.package, case.spec.package) == action.output


# --- fields --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases())
def test_the_fields_are_the_describe_outputs_members(case: Case) -> None:
    cls, spec = case.cls, case.spec
    shape = spec.shapes[case.resource.output]
    fields = {name for name, value in vars(cls).items() if isinstance(value, runtime.Field)}
    assert fields == {sd.attribute(w) for w in shape["members"]}
    required = set(shape.get("required", ()))
    for wire, member in shape["members"].items():
        annotation = re.fullmatch(r"_r\.Field\[(.+)\]", cls.__annotations__[sd.attribute(wire)])
        assert annotation, cls.__annotations__[sd.attribute(wire)]
        expected = member["shape"] + ("" if wire in required else " | None")
        assert unqualified(annotation[1], spec.package, spec.package) == expected


# --- through botocore's Stubber --------------------------------------------------------------

CALLS: dict[str, list[str]] = {}
"""The operations that reached each boto3 client, in order (cleared by each ``Wire``)."""
ORDER: list[str] = []
"""The operations that reached any of them, in order (cleared by the tests that read it)."""


@functools.cache
def _boto3_client(service: str) -> Any:
    """One boto3 client per service for the module (each test stubs it anew), its calls counted:
    ``before-parameter-build`` is emitted once per call, and before the Stubber answers."""
    raw = offline_boto3_client(service)
    calls = CALLS.setdefault(service, [])

    def seen(model: Any, **_: Any) -> None:
        calls.append(model.name)
        ORDER.append(model.name)

    raw.meta.events.register("before-parameter-build", seen)
    return raw


class Wire:
    """A typed client of ``spec`` over a stubbed boto3 client, and the operations it called."""

    def __init__(self, spec: sd.Spec) -> None:
        self.spec = spec
        self.raw = _boto3_client(spec.name)
        self.client = spec.client(self.raw)
        self.stub = Stubber(self.raw)
        self.calls = CALLS[spec.name]
        self.calls.clear()

    def answer(self, operation: str, response: dict[str, Any], request: dict[str, Any]) -> None:
        self.stub.add_response(sd.method(operation), response, request)

    def companion(self, service: str) -> Wire:
        """A stubbed client of another service, as the resource's client will use it."""
        other = Wire(sd.SPECS[service]) if service in sd.SPECS else Plain(service)
        self.client.__dict__.setdefault("_companions", {})[service] = other.raw
        return other


class Plain(Wire):
    """A stubbed boto3 client of a service outside the family (CloudWatch Logs)."""

    def __init__(self, service: str) -> None:
        self.raw = _boto3_client(service)
        self.stub = Stubber(self.raw)
        self.calls = CALLS[service]
        self.calls.clear()


@functools.cache
def _value(service: str, shape: str, full: bool) -> Any:
    return sd.SPECS[service].value(shape, full=full)


def value(spec: sd.Spec, shape: str, full: bool = True) -> Any:
    """A valid wire value of ``shape`` (every member filled unless ``full`` is false), a fresh copy."""
    return copy.deepcopy(_value(spec.name, shape, full))


def typed(spec: sd.Spec, shape: str, wire: dict[str, Any]) -> Any:
    return getattr(spec.models, shape).model_validate(wire)


def check_fields(case: Case, resource: Any, response: dict[str, Any]) -> None:
    """Every field reads the Describe response's member, typed as the Describe output types it."""
    spec, output = case.spec, case.resource.output
    expected = typed(spec, output, response)
    for wire, member in spec.shapes[output]["members"].items():
        attr = sd.attribute(wire)
        found, wanted = getattr(resource, attr), getattr(expected, attr)
        assert found == wanted and type(found) is type(wanted), attr
        assert (found is None) == (wire not in response), attr
        if found is not None and spec.shapes[member["shape"]]["type"] == "structure":
            assert isinstance(found, Shape), attr


def describe_request(case: Case, every_identifier: bool = False) -> dict[str, Any]:
    """A Describe request: its required members, or also every optional identifier."""
    request = value(case.spec, case.describe_input, full=False)
    for identifier in case.resource.identifiers:
        if identifier.wire in request or every_identifier:
            request[identifier.wire] = naming(case, identifier.wire)
    return request


@functools.cache
def _naming(case: Case, wire: str) -> Any:
    spec, identifier = case.spec, next(i for i in case.resource.identifiers if i.wire == wire)
    taken = spec.shapes[case.describe_input]["members"][wire]["shape"]
    if identifier.source == identifier.attr:
        return spec.value(taken)
    # The Describe request takes a name or an ARN, and gets the ARN back: one valid for both.
    arn = spec.shapes[case.resource.output]["members"][identifier.source_wire]["shape"]
    arns = [s for s, ok in spec.pattern_cases[arn]["cases"] if ok]
    names = [s for s, ok in spec.pattern_cases[taken]["cases"] if ok]

    def fits(text: str) -> bool:
        lengths = [(spec.shapes[s].get("min", 0), spec.shapes[s].get("max", 1 << 30)) for s in (arn, taken)]
        if not all(low <= sd.utf16_len(text) <= high for low, high in lengths):
            return False
        try:
            typed(spec, case.describe_input, {**spec.structure(case.describe_input, full=False), wire: text})
        except pydantic.ValidationError:
            return False
        return True

    return next(text for text in sorted({*arns, *names}, key=lambda t: (t not in arns, len(t), t)) if fits(text))


def naming(case: Case, wire: str) -> Any:
    """The value of an identifier in the tests' requests and in the responses that give it back."""
    return copy.deepcopy(_naming(case, wire))


def got(case: Case, wire: Wire, response: dict[str, Any] | None = None, every_identifier: bool = False) -> Any:
    """The resource from one stubbed Describe (the Stubber must be active); the calls are then cleared."""
    request = describe_request(case, every_identifier)
    wire.answer(case.resource.describe, response or value(case.spec, case.resource.output), request)
    resource = case.cls.get(**case.spec.to_snake(case.describe_input, request), client=wire.client)
    assert wire.calls == [case.resource.describe]
    wire.calls.clear()
    return resource


def status_wire(case: Case) -> str:
    return case.wire(case.lifecycle.attr)


def described(case: Case, status: str | None, reason: str | None = None) -> dict[str, Any]:
    """A Describe response with ``status`` (None: without one) and the failure reason ``reason``."""
    response = value(case.spec, case.resource.output)
    if status is None:
        del response[status_wire(case)]
    else:
        response[status_wire(case)] = status
    if case.lifecycle.reason is not None:
        response[case.wire(case.lifecycle.reason)] = reason or "no failure"
    return response


@pytest.mark.parametrize("case", cases())
def test_get_describes_once_and_refresh_once_more(case: Case) -> None:
    spec, describe = case.spec, case.resource.describe
    wire = Wire(spec)
    request = describe_request(case)
    first = value(spec, case.resource.output)
    # The second answer differs: an optional member is gone, and the status has moved on.
    second = copy.deepcopy(first)
    shape = spec.shapes[case.resource.output]
    second.pop(next((w for w in shape["members"] if w not in shape.get("required", ())), ""), None)
    if case.resource.lifecycle:
        lifecycle = case.lifecycle
        moved = (v for v in (*lifecycle.terminal, *lifecycle.transitional) if v != first[status_wire(case)])
        second[status_wire(case)] = next(moved)
    with wire.stub:
        wire.answer(describe, first, request)
        resource = case.cls.get(**spec.to_snake(case.describe_input, request), client=wire.client)
        assert wire.calls == [describe]
        check_fields(case, resource, first)
        shown = repr(resource)
        assert shown.startswith(f"{case.resource.name}(") and repr(next(iter(request.values()))) in shown
        assert wire.calls == [describe]
        wire.answer(describe, second, request)
        assert resource.refresh() is resource
        assert wire.calls == [describe, describe]
        check_fields(case, resource, second)
        wire.stub.assert_no_pending_responses()
    assert resource.client is wire.client
    assert wire.calls == [describe, describe]
    for attr in (sd.attribute(w) for w in shape["members"]):
        before = getattr(resource, attr)
        with pytest.raises(AttributeError, match="read-only"):
            setattr(resource, attr, before)
        assert getattr(resource, attr) is before
    with pytest.raises(AttributeError):
        resource.not_a_field = 1


def carrying(case: Case, shape: str, wire: dict[str, Any]) -> dict[str, Any]:
    """``wire`` (a listed item, a Create response: leniently read) giving back the identifiers that
    ``describe_request`` has, where ``shape`` has their members: an ARN made up member by member
    from the patterns would not name anything the Describe request accepts."""
    names = describe_request(case, every_identifier=True)
    members = {sd.attribute(w): w for w in case.spec.shapes[shape]["members"]}
    for identifier in case.resource.identifiers:
        attr = identifier.source if identifier.source in members else identifier.attr
        if attr in members:
            wire[members[attr]] = names[identifier.wire]
    return wire


def _identified(item_shape: str, item: dict[str, Any], case: Case, spec: sd.Spec) -> dict[str, Any]:
    """The Describe request that names what a listed item or a Create call gave: each identifier
    from the member that gives it back, else from the member of its own name."""
    members = {sd.attribute(w): w for w in spec.shapes[item_shape]["members"]}
    out = {}
    for identifier in case.resource.identifiers:
        for attr in (identifier.source, identifier.attr):
            if members.get(attr) in item:
                out[identifier.wire] = item[members[attr]]
                break
    return out


@pytest.mark.parametrize("case", cases(lambda case: case.resource.listing is not None))
def test_get_all_lists_two_pages_without_a_describe_per_item(case: Case) -> None:
    spec, r = case.spec, case.resource
    assert r.listing is not None
    operation, config = r.listing.operation, spec.paginators[r.listing.operation]
    output = spec.output(operation)
    assert output is not None
    request = value(spec, spec.input(operation), full=False)
    pages = [value(spec, output), value(spec, output)]
    for page in pages:
        page[config["result_key"]] = [carrying(case, r.listing.item_type, i) for i in page[config["result_key"]]]
    pages[0][config["output_token"]] = "page-two"
    pages[1].pop(config["output_token"], None)
    items = pages[0][config["result_key"]] + pages[1][config["result_key"]]
    assert len(items) == 2
    lacking = sorted({sd.attribute(w) for w in spec.shapes[r.output]["members"]} - set(r.summary))
    wire = Wire(spec)
    with wire.stub:
        wire.answer(operation, pages[0], request)
        wire.answer(operation, pages[1], {**request, config["input_token"]: "page-two"})
        listed = list(case.cls.get_all(**spec.to_snake(spec.input(operation), request), client=wire.client))
        assert wire.calls == [operation, operation]
        assert len(listed) == len(items) and all(type(resource) is case.cls for resource in listed)
        # The items as the listing's output reads them (leniently, as the service answered).
        summaries = [s for page in pages for s in getattr(typed(spec, output, page), r.listing.result_attr)]
        for resource, summary in zip(listed, summaries, strict=True):
            for attr in r.summary:
                found, wanted = getattr(resource, attr), getattr(summary, attr)
                assert found == wanted and type(found) is type(wanted), attr
        assert wire.calls == [operation, operation], "reading what the listing gave calls nothing"
        assert repr(listed[0]).startswith(f"{r.name}(") and wire.calls == [operation, operation]
        if lacking:  # else the listing gives every field: nothing to describe
            response = value(spec, r.output)
            wire.answer(r.describe, response, _identified(r.listing.item_type, items[0], case, spec))
            getattr(listed[0], lacking[0])
            assert wire.calls == [operation, operation, r.describe]
            getattr(listed[0], lacking[-1])
            getattr(listed[0], lacking[0])
            assert wire.calls == [operation, operation, r.describe]
            check_fields(case, listed[0], response)
        wire.stub.assert_no_pending_responses()
    assert all(resource.client is wire.client for resource in listed)


def _wrong(spec: sd.Spec, shape: str) -> Any:
    """A value of the wrong kind for ``shape``."""
    kind = spec.shapes[shape]["type"]
    return ["not", "a", kind] if kind in ("string", "blob") else f"not a {kind}"


@pytest.mark.parametrize("case", cases(lambda case: case.resource.create is not None))
def test_create_calls_create_once_with_the_validated_request(case: Case) -> None:
    spec, r = case.spec, case.resource
    assert r.create is not None
    shape = spec.input(r.create)
    request = value(spec, shape)
    output = spec.output(r.create)
    response = carrying(case, output, value(spec, output)) if output else {}
    wire = Wire(spec)
    with wire.stub:
        wire.answer(r.create, response, request)
        made = case.cls.create(**spec.to_snake(shape, request), client=wire.client)
        assert wire.calls == [r.create]
        assert made.client is wire.client
        if output:
            answer = typed(spec, output, response)
            for attr in r.created:
                assert getattr(made, attr) == getattr(answer, attr), attr
        assert wire.calls == [r.create], "reading what Create gave calls nothing"
        # The identifiers come from Create's answer where it gives them back, else from the request.
        given = {i.wire: response[case.wire(i.source, output)] for i in r.identifiers if i.source in r.created}
        names = {**_identified(shape, request, case, spec), **given}
        wire.answer(r.describe, value(spec, r.output), names)
        made.refresh()
        assert wire.calls == [r.create, r.describe]
        wire.stub.assert_no_pending_responses()
    required = spec.shapes[shape].get("required", [])
    if required:
        members = spec.shapes[shape]["members"]
        broken = {
            **spec.to_snake(shape, request),
            sd.attribute(required[0]): _wrong(spec, members[required[0]]["shape"]),
        }
        with pytest.raises(pydantic.ValidationError):
            case.cls.create(**broken, client=wire.client)
        assert wire.calls == [r.create, r.describe], "an invalid request is not sent"


ACTIONS = [
    pytest.param(case, action, id=f"{case!r}.{action.kind}") for case in CASES for action in case.resource.actions
]


def _answer(wire: Wire, spec: sd.Spec, operation: str) -> dict[str, Any]:
    """A valid answer to ``operation``: streaming bodies as botocore's, event streams framed."""
    output = spec.output(operation)
    if output is None:
        return {}
    response = value(spec, output)
    for member in spec.streaming(output):
        response[member] = StreamingBody(io.BytesIO(response[member]), len(response[member]))
    streams = spec.event_streams(output)
    for member, stream in streams.items():  # what the Stubber checks; the hook puts the stream in
        event, payload = spec.payload_event(stream)
        response[member] = {event: {payload: b"stubbed"}}
    if streams:

        def make(data: bytes, shape: Any, operation: str) -> BotocoreEventStream:
            return BotocoreEventStream(RawStream(data), shape, EventStreamJSONParser(), operation)

        answer_with_events(wire.raw, spec, operation, streams, make)
    return response


@pytest.mark.parametrize(("case", "action"), ACTIONS)
def test_each_action_calls_its_operation_with_the_identifiers(case: Case, action: ir.Action) -> None:
    """With every identifier the resource has (optional ones too), and the caller's members."""
    wire = Wire(case.spec)
    theirs = sd.SPECS[action.package.service]
    shape = theirs.input(action.operation)
    members = theirs.shapes[shape]["members"]
    ids = describe_request(case, every_identifier=True)
    given = {w: v for w, v in value(theirs, shape, full=False).items() if w not in ids}
    response = value(case.spec, case.resource.output)
    # An identifier the resource holds as an ARN goes as the plain name where the member takes no ARN.
    by_name = {
        i.wire
        for i in case.resource.identifiers
        if i.source != i.attr and i.wire in members and "Arn" not in members[i.wire]["shape"]
    }
    sent = {**given, **{w: response[w] if w in by_name else v for w, v in ids.items() if w in members}}
    other = wire if theirs is case.spec else wire.companion(theirs.name)
    with wire.stub, other.stub:
        resource = got(case, wire, response, every_identifier=True)
        other.answer(action.operation, _answer(other, theirs, action.operation), sent)
        if action.kind == "update":
            wire.answer(case.resource.describe, value(case.spec, case.resource.output), ids)
        result = getattr(resource, action.kind)(**theirs.to_snake(shape, given))
        expected = [action.operation] + ([case.resource.describe] if action.kind == "update" else [])
        assert (wire.calls + other.calls if other is not wire else wire.calls) == expected
        wire.stub.assert_no_pending_responses()
        other.stub.assert_no_pending_responses()
    if action.kind == "update":
        assert result is resource
    elif action.kind in ("stop", "delete", "start"):
        assert result is None
    else:
        assert isinstance(result, getattr(theirs.models, action.output or ""))


BY_NAME = [
    pytest.param(case, action, id=f"{case!r}.{action.kind}")
    for case in CASES
    if case.resource.listing is not None
    for action in case.resource.actions
    if action.by_name and action.kind == "delete"
]


@pytest.mark.parametrize(("case", "action"), BY_NAME)
def test_a_listed_resource_named_by_its_arn_is_deleted_by_its_name(case: Case, action: ir.Action) -> None:
    """The listing gives the ARN (which Describe takes) and the name (which Delete takes): no Describe."""
    spec, r = case.spec, case.resource
    assert r.listing is not None
    operation, config = r.listing.operation, spec.paginators[r.listing.operation]
    output = spec.output(operation)
    assert output is not None
    page = value(spec, output)
    page.pop(config["output_token"], None)
    (item,) = page[config["result_key"]] = [carrying(case, r.listing.item_type, i) for i in page[config["result_key"]]]
    shape = spec.input(action.operation)
    names = {}
    for attr in action.by_name:  # a name the Delete request takes, other than the ARN that names it here
        member = case.wire(attr, r.listing.item_type)
        valid = spec.pattern_cases[spec.shapes[shape]["members"][member]["shape"]]["cases"]
        names[member] = item[member] = next(c for c, ok in valid if ok and c != describe_request(case)[member])
    assert all(i in r.summary for i in action.by_name), "the listing gives the name"
    given = {w: v for w, v in value(spec, shape, full=False).items() if w not in names}
    wire = Wire(spec)
    with wire.stub:
        wire.answer(operation, page, value(spec, spec.input(operation), full=False))
        wire.answer(action.operation, _answer(wire, spec, action.operation), {**given, **names})
        (listed,) = case.cls.get_all(client=wire.client)
        listed.delete(**spec.to_snake(shape, given))
        wire.stub.assert_no_pending_responses()
    assert wire.calls == [operation, action.operation]


# --- wait ------------------------------------------------------------------------------------


class Clock:
    """``time.monotonic`` and ``time.sleep`` for a wait: no real time passes, sleeping moves the clock."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(time, "monotonic", clock.monotonic)
    monkeypatch.setattr(time, "sleep", clock.sleep)  # the wait loop looks time.sleep up at each call
    return clock


NOT_FOUND = "Could not find the resource."


def not_found(case: Case) -> str:
    """The error code the service answers a Describe of what is not there with: ``ResourceNotFound``
    where the Describe operation declares it, else a ``ValidationException`` (as SageMaker does)."""
    declared = {e["shape"] for e in case.spec.operations[case.resource.describe].get("errors", ())}
    return "ResourceNotFound" if "ResourceNotFound" in declared else "ValidationException"


def succeeded(lifecycle: ir.Lifecycle) -> list[str]:
    return [v for v in lifecycle.terminal if v not in lifecycle.failed]


def polled(wire: Wire, case: Case, statuses: list[str | None], reason: str | None = None) -> None:
    """Answer one Describe per status (None: without one); the last with the failure ``reason``."""
    for number, status in enumerate(statuses, 1):
        answer = described(case, status, reason if number == len(statuses) else None)
        wire.answer(case.resource.describe, answer, describe_request(case))


@pytest.mark.parametrize(("case", "status"), values(lambda lifecycle: lifecycle.terminal))
def test_wait_ends_at_each_terminal_status(case: Case, status: str, clock: Clock) -> None:
    lifecycle, describe = case.lifecycle, case.resource.describe
    reason = f"it ended {status} in a test"
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [lifecycle.transitional[0], status], reason)
        if status in lifecycle.failed:
            with pytest.raises(errors.FailedStatusError) as caught:
                resource.wait(poll=3)
            assert caught.value.resource is resource and caught.value.status == status
            assert caught.value.reason == (reason if lifecycle.reason else None)
            assert str(caught.value).endswith(f"ended {status}: {reason}" if lifecycle.reason else "gave no reason)")
        else:
            assert resource.wait(poll=3) is resource
        wire.stub.assert_no_pending_responses()
    assert str(getattr(resource, lifecycle.attr)) == status
    assert wire.calls == [describe, describe] and clock.slept == [3]


def test_the_errors_of_every_service_are_the_same_classes() -> None:
    for name in ("ResourceError", "FailedStatusError", "WaitTimeoutError", "ResourceDeletedError"):
        assert {getattr(spec.errors, name) for spec in sd.SPECS.values()} == {getattr(errors, name)}
    assert issubclass(errors.WaitTimeoutError, TimeoutError)


@pytest.mark.parametrize(("case", "status"), values(lambda lifecycle: lifecycle.transitional))
def test_wait_for_status_ends_at_a_transitional_status(case: Case, status: str, clock: Clock) -> None:
    lifecycle = case.lifecycle
    before = next(v for v in (*lifecycle.transitional, *succeeded(lifecycle)) if v != status)
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [before, status])
        enum = getattr(case.spec.models, lifecycle.enum)  # its values, or plain strings
        assert resource.wait_for_status(enum(status), poll=2) is resource
        wire.stub.assert_no_pending_responses()
    assert str(getattr(resource, lifecycle.attr)) == status
    assert len(wire.calls) == 2 and clock.slept == [2]


@pytest.mark.parametrize("case", cases(lambda case: bool(case.resource.lifecycle and case.lifecycle.failed)))
def test_wait_for_status_raises_at_a_failed_status(case: Case, clock: Clock) -> None:
    lifecycle = case.lifecycle
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [lifecycle.failed[0]], "broken")
        with pytest.raises(errors.FailedStatusError) as caught:
            resource.wait_for_status(lifecycle.transitional[0])
        wire.stub.assert_no_pending_responses()
    assert caught.value.status == lifecycle.failed[0]
    assert caught.value.reason == ("broken" if lifecycle.reason else None)
    assert clock.slept == []


@pytest.mark.parametrize("case", cases(with_lifecycle))
def test_wait_times_out_with_a_timeout_error(case: Case, clock: Clock) -> None:
    status = case.lifecycle.transitional[0]
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [status] * 4)  # at 0, 4, 8 and 10 s: then 10 s have passed
        with pytest.raises(errors.WaitTimeoutError) as caught:
            resource.wait(poll=4, timeout=10)
        wire.stub.assert_no_pending_responses()
    assert isinstance(caught.value, TimeoutError)
    assert caught.value.status == status and caught.value.timeout == 10 and caught.value.resource is resource
    assert f"still {status} after 10 s" in str(caught.value)
    assert clock.slept == [4, 4, 2] and len(wire.calls) == 4


@pytest.mark.parametrize("case", cases(with_lifecycle))
def test_wait_raises_when_the_resource_is_deleted_meanwhile(case: Case, clock: Clock) -> None:
    status = case.lifecycle.transitional[0]
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [status])
        wire.stub.add_client_error(sd.method(case.resource.describe), "ValidationException", NOT_FOUND)
        with pytest.raises(errors.ResourceDeletedError) as caught:
            resource.wait(poll=1)
        # Another error is not a deletion: it is raised as it is.
        polled(wire, case, [status])
        wire.stub.add_client_error(sd.method(case.resource.describe), "ValidationException", "Something else.")
        with pytest.raises(case.spec.errors.ValidationException) as other:
            resource.wait(poll=1)
        wire.stub.assert_no_pending_responses()
    assert caught.value.resource is resource and caught.value.status is None
    assert caught.value.error.error_code == "ValidationException"
    assert f"last status {status}" in str(caught.value) and NOT_FOUND in str(caught.value)
    assert not isinstance(other.value, errors.ResourceError)
    assert len(wire.calls) == 4 and clock.slept == [1, 1]


@pytest.mark.parametrize("case", cases(lambda case: case.action("delete") is not None))
def test_wait_for_delete_ends_when_the_service_no_longer_finds_it(case: Case, clock: Clock) -> None:
    lifecycle = case.resource.lifecycle
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        if lifecycle is not None:
            polled(wire, case, [lifecycle.transitional[0]])
        else:
            wire.answer(case.resource.describe, value(case.spec, case.resource.output), describe_request(case))
        wire.stub.add_client_error(sd.method(case.resource.describe), not_found(case), NOT_FOUND)
        assert resource.wait_for_delete(poll=5) is None
        for deleted in lifecycle.deleted if lifecycle else ():  # or says it is deleted
            polled(wire, case, [lifecycle.transitional[0], deleted])
            assert resource.wait_for_delete(poll=5) is None
        wire.stub.assert_no_pending_responses()
    deleted = len(lifecycle.deleted) if lifecycle else 0
    assert len(wire.calls) == 2 + 2 * deleted and clock.slept == [5] * (1 + deleted)


def _deletes_and_fails(case: Case) -> bool:
    return case.action("delete") is not None and bool(case.resource.lifecycle and case.lifecycle.failed)


@pytest.mark.parametrize("case", cases(_deletes_and_fails))
def test_wait_for_delete_raises_at_a_failed_status(case: Case, clock: Clock) -> None:
    """As botocore's deletion waiters do (``EndpointDeleted`` fails at ``Failed``)."""
    failed = case.lifecycle.failed[-1]
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [case.lifecycle.transitional[0], failed], "stuck")
        with pytest.raises(errors.FailedStatusError) as caught:
            resource.wait_for_delete(poll=1)
        wire.stub.assert_no_pending_responses()
    assert caught.value.status == failed and len(wire.calls) == 2 and clock.slept == [1]


def _optional_status(case: Case) -> bool:
    if case.resource.lifecycle is None:
        return False
    return status_wire(case) not in case.spec.shapes[case.resource.output].get("required", ())


@pytest.mark.parametrize("case", cases(_optional_status))
def test_a_wait_goes_on_while_the_service_gives_no_status(case: Case, clock: Clock) -> None:
    ended = succeeded(case.lifecycle)[0]
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        polled(wire, case, [None, None, ended])
        assert resource.wait(poll=1, timeout=60) is resource
        wire.stub.assert_no_pending_responses()
    assert len(wire.calls) == 3 and clock.slept == [1, 1]


def test_a_wait_asks_for_a_positive_poll() -> None:
    case = next(c for c in CASES if c.resource.name == "TrainingJob")
    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        with pytest.raises(ValueError, match="poll"):
            resource.wait(poll=0)
    assert wire.calls == []


# The waiters of botocore on the Describe operations of resources, by status member.
WAITERS = [
    pytest.param(case, name, id=f"{case!r}-{name}")
    for case in CASES
    for name, waiter in case.spec.waiters.items()
    if waiter["operation"] == case.resource.describe
]


def test_botocore_has_waiters_on_resources() -> None:
    """A guard on the test below: botocore's waiters do describe some resources."""
    assert {p.values[0].resource.name for p in WAITERS} >= {"Endpoint", "TrainingJob", "NotebookInstance", "Image"}


@pytest.mark.parametrize(("case", "waiter"), WAITERS)
def test_the_lifecycle_agrees_with_botocores_waiters(case: Case, waiter: str) -> None:
    """What the status values' words say matches what botocore's waiters wait for: each value a
    waiter succeeds at ends a wait, each it fails at is a failure."""
    lifecycle = case.lifecycle
    acceptors = case.spec.waiters[waiter]["acceptors"]
    checked = [a for a in acceptors if a["matcher"] == "path" and a["argument"] == status_wire(case)]
    assert checked, "each of these waiters reads the status"
    for acceptor in checked:
        if acceptor["state"] == "success":
            assert acceptor["expected"] in lifecycle.terminal and acceptor["expected"] not in lifecycle.failed
        else:
            assert acceptor["expected"] in lifecycle.failed
    for acceptor in acceptors:  # a deletion waiter's "success on error" is a not-found answer
        if acceptor["matcher"] == "error" and acceptor["state"] == "success":
            assert acceptor["expected"] in ("ValidationException", "ResourceNotFound")
            assert case.action("delete") is not None


@pytest.mark.parametrize("case", cases(with_lifecycle))
def test_the_lifecycle_sorts_every_status_value(case: Case) -> None:
    lifecycle = case.lifecycle
    enum = case.spec.shapes[case.spec.shapes[case.resource.output]["members"][status_wire(case)]["shape"]]["enum"]
    assert sorted((*lifecycle.terminal, *lifecycle.transitional)) == sorted(enum)
    assert not set(lifecycle.terminal) & set(lifecycle.transitional)
    assert set(lifecycle.failed) | set(lifecycle.deleted) <= set(lifecycle.terminal) and succeeded(lifecycle)
    assert case.cls._spec.lifecycle.terminal == frozenset(lifecycle.terminal)
    assert case.cls._spec.lifecycle.failed == frozenset(lifecycle.failed)


# --- progress and logs -----------------------------------------------------------------------


def _label(case: Case) -> str:
    """How a wait names the resource: ``TrainingJob 'name'`` (its first identifier)."""
    given = case.spec.to_snake(case.describe_input, describe_request(case))
    first = next(name for name in inspect.signature(case.cls.get).parameters if name in given)
    return f"{case.resource.name} {given[first]!r}"


@pytest.mark.parametrize("case", cases(with_lifecycle))
def test_progress_writes_one_line_per_change_to_stderr_only_if_asked(
    case: Case, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under pytest nothing is a terminal: ``None`` and ``False`` show nothing, ``True`` plain lines."""
    lifecycle = case.lifecycle
    status, ended = lifecycle.transitional[0], succeeded(lifecycle)[0]
    steps: list[tuple[str, str | None]] = [(status, None), (status, None), (ended, None)]
    if lifecycle.secondary:  # a change of the secondary status is a change too
        shape = case.spec.shapes[
            case.spec.shapes[case.resource.output]["members"][case.wire(lifecycle.secondary)]["shape"]
        ]
        one, two = shape.get("enum", ["one", "two"])[:2]
        steps = [(status, one), (status, one), (status, two), (ended, two)]

    def poll() -> None:
        for status, secondary in steps:
            answer = described(case, status)
            if lifecycle.secondary:
                answer[case.wire(lifecycle.secondary)] = secondary
            wire.answer(case.resource.describe, answer, describe_request(case))

    wire = Wire(case.spec)
    with wire.stub:
        resource = got(case, wire)
        for progress in (None, False):
            poll()
            assert resource.wait(poll=1, progress=progress) is resource
            assert capsys.readouterr() == ("", "")
        clock.slept.clear()
        poll()
        assert resource.wait(poll=1, progress=True) is resource
        wire.stub.assert_no_pending_responses()
    out, err = capsys.readouterr()
    expected, last, elapsed = [], None, 0
    for status, secondary in steps:
        if (status, secondary) != last:
            detail = f" ({secondary})" if secondary else ""
            expected.append(f"{_label(case)}: {status}{detail}, 0:00:{elapsed:02d}")
        last, elapsed = (status, secondary), elapsed + 1
    assert out == "" and err.splitlines() == expected


LOGGED = cases(lambda case: case.resource.logs is not None)


def test_the_resources_with_logs() -> None:
    assert sorted(p.values[0].resource.name for p in LOGGED) == [
        "Endpoint",
        "ProcessingJob",
        "TrainingJob",
        "TransformJob",
    ]


class Logs:
    """A stubbed CloudWatch Logs client for a resource's log group, as its client's companion."""

    def __init__(self, case: Case, wire: Wire) -> None:
        assert case.resource.logs is not None
        name = next(iter(describe_request(case).values()))
        group, prefix = case.resource.logs
        self.group, self.prefix = group.format(name=name), prefix.format(name=name)
        self.wire = wire.companion("logs")

    def streams(self, *instances: str) -> list[str]:
        """Answer a listing of the group's streams (none: the group is not there yet)."""
        where = {"logGroupName": self.group, **({"logStreamNamePrefix": self.prefix} if self.prefix else {})}
        if not instances:
            self.wire.stub.add_client_error("describe_log_streams", "ResourceNotFoundException", "no group")
            return []
        names = [self.prefix + instance for instance in instances]
        self.wire.stub.add_response(
            "describe_log_streams", {"logStreams": [{"logStreamName": n} for n in names]}, where
        )
        return names

    def events(self, stream: str, token: str | None, messages: list[str], following: str) -> None:
        """Answer a read of ``stream`` from ``token`` with ``messages`` and the next token."""
        where = {"logGroupName": self.group, "logStreamName": stream, "startFromHead": True}
        events = [{"timestamp": 1, "message": m, "ingestionTime": 1} for m in messages]
        answer = {"events": events, "nextForwardToken": following, "nextBackwardToken": "back"}
        self.wire.stub.add_response("get_log_events", answer, {**where, **({"nextToken": token} if token else {})})


@pytest.mark.parametrize("case", LOGGED)
def test_wait_with_logs_prints_each_streams_events_then_the_rest(
    case: Case, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    lifecycle = case.lifecycle
    status, ended = lifecycle.transitional[0], succeeded(lifecycle)[0]
    describe = case.resource.describe
    wire = Wire(case.spec)
    logs = Logs(case, wire)
    with wire.stub, logs.wire.stub:
        resource = got(case, wire)
        ORDER.clear()
        polled(wire, case, [status, status, ended])
        logs.streams()  # the group comes with the first instance
        one, two = logs.streams("algo-1-1700000000", "algo-2-1700000000")
        logs.events(one, None, ["a1\n", "a2"], "f1")
        logs.events(one, "f1", [], "f1")
        logs.events(two, None, ["b1"], "g1")
        logs.events(two, "g1", [], "g1")
        logs.streams("algo-1-1700000000", "algo-2-1700000000")  # after the last status: the rest
        logs.events(one, "f1", ["a3"], "f2")
        logs.events(one, "f2", [], "f2")
        logs.events(two, "g1", [], "g1")
        assert resource.wait(poll=1, logs=True) is resource
        wire.stub.assert_no_pending_responses()
        logs.wire.stub.assert_no_pending_responses()
    streams, events = "DescribeLogStreams", "GetLogEvents"
    assert ORDER == [describe, streams, describe, streams, *[events] * 4, describe, streams, *[events] * 3]
    assert capsys.readouterr() == (
        "[algo-1-1700000000] a1\n[algo-1-1700000000] a2\n[algo-2-1700000000] b1\n[algo-1-1700000000] a3\n",
        "",
    )


@pytest.mark.parametrize("case", LOGGED)
def test_wait_with_logs_on_an_ended_resource_prints_its_whole_log(
    case: Case, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    """One stream: no prefix."""
    wire = Wire(case.spec)
    logs = Logs(case, wire)
    with wire.stub, logs.wire.stub:
        resource = got(case, wire)
        polled(wire, case, [succeeded(case.lifecycle)[0]])
        (only,) = logs.streams("algo-1-1700000000")
        logs.events(only, None, ["first", "second"], "f1")
        logs.events(only, "f1", ["third"], "f2")
        logs.events(only, "f2", [], "f2")
        assert resource.wait(poll=1, logs=True) is resource
        wire.stub.assert_no_pending_responses()
        logs.wire.stub.assert_no_pending_responses()
    assert capsys.readouterr() == ("first\nsecond\nthird\n", "")
    assert clock.slept == []


@pytest.mark.parametrize("case", LOGGED)
def test_wait_without_logs_reads_none(case: Case, clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    wire = Wire(case.spec)
    logs = Logs(case, wire)
    with wire.stub, logs.wire.stub:
        resource = got(case, wire)
        polled(wire, case, [case.lifecycle.transitional[0], succeeded(case.lifecycle)[0]])
        resource.wait(poll=1)
        wire.stub.assert_no_pending_responses()
    assert logs.wire.calls == [] and capsys.readouterr() == ("", "")
