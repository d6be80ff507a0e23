"""Releases: the public version follows the model, update_specs records each model update in CHANGELOG.md."""

from __future__ import annotations

import datetime
import gzip
import json
import re
from pathlib import Path

import pytest
from packaging.version import Version

import sagemaker_typed
from codegen import naming, update_specs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "changelog"


def test_version_is_the_botocore_model_and_publishable() -> None:
    provenance = json.loads((ROOT / "specs" / "provenance.json").read_text(encoding="utf-8"))
    expected = naming.package_version(provenance["botocore_version"], provenance.get("post_release", 0))
    assert sagemaker_typed.__version__ == expected
    version = Version(sagemaker_typed.__version__)
    assert version.local is None  # the package index refuses local versions
    assert str(version) == sagemaker_typed.__version__  # already normalised
    assert sagemaker_typed.__botocore_model__["botocore_version"] == provenance["botocore_version"]


def test_post_releases() -> None:
    assert naming.package_version("1.44.8") == "1.44.8"
    assert naming.package_version("1.44.8", 2) == "1.44.8.post2"
    assert Version("1.44.8.post2") > Version("1.44.8") and Version("1.44.9") > Version("1.44.8.post2")


def _model(version: str) -> object:
    return json.loads(gzip.decompress((DATA / f"botocore-{version}" / "service-2.json.gz").read_bytes()))


def _documents(version: str) -> dict[str, dict[str, object]]:
    return {
        "sagemaker": {
            "service-2": _model(version),
            "paginators-1": {"pagination": {}},
            "waiters-2": {"version": 2, "waiters": {}},
        }
    }


PYPROJECT = """[project.optional-dependencies]
dev = [
    "boto3==1.9.100",
    "botocore==1.12.165",
    "botocore-stubs>=1.40",
]
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    update_specs.update(_documents("1.12.165"), "1.12.165", "1.9.100", tmp_path)
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n\nIntro.\n\n## 1.12.165\n\nOlder entry.\n", encoding="utf-8")
    return tmp_path


def test_update_specs_records_the_release(root: Path) -> None:
    day = datetime.date(2019, 6, 11)
    assert update_specs.update(_documents("1.12.166"), "1.12.166", "1.9.166", root, today=day)
    log = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith("# Changelog\n\nIntro.\n\n## 1.12.166\n\n")
    assert log.endswith("\n## 1.12.165\n\nOlder entry.\n")
    assert "Service model: botocore 1.12.165 -> 1.12.166 (sagemaker 2017-07-24)" in log
    assert "```text\n2019/06/11 - Amazon SageMaker Service - 5 updated api methods\n" in log
    assert "ListCompilationJobs (updated)\nChanges (response)\n{'CompilationJobSummaries': " in log
    assert "- `models.TargetDevice.SBE_C`" in log
    provenance = json.loads((root / "specs" / "provenance.json").read_text(encoding="utf-8"))
    assert (provenance["botocore_version"], provenance["post_release"]) == ("1.12.166", 0)
    stored = json.loads((root / "specs" / "sagemaker" / "service-2.json").read_text(encoding="utf-8"))
    assert stored == _model("1.12.166")
    assert (root / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT.replace("1.9.100", "1.9.166").replace(
        '"botocore==1.12.165"', '"botocore==1.12.166"'
    )


def test_same_version_again_changes_no_release(root: Path) -> None:
    provenance_path = root / "specs" / "provenance.json"
    provenance = json.loads(provenance_path.read_text(encoding="utf-8"))
    provenance_path.write_text(json.dumps({**provenance, "post_release": 2}), encoding="utf-8")
    log = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert not update_specs.update(_documents("1.12.165"), "1.12.165", "1.9.999", root)
    assert (root / "CHANGELOG.md").read_text(encoding="utf-8") == log
    assert (root / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT
    assert json.loads(provenance_path.read_text(encoding="utf-8"))["post_release"] == 2


def test_first_changelog_is_created(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    update_specs.update(_documents("1.12.165"), "1.12.165", "1.9.100", tmp_path)
    assert not (tmp_path / "CHANGELOG.md").exists()  # no older model: nothing to compare
    update_specs.update(_documents("1.12.166"), "1.12.166", "1.9.166", tmp_path, today=datetime.date(2019, 6, 11))
    log = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith("# Changelog\n\nEach release carries one botocore service model")
    assert log.count("\n## ") == 1 and "\n## 1.12.166\n" in log


def test_pins_must_be_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('dev = ["boto3>=1.40"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape('expected a "boto3==..." pin, found none')):
        update_specs.pin(tmp_path / "pyproject.toml", {"boto3": "1.44.9"})


def test_every_pin_of_a_name_moves(tmp_path: Path) -> None:
    """The dev and docs extras pin the same botocore (the docs tests render boto3's pages with it)."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        'dev = [\n    "botocore==1.44.8",\n]\ndocs = [\n    "botocore==1.44.8",\n]\n', encoding="utf-8"
    )
    update_specs.pin(pyproject, {"botocore": "1.44.9"})
    assert pyproject.read_text(encoding="utf-8").count('"botocore==1.44.9"') == 2
