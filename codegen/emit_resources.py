"""Emit ``resources``: one class per resource of ``resources.catalog``, and a lazy index.

A class declares: its ``ResourceSpec`` (operations, identifiers, lifecycle, logs: data), one
typed read-only ``Field`` per member of the Describe response, and its methods, each a
signature, a docstring and one call into ``_runtime.resource`` or ``_runtime.watch``.
"""

from __future__ import annotations

from . import ir
from .docs import WIDTH, args_section, docstring, summary
from .emit_client import _describe, _members
from .emit_shapes import header, lazy_index, member_doc
from .resources import Catalog, catalog
from .services import Package

_DOC_WIDTH = WIDTH - 8
_OWN = frozenset({"cls", "self", "client"})
"""The names the methods use beside the members; ``_runtime.resource`` leaves the same out."""
_METHODS = frozenset({"get", "create", "get_all", "refresh", "client", "wait", "wait_for_status", "wait_for_delete"})


def files(services: list[ir.Service]) -> dict[str, str]:
    """Every service's ``resources`` package, for the services that have resources."""
    family = {s.package.service: s for s in services}
    out: dict[str, str] = {}
    for service in services:
        found = catalog(service, family)
        if not found.resources:
            continue
        root = f"{service.package.path}/resources"
        out[f"{root}/__init__.py"] = index(service, found)
        for resource in found.resources:
            out[f"{root}/{resource.module}.py"] = module(service, resource, family)
    return out


def index(service: ir.Service, found: Catalog) -> str:
    package = service.package
    names = [r.name for r in found.resources]
    left = "\n".join(f"- ``{r.describe}``: {r.reason}." for r in found.left_out)
    left_doc = f"\n\nDescribe operations without a resource class:\n\n{left}" if left else ""
    doc = (
        f"The resources of {package.title}: one class per noun that a Describe operation describes.\n\n"
        f">>> from {package.dotted}.resources import {names[0]}\n\n"
        "Each class has ``get`` (one Describe), and as its operations allow ``create``, ``get_all``\n"
        "(the List operation's pages, no Describe per item), ``refresh``, ``update``, ``stop``,\n"
        "``delete``, ``start`` and ``wait``. Importing this package imports no resource: each is\n"
        f"imported on first use.{left_doc}"
    )
    return lazy_index(service, docstring(doc, ""), [(r.name, r.module) for r in found.resources])


class _Names:
    """How a resource module names the models it annotates with, and the imports that takes.

    Its own service's models by their names (as the client does), but one named like the
    resource class, which takes ``_models.``; another service's as ``_<package>_models.``.
    """

    def __init__(self, own: Package, resource: str) -> None:
        self.own = own
        self.resource = resource
        self.bare: set[str] = set()
        self.others: set[Package] = set()
        self.qualified = False

    def __call__(self, target: str, package: Package | None = None) -> str:
        if package is not None and package != self.own:
            self.others.add(package)
            return f"_{package.module}_models.{target}"
        if target == self.resource:
            self.qualified = True
            return f"_models.{target}"
        self.bare.add(target)
        return target

    def imports(self) -> list[str]:
        own = self.own.dotted
        lines = [f"    from {own}.models import {name}" for name in sorted(self.bare)]
        if self.qualified:
            lines.append(f"    from {own} import models as _models")
        lines += [f"    from {p.dotted} import models as _{p.module}_models" for p in sorted(self.others, key=str)]
        return lines


def _client_module(package: Package, own: Package) -> str:
    return "_sync" if package == own else f"_{package.module}_client"


def _const(method: str) -> str:
    return "_" + method.upper()


def _keywords(members: list[ir.Member], ref: _Names, package: Package | None = None) -> list[str]:
    """Keyword-only parameters: required members without a default, the others None by default."""
    return [f"{m.attr}: {ref(m.target, package)}" + ("" if m.required else " | None = None") for m in members]


def _def(
    name: str, params: list[str], returns: str, doc: str, body: str, classmethod_: bool = False, positional: int = 0
) -> str:
    """A method: ``positional`` parameters first, the others keyword-only."""
    first = "cls" if classmethod_ else "self"
    keywords = params[positional:]
    signature = ", ".join([first, *params[:positional], *(["*", *keywords] if keywords else [])])
    decorator = "    @classmethod\n" if classmethod_ else ""
    return (
        f"{decorator}    def {name}({signature}) -> {returns}:\n        {docstring(doc, '        ')}\n        {body}\n"
    )


