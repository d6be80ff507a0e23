"""The control plane's async client end to end: a moto server over real HTTP, typed async results
against raw aiobotocore (the family's other async clients: test_async_family.py).

Its own moto server (in a child process, as in conftest), so that the servers the sync tests
mirror never see these calls. The typed client and raw aiobotocore share that server: each
read is made by both, and the typed result, dumped by wire name, must equal the raw response.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("aiobotocore")

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from sagemaker_typed import AsyncSageMakerClient, errors, models

from .conftest import REGION, MotoServer
from .inputs import BUCKET, IMAGE, ROLE, arn
from .mirror import body, wire

pytestmark = pytest.mark.e2e

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
# One attempt: an operation moto lacks fails at once (HTTP 500) instead of retrying.
ONE_ATTEMPT = AioConfig(retries={"total_max_attempts": 1})


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = MotoServer("async", Path(tmp_path_factory.mktemp("moto")) / "server-async.log")
    try:
        server.wait_ready()
        yield server.url
    finally:
        server.stop()


class Both:
    """The typed async client and raw aiobotocore, open on one server."""

    def __init__(self, sm: AsyncSageMakerClient, raw: Any) -> None:
        self.sm = sm
        self.raw = raw

    async def read(self, method: str, typed_kwargs: dict[str, Any], wire_kwargs: dict[str, Any]) -> Any:
        """Read with both; the typed result must equal the raw response exactly."""
        typed = await getattr(self.sm, method)(**typed_kwargs)
        raw = await getattr(self.raw, method)(**wire_kwargs)
        assert wire(typed) == body(raw)
        return typed


@asynccontextmanager
async def both(url: str) -> AsyncIterator[Both]:
    """``async with both(url) as b``: the typed client (made by the SDK) and raw aiobotocore, open."""
    async with (
        AsyncSageMakerClient(region_name=REGION, endpoint_url=url, config=ONE_ATTEMPT, **CREDENTIALS) as sm,
        get_session().create_client(
            "sagemaker", region_name=REGION, endpoint_url=url, config=ONE_ATTEMPT, **CREDENTIALS
        ) as raw,
    ):
        yield Both(sm, raw)


def test_create_describe_and_errors(url: str) -> None:
    async def main() -> None:
        async with both(url) as b:
            created = await b.sm.create_experiment(experiment_name="async-exp")
            assert isinstance(created, models.CreateExperimentResponse)
            assert created.experiment_arn == arn("experiment", "async-exp")
            assert created.response_metadata is not None and created.response_metadata.http_status_code == 200
            described = await b.read(
                "describe_experiment", {"experiment_name": "async-exp"}, {"ExperimentName": "async-exp"}
            )
            assert described.experiment_name == "async-exp" and described.creation_time is not None
            request = models.DescribeExperimentRequest(experiment_name="async-exp")
            assert await b.sm.describe_experiment(request) == described
            with pytest.raises(errors.ResourceNotFound) as caught:
                await b.sm.describe_compilation_job(compilation_job_name="no-such-job")
            assert caught.value.http_status_code == 400 and caught.value.request_id
            with pytest.raises(errors.ValidationException) as raised:  # as SageMaker answers for a missing job
                await b.sm.describe_training_job(training_job_name="no-such-job")
            with pytest.raises(ClientError) as raw_raised:
                await b.raw.describe_training_job(TrainingJobName="no-such-job")
            assert raised.value.error_message == str(raw_raised.value.response["Error"]["Message"])

    asyncio.run(main())


def test_pagination_matches_raw_aiobotocore(url: str) -> None:
    names = [f"async-page-{i}" for i in range(5)]

    async def main() -> None:
        async with both(url) as b:
            await asyncio.gather(*(b.sm.create_experiment(experiment_name=n) for n in names))
            pages = [p async for p in b.sm.paginate.list_experiments(max_results=2).pages()]
            raw_pages = [p async for p in b.raw.get_paginator("list_experiments").paginate(MaxResults=2)]
            assert len(pages) == len(raw_pages) >= 3
            assert [wire(p) for p in pages] == [body(p) for p in raw_pages]
            assert all(isinstance(p, models.ListExperimentsResponse) for p in pages)
            items = [s async for s in b.sm.paginate.list_experiments(max_results=2)]
            assert all(isinstance(s, models.ExperimentSummary) for s in items)
            assert sorted(n for s in items if (n := s.experiment_name) in names) == names

    asyncio.run(main())


def test_endpoint_waiters_with_async_callbacks(url: str) -> None:
    async def main() -> None:
        async with both(url) as b:
            await b.sm.create_model(
                model_name="async-model",
                execution_role_arn=ROLE,
                primary_container=models.ContainerDefinition(image=IMAGE, model_data_url=f"{BUCKET}/m.tar.gz"),
            )
            await b.sm.create_endpoint_config(
                endpoint_config_name="async-config",
                production_variants=[
                    models.ProductionVariant(
                        variant_name="primary",
                        model_name="async-model",
                        initial_instance_count=1,
                        instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
                    )
                ],
            )
            await b.sm.create_endpoint(endpoint_name="async-endpoint", endpoint_config_name="async-config")
            seen: list[models.DescribeEndpointOutput | None] = []

            async def progress(response: models.DescribeEndpointOutput | None) -> None:
                await asyncio.sleep(0)
                seen.append(response)

            in_service = await b.sm.wait.endpoint_in_service(endpoint_name="async-endpoint", callback=progress)
            assert in_service.endpoint_status is models.EndpointStatus.IN_SERVICE
            assert seen == [in_service]
            await b.read("describe_endpoint", {"endpoint_name": "async-endpoint"}, {"EndpointName": "async-endpoint"})

            await b.sm.delete_endpoint(endpoint_name="async-endpoint")
            gone: list[Any] = []
            assert await b.sm.wait.endpoint_deleted(endpoint_name="async-endpoint", callback=gone.append) is None
            assert gone == [None]  # the poll ended in the "not found" error the waiter expects

    asyncio.run(main())


def test_invalid_request_never_reaches_the_server(url: str) -> None:
    sent: list[Any] = []

    async def main() -> None:
        async with both(url) as b:
            b.sm.client.meta.events.register("before-send.sagemaker", lambda **kw: sent.append(kw))
            with pytest.raises(Exception, match="validation error"):
                await b.sm.create_experiment(experiment_name="not valid!")
            assert sent == []
            await b.sm.list_experiments(max_results=1)
            assert len(sent) == 1

    asyncio.run(main())
