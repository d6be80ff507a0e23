"""specs/ -> the intermediate representation (``ir``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from botocore import xform_name

from . import ir, naming
from .docs import html_to_text
from .javaregex import admits_astral, translate
from .services import BY_SERVICE, Package

SPECS = Path(__file__).resolve().parent.parent / "specs"
_SCALARS: dict[str, Any] = {
    "integer": "Integer",
    "long": "Integer",
    "float": "Float",
    "double": "Float",
    "boolean": "Boolean",
    "timestamp": "Timestamp",
    "blob": "Blob",
    "streaming": "Streaming",  # a blob botocore streams (``streaming``, or a payload): never read whole
}


def load(specs: Path = SPECS, service: str = "sagemaker") -> ir.Service:
    """Read one service of specs/ into the IR."""
    folder = specs / service
    model = json.loads((folder / "service-2.json").read_text(encoding="utf-8"))
    paginators = json.loads((folder / "paginators-1.json").read_text(encoding="utf-8"))
    waiters_path = folder / "waiters-2.json"
    waiters = json.loads(waiters_path.read_text(encoding="utf-8")) if waiters_path.exists() else {"waiters": {}}
    pinned = json.loads((specs / "provenance.json").read_text(encoding="utf-8"))
    provenance = {**pinned["services"][service], "service": service, **{k: pinned[k] for k in ("botocore_version",)}}
    provenance["post_release"] = pinned.get("post_release", 0)
    return _Parser(model, paginators, waiters, provenance).service(BY_SERVICE[service])


def services(specs: Path = SPECS) -> tuple[str, ...]:
    """The services pinned in specs/."""
    return tuple(sorted(json.loads((specs / "provenance.json").read_text(encoding="utf-8"))["services"]))


class _Parser:
    def __init__(self, service: Any, paginators: Any, waiters: Any, provenance: Any) -> None:
        self.raw = service["shapes"]
        self.operations = service["operations"]
        self.metadata = service.get("metadata", {})
        self.paginators = paginators["pagination"]
        self.waiters = waiters
        self.provenance = provenance
        self.outputs = {op["output"]["shape"] for op in self.operations.values() if "output" in op}
        # Event streams and their events come from the service, as outputs do.
        streams = {name: raw for name, raw in self.raw.items() if raw.get("eventstream")}
        self.events = set(streams) | {m["shape"] for raw in streams.values() for m in raw["members"].values()}
        # botocore streams every blob that is a structure's whole HTTP body (its ``payload``), with
        # or without the ``streaming`` trait (``OperationModel.has_streaming_output``): boto3 gives
        # a StreamingBody for InvokeEndpoint's Body, and sends bytes, strings and files as they are.
        self.payload_blobs = {
            target
            for raw in self.raw.values()
            if raw["type"] == "structure" and "payload" in raw
            for target in [raw["members"][raw["payload"]]["shape"]]
            if self.raw[target]["type"] == "blob"
        }

    def service(self, package: Package) -> ir.Service:
        shapes = {name: self.shape(name, raw) for name, raw in sorted(self.raw.items())}
        _check_unique("module", [s.module for s in shapes.values()])
        operations = tuple(self.operation(name, raw) for name, raw in sorted(self.operations.items()))
        return ir.Service(
            package=package,
            provenance=ir.Provenance(
                botocore_version=self.provenance["botocore_version"],
                service=self.provenance["service"],
                api_version=self.provenance["api_version"],
                sha256=tuple(sorted(self.provenance["sha256"].items())),
                post_release=self.provenance.get("post_release", 0),
            ),
            shapes=shapes,
            operations=operations,
            paginators=tuple(self.paginator(name, raw, shapes) for name, raw in sorted(self.paginators.items())),
            waiters=tuple(self.waiter(name, raw) for name, raw in sorted(self.waiters["waiters"].items())),
            uid=self.metadata.get("uid", ""),
            full_name=self.metadata.get("serviceFullName", ""),
        )

    def shape(self, name: str, raw: dict[str, Any]) -> ir.Shape:
        doc = html_to_text(raw.get("documentation", ""))
        module = naming.module(name)
        kind = raw["type"]
        if kind == "structure" and raw.get("document"):
            return ir.Scalar(name, module, doc, "JsonValue")
        if kind == "structure":
            return self.structure(name, module, doc, raw)
        if kind == "string" and "enum" in raw:
            values = tuple(ir.EnumValue(n, v) for n, v in naming.enum_members(raw["enum"]))
            return ir.Enum(name, module, doc, values)
        if kind == "string":
            java = raw.get("pattern")
            translation = translate(java) if java is not None else None
            return ir.String(
                name,
                module,
                doc,
                min=raw.get("min"),
                max=raw.get("max"),
                java_pattern=java,
                pattern=translation.pattern if translation else None,
                python_re=translation is not None and translation.engine == "python-re",
                astral=java is None or admits_astral(java),
                sensitive=bool(raw.get("sensitive")),
            )
        if kind == "list":
            return ir.List(name, module, doc, raw["member"]["shape"], raw.get("min"), raw.get("max"))
        if kind == "map":
            return ir.Map(name, module, doc, raw["key"]["shape"], raw["value"]["shape"], raw.get("min"), raw.get("max"))
        streams = kind == "blob" and (raw.get("streaming") or name in self.payload_blobs)
        scalar = _SCALARS["streaming" if streams else kind]
        return ir.Scalar(name, module, doc, scalar, raw.get("min"), raw.get("max"))

    def structure(self, name: str, module: str, doc: str, raw: dict[str, Any]) -> ir.Structure:
        required = set(raw.get("required", ()))
        members = []
        for wire, member in raw["members"].items():
            idempotent = bool(member.get("idempotencyToken"))
            members.append(
                ir.Member(
                    wire=wire,
                    attr=naming.attribute(wire),
                    target=member["shape"],
                    doc=html_to_text(member.get("documentation", "")),
                    # botocore fills an idempotency token that is left out.
                    required=wire in required and not idempotent,
                    idempotency_token=idempotent,
                    deprecated=(member.get("deprecatedMessage") or "deprecated") if member.get("deprecated") else None,
                    json_value=bool(member.get("jsonvalue")) and member.get("location") == "header",
                )
            )
        _check_unique(f"attribute of {name}", [m.attr for m in members])
        sensitive = frozenset(m.attr for m in members if self.holds_secrets(m.target))
        redact = frozenset(key for wire, attr in self.sensitive_paths(name, set()) for key in (wire, attr))
        return ir.Structure(
            name=name,
            module=module,
            doc=doc,
            members=tuple(members),
            union=bool(raw.get("union")),
            exception=bool(raw.get("exception")),
            # Events come from the service: validated leniently, as outputs are.
            output=name in self.outputs or name in self.events,
            sensitive_members=sensitive,
            redact_keys=redact,
            event_payload=self.event_payload(raw) if raw.get("eventstream") else None,
        )

    def event_payload(self, raw: dict[str, Any]) -> tuple[str, str]:
        """The event and member of an event stream that carry the payload bytes."""
        for wire, member in raw["members"].items():
            event = self.raw[member["shape"]]
            for name, field in event.get("members", {}).items():
                if field.get("eventpayload") and self.raw[field["shape"]]["type"] == "blob":
                    return wire, name
        raise ValueError(f"event stream without a payload event: {sorted(raw['members'])}")

    def holds_secrets(self, name: str) -> bool:
        """Whether a value of this shape is sensitive, or a list or map of sensitive values.

        A list or map may be sensitive itself (sagemaker-geospatial's ``Position``, a list of doubles).
        """
        raw = self.raw[name]
        if raw.get("sensitive"):
            return True
        if raw["type"] == "list":
            return self.holds_secrets(raw["member"]["shape"])
        if raw["type"] == "map":
            return self.holds_secrets(raw["value"]["shape"])
        return bool(raw.get("sensitive"))

    def sensitive_paths(self, name: str, seen: set[str]) -> Iterator[tuple[str, str]]:
        """(wire, attr) of every member below ``name`` whose value is sensitive."""
        if name in seen:
            return
        seen.add(name)
        raw = self.raw[name]
        if raw["type"] == "structure":
            for wire, member in raw["members"].items():
                if self.holds_secrets(member["shape"]):
                    yield wire, naming.attribute(wire)
                yield from self.sensitive_paths(member["shape"], seen)
        elif raw["type"] == "list":
            yield from self.sensitive_paths(raw["member"]["shape"], seen)
        elif raw["type"] == "map":
            yield from self.sensitive_paths(raw["value"]["shape"], seen)

    def operation(self, name: str, raw: dict[str, Any]) -> ir.Operation:
        return ir.Operation(
            name=name,
            method=naming.method(name),
            doc=html_to_text(raw.get("documentation", "")),
            input=raw["input"]["shape"],
            output=raw["output"]["shape"] if "output" in raw else None,
            errors=tuple(sorted(e["shape"] for e in raw.get("errors", ()))),
            deprecated=bool(raw.get("deprecated")),
        )

    def paginator(self, name: str, raw: dict[str, Any], shapes: dict[str, ir.Shape]) -> ir.Paginator:
        output = shapes[self.operations[name]["output"]["shape"]]
        assert isinstance(output, ir.Structure)
        (member,) = (m for m in output.members if m.wire == raw["result_key"])
        listing = shapes[member.target]
        assert isinstance(listing, ir.List), f"{name}: result key {member.wire} is not a list"
        return ir.Paginator(
            operation=name,
            method=naming.method(name),
            limit_key=raw.get("limit_key"),
            result_key=raw["result_key"],
            result_attr=member.attr,
            item_type=listing.member,
            input_token=raw["input_token"],
        )

    def waiter(self, name: str, raw: dict[str, Any]) -> ir.Waiter:
        return ir.Waiter(
            name=name,
            method=xform_name(name),
            operation=raw["operation"],
            delay=raw["delay"],
            max_attempts=raw["maxAttempts"],
            success_on_error=any(a["state"] == "success" and a["matcher"] == "error" for a in raw["acceptors"]),
            config=json.dumps(raw, sort_keys=True),
        )


def _check_unique(what: str, names: list[str]) -> None:
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"two shapes would share the {what} name(s) {dupes}: add a naming rule")
