"""Whether the installed botocore models an operation exactly as specs/ does.

Tests that go through botocore's Stubber or a raw boto3 client are validated by the installed
botocore's own model. On the pinned botocore (the ``dev`` extra) that model is specs/ itself; on
the lowest botocore the project declares (the ``tests_lowest`` nox session) operations added
since are missing (calling one raises ``UnsupportedOperationError``, by design) and others have
grown members or relaxed rules that the older model rejects. ``require`` skips a test there,
naming the operation and the first shapes that differ; it never skips on the pinned version.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import botocore
import botocore.loaders
import pytest

from tests import specdata as sd

PINNED = json.loads((sd.ROOT / "specs/provenance.json").read_text(encoding="utf-8"))["botocore_version"]


@functools.cache
def _installed() -> dict[str, Any]:
    loader = botocore.loaders.create_loader()
    service = loader.load_service_model("sagemaker", "service-2", sd.SERVICE["metadata"]["apiVersion"])
    paginators = loader.load_service_model("sagemaker", "paginators-1", sd.SERVICE["metadata"]["apiVersion"])
    return {**service, "pagination": paginators["pagination"]}


def _plain(value: Any) -> Any:
    """A shape without its documentation, which the Stubber does not read."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@functools.cache
def _changed_shapes() -> frozenset[str]:
    installed = _installed()["shapes"]
    return frozenset(n for n, s in sd.SHAPES.items() if n not in installed or _plain(installed[n]) != _plain(s))


def _reachable(name: str, seen: set[str]) -> set[str]:
    if name in seen:
        return seen
    seen.add(name)
    shape = sd.SHAPES[name]
    refs = [m["shape"] for m in shape.get("members", {}).values()]
    refs += [shape[k]["shape"] for k in ("member", "key", "value") if k in shape]
    for ref in refs:
        _reachable(ref, seen)
    return seen


def missing(operation: str) -> bool:
    """The installed botocore has no such operation."""
    return operation not in _installed()["operations"]


def difference(operation: str) -> str | None:
    """Why the installed botocore's model of ``operation`` (input, output, paginator) is not specs/'s."""
    where = f"botocore {botocore.__version__} (specs/: {PINNED})"
    if missing(operation):
        return f"{where} has no {operation}"
    spec, installed = sd.OPERATIONS[operation], _installed()["operations"][operation]
    if _plain(spec) != _plain(installed):
        return f"{where} defines {operation} differently"
    shapes: set[str] = set()
    for key in ("input", "output"):
        if key in spec:
            _reachable(spec[key]["shape"], shapes)
    differ = sorted(shapes & _changed_shapes())
    if differ:
        return f"{where} models {operation} differently: {', '.join(differ[:3])}{', ...' if len(differ) > 3 else ''}"
    if operation in sd.PAGINATORS and _installed()["pagination"].get(operation) != sd.PAGINATORS[operation]:
        return f"{where} paginates {operation} differently"
    return None


def require(*operations: str) -> None:
    """Skip the calling test unless the installed botocore models these operations as specs/ does."""
    for operation in operations:
        reason = difference(operation)
        if reason is not None:
            pytest.skip(reason)
