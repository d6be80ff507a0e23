"""Resources end to end: ``sagemaker_typed.resources`` over server A, raw boto3 over server B.

Each resource call on server A (through ``sm_a``, whose requests ``requests_to_a`` counts) is
made by hand with raw boto3 on server B too, so the two servers keep receiving the same calls
(see conftest); the mirror then describes both and compares, which also shows that a resource
made by ``create`` leaves the server as raw boto3's call does.

A resource reaches two other services through companion clients: CloudWatch Logs (``wait(logs=
True)``) and the SageMaker runtime (``Endpoint.invoke``). They are made from the typed client's
boto3 session (here boto3's default one: ``sm_a`` wraps a boto3 client made for server A) and
take their endpoint from boto3's configuration, so the module points ``AWS_ENDPOINT_URL`` at
server A, with fake credentials, as a user running against a local server does. (A session
whose shared config file names the endpoint would do the same through a file; the variable says
it in one line.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from botocore.response import StreamingBody

from sagemaker_typed import SageMakerClient, errors, models
from sagemaker_typed.quickstart import PREDICTION, configure_local_result
from sagemaker_typed.resources import Endpoint, EndpointConfig, Model, TrainingJob
from sagemaker_typed.runtime import models as rt_models
from tests import installed_model

from .conftest import REGION, MotoServer, RequestCounter, boto3_client
from .inputs import BUCKET, IMAGE, ROLE, arn
from .mirror import Call, Mirror
from .test_training import CREATE_JOB_WIRE

pytestmark = pytest.mark.e2e

POLL = 0.01
MODEL = "e2e-res-model"
CONFIG = "e2e-res-config"
ENDPOINT = "e2e-res-endpoint"
JOBS = ("e2e-res-train-1", "e2e-res-train-2", "e2e-res-train-3")
LOGGED = "e2e-res-logged"
GROUP = "/aws/sagemaker/TrainingJobs"
EPOCH = 1765000000


@pytest.fixture(scope="module", autouse=True)
def companions_at_server_a(server_a: MotoServer) -> Iterator[None]:
    """boto3's configuration sends the companion clients (logs, runtime) to server A."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL", server_a.url)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE"):
            patch.delenv(name, raising=False)
        yield


def job_request(name: str, eta: str) -> dict[str, Any]:
    """``TrainingJob.create``'s keywords, typed models and enums, for a small xgboost job."""
    return {
        "training_job_name": name,
        "role_arn": ROLE,
        "algorithm_specification": models.AlgorithmSpecification(
            training_image=IMAGE, training_input_mode=models.TrainingInputMode.FILE
        ),
        "resource_config": models.ResourceConfig(
            instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
        ),
        "input_data_config": [
            models.Channel(
                channel_name="train",
                data_source=models.DataSource(
                    s3_data_source=models.S3DataSource(
                        s3_data_type=models.S3DataType.S3_PREFIX,
                        s3_uri=f"{BUCKET}/train",
                        s3_data_distribution_type=models.S3DataDistribution.FULLY_REPLICATED,
                    )
                ),
                content_type="text/csv",
            )
        ],
        "output_data_config": models.OutputDataConfig(s3_output_path=f"{BUCKET}/output"),
        "stopping_condition": models.StoppingCondition(max_runtime_in_seconds=3600),
        "hyper_parameters": {"max_depth": "5", "eta": eta, "num_round": "50"},
        "enable_managed_spot_training": False,
        "tags": [models.Tag(key="team", value="ml")],
    }


def job_wire(name: str, eta: str) -> dict[str, Any]:
    """The same request as a boto3 user writes it."""
    return {
        **CREATE_JOB_WIRE,
        "TrainingJobName": name,
        "HyperParameters": {"max_depth": "5", "eta": eta, "num_round": "50"},
    }


def create_job(sm_a: SageMakerClient, boto3_b: Any, name: str, eta: str) -> TrainingJob:
    job = TrainingJob.create(**job_request(name, eta), client=sm_a)
    boto3_b.create_training_job(**job_wire(name, eta))
    return job


# Hosting: Model, EndpointConfig, Endpoint.