def _doc(text: str, entries: list[tuple[str, str]]) -> str:
    return "\n\n".join(p for p in (text, args_section(entries, _DOC_WIDTH)) if p)


def _status_values(values: tuple[str, ...]) -> str:
    return ", ".join(f"``{v}``" for v in values) or "none"


def module(service: ir.Service, resource: ir.Resource, family: dict[str, ir.Service]) -> str:
    own = service.package
    shapes = service.shapes
    output = shapes[resource.output]
    assert isinstance(output, ir.Structure)
    clash = sorted((_METHODS | {a.kind for a in resource.actions}) & {m.attr for m in output.members})
    if clash:
        raise ValueError(f"{resource.name} has fields named like its methods {clash}: add a naming rule")
    name = resource.name
    client = own.client
    client_param = (
        f"client: {client} | None = None",
        ("client", f"The typed client to call with (default: ``{client}()``); the resource keeps it."),
    )
    others = sorted({a.package for a in resource.actions if a.package != own}, key=lambda p: p.service)
    ref = _Names(own, name)

    # The spec: the resource as data.
    lifecycle = resource.lifecycle
    spec = [
        f'        client="{own.dotted}.client:{client}",',
        f"        describe=_sync.{_const(_method(service, resource.describe))},",
        "        identifiers=("
        + "".join(f"_r.Identifier({i.attr!r}, {i.source!r}, {i.required}), " for i in resource.identifiers)
        + "),",
    ]
    if resource.create:
        spec.append(f"        create=_sync.{_const(_method(service, resource.create))},")
        if resource.created:
            spec.append(f"        created={_set(resource.created)},")
    if resource.listing:
        spec.append(f"        listing=_sync._PAGES_{resource.listing.method.upper()},")
        if resource.summary:
            spec.append(f"        summary={_set(resource.summary)},")
    by_name = [a for a in resource.actions if a.by_name]
    if by_name:
        spec.append("        by_name={" + ", ".join(f'"{a.operation}": {_set(a.by_name)}' for a in by_name) + "},")
    if others:
        spec.append(
            "        clients={" + ", ".join(f'"{p.service}": "{p.dotted}.client:{p.client}"' for p in others) + "},"
        )
    if lifecycle:
        optional = [
            f"deleted={_set(lifecycle.deleted)}" if lifecycle.deleted else "",
            f"secondary={lifecycle.secondary!r}" if lifecycle.secondary else "",
            f"reason={lifecycle.reason!r}" if lifecycle.reason else "",
        ]
        spec.append(
            f"        lifecycle=_r.Lifecycle({lifecycle.attr!r}, terminal={_set(lifecycle.terminal)}, "
            f"failed={_set(lifecycle.failed)}{''.join(', ' + o for o in optional if o)}),"
        )
    if resource.logs:
        spec.append(f"        logs={resource.logs!r},")

    # The fields: the Describe response's members.
    fields = []
    for m in output.members:
        annotation = ref(m.target) + ("" if m.required else " | None")
        doc = member_doc(m)
        fields.append(
            f"    {m.attr}: _r.Field[{annotation}] = _r.Field()\n" + (f"    {docstring(doc, '    ')}\n" if doc else "")
        )

    # The methods.
    methods = []
    describe_input = shapes[_operation(service, resource.describe).input]
    assert isinstance(describe_input, ir.Structure)
    ids = _members(describe_input)
    methods.append(
        _def(
            "get",
            [*_keywords(ids, ref), client_param[0]],
            name,
            _doc(
                f"The {_noun(name)} the service describes ({resource.describe}): one call.",
                [(m.attr, _describe(m, shapes)) for m in ids] + [client_param[1]],
            ),
            "return cls._get(locals())",
            classmethod_=True,
        )
    )
    if resource.create:
        op = _operation(service, resource.create)
        request = shapes[op.input]
        assert isinstance(request, ir.Structure)
        members = _members(request)
        _check(name, "create", members)
        methods.append(
            _def(
                "create",
                [*_keywords(members, ref), client_param[0]],
                name,
                _doc(
                    f"{_lead(op)}; the request is validated first.\n\n"
                    f"Returns the new {_noun(name)}, described when a field its creation did not give is read.",
                    [(m.attr, _describe(m, shapes)) for m in members] + [client_param[1]],
                ),
                "return cls._create(locals())",
                classmethod_=True,
            )
        )
    if resource.listing:
        listing = resource.listing
        op = _operation(service, listing.operation)
        request = shapes[op.input]
        assert isinstance(request, ir.Structure)
        members = [m for m in _members(request) if m.wire != listing.input_token]
        _check(name, "get_all", members)
        methods.append(
            _def(
                "get_all",
                [*_keywords(members, ref), client_param[0]],
                f"_abc.Iterator[{name}]",
                _doc(
                    f"Every {_noun(name)} that {op.name} lists, page after page, as resources.\n\n"
                    f"No Describe per item: each holds what the listing gave ({_fields(resource.summary)}) "
                    "and is described once, when another field is read.",
                    [(m.attr, _describe(m, shapes)) for m in members] + [client_param[1]],
                ),
                "return cls._get_all(locals())",
                classmethod_=True,
            )
        )
    for action in resource.actions:
        owner = family[action.package.service]
        op = next(o for o in owner.operations if o.name == action.operation)
        members = _members(_structure(owner, op.input))
        members = [m for m in members if m in action.members]
        _check(name, action.kind, members)
        entries = [(m.attr, _describe(m, owner.shapes)) for m in members]
        const = f"{_client_module(action.package, own)}.{_const(action.method)}"
        if action.kind == "update":
            returns, body = name, f"return self._update({const}, locals())"
            lead = f"{_lead(op)}, then describe the {_noun(name)} again."
        elif action.output is not None and action.kind not in ("stop", "delete", "start"):
            returns, body = ref(action.output, action.package), f"return self._act({const}, locals())"
            lead = f"{_lead(op)}, through ``{action.package.client}``."
        else:
            returns, body = "None", f"self._act({const}, locals())"
            lead = f"{_lead(op)}."
        methods.append(_def(action.kind, _keywords(members, ref, action.package), returns, _doc(lead, entries), body))
    if lifecycle:
        enum = ref(lifecycle.enum)
        succeeded = tuple(v for v in lifecycle.terminal if v not in lifecycle.failed)
        statuses = (
            f"Ends at {_status_values(succeeded)}; raises ``errors.FailedStatusError`` at "
            f"{_status_values(lifecycle.failed)}; waits while {_status_values(lifecycle.transitional)}."
        )
        options = _wait_options(resource)
        methods.append(
            _def(
                "wait",
                [o for o, _ in options],
                name,
                _doc(
                    f"Describe the {_noun(name)} every ``poll`` seconds until its status is terminal; return it.\n\n"
                    f"{statuses} ``errors.WaitTimeoutError`` (a ``TimeoutError``) when ``timeout`` passes, "
                    "``errors.ResourceDeletedError`` if it is deleted meanwhile.",
                    [(o.split(":")[0], d) for o, d in options],
                ),
                f"return _watch.wait(self, {_passed(options)})",
            )
        )
        methods.append(
            _def(
                "wait_for_status",
                [f"status: {enum} | str", *(o for o, _ in options)],
                name,
                _doc(
                    f"Describe the {_noun(name)} every ``poll`` seconds until its status is ``status``; return it.\n\n"
                    "Raises ``errors.FailedStatusError`` at another failed status "
                    f"({_status_values(lifecycle.failed)}), "
                    "``errors.WaitTimeoutError`` when ``timeout`` passes.",
                    [("status", f"The ``{lifecycle.enum}`` to wait for.")] + [(o.split(":")[0], d) for o, d in options],
                ),
                f"return _watch.wait(self, status=status, {_passed(options)})",
                positional=1,
            )
        )
    if any(a.kind == "delete" for a in resource.actions):
        deleted = lifecycle.deleted if lifecycle else ()
        options = [o for o in _wait_options(resource) if not o[0].startswith("logs")]
        methods.append(
            _def(
                "wait_for_delete",
                [o for o, _ in options],
                "None",
                _doc(
                    f"Describe the {_noun(name)} every ``poll`` seconds until the service no longer finds it"
                    + (f" or its status is {_status_values(deleted)}" if deleted else "")
                    + ".\n\n``errors.WaitTimeoutError`` (a ``TimeoutError``) when ``timeout`` passes.",
                    [(o.split(":")[0], d) for o, d in options],
                ),
                f"_watch.wait_for_delete(self, {_passed(options)})",
            )
        )

    # The module.
    imports = [f"from {own.dotted} import client as _sync"]
    imports += [f"from {p.dotted} import client as {_client_module(p, own)}" for p in others]
    imports += [
        "from sagemaker_typed._runtime import resource as _r",
        "from sagemaker_typed._runtime import watch as _watch",
    ]
    typing_imports = [
        "    import collections.abc as _abc",
        "",
        *ref.imports(),
        f"    from {own.dotted}.client import {client}",
    ]
    class_doc = _class_doc(service, resource)
    return f'''{header(service)}
"""The {name} resource of {own.title}."""

from __future__ import annotations

import typing as _t

{chr(10).join(sorted(imports))}

if _t.TYPE_CHECKING:
{chr(10).join(typing_imports)}


class {name}(_r.Resource):
    {docstring(class_doc, "    ")}

    __slots__ = ()
    _spec = _r.ResourceSpec(
{chr(10).join(spec)}
    )

{chr(10).join(fields)}
{chr(10).join(methods)}'''


