"""``sagemaker_typed.testing.TypedStubber`` end to end, through ``SageMakerClient`` calls."""

from __future__ import annotations

import datetime

import pytest
from botocore.exceptions import ParamValidationError, StubResponseError
from botocore.stub import StubAssertionError, UnStubbedResponseError
from pydantic import ValidationError

from sagemaker_typed import SageMakerClient, errors, models
from sagemaker_typed.testing import TypedStubber
from tests import installed_model

CREATED = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)
ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/"


def described(name: str, status: str = "Completed") -> models.DescribeTrainingJobResponse:
    return models.DescribeTrainingJobResponse(
        training_job_name=name,
        training_job_arn=ARN + name,
        training_job_status=models.TrainingJobStatus(status),
        secondary_status=models.SecondaryStatus(status),
        creation_time=CREATED,
        algorithm_specification=models.AlgorithmSpecification(
            training_image="img:1", training_input_mode=models.TrainingInputMode.FILE
        ),
        model_artifacts=models.ModelArtifacts(s3_model_artifacts=f"s3://bucket/{name}/model.tar.gz"),
        resource_config=models.ResourceConfig(
            instance_type=models.TrainingInstanceType("ml.m5.xlarge"), instance_count=1, volume_size_in_gb=10
        ),
        stopping_condition=models.StoppingCondition(max_runtime_in_seconds=3600),
    )


def summary(name: str) -> dict[str, object]:
    """A page item by wire name, as boto3 returns it."""
    return {
        "TrainingJobName": name,
        "TrainingJobArn": ARN + name,
        "CreationTime": CREATED,
        "TrainingJobStatus": "InProgress",
    }


def test_responses_as_models_and_dicts_with_expected_requests(sm: SageMakerClient) -> None:
    with TypedStubber(sm) as stub:
        stub.add_response(
            "describe_training_job", described("j1"), expected=models.DescribeTrainingJobRequest(training_job_name="j1")
        )
        # The API name, a dict response by wire name, expected params by snake name.
        stub.add_response(
            "DescribeTrainingJob",
            {**described("j2", "Failed").to_wire(), "FailureReason": "ClientError: bad data"},
            expected={"training_job_name": "j2"},
        )
        stub.add_response("delete_endpoint", expected={"EndpointName": "e"})  # no output
        stub.add_response("list_training_jobs", {"TrainingJobSummaries": []})  # any request

        first = sm.describe_training_job(training_job_name="j1")
        second = sm.describe_training_job(models.DescribeTrainingJobRequest(training_job_name="j2"))
        assert sm.delete_endpoint(endpoint_name="e") is None
        assert sm.list_training_jobs(status_equals=models.TrainingJobStatus.FAILED).training_job_summaries == []
        stub.assert_no_pending_responses()

    assert first == described("j1")
    assert first.training_job_status == models.TrainingJobStatus.COMPLETED
    assert first.creation_time == CREATED
    assert (second.training_job_status, second.failure_reason) == ("Failed", "ClientError: bad data")


def test_expected_request_mismatch_raises_botocore_assertion(sm: SageMakerClient) -> None:
    with TypedStubber(sm) as stub:
        stub.add_response("describe_training_job", described("j1"), expected={"TrainingJobName": "j1"})
        with pytest.raises(StubAssertionError, match="j1"):
            sm.describe_training_job(training_job_name="other")

    with TypedStubber(sm) as stub:  # an extra member is a mismatch too
        stub.add_response("list_training_jobs", {"TrainingJobSummaries": []}, expected={"MaxResults": 5})
        with pytest.raises(StubAssertionError):
            sm.list_training_jobs(max_results=5, name_contains="x")

    with TypedStubber(sm) as stub:
        stub.add_response("describe_training_job", described("j1"))
        with pytest.raises(StubResponseError, match="Operation mismatch"):
            sm.describe_endpoint(endpoint_name="e")
    with pytest.raises(UnStubbedResponseError), TypedStubber(sm):
        sm.describe_endpoint(endpoint_name="e")


