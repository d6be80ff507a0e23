"""Shared benchmark data: a realistic DescribeTrainingJob response and CreateTrainingJob request.

Both are wire dicts (what boto3 takes and returns), valid for botocore's Stubber, which
validates stubbed responses against the service model. Imported by every child process
the same way, so its (small, precompiled) import cost is identical across variants.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

REGION = "us-east-1"
ACCOUNT = "123456789012"
JOB_NAME = "bench-xgboost-2025-01-15-10-00-00"
JOB_ARN = f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/{JOB_NAME}"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole-20250101T000000"
IMAGE = f"683313688378.dkr.ecr.{REGION}.amazonaws.com/sagemaker-xgboost:1.7-1"
BUCKET = "s3://bench-bucket-123456789012/xgboost"
KMS_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"

_T0 = _dt.datetime(2025, 1, 15, 10, 0, 0, tzinfo=_dt.timezone.utc)

HYPER_PARAMETERS: dict[str, str] = {
    "num_round": "500",
    "max_depth": "6",
    "eta": "0.2",
    "gamma": "4",
    "min_child_weight": "6",
    "subsample": "0.8",
    "colsample_bytree": "0.8",
    "colsample_bylevel": "1",
    "lambda": "1",
    "alpha": "0",
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "tree_method": "hist",
    "max_bin": "256",
    "scale_pos_weight": "1",
    "early_stopping_rounds": "20",
    "seed": "42",
    "verbosity": "1",
    "num_parallel_tree": "1",
    "sampling_method": "uniform",
}

ENVIRONMENT: dict[str, str] = {"LOG_LEVEL": "INFO", "OMP_NUM_THREADS": "4", "PYTHONUNBUFFERED": "1"}

CHANNEL_NAMES = ("train", "validation", "test", "extra")


def _channel(name: str) -> dict[str, Any]:
    return {
        "ChannelName": name,
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",
                "S3Uri": f"{BUCKET}/data/{name}/",
                "S3DataDistributionType": "FullyReplicated",
            }
        },
        "ContentType": "text/csv",
        "CompressionType": "None",
        "RecordWrapperType": "None",
        "InputMode": "File",
    }


ALGORITHM_SPECIFICATION: dict[str, Any] = {
    "TrainingImage": IMAGE,
    "TrainingInputMode": "File",
    "MetricDefinitions": [
        {"Name": "train:auc", "Regex": ".*\\[[0-9]+\\].*#011train-auc:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*"},
        {"Name": "validation:auc", "Regex": ".*\\[[0-9]+\\].*#011validation-auc:([-+]?[0-9]*\\.?[0-9]+).*"},
    ],
    "EnableSageMakerMetricsTimeSeries": True,
}
OUTPUT_DATA_CONFIG: dict[str, Any] = {
    "KmsKeyId": KMS_KEY,
    "S3OutputPath": f"{BUCKET}/output",
    "CompressionType": "GZIP",
}
RESOURCE_CONFIG: dict[str, Any] = {
    "InstanceType": "ml.m5.xlarge",
    "InstanceCount": 2,
    "VolumeSizeInGB": 50,
    "VolumeKmsKeyId": KMS_KEY,
    "KeepAlivePeriodInSeconds": 600,
}
VPC_CONFIG: dict[str, Any] = {
    "SecurityGroupIds": ["sg-0123456789abcdef0", "sg-0fedcba9876543210"],
    "Subnets": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210", "subnet-00112233445566778"],
}
STOPPING_CONDITION: dict[str, Any] = {"MaxRuntimeInSeconds": 86400, "MaxWaitTimeInSeconds": 172800}
CHECKPOINT_CONFIG: dict[str, Any] = {"S3Uri": f"{BUCKET}/checkpoints", "LocalPath": "/opt/ml/checkpoints"}
TAGS: list[dict[str, str]] = [
    {"Key": "project", "Value": "churn-model"},
    {"Key": "team", "Value": "ml-platform"},
    {"Key": "cost-center", "Value": "cc-1234"},
    {"Key": "environment", "Value": "staging"},
]


def create_training_job_request() -> dict[str, Any]:
    """A full CreateTrainingJob request, as boto3 takes it."""
    return {
        "TrainingJobName": JOB_NAME,
        "HyperParameters": dict(HYPER_PARAMETERS),
        "AlgorithmSpecification": ALGORITHM_SPECIFICATION,
        "RoleArn": ROLE_ARN,
        "InputDataConfig": [_channel(name) for name in CHANNEL_NAMES],
        "OutputDataConfig": OUTPUT_DATA_CONFIG,
        "ResourceConfig": RESOURCE_CONFIG,
        "VpcConfig": VPC_CONFIG,
        "StoppingCondition": STOPPING_CONDITION,
        "Tags": TAGS,
        "EnableNetworkIsolation": False,
        "EnableInterContainerTrafficEncryption": True,
        "EnableManagedSpotTraining": True,
        "CheckpointConfig": CHECKPOINT_CONFIG,
        "Environment": dict(ENVIRONMENT),
        "RetryStrategy": {"MaximumRetryAttempts": 2},
    }


CREATE_TRAINING_JOB_RESPONSE: dict[str, Any] = {"TrainingJobArn": JOB_ARN}

_STATUSES = (
    ("Starting", "Starting the training job"),
    ("Pending", "Preparing the instances for training"),
    ("LaunchingMLInstances", "Launching requested ML instances"),
    ("PreparingTrainingStack", "Preparing the instances for training"),
    ("Downloading", "Downloading input data"),
    ("DownloadingTrainingImage", "Downloading the training image"),
    ("Training", "Training image download completed. Training in progress."),
    ("Uploading", "Uploading generated training model"),
    ("Stopping", "Stopping the training job"),
    ("Completed", "Training job completed"),
)


def describe_training_job_response() -> dict[str, Any]:
    """A completed training job as DescribeTrainingJob returns it (boto3 shape, datetimes parsed)."""
    minute = _dt.timedelta(minutes=1)
    return {
        "TrainingJobName": JOB_NAME,
        "TrainingJobArn": JOB_ARN,
        "ModelArtifacts": {"S3ModelArtifacts": f"{BUCKET}/output/{JOB_NAME}/output/model.tar.gz"},
        "TrainingJobStatus": "Completed",
        "SecondaryStatus": "Completed",
        "HyperParameters": dict(HYPER_PARAMETERS),
        "AlgorithmSpecification": ALGORITHM_SPECIFICATION,
        "RoleArn": ROLE_ARN,
        "InputDataConfig": [_channel(name) for name in CHANNEL_NAMES],
        "OutputDataConfig": OUTPUT_DATA_CONFIG,
        "ResourceConfig": RESOURCE_CONFIG,
        "WarmPoolStatus": {"Status": "Available", "ResourceRetainedBillableTimeInSeconds": 120},
        "VpcConfig": VPC_CONFIG,
        "StoppingCondition": STOPPING_CONDITION,
        "CreationTime": _T0,
        "TrainingStartTime": _T0 + 2 * minute,
        "TrainingEndTime": _T0 + 40 * minute,
        "LastModifiedTime": _T0 + 41 * minute,
        "SecondaryStatusTransitions": [
            {
                "Status": status,
                "StartTime": _T0 + i * 4 * minute,
                "EndTime": _T0 + (i + 1) * 4 * minute,
                "StatusMessage": message,
            }
            for i, (status, message) in enumerate(_STATUSES)
        ],
        "FinalMetricDataList": [
            {"MetricName": f"{split}:{metric}", "Value": 0.5 + i / 100, "Timestamp": _T0 + 39 * minute}
            for i, (split, metric) in enumerate(
                (s, m) for s in ("train", "validation") for m in ("auc", "logloss", "error", "rmse", "mae")
            )
        ],
        "EnableNetworkIsolation": False,
        "EnableInterContainerTrafficEncryption": True,
        "EnableManagedSpotTraining": True,
        "CheckpointConfig": CHECKPOINT_CONFIG,
        "TrainingTimeInSeconds": 2280,
        "BillableTimeInSeconds": 912,
        "ProfilerConfig": {
            "S3OutputPath": f"{BUCKET}/profiler",
            "ProfilingIntervalInMilliseconds": 500,
            "DisableProfiler": False,
        },
        "ProfilingStatus": "Enabled",
        "Environment": dict(ENVIRONMENT),
        "RetryStrategy": {"MaximumRetryAttempts": 2},
        "ResponseMetadata": {
            "RequestId": "5f3c1d2e-8a9b-4c7d-9e0f-123456789abc",
            "HTTPStatusCode": 200,
            "HTTPHeaders": {
                "x-amzn-requestid": "5f3c1d2e-8a9b-4c7d-9e0f-123456789abc",
                "content-type": "application/x-amz-json-1.1",
                "content-length": "4873",
                "date": "Wed, 15 Jan 2025 10:41:00 GMT",
            },
            "RetryAttempts": 0,
        },
    }


def boto3_client(*, parameter_validation: bool = True) -> Any:
    """A SageMaker boto3 client with fixed region and dummy credentials (nothing is looked up)."""
    import boto3
    import botocore.config

    return boto3.client(
        "sagemaker",
        region_name=REGION,
        aws_access_key_id="AKIDBENCHMARK",
        aws_secret_access_key="benchmark-secret",
        config=botocore.config.Config(parameter_validation=parameter_validation),
    )


def wire_json(response: dict[str, Any]) -> bytes:
    """``response`` as the service sends it on the wire (JSON, timestamps as epoch seconds)."""
    import json

    def encode(value: object) -> float:
        if isinstance(value, _dt.datetime):
            return value.timestamp()
        raise TypeError(type(value).__name__)

    body = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    return json.dumps(body, default=encode).encode()


ENDPOINT_NAME = "bench-xgboost-endpoint"
INVOKE_BODY = b"5.1,3.5,1.4,0.2\n6.2,2.9,4.3,1.3\n"
INVOKE_RESULT = b'{"predictions": [{"score": 0.93}, {"score": 0.07}]}'


def client_arguments() -> dict[str, Any]:
    """What every cold-start variant makes its client with: fixed region, dummy credentials."""
    return {"region_name": REGION, "aws_access_key_id": "AKIDBENCHMARK", "aws_secret_access_key": "benchmark-secret"}


def invoke_endpoint_request() -> dict[str, Any]:
    """An InvokeEndpoint request, as boto3 takes it (what the Stubber expects)."""
    return {"EndpointName": ENDPOINT_NAME, "Body": INVOKE_BODY, "ContentType": "text/csv", "Accept": "application/json"}


def invoke_endpoint_response() -> dict[str, Any]:
    """InvokeEndpoint's response as boto3 returns it: the body a botocore ``StreamingBody``."""
    import io

    from botocore.response import StreamingBody

    return {
        "Body": StreamingBody(io.BytesIO(INVOKE_RESULT), len(INVOKE_RESULT)),
        "ContentType": "application/json",
        "InvokedProductionVariant": "AllTraffic",
        "ResponseMetadata": {
            "RequestId": "0c9e7b1a-2d3f-4e5a-8b6c-7d8e9f0a1b2c",
            "HTTPStatusCode": 200,
            "HTTPHeaders": {"content-type": "application/json", "x-amzn-invoked-production-variant": "AllTraffic"},
            "RetryAttempts": 0,
        },
    }
