"""Refresh every file derived from specs/ or the generator that is not generated code.

Run from the project root as ``python -m tests.refresh`` (``nox -s refresh``; ``nox -s
update_specs`` runs it after regenerating, so that a model update leaves a green suite). It
rewrites, each as the tests that read it expect:

- ``tests/data/pattern_cases.json``: the JDK-judged cases of every pattern shape
  (``tests.patterns.generate_cases``; needs ``java``). Cases are seeded by the shape, so an
  update adds the new shapes' cases and changes only the changed patterns' ones.
- ``tests/data/golden/expected``: the code generated from the golden model
  (``tests/test_golden.py``); it changes only with the generator.
- README.md's figures (``codegen.figures``): counts of the pinned models, checked by
  ``tests/test_family.py``.

Figures that tests assert on fixed data (``tests/data/changelog``) are not derived from specs/
and stay as they are.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from codegen import figures
from codegen.__main__ import render
from tests.patterns import generate_cases

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"


def golden() -> None:
    """Regenerate tests/data/golden/expected from tests/data/golden/specs."""
    expected = GOLDEN / "expected"
    with tempfile.TemporaryDirectory() as tmp:
        render(Path(tmp), GOLDEN / "specs")
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(tmp, expected)
    print(f"{expected.relative_to(GOLDEN.parent.parent.parent)}: regenerated")


def main() -> None:
    generate_cases.main()
    golden()
    figures.main()


if __name__ == "__main__":
    main()
