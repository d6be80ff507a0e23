"""The REST protocol traits of the family, each the way boto3 takes and returns it.

Every request is made twice, by the typed client and by raw boto3 over the same botocore
service, and answered by a ``before-send`` hook: the HTTP requests botocore prepared must be
the same (method, path, query string, headers, body). So members bound to the URI, headers or
query string are plain keywords that land where boto3 puts them; blobs are taken in every form
boto3 takes; a streaming body comes back as botocore's ``StreamingBody``, unread; an event
stream comes back as typed events (through botocore's own decoder, with the framed streams of
``tests/test_events``).
"""

from __future__ import annotations

import base64
import datetime
import io
import json
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import boto3
import botocore
import botocore.config
import pydantic
import pytest
from botocore.awsrequest import AWSResponse
from botocore.response import StreamingBody

from sagemaker_typed import a2i_runtime, featurestore_runtime, gateway_runtime, geospatial, job_runtime, runtime
from sagemaker_typed import training_session_runtime as tsr
from sagemaker_typed._runtime.events import ServerSentEvent
from sagemaker_typed._runtime.operations import client_class, operations
from tests.test_events import RawStream, part, stream_error

# Headers that differ between two requests for reasons of their own: signature, time, ids.
VOLATILE = {"authorization", "x-amz-date", "user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "x-amz-user-agent"}


class Raw(io.BytesIO):
    """An HTTP response body as botocore reads it: ``stream()`` for buffered responses, ``read()`` for streams."""

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.read()


@dataclass
class Sent:
    """What botocore prepared to send."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    @classmethod
    def of(cls, request: Any) -> Sent:
        url = urlsplit(request.url)
        content = request.body
        if hasattr(content, "read"):  # a file body: botocore streams it
            position = content.tell()
            content = content.read()
            request.body.seek(position)
        headers = {k.lower(): v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
        return cls(
            request.method,
            url.path,
            sorted(parse_qsl(url.query, keep_blank_values=True)),
            {k: v for k, v in headers.items() if k not in VOLATILE},
            content.encode() if isinstance(content, str) else bytes(content or b""),
        )


@dataclass
class Server:
    """Answers every request of a botocore client with one canned response, and keeps what was sent."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Any] = b"{}"
    sent: list[Sent] = field(default_factory=list)
    bodies: list[Any] = field(default_factory=list)

    def answer(self, request: Any, **_: Any) -> AWSResponse:
        self.sent.append(Sent.of(request))
        raw = self.body() if callable(self.body) else Raw(self.body)
        self.bodies.append(raw)
        return AWSResponse(request.url, self.status, self.headers, raw)


def boto3_client(service: str, server: Server, **config: Any) -> Any:
    client = boto3.client(
        service,
        region_name="us-east-1",
        aws_access_key_id="a",
        aws_secret_access_key="b",
        config=botocore.config.Config(retries={"total_max_attempts": 1}, **config),
    )
    client.meta.events.register("before-send", server.answer)
    return client


def pair(service: str, server: Server) -> tuple[Any, Any]:
    """The typed client (as the SDK makes it: botocore's validation off) and raw boto3, on one server.

    Skips on a botocore older than the service (the lowest and the async sessions have one).
    """
    if service not in boto3.session.Session().get_available_services():
        pytest.skip(f"botocore {botocore.__version__} does not know {service}")
    typed = client_class(service)(boto3_client(service, server, parameter_validation=False))
    return typed, boto3_client(service, server)


def same_request(server: Server) -> Sent:
    """The last two requests (typed, then raw) were the same; return it."""
    typed, raw = server.sent[-2:]
    assert typed == raw
    return typed


# --- members bound to the URI, headers and query string -------------------------------------------


def test_uri_and_headers_of_invoke_endpoint() -> None:
    server = Server(headers={"content-type": "text/csv"}, body=b"1,2")
    typed, raw = pair("sagemaker-runtime", server)
    typed.invoke_endpoint(
        endpoint_name="my-endpoint",
        body=b"0.5,1.5",
        content_type="text/csv",
        accept="text/csv",
        custom_attributes="c=1",
        target_variant="blue",
        inference_id="i-1",
        session_id="NEW_SESSION",
    )
    raw.invoke_endpoint(
        EndpointName="my-endpoint",
        Body=b"0.5,1.5",
        ContentType="text/csv",
        Accept="text/csv",
        CustomAttributes="c=1",
        TargetVariant="blue",
        InferenceId="i-1",
        SessionId="NEW_SESSION",
    )
    sent = same_request(server)
    assert (sent.method, sent.path, sent.query, sent.body) == (
        "POST",
        "/endpoints/my-endpoint/invocations",
        [],
        b"0.5,1.5",
    )
    assert {k: v for k, v in sent.headers.items() if k.startswith("x-amzn-sagemaker")} == {
        "x-amzn-sagemaker-custom-attributes": "c=1",
        "x-amzn-sagemaker-target-variant": "blue",
        "x-amzn-sagemaker-inference-id": "i-1",
        "x-amzn-sagemaker-session-id": "NEW_SESSION",
    }
    assert (sent.headers["content-type"], sent.headers["accept"]) == ("text/csv", "text/csv")


def test_integer_headers_of_invoke_endpoint_async() -> None:
    server = Server(headers={"x-amzn-sagemaker-outputlocation": "s3://b/o"}, body=b'{"InferenceId": "i"}')
    typed, raw = pair("sagemaker-runtime", server)
    result = typed.invoke_endpoint_async(
        endpoint_name="e", input_location="s3://b/in", invocation_timeout_seconds=600, request_ttl_seconds=3600
    )
    raw.invoke_endpoint_async(
        EndpointName="e", InputLocation="s3://b/in", InvocationTimeoutSeconds=600, RequestTTLSeconds=3600
    )
    sent = same_request(server)
    assert sent.path == "/endpoints/e/async-invocations"
    assert sent.headers["x-amzn-sagemaker-invocationtimeoutseconds"] == "600"
    assert sent.headers["x-amzn-sagemaker-requestttlseconds"] == "3600"
    assert (result.inference_id, result.output_location) == ("i", "s3://b/o")  # body and header members


def test_query_string_lists_and_uri_of_get_record() -> None:
    server = Server(body=b'{"Record": [{"FeatureName": "f", "ValueAsString": "1"}]}')
    typed, raw = pair("sagemaker-featurestore-runtime", server)
    result = typed.get_record(
        feature_group_name="my-group",
        record_identifier_value_as_string="id 7/é",
        feature_names=["age", "income"],
        expiration_time_response=featurestore_runtime.models.ExpirationTimeResponse.ENABLED,
    )
    raw.get_record(
        FeatureGroupName="my-group",
        RecordIdentifierValueAsString="id 7/é",
        FeatureNames=["age", "income"],
        ExpirationTimeResponse="Enabled",
    )
    sent = same_request(server)
    assert (sent.method, sent.path) == ("GET", "/FeatureGroup/my-group")
    assert sent.query == [
        ("ExpirationTimeResponse", "Enabled"),
        ("FeatureName", "age"),
        ("FeatureName", "income"),
        ("RecordIdentifierValueAsString", "id 7/é"),
    ]
    assert result.record is not None and result.record[0].value_as_string == "1"


def test_query_string_timestamps_and_integers_of_list_human_loops() -> None:
    server = Server(body=b'{"HumanLoopSummaries": []}')
    typed, raw = pair("sagemaker-a2i-runtime", server)
    flow = "arn:aws:sagemaker:us-east-1:123456789012:flow-definition/f"
    after = datetime.datetime(2024, 6, 1, 12, 30, tzinfo=datetime.timezone.utc)
    typed.list_human_loops(
        flow_definition_arn=flow,
        creation_time_after=after,
        creation_time_before="2024-06-02T00:00:00Z",
        max_results=10,
        sort_order=a2i_runtime.models.SortOrder.DESCENDING,
    )
    raw.list_human_loops(
        FlowDefinitionArn=flow,
        CreationTimeAfter=after,
        CreationTimeBefore="2024-06-02T00:00:00Z",
        MaxResults=10,
        SortOrder="Descending",
    )
    sent = same_request(server)
    assert sent.path == "/human-loops"
    assert dict(sent.query) == {
        "CreationTimeAfter": "2024-06-01T12:30:00Z",
        "CreationTimeBefore": "2024-06-02T00:00:00Z",
        "FlowDefinitionArn": flow,
        "MaxResults": "10",
        "SortOrder": "Descending",
    }


def test_uri_integers_query_lists_and_a_streaming_output_of_get_tile() -> None:
    tile = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    server = Server(headers={"content-type": "image/png", "content-length": str(len(tile))}, body=tile)
    typed, raw = pair("sagemaker-geospatial", server)
    job = "arn:aws:sagemaker-geospatial:us-west-2:123456789012:earth-observation-job/abcd1234efgh"
    result = typed.get_tile(
        arn=job,
        x=1,
        y=2,
        z=3,
        image_assets=["red", "green"],
        target=geospatial.models.TargetOptions.OUTPUT,
        image_mask=True,
    )
    raw_result = raw.get_tile(Arn=job, x=1, y=2, z=3, ImageAssets=["red", "green"], Target="OUTPUT", ImageMask=True)
    sent = same_request(server)
    assert (sent.method, sent.path) == ("GET", "/tile/3/1/2")
    assert sent.query == [
        ("Arn", job),
        ("ImageAssets", "green"),
        ("ImageAssets", "red"),
        ("ImageMask", "true"),
        ("Target", "OUTPUT"),
    ]
    # The tile is botocore's StreamingBody, as boto3 gives it, and nothing has read it.
    assert isinstance(result.binary_file, StreamingBody)
    assert server.bodies[0].tell() == 0
    assert result.to_wire()["BinaryFile"] is result.binary_file  # dumped as it is, not iterated
    assert result.model_dump()["binary_file"] is result.binary_file
    assert result.binary_file.read() == raw_result["BinaryFile"].read() == tile


# --- blobs in every form boto3 takes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: b'{"prompt": "h\xc3\xa9"}', id="bytes"),
        pytest.param(lambda: bytearray(b'{"prompt": "h\xc3\xa9"}'), id="bytearray"),
        pytest.param(lambda: '{"prompt": "hé"}', id="str"),
        pytest.param(lambda: io.BytesIO(b'{"prompt": "h\xc3\xa9"}'), id="binary-file"),
    ],
)
@pytest.mark.parametrize(
    ("service", "method", "typed_kwargs", "wire_kwargs"),
    [
        pytest.param(
            "sagemaker-runtime",
            "invoke_endpoint",
            {"endpoint_name": "e", "content_type": "application/json"},
            {"EndpointName": "e", "ContentType": "application/json"},
            id="invoke_endpoint",
        ),
        # The gateway marks its Body ``jsonvalue``; botocore sends a payload blob as it is all the same.
        pytest.param(
            "sagemaker-gateway-runtime",
            "invoke_global_inference_gateway",
            {"gateway_id": "gw1", "content_type": "application/json"},
            {"GatewayId": "gw1", "ContentType": "application/json"},
            id="invoke_global_inference_gateway",
        ),
        pytest.param(
            "sagemakerjobruntime",
            "sample",
            {"job_arn": "arn:aws:sagemaker:us-east-1:123456789012:job/training/j", "trajectory_id": "t1"},
            {"JobArn": "arn:aws:sagemaker:us-east-1:123456789012:job/training/j", "TrajectoryId": "t1"},
            id="sample",
        ),
        pytest.param(
            "sagemakertrainingsessionruntime",
            "sample_training_session",
            {"training_session_name": "s1", "content_type": "application/json"},
            {"trainingSessionName": "s1", "contentType": "application/json"},
            id="sample_training_session",
        ),
    ],
)
def test_a_blob_body_in_every_form(
    service: str, method: str, typed_kwargs: dict[str, Any], wire_kwargs: dict[str, Any], make: Callable[[], Any]
) -> None:
    server = Server(headers={"content-type": "application/json"}, body=b'{"out": 1}')
    typed, raw = pair(service, server)
    body_member = "body" if service == "sagemakertrainingsessionruntime" else "Body"
    result = getattr(typed, method)(**typed_kwargs, body=make())
    raw_result = getattr(raw, method)(**wire_kwargs, **{body_member: make()})
    sent = same_request(server)
    assert sent.body == '{"prompt": "hé"}'.encode()
    # A payload blob comes back as boto3 gives it: a StreamingBody, unread until read.
    out = result.to_wire()[body_member]
    assert isinstance(out, StreamingBody) and isinstance(raw_result[body_member], StreamingBody)
    assert out.read() == raw_result[body_member].read() == b'{"out": 1}'


