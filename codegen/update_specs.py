"""Refresh specs/ from the SageMaker service model of the installed botocore, and record the release.

Run as ``python -m codegen.update_specs`` (the ``update_specs`` nox session installs the
requested boto3 and botocore first, and regenerates afterwards). The files are written as
sorted, indented JSON so that a model update reads as a plain diff; ``provenance.json``
records where they came from. When the botocore version moves, it also

- prepends to CHANGELOG.md the entry between the old and the new model (AWS's format and the
  SDK's view, ``codegen.changelog``), under the version the release will carry;
- resets ``post_release`` (the ``.postN`` of a re-release of the same model) to 0;
- moves the ``dev`` extra's ``boto3==`` and ``botocore==`` pins in pyproject.toml to the
  installed versions (the Stubber tests validate against the installed botocore's model).
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

SERVICE = "sagemaker"
API_VERSION = "2017-07-24"
DOCUMENTS = ("service-2", "paginators-1", "waiters-2")
ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


def dump(document: object) -> str:
    """Serialise a spec document the one way specs/ stores it."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def update(
    documents: Mapping[str, object],
    botocore_version: str,
    boto3_version: str,
    root: Path = ROOT,
    today: datetime.date | None = None,
) -> bool:
    """Write ``documents`` (by name, as in ``DOCUMENTS``) into ``root``/specs and record the release.

    Returns whether the botocore version moved (and so CHANGELOG.md and the pins did).
    """
    specs = root / "specs"
    old_provenance: dict[str, Any] = {}
    old_model: Any = None
    if (specs / "provenance.json").exists():
        old_provenance = json.loads((specs / "provenance.json").read_text(encoding="utf-8"))
        old_model = json.loads((specs / SERVICE / "service-2.json").read_text(encoding="utf-8"))
    moved = old_provenance.get("botocore_version") != botocore_version
    hashes: dict[str, str] = {}
    (specs / SERVICE).mkdir(parents=True, exist_ok=True)
    for name in DOCUMENTS:
        text = dump(documents[name])
        (specs / SERVICE / f"{name}.json").write_text(text, encoding="utf-8")
        hashes[f"{name}.json"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    post_release = 0 if moved else int(old_provenance.get("post_release", 0))
    provenance = {
        "api_version": API_VERSION,
        "botocore_version": botocore_version,
        "post_release": post_release,
        "service": SERVICE,
        "sha256": hashes,
    }
    (specs / "provenance.json").write_text(dump(provenance), encoding="utf-8")
    if not moved:
        return False
    if old_model is not None:
        new_model = json.loads(dump(documents["service-2"]))  # as stored: sorted keys
        changes = changelog.diff(old_model, new_model, SERVICE)
        entry = changelog.release_entry(
            naming.package_version(botocore_version, post_release),
            f"botocore {old_provenance['botocore_version']} -> {botocore_version} ({SERVICE} {API_VERSION})",
            changes,
            today or datetime.datetime.now(datetime.timezone.utc).date(),
        )
        changelog.prepend(root / "CHANGELOG.md", entry)
    pin(root / "pyproject.toml", {"boto3": boto3_version, "botocore": botocore_version})
    return True


def pin(pyproject: Path, versions: Mapping[str, str]) -> None:
    """Set the ``"name==version"`` pins of pyproject.toml (each must appear exactly once)."""
    text = pyproject.read_text(encoding="utf-8")
    for name, new in versions.items():
        pattern = re.compile(rf'^(\s*"{re.escape(name)}==)[^"]*(",?)$', re.MULTILINE)
        text, count = pattern.subn(rf"\g<1>{new}\g<2>", text)
        if count != 1:
            raise ValueError(f'{pyproject}: expected one "{name}==..." pin, found {count}')
    pyproject.write_text(text, encoding="utf-8")


def main() -> None:
    import botocore.loaders

    loader = botocore.loaders.create_loader()
    documents = {name: loader.load_service_model(SERVICE, name, API_VERSION) for name in DOCUMENTS}
    botocore_version = installed_version("botocore")
    moved = update(documents, botocore_version, installed_version("boto3"))
    print(f"specs/ now holds {SERVICE} {API_VERSION} from botocore {botocore_version}")
    if moved:
        print("CHANGELOG.md has the entry; pyproject.toml's boto3/botocore pins moved; now regenerate")


if __name__ == "__main__":
    main()
