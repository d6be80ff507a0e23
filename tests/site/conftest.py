"""The built reference site (site/ at the repository root), for the tests that read it.

`python3 -m nox -s docs` builds it and then runs these tests with SAGEMAKER_TYPED_SITE set,
which makes a missing site a failure; elsewhere they are skipped until the site is built.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_TAG = re.compile(r"<[^>]+>")


def site_dir() -> Path | None:
    """The site to test, or None when it is not built (and not required)."""
    required = os.environ.get("SAGEMAKER_TYPED_SITE")
    path = Path(required) if required else ROOT / "site"
    path = path if path.is_absolute() else ROOT / path
    if (path / "index.html").is_file():
        return path
    if required:
        raise FileNotFoundError(f"SAGEMAKER_TYPED_SITE={required}: no index.html there; build it first")
    return None


@pytest.fixture(scope="session")
def site() -> Path:
    found = site_dir()
    if found is None:
        pytest.skip("the reference site is not built: `python3 -m nox -s docs` builds it and runs these tests")
    return found


def page_text(path: Path) -> str:
    """A page's main content as text: tags removed, entities decoded (the navigation left out)."""
    source = path.read_text(encoding="utf-8")
    start = source.find('<article class="md-content__inner')
    end = source.find("</article>", start)
    body = source[start:end] if start >= 0 else source
    return html.unescape(_TAG.sub("", body))
