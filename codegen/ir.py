"""The intermediate representation: the service model as immutable, typed data.

``parse`` builds it from specs/; the emitters only read it. Names here are already the
Python names (see ``naming``), so emitters make no naming decisions of their own.
"""

from __future__ import annotations

from typing import Literal

import attrs

from . import naming
from .services import Package


@attrs.frozen
class Provenance:
    botocore_version: str
    service: str
    api_version: str
    sha256: tuple[tuple[str, str], ...]
    post_release: int = 0
    """N of ``.postN``: a re-release of the same model with SDK changes (specs/provenance.json)."""

    @property
    def package_version(self) -> str:
        return naming.package_version(self.botocore_version, self.post_release)


@attrs.frozen
class Member:
    wire: str
    attr: str
    target: str
    doc: str
    required: bool
    idempotency_token: bool = False
    deprecated: str | None = None
    json_value: bool = False
    """A header that carries a JSON value (``jsonvalue``): boto3 takes and gives Python values."""


@attrs.frozen
class Structure:
    name: str
    module: str
    doc: str
    members: tuple[Member, ...]
    union: bool = False
    exception: bool = False
    output: bool = False
    sensitive_members: frozenset[str] = frozenset()
    redact_keys: frozenset[str] = frozenset()
    event_payload: tuple[str, str] | None = None
    """For an event stream (a union of events, one per message): the wire names of the event
    and of its member that carries the payload bytes, e.g. ``("PayloadPart", "Bytes")``."""


@attrs.frozen
class EnumValue:
    name: str
    value: str


@attrs.frozen
class Enum:
    name: str
    module: str
    doc: str
    values: tuple[EnumValue, ...]


@attrs.frozen
class String:
    name: str
    module: str
    doc: str
    min: int | None = None
    max: int | None = None
    java_pattern: str | None = None
    pattern: str | None = None
    python_re: bool = False
    astral: bool = True
    sensitive: bool = False


@attrs.frozen
class Scalar:
    """integer, long, float, double, boolean, timestamp and blob shapes.

    ``kind`` names the runtime type that takes what botocore takes for it
    (``sagemaker_typed._runtime.wiretypes``).
    """

    name: str
    module: str
    doc: str
    kind: Literal["Integer", "Float", "Boolean", "Timestamp", "Blob", "Streaming", "JsonValue"]
    min: int | float | None = None
    max: int | float | None = None


@attrs.frozen
class List:
    name: str
    module: str
    doc: str
    member: str
    min: int | None = None
    max: int | None = None


@attrs.frozen
class Map:
    name: str
    module: str
    doc: str
    key: str
    value: str
    min: int | None = None
    max: int | None = None


Shape = Structure | Enum | String | Scalar | List | Map


@attrs.frozen
class Operation:
    name: str
    method: str
    doc: str
    input: str
    output: str | None
    errors: tuple[str, ...]
    deprecated: bool = False


@attrs.frozen
class Paginator:
    operation: str
    method: str
    limit_key: str | None
    result_key: str
    result_attr: str
    item_type: str


@attrs.frozen
class Waiter:
    name: str
    method: str
    operation: str
    delay: int
    max_attempts: int
    success_on_error: bool
    config: str
    """The waiter's JSON from specs/, handed to botocore's WaiterModel at run time."""


@attrs.frozen
class Service:
    package: Package
    provenance: Provenance
    shapes: dict[str, Shape]
    operations: tuple[Operation, ...]
    paginators: tuple[Paginator, ...]
    waiters: tuple[Waiter, ...]
    uid: str = ""
    """The model's ``metadata.uid`` (``sagemaker-2017-07-24``): AWS's API reference links name it."""
    full_name: str = ""
    """The model's ``metadata.serviceFullName`` (``Amazon SageMaker Service``)."""
