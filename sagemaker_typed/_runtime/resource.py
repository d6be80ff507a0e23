"""Resources: a Describe response bound to the client that got it, and the operations on it.

A generated resource class (``sagemaker_typed.resources``) declares its fields, its methods
and one ``ResourceSpec``; what the methods do lives here, once for every resource:

- ``get`` describes once; ``refresh`` describes again, in place.
- ``create`` calls Create; the resource's identifiers come from its request or response.
- ``get_all`` walks the List paginator; each resource is made from its listed summary and
  described only when a field that the summary lacks is read (then kept until ``refresh``).
- the resource's own operations (``update``, ``stop``, ``delete``, ``start``, ``invoke`` ...)
  take its identifiers from it; the caller gives the rest.
- ``wait`` is in ``watch``, drawing and log tailing in ``progress`` and ``logs``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NoReturn, TypeVar, overload

from typing_extensions import Never, Self

from .calls import REQUIRED, BaseClient, Operation, model
from .record import Record, init

if TYPE_CHECKING:
    from .paginate import PaginatorSpec

T = TypeVar("T")
OutT = TypeVar("OutT")

_OWN = frozenset({"cls", "self", "client"})
"""A generated method's parameters that are not members of the operation's request."""


class Identifier(Record):
    """A Describe request member that names the resource; ``source`` is the field that gives it back."""

    _fields = ("attr", "source", "required")
    __slots__ = _fields
    attr: str
    source: str
    required: bool

    def __init__(self, attr: str, source: str, required: bool) -> None:
        init(self, "attr", attr)
        init(self, "source", source)
        init(self, "required", required)


class Lifecycle(Record):
    """The status field, and which of its values end a wait (``terminal``, of which ``failed``)."""

    _fields = ("attr", "terminal", "failed", "deleted", "secondary", "reason")
    __slots__ = _fields
    attr: str
    terminal: frozenset[str]
    failed: frozenset[str]
    deleted: frozenset[str]
    """Values that say the resource is gone (beside the service's "not found")."""
    secondary: str | None
    """The field with a finer status (a training job's Starting, Downloading, Training ...)."""
    reason: str | None
    """The field with the service's failure reason."""

    def __init__(
        self,
        attr: str,
        terminal: frozenset[str],
        failed: frozenset[str],
        deleted: frozenset[str] = frozenset(),
        secondary: str | None = None,
        reason: str | None = None,
    ) -> None:
        for name, value in zip(self._fields, (attr, terminal, failed, deleted, secondary, reason), strict=True):
            init(self, name, value)


class ResourceSpec(Record):
    """What a resource class is made of: its operations, identifiers and lifecycle, as data."""

    _fields = (
        "client",
        "describe",
        "identifiers",
        "create",
        "created",
        "listing",
        "summary",
        "by_name",
        "clients",
        "lifecycle",
        "logs",
    )
    __slots__ = _fields
    client: str
    """The typed client class that ``client=None`` stands for, as ``module:Class``."""
    describe: Operation[Any]
    identifiers: tuple[Identifier, ...]
    create: Operation[Any] | None
    created: frozenset[str]
    """Fields that Create's response gives with the Describe response's types."""
    listing: PaginatorSpec[Any, Any] | None
    summary: frozenset[str]
    """Fields that a listed item gives with the Describe response's types."""
    by_name: Mapping[str, frozenset[str]]
    """Per operation, the identifiers it takes as the plain name (the field of that name), where
    the resource holds the ARN (which the Describe operation takes, and which names it exactly)."""
    clients: Mapping[str, str]
    """The typed client class (``module:Class``) of each other service an operation belongs to."""
    lifecycle: Lifecycle | None
    logs: tuple[str, str] | None
    """The CloudWatch Logs group and stream prefix, ``{name}`` standing for the first identifier."""

    def __init__(
        self,
        client: str,
        describe: Operation[Any],
        identifiers: tuple[Identifier, ...],
        create: Operation[Any] | None = None,
        created: frozenset[str] = frozenset(),
        listing: PaginatorSpec[Any, Any] | None = None,
        summary: frozenset[str] = frozenset(),
        by_name: Mapping[str, frozenset[str]] | None = None,
        clients: Mapping[str, str] | None = None,
        lifecycle: Lifecycle | None = None,
        logs: tuple[str, str] | None = None,
    ) -> None:
        values: tuple[Any, ...] = (client, describe, identifiers, create, created, listing, summary)
        values += (by_name or {}, clients or {}, lifecycle, logs)
        for name, value in zip(self._fields, values, strict=True):
            init(self, name, value)


@functools.cache
def default_client(path: str) -> Any:
    """The client that ``client=None`` means: one per class and process, from boto3's default session."""
    import importlib

    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)()


def members(params: Mapping[str, Any]) -> dict[str, Any]:
    """The request members given to a generated method (its ``locals()``)."""
    return {k: v for k, v in params.items() if k not in _OWN and v is not None and v is not REQUIRED}


