"""What changed between two service models: AWS's API changelog entry, and the same as this SDK shows it.

``diff(old, new)`` compares two parsed ``service-2.json`` documents and returns an immutable
``ServiceChanges``; ``render_aws`` writes it in the format of AWS's API changelog (a headline
with counts, then each new or updated method, with the members and enum values an updated one
gained as a Python literal), ``render_sdk`` as a user of this SDK meets it (client methods,
models, fields and enum members, by their Python names). The rules that decide what counts as
a change are AWS's, written down in codegen/README.md ("What changed"). ``load`` reads a model
from a directory or from a botocore release.

    python -m codegen changelog 1.12.165 1.12.166          # botocore versions (pip download)
    python -m codegen changelog old/ specs/ --sdk          # directories with a service-2.json
"""

from __future__ import annotations

import datetime
import gzip
import json
import pprint
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from . import naming
from .docs import html_to_text

ROOT = Path(__file__).resolve().parent.parent
_VERSION = re.compile(r"\d+(?:\.\d+)+")
_DOCUMENT_NAMES = ("service-2.json", "service-2.json.gz")

# ---------------------------------------------------------------------------------------------
# The change tree: what a method's request or response gained, in AWS's notation.


@attrs.frozen
class Fields:
    """A structure: its new members with their whole type, changed members with their change."""

    items: tuple[tuple[str, Node], ...]


@attrs.frozen
class ListOf:
    """A new list member: ``[item]``."""

    item: Node


@attrs.frozen
class MapOf:
    """A new map member: ``{key: value}``."""

    key: Node
    value: Node


@attrs.frozen
class Values:
    """Enum values an existing string shape gained."""

    values: frozenset[str]


@attrs.frozen
class Cycle:
    """A structure met again inside itself (rendered ``()``)."""


# A scalar is a plain string: a type name ("string", "integer", "timestamp", ...) or the values of
# a new enum joined with " | ".
Node = Fields | ListOf | MapOf | Values | Cycle | str
_CYCLE = Cycle()
_NOTHING = Fields(())


def literal(node: Node) -> object:
    """The change as the Python literal AWS prints: dicts, sets, one-item lists, strings, ``()``."""
    if isinstance(node, Fields):
        return {name: literal(child) for name, child in node.items}
    if isinstance(node, ListOf):
        return [literal(node.item)]
    if isinstance(node, MapOf):
        key = literal(node.key)
        assert isinstance(key, str | tuple), "map keys are string shapes"
        return {key: literal(node.value)}
    if isinstance(node, Values):
        return set(node.values)
    if isinstance(node, Cycle):
        return ()
    return node


def _present(node: Node) -> bool:
    """Whether a change counts: an empty structure delta, no new values or a cycle do not."""
    return bool(literal(node))


# ---------------------------------------------------------------------------------------------
# The result.


@attrs.frozen
class Method:
    """A new or updated operation; ``changes`` holds ("request" | "response" | "both", change)."""

    name: str
    kind: Literal["new", "updated"]
    doc: str
    changes: tuple[tuple[str, Node], ...] = ()


@attrs.frozen
class Sdk:
    """The same changes by the names this SDK gives them (see ``naming``).

    Each entry is a dotted Python name (``TargetDevice.SBE_C``); ``kinds_changed`` entries read
    ``Name: type -> enum``.
    """

    methods_added: tuple[str, ...] = ()
    methods_removed: tuple[str, ...] = ()
    models_added: tuple[str, ...] = ()
    enums_added: tuple[str, ...] = ()
    types_added: tuple[str, ...] = ()
    shapes_removed: tuple[str, ...] = ()
    kinds_changed: tuple[str, ...] = ()
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()
    fields_now_required: tuple[str, ...] = ()
    enum_members_added: tuple[str, ...] = ()
    enum_members_removed: tuple[str, ...] = ()


@attrs.frozen
class ServiceChanges:
    service: str
    title: str
    methods: tuple[Method, ...]
    sdk: Sdk

    @property
    def new(self) -> tuple[Method, ...]:
        return tuple(m for m in self.methods if m.kind == "new")

    @property
    def updated(self) -> tuple[Method, ...]:
        return tuple(m for m in self.methods if m.kind == "updated")


