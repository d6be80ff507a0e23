"""Clients of other services for a typed client's resources: CloudWatch Logs, the SageMaker runtime.

Made from the same boto3 session and region as the client they serve (boto3's default session
when that client was given ready-made), once per client. Endpoints come from boto3's own
configuration, so ``AWS_ENDPOINT_URL`` (or ``AWS_ENDPOINT_URL_<SERVICE>``) points them at a
local server.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .calls import BaseClient


def companion(client: BaseClient, service: str) -> Any:
    """A boto3 client of ``service`` from ``client``'s session and region, made on first use."""
    made: dict[str, Any] = client.__dict__.setdefault("_companions", {})
    if service not in made:
        import boto3

        session = getattr(client, "session", None)
        make: Callable[..., Any] = boto3.client if session is None else session.client
        made[service] = make(service, region_name=client.client.meta.region_name)
    return made[service]


def typed_companion(client: BaseClient, path: str) -> BaseClient:
    """The typed client class ``module:Class`` wrapping the companion of its service."""
    module, name = path.split(":")
    cls: type[BaseClient] = getattr(importlib.import_module(module), name)
    return cls(companion(client, cls._service))
