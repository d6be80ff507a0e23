"""All generated files, by path relative to the repository root."""

from __future__ import annotations

from . import emit_shapes, graph, ir

GENERATED_DIRS = ("sagemaker_typed/models",)
GENERATED_FILES: tuple[str, ...] = ()


def files(service: ir.Service) -> dict[str, str]:
    groups = graph.groups(service)
    out = {
        "sagemaker_typed/models/__init__.py": emit_shapes.models_index(groups, service),
        "sagemaker_typed/models/_shapes/__init__.py": emit_shapes.header(service),
    }
    where = emit_shapes.modules(groups)
    for group in groups:
        out[f"sagemaker_typed/models/_shapes/{group.module}.py"] = emit_shapes.shape_module(group, where, service)
    return out