def test_a_file_body_is_streamed_unread(tmp_path: Path) -> None:
    """A file is handed to botocore as it is: not read when the request is validated."""
    server = Server()
    typed, _ = pair("sagemaker-runtime", server)
    seen: list[Any] = []
    typed.client.meta.events.register("before-parameter-build", lambda params, **_: seen.append(params["Body"]))
    path = tmp_path / "payload.bin"
    path.write_bytes(b"\x00\x01" * 1000)
    with path.open("rb") as file:
        typed.invoke_endpoint(endpoint_name="e", body=file)
        assert seen == [file]
    assert server.sent[0].body == b"\x00\x01" * 1000


@pytest.mark.parametrize("wrong", [42, {"prompt": "x"}, ["x"], None])
def test_what_boto3_refuses_for_a_blob_is_refused(wrong: Any) -> None:
    server = Server()
    typed, raw = pair("sagemaker-gateway-runtime", server)
    with pytest.raises((pydantic.ValidationError, TypeError)):
        typed.invoke_global_inference_gateway(gateway_id="gw1", content_type="application/json", body=wrong)
    with pytest.raises(Exception):  # noqa: B017 - botocore's ParamValidationError
        raw.invoke_global_inference_gateway(GatewayId="gw1", ContentType="application/json", Body=wrong)
    assert server.sent == []


