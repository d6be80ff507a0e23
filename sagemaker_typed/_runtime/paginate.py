"""Typed pagination over botocore's paginators."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from botocore.exceptions import ClientError
from pydantic import BaseModel

from .calls import Operation, build_request, parse_response
from .errors import SageMakerError

if TYPE_CHECKING:
    from .calls import BaseClient

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


@dataclass(frozen=True, slots=True)
class PaginatorSpec(Generic[PageT, ItemT]):
    """A paginator of the service model: its operation and the attribute holding the items."""

    operation: Operation[PageT]
    result_attr: str


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
        operation = self._spec.operation
        paginator = self._client.client.get_paginator(operation.method)
        for page in _typed_errors(paginator.paginate(**self._wire)):
            typed: PageT = parse_response(operation.output, page)
            yield typed

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from getattr(page, self._spec.result_attr) or ()


def paginate(
    client: BaseClient, spec: PaginatorSpec[PageT, ItemT], request: BaseModel | None, params: Mapping[str, Any]
) -> Paginator[PageT, ItemT]:
    return Paginator(client, spec, build_request(spec.operation.input, request, params, client.validation))


def _typed_errors(pages: Any) -> Iterator[dict[str, Any]]:
    """botocore's pages, with each page's ClientError raised as its typed error (as in calls)."""
    iterator = iter(pages)
    while True:
        try:
            page: dict[str, Any] = next(iterator)
        except StopIteration:
            return
        except ClientError as error:
            raise SageMakerError.from_client_error(error) from error
        yield page
