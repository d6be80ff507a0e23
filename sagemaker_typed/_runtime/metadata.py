"""What boto3 returns beside a response's body: request id, HTTP status and headers, retries.

boto3 puts it in every response dict under ``ResponseMetadata``. A typed result keeps that
dict in its instance ``__dict__`` under a key that is not a field, which pydantic leaves out
of equality, dumps and reprs (as it does for ``functools.cached_property``), and which
pickling and copying carry along. ``result.response_metadata`` reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_KEY = "__response_metadata__"


@dataclass(frozen=True, slots=True)
class ResponseMetadata:
    """boto3's ``ResponseMetadata`` of one call, typed."""

    request_id: str | None
    """The request id (``x-amzn-RequestId``), for logs and AWS support."""
    http_status_code: int | None
    """The HTTP status of the response."""
    http_headers: Mapping[str, str] = field(default_factory=dict)
    """The HTTP response headers, lower-case names."""
    retry_attempts: int = 0
    """How many times botocore retried the call before this response."""
    host_id: str | None = None
    """The host id, where the service sends one."""

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> ResponseMetadata:
        """From the ``ResponseMetadata`` dict of a boto3 response."""
        return cls(
            request_id=raw.get("RequestId"),
            http_status_code=raw.get("HTTPStatusCode"),
            http_headers=dict(raw.get("HTTPHeaders") or {}),
            retry_attempts=int(raw.get("RetryAttempts") or 0),
            host_id=raw.get("HostId") or None,
        )


def attach(result: Any, response: Mapping[str, Any]) -> None:
    """Keep a boto3 response's metadata with its typed ``result``."""
    raw = response.get("ResponseMetadata")
    if raw is not None:
        result.__dict__[_KEY] = raw


def of(result: Any) -> ResponseMetadata | None:
    """The metadata kept with a typed result (None for a model built in code)."""
    raw = result.__dict__.get(_KEY)
    return None if raw is None else ResponseMetadata.from_wire(raw)
