"""The operation tables, read from the generated clients: every ``Operation`` by any spelling.

Each generated client module declares one ``Operation`` constant per operation; this module
collects them, per service, so tools (the CLI, the test stubber) never list operations a
second time. The services are ``sagemaker_typed._meta.SERVICES`` (botocore name -> package).
A service may be named by its botocore name (``sagemaker-runtime``) or its subpackage
(``runtime``); an operation by ``InvokeEndpoint``, ``invoke_endpoint`` or ``invoke-endpoint``,
and both at once as ``SERVICE:Operation``. Without a service, it is ``sagemaker``.
"""

from __future__ import annotations

import difflib
import functools
import importlib
from typing import Any

from .calls import Operation

DEFAULT = "sagemaker"
"""The service a name without ``SERVICE:`` belongs to: the control plane."""


def services() -> dict[str, str]:
    """Every service of the family: botocore name -> the package that types it."""
    from sagemaker_typed._meta import SERVICES

    return SERVICES


def subpackage(service: str) -> str:
    """The short name of a service: its subpackage (``runtime``), ``sagemaker`` for the root."""
    package = services()[service]
    return package.rpartition(".")[2] if "." in package else service


@functools.cache
def _services_by_key() -> dict[str, str]:
    found = {}
    for service in services():
        found[key(service)] = service
        found[key(subpackage(service))] = service
    return found


def service(name: str) -> str | None:
    """The botocore name of the service called ``name`` (botocore name or subpackage, any spelling)."""
    return _services_by_key().get(key(name))


def client_module(service: str) -> str:
    """The module of a service's typed (sync) client."""
    return services()[service] + ".client"


@functools.cache
def operations(service: str = DEFAULT) -> tuple[Operation[Any], ...]:
    """Every operation of a service's generated client, sorted by API name."""
    module = importlib.import_module(client_module(service))
    found = {value.name: value for value in vars(module).values() if isinstance(value, Operation)}
    return tuple(found[name] for name in sorted(found))


def key(name: str) -> str:
    """The spelling-blind key of an operation or service name (case, ``_`` and ``-`` ignored)."""
    return name.replace("_", "").replace("-", "").lower()


@functools.cache
def _by_key(service: str) -> dict[str, Operation[Any]]:
    return {key(operation.name): operation for operation in operations(service)}


def split(name: str) -> tuple[str | None, str]:
    """``SERVICE:Operation`` -> (the service's botocore name or None if unknown, the operation).

    A name without a ``:`` is an operation of ``sagemaker``.
    """
    prefix, colon, operation = name.rpartition(":")
    return (service(prefix) if colon else DEFAULT), operation


def find(name: str, service: str = DEFAULT) -> Operation[Any] | None:
    """The operation of ``service`` spelled ``name`` in any of the accepted forms, or None."""
    return _by_key(service).get(key(name))


def close_matches(name: str, limit: int = 3, service: str = DEFAULT) -> list[Operation[Any]]:
    """The operations of ``service`` whose names are closest to an unknown ``name``, best first."""
    table = _by_key(service)
    return [table[match] for match in difflib.get_close_matches(key(name), table, n=limit, cutoff=0.6)]


def client_class(service: str) -> type[Any]:
    """The typed (sync) client class of a service: its generated methods carry the docs."""
    from .calls import BaseClient

    module = importlib.import_module(client_module(service))
    (found,) = (
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, BaseClient) and value.__module__ == module.__name__
    )
    return found
