"""The hand-written runtime's modules import one another without a cycle.

Read from the sources with ``ast``, every import counts wherever it is written: at the top,
under ``TYPE_CHECKING``, or inside a function (a lazy import closes a cycle all the same, at
the first call that takes it: ``events`` once imported ``aio`` that way while ``aio``
imported ``events``).
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Mapping
from pathlib import Path

RUNTIME = Path(__file__).resolve().parent.parent / "sagemaker_typed" / "_runtime"
PACKAGE = "sagemaker_typed._runtime"


def imports_of(source: str, modules: frozenset[str]) -> set[str]:
    """The runtime modules (by short name; ``__init__`` for the package itself) that ``source`` imports.

    ``source`` is a module of the runtime package; ``modules`` the short names of its modules.
    """

    def target(dotted: str) -> str | None:
        """The runtime module a dotted name below the runtime package falls in, if any."""
        if dotted == PACKAGE:
            return "__init__"
        if dotted.startswith(PACKAGE + "."):
            return dotted[len(PACKAGE) + 1 :].split(".")[0]
        return None

    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {t for alias in node.names if (t := target(alias.name)) is not None}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            elif node.level == 1:  # a sibling: relative to the runtime package
                base = PACKAGE + (f".{node.module}" if node.module else "")
            else:  # above the runtime (sagemaker_typed._meta, say)
                continue
            if base == PACKAGE:  # `from . import wait`: a submodule, else a name of __init__
                found |= {alias.name if alias.name in modules else "__init__" for alias in node.names}
            elif (t := target(base)) is not None:
                found.add(t)
    return found


def runtime_graph() -> dict[str, set[str]]:
    """Each runtime module and the runtime modules it imports (itself left out)."""
    files = {path.stem: path for path in RUNTIME.glob("*.py")}
    modules = frozenset(files)
    return {name: imports_of(path.read_text(encoding="utf-8"), modules) - {name} for name, path in files.items()}


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path that ends where it starts, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for follower in sorted(graph.get(node, ())):
            cycle = visit(follower)
            if cycle is not None:
                return cycle
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start)
        if cycle is not None:
            return cycle
    return None


def test_no_import_cycle_among_the_runtime_modules() -> None:
    graph = runtime_graph()
    assert {"aio", "calls", "events", "wait"} <= set(graph)
    assert {"calls", "wait"} <= graph["aio"]  # the reader sees the runtime's real imports
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


def test_the_reader_counts_every_import_wherever_it_is() -> None:
    source = textwrap.dedent(
        """
        import typing
        from typing import TYPE_CHECKING
        from . import wait, VERSION
        from .calls import build_request
        from .. import _meta
        import sagemaker_typed._runtime.paginate
        from sagemaker_typed._runtime import lenient
        from sagemaker_typed._runtime.shapes import Shape
        if TYPE_CHECKING:
            from .errors import SageMakerError
        def late():
            from .aio import AsyncBaseClient
        """
    )
    modules = frozenset({"aio", "calls", "errors", "lenient", "paginate", "shapes", "wait"})
    assert imports_of(source, modules) == {
        "__init__",
        "aio",
        "calls",
        "errors",
        "lenient",
        "paginate",
        "shapes",
        "wait",
    }


def test_a_cycle_is_found_and_shown() -> None:
    assert find_cycle({"aio": {"calls"}, "calls": set(), "events": {"calls"}}) is None
    assert find_cycle({"aio": {"calls", "events"}, "calls": set(), "events": {"aio"}}) == ["aio", "events", "aio"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
