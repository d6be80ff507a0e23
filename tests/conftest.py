"""Shared fixtures: a boto3 SageMaker client that never reaches a network."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

from sagemaker_typed import SageMakerClient


def offline_boto3_client(service: str = "sagemaker") -> Any:
    """A boto3 client of one service of the family that never reaches a network."""
    return boto3.client(
        service,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        endpoint_url="http://127.0.0.1:9",
    )


@pytest.fixture
def raw_client() -> object:
    return offline_boto3_client()


@pytest.fixture
def sm(raw_client: object) -> SageMakerClient:
    return SageMakerClient(raw_client)


# --- async (aiobotocore): used only by tests that skip without it ----------------------------


@pytest.fixture(scope="module")
def aio_loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One event loop per module, so that one aiobotocore client serves all of its tests."""
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def aio_raw_clients(aio_loop: asyncio.AbstractEventLoop) -> Iterator[Callable[[str], Any]]:
    """Open aiobotocore clients that never reach a network, one per service, made on first use.

    botocore's parameter validation is off, as in the clients the SDK makes: the installed
    botocore may be older than specs/ (aiobotocore pins it), and its validation would refuse
    members it does not know yet. A service the installed botocore lacks skips the test.
    """
    from aiobotocore.config import AioConfig
    from aiobotocore.session import get_session
    from botocore.exceptions import UnknownServiceError

    creators: dict[str, Any] = {}
    opened: dict[str, Any] = {}

    def client(service: str) -> Any:
        if service not in opened:
            try:
                creator = get_session().create_client(
                    service,
                    region_name="us-east-1",
                    aws_access_key_id="testing",
                    aws_secret_access_key="testing",
                    endpoint_url="http://127.0.0.1:9",
                    config=AioConfig(parameter_validation=False),
                )
                opened[service] = aio_loop.run_until_complete(creator.__aenter__())
            except UnknownServiceError:
                pytest.skip(f"the installed botocore has no {service}")
            creators[service] = creator
        return opened[service]

    yield client
    for creator in creators.values():
        aio_loop.run_until_complete(creator.__aexit__(None, None, None))


@pytest.fixture(scope="module")
def aio_raw_client(aio_raw_clients: Callable[[str], Any]) -> Any:
    """An open aiobotocore SageMaker client that never reaches a network (stub it per test)."""
    return aio_raw_clients("sagemaker")
