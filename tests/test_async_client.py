"""AsyncSageMakerClient's life cycle: made from a session or boto3-like arguments, or wrapping an
aiobotocore client; ``async with`` and ``close()`` as aiobotocore manages its clients."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("aiobotocore")

import botocore.config
import botocore.validate
from aiobotocore.awsrequest import AioAWSResponse
from aiobotocore.client import AioBaseClient
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session

from sagemaker_typed import AsyncSageMakerClient, models

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
OFFLINE = {"region_name": "us-east-1", "endpoint_url": "http://127.0.0.1:9", **CREDENTIALS}
JOB = {
    "TrainingJobSummaries": [
        {"TrainingJobName": "j", "TrainingJobArn": "arn", "CreationTime": 0, "TrainingJobStatus": "Completed"}
    ]
}


def botocore_validates(raw: Any) -> bool:
    """Whether botocore's own validator is on (its client config does not keep the option)."""
    return isinstance(raw._serializer, botocore.validate.ParamValidationDecorator)


class Answering(AioSession):
    """An AioSession whose clients answer ``ListTrainingJobs`` without a network, counting clients made."""

    def __init__(self) -> None:
        super().__init__()
        self.made = 0
        self.calls = 0
        self.register("before-call.sagemaker.ListTrainingJobs", self._answer)

    def _answer(self, **_: Any) -> tuple[AioAWSResponse, dict[str, Any]]:
        self.calls += 1
        return AioAWSResponse(None, 200, {}, None), JOB

    def create_client(self, *args: Any, **kwargs: Any) -> Any:
        self.made += 1
        return super().create_client(*args, **kwargs)


def test_async_with_makes_opens_and_closes_the_client() -> None:
    async def main() -> None:
        sm = AsyncSageMakerClient(**OFFLINE)
        assert repr(sm) == "AsyncSageMakerClient(not open)"
        with pytest.raises(RuntimeError, match="async with"):
            _ = sm.client
        async with sm as opened:
            assert opened is sm
            raw = sm.client
            assert isinstance(raw, AioBaseClient)
            assert raw.meta.region_name == "us-east-1"
            assert raw.meta.endpoint_url == "http://127.0.0.1:9"
            assert not botocore_validates(raw)  # validated by the SDK instead, once
        with pytest.raises(RuntimeError, match="closed"):
            await sm.list_training_jobs()

    asyncio.run(main())


def test_your_config_is_merged_over_ours() -> None:
    async def main() -> None:
        config = AioConfig(
            parameter_validation=True, retries={"total_max_attempts": 1}, connector_args={"keepalive_timeout": 3}
        )
        async with AsyncSageMakerClient(config=config, **OFFLINE) as sm:
            assert botocore_validates(sm.client)
            assert sm.client.meta.config.retries["total_max_attempts"] == 1
            assert sm.client.meta.config.connector_args == {"keepalive_timeout": 3}  # aiobotocore's own option
        plain = botocore.config.Config(retries={"total_max_attempts": 2})  # botocore's Config is taken too
        async with AsyncSageMakerClient(config=plain, **OFFLINE) as sm:
            assert not botocore_validates(sm.client)
            assert sm.client.meta.config.retries["total_max_attempts"] == 2

    asyncio.run(main())


def test_made_from_your_session_and_opened_by_the_first_call_once() -> None:
    async def main() -> None:
        session = Answering()
        session.set_config_variable("region", "eu-west-1")
        sm = AsyncSageMakerClient(session=session, **CREDENTIALS)
        first, second = await asyncio.gather(sm.list_training_jobs(), sm.list_training_jobs(max_results=5))
        assert session.made == 1 and session.calls == 2
        assert sm.client.meta.region_name == "eu-west-1"
        assert isinstance(first, models.ListTrainingJobsResponse) and first == second
        assert [s.training_job_name async for s in sm.paginate.list_training_jobs()] == ["j"]
        await sm.close()
        await sm.close()  # closing twice is harmless, as in aiobotocore

    asyncio.run(main())


def test_default_session_is_aiobotocores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-2")
    made: list[Any] = []

    def get(*args: Any, **kwargs: Any) -> AioSession:
        made.append(get_session(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr("aiobotocore.session.get_session", get)

    async def main() -> None:
        async with AsyncSageMakerClient(**CREDENTIALS) as sm:
            assert sm.client.meta.region_name == "ap-southeast-2"
        assert len(made) == 1

    asyncio.run(main())


def test_wrapping_your_client_manages_it_as_aiobotocore_does() -> None:
    async def main() -> None:
        session = Answering()
        raw = await session._create_client("sagemaker", **OFFLINE)  # made, not entered yet
        sm = AsyncSageMakerClient(raw)
        assert sm.client is raw and repr(sm) == f"AsyncSageMakerClient({raw!r})"
        async with sm:  # enters and exits the wrapped client
            assert (await sm.list_training_jobs()).training_job_summaries[0].training_job_name == "j"
        assert session.made == 0

        async with session.create_client("sagemaker", **OFFLINE) as raw:  # the usual way: yours to manage
            sm = AsyncSageMakerClient(raw)
            assert isinstance(await sm.list_training_jobs(), models.ListTrainingJobsResponse)
            await sm.close()  # closes the wrapped client's connections

    asyncio.run(main())


def test_a_client_to_wrap_or_arguments_not_both() -> None:
    with pytest.raises(TypeError, match="not both"):
        AsyncSageMakerClient(object(), region_name="us-east-1")
    with pytest.raises(TypeError, match="not both"):
        AsyncSageMakerClient(object(), session=get_session())


def test_typed_stubber_stubs_an_open_async_client() -> None:
    from sagemaker_typed import errors
    from sagemaker_typed.testing import TypedStubber

    async def main() -> None:
        async with AsyncSageMakerClient(**OFFLINE) as sm:
            with TypedStubber(sm) as stub:
                stub.add_response(
                    "list_training_jobs",
                    models.ListTrainingJobsResponse.model_validate(JOB),
                    expected=models.ListTrainingJobsRequest(max_results=1),
                )
                stub.add_error("describe_training_job", errors.ResourceNotFound, message="nope")
                listed = await sm.list_training_jobs(max_results=1)
                with pytest.raises(errors.ResourceNotFound):
                    await sm.describe_training_job(training_job_name="j")
                stub.assert_no_pending_responses()
            assert listed.training_job_summaries[0].training_job_name == "j"

    asyncio.run(main())