# ---------------------------------------------------------------------------------------------
# AWS's rules (codegen/README.md, "What changed").


def _kind(shape: Mapping[str, Any]) -> str:
    """structure, list, map and string are compared by content; every other type is a scalar."""
    kind = shape["type"]
    return kind if kind in ("structure", "list", "map", "string") else "scalar"


def _members(shape: Mapping[str, Any]) -> dict[str, str]:
    return {name: ref["shape"] for name, ref in shape.get("members", {}).items()}


class _Compare:
    """Compare the shapes of two models, by name, the way AWS's changelog does."""

    def __init__(self, new: Mapping[str, Any], old: Mapping[str, Any]) -> None:
        self.new = new["shapes"]
        self.old = old["shapes"]

    def equal(self, name: str) -> bool:
        """A shape present in both models is unchanged (its kind must match at the top)."""
        if _kind(self.new[name]) != _kind(self.old[name]):
            return False
        return self._same(name, name, frozenset())

    def _same(self, new: str, old: str, path: frozenset[str]) -> bool:
        if new in path:  # a recursive reference compares equal
            return True
        path = path | {new}
        n, o = self.new[new], self.old[old]
        kind, old_kind = _kind(n), _kind(o)
        if kind == "structure":
            if old_kind != "structure":
                return True  # AWS's rule: a member that became a structure does not make its parent differ
            nm, om = _members(n), _members(o)
            if set(nm) - set(om):
                return False
            return all(self._same(target, om[member], path) for member, target in nm.items())
        if kind != old_kind:
            return False  # a shape that became a list, map, string or scalar (AWS's tool fails on the first three)
        if kind == "list":
            return self._same(n["member"]["shape"], o["member"]["shape"], path)
        if kind == "map":
            return self._same(n["key"]["shape"], o["key"]["shape"], path) and self._same(
                n["value"]["shape"], o["value"]["shape"], path
            )
        if kind == "string":
            return bool(n.get("enum", []) == o.get("enum", []))  # order counts
        return new == old  # scalars: only the shape's name is compared, not its type or limits

    def delta(self, new: str, old: str, path: frozenset[str] = frozenset()) -> Node:
        """What ``new`` gained over ``old``: added members in full, changed members by their change."""
        if new in path:
            return _CYCLE
        path = path | {new}
        n, o = self.new[new], self.old[old]
        kind, old_kind = _kind(n), _kind(o)
        if kind == "scalar":
            return _NOTHING  # scalars never show a change
        if kind != old_kind:
            return self.type(new)  # AWS's rule for structures; ours for what its tool fails on
        if kind == "structure":
            om = _members(o)
            items: list[tuple[str, Node]] = []
            for member, target in _members(n).items():
                if member not in om:
                    items.append((member, self.type(target)))
                    continue
                change = self.delta(target, om[member], path)
                if _present(change):
                    items.append((member, change))
            return Fields(tuple(items))
        if kind == "list":
            return self.delta(n["member"]["shape"], o["member"]["shape"], path)  # no [...] around a change
        if kind == "map":
            return self.delta(n["value"]["shape"], o["value"]["shape"], path)  # keys are not looked at
        added = frozenset(n.get("enum", [])) - frozenset(o.get("enum", []))
        return Values(added)  # a string: its new enum values

    def type(self, name: str, path: frozenset[str] = frozenset()) -> Node:
        """The whole type of a shape of the new model, in request-syntax notation."""
        if name in path:
            return _CYCLE
        path = path | {name}
        shape = self.new[name]
        kind = _kind(shape)
        if kind == "structure":
            return Fields(tuple((member, self.type(target, path)) for member, target in _members(shape).items()))
        if kind == "list":
            return ListOf(self.type(shape["member"]["shape"], path))
        if kind == "map":
            return MapOf(self.type(shape["key"]["shape"], path), self.type(shape["value"]["shape"], path))
        if kind == "string":
            return " | ".join(shape.get("enum", [])) or "string"
        return str(shape["type"])


