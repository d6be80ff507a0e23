"""Deliberate mistakes: each line marked as an error must be reported by mypy and by pyright."""

from __future__ import annotations

import sagemaker_typed
from sagemaker_typed import AsyncSageMakerClient, SageMakerClient, errors, models
from sagemaker_typed.resources import TrainingJob
from sagemaker_typed.runtime import SageMakerRuntimeClient


def mistakes(sm: SageMakerClient) -> None:
    models.ResourceConfig(instance_typ=models.TrainingInstanceType.ML_M5_XLARGE)  # error: misspelt keyword
    sm.describe_training_job(trainingjob_name="x")  # error: wrong parameter name
    sm.describe_training_job()  # error: missing required parameter
    sm.list_training_jobs(status_equals=models.EndpointStatus.IN_SERVICE)  # error: wrong enum type
    sm.list_training_jobs(max_results="ten")  # error: wrong value type
    models.ResourceConfig(InstanceCount=1)  # error: wire name in the constructor
    job = sm.describe_training_job(training_job_name="x")
    job.training_job_name = "y"  # error: frozen model
    print(job.no_such_field)  # error: unknown attribute
    models.ResourceConfg(instance_count=1)  # error: misspelt model name
    print(sagemaker_typed.SageMakerClent)  # error: misspelt name in the package
    print(errors.NoSuchThing)  # error: misspelt error class
    SageMakerClient(region="eu-west-1")  # error: not a boto3.client argument
    SageMakerClient(validation="structur")  # error: not a validation level
    models.TrainingInstanceType.unknown(7)  # error: a value is a str


async def async_mistakes(sm: AsyncSageMakerClient) -> None:
    await sm.describe_training_job()  # error: missing required parameter
    job = sm.describe_training_job(training_job_name="x")
    print(job.training_job_status)  # error: a coroutine used as the model (no await)
    for summary in sm.paginate.list_training_jobs():  # error: an async paginator in a plain for
        print(summary)
    await sm.wait.endpoint_in_service(endpoint_name="e", callback=lambda r: r.no_such_field)  # error: unknown attribute


def resource_mistakes(sm: SageMakerClient) -> None:
    output = models.OutputDataConfig(s3_output_path="s3://bucket/output")
    TrainingJob.create(training_job_nam="x", role_arn="r", output_data_config=output)  # error: misspelt keyword
    job = TrainingJob.get(training_job_name="x", client=sm)
    print(job.training_job_stauts)  # error: wrong attribute
    job.training_job_status = models.TrainingJobStatus.STOPPED  # error: a read-only field
    TrainingJob.get_all(status_equals=models.EndpointStatus.IN_SERVICE)  # error: wrong enum type
    TrainingJob(training_job_name="x")  # error: not made by hand (get, create, get_all)


def family_mistakes(rt: SageMakerRuntimeClient) -> None:
    # A service without stubs declares its overloads in its client module: a required keyword is required.
    rt.invoke_endpoint(body=b"1,2")  # error: missing required parameter
    rt.invoke_endpoint(endpoint_nam="e", body=b"1,2")  # error: wrong parameter name
