"""Event streams: the line and server-sent-event decoders, and streams decoded by botocore.

The streams are real ``application/vnd.amazon.eventstream`` bytes (framed here with CRCs,
as the service frames them), answered through a ``before-send`` hook of a real
sagemaker-runtime client, so botocore's own decoder and parser run.
"""

from __future__ import annotations

import binascii
import json
import struct
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError

from sagemaker_typed._runtime.events import EventStream, EventStreamSpec, LineDecoder, ServerSentEvent, SSEDecoder

# --- the decoders ---------------------------------------------------------------------------


def decode_lines(chunks: list[bytes]) -> list[str]:
    decoder = LineDecoder()
    lines = [line for chunk in chunks for line in decoder.feed(chunk)]
    return lines + decoder.finish()


@pytest.mark.parametrize(
    ("chunks", "lines"),
    [
        ([b"one\ntwo\n"], ["one", "two"]),
        ([b"on", b"e\nt", b"wo\n"], ["one", "two"]),  # a part splits a line
        ([b"one\ntwo\nthree"], ["one", "two", "three"]),  # a last line without its end
        ([b"a\r", b"\nb\r\n"], ["a", "b"]),  # \r\n split between parts
        ([b"a\rb\r"], ["a", "b"]),  # bare \r ends a line
        ([b"\n\n"], ["", ""]),  # blank lines are lines
        (["é€😀\n".encode()[:3], "é€😀\n".encode()[3:7], "é€😀\n".encode()[7:]], ["é€😀"]),  # UTF-8 split
        ([b"", b"x", b""], ["x"]),
    ],
)
def test_line_decoder(chunks: list[bytes], lines: list[str]) -> None:
    assert decode_lines(chunks) == lines


