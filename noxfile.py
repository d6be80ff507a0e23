"""Development sessions. `nox` runs the default ones (what CI runs): lint, typecheck, tests, tests_lowest,
tests_async, package, docs."""

from __future__ import annotations

from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.sessions = ["lint", "typecheck", "tests", "tests_lowest", "tests_async", "package", "docs"]
nox.options.reuse_existing_virtualenvs = True

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
    """The whole test suite, the drift check and the typing checks included."""
    _dev(session)
    # tests/site reads the built reference site: the docs session builds it, then runs them.
    session.run("python", "-m", "pytest", *(session.posargs or ["--ignore=tests/site"]))


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
    """Refresh specs/ from a botocore release (`nox -s update_specs -- 1.44.9`; default: latest), then regenerate.

    When the version moves, codegen.update_specs also prepends the API changelog entry to
    CHANGELOG.md and moves the `dev` extra's boto3/botocore pins (pyproject.toml) to it; the
    package's version follows the model (sagemaker_typed/_meta.py, regenerated).
    """
    _dev(session)
    version = session.posargs[0] if session.posargs else None
    if version:
        session.install(f"boto3=={version}", f"botocore=={version}")
    else:
        session.install("--upgrade", "boto3", "botocore")
    session.run("python", "-m", "codegen.update_specs")
    session.run("python", "-m", "codegen")


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