def _class_doc(service: ir.Service, resource: ir.Resource) -> str:
    name = resource.name
    doc = summary(resource.doc, limit=None) or f"A {_noun(name)}."
    can = [f"``{name}.get(...)``"]
    if resource.create:
        can.append(f"``{name}.create(...)``")
    if resource.listing:
        can.append(f"``{name}.get_all(...)``")
    lines = [
        doc,
        f"Got with {', '.join(can)}; its fields are those of ``models.{resource.output}``, typed and "
        "read-only, as last described (``refresh()`` asks again).",
    ]
    if resource.lifecycle:
        lc = resource.lifecycle
        succeeded = tuple(v for v in lc.terminal if v not in lc.failed)
        lines.append(
            f"Its status is ``{lc.attr}``: ``wait()`` ends at {_status_values(succeeded)}, fails at "
            f"{_status_values(lc.failed)} and waits while {_status_values(lc.transitional)}."
        )
    if resource.logs:
        group = resource.logs[0]
        lines.append(f"``wait(logs=True)`` prints its CloudWatch Logs (group ``{group}``).")
    return "\n\n".join(lines)


def _wait_options(resource: ir.Resource) -> list[tuple[str, str]]:
    options = [
        ("poll: float = 5.0", "Seconds between two Describe calls."),
        ("timeout: float | None = None", "Seconds to wait at most (default: no limit)."),
        (
            "progress: bool | None = None",
            "None: a live status line in a terminal or a notebook, nothing elsewhere; True: also one "
            "line per change of status on stderr elsewhere; False: nothing.",
        ),
    ]
    if resource.logs:
        options.append(
            ("logs: bool = False", "Print the CloudWatch Logs events to stdout as they come, and the rest at the end.")
        )
    return options


