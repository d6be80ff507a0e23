"""Development sessions. `nox` runs the default ones: lint, typecheck and tests (what CI runs)."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True


def _dev(session: nox.Session) -> None:
    session.install("-e", ".[dev]")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, the drift check and the typing checks included."""
    _dev(session)
    session.run("python", "-m", "pytest", *session.posargs)


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
    # Beside a .pyi, mypy reads the stub: name the two modules the stubs shadow to check them too.
    session.run("mypy", "--strict", "sagemaker_typed/client.py", "sagemaker_typed/models/__init__.py")
    session.run("mypy", "--strict", "tests/typing/user_ok.py")
    session.run("pyright", "tests/typing/user_ok.py")


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

    Then set the same version in the boto3/botocore pins of the `dev` extra (pyproject.toml):
    the Stubber tests validate against the installed botocore's model.
    """
    _dev(session)
    version = session.posargs[0] if session.posargs else None
    session.install(f"botocore=={version}" if version else "--upgrade", *([] if version else ["botocore"]))
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
