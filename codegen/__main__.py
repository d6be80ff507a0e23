"""Regenerate the generated part of ``sagemaker_typed`` from specs/.

``python -m codegen`` writes it; ``python -m codegen --check`` fails (exit 1) when the
checked-in code differs from what specs/ gives. Generation happens in a temporary directory,
is formatted there with ruff, then swapped in, so a failed run leaves the tree untouched.
``python -m codegen changelog OLD NEW [--sdk]`` prints what changed between two service models.
``python -m codegen site [OUT]`` writes the reference site's page sources (``nox -s docs`` builds them).
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import changelog, emit, emit_site
from .parse import SPECS, load, services

ROOT = Path(__file__).resolve().parent.parent


def render(out: Path, specs: Path = SPECS) -> None:
    """Write every generated file for ``specs`` under ``out`` (a stand-in for the repository root)."""
    files = emit.family([load(specs, service) for service in services(specs)])
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--quiet", "--config", str(ROOT / "pyproject.toml"), str(out)],
        check=True,
    )


SITE_SOURCES = Path("build/site-src")


def write_site(out: Path, specs: Path = SPECS) -> int:
    """Write the site's page sources into ``out``, emptied first (they are generated, never kept)."""
    started = time.perf_counter()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    log = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    count = 0
    for page in emit_site.full_site([load(specs, s) for s in services(specs)], readme, log):
        path = out / (page.path + emit_site.SOURCE_SUFFIX)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
        count += 1
    print(f"{count} pages written to {out} in {time.perf_counter() - started:.1f}s")
    return 0


def generated(root: Path) -> set[Path]:
    """The generated files present under ``root``, relative to it."""
    found = {p.relative_to(root) for d in emit.GENERATED_DIRS for p in (root / d).rglob("*.py")}
    return found | {Path(f) for f in emit.GENERATED_FILES if (root / f).exists()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the checked-in code is stale")
    commands = parser.add_subparsers(dest="command", metavar="{changelog}")
    log = commands.add_parser(
        "changelog",
        help="print what changed between two service models",
        description=changelog.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    log.add_argument("old", help="a botocore version, or a directory holding a service-2.json(.gz)")
    log.add_argument("new", help="the same, for the newer model")
    log.add_argument("--sdk", action="store_true", help="also list the changes by this SDK's names")
    log.add_argument("--no-docs", action="store_true", help="leave out each method's documentation")
    log.add_argument(
        "--service",
        action="append",
        help="the botocore service name (repeatable; default: the services in specs/provenance.json)",
    )
    log.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        help="the entry's date, YYYY-MM-DD (default: the day the new botocore release was built, else today)",
    )
    pages = commands.add_parser("site", help="write the reference site's Markdown pages (nox -s docs builds them)")
    pages.add_argument("out", nargs="?", type=Path, default=SITE_SOURCES, help=f"default: {SITE_SOURCES}")
    args = parser.parse_args(argv)
    if args.command == "site":
        return write_site(args.out)
    if args.command == "changelog":
        services = args.service or changelog.default_services(args.old, args.new)
        return changelog.main(args.old, args.new, services, sdk=args.sdk, docs=not args.no_docs, date=args.date)
    return generate(check=args.check)


def generate(check: bool) -> int:
    """Write the generated code, or (``check``) report whether it is stale."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        render(out)
        new, old = generated(out), generated(ROOT)
        changed = sorted(p for p in new if p not in old or not filecmp.cmp(out / p, ROOT / p, shallow=False))
        stale = sorted(old - new)
        if check:
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