# --- streaming outputs and event streams ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "method", "kwargs", "member"),
    [
        (
            "sagemakerjobruntime",
            "sample_with_response_stream",
            {"job_arn": "arn:aws:sagemaker:us-east-1:123456789012:job/training/j", "trajectory_id": "t", "body": b"{}"},
            "body",
        ),
        (
            "sagemakertrainingsessionruntime",
            "sample_training_session_with_response_stream",
            {"training_session_name": "s1", "body": b"{}"},
            "body",
        ),
    ],
)
def test_streaming_blob_outputs(service: str, method: str, kwargs: dict[str, Any], member: str) -> None:
    stream = b'data: {"token": "a"}\n\ndata: {"token": "b"}\n\n'
    server = Server(headers={"content-type": "text/event-stream"}, body=stream)
    typed, _ = pair(service, server)
    result = getattr(typed, method)(**kwargs)
    assert isinstance(getattr(result, member), StreamingBody)
    assert server.bodies[0].tell() == 0
    assert result.content_type == "text/event-stream"  # a header member of the output
    assert [json.loads(line[6:]) for line in getattr(result, member).iter_lines() if line] == [
        {"token": "a"},
        {"token": "b"},
    ]


def stream_body(frames: list[bytes]) -> Callable[[], RawStream]:
    def make() -> RawStream:
        return RawStream(b"".join(frames))

    return make