def diff(old: Mapping[str, Any], new: Mapping[str, Any], service: str) -> ServiceChanges:
    """The changes from the ``old`` to the ``new`` service model (parsed ``service-2.json``)."""
    compare = _Compare(new, old)
    changed: dict[str, Node] = {}
    for name in new["shapes"]:
        if name in old["shapes"] and not compare.equal(name):
            change = compare.delta(name, name)
            if _present(change):
                changed[name] = change
    operations = new["operations"]
    methods = [
        Method(name, "new", html_to_text(op.get("documentation")))
        for name, op in operations.items()
        if name not in old["operations"]
    ]
    for name, op in operations.items():
        found: dict[str, Node] = {}
        for side, key in (("request", "input"), ("response", "output")):
            shape = op.get(key, {}).get("shape")
            if shape in changed:
                found[side] = changed[shape]
        if service == "ec2" and "request" in found:  # AWS's one service rule: EC2's TagSpecifications
            request = found["request"]
            assert isinstance(request, Fields)
            request = Fields(tuple(item for item in request.items if item[0] != "TagSpecifications"))
            found["request"] = request
            if not _present(request):
                del found["request"]
        if not found:
            continue
        pairs = tuple(found.items())
        if len(found) == 2 and literal(found["request"]) == literal(found["response"]):
            pairs = (("both", found["request"]),)
        methods.append(Method(name, "updated", html_to_text(op.get("documentation")), pairs))
    title = str(new.get("metadata", {}).get("serviceFullName", service))
    return ServiceChanges(service, title, tuple(methods), sdk_changes(old, new))


# ---------------------------------------------------------------------------------------------
# The SDK's view, by codegen's own names.


def _sdk_kind(shape: Mapping[str, Any]) -> str:
    if shape["type"] == "structure":
        return "model"
    if shape["type"] == "string" and "enum" in shape:
        return "enum"
    return "type"


def sdk_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Sdk:
    """New and removed client methods, models, fields and enum members, named as codegen names them."""
    old_ops, new_ops = old["operations"], new["operations"]
    old_shapes, new_shapes = old["shapes"], new["shapes"]
    added = [name for name in sorted(new_shapes) if name not in old_shapes]
    kinds_changed, fields_added, fields_removed, now_required = [], [], [], []
    members_added, members_removed = [], []
    for name in sorted(set(new_shapes) & set(old_shapes)):
        n, o = new_shapes[name], old_shapes[name]
        if _sdk_kind(n) != _sdk_kind(o):
            kinds_changed.append(f"{name}: {_sdk_kind(o)} -> {_sdk_kind(n)}")
            continue
        if _sdk_kind(n) == "model":
            nm, om = n.get("members", {}), o.get("members", {})
            fields_added += [f"{name}.{naming.attribute(m)}" for m in nm if m not in om]
            fields_removed += [f"{name}.{naming.attribute(m)}" for m in om if m not in nm]
            required = set(n.get("required", ())) - set(o.get("required", ()))
            now_required += [f"{name}.{naming.attribute(m)}" for m in nm if m in om and m in required]
        elif _sdk_kind(n) == "enum":
            old_values, new_values = set(o["enum"]), set(n["enum"])
            members_added += [f"{name}.{m}" for m, v in naming.enum_members(n["enum"]) if v not in old_values]
            members_removed += [f"{name}.{m}" for m, v in naming.enum_members(o["enum"]) if v not in new_values]
    return Sdk(
        methods_added=tuple(naming.method(op) for op in sorted(new_ops) if op not in old_ops),
        methods_removed=tuple(naming.method(op) for op in sorted(old_ops) if op not in new_ops),
        models_added=tuple(s for s in added if _sdk_kind(new_shapes[s]) == "model"),
        enums_added=tuple(s for s in added if _sdk_kind(new_shapes[s]) == "enum"),
        types_added=tuple(s for s in added if _sdk_kind(new_shapes[s]) == "type"),
        shapes_removed=tuple(name for name in sorted(old_shapes) if name not in new_shapes),
        kinds_changed=tuple(kinds_changed),
        fields_added=tuple(fields_added),
        fields_removed=tuple(fields_removed),
        fields_now_required=tuple(now_required),
        enum_members_added=tuple(members_added),
        enum_members_removed=tuple(members_removed),
    )


