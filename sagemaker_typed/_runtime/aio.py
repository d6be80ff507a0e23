"""The async client machinery, over aiobotocore: the generated ``AsyncSageMakerClient`` declares, this runs.

Everything but the I/O is shared with the sync client: requests are built and validated by
``calls.build_request``, responses parsed by ``calls.parse_response``, errors mapped by
``calls.calling``, an operation the installed botocore lacks reported by
``calls.method_of``, pages typed by ``paginate.PaginatorSpec``, waiters decided by the
sans-I/O loop of ``wait.steps``. Event streams, sync and async, are ``events``' (this
module does not import it: the streams are made by the shared output models). Only awaiting
lives here.

aiobotocore is an optional extra (``sagemaker-typed[async]``): it is imported inside the
functions that need it, so this module (and the generated ``async_client``) type-check and
import without it, and the sync client never imports either.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
from collections.abc import AsyncIterator, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from pydantic import BaseModel
from typing_extensions import Self

from . import wait
from .calls import (
    Operation,
    build_request,
    calling,
    client_arguments,
    method_of,
    parse_response,
    validation_level,
    wraps,
)
from .errors import SageMakerError
from .lenient import Validation
from .paginate import PaginatorSpec

if TYPE_CHECKING:
    import botocore.config

    # Type checkers of a program that never awaits should not read typeshed's asyncio (with
    # what it imports, 58 modules: a third of a cold mypy run over a script with one pydantic
    # model), yet the package root names the async client. This module needs two of its names.
    class _Lock(Protocol):
        async def __aenter__(self) -> object: ...
        async def __aexit__(self, *exc_info: object) -> object: ...

    def _new_lock() -> _Lock: ...
    async def _sleep(seconds: float) -> None: ...
else:
    import asyncio

    _new_lock = asyncio.Lock

    async def _sleep(seconds: float) -> None:
        await asyncio.sleep(seconds)  # looked up at each call, so a patched asyncio.sleep applies


OutT = TypeVar("OutT")
PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


class AsyncBaseClient:
    """Wraps an aiobotocore client; the generated ``AsyncSageMakerClient`` adds one coroutine per operation.

    ``AsyncSageMakerClient()`` makes an aiobotocore client from ``aiobotocore.session.get_session()``
    (``session=`` an ``AioSession`` of yours); the keyword arguments are those of
    ``AioSession.create_client`` (``region_name``, ``endpoint_url``, ``config``, credentials ...).
    It is made and opened on ``async with`` or on the first call, and closed by ``close()`` or
    at the end of the ``async with`` block.

    ``AsyncSageMakerClient(client)`` wraps an aiobotocore client you made. ``async with`` and
    ``close()`` then do what they do on that client, so keep managing it as you do: e.g.
    ``async with session.create_client("sagemaker") as raw: sm = AsyncSageMakerClient(raw)``.
    """

    _service = "sagemaker"

    def __init__(
        self,
        client: Any = None,
        *,
        session: Any = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        config: botocore.config.Config | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        aws_account_id: str | None = None,
        api_version: str | None = None,
        use_ssl: bool | None = None,
        verify: bool | str | None = None,
        validation: Validation = "all",
    ) -> None:
        self.validation = validation_level(validation)
        """Which rules requests are checked by before sending: "all" or "structure" (see ``Validation``)."""
        self._params = {k: v for k, v in locals().items() if k != "self"}
        self._wraps = wraps(self._params)  # refuses a client and arguments at once
        self._session = session
        self._client: Any = client
        self._stack: contextlib.AsyncExitStack | None = None
        self._lock: _Lock | None = None
        self._closed = False

    @property
    def client(self) -> Any:
        """The wrapped aiobotocore client: for events, config and anything this SDK does not cover.

        A client this object makes exists once it is open (``async with``, or after a call).
        """
        if self._client is None:
            raise RuntimeError(
                f"the aiobotocore client is made when {type(self).__name__} is opened: "
                "use `async with` (or await a call) first"
            )
        return self._client

    def __repr__(self) -> str:
        inner = "not open" if self._client is None else repr(self._client)
        return f"{type(self).__name__}({inner})"

    async def _open(self) -> Any:
        """The aiobotocore client, made and entered first if it is ours and not made yet."""
        if self._client is not None:
            return self._client
        if self._closed:
            raise RuntimeError(f"this {type(self).__name__} is closed")
        if self._lock is None:
            self._lock = _new_lock()
        async with self._lock:  # concurrent first calls make one client
            if self._client is None:
                session = self._session or _aiobotocore("session").get_session()
                arguments = client_arguments(self._params, _aiobotocore("config").AioConfig)
                stack = contextlib.AsyncExitStack()
                creator = session.create_client(self._service, **(arguments or {}))
                self._client = await stack.enter_async_context(creator)
                self._stack = stack
        return self._client

    async def __aenter__(self) -> Self:
        if self._wraps:  # a client of yours: entered as aiobotocore would
            await self._client.__aenter__()
        else:
            await self._open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._wraps:
            await self._client.__aexit__(exc_type, exc, tb)
        else:
            await self.close()

    async def close(self) -> None:
        """Close the aiobotocore client's connections (a client this object made: for good)."""
        if self._wraps:
            await self._client.close()
            return
        self._closed = True
        stack, self._stack = self._stack, None
        if stack is not None:
            self._client = None
            await stack.aclose()

    async def _invoke(self, operation: Operation[Any], wire: dict[str, Any]) -> dict[str, Any]:
        """Await aiobotocore with a wire dict; ClientErrors become typed errors."""
        client = await self._open()
        call = method_of(client, operation)
        with calling(client, operation, wire):
            response: dict[str, Any] = await call(**wire)
        return response

    async def _call(self, operation: Operation[OutT], request: BaseModel | None, params: Mapping[str, Any]) -> OutT:
        wire = build_request(operation, request, params, self.validation)
        result: OutT = parse_response(operation, await self._invoke(operation, wire))
        return result


