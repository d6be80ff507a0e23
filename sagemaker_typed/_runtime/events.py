"""Event streams: typed events, and whole lines or server-sent events out of payload parts.

botocore decodes an event stream (``botocore.eventstream.EventStream``: the binary framing,
the event headers, exception events raised as ``EventStreamError``); this module types what
it yields and joins the payload parts a model server streams. A part may end in the middle
of a line, of a UTF-8 character, or hold several lines: :class:`LineDecoder` splits on the
bytes and decodes whole lines only. :class:`SSEDecoder` turns lines into server-sent events
(the WHATWG ``text/event-stream`` rules: ``data:`` lines joined by newlines, dispatched at a
blank line, ``:`` comments ignored). Both are plain state machines, fed by the sync stream
(:class:`EventStream`, over botocore's) and the async one (:class:`AsyncEventStream`, over
aiobotocore's) alike. Nothing here awaits anything but the stream it is given: no asyncio.

Every iterator closes the underlying HTTP stream when it ends, early ``break`` included.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import AsyncGenerator, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, get_args, get_origin

from botocore.exceptions import ClientError
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema
from typing_extensions import Self

EventT = TypeVar("EventT")


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One server-sent event: its ``data`` lines joined by newlines, and its fields."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None


class LineDecoder:
    """Bytes in any chunking -> whole lines (``\\n``, ``\\r\\n`` or ``\\r`` ended), decoded."""

    __slots__ = ("_buffer", "_encoding")

    def __init__(self, encoding: str = "utf-8") -> None:
        self._buffer = b""
        self._encoding = encoding

    def feed(self, chunk: bytes) -> list[str]:
        """The lines that ``chunk`` completes (without their line ends)."""
        data = self._buffer + chunk
        # A trailing \r may be the first half of \r\n: keep it until the next byte is known.
        keep_cr = data.endswith(b"\r")
        body = data[:-1] if keep_cr else data
        lines = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        self._buffer = lines.pop() + (b"\r" if keep_cr else b"")
        return [line.decode(self._encoding) for line in lines]

    def finish(self) -> list[str]:
        """What is left once the stream ends: a last line without a line end, if any."""
        rest, self._buffer = self._buffer.rstrip(b"\r"), b""
        return [rest.decode(self._encoding)] if rest else []


class SSEDecoder:
    """Lines -> server-sent events, as a browser's ``EventSource`` reads them."""

    __slots__ = ("_data", "_event", "_id", "_retry")

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        """The event that ``line`` completes (a blank line dispatches), or None."""
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None

    def finish(self) -> ServerSentEvent | None:
        """An event the stream ended without a blank line after, if any."""
        return self._dispatch()

    def _dispatch(self) -> ServerSentEvent | None:
        data, event = self._data, self._event
        self._data, self._event = [], ""
        if not data:
            return None
        return ServerSentEvent("\n".join(data), event or "message", self._id, self._retry)


@dataclass(frozen=True, slots=True)
class EventStreamSpec(Generic[EventT]):
    """How to read one operation's event stream: typed events, and where the payload bytes are.

    ``payload`` is the wire path of the payload bytes inside a raw event, e.g.
    ``("PayloadPart", "Bytes")``; ``parse`` makes the typed event of a raw one (leniently: a
    newer API may send event types this SDK does not know); ``error`` makes the typed error
    of an exception event.
    """

    parse: Callable[[Mapping[str, Any]], EventT]
    payload: tuple[str, str]
    error: Callable[[ClientError], Exception]

    def payload_of(self, raw: Mapping[str, Any]) -> bytes | None:
        """The payload bytes a raw event carries (None: another event, or an empty part)."""
        event_name, member = self.payload
        part = raw.get(event_name)
        return (part.get(member) or None) if part is not None else None


class EventStream(Generic[EventT]):
    """A typed event stream: iterate for typed events, or read payload bytes, lines or events.

    Use it as a context manager, or iterate it to the end, so that the HTTP stream is closed;
    an iterator that ends early (``break``) closes it too.
    """

    def __init__(self, raw: Any, spec: EventStreamSpec[EventT]) -> None:
        self._raw = raw
        self._spec = spec

    def __iter__(self) -> Iterator[EventT]:
        parse = self._spec.parse
        for raw in self._events():
            yield parse(raw)

    def payloads(self) -> Iterator[bytes]:
        """The payload bytes of each payload event, as they come (other events are skipped)."""
        payload_of = self._spec.payload_of
        for raw in self._events():
            chunk = payload_of(raw)
            if chunk is not None:
                yield chunk

    def lines(self, encoding: str = "utf-8") -> Iterator[str]:
        """Whole lines of the payload, however the parts split or merge them."""
        decoder = LineDecoder(encoding)
        for chunk in self.payloads():
            yield from decoder.feed(chunk)
        yield from decoder.finish()

    def server_sent_events(self, encoding: str = "utf-8") -> Iterator[ServerSentEvent]:
        """The payload read as ``text/event-stream`` (what LLM servers stream), event by event."""
        decoder = SSEDecoder()
        for line in self.lines(encoding):
            event = decoder.feed(line)
            if event is not None:
                yield event
        last = decoder.finish()
        if last is not None:
            yield last

    def close(self) -> None:
        """Close the HTTP stream (nothing more can be read)."""
        self._raw.close()

    def __enter__(self) -> EventStream[EventT]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _events(self) -> Iterator[Mapping[str, Any]]:
        """botocore's raw events; exception events raised typed; closed however it ends."""
        try:
            yield from self._raw
        except ClientError as error:  # botocore's EventStreamError is a ClientError
            raise self._spec.error(error) from error
        finally:
            self.close()


