"""Typed pagination over botocore's paginators.

What a typed page is and which items it holds is said once, by ``PaginatorSpec``; the sync
``Paginator`` here and the async one in ``aio`` only walk botocore's (or aiobotocore's) pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .calls import Operation, build_request, calling, method_of, parse_response
from .record import Record, init

if TYPE_CHECKING:
    from .calls import BaseClient

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


class PaginatorSpec(Record, Generic[PageT, ItemT]):
    """A paginator of the service model: its operation and the attribute holding the items."""

    _fields = ("operation", "result_attr")
    __slots__ = _fields
    operation: Operation[PageT]
    result_attr: str

    def __init__(self, operation: Operation[PageT], result_attr: str) -> None:
        init(self, "operation", operation)
        init(self, "result_attr", result_attr)

    def page(self, raw: Mapping[str, Any]) -> PageT:
        """One of botocore's pages, typed."""
        typed: PageT = parse_response(self.operation, raw)
        return typed

    def items(self, page: PageT) -> Iterable[ItemT]:
        """The items a typed page holds (none when the service left them out)."""
        items: Iterable[ItemT] = getattr(page, self.result_attr) or ()
        return items

    def raw_pages(self, client: Any, wire: dict[str, Any]) -> Any:
        """botocore's (or aiobotocore's) page iterator for a validated request."""
        method_of(client, self.operation, paginator=True)  # one the installed botocore lacks: a clear error
        return client.get_paginator(self.operation.method).paginate(**wire)


class Paginator(Generic[PageT, ItemT]):
    """Iterate for the items of every page; ``pages()`` for the typed pages themselves.

    The request is validated when the paginator is made, before anything is sent. Page size
    is the operation's own limit parameter (e.g. ``max_results``).
    """

    def __init__(self, client: BaseClient, spec: PaginatorSpec[PageT, ItemT], wire: dict[str, Any]) -> None:
        self._client = client
        self._spec = spec
        self._wire = wire

    def pages(self) -> Iterator[PageT]:
        """The typed response pages, fetched as iteration goes."""
        client = self._client.client
        with calling(client, self._spec.operation, self._wire):  # each page's errors typed
            for raw in self._spec.raw_pages(client, self._wire):
                yield self._spec.page(raw)

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from self._spec.items(page)


def paginate(
    client: BaseClient, spec: PaginatorSpec[PageT, ItemT], request: BaseModel | None, params: Mapping[str, Any]
) -> Paginator[PageT, ItemT]:
    return Paginator(client, spec, build_request(spec.operation, request, params, client.validation))
