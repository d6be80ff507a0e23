"""What a person sees: ``repr``, ``str``, IPython's pretty printer and rich, pinned.

A large DescribeTrainingJobResponse as boto3 returns it (with an instance type and a member
the pinned service model does not know yet), a response with a sensitive value below the
top, and every output model of specs/, grown the way a newer API grows it.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest
import rich.pretty
from IPython.core.formatters import DisplayFormatter
from IPython.lib.pretty import pretty

from sagemaker_typed import models
from sagemaker_typed._runtime import display
from tests import specdata as sd
from tests.test_models_exhaustive import grown

UTC = datetime.timezone.utc


def at(hour: int, minute: int, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2024, 6, 1, hour, minute, second, tzinfo=UTC)


JOB: dict[str, Any] = {
    "TrainingJobName": "xgb-churn-2024-06-01",
    "TrainingJobArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-churn-2024-06-01",
    "ModelArtifacts": {"S3ModelArtifacts": "s3://my-bucket/churn/output/xgb-churn-2024-06-01/output/model.tar.gz"},
    "TrainingJobStatus": "Completed",
    "SecondaryStatus": "Completed",
    "HyperParameters": {"eta": "0.2", "max_depth": "5", "num_round": "100", "objective": "binary:logistic"},
    "AlgorithmSpecification": {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
        "MetricDefinitions": [{"Name": "validation:auc", "Regex": "validation-auc:([0-9\\.]+)"}],
        "EnableSageMakerMetricsTimeSeries": False,
    },
    "RoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole",
    "InputDataConfig": [
        {
            "ChannelName": name,
            "DataSource": {
                "S3DataSource": {
                    "S3DataType": "S3Prefix",
                    "S3Uri": f"s3://my-bucket/churn/{name}/",
                    "S3DataDistributionType": "FullyReplicated",
                }
            },
            "ContentType": "text/csv",
            "CompressionType": "None",
            "RecordWrapperType": "None",
        }
        for name in ("train", "validation")
    ],
    "OutputDataConfig": {"KmsKeyId": "", "S3OutputPath": "s3://my-bucket/churn/output"},
    # An instance type launched after the pinned service model: a pseudo-member.
    "ResourceConfig": {"InstanceType": "ml.p7.48xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    "CreationTime": at(12, 0),
    "TrainingStartTime": at(12, 1, 30),
    "TrainingEndTime": at(12, 9, 12),
    "LastModifiedTime": at(12, 9, 12),
    "SecondaryStatusTransitions": [
        {
            "Status": "Starting",
            "StartTime": at(12, 0),
            "EndTime": at(12, 1, 30),
            "StatusMessage": "Preparing the instances for training",
        },
        {
            "Status": "Training",
            "StartTime": at(12, 1, 30),
            "EndTime": at(12, 8, 40),
            "StatusMessage": "Training image download completed. Training in progress.",
        },
        {
            "Status": "Completed",
            "StartTime": at(12, 9, 12),
            "EndTime": at(12, 9, 12),
            "StatusMessage": "Training job completed",
        },
    ],
    "FinalMetricDataList": [{"MetricName": "validation:auc", "Value": 0.9164, "Timestamp": at(12, 8, 31)}],
    "EnableNetworkIsolation": False,
    "EnableInterContainerTrafficEncryption": False,
    "EnableManagedSpotTraining": False,
    "TrainingTimeInSeconds": 462,
    "BillableTimeInSeconds": 462,
    "ProfilingStatus": "Disabled",
    # A member the pinned service model does not have: kept, shown last by its wire name.
    "TrainingPlanArn": "arn:aws:sagemaker:us-east-1:123456789012:training-plan/p4d-weekly",
}

JOB_REPR = (
    "DescribeTrainingJobResponse(algorithm_specification=AlgorithmSpecification("
    "enable_sage_maker_metrics_time_series=False, metric_definitions=[MetricDefinition("
    "name='validation:auc', regex='validation-auc:([0-9\\\\.]+)')], "
    "training_image='683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', "
    "training_input_mode=TrainingInputMode.FILE), billable_time_in_seconds=462, "
    "creation_time=2024-06-01T12:00:00+00:00, enable_inter_container_traffic_encryption=False, "
    "enable_managed_spot_training=False, enable_network_isolation=False, "
    "final_metric_data_list=[MetricData(metric_name='validation:auc', "
    "timestamp=2024-06-01T12:08:31+00:00, value=0.9164)], hyper_parameters={'eta': '0.2', "
    "'max_depth': '5', 'num_round': '100', 'objective': 'binary:logistic'}, input_data_config=[Channel("
    "channel_name='train', compression_type=CompressionType.NONE, content_type='text/csv', "
    "data_source=DataSource(s3_data_source=S3DataSource("
    "s3_data_distribution_type=S3DataDistribution.FULLY_REPLICATED, s3_data_type=S3DataType.S3_PREFIX, "
    "s3_uri='s3://my-bucket/churn/train/')), record_wrapper_type=RecordWrapper.NONE), Channel("
    "channel_name='validation', compression_type=CompressionType.NONE, content_type='text/csv', "
    "data_source=DataSource(s3_data_source=S3DataSource("
    "s3_data_distribution_type=S3DataDistribution.FULLY_REPLICATED, s3_data_type=S3DataType.S3_PREFIX, "
    "s3_uri='s3://my-bucket/churn/validation/')), record_wrapper_type=RecordWrapper.NONE)], "
    "last_modified_time=2024-06-01T12:09:12+00:00, model_artifacts=ModelArtifacts("
    "s3_model_artifacts='s3://my-bucket/churn/output/xgb-churn-2024-06-01/output/model.tar.gz'), "
    "output_data_config=OutputDataConfig(kms_key_id='', s3_output_path='s3://my-bucket/churn/output'), "
    "profiling_status=ProfilingStatus.DISABLED, resource_config=ResourceConfig(instance_count=1, "
    "instance_type=<TrainingInstanceType('ml.p7.48xlarge'): unknown to this SDK>, volume_size_in_gb=10), "
    "role_arn='arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole', "
    "secondary_status=SecondaryStatus.COMPLETED, secondary_status_transitions=[SecondaryStatusTransition("
    "end_time=2024-06-01T12:01:30+00:00, start_time=2024-06-01T12:00:00+00:00, "
    "status=SecondaryStatus.STARTING, status_message='Preparing the instances for training'), "
    "SecondaryStatusTransition(end_time=2024-06-01T12:08:40+00:00, start_time=2024-06-01T12:01:30+00:00, "
    "status=SecondaryStatus.TRAINING, "
    "status_message='Training image download completed. Training in progress.'), "
    "SecondaryStatusTransition(end_time=2024-06-01T12:09:12+00:00, start_time=2024-06-01T12:09:12+00:00, "
    "status=SecondaryStatus.COMPLETED, status_message='Training job completed')], "
    "stopping_condition=StoppingCondition(max_runtime_in_seconds=3600), "
    "training_end_time=2024-06-01T12:09:12+00:00, "
    "training_job_arn='arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-churn-2024-06-01', "
    "training_job_name='xgb-churn-2024-06-01', training_job_status=TrainingJobStatus.COMPLETED, "
    "training_start_time=2024-06-01T12:01:30+00:00, training_time_in_seconds=462, "
    "TrainingPlanArn='arn:aws:sagemaker:us-east-1:123456789012:training-plan/p4d-weekly')"
)
JOB_PRETTY = """\
DescribeTrainingJobResponse(
    algorithm_specification=AlgorithmSpecification(
        enable_sage_maker_metrics_time_series=False,
        metric_definitions=[
            MetricDefinition(
                name='validation:auc',
                regex='validation-auc:([0-9\\\\.]+)'
            )
        ],
        training_image='683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
        training_input_mode=TrainingInputMode.FILE
    ),
    billable_time_in_seconds=462,
    creation_time=2024-06-01T12:00:00+00:00,
    enable_inter_container_traffic_encryption=False,
    enable_managed_spot_training=False,
    enable_network_isolation=False,
    final_metric_data_list=[
        MetricData(
            metric_name='validation:auc',
            timestamp=2024-06-01T12:08:31+00:00,
            value=0.9164
        )
    ],
    hyper_parameters={
        'eta': '0.2',
        'max_depth': '5',
        'num_round': '100',
        'objective': 'binary:logistic'
    },
    input_data_config=[
        Channel(
            channel_name='train',
            compression_type=CompressionType.NONE,
            content_type='text/csv',
            data_source=DataSource(
                s3_data_source=S3DataSource(
                    s3_data_distribution_type=S3DataDistribution.FULLY_REPLICATED,
                    s3_data_type=S3DataType.S3_PREFIX,
                    s3_uri='s3://my-bucket/churn/train/'
                )
            ),
            record_wrapper_type=RecordWrapper.NONE
        ),
        Channel(
            channel_name='validation',
            compression_type=CompressionType.NONE,
            content_type='text/csv',
            data_source=DataSource(
                s3_data_source=S3DataSource(
                    s3_data_distribution_type=S3DataDistribution.FULLY_REPLICATED,
                    s3_data_type=S3DataType.S3_PREFIX,
                    s3_uri='s3://my-bucket/churn/validation/'
                )
            ),
            record_wrapper_type=RecordWrapper.NONE
        )
    ],
    last_modified_time=2024-06-01T12:09:12+00:00,
    model_artifacts=ModelArtifacts(
        s3_model_artifacts='s3://my-bucket/churn/output/xgb-churn-2024-06-01/output/model.tar.gz'
    ),
    output_data_config=OutputDataConfig(
        kms_key_id='',
        s3_output_path='s3://my-bucket/churn/output'
    ),
    profiling_status=ProfilingStatus.DISABLED,
    resource_config=ResourceConfig(
        instance_count=1,
        instance_type=<TrainingInstanceType('ml.p7.48xlarge'): unknown to this SDK>,
        volume_size_in_gb=10
    ),
    role_arn='arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole',
    secondary_status=SecondaryStatus.COMPLETED,
    secondary_status_transitions=[
        SecondaryStatusTransition(
            end_time=2024-06-01T12:01:30+00:00,
            start_time=2024-06-01T12:00:00+00:00,
            status=SecondaryStatus.STARTING,
            status_message='Preparing the instances for training'
        ),
        SecondaryStatusTransition(
            end_time=2024-06-01T12:08:40+00:00,
            start_time=2024-06-01T12:01:30+00:00,
            status=SecondaryStatus.TRAINING,
            status_message='Training image download completed. Training in progress.'
        ),
        SecondaryStatusTransition(
            end_time=2024-06-01T12:09:12+00:00,
            start_time=2024-06-01T12:09:12+00:00,
            status=SecondaryStatus.COMPLETED,
            status_message='Training job completed'
        )
    ],
    stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
    training_end_time=2024-06-01T12:09:12+00:00,
    training_job_arn='arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-churn-2024-06-01',
    training_job_name='xgb-churn-2024-06-01',
    training_job_status=TrainingJobStatus.COMPLETED,
    training_start_time=2024-06-01T12:01:30+00:00,
    training_time_in_seconds=462,
    TrainingPlanArn='arn:aws:sagemaker:us-east-1:123456789012:training-plan/p4d-weekly'
)"""

SECRET = "TOP-SECRET-CARD"
PACKAGE: dict[str, Any] = {
    "ModelPackageGroupName": "churn",
    "ModelPackageVersion": 3,
    "ModelPackageArn": "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3",
    "CreationTime": datetime.datetime(2024, 6, 1, 13, 0, tzinfo=UTC),
    "ModelPackageStatus": "Completed",
    "ModelApprovalStatus": "PendingManualApproval",
    # ModelCardContent is a sensitive shape.
    "ModelCard": {"ModelCardContent": f'{{"model_overview": {{"owner": "{SECRET}"}}}}', "ModelCardStatus": "Draft"},
}

PACKAGE_REPR = (
    "DescribeModelPackageOutput(creation_time=2024-06-01T13:00:00+00:00, "
    "model_approval_status=ModelApprovalStatus.PENDING_MANUAL_APPROVAL, model_card=ModelPackageModelCard("
    "model_card_content='**********', model_card_status=ModelCardStatus.DRAFT), "
    "model_package_arn='arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3', "
    "model_package_group_name='churn', model_package_status=ModelPackageStatus.COMPLETED, "
    "model_package_version=3)"
)
PACKAGE_PRETTY = """\
DescribeModelPackageOutput(
    creation_time=2024-06-01T13:00:00+00:00,
    model_approval_status=ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
    model_card=ModelPackageModelCard(
        model_card_content='**********',
        model_card_status=ModelCardStatus.DRAFT
    ),
    model_package_arn='arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3',
    model_package_group_name='churn',
    model_package_status=ModelPackageStatus.COMPLETED,
    model_package_version=3
)"""


@pytest.fixture(scope="module")
def job() -> models.DescribeTrainingJobResponse:
    return models.DescribeTrainingJobResponse.model_validate(JOB)


def test_repr_shows_what_is_set(job: models.DescribeTrainingJobResponse) -> None:
    assert repr(job) == JOB_REPR
    # The response class has every member of the shape (50 in 1.44.8): the 24 set ones show, then
    # the kept unknown one.
    assert len(type(job).model_fields) == len(sd.SHAPES["DescribeTrainingJobResponse"]["members"]) > len(JOB)
    assert [name for name, _ in display.members(job)][-2:] == ["training_time_in_seconds", "TrainingPlanArn"]
    assert len(list(display.members(job))) == len(JOB) == 25
    assert "None" not in repr(job) and "auto_ml_job_arn" not in repr(job)
    # str is pydantic's: the same members, space-separated, without the class name.
    assert str(job) == " ".join(f"{name}={value!r}" for name, value in display.members(job))


def test_pretty_is_an_indented_tree(job: models.DescribeTrainingJobResponse) -> None:
    assert pretty(job, max_width=79) == JOB_PRETTY
    # rich reads the same members (pydantic's __rich_repr__ over __repr_args__) and agrees.
    assert rich.pretty.pretty_repr(job, max_width=79) == JOB_PRETTY
    # Whatever fits the width stays on one line: at any width, the whole repr.
    assert pretty(job, max_width=10_000) == repr(job)


def test_a_notebook_shows_the_tree_as_text(job: models.DescribeTrainingJobResponse) -> None:
    # What IPython and Jupyter compute for a displayed value: text only (no HTML to prefer).
    data, _ = DisplayFormatter().format(job)
    assert data == {"text/plain": JOB_PRETTY}


def test_pretty_wraps_at_the_printers_width(job: models.DescribeTrainingJobResponse) -> None:
    config = job.resource_config
    assert pretty(config, max_width=len(repr(config))) == repr(config)
    assert pretty(config, max_width=40).splitlines() == [
        "ResourceConfig(",
        "    instance_count=1,",
        "    instance_type=<TrainingInstanceType('ml.p7.48xlarge'): unknown to this SDK>,",
        "    volume_size_in_gb=10",
        ")",
    ]


def test_sensitive_values_are_masked_at_any_depth() -> None:
    package = models.DescribeModelPackageOutput.model_validate(PACKAGE)
    assert repr(package) == PACKAGE_REPR
    assert pretty(package, max_width=79) == PACKAGE_PRETTY
    for text in (repr(package), str(package), pretty(package), rich.pretty.pretty_repr(package)):
        assert SECRET not in text
    assert package.model_card is not None and package.model_card.model_card_content is not None
    assert SECRET in package.model_card.model_card_content


def test_long_lists_are_cut_in_pretty_only() -> None:
    summary = {"CreationTime": at(12, 0), "TrainingJobStatus": "Completed"}
    page = models.ListTrainingJobsResponse.model_validate(
        {"TrainingJobSummaries": [{**summary, "TrainingJobName": f"job-{i}"} for i in range(23)]}
    )
    lines = pretty(page, max_width=150).splitlines()
    assert lines[0] == "ListTrainingJobsResponse("
    assert lines[1] == "    training_job_summaries=["
    assert lines[2] == (
        "        TrainingJobSummary(creation_time=2024-06-01T12:00:00+00:00, "
        "training_job_name='job-0', training_job_status=TrainingJobStatus.COMPLETED),"
    )
    assert len(lines) == 2 + display.MAX_ITEMS + 3
    assert lines[-3:] == ["        ... 3 more", "    ]", ")"]
    assert "job-22" in repr(page) and "job-19" in lines[-4]
    # IPython's own limit (%config PlainTextFormatter.max_seq_length) applies when lower.
    assert pretty(page, max_width=150, max_seq_length=2).splitlines()[-3] == "        ... 21 more"
    # A map too.
    job = models.DescribeTrainingJobResponse.model_validate({"HyperParameters": {"a": "1", "b": "2", "c": "3"}})
    assert pretty(job, max_width=30, max_seq_length=2).splitlines() == [
        "DescribeTrainingJobResponse(",
        "    hyper_parameters={",
        "        'a': '1',",
        "        'b': '2',",
        "        ... 1 more",
        "    }",
        ")",
    ]


def test_requests_show_what_was_given() -> None:
    config = models.ResourceConfig(instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=None)
    assert repr(config) == "ResourceConfig(instance_type=TrainingInstanceType.ML_M5_XLARGE)"
    assert pretty(models.StoppingCondition()) == "StoppingCondition()"
    assert pretty(models.DebugHookConfig(s3_output_path="s3://b", hook_parameters={})) == (
        "DebugHookConfig(hook_parameters={}, s3_output_path='s3://b')"
    )


def test_enum_members_read_as_members() -> None:
    assert repr(models.TrainingJobStatus.COMPLETED) == "TrainingJobStatus.COMPLETED"
    assert pretty([models.TrainingJobStatus.COMPLETED]) == "[TrainingJobStatus.COMPLETED]"
    status = models.DescribeTrainingJobResponse.model_validate({"TrainingJobStatus": "Paused"}).training_job_status
    assert repr(status) == "<TrainingJobStatus('Paused'): unknown to this SDK>"


def planted(spec: sd.Spec, shape: str, value: Any) -> tuple[Any, int]:
    """The value with every sensitive string (or blob) replaced by SECRET, and how many there were."""
    raw = spec.shapes[shape]
    if raw.get("sensitive") and raw["type"] == "structure":
        return {**value, "PlantedSecret": SECRET}, 1  # a member a newer API sent: shown masked all the same
    if raw.get("sensitive") and raw["type"] in ("string", "blob"):
        return (SECRET if raw["type"] == "string" else SECRET.encode()), 1
    count = 0
    if raw["type"] == "structure" and not raw.get("document"):
        out: dict[str, Any] = {}
        for wire, item in value.items():
            out[wire], found = planted(spec, raw["members"][wire]["shape"], item)
            count += found
        return out, count
    if raw["type"] == "list":
        items = [planted(spec, raw["member"]["shape"], item) for item in value]
        return [item for item, _ in items], sum(found for _, found in items)
    if raw["type"] == "map":
        pairs = {key: planted(spec, raw["value"]["shape"], item) for key, item in value.items()}
        return {key: item for key, (item, _) in pairs.items()}, sum(found for _, found in pairs.values())
    return value, 0


PLANTED: dict[str, int] = {}
EVERY_OUTPUT = sd.each(lambda spec: [op for op in spec.operation_names() if spec.output(op)])


@pytest.mark.parametrize(("spec", "operation"), EVERY_OUTPUT)
def test_every_response_displays_without_secrets(spec: sd.Spec, operation: str) -> None:
    name = spec.output(operation)
    assert name is not None
    wire, PLANTED[spec.id(operation)] = planted(spec, name, spec.value(name))
    response = getattr(spec.models, name).model_validate(grown(spec, name, wire))
    text = repr(response)
    assert "=None" not in text and "AMemberFromTheFuture={'Nested': [1, 2]}" in text
    tree = pretty(response, max_width=100)
    assert all(line.startswith(" " * 4) for line in tree.splitlines()[1:-1]) or len(tree.splitlines()) == 1
    for shown in (text, str(response), tree, rich.pretty.pretty_repr(response, max_width=100)):
        assert SECRET not in shown
    assert pretty(response, max_width=1 << 30) == text


def test_secrets_were_planted() -> None:
    if len(PLANTED) < len(EVERY_OUTPUT):
        pytest.skip("runs after the parametrized test above")
    planted_in = {key for key, count in PLANTED.items() if count}
    assert planted_in >= {"sagemaker:DescribeModelCard", "sagemaker:DescribeModelPackage"}
    assert planted_in >= {"sagemaker-runtime:InvokeEndpoint", "sagemakerjobruntime:Sample"}  # blobs


def test_the_readme_shows_what_a_response_displays() -> None:
    lines = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("job   # IPython and Jupyter")) + 1
    end = lines.index("# )", start) + 1
    shown = "\n".join(line[2:] for line in lines[start:end])
    response = {
        "TrainingJobName": "my-job",
        "TrainingJobArn": "arn:aws:sagemaker:eu-west-1:123456789012:training-job/my-job",
        "TrainingJobStatus": "InProgress",
        "SecondaryStatus": "Training",
        "AlgorithmSpecification": {
            "TrainingImage": "683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            "TrainingInputMode": "File",
        },
        "HyperParameters": {"eta": "0.2", "max_depth": "5", "objective": "binary:logistic"},
        "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
        "CreationTime": at(12, 0),
    }
    assert shown == pretty(models.DescribeTrainingJobResponse.model_validate(response))


def test_a_sensitive_list_is_masked() -> None:
    """sagemaker-geospatial's Position is a sensitive list of doubles: coordinates are never shown."""
    geospatial = sd.SPECS["sagemaker-geospatial"].models
    polygon = geospatial.PolygonGeometryInput.model_validate({"Coordinates": [[[12.345, 67.891]] * 4]})
    for shown in (repr(polygon), str(polygon), pretty(polygon), rich.pretty.pretty_repr(polygon)):
        assert "12.345" not in shown and "**********" in shown
    assert polygon.to_wire() == {"Coordinates": [[[12.345, 67.891]] * 4]}
    with pytest.raises(pydantic.ValidationError) as caught:
        geospatial.PolygonGeometryInput.model_validate({"Coordinates": [[[12.345, 67.891]] * 4], "Extra": 1})
    assert "12.345" not in str(caught.value) + repr(caught.value.errors())
