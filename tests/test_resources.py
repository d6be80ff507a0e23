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

import importlib
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from codegen import ir, parse
from codegen import resources as catalogs
from codegen.services import Package
from sagemaker_typed._runtime import resource as runtime
from tests import specdata as sd
from tests.signatures import EMPTY, args_entries, expected_keywords

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


def test_the_catalog_finds_resources_in_sagemaker_and_a2i() -> None:
    """A guard on the exhaustive tests below: they run over the catalog, so it must not be empty."""
    counts = {name: len(found.resources) for name, found in CATALOGS.items() if found.resources}
    assert counts == {"sagemaker": 69, "sagemaker-a2i-runtime": 1}


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
    assert {a.kind for a in case.resource.actions} == has & {
        *catalogs.ACTIONS,
        "invoke",
        "invoke_async",
        "invoke_with_response_stream",
    }
    assert callable(cls.refresh)
    with pytest.raises(TypeError, match=r"\.get\("):
        cls()


def test_endpoint_is_invoked_through_the_runtime() -> None:
    endpoint = next(c for c in CASES if c.resource.name == "Endpoint")
    assert {"invoke", "invoke_async", "invoke_with_response_stream"} <= expected_methods(endpoint)


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
    if r.actions and any(a.kind == "delete" for a in r.actions):
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
