"""The same user script on plain boto3 with mypy-boto3-sagemaker: TypedDicts and literals."""

from mypy_boto3_sagemaker import SageMakerClient
from mypy_boto3_sagemaker.literals import TrainingJobStatusType
from mypy_boto3_sagemaker.type_defs import ChannelTypeDef


def start(sm: SageMakerClient, name: str, role: str) -> str:
    channel: ChannelTypeDef = {
        "ChannelName": "train",
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}},
        "InputMode": "File",
    }
    response = sm.create_training_job(
        TrainingJobName=name,
        RoleArn=role,
        AlgorithmSpecification={
            "TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1",
            "TrainingInputMode": "File",
        },
        InputDataConfig=[channel],
        OutputDataConfig={"S3OutputPath": "s3://b/output"},
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
        StoppingCondition={"MaxRuntimeInSeconds": 3600},
        HyperParameters={"max_depth": "6", "eta": "0.2"},
    )
    return response["TrainingJobArn"]


def status(sm: SageMakerClient, name: str) -> TrainingJobStatusType:
    job = sm.describe_training_job(TrainingJobName=name)
    for metric in job.get("FinalMetricDataList", []):
        print(metric.get("MetricName"), metric.get("Value"))
    if job["TrainingJobStatus"] == "Failed":
        print(job.get("FailureReason"))
    return job["TrainingJobStatus"]
