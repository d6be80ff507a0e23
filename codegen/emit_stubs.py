"""Emit the type-time view: ``.pyi`` declarations of the models and the two clients.

Type checkers read these instead of the runtime modules: one ``models/__init__.pyi`` that
declares every shape (instead of the lazy index that imports ~2,300 modules), and
``client.pyi`` and ``async_client.pyi`` with the two overloads of each method (no
implementation). Docstrings stay in the runtime modules, where pyright finds them. They are rendered
from the same IR as the runtime modules, by the same naming, and ``tests/test_stubs.py``
compares them with the runtime, shape by shape and method by method. Nothing imports them at
run time.
"""

from __future__ import annotations

import re

from . import graph, ir
from .docs import docstring, summary
from .emit_client import ASYNC_PREFIX, Method, declared, overloads, surface
from .emit_shapes import bases, header

MODELS = "sagemaker_typed/models/__init__.pyi"
CLIENT = "sagemaker_typed/client.pyi"
ASYNC_CLIENT = "sagemaker_typed/async_client.pyi"

_OVERLOAD = "overload"
"""The stub imports ``typing.overload`` by its own name: jedi (IPython, editors) shows every
overload of a stub only when the decorator is spelt ``@overload``."""

_SCALARS = {
    "Integer": "int",
    "Float": "float",
    "Boolean": "bool",
    "Timestamp": "_dt.datetime",
    "Blob": "bytes",
    "Streaming": "_w.Streaming",
    "JsonValue": "_w.JsonValue",
}
"""What each wire type is to a type checker (``_runtime/wiretypes`` says what it takes at run time)."""


_BY_NAME = frozenset({"Final", "TypeAlias", "overload", "models"})
"""What the stubs import by their own names (one lookup each, where ``_t.Final`` is two: about
1% of a cold mypy run over the models); a shape of one of these names would shadow it."""


def files(service: ir.Service) -> dict[str, str]:
    """The control plane's stubs (its package root; the family's small services need none)."""
    if clash := _BY_NAME & set(service.shapes):
        raise ValueError(f"a shape is named like a name the stubs import: {sorted(clash)}")
    structures = [s for s in service.shapes.values() if isinstance(s, ir.Structure)]
    traits = any(m.json_value for s in structures for m in s.members) or any(s.event_payload for s in structures)
    if service.package.module or traits:
        raise ValueError(f"stubs are made for the control plane, not {service.package.service}")
    return {MODELS: models_stub(service), CLIENT: client_stub(service), ASYNC_CLIENT: client_stub(service, True)}


def type_of(shape: ir.Shape) -> str:
    """What a non-structure, non-enum shape is to a type checker (its runtime metadata dropped)."""
    if isinstance(shape, ir.String):
        return "str"
    if isinstance(shape, ir.Scalar):
        return _SCALARS[shape.kind]
    if isinstance(shape, ir.List):
        return f"list[{shape.member}]"
    if isinstance(shape, ir.Map):
        return f"dict[{shape.key}, {shape.value}]"
    raise TypeError(f"{shape.name} is declared as a class")


def field_type(member: ir.Member, service: ir.Service, recursive: frozenset[str]) -> str:
    """A member's type: its shape by name; a list or map of a recursive group (``recursive``,
    see ``recursive_types``) expanded, so that no name refers to one declared below it."""
    target = member.target
    if target in recursive:
        target = type_of(service.shapes[target])
    return target if member.required else f"{target} | None"


def recursive_types(service: ir.Service) -> frozenset[str]:
    """The non-structure shapes of recursive groups (SearchExpressionList)."""
    return frozenset(
        n
        for component in graph.components(service)
        if len(component) > 1
        for n in component
        if not isinstance(service.shapes[n], ir.Structure)
    )


def _structure(shape: ir.Structure, service: ir.Service, recursive: frozenset[str]) -> str:
    """A model as type checkers read it: a ``BaseModel`` subclass (through ``_s.Shape``,
    whose metaclass mypy does not treat as a dataclass_transform) with an explicit
    keyword-only ``__init__`` in field order (required members without a default) and each
    field read-only (``Final``).

    No class or field docstrings: pyright (Pylance) shows those of the runtime module that
    ``models/__init__.py`` imports the class from, and here they cost pyright about 8% of a
    script with one pydantic model (mypy 3%). ``__init__`` carries the class's first sentence:
    hovering a constructor call shows ``__init__``'s docstring, else pydantic's own.
    """
    types = [(m, field_type(m, service, recursive)) for m in shape.members]
    keywords = [f"{m.attr}: {t}" if m.required else f"{m.attr}: {t} = None" for m, t in types]
    params = ", ".join(["self", *(["*", *keywords] if keywords else [])])
    lead = summary(shape.doc, None)
    body = f"\n        {docstring(lead, '        ')}\n" if lead else " ...\n"
    lines = [f"class {shape.name}({', '.join(bases(shape))}):\n", f"    def __init__({params}) -> None:{body}"]
    lines += [f"    {m.attr}: Final[{t}]\n" for m, t in types]
    return "".join(lines)