class Field(Generic[T]):
    """A field of the Describe response, read from the resource: typed, read-only.

    Read from the last Describe response, else from what the listing or Create gave, else
    after describing the resource once.
    """

    __slots__ = ("name",)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, resource: None, owner: type) -> Self: ...
    @overload
    def __get__(self, resource: Resource, owner: type) -> T: ...
    def __get__(self, resource: Resource | None, owner: type) -> Self | T:
        if resource is None:
            return self
        value: T = resource._field(self.name)
        return value

    def __set__(self, resource: Resource, value: Never) -> NoReturn:
        raise AttributeError(f"{self.name} is read-only: it is what the service says (refresh() asks again)")


class Resource:
    """The base of every resource class: the client it was got with, its identifiers, its state."""

    __slots__ = ("_client", "_ids", "_known", "_state")
    _spec: ClassVar[ResourceSpec]

    _client: BaseClient
    _ids: dict[str, Any]
    """The Describe request's members that name this resource."""
    _known: dict[str, Any]
    """Fields known without a Describe (from the listing or Create)."""
    _state: Any
    """The last Describe response, or None before the first."""

    def __init__(self) -> None:
        name = type(self).__name__
        raise TypeError(f"get one with {name}.get(...), {name}.create(...) or {name}.get_all(...)")

    @classmethod
    def _make(cls, client: BaseClient, ids: dict[str, Any], known: dict[str, Any]) -> Self:
        resource = object.__new__(cls)
        resource._client, resource._ids, resource._known, resource._state = client, ids, known, None
        return resource

    @classmethod
    def _client_for(cls, client: BaseClient | None) -> BaseClient:
        return client if client is not None else default_client(cls._spec.client)

    @classmethod
    def _get(cls, params: Mapping[str, Any]) -> Self:
        client = cls._client_for(params["client"])
        ids = members(params)
        resource = cls._make(client, ids, {})
        resource._describe()
        return resource

    @classmethod
    def _create(cls, params: Mapping[str, Any]) -> Self:
        spec = cls._spec
        assert spec.create is not None
        client = cls._client_for(params["client"])
        given = members(params)
        answer = client._call(spec.create, None, given)
        known = {name: getattr(answer, name) for name in spec.created}
        return cls._make(client, cls._identify(known, given), known)

    @classmethod
    def _get_all(cls, params: Mapping[str, Any]) -> Iterator[Self]:
        from .paginate import paginate

        spec = cls._spec
        assert spec.listing is not None
        client = cls._client_for(params["client"])
        for item in paginate(client, spec.listing, None, members(params)):
            known = {name: getattr(item, name) for name in spec.summary}
            yield cls._make(client, cls._identify(known, item.__dict__), known)

    @classmethod
    def _identify(cls, known: dict[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
        """The identifiers, from the fields that give them back, else from the same names in ``given``
        (a Create request, a listed item); ``known`` then holds them as fields too."""
        ids = {}
        for identifier in cls._spec.identifiers:
            value = known.get(identifier.source, given.get(identifier.source))
            if value is None:
                value = given.get(identifier.attr)
            elif identifier.source != identifier.attr:
                known.setdefault(identifier.source, value)
            if value is not None:
                ids[identifier.attr] = value
                if identifier.source == identifier.attr:
                    known.setdefault(identifier.attr, value)
        return ids

    def _describe(self) -> Any:
        self._state = self._client._call(self._spec.describe, None, self._ids)
        return self._state

    def _field(self, name: str) -> Any:
        state = self._state
        if state is None:
            if name in self._known:
                return self._known[name]
            state = self._describe()
        return getattr(state, name)

    def _act(self, operation: Operation[OutT], params: Mapping[str, Any]) -> OutT:
        """Call one of the resource's own operations, its identifiers filled in (through the typed
        client of the operation's service, made from the same session and region, if not this one's).

        Only the identifiers the operation takes (``DeleteModelCard`` takes no version), each as
        it takes it: the plain name where it takes no ARN (read from the field of that name).
        """
        client = self._client
        if operation.service.name != client._service:
            from .companions import typed_companion

            client = typed_companion(client, self._spec.clients[operation.service.name])
        takes = model(operation.service.models, operation.input).model_fields
        by_name = self._spec.by_name.get(operation.name, frozenset())
        ids = {k: self._field(k) if k in by_name else v for k, v in self._ids.items() if k in takes}
        return client._call(operation, None, {**members(params), **ids})

    def _update(self, operation: Operation[Any], params: Mapping[str, Any]) -> Self:
        self._act(operation, params)
        return self.refresh()

    def refresh(self) -> Self:
        """Describe the resource again; its fields show the answer. Returns the resource itself."""
        self._describe()
        return self

    @property
    def client(self) -> BaseClient:
        """The typed client this resource was got, created or listed with (and acts through)."""
        return self._client

    def __repr__(self) -> str:
        shown = dict(self._ids)
        lifecycle = self._spec.lifecycle
        if lifecycle is not None:
            status = getattr(self._state, lifecycle.attr) if self._state is not None else None
            status = status if status is not None else self._known.get(lifecycle.attr)
            if status is not None:
                shown[lifecycle.attr] = status
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        """IPython: the last Describe response as a tree under the resource's name (never a call)."""
        if self._state is None:
            p.text(repr(self))
            return
        from . import display

        display.pretty(self._state, p, cycle, type(self).__name__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Resource) and type(other) is type(self) and other._ids == self._ids

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted((k, str(v)) for k, v in self._ids.items()))))