def decode_events(lines: list[str]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [e for line in lines if (e := decoder.feed(line)) is not None]
    last = decoder.finish()
    return events + ([last] if last else [])


def test_sse_decoder_follows_the_event_stream_rules() -> None:
    lines = [
        ": a comment",
        "data: first",
        "",
        "event: token",
        "id: 7",
        "retry: 1500",
        'data:{"a":',
        "data:  1}",
        "",
        "",  # a second blank line dispatches nothing
        "data: [DONE]",  # the stream ends without a blank line
    ]
    assert decode_events(lines) == [
        ServerSentEvent("first"),
        ServerSentEvent('{"a":\n 1}', "token", "7", 1500),
        ServerSentEvent("[DONE]", "message", "7", 1500),
    ]


# --- streams decoded by botocore --------------------------------------------------------------


def frame(headers: dict[str, str], payload: bytes) -> bytes:
    """One event-stream message: prelude, CRC, string headers, payload, CRC."""
    encoded = b"".join(
        struct.pack("B", len(k)) + k.encode() + b"\x07" + struct.pack(">H", len(v)) + v.encode()
        for k, v in headers.items()
    )
    total = 12 + len(encoded) + len(payload) + 4
    prelude = struct.pack(">II", total, len(encoded))
    prelude += struct.pack(">I", binascii.crc32(prelude) & 0xFFFFFFFF)
    message = prelude + encoded + payload
    return message + struct.pack(">I", binascii.crc32(message) & 0xFFFFFFFF)


def part(data: bytes) -> bytes:
    return frame(
        {":message-type": "event", ":event-type": "PayloadPart", ":content-type": "application/octet-stream"}, data
    )


def stream_error(code: str) -> bytes:
    body = json.dumps({"Message": "the model went away", "ErrorCode": code}).encode()
    return frame(
        {":message-type": "exception", ":exception-type": "ModelStreamError", ":content-type": "application/json"},
        body,
    )


PAYLOAD_PARTS = (b"first part, ", b"second part")


def answer_with_events(raw_client: Any, spec: Any, operation: str, streams: dict[str, str], make: Any) -> None:
    """Answer each event-stream member of ``operation``'s output (``streams``: wire name -> stream
    shape of ``spec``, a ``specdata.Spec``) with ``make(framed bytes, member shape, operation)``:
    botocore's or aiobotocore's stream over the payload events of PAYLOAD_PARTS. An ``after-call``
    hook, since a Stubber can only return dicts."""
    model = raw_client.meta.service_model.operation_model(operation)

    def replace(parsed: dict[str, Any], **_: Any) -> None:
        for wire, stream in streams.items():
            event, _member = spec.payload_event(stream)
            headers = {":message-type": "event", ":event-type": event, ":content-type": "application/octet-stream"}
            data = b"".join(frame(headers, part) for part in PAYLOAD_PARTS)
            parsed[wire] = make(data, model.output_shape.members[wire], operation)

    raw_client.meta.events.register(f"after-call.*.{operation}", replace)


def expected_events(spec: Any, stream: str) -> list[dict[str, Any]]:
    """The wire form of the typed events ``answer_with_events`` makes come back."""
    event, member = spec.payload_event(stream)
    return [{event: {member: part}} for part in PAYLOAD_PARTS]


class RawStream:
    """The HTTP body botocore reads an event stream from, in fixed-size network chunks."""

    def __init__(self, data: bytes, chunk: int = 7) -> None:
        self.data = data
        self.chunk = chunk
        self.closed = False
        self.read_up_to = 0

    def stream(self, **_: Any) -> Iterator[bytes]:
        for start in range(0, len(self.data), self.chunk):
            if self.closed:
                return
            self.read_up_to = start + self.chunk
            yield self.data[start : start + self.chunk]

    def close(self) -> None:
        self.closed = True


def invoke(frames: list[bytes]) -> tuple[Any, RawStream]:
    """botocore's parsed ``Body`` of InvokeEndpointWithResponseStream for these frames."""
    raw = RawStream(b"".join(frames))
    client = boto3.client(
        "sagemaker-runtime", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b"
    )

    def answer(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, {"content-type": "application/vnd.amazon.eventstream"}, raw)

    client.meta.events.register("before-send", answer)
    response = client.invoke_endpoint_with_response_stream(EndpointName="e", Body=b"{}")
    return response["Body"], raw


class StreamFailed(Exception):
    def __init__(self, error: ClientError) -> None:
        super().__init__(error.response["Error"]["Code"])
        self.code = error.response["Error"]["Code"]


SPEC: EventStreamSpec[dict[str, Any]] = EventStreamSpec(
    parse=dict, payload=("PayloadPart", "Bytes"), error=StreamFailed
)

SSE_BODY = b'data: {"token": "Hel"}\n\ndata: {"token": "lo"}\n\ndata: [DONE]\n\n'


def test_typed_events_in_order() -> None:
    body, raw = invoke([part(b"a"), part(b"b")])
    events = list(EventStream(body, SPEC))
    assert events == [{"PayloadPart": {"Bytes": b"a"}}, {"PayloadPart": {"Bytes": b"b"}}]
    assert raw.closed


@pytest.mark.parametrize("cut", [1, 5, 9, 22, 23, 40])
def test_lines_and_events_however_the_parts_cut_them(cut: int) -> None:
    parts = [SSE_BODY[:cut], SSE_BODY[cut:]]
    body, _ = invoke([part(p) for p in parts if p])
    assert list(EventStream(body, SPEC).server_sent_events()) == [
        ServerSentEvent('{"token": "Hel"}'),
        ServerSentEvent('{"token": "lo"}'),
        ServerSentEvent("[DONE]"),
    ]


def test_one_part_holding_many_lines() -> None:
    body, _ = invoke([part(b"one\ntwo\nthr"), part(b"ee\n")])
    assert list(EventStream(body, SPEC).lines()) == ["one", "two", "three"]


def test_an_early_break_closes_the_stream() -> None:
    body, raw = invoke([part(b"one\n"), part(b"two\n"), part(b"three\n")] * 50)
    for line in EventStream(body, SPEC).lines():
        assert line == "one"
        break
    assert raw.closed
    assert raw.read_up_to < len(raw.data)  # the rest was never read


def test_a_with_block_closes_the_stream() -> None:
    body, raw = invoke([part(b"x")])
    with EventStream(body, SPEC) as stream:
        assert stream is not None
    assert raw.closed


def test_an_exception_event_is_raised_typed_after_what_came_before() -> None:
    body, raw = invoke([part(b"partial line, then "), part(b"a whole one\n"), stream_error("StreamBroken")])
    seen = []
    with pytest.raises(StreamFailed) as caught:
        for line in EventStream(body, SPEC).lines():
            seen.append(line)
    assert seen == ["partial line, then a whole one"]
    assert caught.value.code == "ModelStreamError"
    assert raw.closed