@pytest.fixture(scope="module")
def deployed(sm_a: SageMakerClient, boto3_b: Any) -> tuple[Model, EndpointConfig, Endpoint]:
    """A model, an endpoint config and an endpoint, created as resources on A and raw on B."""
    model = Model.create(
        model_name=MODEL,
        execution_role_arn=ROLE,
        primary_container=models.ContainerDefinition(image=IMAGE, model_data_url=f"{BUCKET}/model.tar.gz"),
        client=sm_a,
    )
    boto3_b.create_model(
        ModelName=MODEL,
        ExecutionRoleArn=ROLE,
        PrimaryContainer={"Image": IMAGE, "ModelDataUrl": f"{BUCKET}/model.tar.gz"},
    )
    config = EndpointConfig.create(
        endpoint_config_name=CONFIG,
        production_variants=[
            models.ProductionVariant(
                variant_name="primary",
                model_name=MODEL,
                initial_instance_count=1,
                instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
            )
        ],
        client=sm_a,
    )
    boto3_b.create_endpoint_config(
        EndpointConfigName=CONFIG,
        ProductionVariants=[
            {"VariantName": "primary", "ModelName": MODEL, "InitialInstanceCount": 1, "InstanceType": "ml.m5.large"}
        ],
    )
    endpoint = Endpoint.create(endpoint_name=ENDPOINT, endpoint_config_name=CONFIG, client=sm_a)
    boto3_b.create_endpoint(EndpointName=ENDPOINT, EndpointConfigName=CONFIG)
    return model, config, endpoint


def test_model_and_endpoint_config(
    deployed: tuple[Model, EndpointConfig, Endpoint],
    mirror: Mirror,
    requests_to_a: RequestCounter,
    sm_a: SageMakerClient,
) -> None:
    model, config, _ = deployed
    described_model, described_config = mirror.run(
        Call("describe_model", {"model_name": MODEL}, {"ModelName": MODEL}),
        Call("describe_endpoint_config", {"endpoint_config_name": CONFIG}, {"EndpointConfigName": CONFIG}),
    )
    with requests_to_a.none():  # what Create answered, and the identifiers of its request
        assert (model.model_name, model.model_arn) == (MODEL, arn("model", MODEL))
        assert (config.endpoint_config_name, config.endpoint_config_arn) == (CONFIG, arn("endpoint-config", CONFIG))
        assert model.client is config.client is sm_a
    served = requests_to_a.served()
    assert model.primary_container == described_model.primary_container  # not given by Create: one Describe
    assert model.execution_role_arn == ROLE
    assert config.production_variants == described_config.production_variants
    assert config.production_variants[0].instance_type is models.ProductionVariantInstanceType.ML_M5_LARGE
    assert requests_to_a.served() == served + 2  # one Describe each, then kept

    got = Model.get(model_name=MODEL, client=sm_a)
    assert got == model and got.creation_time == described_model.creation_time
    with pytest.raises(AttributeError, match="read-only"):
        got.model_name = "renamed"  # type: ignore[misc]


