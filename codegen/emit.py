"""All generated files, by path relative to the repository root."""

from __future__ import annotations

from . import emit_client, emit_shapes, emit_stubs, graph, ir

GENERATED_DIRS = ("sagemaker_typed/models",)
GENERATED_FILES = (
    "sagemaker_typed/client.py",
    "sagemaker_typed/errors.py",
    "sagemaker_typed/_meta.py",
    emit_stubs.CLIENT,
    emit_stubs.MODELS,
)


def files(service: ir.Service) -> dict[str, str]:
    groups = graph.groups(service)
    out = {
        "sagemaker_typed/models/__init__.py": emit_shapes.models_index(groups, service),
        "sagemaker_typed/models/_shapes/__init__.py": emit_shapes.header(service),
    }
    out["sagemaker_typed/client.py"] = emit_client.client_module(service)
    out["sagemaker_typed/errors.py"] = emit_client.errors_module(service)
    out["sagemaker_typed/_meta.py"] = emit_client.meta_module(service)
    where = emit_shapes.modules(groups)
    out.update(emit_stubs.files(service))
    for group in groups:
        out[f"sagemaker_typed/models/_shapes/{group.module}.py"] = emit_shapes.shape_module(group, where, service)
    return out
