"""Benchmarks of sagemaker_typed against raw boto3 and the other baselines, in one run.

    python benchmarks/run.py [--quick] [--json FILE]

1. Cold start: fresh processes (raw boto3 / sagemaker_typed / raw boto3 + a tiny pydantic model).
2. Per call: describe_training_job and create_training_job through botocore's Stubber.
3. Static typing: mypy --strict (cold and warm) and pyright on small user scripts.
4. Codegen: ``python -m codegen --check`` wall time.

Every figure is a median over repeated runs; variants are interleaved run by run. Child
processes run with bytecode precompiled and PYTHONDONTWRITEBYTECODE removed from their
environment, so imports read .pyc files as they would on a user's machine. See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "benchmarks" / "scripts"
SAMPLES = SCRIPTS / "samples"
PYTHON = sys.executable
MIB = 1024 * 1024

COLD_VARIANTS = ("raw", "typed", "floor", "runtime-raw", "runtime-typed", "runtime-floor")
"""Control plane (describe_training_job) and runtime (invoke_endpoint): see scripts/cold_start.py."""
SAMPLE_VARIANTS = ("typed", "resources", "stubs", "floor")


@dataclass(frozen=True)
class Settings:
    cold_runs: int
    call_repeats: int
    call_number: int
    typing_runs: int


FULL = Settings(cold_runs=15, call_repeats=15, call_number=200, typing_runs=3)
QUICK = Settings(cold_runs=5, call_repeats=5, call_number=50, typing_runs=1)


@dataclass
class Row:
    """One line of the table: a figure, its typed value, the baseline and the target."""

    section: str
    figure: str
    unit: str
    typed: float
    baseline: float | None
    baseline_name: str
    target: str  # "" for an informational row
    met: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.typed / self.baseline if self.baseline else None


@dataclass
class Report:
    settings: dict[str, Any]
    environment: dict[str, Any]
    raw: dict[str, Any] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    section: str = ""

    def ratio(self, figure: str, unit: str, typed: float, base: float, base_name: str, limit: float) -> None:
        """A row whose target is ``typed <= limit x base``."""
        met = typed <= base * limit
        self.rows.append(Row(self.section, figure, unit, typed, base, base_name, f"<= {limit:.2f}x", met))

    def info(self, figure: str, unit: str, value: float, base: float | None = None, base_name: str = "") -> None:
        """A row without a target."""
        self.rows.append(Row(self.section, figure, unit, value, base, base_name, "", None))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def rotated(items: Sequence[str], by: int) -> list[str]:
    """``items`` rotated by ``by``: each variant takes each position in turn, run by run."""
    shift = by % len(items)
    return [*items[shift:], *items[:shift]]


def child_env(*, pythonpath: bool = True) -> dict[str, str]:
    """The environment of every child: bytecode caches used, AWS config isolated and fixed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("AWS_")}
    env.update(
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        PYRIGHT_PYTHON_IGNORE_WARNINGS="1",  # no PyPI lookup for a newer pyright on each run
    )
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = str(ROOT)
    return env