def test_typed_events_of_invoke_endpoint_with_response_stream() -> None:
    server = Server(
        headers={"content-type": "application/vnd.amazon.eventstream", "x-amzn-sagemaker-content-type": "text/plain"},
        body=stream_body([part(b"Hel"), part(b"lo\nwor"), part(b"ld\n")]),
    )
    typed, _ = pair("sagemaker-runtime", server)
    result = typed.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}")
    assert isinstance(result, runtime.models.InvokeEndpointWithResponseStreamOutput)
    assert result.content_type == "text/plain"
    events = list(result.body)
    assert all(isinstance(e, runtime.models.ResponseStream) for e in events)
    assert [e.payload_part.bytes for e in events if e.payload_part] == [b"Hel", b"lo\nwor", b"ld\n"]
    assert server.bodies[0].closed


def test_lines_split_and_merged_and_an_early_break_through_the_typed_client() -> None:
    frames = [part(b"fir"), part(b"st\nsecond\nthi"), part(b"rd\n")] + [part(b"more\n")] * 100
    server = Server(headers={"content-type": "application/vnd.amazon.eventstream"}, body=stream_body(frames))
    typed, _ = pair("sagemaker-runtime", server)
    lines = []
    for line in typed.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}").body.lines():
        lines.append(line)
        if len(lines) == 3:
            break
    assert lines == ["first", "second", "third"]
    raw = server.bodies[0]
    assert raw.closed and raw.read_up_to < len(raw.data)  # the loop ended early: the stream was closed unread


