"""The site's MkDocs configuration fails the build on a warning: a link to a missing page or
anchor cannot land. Built here on two small pages with the repository's own mkdocs.yml (only
its folders and navigation replaced), as `nox -s docs` builds the real site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="MkDocs (the `docs` extra) is not installed")
pytest.importorskip("mkdocs", reason="MkDocs (the `docs` extra) is not installed")

ROOT = Path(__file__).resolve().parents[2]


def _build(tmp_path: Path, page: str) -> subprocess.CompletedProcess[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(tmp_path / "src"), site_dir=str(tmp_path / "out"), nav=["index.md"])
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "index.md").write_text("# Home\n\n## Part { #part }\n\nText.\n", encoding="utf-8")
    (tmp_path / "src" / "other.md").write_text(page, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return subprocess.run(
        # Not -q: MkDocs counts for --strict only the warnings it logs.
        [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_good_page_builds(tmp_path: Path) -> None:
    done = _build(tmp_path, "# Other\n\n[home](index.md#part)\n")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "other.html").is_file()


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("missing.md", "not found among documentation files"),
        ("index.md#nowhere", "does not contain an anchor '#nowhere'"),
    ],
)
def test_a_broken_link_fails_the_build(tmp_path: Path, link: str, complaint: str) -> None:
    done = _build(tmp_path, f"# Other\n\n[broken]({link})\n")
    assert done.returncode != 0
    assert complaint in done.stderr