def _enum(shape: ir.Enum) -> str:
    members = "".join(f"    {v.name} = {v.value!r}\n" for v in shape.values)
    return f"class {shape.name}(_e.OpenEnum):\n{members}"


def order(service: ir.Service) -> list[str]:
    """Every shape name, each after the shapes it refers to (one recursive group aside).

    mypy analyses a module's top level again, whole, while a name in it refers to one
    declared further down; in this order no name does. Tarjan's components come
    dependencies first; inside a recursive group the
    structures come first (a class may name itself), and their members name the group's
    other types expanded (see ``field_type``).
    """
    out: list[str] = []
    for component in graph.components(service):
        out += sorted(component, key=lambda n: (not isinstance(service.shapes[n], ir.Structure), n))
    return out


def models_stub(service: ir.Service) -> str:
    """Every shape in one module: structures, enums and named types, dependencies first."""
    out = []
    recursive = recursive_types(service)
    for name in order(service):
        shape = service.shapes[name]
        if isinstance(shape, ir.Structure):
            out.append(_structure(shape, service, recursive))
        elif isinstance(shape, ir.Enum):
            out.append(_enum(shape))
        else:
            out.append(f"{name}: TypeAlias = {type_of(shape)}\n")
    return (
        header(service)
        + '"""Every shape of the SageMaker service model, by its own name (type-time view)."""\n\n'
        + "import datetime as _dt\nfrom typing import Final, TypeAlias\n\n"
        + "from sagemaker_typed._runtime import enums as _e\nfrom sagemaker_typed._runtime import shapes as _s\n\n"
        + "\n".join(out)
    )


def client_stub(service: ir.Service, asynchronous: bool = False) -> str:
    """The sync client's stub, or (``asynchronous``) the async one's: the same overloads, awaited
    where the client module awaits (a paginator is made at once and iterated later). The sync
    stub declares the operation constants that the async module names."""
    api = surface(service)
    prefix = ASYNC_PREFIX if asynchronous else ""
    client = prefix + service.package.client

    # ``models.Channel``: one import of the module, where a name imported each (about 1,500) costs
    # mypy 2.5% of a cold run; and what the method's signature shows in an editor reads as the
    # program writes it.
    word = re.compile(r"(?<![.\w])[A-Z]\w*")

    def qualified(text: str) -> str:
        return word.sub(lambda m: f"models.{m[0]}" if m[0] in api.used else m[0], text)

    def render(group: tuple[Method, ...], define: str = "def") -> str:
        return qualified(
            "".join(
                overloads(m.name, m.request, list(m.members), *declared(m, asynchronous), _OVERLOAD, define)
                for m in group
            )
        )

    awaited = "async def" if asynchronous else "def"
    methods, pages, waits = render(api.calls, awaited), render(api.pages), render(api.waits, awaited)
    if asynchronous:
        title, base = "client for asyncio", "_aio.AsyncBaseClient"
        runtime = "from sagemaker_typed._runtime import aio as _aio"
        constants = ""
    else:
        title, base = "client", "_calls.BaseClient"
        runtime = "\n".join(f"from sagemaker_typed._runtime import {m} as _{m}" for m in ("calls", "paginate", "wait"))
        constants = "\n_SERVICE: _calls.Service\n" + qualified(
            "".join(c.split(" = ", 1)[0] + "\n" for c in api.constants)
        )
    what = f"The typed {service.package.title} {title} (type-time view): the overloads of every method."
    return f'''{header(service)}"""{what}"""

import collections.abc as _abc
import functools as _functools
from typing import overload

from sagemaker_typed import models
{runtime}
{constants}
class {client}({base}):
    @_functools.cached_property
    def paginate(self) -> {prefix}Paginators: ...
    @_functools.cached_property
    def wait(self) -> {prefix}Waiters: ...
{methods}
class {prefix}Paginators:
    def __init__(self, client: {client}) -> None: ...
{pages}
class {prefix}Waiters:
    def __init__(self, client: {client}) -> None: ...
{waits}'''
