"""All generated files, by path relative to the repository root."""

from __future__ import annotations

from . import emit_client, emit_resources, emit_shapes, emit_stubs, graph, ir
from .services import FAMILY

GENERATED_DIRS = tuple(f"{package.path}/{part}" for package in FAMILY for part in ("models", "resources"))
GENERATED_FILES = (
    "sagemaker_typed/_meta.py",
    *(f"{package.path}/{name}.py" for package in FAMILY for name in ("client", "async_client", "errors")),
    # A service's subpackage is generated whole; the package root's __init__ is written by hand.
    *(f"{package.path}/__init__.py" for package in FAMILY if package.module),
    # The control plane's type-time view (the other services are small enough without one).
    emit_stubs.CLIENT,
    emit_stubs.ASYNC_CLIENT,
    emit_stubs.MODELS,
)


def family(services: list[ir.Service]) -> dict[str, str]:
    """The generated files of every service, and the package's ``_meta`` listing them."""
    out: dict[str, str] = {}
    for service in services:
        out.update(files(service))
    out.update(emit_resources.files(services))
    out["sagemaker_typed/_meta.py"] = emit_client.meta_module(services)
    return out


def files(service: ir.Service) -> dict[str, str]:
    """The generated files of one service."""
    root = service.package.path
    groups = graph.groups(service)
    out = {
        f"{root}/models/__init__.py": emit_shapes.models_index(groups, service),
        f"{root}/models/_shapes/__init__.py": emit_shapes.header(service),
        f"{root}/client.py": emit_client.client_module(service),
        f"{root}/async_client.py": emit_client.async_client_module(service),
        f"{root}/errors.py": emit_client.errors_module(service),
    }
    if service.package.module:
        out[f"{root}/__init__.py"] = emit_client.package_module(service)
    where = emit_shapes.modules(groups)
    if emit_client.stubbed(service):
        out.update(emit_stubs.files(service))
    for group in groups:
        out[f"{root}/models/_shapes/{group.module}.py"] = emit_shapes.shape_module(group, where, service)
    return out
