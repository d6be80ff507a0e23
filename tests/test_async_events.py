"""Async event streams: the same spec and decoders as test_events, read with ``async for``.

The streams are the framed bytes of test_events, answered through a ``before-send`` hook of a
real aiobotocore sagemaker-runtime client, so aiobotocore's own decoder and parser run.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

pytest.importorskip("aiobotocore")

from aiobotocore.awsrequest import AioAWSResponse
from aiobotocore.session import get_session

from sagemaker_typed._runtime.events import AsyncEventStream, ServerSentEvent
from sagemaker_typed.runtime import AsyncSageMakerRuntimeClient, errors, models
from tests.test_events import SPEC, SSE_BODY, RawStream, StreamFailed, part, stream_error


class Content:
    """aiohttp's ``StreamReader``, as aiobotocore reads an event stream: the same fixed-size chunks."""

    def __init__(self, raw: RawStream) -> None:
        self.raw = raw

    async def iter_chunks(self) -> AsyncIterator[tuple[bytes, bool]]:
        for chunk in self.raw.stream():
            await asyncio.sleep(0)
            yield chunk, True


class AioRawStream(RawStream):
    """The HTTP response aiobotocore reads an event stream from."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.content = Content(self)


async def invoke(frames: list[bytes], typed: bool = False) -> tuple[Any, AioRawStream]:
    """aiobotocore's parsed ``Body`` of InvokeEndpointWithResponseStream for these frames
    (``typed``: the typed output of AsyncSageMakerRuntimeClient's call instead)."""
    raw = AioRawStream(b"".join(frames))

    def answer(request: Any, **_: Any) -> AioAWSResponse:
        return AioAWSResponse(request.url, 200, {"content-type": "application/vnd.amazon.eventstream"}, raw)

    async with get_session().create_client(
        "sagemaker-runtime", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    ) as client:
        client.meta.events.register("before-send", answer)
        if typed:
            output = await AsyncSageMakerRuntimeClient(client).invoke_endpoint_with_response_stream(
                endpoint_name="e", body=b"{}"
            )
            return output, raw
        response = await client.invoke_endpoint_with_response_stream(EndpointName="e", Body=b"{}")
    return response["Body"], raw


def test_the_async_client_returns_an_async_typed_stream() -> None:
    """aiobotocore's stream is read with ``async for`` only: the typed output holds the async twin."""

    async def main() -> None:
        output, raw = await invoke([part(b"a\n"), part(b"b\n"), stream_error("StreamBroken")], typed=True)
        assert isinstance(output, models.InvokeEndpointWithResponseStreamOutput)
        assert isinstance(output.body, AsyncEventStream)
        seen = []
        with pytest.raises(errors.ModelStreamError):
            async for event in output.body:
                assert isinstance(event, models.ResponseStream) and event.payload_part is not None
                seen.append(event.payload_part.bytes)
        assert seen == [b"a\n", b"b\n"] and raw.closed

    asyncio.run(main())


def test_typed_events_in_order() -> None:
    async def main() -> None:
        body, raw = await invoke([part(b"a"), part(b"b")])
        events = [event async for event in AsyncEventStream(body, SPEC)]
        assert events == [{"PayloadPart": {"Bytes": b"a"}}, {"PayloadPart": {"Bytes": b"b"}}]
        assert raw.closed

    asyncio.run(main())


@pytest.mark.parametrize("cut", [1, 5, 9, 22, 23, 40])
def test_lines_and_events_however_the_parts_cut_them(cut: int) -> None:
    async def main() -> None:
        parts = [SSE_BODY[:cut], SSE_BODY[cut:]]
        body, _ = await invoke([part(p) for p in parts if p])
        assert [e async for e in AsyncEventStream(body, SPEC).server_sent_events()] == [
            ServerSentEvent('{"token": "Hel"}'),
            ServerSentEvent('{"token": "lo"}'),
            ServerSentEvent("[DONE]"),
        ]
        body, _ = await invoke([part(b"one\ntwo\nthr"), part(b"ee\n")])
        assert [line async for line in AsyncEventStream(body, SPEC).lines()] == ["one", "two", "three"]

    asyncio.run(main())


def test_an_early_break_and_an_async_with_block_close_the_stream() -> None:
    async def main() -> None:
        body, raw = await invoke([part(b"one\n"), part(b"two\n"), part(b"three\n")] * 50)
        lines = AsyncEventStream(body, SPEC).lines()
        async for line in lines:
            assert line == "one"
            break
        await lines.aclose()  # what an async generator needs to run its cleanup at once
        assert raw.closed
        assert raw.read_up_to < len(raw.data)  # the rest was never read

        body, raw = await invoke([part(b"one\n"), part(b"two\n")] * 50)
        async with AsyncEventStream(body, SPEC) as stream:
            async for line in stream.lines():
                assert line == "one"
                break
        assert raw.closed
        assert raw.read_up_to < len(raw.data)

    asyncio.run(main())


def test_an_exception_event_is_raised_typed_after_what_came_before() -> None:
    async def main() -> None:
        body, raw = await invoke([part(b"partial line, then "), part(b"a whole one\n"), stream_error("StreamBroken")])
        seen = []
        with pytest.raises(StreamFailed) as caught:
            async for line in AsyncEventStream(body, SPEC).lines():
                seen.append(line)
        assert seen == ["partial line, then a whole one"]
        assert caught.value.code == "ModelStreamError"
        assert raw.closed

    asyncio.run(main())


def test_the_typed_async_client_gives_an_async_event_stream() -> None:
    """The async runtime client's result holds an AsyncEventStream of typed events (not the sync wrapper)."""
    from sagemaker_typed.runtime import AsyncSageMakerRuntimeClient, errors, models

    streams: list[AioRawStream] = []

    def answer(request: Any, **_: Any) -> AioAWSResponse:
        return AioAWSResponse(request.url, 200, {"content-type": "application/vnd.amazon.eventstream"}, streams.pop(0))

    async def main() -> None:
        split = AioRawStream(b"".join([part(b"fir"), part(b"st\nsec"), part(b"ond\nthird\n")] + [part(b"x\n")] * 50))
        failing = AioRawStream(b"".join([part(b"a"), stream_error("ModelStreamError")]))
        async with get_session().create_client(
            "sagemaker-runtime", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
        ) as client:
            rt = AsyncSageMakerRuntimeClient(client)
            client.meta.events.register("before-send", answer)
            streams.extend([split, failing])
            result = await rt.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}")
            assert isinstance(result.body, AsyncEventStream)
            lines = []
            async with result.body as stream:
                async for line in stream.lines():
                    lines.append(line)
                    if len(lines) == 2:
                        break
            assert lines == ["first", "second"]
            assert split.closed and split.read_up_to < len(split.data)

            result = await rt.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}")
            events = []
            with pytest.raises(errors.ModelStreamError):
                async for event in result.body:
                    events.append(event)
            assert [type(e) for e in events] == [models.ResponseStream]
            assert events[0].payload_part is not None and events[0].payload_part.bytes == b"a"

    asyncio.run(main())