def test_endpoint_waits_in_service_and_invokes(
    deployed: tuple[Model, EndpointConfig, Endpoint],
    mirror: Mirror,
    server_a: MotoServer,
    server_b: MotoServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    endpoint = deployed[2]
    assert endpoint.endpoint_arn == arn("endpoint", ENDPOINT)
    # moto puts an endpoint in service at once; progress=True without a terminal: one plain line.
    assert endpoint.wait(poll=POLL, progress=True) is endpoint
    assert endpoint.endpoint_status is models.EndpointStatus.IN_SERVICE
    assert capsys.readouterr().err == f"Endpoint {ENDPOINT!r}: InService, 0:00:00\n"
    described = mirror.call(Call("describe_endpoint", {"endpoint_name": ENDPOINT}, {"EndpointName": ENDPOINT}))
    assert endpoint.production_variants == described.production_variants

    # Invoked through the typed runtime client (a companion of sm_a), as raw boto3 on server B.
    for server in (server_a, server_b):
        assert configure_local_result(server.url, REGION)
    answer = endpoint.invoke(body=b"0.5,1.5", content_type="text/csv", accept="application/json")
    raw = boto3_client(server_b.url, "sagemaker-runtime").invoke_endpoint(
        EndpointName=ENDPOINT, Body=b"0.5,1.5", ContentType="text/csv", Accept="application/json"
    )
    assert isinstance(answer, rt_models.InvokeEndpointOutput) and isinstance(answer.body, StreamingBody)
    assert answer.body.read() == raw["Body"].read() == PREDICTION.encode()
    assert (answer.content_type, answer.invoked_production_variant) == (raw["ContentType"], "primary")


def test_endpoint_delete_and_wait_for_delete(
    deployed: tuple[Model, EndpointConfig, Endpoint], boto3_b: Any, mirror: Mirror, sm_a: SageMakerClient
) -> None:
    model, config, endpoint = deployed
    endpoint.delete()
    boto3_b.delete_endpoint(EndpointName=ENDPOINT)
    assert endpoint.wait_for_delete(poll=POLL, progress=False) is None
    error = mirror.error(Call("describe_endpoint", {"endpoint_name": ENDPOINT}, {"EndpointName": ENDPOINT}))
    assert isinstance(error, errors.ValidationException)
    # Waiting for a status of a deleted resource says it is gone, with the service's error.
    with pytest.raises(errors.ResourceDeletedError) as deleted:
        endpoint.wait(poll=POLL, progress=False)
    assert deleted.value.__cause__ is not None
    with pytest.raises(errors.ValidationException):
        Endpoint.get(endpoint_name=ENDPOINT, client=sm_a)

    config.delete()
    boto3_b.delete_endpoint_config(EndpointConfigName=CONFIG)
    model.delete()
    boto3_b.delete_model(ModelName=MODEL)
    for resource in (config, model):
        resource.wait_for_delete(poll=POLL, progress=False)  # no status: until Describe no longer finds it
    mirror.error(Call("describe_model", {"model_name": MODEL}, {"ModelName": MODEL}))


# Training jobs.


@pytest.fixture(scope="module")
def jobs(sm_a: SageMakerClient, boto3_b: Any) -> list[TrainingJob]:
    return [create_job(sm_a, boto3_b, name, eta) for name, eta in zip(JOBS, ("0.1", "0.2", "0.3"), strict=True)]


def test_training_job_create_and_wait(jobs: list[TrainingJob], mirror: Mirror, requests_to_a: RequestCounter) -> None:
    job = jobs[0]
    with requests_to_a.none():
        assert job.training_job_arn == arn("training-job", JOBS[0])  # from Create's response
    served = requests_to_a.served()
    assert job.wait(poll=POLL, progress=False) is job  # moto completes a job at once: one poll
    assert requests_to_a.served() == served + 1
    with requests_to_a.none():  # the fields are those of the last Describe
        assert job.training_job_status is models.TrainingJobStatus.COMPLETED
        assert job.secondary_status is models.SecondaryStatus.COMPLETED
        assert job.hyper_parameters == {"max_depth": "5", "eta": "0.1", "num_round": "50"}
        resources = job.resource_config
        assert resources is not None and resources.instance_type is models.TrainingInstanceType.ML_M5_XLARGE
    described = mirror.call(Call("describe_training_job", {"training_job_name": JOBS[0]}, {"TrainingJobName": JOBS[0]}))
    assert job.model_artifacts == described.model_artifacts
    assert job.refresh() is job and job.last_modified_time == described.last_modified_time


def test_get_all_lists_without_a_describe_per_item(
    jobs: list[TrainingJob], mirror: Mirror, requests_to_a: RequestCounter, sm_a: SageMakerClient
) -> None:
    filters = {"name_contains": "e2e-res-train", "sort_by": models.SortBy.NAME}
    # The listing by raw boto3 on server B (and by the typed paginator, on A): how many pages it takes.
    # (moto pages before it filters by name, so other tests' jobs can add pages.)
    pages = mirror.pages(
        Call(
            "list_training_jobs",
            {**filters, "max_results": 2},
            {"NameContains": "e2e-res-train", "SortBy": "Name", "MaxResults": 2},
        )
    )
    summaries = [summary for page in pages for summary in page.training_job_summaries]
    assert len(pages) >= 2 and len(summaries) == len(JOBS)

    served = requests_to_a.served()
    listed = list(TrainingJob.get_all(**filters, max_results=2, client=sm_a))
    assert requests_to_a.served() == served + len(pages)  # one call per page, no Describe
    with requests_to_a.none():  # what the summaries carry
        assert [job.training_job_name for job in listed] == list(JOBS)
        assert {job.training_job_status for job in listed} == {models.TrainingJobStatus.COMPLETED}
        assert [job.training_job_arn for job in listed] == [arn("training-job", name) for name in JOBS]
        assert [job.last_modified_time for job in listed] == [summary.last_modified_time for summary in summaries]
        assert all(job.client is sm_a for job in listed)
        assert listed == jobs  # a resource is its type and identifiers

    served = requests_to_a.served()
    third = listed[2]
    assert third.hyper_parameters == {"max_depth": "5", "eta": "0.3", "num_round": "50"}  # not in the summary
    assert third.role_arn == ROLE
    assert requests_to_a.served() == served + 1  # one Describe for that job, then kept

    # Filters reach the server: a status no job has lists nothing, in one call.
    served = requests_to_a.served()
    stopped = list(
        TrainingJob.get_all(name_contains="e2e-res-train", status_equals=models.TrainingJobStatus.STOPPED, client=sm_a)
    )
    assert (stopped, requests_to_a.served()) == ([], served + 1)


@pytest.mark.xfail(strict=True, raises=errors.SageMakerError, reason="moto 5.2.5 lacks StopTrainingJob (HTTP 500)")
def test_training_job_stop(jobs: list[TrainingJob]) -> None:
    jobs[1].stop()


@pytest.mark.xfail(strict=True, raises=errors.SageMakerError, reason="moto 5.2.5 lacks DeleteTrainingJob (HTTP 500)")
def test_training_job_delete(jobs: list[TrainingJob]) -> None:
    installed_model.require("DeleteTrainingJob")  # newer than the lowest botocore declared
    jobs[1].delete()


# wait(logs=True): the events written to CloudWatch Logs, per stream.


def write_logs(url: str, streams: dict[str, list[str]]) -> None:
    """Create ``streams`` (with their events, a millisecond apart) in the training jobs' log group."""
    logs = boto3_client(url, "logs")
    if not logs.describe_log_groups(logGroupNamePrefix=GROUP)["logGroups"]:
        logs.create_log_group(logGroupName=GROUP)
    now = int(time.time() * 1000)  # CloudWatch Logs (and moto) refuse events older than 14 days
    for stream, messages in streams.items():
        logs.create_log_stream(logGroupName=GROUP, logStreamName=stream)
        events = [{"timestamp": now + i, "message": message} for i, message in enumerate(messages)]
        logs.put_log_events(logGroupName=GROUP, logStreamName=stream, logEvents=events)


def test_wait_with_logs_prints_each_stream_in_order(
    sm_a: SageMakerClient,
    boto3_b: Any,
    server_a: MotoServer,
    server_b: MotoServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    streams = {
        # Listed out of order: the streams are read by name.
        f"{LOGGED}/algo-2-{EPOCH}": ["worker 2 up", "[1] train-logloss:0.52"],
        f"{LOGGED}/algo-1-{EPOCH}": ["worker 1 up", "[0] train-logloss:0.61", "[1] train-logloss:0.48"],
        # Another job whose name starts like this one's: not its logs.
        f"{LOGGED}-other/algo-1-{EPOCH}": ["not this job"],
    }
    for server in (server_a, server_b):
        write_logs(server.url, streams)
    job = create_job(sm_a, boto3_b, LOGGED, "0.2")

    assert job.wait(poll=POLL, progress=False, logs=True) is job
    assert capsys.readouterr().out.splitlines() == [
        f"[algo-1-{EPOCH}] worker 1 up",
        f"[algo-1-{EPOCH}] [0] train-logloss:0.61",
        f"[algo-1-{EPOCH}] [1] train-logloss:0.48",
        f"[algo-2-{EPOCH}] worker 2 up",
        f"[algo-2-{EPOCH}] [1] train-logloss:0.52",
    ]
    assert job.training_job_status is models.TrainingJobStatus.COMPLETED

    # One stream: its lines as they are, no prefix; a wait on a job that already ended prints all of it.
    single = f"{LOGGED}-other"
    create_job(sm_a, boto3_b, single, "0.3")
    TrainingJob.get(training_job_name=single, client=sm_a).wait(poll=POLL, progress=True, logs=True)
    captured = capsys.readouterr()
    assert captured.out == "not this job\n"
    assert captured.err == f"TrainingJob {single!r}: Completed (Completed), 0:00:00\n"


def test_wait_with_logs_of_a_job_without_logs(
    sm_a: SageMakerClient, boto3_b: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """A job without a log stream (yet): the wait prints nothing and does not fail."""
    job = create_job(sm_a, boto3_b, "e2e-res-silent", "0.1")
    job.wait(poll=POLL, progress=False, logs=True)
    assert capsys.readouterr().out == ""


def test_rich_is_imported_only_to_draw(jobs: list[TrainingJob], server_a: MotoServer) -> None:
    """Importing the SDK and its resources, making a client and waiting where no one watches (plain
    lines or nothing) import no rich: a fresh process, standard output a pipe."""
    script = f"""
import sys
import sagemaker_typed, sagemaker_typed.resources
from sagemaker_typed import SageMakerClient
from sagemaker_typed.resources import Endpoint, TrainingJob
job = TrainingJob.get(training_job_name={JOBS[0]!r}, client=SageMakerClient())
job.wait(poll=0.01)
job.wait(poll=0.01, progress=True, logs=True)
print(job.training_job_status, "rich" in sys.modules)
"""
    environment = {
        **os.environ,
        "AWS_ENDPOINT_URL": server_a.url,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Completed False\n"
    assert done.stderr == f"TrainingJob {JOBS[0]!r}: Completed (Completed), 0:00:00\n"  # progress=True: plain lines
