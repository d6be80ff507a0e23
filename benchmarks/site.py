"""The reference site's budgets (issue 19): build time, page sizes, search index, whole site.

    .venv/bin/python benchmarks/site.py           # write the pages, build them, measure (needs the docs extra)
    .venv/bin/python benchmarks/site.py --no-build   # measure the site/ already built

Budgets: the full build (pages from specs/ + MkDocs) under 5 minutes on the 2-core development
machine, no page over 1 MB, the search index under 10 MB, the whole site a size a static host
takes (GitHub Pages: 1 GB a site, 100 MB a file). Wall and CPU time are both printed: on a
shared machine the wall clock counts the other processes too (the load average is printed).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
MB = 1_000_000


def _timed(command: list[str]) -> tuple[float, float]:
    """Run a command; its wall time and its CPU time (user + system, children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="measure the site/ already built")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []
    if not args.no_build:
        load = os.getloadavg()[0]
        pages_wall, pages_cpu = _timed([sys.executable, "-m", "codegen", "site"])
        build_wall, build_cpu = _timed(
            [sys.executable, "-m", "mkdocs", "build", "--strict"]
        )  # not -q: it hides warnings from --strict
        total = pages_wall + build_wall
        rows += [
            ("pages from specs/ (python -m codegen site)", f"{pages_wall:.0f} s wall, {pages_cpu:.0f} s CPU", "", ""),
            ("mkdocs build --strict", f"{build_wall:.0f} s wall, {build_cpu:.0f} s CPU", "", ""),
            ("full build", f"{total:.0f} s wall", "< 300 s", _met(total < 300)),
            ("load average at the start (2 cores)", f"{load:.1f}", "", ""),
        ]
    files = [p for p in SITE.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = SITE / "search" / "search_index.json"
    index_bytes = index.stat().st_size
    index_gzip = len(gzip.compress(index.read_bytes(), 6))
    size = sum(p.stat().st_size for p in files)
    by_size = sorted(p.stat().st_size for p in pages)
    rows += [
        ("HTML pages", f"{len(pages):,}", "", ""),
        ("files in the site", f"{len(files):,}", "", ""),
        (
            f"largest page ({largest.relative_to(SITE)})",
            f"{largest.stat().st_size / MB:.2f} MB",
            "< 1 MB",
            _met(largest.stat().st_size < MB),
        ),
        ("median page", f"{by_size[len(by_size) // 2] / 1000:.0f} kB", "", ""),
        (
            "search index (search/search_index.json)",
            f"{index_bytes / MB:.1f} MB ({index_gzip / MB:.1f} MB gzipped)",
            "< 10 MB",
            _met(index_bytes < 10 * MB),
        ),
        ("whole site", f"{size / MB:.0f} MB", "< 1 GB", _met(size < 1000 * MB)),
    ]
    width = max(len(r[0]) for r in rows)
    value = max(len(r[1]) for r in rows)
    print(f"{'figure':<{width}}  {'value':>{value}}  {'budget':>7}  met?")
    for name, measured, budget, met in rows:
        print(f"{name:<{width}}  {measured:>{value}}  {budget:>7}  {met}")
    return 0


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"


if __name__ == "__main__":
    sys.exit(main())
