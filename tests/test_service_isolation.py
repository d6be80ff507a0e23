"""One service never loads another's code: not when it is imported, nor called, nor type-checked.

Each run check is a fresh process: import one service's package, make its client, make a typed
call through botocore's Stubber, then look at ``sys.modules``. SageMaker's own code is the
package root's ``models``, ``client``, ``async_client`` and ``errors``; every other service's
is its subpackage. The type-time half is read from the generated sources: a type checker
follows imports, so a service's modules import nothing of another service's.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import specdata as sd

ROOT_MODULES = ("models", "client", "async_client", "errors")
"""SageMaker's modules at the package root."""


def own_modules(spec: sd.Spec) -> tuple[str, ...]:
    """The dotted prefixes of a service's code."""
    if spec.package.module:
        return (spec.package.dotted,)
    return tuple(f"sagemaker_typed.{name}" for name in ROOT_MODULES)


def foreign(spec: sd.Spec, loaded: list[str]) -> list[str]:
    """The modules in ``loaded`` that belong to another service."""
    others = [prefix for other in sd.SPECS.values() if other is not spec for prefix in own_modules(other)]
    return sorted(m for m in loaded if any(m == p or m.startswith(p + ".") for p in others))


def script(spec: sd.Spec) -> str:
    """Import the service's package and make one typed call through a Stubber; print ``sys.modules``.

    The values are written into the script (as reprs), so that it reads nothing of specs/.
    """
    operation = next(op for op in spec.operation_names() if not spec.event_streams(spec.output(op) or spec.input(op)))
    request = spec.value(spec.input(operation))
    output = spec.output(operation)
    response = spec.value(output) if output else {}
    method = sd.method(operation)
    return f"""
        import datetime, importlib, sys
        import boto3
        from botocore.stub import Stubber

        package = importlib.import_module({spec.package.dotted!r})
        raw = boto3.client(
            {spec.name!r}, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b",
            endpoint_url="http://127.0.0.1:9",
        )
        client = getattr(package, {spec.package.client!r})(raw)
        response = {response!r}
        with Stubber(raw) as stub:
            stub.add_response({method!r}, response, {request!r})
            result = client.{method}(**{spec.to_snake(spec.input(operation), request)!r})
        assert (result.to_wire() if {output is not None} else result) == (response if {output is not None} else None)
        print("\\n".join(sorted(sys.modules)))
        """


@pytest.fixture(scope="module")
def loaded() -> dict[str, list[str]]:
    """Each script's ``sys.modules``, by service: fresh processes, run at once."""
    scripts = {spec.name: script(spec) for spec in sd.SPECS.values()}
    running = {
        name: subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(text)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=sd.ROOT,
        )
        for name, text in scripts.items()
    }
    found = {}
    for name, process in running.items():
        out, err = process.communicate()
        assert process.returncode == 0, f"{name}: {err}"
        found[name] = out.split()
    return found


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_a_call_loads_no_other_service(spec: sd.Spec, loaded: dict[str, list[str]]) -> None:
    modules = loaded[spec.name]
    assert f"{spec.package.dotted}.models" in modules and f"{spec.package.dotted}.client" in modules
    assert foreign(spec, modules) == []


def test_the_package_and_its_client_load_no_subpackage(loaded: dict[str, list[str]]) -> None:
    """``import sagemaker_typed``, ``sagemaker_typed.SageMakerClient`` and a call: SageMaker's script."""
    subpackages = tuple(s.package.dotted for s in sd.SPECS.values() if s.package.module)
    assert [m for m in loaded["sagemaker"] if m.startswith(subpackages)] == []


IMPORT = re.compile(r"^\s*(?:from\s+(\.*)([\w.]*)\s+import[ \t]+\(?([\w \t,]*)|import\s+([\w.]+))", re.MULTILINE)
"""An import statement, as the generator writes them (one per line)."""


def imports(path: Path, package: str) -> set[str]:
    """The absolute names of the modules a source file imports (relative imports resolved)."""
    found = set()
    for dots, module, names, plain in IMPORT.findall(path.read_text(encoding="utf-8")):
        if plain:
            found.add(plain)
            continue
        base = package.rsplit(".", len(dots) - 1)[0] if dots else ""
        absolute = ".".join(part for part in (base, module) if part)
        found |= {absolute} | {f"{absolute}.{name.split()[0]}" for name in names.split(",") if name.strip()}
    return found


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_type_checkers_follow_no_import_into_another_service(spec: sd.Spec) -> None:
    """Every generated module of the service (models, clients, errors) imports only its own and the runtime."""
    folder = sd.ROOT / spec.package.path
    if spec.package.module:
        files = sorted(folder.rglob("*.py"))
    else:
        files = [folder / f"{name}.py" for name in ROOT_MODULES if name != "models"]
        files += sorted((folder / "models").rglob("*.py"))
    assert files
    reached = set()
    for path in files:
        dotted = ".".join(path.relative_to(sd.ROOT).with_suffix("").parts)
        package = dotted if path.name == "__init__.py" else dotted.rpartition(".")[0]
        reached |= imports(path, package.removesuffix(".__init__"))
    assert f"{spec.package.dotted}.models" in reached  # the scan sees the imports there are
    assert foreign(spec, sorted(reached)) == []
