"""Development sessions. `nox` runs the default ones (what CI runs): lint, typecheck, tests, tests_python
(one per supported Python), tests_lowest, tests_async, package, docs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.sessions = ["lint", "typecheck", "tests", "tests_python", "tests_lowest", "tests_async", "package", "docs"]
nox.options.reuse_existing_virtualenvs = True
# Sessions run on the interpreters the machine has; one it lacks is skipped (an error where
# the CI variable is set: nox's default), never downloaded.
nox.options.download_python = "never"

# Every Python the package supports, each tested by `tests_python`; pyproject.toml's
# classifiers name the same versions (tests/test_release.py checks it).
PYTHONS = ("3.10", "3.11", "3.12", "3.13")

# The tests of what users run (models, client, pagination, waiters, errors, CLI, testing helpers,
# patterns under pydantic-core, the quickstart and the moto end-to-end tests); the generator's,
# the linters' and the type checkers' tests need the `dev` extra's pinned tools.
RUNTIME_TESTS = (
    "tests/test_semantics.py",
    "tests/test_models_exhaustive.py",
    "tests/test_client_exhaustive.py",
    "tests/test_testing.py",
    "tests/test_cli.py",
    "tests/test_protocol.py",
    "tests/test_javaregex.py",
    "tests/test_quickstart.py",
    "tests/e2e",
)
# The typing fixtures: tests/typing/user_ok.py and user_bad.py under mypy --strict and pyright,
# checked for the version of the interpreter that runs them.
TYPING_FIXTURES = (
    "tests/test_typing.py::test_user_script_passes_with_precise_types",
    "tests/test_typing.py::test_user_mistakes_are_reported",
)


def activate_pyenv_versions(pythons: Sequence[str]) -> str | None:
    """Let nox find the pyenv-installed interpreters of ``pythons``; returns the PYENV_VERSION set.

    nox finds `python3.12` on PATH, where pyenv's shims answer only for the versions pyenv
    activates (PYENV_VERSION, a .python-version file or `pyenv global`): usually one. With
    pyenv installed, this run's PYENV_VERSION becomes the active versions followed by the
    newest installed patch release of each other X.Y of ``pythons`` (`3.12` -> `3.12.1`), so
    `python3` stays what it was and each `python3.X` reaches its interpreter; pyenv's shims are
    appended to PATH if they are not on it (a shell that never ran `pyenv init`). Without
    pyenv (on PATH or in PYENV_ROOT, default ~/.pyenv), or without an installed release of
    an X.Y, nothing changes for it.
    """
    default = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "bin" / "pyenv"
    pyenv = shutil.which("pyenv") or (str(default) if default.is_file() else None)
    if pyenv is None:
        return None

    def ask(*args: str) -> str:
        return subprocess.run([pyenv, *args], capture_output=True, text=True, check=False).stdout.strip()

    shims = os.path.join(ask("root"), "shims")
    if os.path.isabs(shims) and shims not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join(p for p in (os.environ.get("PATH"), shims) if p)

    active = [v for v in (os.environ.get("PYENV_VERSION") or ask("version-name")).split(":") if v]
    if not active:
        return None
    installed = ask("versions", "--bare", "--skip-aliases").split()
    added = []
    for python in pythons:
        if any(v == python or v.startswith(python + ".") for v in active):
            continue
        releases = [v for v in installed if re.fullmatch(re.escape(python) + r"\.\d+", v)]
        if releases:
            added.append(max(releases, key=lambda v: int(v.rsplit(".", 1)[1])))
    if added:
        os.environ["PYENV_VERSION"] = ":".join([*active, *added])
    return os.environ.get("PYENV_VERSION")


activate_pyenv_versions(PYTHONS)


def _dev(session: nox.Session) -> None:
    session.install("-e", ".[dev]")


def lowest_pins() -> list[str]:
    """`name==floor` for each runtime dependency of pyproject.toml: the lowest versions it declares."""
    pins = []
    for text in nox.project.load_toml("pyproject.toml")["project"]["dependencies"]:
        requirement = Requirement(text)
        floors = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(floors) != 1:
            raise ValueError(f"{text!r}: each runtime dependency declares one lowest version (>=)")
        pins.append(f"{requirement.name}=={floors[0]}")
    return pins


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, the drift check and the typing checks included, but for what
    tests_python runs on every Python (RUNTIME_TESTS, TYPING_FIXTURES): once is enough here."""
    _dev(session)
    # tests/site reads the built reference site: the docs session builds it, then runs them.
    ignored = (*RUNTIME_TESTS, "tests/site")
    elsewhere = [*(f"--ignore={path}" for path in ignored), *(f"--deselect={test}" for test in TYPING_FIXTURES)]
    session.run("python", "-m", "pytest", *(session.posargs or elsewhere))


@nox.session(python=PYTHONS)
def tests_python(session: nox.Session) -> None:
    """The runtime's tests, the quickstart and the typing fixtures on each supported Python.

    RUNTIME_TESTS (the quickstart against the embedded moto server among them) and
    TYPING_FIXTURES (mypy --strict and pyright with that Python's version), with the `dev`
    extra's pins; then the drift check, as the generator must give the same code on each.
    nox looks for `python3.X` on PATH (pyenv's installed versions included: see
    activate_pyenv_versions). An interpreter the machine lacks is skipped, and the summary
    says so ("Python interpreter 3.X not found"); where the CI variable is set (as in CI) a
    missing interpreter fails the run instead, so that CI never passes without one.
    """
    _dev(session)
    session.run("python", "-m", "pytest", *(session.posargs or (*RUNTIME_TESTS, *TYPING_FIXTURES)))
    # The generator gives the same code on each Python (it did not: soft keywords, unicodedata).
    session.run("python", "-m", "codegen", "--check")