def test_server_sent_events_through_the_typed_client() -> None:
    sse = b'data: {"token": "Hel"}\n\ndata: {"token": "lo"}\n\n'
    server = Server(
        headers={"content-type": "application/vnd.amazon.eventstream"},
        body=stream_body([part(sse[:9]), part(sse[9:30]), part(sse[30:])]),
    )
    typed, _ = pair("sagemaker-runtime", server)
    result = typed.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}")
    assert list(result.body.server_sent_events()) == [
        ServerSentEvent('{"token": "Hel"}'),
        ServerSentEvent('{"token": "lo"}'),
    ]


def test_a_stream_error_is_the_services_typed_error() -> None:
    server = Server(
        headers={"content-type": "application/vnd.amazon.eventstream"},
        body=stream_body([part(b"partial"), stream_error("ModelStreamError")]),
    )
    typed, _ = pair("sagemaker-runtime", server)
    result = typed.invoke_endpoint_with_response_stream(endpoint_name="e", body=b"{}")
    with pytest.raises(runtime.errors.ModelStreamError) as caught:
        list(result.body.lines())
    assert caught.value.error_message == "the model went away"


def test_the_gateways_event_stream() -> None:
    server = Server(
        headers={"content-type": "application/vnd.amazon.eventstream"},
        body=stream_body([part(b"a\nb"), part(b"\n")]),
    )
    typed, _ = pair("sagemaker-gateway-runtime", server)
    result = typed.invoke_global_inference_gateway_with_response_stream(
        gateway_id="gw1", content_type="application/json", body=b"{}"
    )
    assert list(result.body.lines()) == ["a", "b"]


# --- JSON values --------------------------------------------------------------------------------------


def test_no_header_of_the_family_carries_json() -> None:
    """``jsonvalue`` marks only payloads and a body member in the pinned models, never a header.

    So no header takes or gives Python values: the gateway's Body (``jsonvalue`` on a payload
    blob) is a blob to botocore (see ``test_a_blob_body_in_every_form``), SageMaker's
    HumanLoopActivationConditions a JSON string (see docs/design.md).
    """
    root = Path(__file__).resolve().parent.parent / "specs"
    found = []
    for spec in sorted(root.glob("*/service-2.json")):
        shapes = json.loads(spec.read_text(encoding="utf-8"))["shapes"]
        for name, shape in shapes.items():
            for member, target in shape.get("members", {}).items():
                if target.get("jsonvalue"):
                    found.append((spec.parent.name, name, member, target.get("location")))
    assert found == [
        ("sagemaker", "HumanLoopActivationConditionsConfig", "HumanLoopActivationConditions", None),
        ("sagemaker-gateway-runtime", "InvokeGlobalInferenceGatewayInput", "Body", None),
        ("sagemaker-gateway-runtime", "InvokeGlobalInferenceGatewayOutput", "Body", None),
        ("sagemaker-gateway-runtime", "InvokeGlobalInferenceGatewayWithResponseStreamInput", "Body", None),
    ]