# ---------------------------------------------------------------------------------------------
# Rendering.


class _Printer(pprint.PrettyPrinter):
    """``pprint`` as AWS's pages use it, with set items sorted so that output is deterministic."""

    def format(self, object: object, context: dict[int, int], maxlevels: int, level: int) -> tuple[str, bool, bool]:
        if isinstance(object, set | frozenset) and object:
            items = [self.format(item, context, maxlevels, level + 1)[0] for item in sorted(object)]
            return "{" + ", ".join(items) + "}", True, False
        return super().format(object, context, maxlevels, level)


def pformat(node: Node) -> str:
    """A change as AWS prints it: ``pprint`` at 80 columns, dict keys (and set items) sorted."""
    return _Printer(width=80).pformat(literal(node))


def headline(changes: ServiceChanges, date: datetime.date) -> str:
    """``2019/06/11 - Amazon SageMaker Service - 5 updated api methods``."""
    counts = ""
    if changes.new:
        counts += f"{len(changes.new)} new "
    if changes.updated:
        counts += f"{len(changes.updated)} updated "
    return f"{date:%Y/%m/%d} - {changes.title} - {counts or 'no new or updated '}api methods"


def render_aws(changes: ServiceChanges, date: datetime.date, docs: bool = True) -> str:
    """The entry in AWS's format; ``docs=False`` leaves out each method's documentation."""
    lines = [headline(changes, date)]
    for method in changes.methods:
        lines += ["", f"{method.name} ({method.kind})"]
        if method.changes:
            lines.append(f"Changes ({', '.join(side for side, _ in method.changes)})")
            for side, change in method.changes:
                if len(method.changes) > 1:
                    lines.append(side.capitalize())
                lines.append(pformat(change))
        if docs and method.doc:
            lines += ["", method.doc]
    return "\n".join(lines) + "\n"


_SDK_SECTIONS = (
    ("methods_added", "New client methods", "client.{}()"),
    ("models_added", "New models", "models.{}"),
    ("enums_added", "New enums", "models.{}"),
    ("types_added", "New named types", "models.{}"),
    ("fields_added", "New fields", "models.{}"),
    ("enum_members_added", "New enum members", "models.{}"),
    ("fields_now_required", "Fields now required in requests", "models.{}"),
    ("kinds_changed", "Shapes that changed kind", "models.{}"),
    ("methods_removed", "Removed client methods", "client.{}()"),
    ("shapes_removed", "Removed models and types", "models.{}"),
    ("fields_removed", "Removed fields", "models.{}"),
    ("enum_members_removed", "Removed enum members", "models.{}"),
)


def render_sdk(changes: ServiceChanges) -> str:
    """The same changes as a user of this SDK meets them, as a Markdown list per kind."""
    sections: list[str] = []
    for attr, title, form in _SDK_SECTIONS:
        names: tuple[str, ...] = getattr(changes.sdk, attr)
        if names:
            sections.append(f"{title} ({len(names)}):\n" + "\n".join(f"- `{form.format(n)}`" for n in names))
    if not sections:
        return f"{changes.service}: no changes to the SDK's client, models, fields or enums\n"
    return "\n\n".join(sections) + "\n"


CHANGELOG_HEADER = """# Changelog

Each release carries one botocore service model, and its version is that botocore version
(`1.44.8`; `1.44.8.post1` re-releases the same model with SDK changes). Each entry is the
change in the service model, in the format of AWS's API changelog, then the same changes as
this SDK names them. `nox -s update_specs -- VERSION` writes the entry; `python -m codegen
changelog OLD NEW [--sdk]` prints one for any two botocore versions or model directories.
"""


def release_entry(version: str, sections: Sequence[tuple[str, ServiceChanges]], date: datetime.date) -> str:
    """A CHANGELOG.md section: the release's version, then for each service model that was
    compared (``(which models, changes)``) both views."""
    parts = [f"## {version}\n"]
    for models, changes in sections:
        parts.append(
            f"Service model: {models}\n\n```text\n{render_aws(changes, date, docs=False)}```\n\n"
            f"### In sagemaker_typed\n\n{render_sdk(changes)}"
        )
    return "\n".join(parts)


