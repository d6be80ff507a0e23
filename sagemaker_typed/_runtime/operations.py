"""The operation table, read from the generated client: every ``Operation`` by any spelling.

The generated client declares one ``Operation`` constant per operation; this module collects
them, so tools (the CLI, the test stubber) never list operations a second time. A name may be
spelled ``CreateTrainingJob``, ``create_training_job`` or ``create-training-job``.
"""

from __future__ import annotations

import difflib
import functools
import importlib
from typing import Any

from .calls import Operation

_CLIENT = "sagemaker_typed.client"


@functools.cache
def operations() -> tuple[Operation[Any], ...]:
    """Every operation of the generated client, sorted by API name."""
    module = importlib.import_module(_CLIENT)
    found = {value.name: value for value in vars(module).values() if isinstance(value, Operation)}
    return tuple(found[name] for name in sorted(found))


def key(name: str) -> str:
    """The spelling-blind key of an operation name (case, ``_`` and ``-`` ignored)."""
    return name.replace("_", "").replace("-", "").lower()


@functools.cache
def _by_key() -> dict[str, Operation[Any]]:
    return {key(operation.name): operation for operation in operations()}


def find(name: str) -> Operation[Any] | None:
    """The operation spelled ``name`` in any of the accepted forms, or None."""
    return _by_key().get(key(name))


def close_matches(name: str, limit: int = 3) -> list[Operation[Any]]:
    """The operations whose names are closest to an unknown ``name``, best first."""
    table = _by_key()
    return [table[match] for match in difflib.get_close_matches(key(name), table, n=limit, cutoff=0.6)]
