"""The type-checking lab: variants of the type-time declarations, timed side by side.

    python benchmarks/typing_lab.py [--runs N] [--variants a,b,...] [--list]

Each variant is a copy of ``sagemaker_typed`` (the checkout's runtime plus some form of the
generated type-time declarations) installed into its own virtual environment's
site-packages, as a user has the package (the dependencies come from one shared base venv
through a ``.pth`` file). Every run times, per variant and interleaved (rotated order):
``mypy --strict`` cold (fresh cache), warm (the same cache, the script edited) and pyright
strict, on ``scripts/samples/typed_sample.py`` (``resources_sample.py`` for the ``resources``
variant: the same script written with ``sagemaker_typed.resources``); the floor (one pydantic model) and the
mypy-boto3-sagemaker script run in the base venv as references. Medians and ratios to the
floor are printed; ``--json`` keeps every number. The figures of the variants tried for
issue 9 are in RESULTS.md ("Type-time declarations").

Variants are text or IR transforms of what ``codegen.emit_stubs`` renders, so a form that
wins here can move into the emitter as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "benchmarks" / "scripts" / "samples"
sys.path.insert(0, str(ROOT))

from codegen import emit_stubs, ir  # noqa: E402
from codegen.parse import load  # noqa: E402

PYTHON = sys.executable
DEPENDENCIES = [
    "boto3==1.44.8",
    "botocore==1.44.8",
    "pydantic==2.14.4",
    "typing-extensions",
    "rich",
    "mypy-boto3-sagemaker",
]

Stubs = dict[str, str]
"""Path inside the package (``models/__init__.pyi``) -> text."""


def _rendered(service: ir.Service) -> Stubs:
    return {k.removeprefix("sagemaker_typed/"): v for k, v in emit_stubs.files(service).items()}


def _no_docstrings(stubs: Stubs) -> Stubs:
    pattern = re.compile(r'^[ \t]*(?:"""(?:[^"\\]|\\.|"(?!""))*"""|\'[^\n]*\')[ \t]*\n', re.MULTILINE)
    out = {}
    for path, text in stubs.items():
        head, _, rest = text.partition("\n")
        # a class left without a body gets ``...``
        body = pattern.sub("", rest)
        out[path] = head + "\n" + re.sub(r"^(class [^\n]*:\n)(?!    )", r"\1    ...\n", body, flags=re.MULTILINE)
    return out


_FINAL = re.compile(r"^    (\w+): _t\.Final\[(.*)\]$", re.MULTILINE)


def _properties(service: ir.Service) -> Stubs:
    """Fields as read-only properties instead of ``Final`` attributes."""
    stubs = _rendered(service)
    models = stubs["models/__init__.pyi"]
    stubs["models/__init__.pyi"] = _FINAL.sub(r"    @property\n    def \1(self) -> \2: ...", models)
    return stubs


def _expanded(service: ir.Service) -> Stubs:
    """Fields and parameters written with the named types expanded (``int | None``, not
    ``TrainingInstanceCount | None``); the named types are still declared. Docstrings off."""
    classes = {n for n, shape in service.shapes.items() if isinstance(shape, (ir.Structure, ir.Enum))}

    def expand(name: str) -> str:
        shape = service.shapes[name]
        if name in classes:
            return name
        if isinstance(shape, ir.List):
            return f"list[{expand(shape.member)}]"
        if isinstance(shape, ir.Map):
            return f"dict[{expand(shape.key)}, {expand(shape.value)}]"
        return emit_stubs.type_of(shape)

    names = {n: expand(n) for n in service.shapes if n not in classes}
    word = re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    out = {}
    for path, text in _no_docstrings(_rendered(service)).items():
        lines = []
        for line in text.splitlines(keepends=True):
            head, sep, rest = line.partition(": _t.TypeAlias = ")
            if sep or line.startswith("from "):
                lines.append(head + sep + word.sub(lambda m: names[m.group(1)], rest) if sep else line)
            else:
                lines.append(word.sub(lambda m: names[m.group(1)], line))
        out[path] = "".join(lines)
    return out


BEFORE = "79e8ce1"
"""The last commit before the type-time view (issue 9): runtime modules only."""

VARIANTS: dict[str, Callable[[ir.Service], Stubs | None]] = {
    "before": lambda service: None,  # the package of BEFORE, as it was
    "stubs": _rendered,  # what codegen generates
    "resources": _rendered,  # the same package, checked on resources_sample.py (the script with resources)
    "stubs-nodoc": lambda service: _no_docstrings(_rendered(service)),
    "stubs-properties": _properties,
    "models-stub-only": lambda service: {"models/__init__.pyi": _rendered(service)["models/__init__.pyi"]},
    "expanded-nodoc": _expanded,
}


def _venv(lab: Path, name: str, base: Path, stubs: Stubs | None, before: str = BEFORE) -> Path:
    """A venv whose site-packages holds this variant of the package; deps via base's .pth."""
    env = lab / name
    if env.exists():
        shutil.rmtree(env)
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(env)], check=True)
    site = next(env.glob("lib/python*/site-packages"))
    (site / "_lab_base.pth").write_text(str(next(base.glob("lib/python*/site-packages"))) + "\n")
    package = site / "sagemaker_typed"
    if name == "before":
        command = ["git", "archive", before, "sagemaker_typed"]
        archive = subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(site)], input=archive.stdout, check=True)
        return env / "bin" / "python"
    shutil.copytree(ROOT / "sagemaker_typed", package, ignore=shutil.ignore_patterns("__pycache__", "*.pyi"))
    for path, text in (stubs or {}).items():
        (package / path).write_text(text)
    return env / "bin" / "python"


