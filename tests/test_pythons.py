"""The Pythons the package claims are the Pythons CI tests.

noxfile.py's PYTHONS is the matrix `tests_python` runs (a default session, so CI runs it);
pyproject.toml's classifiers, `requires-python` and the checkers' target versions must say the
same. And the noxfile finds pyenv's installed versions as it says it does.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from nox.project import load_toml
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
NOXFILE = ROOT / "noxfile.py"
PYPROJECT = load_toml(ROOT / "pyproject.toml")


def _assigned(name: str) -> object:
    """The literal value noxfile.py assigns to a module-level ``name`` (read, not imported)."""
    for node in ast.parse(NOXFILE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == [name]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"noxfile.py assigns no {name}")


PYTHONS: tuple[str, ...] = _assigned("PYTHONS")  # type: ignore[assignment]


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


def test_the_matrix_is_every_minor_version_from_the_floor() -> None:
    minors = [_minor(v) for v in PYTHONS]
    assert minors == [(3, m) for m in range(minors[0][1], minors[0][1] + len(minors))], PYTHONS


def test_classifiers_name_each_tested_python() -> None:
    prefix = "Programming Language :: Python :: 3."
    named = [c.removeprefix(prefix[:-2]) for c in PYPROJECT["project"]["classifiers"] if c.startswith(prefix)]
    assert named == list(PYTHONS)


def test_requires_python_starts_at_the_matrix() -> None:
    requires = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert all(requires.contains(f"{v}.0") for v in PYTHONS)
    major, floor = _minor(PYTHONS[0])
    assert not requires.contains(f"{major}.{floor - 1}.99")
    # The checkers and the formatter target the same floor.
    assert PYPROJECT["tool"]["mypy"]["python_version"] == PYTHONS[0]
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py" + PYTHONS[0].replace(".", "")


def test_tests_python_runs_the_matrix_by_default() -> None:
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    (session,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "tests_python"]
    decorators = [ast.unparse(d) for d in session.decorator_list]
    assert decorators == ["nox.session(python=PYTHONS)"]
    assert "tests_python" in _assigned("nox.options.sessions")  # type: ignore[operator]


@pytest.fixture
def pyenv_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake pyenv first on PATH (its answers: below); its root, whose shims are not on PATH."""
    root = tmp_path / "root"
    pyenv = tmp_path / "pyenv"
    pyenv.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f"  root) echo {root} ;;\n"
        "  version-name) echo 3.11.7 ;;\n"
        "  versions) printf '%s\\n' 2.7.18 3.10.2 3.10.13 3.10.9 3.11.7 3.12-dev 3.12.1 3.13.0t 3.13t-dev ;;\n"
        "esac\n"
    )
    pyenv.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PYENV_VERSION", "")  # restored (or removed again) after the test
    return root


def import_noxfile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("noxfile_under_test", NOXFILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands for pyenv")
def test_pyenv_versions_are_activated_after_the_active_one(pyenv_root: Path) -> None:
    noxfile = import_noxfile()
    # Imported: the newest patch release of each X.Y pyenv has, after the active version;
    # 3.13 has only a free-threaded build and a dev build, so nothing is added for it.
    assert os.environ["PYENV_VERSION"] == "3.11.7:3.10.13:3.12.1"
    # The shims were not on PATH: appended, once.
    assert os.environ["PATH"].split(os.pathsep)[-1] == str(pyenv_root / "shims")
    assert noxfile.activate_pyenv_versions(("3.10", "3.11", "3.12")) == "3.11.7:3.10.13:3.12.1"
    assert os.environ["PATH"].split(os.pathsep).count(str(pyenv_root / "shims")) == 1
    os.environ["PYENV_VERSION"] = "3.12.1"  # set by the user: kept first, and nothing repeated
    assert noxfile.activate_pyenv_versions(("3.10", "3.12")) == "3.12.1:3.10.13"
