"""The README's figures of the pinned models (counts of operations, shapes, ...), computed from the IR.

``python -m codegen.figures`` rewrites them in README.md in place, number by number, leaving
the wording and the line breaks as they are (``nox -s update_specs`` runs it through
``tests.refresh``); ``tests/test_family.py`` fails when README.md says other figures than
specs/ gives. The places are the sentence near the top (``Generated from botocore ...``),
the family table (operations and shapes per service), the count of the control plane's
model modules and the version named where the README explains ``_meta.BOTOCORE_VERSION``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from . import graph, ir
from .parse import SPECS, load, services

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# The wording around each figure; {name} is a figure, a space any whitespace (a line may break there).
SENTENCES = (
    "Generated from botocore **{version}**: {services} services, {operations} operations, {shapes} shapes,"
    " {paginators} paginators, {waiters} waiters; of which SageMaker itself has {control_operations}"
    " operations, {control_shapes} shapes ({models} models, {enums} enums, {patterns} pattern-checked"
    " strings), {control_paginators} paginators and the {control_waiters} waiters",
    "control plane's {modules} model modules",
    "(`sagemaker_typed._meta.BOTOCORE_VERSION`, {version})",
)
TABLE_ROW = re.compile(r"^(\| `(?P<service>[a-z0-9-]+)` \|[^\n]*\| )(\d+)( \| )(\d+)( \|)$", re.MULTILINE)


def figures(family: Iterable[ir.Service]) -> dict[str, str]:
    """Every figure the README names, as it writes them, by the names of ``SENTENCES``."""
    family = list(family)
    (control,) = (s for s in family if not s.package.module)
    shapes = control.shapes.values()
    counts = {
        "version": control.provenance.botocore_version,
        "services": len(family),
        "operations": sum(len(s.operations) for s in family),
        "shapes": sum(len(s.shapes) for s in family),
        "paginators": sum(len(s.paginators) for s in family),
        "waiters": sum(len(s.waiters) for s in family),
        "control_operations": len(control.operations),
        "control_shapes": len(control.shapes),
        "models": sum(isinstance(s, ir.Structure) for s in shapes),
        "enums": sum(isinstance(s, ir.Enum) for s in shapes),
        "patterns": sum(isinstance(s, ir.String) and s.java_pattern is not None for s in shapes),
        "control_paginators": len(control.paginators),
        "control_waiters": len(control.waiters),
        # The shape modules, the lazy index and the _shapes package.
        "modules": f"{len(graph.groups(control)) + 2:,}",
    }
    return {name: str(value) for name, value in counts.items()}


def _pattern(sentence: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", sentence)
    regex = "".join(
        rf"(?P<{part}>[\d.,]+)" if odd else r"\s+".join(map(re.escape, part.split(" ")))
        for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
    )
    return re.compile(regex)


def _substitute(text: str, pattern: re.Pattern[str], value: Callable[[re.Match[str], str], str]) -> str:
    """``text`` with each named group of each match of ``pattern`` replaced by ``value(match, name)``."""
    out, end = [], 0
    for found in pattern.finditer(text):
        spans = sorted((found.span(name), name) for name in pattern.groupindex if found.group(name) is not None)
        for (start, stop), name in spans:
            out += [text[end:start], value(found, name)]
            end = stop
    return "".join(out) + text[end:]


def readme(text: str, family: Iterable[ir.Service]) -> str:
    """``text`` (README.md) with its figures those of ``family``; a place it lacks is an error."""
    family = list(family)
    values = figures(family)
    for sentence in SENTENCES:
        pattern = _pattern(sentence)
        if not pattern.search(text):
            raise ValueError(f"README.md: no sentence like {sentence!r}")
        text = _substitute(text, pattern, lambda _, name: values[name])
    counts: Mapping[str, tuple[int, int]] = {s.package.service: (len(s.operations), len(s.shapes)) for s in family}
    rows = {found["service"] for found in TABLE_ROW.finditer(text)}
    if rows != set(counts):
        raise ValueError(f"README.md: the family table has {sorted(rows)}, specs/ {sorted(counts)}")

    def row(found: re.Match[str]) -> str:
        operations, shapes = counts[found["service"]]
        return f"{found[1]}{operations}{found[4]}{shapes}{found[6]}"

    return TABLE_ROW.sub(row, text)


def main(specs: Path = SPECS, path: Path = README) -> None:
    text = path.read_text(encoding="utf-8")
    new = readme(text, [load(specs, service) for service in services(specs)])
    path.write_text(new, encoding="utf-8")
    print(f"{path.name}: figures {'refreshed' if new != text else 'unchanged'}")


if __name__ == "__main__":
    main()
