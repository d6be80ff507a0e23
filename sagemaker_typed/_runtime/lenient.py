"""Derived validation: the same classes, core schemas with fewer rules.

A model's own core schema checks every rule of the service model (a request, checked in
full). Two other levels are derived from it by one rewriter, each compiled once by
pydantic-core, so a value is still validated in one native pass into instances of the very
same classes:

- **response** (operation outputs, always): a response must never fail on what the service
  may legitimately send as the API grows. Length, pattern, range and size rules are dropped,
  and so are the strict input types (pydantic's lax conversions apply); every member may be
  missing or null (real responses omit "required" members); unknown members are kept
  (``model_extra``) instead of rejected; unknown enum values become pseudo-members (see
  ``enums.OpenEnum``); every request-only Python check is dropped.
- **structure** (a request with ``validation="structure"``): what botocore checks, for when
  the service has moved a limit or a pattern. Member names, types (the strict input types of
  ``wiretypes``), required members and union arity stay; length, pattern, range and size
  rules go, and enums take values the SDK does not know (as pseudo-members).

Request-only Python checks say which level drops them (``request_only``): a ``RULE`` (UTF-16
bounds, known enum members) goes at both levels, a ``STRUCTURE`` check (union arity, input
types checked in Python) only in responses.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel
from pydantic_core import CoreSchema, SchemaValidator, core_schema

Validation = Literal["all", "structure"]
"""Which rules a request is checked by before it is sent.

