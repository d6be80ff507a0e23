"""SageMaker Runtime end to end: typed invoke_endpoint on server A against raw boto3 on server B.

moto implements InvokeEndpoint and InvokeEndpointAsync of sagemaker-runtime (not
InvokeEndpointWithResponseStream: its path is not routed, so it answers 404). InvokeEndpoint
answers from a queue of results configured through moto's
``/moto-api/static/sagemaker/endpoint-results`` API: each new request (endpoint, headers and
body) takes the next result, and the same request again gets the same result. Both servers are
given the same queue and the same requests, so they answer alike; a request repeated on
server A with raw boto3 must give exactly the typed result.

The endpoint is deployed first on both servers with the control-plane client, as a user
would (moto's runtime does not check that it exists).
"""

from __future__ import annotations

import io
import json
import re
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pydantic
import pytest
from botocore.exceptions import ClientError
from botocore.response import StreamingBody

from sagemaker_typed import models
from sagemaker_typed.runtime import SageMakerRuntimeClient, errors
from sagemaker_typed.runtime import models as rt_models

from .conftest import MotoServer, boto3_client
from .inputs import IMAGE, ROLE, arn
from .mirror import Call, Mirror, body

pytestmark = pytest.mark.e2e

ENDPOINT = "e2e-runtime-endpoint"
RESULTS = "/moto-api/static/sagemaker/endpoint-results"


