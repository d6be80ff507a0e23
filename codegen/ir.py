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
    input_token: str = "NextToken"
    """The request member that carries the next page's token."""


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


@attrs.frozen
class Identifier:
    """A member of a resource's Describe request that names the resource, and where its value comes from."""

    attr: str
    """The Describe request's member: a keyword of ``get`` and of the resource's own operations."""
    wire: str
    source: str
    """The Describe response's member that holds the value (itself, or the ARN where the member takes one)."""
    source_wire: str
    required: bool


@attrs.frozen
class Action:
    """An operation on one resource (``update``, ``stop``, ``delete``, ``start``): its identifiers are filled in."""

    kind: str
    """The method's name: ``update``, ``stop``, ``delete``, ``start``, ``invoke`` ..."""
    operation: str
    method: str
    members: tuple[Member, ...]
    """The request's other members: the keywords left to the caller."""
    package: Package
    """The service the operation belongs to (another one's for ``Endpoint.invoke``)."""
    output: str | None = None
    by_name: tuple[str, ...] = ()
    """Identifiers the operation takes as the plain name, where the resource holds the ARN that
    gives it back (``DeletePipeline`` takes a ``PipelineName``, not ``DescribePipeline``'s ARN)."""


@attrs.frozen
class Lifecycle:
    """A resource's status member and what its values mean to ``wait``."""

    attr: str
    enum: str
    terminal: tuple[str, ...]
    """Values the resource stays in until someone acts: success and failure alike."""
    failed: tuple[str, ...]
    transitional: tuple[str, ...]
    deleted: tuple[str, ...]
    """Values that say the resource is gone (beside the service's "not found")."""
    secondary: str | None
    """The member with a finer status (a training job's Starting, Downloading, Training ...)."""
    reason: str | None
    """The member with the service's failure reason."""


@attrs.frozen
class Resource:
    """A noun of the service model that has a Describe operation: one class of ``resources``."""

    name: str
    module: str
    doc: str
    describe: str
    """The Describe operation."""
    output: str
    identifiers: tuple[Identifier, ...]
    create: str | None
    created: tuple[str, ...]
    """Response members of Create that the Describe response has too (same attribute, same type)."""
    listing: Paginator | None
    summary: tuple[str, ...]
    """Members of a listed item that the Describe response has too (same attribute, same type)."""
    actions: tuple[Action, ...]
    lifecycle: Lifecycle | None
    logs: tuple[str, str] | None
    """CloudWatch Logs: the log group and the stream prefix, ``{name}`` standing for the resource's name."""


@attrs.frozen
class LeftOut:
    """A Describe operation without a resource class, and why."""

    describe: str
    reason: str
