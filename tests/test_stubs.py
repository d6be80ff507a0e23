"""The type-time view agrees with the runtime, for every shape and method of specs/.

Type checkers read ``sagemaker_typed/models/__init__.pyi``, ``client.pyi`` and ``async_client.pyi``;
programs run the modules. Both are generated from the same IR, and this test compares what
the stubs declare (parsed with ``ast``) with what the imported runtime is (introspected), for
every structure (a BaseModel subclass with the same bases, fields in order, required-ness
and types), enum (members and values), named type (its type, ``Annotated`` metadata
dropped, which checkers ignore) and method, paginator and waiter of both clients (the stub's
two overloads against the one implementation the module declares: parameters, kinds, defaults,
annotations, return type, ``async`` or not). ``python -m codegen --check``
(tests/test_codegen.py) catches a stub edited by hand; this catches a generator whose two
views disagree.
"""

from __future__ import annotations

import ast
import datetime
import enum
import inspect
import re
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pytest

from codegen import ir
from codegen.parse import load
from sagemaker_typed import async_client as runtime_async_client
from sagemaker_typed import client as runtime_client
from sagemaker_typed import models
from sagemaker_typed._runtime.enums import OpenEnum

PACKAGE = Path(__file__).resolve().parent.parent / "sagemaker_typed"
SERVICE = load()


def _declarations(path: Path) -> dict[str, ast.stmt]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = node
    return found


MODELS = _declarations(PACKAGE / "models" / "__init__.pyi")
CLIENTS = {
    "": (_declarations(PACKAGE / "client.pyi"), runtime_client),
    "Async": (_declarations(PACKAGE / "async_client.pyi"), runtime_async_client),
}
"""By class-name prefix: the stub's declarations and the runtime module of each client."""
NAMESPACE: dict[str, Any] = {"_t": typing, "_dt": datetime, **{n: getattr(models, n) for n in SERVICE.shapes}}


def render(annotation: Any) -> str:
    """A type as a checker sees it, canonically: ``Annotated`` metadata dropped, unions sorted."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return render(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(sorted(render(a) for a in args))
    if origin is not None:
        return f"{origin.__name__}[{', '.join(render(a) for a in args)}]"
    if isinstance(annotation, (str, typing.ForwardRef)):  # a recursive group's quoted names
        text = annotation if isinstance(annotation, str) else annotation.__forward_arg__
        return render(eval(text, NAMESPACE))  # generated code of this repository
    if annotation is type(None):
        return "None"
    assert isinstance(annotation, type), annotation
    return annotation.__name__


def stub_type(node: ast.expr) -> str:
    """A stub annotation, evaluated against the runtime objects of the same names."""
    return render(eval(ast.unparse(node), NAMESPACE))  # generated code of this repository


def _shapes(kind: type[ir.Shape]) -> list[str]:
    return sorted(n for n, s in SERVICE.shapes.items() if isinstance(s, kind))


def test_the_stub_declares_every_shape_and_nothing_else() -> None:
    public = {n for n in MODELS if not n.startswith("_")}
    assert public == set(SERVICE.shapes) == set(models.__all__)


@pytest.mark.parametrize("name", _shapes(ir.Structure))
def test_structure(name: str) -> None:
    node, cls = MODELS[name], getattr(models, name)
    assert isinstance(node, ast.ClassDef) and isinstance(cls, type) and issubclass(cls, pydantic.BaseModel)
    assert [ast.unparse(b) for b in node.bases] == [f"_s.{b.__name__}" for b in cls.__bases__]
    init = next(s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__init__")
    assert not init.args.args[1:] and not init.args.vararg and not init.args.kwarg  # keywords only
    fields = {s.target.id: s.annotation for s in node.body if isinstance(s, ast.AnnAssign)}
    assert list(fields) == [a.arg for a in init.args.kwonlyargs] == list(cls.model_fields)
    hints = cls.__annotations__
    for arg, default in zip(init.args.kwonlyargs, init.args.kw_defaults, strict=True):
        field = cls.model_fields[arg.arg]
        assert (default is None) == field.is_required(), arg.arg
        final = fields[arg.arg]
        assert isinstance(final, ast.Subscript) and ast.unparse(final.value) == "Final"
        assert ast.unparse(final.slice) == ast.unparse(arg.annotation), arg.arg
        assert stub_type(final.slice) == render(hints[arg.arg]), arg.arg


@pytest.mark.parametrize("name", _shapes(ir.Enum))
def test_enum(name: str) -> None:
    node, cls = MODELS[name], getattr(models, name)
    assert isinstance(node, ast.ClassDef) and [ast.unparse(b) for b in node.bases] == ["_e.OpenEnum"]
    assert issubclass(cls, OpenEnum) and issubclass(cls, enum.Enum)
    declared = [
        (s.targets[0].id, ast.literal_eval(s.value))
        for s in node.body
        if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name)
    ]
    assert declared == [(m.name, m.value) for m in cls]


@pytest.mark.parametrize("name", _shapes(ir.String) + _shapes(ir.Scalar) + _shapes(ir.List) + _shapes(ir.Map))
def test_named_type(name: str) -> None:
    node = MODELS[name]
    assert isinstance(node, ast.AnnAssign) and node.value is not None
    assert ast.unparse(node.annotation) == "TypeAlias"
    assert stub_type(node.value) == render(getattr(models, name))


Function = ast.FunctionDef | ast.AsyncFunctionDef


def _stub_methods(prefix: str, cls: str) -> dict[str, list[Function]]:
    node = CLIENTS[prefix][0][prefix + cls]
    assert isinstance(node, ast.ClassDef)
    out: dict[str, list[Function]] = {}
    for s in node.body:
        if isinstance(s, Function) and s.name != "__init__":
            out.setdefault(s.name, []).append(s)
    return out


def _annotation(node: ast.expr | None) -> str:
    """As the runtime module spells it: the stub names models as ``models.X``, the module as ``X``."""
    return re.sub(r"(?<![.\w])models\.", "", ast.unparse(node)) if node else ""


def _described(function: Function) -> list[tuple[str, str, str, bool]]:
    """(name, kind, annotation, has default) of each parameter, and the return type (marked
    ``async`` for a coroutine function)."""
    a = function.args
    defaults = [False] * (len(a.posonlyargs) + len(a.args) - len(a.defaults)) + [True] * len(a.defaults)
    positional = [(p, "POSITIONAL_ONLY") for p in a.posonlyargs] + [(p, "POSITIONAL_OR_KEYWORD") for p in a.args]
    out = [(p.arg, kind, _annotation(p.annotation), d) for (p, kind), d in zip(positional, defaults, strict=True)]
    out += [
        (p.arg, "KEYWORD_ONLY", _annotation(p.annotation), d is not None)
        for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True)
    ]
    kind = "async" if isinstance(function, ast.AsyncFunctionDef) else ""
    return [*out, ("return", kind, _annotation(function.returns), False)]


def _runtime_described(function: Callable[..., Any]) -> list[tuple[str, str, str, bool]]:
    signature = inspect.signature(function)
    out = [
        (p.name, p.kind.name, p.annotation if p.annotation is not p.empty else "", p.default is not p.empty)
        for p in signature.parameters.values()
    ]
    kind = "async" if inspect.iscoroutinefunction(function) else ""
    return [*out, ("return", kind, signature.return_annotation, False)]


_OPTIONS = frozenset({"delay", "max_attempts", "callback"})
"""A waiter's own keywords, beside the request in both of its overloads."""