def configure(server: MotoServer, *results: Mapping[str, str]) -> None:
    """Queue InvokeEndpoint results on a server (moto's endpoint-results API)."""
    request = urllib.request.Request(
        server.url + RESULTS,
        data=json.dumps({"results": list(results)}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=10).close()


def result(body: str, variant: str = "primary", content_type: str = "application/json") -> dict[str, str]:
    return {"Body": body, "ContentType": content_type, "InvokedProductionVariant": variant, "CustomAttributes": ""}


class Runtime:
    """The typed runtime client over server A, raw boto3 over server B (and over A, to repeat reads)."""

    def __init__(self, a: MotoServer, b: MotoServer) -> None:
        self.servers = (a, b)
        self.typed = SageMakerRuntimeClient(boto3_client(a.url, "sagemaker-runtime", parameter_validation=False))
        self.raw = boto3_client(b.url, "sagemaker-runtime")
        self.raw_a = boto3_client(a.url, "sagemaker-runtime")

    def configure(self, *results: Mapping[str, str]) -> None:
        for server in self.servers:
            configure(server, *results)


def read(response: Mapping[str, Any]) -> dict[str, Any]:
    """A response (or typed result by wire name) with its streaming Body read."""
    return {k: v.read() if isinstance(v, StreamingBody) else v for k, v in response.items()}


@pytest.fixture(scope="module")
def rt(mirror: Mirror, server_a: MotoServer, server_b: MotoServer) -> Iterator[Runtime]:
    """The runtime pair, once the endpoint is deployed on both servers."""
    mirror.run(
        Call(
            "create_model",
            {"model_name": ENDPOINT, "execution_role_arn": ROLE, "primary_container": {"image": IMAGE}},
            {"ModelName": ENDPOINT, "ExecutionRoleArn": ROLE, "PrimaryContainer": {"Image": IMAGE}},
        ),
        Call(
            "create_endpoint_config",
            {
                "endpoint_config_name": ENDPOINT,
                "production_variants": [
                    models.ProductionVariant(
                        variant_name="primary",
                        model_name=ENDPOINT,
                        initial_instance_count=1,
                        instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
                    )
                ],
            },
            {
                "EndpointConfigName": ENDPOINT,
                "ProductionVariants": [
                    {
                        "VariantName": "primary",
                        "ModelName": ENDPOINT,
                        "InitialInstanceCount": 1,
                        "InstanceType": "ml.m5.large",
                    }
                ],
            },
        ),
        Call(
            "create_endpoint",
            {"endpoint_name": ENDPOINT, "endpoint_config_name": ENDPOINT},
            {"EndpointName": ENDPOINT, "EndpointConfigName": ENDPOINT},
        ),
    )
    ready = mirror.wait(
        "endpoint_in_service", Call("describe_endpoint", {"endpoint_name": ENDPOINT}, {"EndpointName": ENDPOINT})
    )
    assert ready.endpoint_arn == arn("endpoint", ENDPOINT)
    yield Runtime(server_a, server_b)


def test_invoke_endpoint_typed_as_boto3_returns_it(rt: Runtime) -> None:
    rt.configure({**result('{"predictions": [0.92]}'), "CustomAttributes": "trace=abc"})
    typed = rt.typed.invoke_endpoint(
        endpoint_name=ENDPOINT, body=b'{"instances": [[1.5, 2.0]]}', content_type="application/json", accept="*/*"
    )
    wire = {"EndpointName": ENDPOINT, "Body": b'{"instances": [[1.5, 2.0]]}', "ContentType": "application/json"}
    raw = rt.raw.invoke_endpoint(**wire, Accept="*/*")

    assert isinstance(typed, rt_models.InvokeEndpointOutput)
    # The body is botocore's StreamingBody, as boto3 gives it, and nothing has read it yet.
    assert isinstance(typed.body, StreamingBody) and typed.body._amount_read == 0
    assert typed.content_type == "application/json"
    assert typed.invoked_production_variant == "primary"
    assert typed.custom_attributes == "trace=abc"
    assert typed.response_metadata is not None and typed.response_metadata.http_status_code == 200
    assert typed.response_metadata.http_headers["x-amzn-invoked-production-variant"] == "primary"
    assert (
        read(typed.to_wire())
        == read(body(raw))
        == {
            "Body": b'{"predictions": [0.92]}',
            "ContentType": "application/json",
            "InvokedProductionVariant": "primary",
            "CustomAttributes": "trace=abc",
        }
    )
    # The same request again on server A, raw: moto answers it alike, and so must the typed client.
    again = rt.typed.invoke_endpoint(rt_models.InvokeEndpointInput(**wire, accept="*/*"))
    assert read(again.to_wire()) == read(body(rt.raw_a.invoke_endpoint(**wire, Accept="*/*")))


FORMS = {
    "bytes": lambda text: text.encode(),
    "bytearray": lambda text: bytearray(text.encode()),
    "str": lambda text: text,
    "binary-file": lambda text: io.BytesIO(text.encode()),
}


@pytest.mark.parametrize("form", FORMS)
def test_the_body_in_every_form_boto3_takes(rt: Runtime, form: str) -> None:
    """moto keys its answers by the request's body: the same answer means the same body arrived.

    Each form is sent by the typed client to server A and by raw boto3 (in the same form) to
    server B; a first body in each form takes the next result of the queue, and the same text
    in bytes then gets that result back from the cache.
    """
    text = f"csv,é,{form}\n"  # a new body per form: a new result from the queue
    rt.configure(result(f"answer to {form}", content_type="text/csv"))
    typed = rt.typed.invoke_endpoint(endpoint_name=ENDPOINT, body=FORMS[form](text), content_type="text/csv")
    raw = rt.raw.invoke_endpoint(EndpointName=ENDPOINT, Body=FORMS[form](text), ContentType="text/csv")
    assert read(typed.to_wire()) == read(body(raw))
    assert typed.body.read() == b"" and typed.content_type == "text/csv"  # read once, as a stream is
    # The same text as plain bytes is the same request to moto: the cached answer, on both servers.
    same = rt.typed.invoke_endpoint(endpoint_name=ENDPOINT, body=text.encode(), content_type="text/csv")
    assert same.body.read() == f"answer to {form}".encode()


def test_a_real_file_is_streamed(rt: Runtime, tmp_path: Path) -> None:
    payload = tmp_path / "payload.jsonl"
    payload.write_bytes(b'{"x": 1}\n{"x": 2}\n')
    rt.configure(result('{"n": 2}'))
    with payload.open("rb") as typed_file, payload.open("rb") as raw_file:
        typed = rt.typed.invoke_endpoint(endpoint_name=ENDPOINT, body=typed_file, content_type="application/jsonlines")
        raw = rt.raw.invoke_endpoint(EndpointName=ENDPOINT, Body=raw_file, ContentType="application/jsonlines")
    assert (
        read(typed.to_wire())
        == read(body(raw))
        == {
            "Body": b'{"n": 2}',
            "ContentType": "application/json",
            "InvokedProductionVariant": "primary",
        }
    )


def test_an_invalid_invoke_is_never_sent(rt: Runtime, server_a: MotoServer) -> None:
    served = server_a.requests_served()
    with pytest.raises(pydantic.ValidationError) as caught:
        rt.typed.invoke_endpoint(endpoint_name="not a valid name!", body=42, accept="x" * 1025)  # type: ignore[arg-type]
    assert {(e["loc"][0], e["type"]) for e in caught.value.errors()} == {
        ("endpoint_name", "string_pattern_mismatch"),
        ("body", "bytes_type"),
        ("accept", "string_too_long"),
    }
    assert server_a.requests_served() == served


def test_invoke_endpoint_async(rt: Runtime) -> None:
    typed = rt.typed.invoke_endpoint_async(
        endpoint_name=ENDPOINT, input_location="s3://e2e-bucket/in/1.json", inference_id="e2e-inference-1"
    )
    raw = rt.raw.invoke_endpoint_async(
        EndpointName=ENDPOINT, InputLocation="s3://e2e-bucket/in/1.json", InferenceId="e2e-inference-1"
    )
    assert isinstance(typed, rt_models.InvokeEndpointAsyncOutput)
    # moto puts the results in a bucket named by a random UUID: the rest must match exactly.
    bucket = re.compile(r"sagemaker-output-[0-9a-f-]{36}")
    assert {k: bucket.sub("<bucket>", v) for k, v in typed.to_wire().items()} == {
        k: bucket.sub("<bucket>", v) for k, v in body(raw).items()
    }
    assert typed.inference_id == "e2e-inference-1"
    assert typed.output_location is not None and typed.output_location.endswith("/response.json")


def test_typed_error_of_the_runtime(rt: Runtime) -> None:
    """moto does not route InvokeEndpointWithResponseStream: the HTTP 404, typed as the runtime's error."""
    with pytest.raises(errors.SageMakerRuntimeError) as typed:
        rt.typed.invoke_endpoint_with_response_stream(endpoint_name=ENDPOINT, body=b"{}")
    with pytest.raises(ClientError) as raw:
        rt.raw.invoke_endpoint_with_response_stream(EndpointName=ENDPOINT, Body=b"{}")
    error = typed.value
    assert type(error) is errors.SageMakerRuntimeError  # no class for a bare HTTP status code
    assert isinstance(error, ClientError)
    assert error.error_code == raw.value.response["Error"]["Code"] == "404"
    assert error.http_status_code == raw.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert error.operation_name == raw.value.operation_name == "InvokeEndpointWithResponseStream"
