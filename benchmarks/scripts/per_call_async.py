"""Per-call cost of the async client: typed vs raw aiobotocore, microseconds per awaited call.

    python per_call_async.py --repeats R --number N      # in a venv with `.[async]`

The async twin of ``per_call.py``, with the same fixtures and the same two kinds of stub,
each variant with its own aiobotocore client, all on one event loop:

- ``AioStubber`` (aiobotocore's Stubber): N responses queued before each timed loop
  (untimed); each call is answered by the stubber's ``before-call`` hook, after the request
  was validated (if enabled) and serialized. Signing, HTTP and response parsing are skipped.
- HTTP-level (``*_http``): a ``before-send`` hook answers with the JSON body the service
  would send, so aiobotocore's whole pipeline runs (signing, response parsing) except the
  network. A quarter as many calls per loop.

Raw aiobotocore runs as users have it (botocore's validation on); the typed client over a
client with botocore's validation off, as ``AsyncSageMakerClient()`` makes it. Before
timing, every Stubber variant makes one call with ``expected_params`` set to the raw
request. Variants are interleaved repeat by repeat (rotated order); medians are reported.

Prints one JSON object: {variant: [microseconds per call, one per repeat]}.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import fixtures
from aiobotocore.awsrequest import AioAWSResponse
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from aiobotocore.stub import AioStubber
from per_call import CREATE, DESCRIBE, Variant, _snake, create_request_model

from sagemaker_typed import AsyncSageMakerClient


class _Body:
    """The raw aiohttp response aiobotocore reads a body from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def read(self) -> bytes:
        return self.data


def http_stub(client: Any, operation: str, body: bytes) -> None:
    """Answer every ``operation`` call of ``client`` with ``body`` at the HTTP layer (no network)."""
    headers = {"x-amzn-requestid": "5f3c1d2e-8a9b-4c7d-9e0f-123456789abc", "content-type": "application/x-amz-json-1.1"}

    def send(request: Any, **_: Any) -> AioAWSResponse:
        return AioAWSResponse(request.url, 200, headers, _Body(body))

    client.meta.events.register(f"before-send.sagemaker.{operation}", send)


async def variants(clients: list[Any]) -> list[Variant]:
    describe_response = fixtures.describe_training_job_response()
    describe_params = {"TrainingJobName": fixtures.JOB_NAME}
    create_wire = fixtures.create_training_job_request()
    create_kwargs = {_snake(k): v for k, v in fixtures.create_training_job_request().items()}
    create_model = create_request_model()
    stubbed = {
        DESCRIBE: (describe_response, describe_params),
        CREATE: (fixtures.CREATE_TRAINING_JOB_RESPONSE, create_wire),
    }
    calls: dict[str, Callable[[Any], Callable[[], Awaitable[object]]]] = {  # Variant.call: awaited here
        "describe.raw": lambda c: lambda: c.describe_training_job(TrainingJobName=fixtures.JOB_NAME),
        "create.raw": lambda c: lambda: c.create_training_job(**create_wire),
        "describe.typed": lambda sm: lambda: sm.describe_training_job(training_job_name=fixtures.JOB_NAME),
        "create.typed_kwargs": lambda sm: lambda: sm.create_training_job(**create_kwargs),
        "create.typed_model": lambda sm: lambda: sm.create_training_job(create_model),
    }
    session = get_session()
    out: list[Variant] = []

    async def client(validate: bool) -> Any:
        creator = session.create_client(
            "sagemaker",
            region_name=fixtures.REGION,
            aws_access_key_id="AKIDBENCHMARK",
            aws_secret_access_key="benchmark-secret",
            config=AioConfig(parameter_validation=validate),
        )
        made = await creator.__aenter__()
        clients.append(creator)
        return made

    async def stubber_variant(name: str, kind: str, validate: bool) -> None:
        raw = await client(validate)
        stubber = AioStubber(raw)
        stubber.activate()
        method = DESCRIBE if kind.startswith("describe") else CREATE
        response, expected = stubbed[method]
        call = calls[kind](AsyncSageMakerClient(raw) if ".typed" in kind else raw)

        def queue(n: int) -> None:
            for _ in range(n):
                stubber.add_response(method, response)

        stubber.add_response(method, response, expected)  # the same wire request as raw, checked once
        await call()
        stubber.assert_no_pending_responses()
        out.append(Variant(name, call, queue, stubber.assert_no_pending_responses))

    async def http_variant(name: str, kind: str, validate: bool) -> None:
        raw = await client(validate)
        describe = kind.startswith("describe")
        body = fixtures.wire_json(describe_response if describe else fixtures.CREATE_TRAINING_JOB_RESPONSE)
        http_stub(raw, "DescribeTrainingJob" if describe else "CreateTrainingJob", body)
        call = calls[kind](AsyncSageMakerClient(raw) if ".typed" in kind else raw)
        out.append(Variant(name, call, lambda n: None, lambda: None, divisor=4))

    await stubber_variant("describe.raw", "describe.raw", True)
    await stubber_variant("create.raw", "create.raw", True)
    for kind in ("describe.typed", "create.typed_kwargs", "create.typed_model"):
        await stubber_variant(kind, kind, False)
    await http_variant("describe.raw_http", "describe.raw", True)
    await http_variant("describe.typed_http", "describe.typed", False)
    await http_variant("create.raw_http", "create.raw", True)
    await http_variant("create.typed_kwargs_http", "create.typed_kwargs", False)
    return out


async def timed(variant: Variant, number: int) -> float:
    """Microseconds per awaited call over ``number // divisor`` calls, responses ready beforehand."""
    number = max(10, number // variant.divisor)
    variant.queue(number)
    call: Callable[[], Awaitable[object]] = variant.call  # type: ignore[assignment]
    gc.collect()
    start = time.perf_counter()
    for _ in range(number):
        await call()
    elapsed = time.perf_counter() - start
    variant.done()
    return elapsed / number * 1e6


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()
    clients: list[Any] = []
    all_variants = await variants(clients)
    for variant in all_variants:
        await timed(variant, max(10, args.number // 10))  # warm-up: schemas built, caches filled
    results: dict[str, list[float]] = {v.name: [] for v in all_variants}
    for repeat in range(args.repeats):
        shift = repeat % len(all_variants)
        for variant in all_variants[shift:] + all_variants[:shift]:
            results[variant.name].append(await timed(variant, args.number))
    for creator in clients:
        await creator.__aexit__(None, None, None)
    print(json.dumps(results))


if __name__ == "__main__":
    asyncio.run(main())
