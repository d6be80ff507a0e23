"""A typed user script: must pass mypy --strict and pyright (strict) with no error."""

from __future__ import annotations

from typing import Any

import boto3

from sagemaker_typed import AsyncSageMakerClient, SageMakerClient, errors, models
from sagemaker_typed.resources import Endpoint, TrainingJob


def train(sm: SageMakerClient) -> str:
    config = models.ResourceConfig(
        instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
    )
    created = sm.create_training_job(
        training_job_name="my-job",
        role_arn="arn:aws:iam::123456789012:role/SageMaker",
        algorithm_specification=models.AlgorithmSpecification(
            training_image="123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:latest",
            training_input_mode=models.TrainingInputMode.FILE,
        ),
        output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/output"),
        resource_config=config,
        stopping_condition=models.StoppingCondition(max_runtime_in_seconds=3600),
        hyper_parameters={"epochs": "3"},
    )
    arn: str = created.training_job_arn
    return arn


def follow(sm: SageMakerClient) -> models.TrainingJobStatus | None:
    job = sm.describe_training_job(training_job_name="my-job")
    reveal_type(job)  # revealed: DescribeTrainingJobResponse
    reveal_type(job.training_job_status)  # revealed: TrainingJobStatus
    reveal_type(job.resource_config)  # revealed: ResourceConfig | None
    for summary in sm.paginate.list_training_jobs(status_equals=models.TrainingJobStatus.COMPLETED):
        reveal_type(summary)  # revealed: TrainingJobSummary
    for page in sm.paginate.list_training_jobs(max_results=10).pages():
        reveal_type(page)  # revealed: ListTrainingJobsResponse
    done = sm.wait.training_job_completed_or_stopped(
        training_job_name="my-job", callback=lambda r: print(r.training_job_status if r else None)
    )
    reveal_type(done)  # revealed: DescribeTrainingJobResponse
    try:
        sm.describe_endpoint(endpoint_name="nope")
    except errors.ResourceNotFound as error:
        print(error.error_code, error.request_id)
    metadata = job.response_metadata
    reveal_type(metadata)  # revealed: ResponseMetadata | None
    if metadata is not None:
        print(metadata.request_id, metadata.retry_attempts)
    request = models.DescribeTrainingJobRequest(training_job_name="my-job")
    return sm.describe_training_job(request).training_job_status


def newer_than_the_sdk(sm: SageMakerClient) -> None:
    # A value SageMaker added after this SDK's botocore: a member of the same enum, on purpose.
    newer = models.TrainingInstanceType.unknown("ml.p7.48xlarge")
    reveal_type(newer)  # revealed: TrainingInstanceType
    config = models.ResourceConfig(instance_type=newer, instance_count=1, volume_size_in_gb=10)
    print(config.to_wire(), newer.is_known)
    # Limits and patterns left to the service: member names, types and required members only.
    loose = SageMakerClient(boto3.client("sagemaker"), validation="structure")
    loose.describe_training_job(training_job_name="a-name-longer-than-the-pinned-limit")


def with_resources(sm: SageMakerClient) -> str:
    job = TrainingJob.create(
        training_job_name="my-job",
        role_arn="arn:aws:iam::123456789012:role/SageMaker",
        output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/output"),
        resource_config=models.ResourceConfig(
            instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
        ),
        client=sm,
    )
    reveal_type(job)  # revealed: TrainingJob
    try:
        done = job.wait(poll=10.0, timeout=3600, logs=True)
    except errors.FailedStatusError as error:
        print(error.status, error.reason)
        raise
    reveal_type(done)  # revealed: TrainingJob
    reveal_type(done.training_job_status)  # revealed: TrainingJobStatus
    reveal_type(done.resource_config)  # revealed: ResourceConfig | None
    for listed in TrainingJob.get_all(status_equals=models.TrainingJobStatus.COMPLETED, client=sm):
        reveal_type(listed)  # revealed: TrainingJob
        print(listed.training_job_name, listed.hyper_parameters)
    again = TrainingJob.get(training_job_name="my-job").refresh()
    reveal_type(again)  # revealed: TrainingJob
    endpoint = Endpoint.get(endpoint_name="my-endpoint").wait_for_status(models.EndpointStatus.IN_SERVICE)
    answer = endpoint.invoke(body=b"0.5,1.5", content_type="text/csv")
    reveal_type(answer)  # revealed: InvokeEndpointOutput
    endpoint.delete()
    endpoint.wait_for_delete(timeout=600)
    arn: str = job.training_job_arn
    return arn


def main() -> None:
    sm = SageMakerClient(boto3.client("sagemaker", region_name="eu-west-1"))
    print(train(sm), follow(sm), sm.client)
    local = SageMakerClient(region_name="us-east-1", endpoint_url="http://127.0.0.1:5000")
    print(SageMakerClient(session=boto3.Session(profile_name="ml"), region_name="eu-west-1"), local)
    newer_than_the_sdk(sm)
    print(with_resources(sm))


async def follow_async(sm: AsyncSageMakerClient) -> str:
    job = await sm.describe_training_job(training_job_name="my-job")
    reveal_type(job)  # revealed: DescribeTrainingJobResponse
    reveal_type(job.training_job_status)  # revealed: TrainingJobStatus
    async for summary in sm.paginate.list_training_jobs(status_equals=models.TrainingJobStatus.COMPLETED):
        reveal_type(summary)  # revealed: TrainingJobSummary
    async for page in sm.paginate.list_training_jobs(max_results=10).pages():
        reveal_type(page)  # revealed: ListTrainingJobsResponse

    async def progress(response: models.DescribeEndpointOutput | None) -> None:
        print(response.endpoint_status if response else None)

    endpoint = await sm.wait.endpoint_in_service(endpoint_name="my-endpoint", callback=progress)
    reveal_type(endpoint)  # revealed: DescribeEndpointOutput
    await sm.wait.endpoint_deleted(endpoint_name="my-endpoint", delay=5, callback=print)
    try:
        await sm.describe_endpoint(models.DescribeEndpointInput(endpoint_name="nope"))
    except errors.ResourceNotFound as error:
        print(error.error_code, error.request_id)
    return job.training_job_name


async def main_async(raw: Any) -> None:
    async with AsyncSageMakerClient(region_name="eu-west-1") as sm:
        reveal_type(sm)  # revealed: AsyncSageMakerClient
        print(await follow_async(sm), sm.client)
    wrapped = AsyncSageMakerClient(raw)
    await wrapped.close()