def _base(lab: Path) -> Path:
    base = lab / "base"
    if not (base / "bin" / "python").exists():
        subprocess.run([PYTHON, "-m", "venv", str(base)], check=True)
        subprocess.run([str(base / "bin" / "python"), "-m", "pip", "install", "-q", *DEPENDENCIES], check=True)
    return base


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall s, CPU s of the child and its children, stdout). CPU time is what other
    processes on a shared machine disturb least; wall time is what a user waits."""
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command} failed:\n{done.stdout}\n{done.stderr}")
    return wall, cpu, done.stdout


def _errors_mypy(out: str, sample: str) -> int:
    return sum(1 for line in out.splitlines() if line.startswith(sample) and ": error:" in line)


def _errors_pyright(out: str) -> int:
    data = json.loads(out)
    return sum(1 for d in data["generalDiagnostics"] if d["severity"] == "error")


class Lab:
    def __init__(self, lab: Path, pythons: dict[str, Path]) -> None:
        self.lab = lab
        self.pythons = pythons
        self.edits = 0
        self.failing: set[str] = set()
        for name in pythons:
            work = lab / f"work-{name}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            if name == "empty":
                (work / "sample.py").write_text('print("no imports")\n')
            else:
                samples = {"floor": "floor", "boto3-stubs": "stubs", "resources": "resources"}
                sample = samples.get(name, "typed")
                shutil.copy(SAMPLES / f"{sample}_sample.py", work / "sample.py")
            config = {"typeCheckingMode": "strict", "pythonVersion": "3.11"}
            (work / "pyrightconfig.json").write_text(json.dumps(config))

    def _mypy_command(self, name: str, run: int | str, *, warm: bool) -> tuple[list[str], Path]:
        """The command of a cold run (a fresh cache) or a warm one (the script edited), and its directory."""
        work = self.lab / f"work-{name}"
        cache = work / f"cache-{run}"
        if warm:
            self.edits += 1
            with (work / "sample.py").open("a") as sample:
                sample.write(f"# edit {self.edits}\n")
        else:
            shutil.rmtree(cache, ignore_errors=True)
        command = [PYTHON, "-m", "mypy", "--strict", "--python-executable", str(self.pythons[name])]
        command += ["--cache-dir", str(cache), *([] if warm else ["--no-incremental"]), "sample.py"]
        return command, work

    def mypy(self, name: str, run: int, *, warm: bool) -> tuple[float, float]:
        command, work = self._mypy_command(name, run, warm=warm)
        wall, cpu, out = _run(command, work)
        if _errors_mypy(out, "sample.py"):
            self.failing.add(f"{name} (mypy)")
        return wall, cpu

    def instructions(self, name: str) -> tuple[int, int]:
        """Instructions of a cold mypy run and of a warm one after it (the cache it wrote, the script edited)."""
        counted = []
        for warm in (False, True):
            command, work = self._mypy_command(name, "counted", warm=warm)  # warm: the cold run's cache
            valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
            environment = {**os.environ, "PYTHONHASHSEED": "0"}
            done = subprocess.run(valgrind + command, cwd=work, capture_output=True, text=True, env=environment)
            match = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
            if not match:
                raise SystemExit(f"valgrind printed no count for {name}:\n{done.stderr[-2000:]}")
            counted.append(int(match[1].replace(",", "")))
        return counted[0], counted[1]

    def pyright(self, name: str) -> tuple[float, float]:
        work = self.lab / f"work-{name}"
        command = [PYTHON, "-m", "pyright", "--outputjson", "--pythonpath", str(self.pythons[name]), "sample.py"]
        wall, cpu, out = _run(command, work)
        if _errors_pyright(out):
            self.failing.add(f"{name} (pyright)")
        return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--lab", type=Path, default=Path("/tmp/sagemaker-typed-lab"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--before", default=BEFORE, help=f"the commit of the 'before' variant (default {BEFORE})")
    parser.add_argument("--list", action="store_true", help="list the variants and exit")
    parser.add_argument("--instructions", action="store_true", help="count mypy's instructions (valgrind) instead")
    args = parser.parse_args()
    if args.list:
        print("\n".join(VARIANTS))
        return 0
    args.lab.mkdir(parents=True, exist_ok=True)
    base = _base(args.lab)
    service = load()
    names = args.variants.split(",")
    pythons = {n: base / "bin" / "python" for n in ("floor", "boto3-stubs", "empty")}
    for name in names:
        pythons[name] = _venv(args.lab, name, base, VARIANTS[name](service), args.before)
    lab = Lab(args.lab, pythons)
    order = list(pythons)
    if args.instructions:
        counts = {name: lab.instructions(name) for name in order}
        print("\nmypy --strict, instructions (G; ratio to the floor), PYTHONHASHSEED=0")
        print(f"{'variant':<28} {'cold':>16} {'warm':>16}")
        for name, (cold, warm) in counts.items():
            floor_cold, floor_warm = counts["floor"]
            print(
                f"{name:<28} {cold / 1e9:6.2f} ({cold / floor_cold:.2f}x) {warm / 1e9:8.2f} ({warm / floor_warm:.2f}x)"
            )
        if args.json:
            args.json.write_text(json.dumps({"instructions": counts}, indent=2) + "\n")
        return 0
    kinds = ("cold", "warm", "pyright")
    times: dict[str, dict[str, list[tuple[float, float]]]] = {k: {n: [] for n in order} for k in kinds}
    for run in range(args.runs):
        rotated = order[run % len(order) :] + order[: run % len(order)]
        for name in rotated:
            times["cold"][name].append(lab.mypy(name, run, warm=False))
        for name in rotated:
            times["warm"][name].append(lab.mypy(name, run, warm=True))
        for name in rotated:
            times["pyright"][name].append(lab.pyright(name))
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr, flush=True)
    medians = {}
    for index, clock in enumerate(("wall", "cpu")):
        med = {k: {n: statistics.median(t[index] for t in v) for n, v in d.items()} for k, d in times.items()}
        medians[clock] = med
        print(f"\n{clock} time: median s (ratio to the floor), {args.runs} run(s)")
        print(f"{'variant':<28} {'mypy cold':>16} {'mypy warm':>16} {'pyright':>16}")
        for name in order:
            cells = [f"{med[k][name]:6.2f} ({med[k][name] / med[k]['floor']:.2f}x)" for k in kinds]
            print(f"{name:<28} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16}")
    if lab.failing:
        print(f"\nthe sample does NOT type-check with: {', '.join(sorted(lab.failing))}")
    if args.json:
        args.json.write_text(json.dumps({"times": times, "medians": medians}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