class AsyncEventStream(Generic[EventT]):
    """A typed event stream read with ``async for``: typed events, or payload bytes, lines or events.

    The async twin of :class:`EventStream` over aiobotocore's ``AioEventStream``: the same
    ``EventStreamSpec``, and the same ``LineDecoder`` and ``SSEDecoder`` state machines fed
    as the parts come. Use it with ``async with`` (or iterate to the end) so that the HTTP
    stream is closed: after an early ``break``, an async generator is only closed when the
    event loop gets to it, unless the block (or ``contextlib.aclosing``) closes it at once.
    """

    def __init__(self, raw: Any, spec: EventStreamSpec[EventT]) -> None:
        self._raw = raw
        self._spec = spec

    async def __aiter__(self) -> AsyncGenerator[EventT, None]:
        parse = self._spec.parse
        async with contextlib.aclosing(self._events()) as events:
            async for raw in events:
                yield parse(raw)

    async def payloads(self) -> AsyncGenerator[bytes, None]:
        """The payload bytes of each payload event, as they come (other events are skipped)."""
        payload_of = self._spec.payload_of
        async with contextlib.aclosing(self._events()) as events:
            async for raw in events:
                chunk = payload_of(raw)
                if chunk is not None:
                    yield chunk

    async def lines(self, encoding: str = "utf-8") -> AsyncGenerator[str, None]:
        """Whole lines of the payload, however the parts split or merge them."""
        decoder = LineDecoder(encoding)
        async with contextlib.aclosing(self.payloads()) as chunks:
            async for chunk in chunks:
                for line in decoder.feed(chunk):
                    yield line
        for line in decoder.finish():
            yield line

    async def server_sent_events(self, encoding: str = "utf-8") -> AsyncGenerator[ServerSentEvent, None]:
        """The payload read as ``text/event-stream`` (what LLM servers stream), event by event."""
        decoder = SSEDecoder()
        async with contextlib.aclosing(self.lines(encoding)) as lines:
            async for line in lines:
                event = decoder.feed(line)
                if event is not None:
                    yield event
        last = decoder.finish()
        if last is not None:
            yield last

    def close(self) -> None:
        """Close the HTTP stream (nothing more can be read)."""
        self._raw.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    async def _events(self) -> AsyncGenerator[Mapping[str, Any], None]:
        """aiobotocore's raw events; exception events raised typed; closed however it ends."""
        try:
            async for raw in self._raw:
                yield raw
        except ClientError as error:  # botocore's EventStreamError is a ClientError
            raise self._spec.error(error) from error
        finally:
            self.close()


@dataclass(frozen=True, slots=True)
class Events:
    """The field of an event stream member: botocore's stream, wrapped as a typed :class:`EventStream`.

    Generated code puts it in the member's ``Annotated`` metadata, beside
    ``EventStream[TheEventUnion] | None``: ``payload`` names the payload event and member,
    ``errors`` the error class (``module:Class``) whose ``from_client_error`` types an
    exception event. aiobotocore's stream (the async client's results) becomes an
    :class:`AsyncEventStream`, read with ``async for`` (type checkers see ``EventStream``).
    """

    payload: tuple[str, str]
    errors: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        optional = get_origin(source) is not EventStream  # EventStream[E] | None
        stream = next(a for a in get_args(source) if a is not type(None)) if optional else source
        (event,) = get_args(stream)
        module, _, name = self.errors.partition(":")

        def error(caught: ClientError) -> Exception:
            typed: Exception = getattr(importlib.import_module(module), name).from_client_error(caught)
            return typed

        spec: EventStreamSpec[Any] = EventStreamSpec(event.model_validate, self.payload, error)

        def wrap(raw: Any) -> Any:
            if raw is None or isinstance(raw, EventStream):
                return raw
            if hasattr(raw, "__aiter__"):  # aiobotocore's stream, from the async client: read with async for
                return raw if isinstance(raw, AsyncEventStream) else AsyncEventStream(raw, spec)
            return EventStream(raw, spec)

        return core_schema.no_info_plain_validator_function(
            wrap, serialization=core_schema.plain_serializer_function_ser_schema(lambda value: value)
        )
