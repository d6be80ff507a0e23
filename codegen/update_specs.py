"""Refresh specs/ from the SageMaker service model of the installed botocore.

Run as ``python -m codegen.update_specs`` (the ``update_specs`` nox session installs the
requested botocore first). The files are written as sorted, indented JSON so that a model
update reads as a plain diff; ``provenance.json`` records where they came from.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import botocore
import botocore.loaders

SERVICE = "sagemaker"
API_VERSION = "2017-07-24"
DOCUMENTS = ("service-2", "paginators-1", "waiters-2")
SPECS = Path(__file__).resolve().parent.parent / "specs"


def dump(document: object) -> str:
    """Serialise a spec document the one way specs/ stores it."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    loader = botocore.loaders.create_loader()
    hashes: dict[str, str] = {}
    for name in DOCUMENTS:
        document = loader.load_service_model(SERVICE, name, API_VERSION)
        text = dump(document)
        (SPECS / SERVICE).mkdir(parents=True, exist_ok=True)
        (SPECS / SERVICE / f"{name}.json").write_text(text, encoding="utf-8")
        hashes[f"{name}.json"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    provenance = {
        "api_version": API_VERSION,
        "botocore_version": botocore.__version__,
        "service": SERVICE,
        "sha256": hashes,
    }
    (SPECS / "provenance.json").write_text(dump(provenance), encoding="utf-8")
    print(f"specs/ now holds {SERVICE} {API_VERSION} from botocore {botocore.__version__}")


if __name__ == "__main__":
    main()
