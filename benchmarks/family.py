"""What one service of the family costs, alone: import time, peak RSS, and type checking.

    python benchmarks/family.py [--runs N] [--no-typing] [--json FILE]

For each service of ``sagemaker_typed._meta.SERVICES``, in fresh processes:

1. Import: ``from <package> import <Client>`` (the client module, which loads botocore and
   the runtime; models load on first use) and ``<package>.models``: median wall time of
   the import statement, peak RSS (``ru_maxrss``) at exit, and the modules of *other*
   services that the import loaded (must be none). ``import botocore.session`` alone is the
   baseline (what any boto3-based client of one service pays), interleaved with the two run
   by run, so that a ratio survives a busy machine.
2. Typing: a sample script of one call per service (``SAMPLES``), checked cold by
   ``mypy --strict`` (a fresh cache directory each run) and by ``pyright``, alternated with
   the floor (``scripts/samples/floor_sample.py``: one pydantic model): wall time, ratio, and
   the other services whose modules mypy analysed (read from its cache).

Children run with bytecode precompiled and without PYTHONDONTWRITEBYTECODE (see README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sagemaker_typed._meta import SERVICES  # noqa: E402

CLIENTS = {
    "sagemaker": "SageMakerClient",
    "sagemaker-a2i-runtime": "SageMakerA2IRuntimeClient",
    "sagemaker-edge": "SageMakerEdgeClient",
    "sagemaker-featurestore-runtime": "SageMakerFeatureStoreRuntimeClient",
    "sagemaker-gateway-runtime": "SageMakerGatewayRuntimeClient",
    "sagemaker-geospatial": "SageMakerGeospatialClient",
    "sagemaker-inference-router-runtime": "SageMakerInferenceRouterRuntimeClient",
    "sagemaker-metrics": "SageMakerMetricsClient",
    "sagemaker-runtime": "SageMakerRuntimeClient",
    "sagemakerjobruntime": "SageMakerJobRuntimeClient",
    "sagemakertrainingsessionruntime": "SageMakerTrainingSessionRuntimeClient",
}
"""The client class of each service (the generated ``__init__`` names it; kept here so that the
benchmark imports nothing of a service before measuring it)."""

JOB = "arn:aws:sagemaker:us-east-1:123456789012:job/training/j"
EO_JOB = "arn:aws:sagemaker-geospatial:us-west-2:123456789012:earth-observation-job/abcd1234efgh"
SAMPLES = {
    "sagemaker": 'c.describe_training_job(training_job_name="j").training_job_status',
    "sagemaker-a2i-runtime": 'c.describe_human_loop(human_loop_name="h").human_loop_status',
    "sagemaker-edge": 'c.get_device_registration(device_name="d", device_fleet_name="f").device_registration',
    "sagemaker-featurestore-runtime": (
        'c.get_record(feature_group_name="g", record_identifier_value_as_string="1").record'
    ),
    "sagemaker-gateway-runtime": (
        'c.invoke_global_inference_gateway(gateway_id="gw", content_type="application/json", body=b"{}").body'
    ),
    "sagemaker-geospatial": f'c.get_earth_observation_job(arn="{EO_JOB}").status',
    "sagemaker-inference-router-runtime": (
        'c.invoke_inference_router(inference_router_name="r", routing_target_name="t", body=b"{}").body'
    ),
    "sagemaker-metrics": 'c.batch_put_metrics(trial_component_name="t", metric_data=[]).errors',
    "sagemaker-runtime": 'c.invoke_endpoint(endpoint_name="e", body=b"{}").body',
    "sagemakerjobruntime": f'c.sample(job_arn="{JOB}", trajectory_id="t", body=b"{{}}").body',
    "sagemakertrainingsessionruntime": 'c.sample_training_session(training_session_name="s", body=b"{}").body',
}

IMPORT_SCRIPT = """\
import resource, sys, time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
mine = {package!r}
others = sorted({{
    p for p in {packages!r}
    if p != mine and p != "sagemaker_typed" and any(m == p or m.startswith(p + ".") for m in sys.modules)
}})
control = ("sagemaker_typed.client", "sagemaker_typed.models", "sagemaker_typed.errors")
if mine != "sagemaker_typed" and any(m.startswith(control) for m in sys.modules):
    others.insert(0, "sagemaker_typed (control plane)")
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, ",".join(others))
"""


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_import(statement: str, package: str) -> tuple[float, float, set[str]]:
    """One fresh process: the import's wall time (ms), peak RSS (MiB), other services loaded."""
    script = IMPORT_SCRIPT.format(statement=statement, package=package, packages=sorted(SERVICES.values()))
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=child_env(), cwd=ROOT
    ).stdout.split(" ")
    return float(out[0]) * 1000, int(out[1]) / 1024, {o for o in out[2].strip().split(",") if o}