def _aiobotocore(module: str) -> Any:
    """``aiobotocore.<module>``, imported on first use: aiobotocore is the optional ``async`` extra."""
    try:
        return importlib.import_module(f"aiobotocore.{module}")
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "the async client needs aiobotocore: pip install 'sagemaker-typed[async]'", name=error.name
        ) from error


class AsyncPaginator(Generic[PageT, ItemT]):
    """``async for`` the items of every page; ``pages()`` for the typed pages themselves.

    The request is validated when the paginator is made, before anything is sent. Page size
    is the operation's own limit parameter (e.g. ``max_results``).
    """

    def __init__(self, client: AsyncBaseClient, spec: PaginatorSpec[PageT, ItemT], wire: dict[str, Any]) -> None:
        self._client = client
        self._spec = spec
        self._wire = wire

    async def pages(self) -> AsyncIterator[PageT]:
        """The typed response pages, fetched as iteration goes."""
        client = await self._client._open()
        raw_pages = self._spec.raw_pages(client, self._wire)
        with calling(client, self._spec.operation, self._wire):  # each page's errors typed
            async for raw in raw_pages:
                yield self._spec.page(raw)

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in self._spec.items(page):
                yield item


def paginate(
    client: AsyncBaseClient, spec: PaginatorSpec[PageT, ItemT], request: BaseModel | None, params: Mapping[str, Any]
) -> AsyncPaginator[PageT, ItemT]:
    return AsyncPaginator(client, spec, build_request(spec.operation, request, params, client.validation))


async def until(
    client: AsyncBaseClient,
    spec: wait.WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    **options: Any,
) -> OutT:
    """Wait for a state the operation's response shows; return that response."""
    result: OutT | None = await poll(client, spec, request, params, **options)
    return wait.success(spec, result)


async def until_gone(
    client: AsyncBaseClient,
    spec: wait.WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    **options: Any,
) -> None:
    """Wait for the resource to be gone (success is an error such as "not found")."""
    await poll(client, spec, request, params, **options)


async def poll(
    client: AsyncBaseClient,
    spec: wait.WaiterSpec[OutT],
    request: BaseModel | None,
    params: Mapping[str, Any],
    *,
    delay: float | None = None,
    max_attempts: int | None = None,
    callback: Callable[[OutT | None], object] | None = None,
) -> OutT | None:
    """``wait.steps`` driven with awaited calls and ``asyncio.sleep``.

    ``callback`` may be a plain function or a coroutine function: what it returns is
    awaited when it is awaitable.
    """
    wire = build_request(spec.operation, request, params, client.validation)
    loop = wait.steps(spec, delay, max_attempts)
    outcome: wait.Outcome = None
    while True:
        try:
            step = loop.send(outcome)
        except StopIteration as done:
            result: OutT | None = done.value
            return result
        outcome = None
        if step is wait.CALL:
            try:
                outcome = await client._invoke(spec.operation, wire)
            except SageMakerError as error:
                outcome = error
        elif isinstance(step, wait.Report):
            if callback is not None:
                returned = callback(step.response)
                if inspect.isawaitable(returned):
                    await returned
        elif isinstance(step, wait.Sleep):
            await _sleep(step.seconds)
