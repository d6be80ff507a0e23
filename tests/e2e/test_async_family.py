"""The family's async clients end to end, against raw aiobotocore on one moto server over HTTP.

moto implements three of the family's eleven services (``test_moto_implements_these_services``
says which, and fails when a moto release adds one or an operation): the control plane
(tests/e2e/test_async.py), sagemaker-runtime (InvokeEndpoint, InvokeEndpointAsync) and
sagemaker-metrics (BatchPutMetrics). Each operation is called through the typed async client
(``AsyncSageMakerRuntimeClient``, ``AsyncSageMakerMetricsClient``) and through raw aiobotocore
with the same request on the same server; the typed result, dumped by wire name, must equal the
raw response. Both sides need no normalising: moto answers a repeated InvokeEndpoint (same
endpoint, SageMaker headers, Accept and body) and InvokeEndpointAsync (same input location) with
the result it gave the first time, so when the raw call gets the typed call's answer, the typed
request reached moto as the raw one did.

The servers of the sync tests never see these calls: this module has a moto server of its own.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import inspect
import io
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pydantic
import pytest

pytest.importorskip("aiobotocore")

from aiobotocore.session import get_session
from botocore import xform_name
from botocore.exceptions import ClientError
from moto.backends import get_service_from_url
from moto.core.responses import BaseResponse

from sagemaker_typed import AsyncSageMakerClient, models
from sagemaker_typed._meta import SERVICES
from sagemaker_typed.metrics import AsyncSageMakerMetricsClient
from sagemaker_typed.metrics import errors as metrics_errors
from sagemaker_typed.metrics import models as metrics_models
from sagemaker_typed.runtime import AsyncSageMakerRuntimeClient
from sagemaker_typed.runtime import errors as runtime_errors
from sagemaker_typed.runtime import models as runtime_models

from .conftest import REGION, MotoServer
from .inputs import IMAGE, ROLE
from .mirror import body
from .test_async import CREDENTIALS, ONE_ATTEMPT
from .test_runtime import configure, result

pytestmark = pytest.mark.e2e

# The operations moto implements, per service of the family besides the control plane: each is
# called below, typed and raw.
COVERED = {
    "sagemaker-runtime": {"invoke_endpoint", "invoke_endpoint_async"},
    "sagemaker-metrics": {"batch_put_metrics"},
}
ENDPOINT = "async-family-endpoint"
SPECS = Path(__file__).resolve().parents[2] / "specs"


def test_moto_implements_these_services() -> None:
    """Which services of the family moto routes (by the host name botocore would call, from the
    pinned model's endpoint prefix), and the operations its handler of each implements: those
    COVERED, no more and no fewer."""
    routed = {}
    operations = {}
    for service in SERVICES:
        model = json.loads((SPECS / service / "service-2.json").read_text(encoding="utf-8"))
        operations[service] = {xform_name(name) for name in model["operations"]}
        if module := get_service_from_url(f"https://{model['metadata']['endpointPrefix']}.{REGION}.amazonaws.com"):
            routed[service] = module
    assert routed == {
        "sagemaker": "sagemaker",
        "sagemaker-runtime": "sagemakerruntime",
        "sagemaker-metrics": "sagemakermetrics",
    }
    for service, covered in COVERED.items():
        responses = importlib.import_module(f"moto.{routed[service]}.responses")
        (handler,) = [
            c
            for _, c in inspect.getmembers(responses, inspect.isclass)
            if issubclass(c, BaseResponse) and c.__module__ == responses.__name__
        ]
        assert {name for name in vars(handler) if name in operations[service]} == covered, service


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    server = MotoServer("async-family", Path(tmp_path_factory.mktemp("moto")) / "server-async-family.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def typed_client(cls: Callable[..., Any], server: MotoServer) -> Any:
    """A typed async client of the family, made by the SDK, for the server."""
    return cls(region_name=REGION, endpoint_url=server.url, config=ONE_ATTEMPT, **CREDENTIALS)


def raw_client(service: str, server: MotoServer) -> Any:
    """Raw aiobotocore's client of a service, for the server (``async with``)."""
    return get_session().create_client(
        service, region_name=REGION, endpoint_url=server.url, config=ONE_ATTEMPT, **CREDENTIALS
    )


class Runtime:
    def __init__(self, typed: AsyncSageMakerRuntimeClient, raw: Any) -> None:
        self.typed = typed
        self.raw = raw


@asynccontextmanager
async def runtime(server: MotoServer) -> AsyncIterator[Runtime]:
    async with (
        typed_client(AsyncSageMakerRuntimeClient, server) as typed,
        raw_client("sagemaker-runtime", server) as raw,
    ):
        yield Runtime(typed, raw)


async def read(response: dict[str, Any]) -> dict[str, Any]:
    """A response (or typed result by wire name) with its streaming Body awaited and read."""
    return {k: await v.read() if k == "Body" else v for k, v in response.items()}


@pytest.fixture(scope="module")
def endpoint(server: MotoServer) -> str:
    """The endpoint, deployed with the async control-plane client as a user would (moto's runtime
    does not check that it exists)."""

    async def deploy() -> str:
        async with typed_client(AsyncSageMakerClient, server) as sm:
            await sm.create_model(model_name=ENDPOINT, execution_role_arn=ROLE, primary_container={"image": IMAGE})
            await sm.create_endpoint_config(
                endpoint_config_name=ENDPOINT,
                production_variants=[
                    models.ProductionVariant(
                        variant_name="primary",
                        model_name=ENDPOINT,
                        initial_instance_count=1,
                        instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
                    )
                ],
            )
            await sm.create_endpoint(endpoint_name=ENDPOINT, endpoint_config_name=ENDPOINT)
            ready = await sm.wait.endpoint_in_service(endpoint_name=ENDPOINT)
            return ready.endpoint_name

    return asyncio.run(deploy())


def test_invoke_endpoint(server: MotoServer, endpoint: str) -> None:
    configure(server, {**result('{"predictions": [0.92]}'), "CustomAttributes": "trace=abc"})
    wire = {"EndpointName": endpoint, "Body": b'{"instances": [[1.5, 2.0]]}', "ContentType": "application/json"}
    answer = {
        "Body": b'{"predictions": [0.92]}',
        "ContentType": "application/json",
        "InvokedProductionVariant": "primary",
        "CustomAttributes": "trace=abc",
    }

    async def main() -> None:
        async with runtime(server) as rt:
            typed = await rt.typed.invoke_endpoint(
                endpoint_name=endpoint,
                body=b'{"instances": [[1.5, 2.0]]}',
                content_type="application/json",
                accept="*/*",
                custom_attributes="trace=abc",
            )
            raw = await rt.raw.invoke_endpoint(**wire, Accept="*/*", CustomAttributes="trace=abc")
            assert isinstance(typed, runtime_models.InvokeEndpointOutput)
            assert typed.content_type == "application/json" and typed.invoked_production_variant == "primary"
            assert typed.custom_attributes == "trace=abc"
            assert typed.response_metadata is not None and typed.response_metadata.http_status_code == 200
            assert typed.response_metadata.http_headers["x-amzn-invoked-production-variant"] == "primary"
            # The body is aiobotocore's stream, as raw aiobotocore gives it: awaited when read.
            assert type(typed.body) is type(raw["Body"])
            assert await read(typed.to_wire()) == await read(body(raw)) == answer
            # One request object instead of keywords: the same request, so the same answer.
            request = runtime_models.InvokeEndpointInput(**wire, accept="*/*", custom_attributes="trace=abc")
            assert await read((await rt.typed.invoke_endpoint(request)).to_wire()) == answer

    asyncio.run(main())


FORMS: dict[str, Callable[[str], Any]] = {
    "bytes": lambda text: text.encode(),
    "bytearray": lambda text: bytearray(text.encode()),
    "str": lambda text: text,
    "binary-file": lambda text: io.BytesIO(text.encode()),
}


@pytest.mark.parametrize("form", FORMS)
def test_invoke_endpoint_takes_the_body_in_every_form_aiobotocore_takes(
    server: MotoServer, endpoint: str, form: str
) -> None:
    """A new body per form takes the next queued answer (typed first); raw aiobotocore, sending
    the same form, gets that answer back only if the same bytes arrived."""
    text = f"csv,é,{form}\n"
    configure(server, result(f"answer to {form}", content_type="text/csv"))

    async def main() -> None:
        async with runtime(server) as rt:
            typed = await rt.typed.invoke_endpoint(
                endpoint_name=endpoint, body=FORMS[form](text), content_type="text/csv"
            )
            raw = await rt.raw.invoke_endpoint(EndpointName=endpoint, Body=FORMS[form](text), ContentType="text/csv")
            assert await read(typed.to_wire()) == await read(body(raw))
            assert await typed.body.read() == b""  # read once, as a stream is

    asyncio.run(main())


def test_invoke_endpoint_async(server: MotoServer, endpoint: str) -> None:
    wire = {"EndpointName": endpoint, "InputLocation": "s3://async-bucket/in/1.json", "InferenceId": "async-1"}

    async def main() -> None:
        async with runtime(server) as rt:
            typed = await rt.typed.invoke_endpoint_async(
                endpoint_name=endpoint, input_location="s3://async-bucket/in/1.json", inference_id="async-1"
            )
            raw = await rt.raw.invoke_endpoint_async(**wire)
            assert isinstance(typed, runtime_models.InvokeEndpointAsyncOutput)
            assert typed.to_wire() == body(raw)
            assert typed.inference_id == "async-1"
            assert typed.output_location is not None and typed.output_location.endswith("/response.json")
            assert typed.failure_location is not None and typed.failure_location.endswith("/failure.json")
            request = runtime_models.InvokeEndpointAsyncInput(**wire)
            assert (await rt.typed.invoke_endpoint_async(request)).to_wire() == typed.to_wire()

    asyncio.run(main())


def test_an_invalid_invoke_is_never_sent(server: MotoServer, endpoint: str) -> None:
    sent: list[Any] = []

    async def main() -> None:
        async with runtime(server) as rt:
            rt.typed.client.meta.events.register("before-send", lambda **kw: sent.append(kw))
            with pytest.raises(pydantic.ValidationError) as caught:
                await rt.typed.invoke_endpoint(endpoint_name="not a valid name!", body=42, accept="x" * 1025)  # type: ignore[arg-type]
            assert {(e["loc"][0], e["type"]) for e in caught.value.errors()} == {
                ("endpoint_name", "string_pattern_mismatch"),
                ("body", "bytes_type"),
                ("accept", "string_too_long"),
            }

    served = server.requests_served()
    asyncio.run(main())
    assert (sent, server.requests_served()) == ([], served)


def test_an_operation_moto_lacks_fails_with_the_runtimes_typed_error(server: MotoServer, endpoint: str) -> None:
    """moto does not route InvokeEndpointWithResponseStream: its HTTP 404, as raw aiobotocore sees it."""

    async def main() -> None:
        async with runtime(server) as rt:
            with pytest.raises(runtime_errors.SageMakerRuntimeError) as typed:
                await rt.typed.invoke_endpoint_with_response_stream(endpoint_name=endpoint, body=b"{}")
            with pytest.raises(ClientError) as raw:
                await rt.raw.invoke_endpoint_with_response_stream(EndpointName=endpoint, Body=b"{}")
            assert type(typed.value) is runtime_errors.SageMakerRuntimeError
            assert typed.value.error_code == raw.value.response["Error"]["Code"] == "404"
            assert typed.value.operation_name == raw.value.operation_name

    asyncio.run(main())


WHEN = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)