@nox.session
def tests_lowest(session: nox.Session) -> None:
    """The runtime's tests on the lowest versions pyproject.toml declares for each dependency.

    Stubber and raw-boto3 tests of an operation that the older botocore models differently
    are skipped (tests/installed_model.py says why); one it lacks must raise
    UnsupportedOperationError.
    """
    constraints = Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join(lowest_pins()) + "\n", encoding="utf-8")
    session.install("-c", str(constraints), "-e", ".[local]", "pytest>=8", "attrs>=24")
    session.run("python", "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check")
    session.run("python", "-m", "pytest", *(session.posargs or RUNTIME_TESTS))


@nox.session
def package(session: nox.Session) -> None:
    """Build the sdist and the wheel and check them as the package index will (`twine check --strict`)."""
    session.install("build", "twine")
    dist = Path(session.create_tmp()) / "dist"
    for old in dist.glob("*"):
        old.unlink()
    session.run("python", "-m", "build", "--outdir", str(dist), ".")
    session.run("twine", "check", "--strict", *map(str, sorted(dist.glob("*"))))


@nox.session
def tests_async(session: nox.Session) -> None:
    """The async client's tests, with the `async` extra (aiobotocore and the older botocore it pins).

    Not the `dev` extra: its botocore pin is outside aiobotocore's range. The async tests are
    the files named test_async*.py; the main session skips them (no aiobotocore there).
    """
    session.install("-e", ".[async,test]")
    files = sorted(str(path) for path in Path("tests").rglob("test_async*.py"))
    session.run("python", "-m", "pytest", *files, *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the hand-written code (generated code is formatted by the generator)."""
    _dev(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "codegen", "sagemaker_typed/_runtime", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package and the generator; mypy and pyright on typed user code."""
    _dev(session)
    session.run("mypy", "--strict", "sagemaker_typed", "codegen")
    # Beside a .pyi, mypy reads the stub: name the modules the stubs shadow to check them too.
    session.run("mypy", "--strict", *(f"sagemaker_typed/{m}.py" for m in ("client", "async_client", "models/__init__")))
    session.run("mypy", "--strict", "tests/typing/user_ok.py")
    session.run("pyright", "tests/typing/user_ok.py")


@nox.session
def docs(session: nox.Session) -> None:
    """The reference site: its pages from specs/ (`python -m codegen site`), built by MkDocs into site/.

    `--strict` turns every warning of MkDocs (a link to a missing page or anchor among them) into
    a failure; then the tests of tests/site read the built HTML, in a real browser too (headless
    Chromium from the distribution's packages; skipped, saying why, where there is none).
    Open site/index.html, or serve it: `python3 -m http.server -d site`.
    """
    session.install("-e", ".[docs]")
    session.run("python", "-m", "codegen", "site")
    # MkDocs-Material prints a notice about MkDocs 2.0 on every build (pinned here: docs/design.md).
    session.run("python", "-m", "mkdocs", "build", "--strict", env={"NO_MKDOCS_2_WARNING": "1"})
    session.run("python", "-m", "pytest", "tests/site", *session.posargs, env={"SAGEMAKER_TYPED_SITE": "site"})


@nox.session
def codegen(session: nox.Session) -> None:
    """Regenerate the generated part of sagemaker_typed from specs/."""
    _dev(session)
    session.run("python", "-m", "codegen")


@nox.session
def drift(session: nox.Session) -> None:
    """Fail when the checked-in generated code differs from what specs/ gives."""
    _dev(session)
    session.run("python", "-m", "codegen", "--check")


@nox.session
def update_specs(session: nox.Session) -> None:
    """Refresh specs/ from a botocore release (`nox -s update_specs -- 1.44.9`; default: latest), regenerate, refresh.

    When the version moves, codegen.update_specs also prepends the API changelog entry to
    CHANGELOG.md and moves the `dev` extra's boto3/botocore pins (pyproject.toml) to it; the
    package's version follows the model (sagemaker_typed/_meta.py, regenerated, the only
    generated file that names it). Then what the tests derive from specs/ is refreshed (the
    `refresh` session), so that the suite passes on the new model.
    """
    _dev(session)
    version = session.posargs[0] if session.posargs else None
    if version:
        session.install(f"boto3=={version}", f"botocore=={version}")
    else:
        session.install("--upgrade", "boto3", "botocore")
    session.run("python", "-m", "codegen.update_specs")
    session.run("python", "-m", "codegen")
    session.run("python", "-m", "tests.refresh")


@nox.session
def refresh(session: nox.Session) -> None:
    """Refresh what is derived from specs/ and the generator besides the code (tests/refresh.py says what).

    The JDK-judged pattern cases, the golden output and README.md's figures; needs `java`.
    """
    _dev(session)
    session.run("python", "-m", "tests.refresh")


@nox.session
def quickstart(session: nox.Session) -> None:
    """The quickstart against the embedded local server."""
    session.install("-e", ".[local]")
    session.run("python", "-m", "sagemaker_typed.quickstart", *session.posargs)


@nox.session
def benchmark(session: nox.Session) -> None:
    """Benchmarks against raw boto3 and the boto3 type stubs (see benchmarks/README.md)."""
    _dev(session)
    session.install("mypy-boto3-sagemaker")
    session.run("python", "benchmarks/run.py", *session.posargs)
