"""Whether the installed botocore models an operation exactly as specs/ does.

Tests that go through botocore's Stubber or a raw boto3 client are validated by the installed
botocore's own model. On the pinned botocore (the ``dev`` extra) that model is specs/ itself; on
the lowest botocore the project declares (the ``tests_lowest`` nox session) operations added
since are missing (calling one raises ``UnsupportedOperationError``, by design) and others have
grown members or relaxed rules that the older model rejects. ``require`` skips a test there,
naming the operation and the first shapes that differ; it never skips on the pinned version.
Each function takes the service's ``specdata.Spec`` (SageMaker's by default); a service the
installed botocore does not have at all differs in every operation.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import botocore
import botocore.exceptions
import botocore.loaders
import pytest

from tests import specdata as sd

PINNED = json.loads((sd.ROOT / "specs/provenance.json").read_text(encoding="utf-8"))["botocore_version"]


@functools.cache
def _installed(spec: sd.Spec = sd.SAGEMAKER) -> dict[str, Any]:
    loader = botocore.loaders.create_loader()
    version = spec.model["metadata"]["apiVersion"]
    try:
        service = loader.load_service_model(spec.name, "service-2", version)
    except botocore.exceptions.DataNotFoundError:
        return {"operations": {}, "shapes": {}, "pagination": {}}
    paginators = loader.load_service_model(spec.name, "paginators-1", version)
    return {**service, "pagination": paginators["pagination"]}


def _plain(value: Any) -> Any:
    """A shape without its documentation, which the Stubber does not read."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@functools.cache
def _changed_shapes(spec: sd.Spec = sd.SAGEMAKER) -> frozenset[str]:
    installed = _installed(spec)["shapes"]
    return frozenset(n for n, s in spec.shapes.items() if n not in installed or _plain(installed[n]) != _plain(s))


def _reachable(spec: sd.Spec, name: str, seen: set[str]) -> set[str]:
    if name in seen:
        return seen
    seen.add(name)
    shape = spec.shapes[name]
    refs = [m["shape"] for m in shape.get("members", {}).values()]
    refs += [shape[k]["shape"] for k in ("member", "key", "value") if k in shape]
    for ref in refs:
        _reachable(spec, ref, seen)
    return seen


def has_service(spec: sd.Spec) -> bool:
    """The installed botocore knows the service (at specs/' API version)."""
    return bool(_installed(spec)["operations"])


def missing(operation: str, spec: sd.Spec = sd.SAGEMAKER) -> bool:
    """The installed botocore has no such operation."""
    return operation not in _installed(spec)["operations"]


def difference(operation: str, spec: sd.Spec = sd.SAGEMAKER) -> str | None:
    """Why the installed botocore's model of ``operation`` (input, output, paginator) is not specs/'s."""
    where = f"botocore {botocore.__version__} (specs/: {PINNED})"
    if missing(operation, spec):
        return f"{where} has no {spec.name} {operation}"
    pinned, installed = spec.operations[operation], _installed(spec)["operations"][operation]
    if _plain(pinned) != _plain(installed):
        return f"{where} defines {operation} differently"
    shapes: set[str] = set()
    for key in ("input", "output"):
        if key in pinned:
            _reachable(spec, pinned[key]["shape"], shapes)
    differ = sorted(shapes & _changed_shapes(spec))
    if differ:
        return f"{where} models {operation} differently: {', '.join(differ[:3])}{', ...' if len(differ) > 3 else ''}"
    if operation in spec.paginators and _installed(spec)["pagination"].get(operation) != spec.paginators[operation]:
        return f"{where} paginates {operation} differently"
    return None


def require(*operations: str, spec: sd.Spec = sd.SAGEMAKER) -> None:
    """Skip the calling test unless the installed botocore models these operations as specs/ does."""
    for operation in operations:
        reason = difference(operation, spec)
        if reason is not None:
            pytest.skip(reason)