@asynccontextmanager
async def metrics(server: MotoServer) -> AsyncIterator[tuple[AsyncSageMakerMetricsClient, Any]]:
    async with (
        typed_client(AsyncSageMakerMetricsClient, server) as typed,
        raw_client("sagemaker-metrics", server) as raw,
    ):
        yield typed, raw


def test_batch_put_metrics(server: MotoServer) -> None:
    """Typed into one trial component, raw into another: the same answer, and the same metrics
    recorded (the trial components' summaries, read back through the control plane)."""

    async def main() -> None:
        async with typed_client(AsyncSageMakerClient, server) as sm, metrics(server) as (typed_client_, raw_client_):
            for name in ("async-metrics-typed", "async-metrics-raw"):
                await sm.create_trial_component(trial_component_name=name)
            typed = await typed_client_.batch_put_metrics(
                trial_component_name="async-metrics-typed",
                metric_data=[
                    metrics_models.RawMetricData(metric_name="train:loss", timestamp=WHEN, step=1, value=0.5),
                    {"metric_name": "train:loss", "timestamp": 1717243260, "step": 2, "value": 0.25},
                ],
            )
            raw = await raw_client_.batch_put_metrics(
                TrialComponentName="async-metrics-raw",
                MetricData=[
                    {"MetricName": "train:loss", "Timestamp": WHEN, "Step": 1, "Value": 0.5},
                    {"MetricName": "train:loss", "Timestamp": 1717243260, "Step": 2, "Value": 0.25},
                ],
            )
            assert isinstance(typed, metrics_models.BatchPutMetricsResponse)
            assert typed.to_wire() == body(raw) == {"Errors": []}
            assert typed.response_metadata is not None and typed.response_metadata.http_status_code == 200

            recorded = [
                (await sm.describe_trial_component(trial_component_name=name)).metrics
                for name in ("async-metrics-typed", "async-metrics-raw")
            ]
            assert recorded[0] is not None and recorded[1] is not None
            (summary,) = recorded[0]
            assert (summary.metric_name, summary.count, summary.last, summary.avg) == ("train:loss", 2, 0.25, 0.375)
            assert summary.time_stamp == WHEN
            assert [m.model_copy(update={"source_arn": None}) for m in recorded[0]] == [
                m.model_copy(update={"source_arn": None}) for m in recorded[1]
            ]

    asyncio.run(main())


