"""Refresh specs/ from the installed botocore's models of the SageMaker family, and record the release.

Run as ``python -m codegen.update_specs`` (the ``update_specs`` nox session installs the
requested boto3 and botocore first, then regenerates and runs ``tests.refresh``). The files are written as
sorted, indented JSON so that a model update reads as a plain diff; ``provenance.json``
records where they came from. When the botocore version moves, it also

- prepends to CHANGELOG.md the entry between the old and the new model (AWS's format and the
  SDK's view, ``codegen.changelog``), under the version the release will carry;
- resets ``post_release`` (the ``.postN`` of a re-release of the same model) to 0;
- moves the ``boto3==`` and ``botocore==`` pins in pyproject.toml (the ``dev`` and ``docs``
  extras') to the installed versions (the Stubber tests validate against the installed botocore's model).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Mapping
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

from . import changelog, naming
from .services import FAMILY

DOCUMENTS = ("service-2", "paginators-1", "waiters-2")
"""What specs/ keeps of each service; a service without waiters has no waiters-2."""
ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


def dump(document: object) -> str:
    """Serialise a spec document the one way specs/ stores it."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def update(
    models: Mapping[str, Mapping[str, object]],
    botocore_version: str,
    boto3_version: str,
    root: Path = ROOT,
    today: datetime.date | None = None,
) -> bool:
    """Write each service's documents (by name, as in ``DOCUMENTS``) into ``root``/specs and record the release.

    ``models`` maps a botocore service name to its documents. Returns whether the botocore
    version moved (and so CHANGELOG.md and the pins did).
    """
    specs = root / "specs"
    old_provenance: dict[str, Any] = {}
    if (specs / "provenance.json").exists():
        old_provenance = json.loads((specs / "provenance.json").read_text(encoding="utf-8"))
    moved = old_provenance.get("botocore_version") != botocore_version
    post_release = 0 if moved else int(old_provenance.get("post_release", 0))
    pinned: dict[str, Any] = {}
    sections = []
    for service, documents in sorted(models.items()):
        folder = specs / service
        old_model = None
        if (folder / "service-2.json").exists():
            old_model = json.loads((folder / "service-2.json").read_text(encoding="utf-8"))
        folder.mkdir(parents=True, exist_ok=True)
        hashes: dict[str, str] = {}
        for name in DOCUMENTS:
            if name not in documents:
                continue
            text = dump(documents[name])
            (folder / f"{name}.json").write_text(text, encoding="utf-8")
            hashes[f"{name}.json"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        new_model: Any = json.loads(dump(documents["service-2"]))  # as stored: sorted keys
        api_version = new_model["metadata"]["apiVersion"]
        pinned[service] = {"api_version": api_version, "sha256": hashes}
        if moved and old_model is not None:
            changes = changelog.diff(old_model, new_model, service)
            models_text = (
                f"botocore {old_provenance['botocore_version']} -> {botocore_version} ({service} {api_version})"
            )
            sections.append((models_text, changes))
    provenance = {"botocore_version": botocore_version, "post_release": post_release, "services": pinned}
    (specs / "provenance.json").write_text(dump(provenance), encoding="utf-8")
    if not moved:
        return False
    if sections:
        day = today or datetime.datetime.now(datetime.timezone.utc).date()
        entry = changelog.release_entry(naming.package_version(botocore_version, post_release), sections, day)
        changelog.prepend(root / "CHANGELOG.md", entry)
    pin(root / "pyproject.toml", {"boto3": boto3_version, "botocore": botocore_version})
    return True


def pin(pyproject: Path, versions: Mapping[str, str]) -> None:
    """Set the ``"name==version"`` pins of pyproject.toml (the ``dev`` and ``docs`` extras pin the same
    botocore: each name must be pinned at least once, and every pin of it moves)."""
    text = pyproject.read_text(encoding="utf-8")
    for name, new in versions.items():
        pattern = re.compile(rf'^(\s*"{re.escape(name)}==)[^"]*(",?)$', re.MULTILINE)
        text, count = pattern.subn(rf"\g<1>{new}\g<2>", text)
        if count < 1:
            raise ValueError(f'{pyproject}: expected a "{name}==..." pin, found none')
    pyproject.write_text(text, encoding="utf-8")


def main() -> None:
    import botocore.loaders

    loader = botocore.loaders.create_loader()
    models = {}
    for package in FAMILY:
        api_version = loader.determine_latest_version(package.service, "service-2")
        models[package.service] = {
            name: loader.load_service_model(package.service, name, api_version)
            for name in DOCUMENTS
            if package.service in loader.list_available_services(name)
        }
    botocore_version = installed_version("botocore")
    moved = update(models, botocore_version, installed_version("boto3"))
    print(f"specs/ now holds {len(models)} services from botocore {botocore_version}")
    if moved:
        print(
            "CHANGELOG.md has the entry; pyproject.toml's boto3/botocore pins moved; now regenerate "
            "(python -m codegen) and refresh what the tests derive from specs/ (python -m tests.refresh)"
        )


if __name__ == "__main__":
    main()