``"all"`` (the default): every rule of the service model. ``"structure"``: member names,
types, required members and union arity only (what botocore checks, less its minimums),
enums open; the service judges lengths, patterns, ranges and enum values itself.
"""

RULE = "rule"
"""A rule of the service model (a limit, a pattern, a known enum value): checked at level "all" only."""
STRUCTURE = "structure"
"""A structural check (types, union arity): checked in every request, never in a response."""

_F = TypeVar("_F", bound=Callable[..., Any])
_OPEN: contextvars.ContextVar[bool] = contextvars.ContextVar("sagemaker_typed_open_enums", default=False)
_LIMITS = ("min_length", "max_length", "pattern", "ge", "gt", "le", "lt", "multiple_of")


def request_only(kind: str) -> Callable[[_F], _F]:
    """Mark a validator function as a request-only check of ``kind`` (``RULE`` or ``STRUCTURE``)."""

    def mark(function: _F) -> _F:
        function.__request_only__ = kind  # type: ignore[attr-defined]
        return function

    return mark


def request_only_kind(function: Callable[..., Any]) -> str | None:
    """The kind of request-only check a validator function makes, or None for any other function.

    Instances of callable classes carry the marker as a class attribute.
    """
    kind = getattr(getattr(function, "__func__", function), "__request_only__", None)
    return str(kind) if kind is not None else None


def enums_open() -> bool:
    """Whether enums take unknown values now: in a response, or in a structure-only request."""
    return _OPEN.get()


def in_open_scope(value: Any, handler: Callable[[Any], Any]) -> Any:
    """Run ``handler(value)`` with enums open: the root of every derived schema.

    A pydantic wrap validator; plain code rather than a context manager, as it runs once per
    validation.
    """
    token = _OPEN.set(True)
    try:
        return handler(value)
    finally:
        _OPEN.reset(token)


class _Level:
    __slots__ = ("dropped_checks", "dropped_keys", "name", "open_members")

    def __init__(self, name: str, dropped_keys: frozenset[str], dropped_checks: frozenset[str], open_members: bool):
        self.name = name
        self.dropped_keys = dropped_keys
        """Keys of core schema nodes left out: the native rules."""
        self.dropped_checks = dropped_checks
        """Kinds of request-only Python checks left out."""
        self.open_members = open_members
        """Every member optional and nullable, unknown members kept."""


_RESPONSE = _Level("lenient", frozenset((*_LIMITS, "strict")), frozenset((RULE, STRUCTURE)), open_members=True)
_STRUCTURE = _Level("structure", frozenset(_LIMITS), frozenset((RULE,)), open_members=False)


def lenient_schema(
    schema: CoreSchema, resolve: Callable[[CoreSchema], CoreSchema], models: set[type] | None = None
) -> CoreSchema:
    """The lenient counterpart of an output model's strict core schema.

    Called from the model's ``__get_pydantic_core_schema__``: nested models arrive as
    references, which ``resolve`` looks up. They are rewritten as copies (the strict
    schemas of the nested classes stay untouched), so no strict validator is ever built
    for a response. ``models`` receives every model class the schema builds.
    """
    return _derived(schema, resolve, _RESPONSE, models)


@functools.cache
def structure_validator(cls: type[BaseModel]) -> SchemaValidator:
    """The structure-only validator of a request model, compiled on first use."""
    if not cls.__pydantic_complete__:
        cls.model_rebuild()
    schema: Any = cls.__pydantic_core_schema__
    table: dict[str, Any] = {}
    if schema["type"] == "definitions":
        table = {definition["ref"]: definition for definition in schema["definitions"]}
        schema = schema["schema"]
    derived = _derived(schema, lambda node: cast(CoreSchema, table[node["schema_ref"]]), _STRUCTURE)
    # Never reuse the (full-rule) validators of nested models that were built already.
    return SchemaValidator(derived, core_schema.CoreConfig(title=cls.__name__), _use_prebuilt=False)


def _derived(
    schema: CoreSchema, resolve: Callable[[CoreSchema], CoreSchema], level: _Level, models: set[type] | None = None
) -> CoreSchema:
    rewriter = _Rewriter(resolve, level, set() if models is None else models)
    rewritten = core_schema.no_info_wrap_validator_function(in_open_scope, rewriter.rewrite(schema))
    if not rewriter.definitions:
        return rewritten
    # At the top, where pydantic unpacks the definitions of a schema a model hands it.
    return core_schema.definitions_schema(rewritten, list(rewriter.definitions.values()))


class _Rewriter:
    def __init__(self, resolve: Callable[[CoreSchema], CoreSchema], level: _Level, models: set[type]) -> None:
        self.resolve = resolve
        self.level = level
        self.models = models
        self.prefix = level.name + ":"
        self.active: set[str] = set()
        self.recursive: set[str] = set()
        self.definitions: dict[str, Any] = {}

    def rewrite(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        kind = node.get("type")
        if kind == "definition-ref":
            return self.reference(node)
        if kind in ("function-after", "function-before", "function-wrap"):  # plain ones have no inner schema
            if request_only_kind(node["function"]["function"]) in self.level.dropped_checks:
                return self.rewrite(node["schema"])
        ref = node.get("ref")
        if ref is not None:
            self.active.add(ref)
        out = {key: value for key, value in node.items() if key not in self.level.dropped_keys}
        if ref is not None:
            out["ref"] = self.prefix + ref
        if kind == "model":
            self.models.add(node["cls"])
        if kind == "model" and self.level.open_members:
            out["config"] = {**node.get("config", {}), "extra_fields_behavior": "allow"}
        elif kind == "model-fields":
            if self.level.open_members:
                out["extra_behavior"] = "allow"
            out["fields"] = {
                name: {**field, "schema": self.member(self.rewrite(field["schema"]))}
                for name, field in node["fields"].items()
            }
        elif kind == "definitions":
            out["definitions"] = [self.rewrite(d) for d in node["definitions"]]
        elif kind == "union":
            out["choices"] = [
                self.rewrite(c) if isinstance(c, dict) else (self.rewrite(c[0]), c[1]) for c in node["choices"]
            ]
        elif kind == "tagged-union":
            out["choices"] = {tag: self.rewrite(c) for tag, c in node["choices"].items()}
        # json-or-python: pydantic's JsonValue (documents, JSON headers), recursive through its definition.
        for key in ("schema", "items_schema", "keys_schema", "values_schema", "json_schema", "python_schema"):
            if kind != "model-fields" and isinstance(node.get(key), dict):
                out[key] = self.rewrite(node[key])
        if ref is not None:
            self.active.discard(ref)
            if ref in self.recursive:
                self.definitions[ref] = out
                return core_schema.definition_reference_schema(self.prefix + ref)
        return out

    def reference(self, node: Any) -> Any:
        ref = node["schema_ref"]
        if ref in self.active or ref in self.definitions:
            self.recursive.add(ref)
            return core_schema.definition_reference_schema(self.prefix + ref)
        return self.rewrite(self.resolve(node))

    def member(self, schema: dict[str, Any]) -> dict[str, Any]:
        """A member's schema: optional and nullable where members are open."""
        if not self.level.open_members or schema.get("type") == "default":
            return schema
        return cast(
            dict[str, Any],
            core_schema.with_default_schema(core_schema.nullable_schema(cast(CoreSchema, schema)), default=None),
        )