def test_batch_put_metrics_error_entries_are_typed(server: MotoServer) -> None:
    """moto reports an unknown trial component as an error entry in a successful response."""
    data = {"MetricName": "m", "Timestamp": WHEN, "Step": 1, "Value": 1.0}

    async def main() -> None:
        async with metrics(server) as (typed_client_, raw_client_):
            typed = await typed_client_.batch_put_metrics(
                trial_component_name="async-no-such-component", metric_data=[data]
            )
            raw = await raw_client_.batch_put_metrics(TrialComponentName="async-no-such-component", MetricData=[data])
            assert typed.to_wire() == body(raw) == {"Errors": [{"Code": "VALIDATION_ERROR", "MetricIndex": 0}]}
            (error,) = typed.errors
            assert error.code is metrics_models.PutMetricsErrorCode.VALIDATION_ERROR and error.metric_index == 0

    asyncio.run(main())


def test_an_invalid_batch_put_metrics_is_never_sent(server: MotoServer) -> None:
    sent: list[Any] = []

    async def main() -> None:
        async with metrics(server) as (typed_client_, _):
            typed_client_.client.meta.events.register("before-send", lambda **kw: sent.append(kw))
            with pytest.raises(pydantic.ValidationError) as caught:
                await typed_client_.batch_put_metrics(
                    trial_component_name="c", metric_data=[{"metric_name": "m", "timestamp": WHEN, "value": "1"}]
                )
            assert "metric_data.0.value" in str(caught.value)

    served = server.requests_served()
    asyncio.run(main())
    assert (sent, server.requests_served()) == ([], served)


def test_an_operation_moto_lacks_fails_with_the_metrics_typed_error(server: MotoServer) -> None:
    """moto does not route BatchGetMetrics: its HTTP 404, as raw aiobotocore sees it."""
    query = {
        "MetricName": "train:loss",
        "ResourceArn": f"arn:aws:sagemaker:{REGION}:123456789012:experiment-trial-component/async-metrics-typed",
        "MetricStat": "Avg",
        "Period": "OneMinute",
        "XAxisType": "Timestamp",
    }

    async def main() -> None:
        async with metrics(server) as (typed_client_, raw_client_):
            with pytest.raises(metrics_errors.SageMakerMetricsError) as typed:
                await typed_client_.batch_get_metrics(metric_queries=[query])
            with pytest.raises(ClientError) as raw:
                await raw_client_.batch_get_metrics(MetricQueries=[query])
            assert type(typed.value) is metrics_errors.SageMakerMetricsError
            assert typed.value.error_code == raw.value.response["Error"]["Code"] == "404"
            assert typed.value.operation_name == raw.value.operation_name == "BatchGetMetrics"

    asyncio.run(main())
