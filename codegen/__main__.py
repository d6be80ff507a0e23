"""Regenerate the generated part of ``sagemaker_typed`` from specs/.

``python -m codegen`` writes it; ``python -m codegen --check`` fails (exit 1) when the
checked-in code differs from what specs/ gives. Generation happens in a temporary directory,
is formatted there with ruff, then swapped in, so a failed run leaves the tree untouched.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import emit
from .parse import SPECS, load

ROOT = Path(__file__).resolve().parent.parent


def render(out: Path, specs: Path = SPECS) -> None:
    """Write every generated file for ``specs`` under ``out`` (a stand-in for the repository root)."""
    files = emit.files(load(specs))
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--quiet", "--config", str(ROOT / "pyproject.toml"), str(out)],
        check=True,
    )


def generated(root: Path) -> set[Path]:
    """The generated files present under ``root``, relative to it."""
    found = {p.relative_to(root) for d in emit.GENERATED_DIRS for p in (root / d).rglob("*.py")}
    return found | {Path(f) for f in emit.GENERATED_FILES if (root / f).exists()}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the checked-in code is stale")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        render(out)
        new, old = generated(out), generated(ROOT)
        changed = sorted(p for p in new if p not in old or not filecmp.cmp(out / p, ROOT / p, shallow=False))
        stale = sorted(old - new)
        if args.check:
            for path in changed + stale:
                print(f"out of date: {path}", file=sys.stderr)
            if changed or stale:
                print("generated code differs from specs/: run `nox -s codegen`", file=sys.stderr)
                return 1
            print(f"generated code matches specs/ ({len(new)} files)")
            return 0
        for path in stale:
            (ROOT / path).unlink()
        for path in changed:
            (ROOT / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / path, ROOT / path)
    print(f"{len(changed)} written, {len(stale)} removed, {len(new)} generated in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