def test_every_operation_of_every_service_has_its_client_method() -> None:
    for module in (a2i_runtime, featurestore_runtime, gateway_runtime, geospatial, job_runtime, runtime, tsr):
        service = module.__botocore_model__["service"]
        names = [op.name for op in operations(service)]
        assert len(names) == module.__botocore_model__["operations"]
        assert all(callable(getattr(client_class(service), op.method)) for op in operations(service))


def _emitted_lex_shapes() -> dict[str, Any]:
    """Lex's PostContent request and response, reduced to their JSON headers, through the generator.

    No service of the family has a ``jsonvalue`` header, lex-runtime does: the parser and
    the emitters run on a model of its header members, and the emitted module is executed.
    """
    from codegen import emit_shapes, graph
    from codegen.parse import _Parser
    from codegen.services import BY_SERVICE

    header = {"shape": "String", "location": "header", "jsonvalue": True}
    model = {
        "shapes": {
            "PostContentRequest": {
                "type": "structure",
                "members": {
                    "sessionAttributes": {**header, "locationName": "x-amz-lex-session-attributes"},
                    "requestAttributes": {**header, "locationName": "x-amz-lex-request-attributes"},
                },
            },
            "PostContentResponse": {
                "type": "structure",
                "members": {
                    "slots": {**header, "locationName": "x-amz-lex-slots"},
                    "sessionAttributes": {**header, "locationName": "x-amz-lex-session-attributes"},
                },
            },
            "String": {"type": "string"},
        },
        "operations": {
            "PostContent": {
                "name": "PostContent",
                "input": {"shape": "PostContentRequest"},
                "output": {"shape": "PostContentResponse"},
            }
        },
    }
    provenance = {"botocore_version": "1.2.3", "service": "sagemaker-runtime", "api_version": "x", "sha256": {}}
    service = _Parser(model, {"pagination": {}}, {"waiters": {}}, provenance).service(BY_SERVICE["sagemaker-runtime"])
    namespace: dict[str, Any] = {}
    for name in ("PostContentRequest", "PostContentResponse"):
        shape = service.shapes[name]
        text = emit_shapes.shape_module(graph.Group(shape.module, (shape,), frozenset()), {}, service)
        assert "_t.Annotated[_w.JsonValue | None, _s.wire('sessionAttributes')] = None" in text
        module = types.ModuleType(f"tests._emitted_{shape.module}")  # pydantic resolves names in the module
        sys.modules[module.__name__] = module
        exec(compile(text, module.__name__, "exec"), module.__dict__)
        namespace[name] = getattr(module, name)
    return namespace


def test_a_json_header_takes_and_gives_python_values_as_boto3_does() -> None:
    shapes = _emitted_lex_shapes()
    attributes = {"customer": {"tier": "gold", "ids": [1, 2]}, "new": True}
    request = shapes["PostContentRequest"](session_attributes=attributes, request_attributes={"x": "1"})
    wire = request.to_wire()
    assert wire == {"sessionAttributes": attributes, "requestAttributes": {"x": "1"}}  # Python values, not JSON text

    slots = {"city": "Paris", "date": None}
    encoded = base64.b64encode(json.dumps(slots).encode()).decode()
    server = Server(headers={"x-amz-lex-slots": encoded, "content-type": "text/plain"}, body=b"")
    raw = boto3_client("lex-runtime", server)
    common = {"botName": "b", "botAlias": "a", "userId": "user-1", "contentType": "text/plain", "inputStream": b""}
    raw_response = raw.post_content(**common, **wire)  # what the typed request gives boto3 ...
    raw.post_content(**common, sessionAttributes=attributes, requestAttributes={"x": "1"})  # ... as boto3 takes it
    sent = same_request(server)
    assert json.loads(base64.b64decode(sent.headers["x-amz-lex-session-attributes"])) == attributes
    # The response header, parsed by botocore to Python values, is held as such.
    response = shapes["PostContentResponse"].model_validate({k: v for k, v in raw_response.items() if k == "slots"})
    assert response.slots == slots == raw_response["slots"]
    assert response.to_wire() == {"slots": slots}