def _lead(op: ir.Operation) -> str:
    """An operation's first sentence, naming it: ``Stops a training job (``StopTrainingJob``)``."""
    text = (summary(op.doc, limit=None) or op.name).rstrip(".")
    return f"{text} (``{op.name}``)"


def _set(values: tuple[str, ...]) -> str:
    return "frozenset({" + ", ".join(repr(v) for v in sorted(values)) + "})"


def _passed(options: list[tuple[str, str]]) -> str:
    names = [o.split(":")[0] for o, _ in options]
    return ", ".join(f"{n}={n}" for n in names)


def _structure(service: ir.Service, name: str) -> ir.Structure:
    shape = service.shapes[name]
    assert isinstance(shape, ir.Structure)
    return shape


def _check(resource: str, method: str, members: list[ir.Member]) -> None:
    clash = sorted(_OWN & {m.attr for m in members})
    if clash:
        raise ValueError(f"{resource}.{method} has members named {clash}, which its methods use: add a naming rule")


def _noun(name: str) -> str:
    """``TrainingJob`` -> ``training job`` (acronyms kept)."""
    words = []
    for word in _split(name):
        words.append(word if word.isupper() and len(word) > 1 else word.lower())
    return " ".join(words)


def _split(name: str) -> list[str]:
    import re

    return re.findall(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z][a-z0-9]*|[a-z0-9]+", name)


def _fields(names: tuple[str, ...]) -> str:
    return ", ".join(f"``{n}``" for n in names) or "its identifiers"


def _operation(service: ir.Service, name: str) -> ir.Operation:
    return next(op for op in service.operations if op.name == name)


def _method(service: ir.Service, name: str) -> str:
    return _operation(service, name).method
