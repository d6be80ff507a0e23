"""A model update rewrites what changed and nothing else.

A copy of specs/ is updated as ``nox -s update_specs`` updates it (``codegen.update_specs.update``
writes the documents of a newer botocore into a copy of the repository's specs/, provenance,
CHANGELOG.md and pins), with the kinds of change a botocore release brings to SageMaker: a new
member of a structure that operations reach, a new optional member of an operation's input,
and a new value of an enum. The generator then writes the whole family from the copy into a
temporary directory, and the files that differ from the checked-in ones (which the drift test
holds equal to what specs/ gives) must be exactly:

- the module of each changed shape (``graph.groups`` says which: a structure's own module, or,
  for a shape only one structure uses, that structure's);
- ``models/__init__.pyi``, the control plane's type-time view, which declares every model's
  fields and every enum's members in one module (see docs/design.md, "Type-time view");
- for the input member only, ``client.py``, ``async_client.py`` and their stubs ``client.pyi``
  and ``async_client.pyi``: a method spells out its input's members as keyword parameters (in
  the modules with their ``Args:`` docs), which is what editors and ``help()`` show;
- ``_meta.py``, the one module that names the botocore version (and each model's hashes and
  counts).

The other ten services' models are unchanged but for the version: none of their files may change.
"""

from __future__ import annotations

import datetime
import filecmp
import json
import shutil
from pathlib import Path
from typing import Any

from codegen import graph, update_specs
from codegen.__main__ import generated, render
from codegen.parse import load
from codegen.resources import catalog

ROOT = Path(__file__).resolve().parent.parent
NEW_VERSION = "9.99.0"


def pinned_documents() -> dict[str, dict[str, Any]]:
    """The documents of every service in specs/, as ``update_specs.update`` takes them."""
    specs = ROOT / "specs"
    services = json.loads((specs / "provenance.json").read_text(encoding="utf-8"))["services"]
    return {
        service: {
            name: json.loads((specs / service / f"{name}.json").read_text(encoding="utf-8"))
            for name in update_specs.DOCUMENTS
            if (specs / service / f"{name}.json").exists()
        }
        for service in services
    }


def changed_files(new_root: Path) -> set[str]:
    """The generated files that differ between the checked-in tree and the one under ``new_root``."""
    old, new = generated(ROOT), generated(new_root)
    return {
        str(path)
        for path in old | new
        if path not in old or path not in new or not filecmp.cmp(ROOT / path, new_root / path, shallow=False)
    }


def test_an_update_rewrites_only_the_changed_shapes_and_the_version_module(tmp_path: Path) -> None:
    updated = pinned_documents()
    model = updated["sagemaker"]["service-2"]
    shapes = model["shapes"]
    operations = model["operations"]
    inputs = {op["input"]["shape"] for op in operations.values() if "input" in op}
    outputs = {op["output"]["shape"] for op in operations.values() if "output" in op}

    # A structure that is nobody's input or output, with several members (a configuration, say).
    nested = next(
        name
        for name, shape in sorted(shapes.items())
        if shape["type"] == "structure"
        and name not in inputs | outputs
        and len(shape["members"]) > 2
        and not shape.get("exception")
        and not shape.get("union")
    )
    # An operation's input.
    request = next(
        op["input"]["shape"]
        for name, op in sorted(operations.items())
        if op["input"]["shape"].endswith("Request") and op["input"]["shape"] != nested
    )
    enum = next(name for name, shape in sorted(shapes.items()) if "enum" in shape)
    # New members point at the shape of an existing member of theirs, so no shape changes module.
    for name, member in ((nested, "NewSetting"), (request, "NewOption")):
        first = next(iter(shapes[name]["members"].values()))
        shapes[name]["members"][member] = {"shape": first["shape"], "documentation": "<p>Added.</p>"}
    shapes[enum]["enum"] = [*shapes[enum]["enum"], "new-value"]

    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "specs", repo / "specs")
    for name in ("CHANGELOG.md", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    assert update_specs.update(updated, NEW_VERSION, NEW_VERSION, root=repo, today=datetime.date(2030, 1, 2))

    out = tmp_path / "out"
    render(out, repo / "specs")
    where = {shape.name: group.module for group in graph.groups(load(repo / "specs")) for shape in group.shapes}
    # A resource module spells out its operations' inputs as keywords and its lifecycle's values.
    service = load(repo / "specs")
    inputs_of = {op.name: op.input for op in service.operations}
    resources = {
        f"sagemaker_typed/resources/{r.module}.py"
        for r in catalog(service).resources
        if request
        in {
            inputs_of[name]
            for name in (r.describe, r.create, r.listing and r.listing.operation, *(a.operation for a in r.actions))
            if name in inputs_of
        }
        or (r.lifecycle is not None and r.lifecycle.enum == enum)
    }
    expected = {
        *resources,
        *(f"sagemaker_typed/models/_shapes/{where[name]}.py" for name in (nested, request, enum)),
        "sagemaker_typed/models/__init__.pyi",
        "sagemaker_typed/client.py",
        "sagemaker_typed/async_client.py",
        "sagemaker_typed/client.pyi",
        "sagemaker_typed/async_client.pyi",
        "sagemaker_typed/_meta.py",
    }
    assert changed_files(out) == expected, (nested, request, enum)
    meta = (out / "sagemaker_typed/_meta.py").read_text(encoding="utf-8")
    assert f'BOTOCORE_VERSION = "{NEW_VERSION}"' in meta