def test_typed_errors_by_class_or_code(sm: SageMakerClient) -> None:
    installed_model.require("CreateTrainingJob", "DescribeEndpoint")  # the boto3 client validates by its model
    with TypedStubber(sm) as stub:
        stub.add_error("describe_endpoint", errors.ResourceNotFound, message="nope", expected={"EndpointName": "e"})
        stub.add_error("CreateTrainingJob", "ResourceLimitExceeded", message="too many")
        stub.add_error("describe_endpoint", "SomeNewError", message="new", http_status_code=503)

        with pytest.raises(errors.ResourceNotFound) as not_found:
            sm.describe_endpoint(endpoint_name="e")
        with pytest.raises(errors.ResourceLimitExceeded) as limit:
            sm.create_training_job(
                training_job_name="j",
                role_arn="arn:aws:iam::123456789012:role/sm",
                output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/out"),
            )
        with pytest.raises(errors.SageMakerError) as new:
            sm.describe_endpoint(endpoint_name="e")
        stub.assert_no_pending_responses()

    assert (not_found.value.error_code, not_found.value.error_message, not_found.value.http_status_code) == (
        "ResourceNotFound",
        "nope",
        400,
    )
    assert limit.value.error_message == "too many"
    assert type(new.value) is errors.SageMakerError
    assert (new.value.error_code, new.value.http_status_code) == ("SomeNewError", 503)


def test_pagination_through_stubbed_pages(sm: SageMakerClient) -> None:
    with TypedStubber(sm) as stub:
        stub.add_response(
            "list_training_jobs",
            models.ListTrainingJobsResponse.model_validate({"TrainingJobSummaries": [summary("a")], "NextToken": "t1"}),
            expected={"max_results": 1},
        )
        stub.add_response(
            "list_training_jobs",
            {"TrainingJobSummaries": [summary("b")], "NextToken": "t2"},
            expected={"MaxResults": 1, "NextToken": "t1"},
        )
        stub.add_response(
            "list_training_jobs",
            {"TrainingJobSummaries": [summary("c")]},
            expected=models.ListTrainingJobsRequest(max_results=1, next_token="t2"),
        )
        jobs = list(sm.paginate.list_training_jobs(max_results=1))
        stub.assert_no_pending_responses()

    assert [job.training_job_name for job in jobs] == ["a", "b", "c"]
    assert all(isinstance(job, models.TrainingJobSummary) for job in jobs)


def test_stubs_are_checked_when_added(sm: SageMakerClient) -> None:
    stub = TypedStubber(sm)
    with pytest.raises(ValueError, match="did you mean describe_training_job"):
        stub.add_response("describe_trainin_job", {})
    with pytest.raises(ValidationError, match="training_job_name"):  # by the client's own rules
        stub.add_response("describe_training_job", described("j"), expected={"TrainingJobName": "bad name!"})
    with pytest.raises(TypeError, match="DescribeTrainingJobResponse"):
        stub.add_response("describe_training_job", models.DescribeEndpointOutput.model_construct())
    with pytest.raises(TypeError, match="no output"):
        stub.add_response("delete_endpoint", {"EndpointName": "e"})
    with pytest.raises(ValidationError):  # the output model's types
        stub.add_response("list_training_jobs", {"TrainingJobSummaries": [], "NextToken": 5})
    with pytest.raises(ParamValidationError, match="Bogus"):  # botocore's check of the service shape
        stub.add_response("list_training_jobs", {"TrainingJobSummaries": [], "Bogus": 1})
    with pytest.raises(ValueError, match="no error code"):
        stub.add_error("describe_endpoint", errors.SageMakerError)
    stub.assert_no_pending_responses()


def test_stubbing_another_service_of_the_family() -> None:
    """The stubber looks operations up in the stubbed client's own service."""
    from sagemaker_typed import runtime

    rt = runtime.SageMakerRuntimeClient(region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    with TypedStubber(rt) as stub:
        stub.add_response(
            "InvokeEndpointAsync",
            runtime.models.InvokeEndpointAsyncOutput(inference_id="i-1", output_location="s3://b/out"),
            expected={"endpoint_name": "e", "input_location": "s3://b/in"},
        )
        stub.add_error("invoke_endpoint_async", runtime.errors.ValidationError, message="no such endpoint")
        assert rt.invoke_endpoint_async(endpoint_name="e", input_location="s3://b/in").inference_id == "i-1"
        with pytest.raises(runtime.errors.ValidationError, match="no such endpoint"):
            rt.invoke_endpoint_async(endpoint_name="e", input_location="s3://b/in")
        with pytest.raises(ValueError, match="unknown operation 'create_training_job'"):
            stub.add_response("create_training_job")
