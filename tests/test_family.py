"""The family as a whole: what the README counts, and that one service never loads another's code."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from codegen import figures
from codegen.parse import load, services
from sagemaker_typed._meta import SERVICES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def model_of(service: str) -> dict[str, object]:
    found: dict[str, object] = importlib.import_module(SERVICES[service]).__botocore_model__
    return found


def test_the_readme_counts_are_the_generated_ones() -> None:
    """The counts near the top and the family table, against each package's ``__botocore_model__``."""
    operations = sum(int(str(model_of(s)["operations"])) for s in SERVICES)
    shapes = sum(int(str(model_of(s)["shapes"])) for s in SERVICES)
    top = re.search(r"Generated from botocore \*\*([\d.]+)\*\*: (\d+) services, (\d+) operations, (\d+) shapes", README)
    assert top is not None
    assert top.groups() == (model_of("sagemaker")["botocore_version"], str(len(SERVICES)), str(operations), str(shapes))
    control = model_of("sagemaker")
    assert f"SageMaker itself has {control['operations']} operations, {control['shapes']} shapes" in README

    rows = re.findall(
        r"^\| `([a-z0-9-]+)` \| `([a-z0-9_.]+)` \| `(\w+)`, `?[\w.]+`? \| (\d+) \| (\d+) \|$", README, re.M
    )
    assert sorted(service for service, *_ in rows) == sorted(SERVICES)
    for service, package, client, operation_count, shape_count in rows:
        model = model_of(service)
        assert package == SERVICES[service]
        assert hasattr(importlib.import_module(package), client)
        assert (int(operation_count), int(shape_count)) == (model["operations"], model["shapes"])


def test_the_readme_figures_are_those_of_specs() -> None:
    """Every figure ``codegen.figures`` refreshes (``python -m tests.refresh``) is the one specs/ gives."""
    family = [load(service=service) for service in services()]
    assert figures.readme(README, family) == README


def test_every_service_has_a_readme_example() -> None:
    section = README.split("## The SageMaker family", 1)[1].split("\n## ", 1)[0]
    for service, package in SERVICES.items():
        if service != "sagemaker":
            assert f"(`{service}`" in section, service
            assert f"from {package} import" in section, service


# Importing a service loads its own modules only: checked in a fresh process, through sys.modules.
IMPORT_ONE = """
import json, sys
from {package} import {client}
from {package} import errors, models
models.__dir__()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("sagemaker_typed"))))
"""


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_importing_one_service_loads_no_other(service: str) -> None:
    package = SERVICES[service]
    client = next(
        name for name in dir(importlib.import_module(package)) if name.endswith("Client") and "Async" not in name
    )
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", IMPORT_ONE.format(package=package, client=client)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    )
    others = [p for s, p in SERVICES.items() if s != service and p != "sagemaker_typed"]
    assert not [m for m in loaded if any(m == p or m.startswith(p + ".") for p in others)]
    if package != "sagemaker_typed":  # nothing of the control plane either: only the shared runtime and _meta
        assert all(m.startswith((package, "sagemaker_typed._")) or m == "sagemaker_typed" for m in loaded), loaded
    assert not any(m.startswith("aiobotocore") for m in loaded)
