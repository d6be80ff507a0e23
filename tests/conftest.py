"""Shared fixtures: a boto3 SageMaker client that never reaches a network."""

from __future__ import annotations

import boto3
import pytest

from sagemaker_typed import SageMakerClient


def offline_boto3_client() -> object:
    return boto3.client(
        "sagemaker",
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
