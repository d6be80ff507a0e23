"""User-facing typing, checked by both mypy (--strict, no plugin) and pyright.

tests/typing/user_ok.py must pass both with the revealed types written beside each
``reveal_type``; every line of tests/typing/user_bad.py marked ``# error:`` must be reported
by both, and no other line. Both check for the version of the Python that runs the tests
(mypy's ``python_version`` in pyproject.toml is the floor, for the package itself); nox's
``tests_python`` runs these on each supported Python.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen import ir

TYPING = Path(__file__).parent / "typing"
ROOT = TYPING.parent.parent
PYTHON_VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"
pytestmark = pytest.mark.typing


def _marked(path: Path, marker: str) -> dict[int, str]:
    """Line number (1-based) -> what the comment after ``marker`` says."""
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if marker in line:
            found[number] = line.split(marker, 1)[1].strip()
    return found


def _short(type_name: str) -> str:
    """``a.b.C | None`` -> ``C | None`` (mypy writes full module paths, pyright does not)."""
    return re.sub(r"[\w.]+\.(\w+)", r"\1", type_name)


def mypy(path: Path, cache: Path) -> tuple[dict[int, list[str]], dict[int, str]]:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--python-version", PYTHON_VERSION),
            *("--cache-dir", str(cache), "--no-error-summary", str(path)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    errors: dict[int, list[str]] = {}
    revealed: dict[int, str] = {}
    for line in result.stdout.splitlines():
        match = re.match(r".+?:(\d+): (error|note): (.*)", line)
        if not match:
            continue
        number, kind, text = int(match[1]), match[2], match[3]
        if kind == "error":
            errors.setdefault(number, []).append(text)
        elif text.startswith("Revealed type is"):
            revealed[number] = _short(text.split('"')[1])
    return errors, revealed


def pyright(path: Path) -> tuple[dict[int, list[str]], dict[int, str]]:
    executable = shutil.which("pyright") or str(Path(sys.executable).parent / "pyright")
    result = subprocess.run(
        [executable, "--outputjson", "--pythonpath", sys.executable, "--pythonversion", PYTHON_VERSION, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    report = json.loads(result.stdout)
    errors: dict[int, list[str]] = {}
    revealed: dict[int, str] = {}
    for diagnostic in report["generalDiagnostics"]:
        number = diagnostic["range"]["start"]["line"] + 1
        if diagnostic["severity"] == "error":
            errors.setdefault(number, []).append(diagnostic["message"])
        elif diagnostic["message"].startswith("Type of"):
            revealed[number] = _short(diagnostic["message"].rsplit(' is "', 1)[1].rstrip('"'))
    return errors, revealed


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_user_script_passes_with_precise_types(checker: str, cache: Path) -> None:
    path = TYPING / "user_ok.py"
    errors, revealed = mypy(path, cache) if checker == "mypy" else pyright(path)
    assert errors == {}
    assert revealed == _marked(path, "# revealed:")


@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_user_mistakes_are_reported(checker: str, cache: Path) -> None:
    path = TYPING / "user_bad.py"
    errors, _ = mypy(path, cache) if checker == "mypy" else pyright(path)
    expected = _marked(path, "# error:")
    assert sorted(errors) == sorted(expected), errors


def test_type_checking_the_control_plane_reads_its_stubs_and_never_asyncio(tmp_path: Path) -> None:
    """What mypy reads for a script on the control plane: the three stubs and the runtime,
    none of the ~2,300 model modules, and, through this package, not typeshed's asyncio (58
    modules, a third of the floor's cost) although the package root names the async client.
    (Other installed packages may import asyncio themselves: only what this package and the
    standard library it imports reach is counted.)"""
    from mypy import build
    from mypy.main import process_options

    script = tmp_path / "script.py"
    script.write_text("from sagemaker_typed import SageMakerClient, models\n")
    sources, options = process_options(["--strict", "--no-incremental", "--cache-dir", str(tmp_path), str(script)])
    graph = build.build(sources, options).graph
    ours = {m for m in graph if m.split(".")[0] == "sagemaker_typed"}
    assert {"sagemaker_typed.models", "sagemaker_typed.client", "sagemaker_typed.async_client"} <= ours
    assert all(str(graph[m].path).endswith(".pyi") for m in ("sagemaker_typed.models", "sagemaker_typed.client"))
    assert not any(".models." in m for m in ours), sorted(ours)
    typeshed = {m for m, state in graph.items() if "typeshed" in str(state.path)}
    reached, todo = set(ours), list(ours)
    while todo:
        for dependency in graph[todo.pop()].dependencies:
            if dependency in typeshed and dependency not in reached:
                reached.add(dependency)
                todo.append(dependency)
    assert not {m for m in reached if m.split(".")[0] == "asyncio"}


def test_pylance_shows_the_service_documentation_on_hover(tmp_path: Path) -> None:
    """The stubs carry no docstrings but ``__init__``'s first sentence: pyright's hover (what
    Pylance shows) reads each model's, field's, enum's and method's from the runtime module the
    stub stands for. One of each kind, hovered in a script."""
    from codegen.docs import summary
    from codegen.parse import load

    from .lsp import hovers

    service = load()
    shapes = service.shapes
    channel, status = shapes["Channel"], shapes["TrainingJobStatus"]
    assert isinstance(channel, ir.Structure)
    operations = {op.name: op for op in service.operations}
    lines = [
        "from sagemaker_typed import SageMakerClient, models",
        "channel = models.Channel(channel_name='train', data_source=models.DataSource())",
        "declared: models.Channel = channel",
        "print(channel.channel_name, models.TrainingJobStatus.COMPLETED)",
        "def run(sm: SageMakerClient) -> None:",
        "    sm.describe_training_job(training_job_name='job')",
        "    sm.paginate.list_training_jobs()",
    ]
    points = {
        "constructor": (1, lines[1].index("Channel(") + 2),
        "class": (2, lines[2].index("Channel") + 2),
        "field": (3, lines[3].index("channel_name") + 2),
        "enum": (3, lines[3].index("TrainingJobStatus") + 2),
        "method": (5, lines[5].index("describe_training_job") + 2),
        "paginator": (6, lines[6].index("list_training_jobs") + 2),
    }
    shown = dict(zip(points, hovers(tmp_path, "\n".join(lines) + "\n", list(points.values())), strict=True))

    def words(text: str) -> str:  # markdown escapes and line breaks aside
        return " ".join(re.sub(r"[\\`*]", "", text).split())

    first = summary(channel.doc, None)
    field = next(m for m in channel.members if m.attr == "channel_name")
    expected = {
        "constructor": first,
        "class": first,
        "field": summary(field.doc, None),
        "enum": "The TrainingJobStatus values",
        "method": summary(operations["DescribeTrainingJob"].doc, None),
        "paginator": "Iterate over every TrainingJobSummary of ListTrainingJobs",
    }
    assert isinstance(status, ir.Enum) and not status.doc  # its docstring lists the values
    for kind, text in expected.items():
        assert words(text) in words(shown[kind]), (kind, shown[kind])