def timed_run(
    command: Sequence[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> tuple[float, str, str, int]:
    """Run ``command``; return (wall seconds from spawn to exit, stdout, stderr, exit code)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or child_env(), capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.stdout, done.stderr, done.returncode


def version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


# --- preparation ---------------------------------------------------------------------


def precompile() -> None:
    """Write .pyc files for everything the children import from this repository."""
    command = [PYTHON, "-m", "compileall", "-q", "sagemaker_typed", "codegen", "benchmarks/scripts"]
    wall, _, err, code = timed_run(command)
    if code != 0:
        raise SystemExit(f"compileall failed:\n{err}")
    log(f"precompiled bytecode in {wall:.1f}s (children run without PYTHONDONTWRITEBYTECODE)")


# --- 1. cold start ----------------------------------------------------------------------


def cold_once(variant: str) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run(
        [PYTHON, str(SCRIPTS / "cold_start.py"), variant], env=child_env(), capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"cold start {variant} failed:\n{done.stderr}")
    child = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "wall_process_s": wall,
        "wall_script_s": child["t_end"] - child["t_first"],
        "interpreter_startup_s": child["t_first"] - start,
        "peak_rss_mib": child["maxrss_kib"] / 1024,
    }


def bench_cold_start(settings: Settings, report: Report) -> None:
    log(f"cold start: {settings.cold_runs} runs x {len(COLD_VARIANTS)} variants (+1 untimed warm-up each)")
    for variant in COLD_VARIANTS:
        cold_once(variant)  # warm the OS page cache; not recorded
    runs: dict[str, list[dict[str, float]]] = {v: [] for v in COLD_VARIANTS}
    for i in range(settings.cold_runs):
        for variant in rotated(COLD_VARIANTS, i):
            runs[variant].append(cold_once(variant))
    report.raw["cold_start"] = runs

    def med(variant: str, key: str) -> float:
        return median([r[key] for r in runs[variant]])

    for service, prefix, call in (
        ("control plane", "", "describe_training_job"),
        ("runtime", "runtime-", "invoke_endpoint"),
    ):
        report.section = f"cold start: {service} (import, client, one {call})"
        typed_v, floor_v, raw_v = (prefix + v for v in ("typed", "floor", "raw"))
        for key, label in (
            ("wall_process_s", "wall, whole process (parent clock)"),
            ("wall_script_s", "wall, in script"),
        ):
            typed, floor, raw = (med(v, key) * 1e3 for v in (typed_v, floor_v, raw_v))
            report.ratio(f"{label}: typed vs floor", "ms", typed, floor, "floor", 1.10)
            report.info(f"{label}: typed vs raw", "ms", typed, raw, "raw")
            report.info(f"{label}: floor vs raw", "ms", floor, raw, "raw")
        report.info("interpreter start-up to first line (raw)", "ms", med(raw_v, "interpreter_startup_s") * 1e3)
        typed_rss, raw_rss, floor_rss = (med(v, "peak_rss_mib") for v in (typed_v, raw_v, floor_v))
        extra = f"+{typed_rss - raw_rss:.1f} MiB"
        met = typed_rss <= raw_rss + 15
        report.rows.append(
            Row(
                report.section,
                "peak RSS: typed vs raw",
                "MiB",
                typed_rss,
                raw_rss,
                "raw",
                "<= raw + 15 MiB",
                met,
                extra,
            )
        )
        report.info("peak RSS: floor vs raw", "MiB", floor_rss, raw_rss, "raw")


# --- 2. per call ------------------------------------------------------------------------


def bench_per_call(settings: Settings, report: Report) -> None:
    log(f"per call: {settings.call_repeats} repeats x {settings.call_number} calls per variant")
    command = [PYTHON, str(SCRIPTS / "per_call.py"), "--repeats", str(settings.call_repeats)]
    wall, out, err, code = timed_run([*command, "--number", str(settings.call_number)])
    if code != 0:
        raise SystemExit(f"per-call benchmark failed:\n{err}")
    samples: dict[str, list[float]] = json.loads(out)
    report.raw["per_call_us"] = samples
    med = {name: median(values) for name, values in samples.items()}
    report.section = "per call"
    cases = (
        ("describe_training_job: typed", "describe.typed", "describe.raw"),
        ("create_training_job: typed, keyword args (dicts)", "create.typed_kwargs", "create.raw"),
        ("create_training_job: typed, prebuilt request model", "create.typed_model", "create.raw"),
    )
    for label, typed, raw in cases:
        report.ratio(f"{label}, botocore validation off", "us", med[typed], med[raw], "raw", 1.25)
    for label, typed, raw in cases:
        report.ratio(f"{label}, botocore validation ON", "us", med[f"{typed}_botoval"], med[raw], "raw", 1.25)
    for op in ("describe", "create"):
        report.info(
            f"{op}: raw boto3, validation off (reference)", "us", med[f"{op}.raw_noval"], med[f"{op}.raw"], "raw"
        )
    # The whole botocore pipeline (signing, JSON response parsing) with an HTTP-level stub.
    http = "HTTP-level stub, botocore parses the response"
    report.info(f"describe: typed vs raw, {http}", "us", med["describe.typed_http"], med["describe.raw_http"], "raw")
    report.info(
        f"create (kwargs): typed vs raw, {http}", "us", med["create.typed_kwargs_http"], med["create.raw_http"], "raw"
    )
    log(f"  per-call child took {wall:.1f}s")


# --- 3. static typing ---------------------------------------------------------------------

ERROR_LINE = re.compile(r"^(?P<path>[^:\n]+):\d+(?::\d+)?: error:", re.MULTILINE)


@dataclass
class CheckResult:
    wall_s: float
    cpu_s: float
    sample_errors: int
    library_errors: int
    first_errors: list[str]


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mypy_result(wall: float, cpu: float, out: str, sample: Path) -> CheckResult:
    errors = list(ERROR_LINE.finditer(out))
    mine = [m for m in errors if Path(m.group("path")).name == sample.name and "sagemaker_typed" not in m.group("path")]
    first = [out[m.start() : out.index("\n", m.start())] for m in mine[:3]]
    return CheckResult(wall, cpu, len(mine), len(errors) - len(mine), first)


def pyright_result(wall: float, cpu: float, out: str, sample: Path) -> CheckResult:
    data = json.loads(out)
    errors = [d for d in data.get("generalDiagnostics", []) if d.get("severity") == "error"]
    mine = [d for d in errors if Path(d.get("file", "")).resolve() == sample.resolve()]
    first = [f"{sample.name}:{d['range']['start']['line'] + 1}: {d['message'].splitlines()[0]}" for d in mine[:3]]
    return CheckResult(wall, cpu, len(mine), len(errors) - len(mine), first)


def user_venv(path: Path) -> Path:
    """A virtual environment with sagemaker_typed installed as a user installs it.

    ``pip install <repository>`` builds the wheel and installs it into site-packages (not
    editable), with the dependencies (rich too: mypy follows the runtime's imports of it) pinned
    to this environment's versions, plus mypy-boto3-sagemaker for the stubs' script. An
    existing venv at ``path`` is reused and the package reinstalled. Returns its python.
    """
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([PYTHON, "-m", "venv", str(path)], check=True)
    dists = ("boto3", "botocore", "pydantic", "pydantic-core", "rich", "mypy-boto3-sagemaker")
    pins = [d if version(d) == "not installed" else f"{d}=={version(d)}" for d in dists]
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *pins], check=True, env=child_env(pythonpath=False))
    started = time.perf_counter()
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(ROOT)], check=True, env=child_env(pythonpath=False))
    log(f"  installed sagemaker_typed (non-editable) into {path} in {time.perf_counter() - started:.0f}s")
    return python


class TypingBench:
    """The user scripts copied to a scratch directory, checked against a user's venv."""

    def __init__(self, scratch: Path, python: Path) -> None:
        self.scratch = scratch
        self.python = python
        self.env = child_env(pythonpath=False)
        for variant in SAMPLE_VARIANTS:
            shutil.copy(SAMPLES / f"{variant}_sample.py", scratch / f"{variant}_sample.py")
        # Nothing on the checkers' path but the venv: sagemaker_typed comes from its site-packages.
        (scratch / "mypy.ini").write_text("[mypy]\n")
        pyright_config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
        (scratch / "pyrightconfig.json").write_text(json.dumps(pyright_config))
        self.warm_cache: dict[str, Path] = {}
        self.edits = 0

    def sample(self, variant: str) -> Path:
        return self.scratch / f"{variant}_sample.py"

    def _run(self, command: list[str]) -> tuple[float, float, str]:
        cpu = children_cpu()
        wall, out, err, code = timed_run(command, cwd=self.scratch, env=self.env)
        if code not in (0, 1):
            raise SystemExit(f"{command[2]} failed:\n{out}\n{err}")
        return wall, children_cpu() - cpu, out

    def mypy(self, variant: str, cache: Path, *, incremental: bool) -> CheckResult:
        command = [PYTHON, "-m", "mypy", "--strict", "--config-file", str(self.scratch / "mypy.ini")]
        command += ["--python-executable", str(self.python), "--cache-dir", str(cache)]
        command += [] if incremental else ["--no-incremental"]
        wall, cpu, out = self._run([*command, self.sample(variant).name])
        return mypy_result(wall, cpu, out, self.sample(variant))

    def mypy_cold(self, variant: str, run: int) -> CheckResult:
        cache = self.scratch / f"mypy-cache-{variant}-{run}"  # fresh and empty
        result = self.mypy(variant, cache, incremental=False)
        self.warm_cache[variant] = cache  # --no-incremental still writes the cache: reused warm
        return result

    def mypy_warm(self, variant: str) -> CheckResult:
        self.edits += 1
        with self.sample(variant).open("a") as sample:
            sample.write(f"# edit {self.edits}\n")
        return self.mypy(variant, self.warm_cache[variant], incremental=True)

    def pyright(self, variant: str) -> CheckResult:
        command = [PYTHON, "-m", "pyright", "--outputjson", "--pythonpath", str(self.python)]
        wall, cpu, out = self._run([*command, str(self.sample(variant))])
        return pyright_result(wall, cpu, out, self.sample(variant))


TYPING_TARGETS = {"mypy_cold": 1.25, "mypy_warm": 1.10, "pyright": 1.10}
"""Issue 9: typed <= this x the floor (medians, the package installed as a user has it)."""


def bench_typing(settings: Settings, report: Report, venv: Path | None) -> None:
    runs = settings.typing_runs
    log(f"static typing: mypy cold/warm and pyright, {runs} run(s) x {len(SAMPLE_VARIANTS)} scripts")
    kinds = ("mypy_cold", "mypy_warm", "pyright")
    results: dict[str, dict[str, list[CheckResult]]] = {kind: {v: [] for v in SAMPLE_VARIANTS} for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="sm-typing-bench-") as tmp:
        python = user_venv(venv or Path(tmp) / "venv")
        probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('mypy-boto3-sagemaker'))"]
        report.environment["mypy-boto3-sagemaker"] = subprocess.run(
            probe, capture_output=True, text=True
        ).stdout.strip()
        bench = TypingBench(Path(tmp), python)
        for i in range(runs):
            for variant in rotated(SAMPLE_VARIANTS, i):
                results["mypy_cold"][variant].append(bench.mypy_cold(variant, i))
        for i in range(runs):
            for variant in rotated(SAMPLE_VARIANTS, i):
                results["mypy_warm"][variant].append(bench.mypy_warm(variant))
        for i in range(runs):
            for variant in rotated(SAMPLE_VARIANTS, i):
                results["pyright"][variant].append(bench.pyright(variant))
    report.raw["typing"] = {k: {v: [asdict(r) for r in rs] for v, rs in d.items()} for k, d in results.items()}

    def med(kind: str, variant: str, clock: str = "wall_s") -> float:
        return median([getattr(r, clock) for r in results[kind][variant]])

    report.section = "static typing (package installed in a venv, not editable)"
    labels = {
        "mypy_cold": "mypy --strict, cold",
        "mypy_warm": "mypy --strict, warm (1 edit)",
        "pyright": "pyright strict",
    }
    for kind, label in labels.items():
        typed, stubs, floor = (med(kind, v) for v in ("typed", "stubs", "floor"))
        report.ratio(f"{label}: typed vs floor", "s", typed, floor, "floor", TYPING_TARGETS[kind])
        report.info(f"{label}: typed vs mypy-boto3 stubs", "s", typed, stubs, "stubs")
        report.info(f"{label}: mypy-boto3 stubs vs floor", "s", stubs, floor, "floor")
        typed_cpu, floor_cpu = (med(kind, v, "cpu_s") for v in ("typed", "floor"))
        report.info(f"{label}: typed vs floor, CPU time", "s", typed_cpu, floor_cpu, "floor")
        # The same script written with resources (sagemaker_typed.resources) instead of client calls.
        with_resources, resources_cpu = med(kind, "resources"), med(kind, "resources", "cpu_s")
        report.info(f"{label}: with resources vs client only", "s", with_resources, typed, "typed")
        report.info(f"{label}: with resources vs client only, CPU time", "s", resources_cpu, typed_cpu, "typed")
    for kind, checker in (("mypy_cold", "mypy --strict"), ("pyright", "pyright strict")):
        for variant in SAMPLE_VARIANTS:
            last = results[kind][variant][-1]
            verdict = "passes" if last.sample_errors == 0 else f"FAILS with {last.sample_errors} error(s) in the script"
            line = f"{checker} on {variant}_sample.py: {verdict}"
            if last.library_errors:
                line += f"; {last.library_errors} error(s) reported inside imported modules (sagemaker_typed)"
            report.checks.append(line + "".join(f"\n      {e}" for e in last.first_errors))


# --- 4. codegen ---------------------------------------------------------------------------


def bench_codegen(report: Report) -> None:
    log("codegen: python -m codegen --check (once)")
    wall, out, err, code = timed_run([PYTHON, "-m", "codegen", "--check"], env=child_env(pythonpath=False))
    report.raw["codegen"] = {"wall_s": wall, "exit_code": code, "stdout": out.strip(), "stderr": err.strip()[-2000:]}
    note = out.strip().splitlines()[-1] if out.strip() else ""
    if code != 0:
        note = f"exit {code}: {(err.strip().splitlines() or ['?'])[-1]}"
    report.rows.append(Row("codegen", "full regeneration (--check)", "s", wall, None, "", "<= 60 s", wall <= 60, note))
    report.checks.append(f"codegen --check: {'up to date' if code == 0 else 'FAILED'} ({note})")


# --- output -----------------------------------------------------------------------------


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    digits = 0 if unit in ("us", "ms") else (1 if unit == "MiB" else 2)
    return f"{value:,.{digits}f} {unit}"


def table(report: Report) -> str:
    header = ("figure", "typed", "baseline", "ratio", "target", "met?")
    lines: list[tuple[str, ...]] = []
    section = ""
    for row in report.rows:
        if row.section != section:
            section = row.section
            lines.append((f"[{section}]", "", "", "", "", ""))
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        met = "" if row.met is None else ("yes" if row.met else "NO")
        base = f"{fmt(row.baseline, row.unit)} ({row.baseline_name})" if row.baseline is not None else "-"
        figure = f"  {row.figure}" + (f" [{row.note}]" if row.note else "")
        lines.append((figure, fmt(row.typed, row.unit), base, ratio, row.target or "(info)", met))
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]

    def render(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [render(header), "  ".join("-" * w for w in widths), *(render(r) for r in lines)]
    return "\n".join(out)


def environment() -> dict[str, Any]:
    env: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "bytecode": "precompiled (compileall); children run without PYTHONDONTWRITEBYTECODE",
        "load_average_at_start": os.getloadavg(),
    }
    for dist in ("boto3", "botocore", "pydantic", "pydantic-core", "mypy", "pyright", "mypy-boto3-sagemaker"):
        env[dist] = version(dist)
    return env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a ~1 minute smoke run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every raw number to FILE")
    parser.add_argument(
        "--typing-venv", type=Path, metavar="DIR", help="the user venv for the typing figures (made if missing; reused)"
    )
    parser.add_argument(
        "--only", choices=("cold", "call", "typing", "codegen"), action="append", help="run only these sections"
    )
    parser.add_argument("--cold-runs", type=int, metavar="N", help="cold-start runs per variant (default 15, 5 quick)")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.cold_runs:
        settings = Settings(args.cold_runs, settings.call_repeats, settings.call_number, settings.typing_runs)
    report = Report(settings=asdict(settings) | {"quick": args.quick}, environment=environment())
    started = time.perf_counter()
    precompile()
    only = set(args.only or ("cold", "call", "typing", "codegen"))
    if "cold" in only:
        bench_cold_start(settings, report)
    if "call" in only:
        bench_per_call(settings, report)
    if "typing" in only:
        bench_typing(settings, report, args.typing_venv)
    if "codegen" in only:
        bench_codegen(report)
    total = time.perf_counter() - started
    report.environment["benchmark_wall_s"] = total
    report.environment["load_average_at_end"] = os.getloadavg()

    env = report.environment
    print(
        f"sagemaker_typed benchmarks ({'quick' if args.quick else 'full'}; medians; python {env['python']}, "
        f"{env['cpus']} CPUs; boto3 {env['boto3']}, pydantic {env['pydantic']}, mypy {env['mypy']}, "
        f"pyright {env['pyright']}, mypy-boto3-sagemaker {env['mypy-boto3-sagemaker']})"
    )
    print(
        f"runs: cold start {settings.cold_runs}/variant, per call {settings.call_repeats} x {settings.call_number} "
        f"calls, typing {settings.typing_runs}/variant. Bytecode precompiled; children run with "
        "PYTHONDONTWRITEBYTECODE removed."
    )
    busy = max(env["load_average_at_start"][0], env["load_average_at_end"][0])
    if busy > 1.0:
        print(
            f"WARNING: load average reached {busy:.1f} on {env['cpus']} CPUs: other processes were running, "
            "the figures are noisy (run again on an idle machine)."
        )
    print()
    print(table(report))
    print()
    print("checks:")
    for check in report.checks:
        print(f"  - {check}")
    missed = [row for row in report.rows if row.met is False]
    print()
    print(f"{len(missed)} target(s) missed; benchmark took {total:.0f}s")
    if args.json:
        payload = asdict(report) | {"rows": [asdict(r) | {"ratio": r.ratio} for r in report.rows]}
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"raw numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
