"""Response validation: the same classes, a lenient core schema.

A response must never fail on what the service may legitimately send as the API grows. The
strict core schema that pydantic builds for an output model is rewritten once, when the
model is built, into a lenient one and compiled by pydantic-core, so a response is still
parsed in one native pass into instances of the very same classes:

- length, pattern, range and size rules are dropped;
- every member may be missing or null (real responses omit "required" members);
- unknown members are kept (``model_extra``) instead of rejected;
- unknown enum values become pseudo-members (see ``enums.OpenEnum``);
- request-only Python checks (UTF-16 bounds, union arity) are dropped.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from typing import Any, cast

from pydantic_core import CoreSchema, core_schema

_LENIENT: contextvars.ContextVar[bool] = contextvars.ContextVar("sagemaker_typed_lenient", default=False)
_RULES = ("min_length", "max_length", "pattern", "ge", "gt", "le", "lt", "multiple_of", "strict")


def is_request_only(function: Callable[..., Any]) -> bool:
    """Whether a validator function enforces a request-only rule."""
    return bool(getattr(getattr(function, "__func__", function), "__request_only__", False))


def request_only(function: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a validator function as a request-only rule, dropped from response schemas."""
    function.__request_only__ = True  # type: ignore[attr-defined]
    return function


def in_response() -> bool:
    """Whether a response is being validated (enums then accept unknown values)."""
    return _LENIENT.get()


def in_lenient_scope(value: Any, handler: Callable[[Any], Any]) -> Any:
    """Run ``handler(value)`` as response validation: the root of every lenient schema.

    A pydantic wrap validator; plain code rather than a context manager, as it runs once per
    response.
    """
    token = _LENIENT.set(True)
    try:
        return handler(value)
    finally:
        _LENIENT.reset(token)


def lenient_schema(schema: CoreSchema, resolve: Callable[[CoreSchema], CoreSchema]) -> CoreSchema:
    """The lenient counterpart of an output model's strict core schema.

    Called from the model's ``__get_pydantic_core_schema__``: nested models arrive as
    references, which ``resolve`` looks up. They are rewritten as copies (the strict
    schemas of the nested classes stay untouched), so no strict validator is ever built
    for a response.
    """
    rewriter = _Rewriter(resolve)
    rewritten = rewriter.rewrite(schema)
    if rewriter.definitions:
        rewritten = core_schema.definitions_schema(rewritten, list(rewriter.definitions.values()))
    return core_schema.no_info_wrap_validator_function(in_lenient_scope, rewritten)


def models_in(schema: Any) -> Iterator[type]:
    """Every model class a core schema builds."""
    if isinstance(schema, dict):
        if schema.get("type") == "model":
            yield schema["cls"]
        for value in schema.values():
            yield from models_in(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from models_in(value)


class _Rewriter:
    def __init__(self, resolve: Callable[[CoreSchema], CoreSchema]) -> None:
        self.resolve = resolve
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
            if is_request_only(node["function"]["function"]):
                return self.rewrite(node["schema"])
        ref = node.get("ref")
        if ref is not None:
            self.active.add(ref)
        out = {key: value for key, value in node.items() if key not in _RULES}
        if ref is not None:
            out["ref"] = _LENIENT_REF + ref
        if kind == "model":
            out["config"] = {**node.get("config", {}), "extra_fields_behavior": "allow"}
        elif kind == "model-fields":
            out["extra_behavior"] = "allow"
            out["fields"] = {
                name: {**field, "schema": _optional(self.rewrite(field["schema"]))}
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
        for key in ("schema", "items_schema", "keys_schema", "values_schema"):
            if kind != "model-fields" and isinstance(node.get(key), dict):
                out[key] = self.rewrite(node[key])
        if ref is not None:
            self.active.discard(ref)
            if ref in self.recursive:
                self.definitions[ref] = out
                return core_schema.definition_reference_schema(_LENIENT_REF + ref)
        return out

    def reference(self, node: Any) -> Any:
        ref = node["schema_ref"]
        if ref in self.active or ref in self.definitions:
            self.recursive.add(ref)
            return core_schema.definition_reference_schema(_LENIENT_REF + ref)
        return self.rewrite(self.resolve(node))


_LENIENT_REF = "lenient:"


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") == "default":
        return schema
    return cast(
        dict[str, Any],
        core_schema.with_default_schema(core_schema.nullable_schema(cast(CoreSchema, schema)), default=None),
    )
