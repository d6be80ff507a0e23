"""What importing costs: the package, its resources, one resource class; with ``--before REV``
the same statements on another commit of the package, side by side.

    python benchmarks/scripts/imports.py [--runs 15] [--before REV] [--json FILE]

Each statement runs in a fresh process (bytecode compiled beforehand, ``PYTHONDONTWRITEBYTECODE``
removed, as ``run.py`` does), which times the statement alone with ``time.perf_counter`` and
reports its CPU time and peak RSS (VmHWM), how many of the package's modules it loaded and whether rich was imported
(it must not be: rich is for a wait that draws). Statements are interleaved run by run (rotated
order); medians are printed.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

STATEMENTS = (
    "import sagemaker_typed",
    "from sagemaker_typed import SageMakerClient",
    "import sagemaker_typed.resources",
    "from sagemaker_typed.resources import TrainingJob",
    "from sagemaker_typed.resources import Endpoint",
)
BEFORE_STATEMENTS = STATEMENTS[:2]
"""What exists before the resources."""

CHILD = """
import sys, time
start, cpu = time.perf_counter(), time.process_time()
exec(sys.argv[1])
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
import json, re
with open("/proc/self/status") as status:  # this process's own high-water mark (ru_maxrss can carry the parent's)
    hwm = int(re.search(r"VmHWM:\\s+(\\d+)", status.read())[1])
ours = [m for m in sys.modules if m == "sagemaker_typed" or m.startswith("sagemaker_typed.")]
print(json.dumps({
    "s": elapsed,
    "cpu_s": cpu,
    "rss_kib": hwm,
    "modules": len(ours),
    "rich": "rich" in sys.modules,
    "file": sys.modules["sagemaker_typed"].__file__,
}))
"""


def environment(path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(path)
    return env


def once(statement: str, path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, statement],
        env=environment(path),
        cwd="/",  # not a directory holding a sagemaker_typed (``-c`` puts the working directory first)
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    assert str(result["file"]).startswith(str(path)), result["file"]
    return result


def checkout(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "sagemaker_typed"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", metavar="REV", help="also time the statements that exist there on this commit")
    parser.add_argument("--json", type=Path, metavar="FILE")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sm-imports-") as tmp:
        variants = [(statement, "this tree", ROOT) for statement in STATEMENTS]
        if args.before:
            before = checkout(args.before, Path(tmp))
            variants = [(statement, args.before, before) for statement in BEFORE_STATEMENTS] + variants
        for path in {path for _, _, path in variants}:
            compileall.compile_dir(path / "sagemaker_typed", quiet=1)
        for statement, _, path in variants:  # warm-up: the file system's cache
            once(statement, path)
        results: dict[int, list[dict[str, object]]] = {i: [] for i in range(len(variants))}
        for run in range(args.runs):
            order = list(range(len(variants)))
            order = order[run % len(order) :] + order[: run % len(order)]
            for i in order:
                results[i].append(once(variants[i][0], variants[i][2]))
    print(f"imports: median of {args.runs} fresh processes, python {sys.version.split()[0]}")
    print(f"{'statement':<52} {'tree':<10} {'wall':>9} {'CPU':>9} {'peak RSS':>10} {'modules':>8} {'rich':>5}")
    rows = []
    for i, (statement, tree, _) in enumerate(variants):
        ms = statistics.median(float(r["s"]) for r in results[i]) * 1000  # type: ignore[arg-type]
        cpu = statistics.median(float(r["cpu_s"]) for r in results[i]) * 1000  # type: ignore[arg-type]
        rss = statistics.median(int(r["rss_kib"]) for r in results[i]) / 1024  # type: ignore[call-overload]
        modules = results[i][-1]["modules"]
        rich = any(bool(r["rich"]) for r in results[i])
        rows.append(
            {"statement": statement, "tree": tree, "ms": ms, "cpu_ms": cpu, "rss_mib": rss, "modules": modules}
            | {"rich": rich}
        )
        line = f"{statement:<52} {tree:<10} {ms:7.1f}ms {cpu:7.1f}ms {rss:7.1f}MiB {modules:>8}"
        print(f"{line} {'yes' if rich else 'no':>5}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "raw": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