def measure_imports(variants: dict[str, tuple[str, str]], runs: int) -> dict[str, dict[str, Any]]:
    """Each variant (statement, package) in fresh processes, interleaved run by run in rotated order."""
    names = list(variants)
    times: dict[str, list[float]] = {n: [] for n in names}
    rss: dict[str, list[float]] = {n: [] for n in names}
    others: dict[str, set[str]] = {n: set() for n in names}
    for run in range(runs + 1):  # the first round warms up
        for name in names[run % len(names) :] + names[: run % len(names)]:
            ms, mib, loaded = run_import(*variants[name])
            if run:
                times[name].append(ms)
                rss[name].append(mib)
            others[name] |= loaded
    return {
        n: {"ms": statistics.median(times[n]), "rss_mib": statistics.median(rss[n]), "others": sorted(others[n])}
        for n in names
    }


def sample(service: str) -> str:
    package, client = SERVICES[service], CLIENTS[service]
    return f"from {package} import {client}\n\nc = {client}()\nresult = {SAMPLES[service]}\n"


def mypy(path: Path, work: Path) -> tuple[float, set[str]]:
    """Cold ``mypy --strict`` on one file: wall time (s), and the subpackages of sagemaker_typed it analysed."""
    cache = work / f"mypy-cache-{path.stem}"
    start = time.perf_counter()
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "mypy"),
            "--strict",
            "--no-sqlite-cache",
            "--cache-dir",
            str(cache),
            str(path),
        ],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=work,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"mypy failed on {path.name}:\n{result.stdout}")
    analysed = {
        p.name
        for version in cache.iterdir()
        if (version / "sagemaker_typed").is_dir()
        for p in (version / "sagemaker_typed").iterdir()
        if p.is_dir() and not p.name.startswith("_")
    }
    shutil.rmtree(cache, ignore_errors=True)
    return elapsed, analysed


def pyright(path: Path, work: Path) -> float | None:
    """pyright on one file: wall time (s), None without pyright."""
    command = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if command is None:
        return None
    start = time.perf_counter()
    result = subprocess.run(
        [command, "--pythonpath", sys.executable, str(path)], capture_output=True, text=True, env=child_env(), cwd=work
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"pyright failed on {path.name}:\n{result.stdout}")
    return elapsed


FLOOR = ROOT / "benchmarks" / "scripts" / "samples" / "floor_sample.py"


def measure_typing(service: str, runs: int, work: Path) -> dict[str, Any]:
    """The service's sample and the floor (one pydantic model), alternated run by run."""
    path = work / f"sample_{service.replace('-', '_')}.py"
    path.write_text(sample(service), encoding="utf-8")
    times: dict[str, list[float]] = {"mypy": [], "floor_mypy": [], "pyright": [], "floor_pyright": []}
    analysed: set[str] = set()
    for _ in range(runs):
        elapsed, seen = mypy(path, work)
        times["mypy"].append(elapsed)
        analysed |= seen
        times["floor_mypy"].append(mypy(FLOOR, work)[0])
        for key, file in (("pyright", path), ("floor_pyright", FLOOR)):
            took = pyright(file, work)
            if took is not None:
                times[key].append(took)
    own = SERVICES[service].rpartition(".")[2] if "." in SERVICES[service] else None
    subpackages = {p.rpartition(".")[2] for p in SERVICES.values() if "." in p}
    control = {"models (control plane)"} if service != "sagemaker" and "models" in analysed else set()
    figures: dict[str, Any] = {k: statistics.median(v) if v else None for k, v in times.items()}
    figures["others"] = sorted((analysed & subpackages) - {own} | control)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="import runs per service (default: %(default)s)")
    parser.add_argument("--typing-runs", type=int, default=1, help="cold mypy/pyright runs per service")
    parser.add_argument("--no-typing", action="store_true", help="skip mypy and pyright")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    subprocess.run([sys.executable, "-m", "compileall", "-q", "sagemaker_typed"], cwd=ROOT, check=True)
    figures: dict[str, Any] = {"services": {}}
    print(
        f"{'service':33} {'client ms':>9} {'x base':>6} {'RSS MiB':>8} {'+base':>6} {'models ms':>9} "
        f"{'mypy s':>7} {'x floor':>7} {'pyright s':>9} {'x floor':>7}  other services loaded"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for service, package in SERVICES.items():
            imports = measure_imports(
                {
                    "baseline": ("import botocore.session", package),
                    "client": (f"from {package} import {CLIENTS[service]}", package),
                    "models": (f"import {package}.models", package),
                },
                args.runs,
            )
            typing = None if args.no_typing else measure_typing(service, args.typing_runs, Path(tmp))
            figures["services"][service] = {**imports, "typing": typing}
            base, client, models = imports["baseline"], imports["client"], imports["models"]
            others = sorted(set(client["others"]) | set(models["others"]) | set(typing["others"] if typing else []))
            row = (
                f"{service:33} {client['ms']:9.1f} {client['ms'] / base['ms']:6.2f} {client['rss_mib']:8.1f} "
                f"{client['rss_mib'] - base['rss_mib']:+6.1f} {models['ms']:9.1f} "
            )
            if typing:
                row += f"{typing['mypy']:7.1f} {typing['mypy'] / typing['floor_mypy']:7.2f} "
                if typing["pyright"] is not None:
                    row += f"{typing['pyright']:9.1f} {typing['pyright'] / typing['floor_pyright']:7.2f}"
            print(f"{row}  {', '.join(others) or 'none'}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