def prepend(path: Path, entry: str) -> None:
    """Put ``entry`` above the newest release of the changelog at ``path`` (made if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADER
    at = text.find("\n## ")
    head, rest = (text, "") if at < 0 else (text[: at + 1], text[at + 1 :])
    path.write_text(
        head.rstrip("\n") + "\n\n" + entry.rstrip("\n") + "\n" + ("\n" + rest if rest else ""), encoding="utf-8"
    )


# ---------------------------------------------------------------------------------------------
# Reading a model: a directory, or a botocore release.


@attrs.frozen(eq=False)
class Model:
    """A parsed ``service-2.json``, where it came from and (for a release) the day it was built."""

    document: Mapping[str, Any]
    source: str
    date: datetime.date | None = None


def _read(path: Path) -> Mapping[str, Any]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    document: Mapping[str, Any] = json.loads(data)
    return document


def load(spec: str, service: str) -> Model:
    """A model from a directory (holding ``service-2.json[.gz]`` itself or under ``<service>/``)
    or from a botocore version, downloaded with pip."""
    path = Path(spec)
    if path.is_dir():
        for folder in (path, path / service):
            for name in _DOCUMENT_NAMES:
                if (folder / name).is_file():
                    return Model(_read(folder / name), str(folder / name))
        raise FileNotFoundError(f"{spec}: no service-2.json or service-2.json.gz here or under {service}/")
    if not _VERSION.fullmatch(spec):
        raise FileNotFoundError(f"{spec}: neither a directory nor a botocore version")
    return _from_botocore(spec, service)


def _from_botocore(version: str, service: str) -> Model:
    with tempfile.TemporaryDirectory() as tmp:
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        subprocess.run([*pip, "--dest", tmp, f"botocore=={version}"], check=True, stdout=sys.stderr)
        (wheel,) = Path(tmp).glob("botocore-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            return _from_wheel(archive, version, service)


def _from_wheel(archive: zipfile.ZipFile, version: str, service: str) -> Model:
    """The newest API version of ``service`` in a botocore wheel, dated by its file in the wheel."""
    prefix = f"botocore/data/{service}/"
    found = sorted(
        (info.filename.split("/")[3], info)
        for info in archive.infolist()
        if info.filename.startswith(prefix) and info.filename.count("/") == 4
        if info.filename.rsplit("/", 1)[1] in _DOCUMENT_NAMES
    )
    if not found:
        raise FileNotFoundError(f"botocore {version} has no model for {service!r}")
    api_version, info = found[-1]
    data = archive.read(info)
    if info.filename.endswith(".gz"):
        data = gzip.decompress(data)
    return Model(json.loads(data), f"botocore {version} ({service} {api_version})", datetime.date(*info.date_time[:3]))


def default_services(*specs: str) -> tuple[str, ...]:
    """The services the codegen knows (pinned in specs/provenance.json) that ``specs`` all hold.

    A directory holding one ``service-2.json`` itself is the control plane's model (name
    another service with ``--service``); one with ``<service>/`` folders holds those services.
    """
    provenance = json.loads((ROOT / "specs" / "provenance.json").read_text(encoding="utf-8"))
    known = sorted(provenance["services"])
    for spec in specs:
        path = Path(spec)
        if path.is_dir() and any((path / name).is_file() for name in _DOCUMENT_NAMES):
            known = [s for s in known if s == "sagemaker"]
        elif path.is_dir():
            known = [s for s in known if (path / s).is_dir()]
    return tuple(known)


def main(old: str, new: str, services: Iterable[str], sdk: bool, docs: bool, date: datetime.date | None) -> int:
    """``python -m codegen changelog``: print the entry (and the SDK's view) for each service."""
    for service in services:
        before, after = load(old, service), load(new, service)
        changes = diff(before.document, after.document, service)
        print(render_aws(changes, date or after.date or datetime.datetime.now(datetime.timezone.utc).date(), docs))
        if sdk:
            print(f"In sagemaker_typed ({before.source} -> {after.source}):\n")
            print(render_sdk(changes))
    return 0