def _methods() -> list[tuple[str, str, str]]:
    operations = {op.name: op for op in SERVICE.operations}
    cases = [("SageMakerClient", op.method, op.input) for op in SERVICE.operations]
    cases += [("Paginators", p.method, operations[p.operation].input) for p in SERVICE.paginators]
    cases += [("Waiters", w.method, operations[w.operation].input) for w in SERVICE.waiters]
    return cases


@pytest.mark.parametrize("prefix", CLIENTS)
def test_the_stub_declares_every_method_and_nothing_else(prefix: str) -> None:
    stub, module = CLIENTS[prefix]
    classes = {n for n, node in stub.items() if isinstance(node, ast.ClassDef)}
    assert classes == {prefix + cls for cls in ("SageMakerClient", "Paginators", "Waiters")}
    for cls in ("SageMakerClient", "Paginators", "Waiters"):
        expected = {method for owner, method, _ in _methods() if owner == cls}
        expected |= {"paginate", "wait"} if cls == "SageMakerClient" else set()
        assert set(_stub_methods(prefix, cls)) == expected
        runtime = {n for n, v in vars(getattr(module, prefix + cls)).items() if not n.startswith("_")}
        assert runtime == expected


@pytest.mark.parametrize("prefix", CLIENTS)
@pytest.mark.parametrize(("cls", "method", "request_shape"), _methods())
def test_method(prefix: str, cls: str, method: str, request_shape: str) -> None:
    """The stub's two overloads are the two halves of the runtime implementation: the request
    object (positional-only, with the implementation's own extra keywords: a waiter's options)
    and its keywords with the same types, required-ness and return."""
    stub = _stub_methods(prefix, cls)[method]
    function = getattr(getattr(CLIENTS[prefix][1], prefix + cls), method)
    assert typing.get_overloads(function) == []  # the runtime module declares the implementation only
    by_object, by_keyword = (_described(s) for s in stub)
    implementation = _runtime_described(function)
    self_, request, *keywords, returns = implementation
    assert request == ("request", "POSITIONAL_OR_KEYWORD", f"{request_shape} | None", True)
    positional_only = [("self", "POSITIONAL_ONLY", "", False), ("request", "POSITIONAL_ONLY", request_shape, False)]
    assert by_object == [*positional_only, *(k for k in keywords if k[0] in _OPTIONS), returns]
    assert by_keyword == [self_, *keywords, returns]


def test_every_name_is_declared_before_it_is_used() -> None:
    """The models stub declares shapes dependencies first, so mypy analyses it in one pass."""
    declared: set[str] = set()
    for name, node in MODELS.items():
        used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} & set(SERVICE.shapes)
        assert used - declared - {name} == set(), name
        declared.add(name)
