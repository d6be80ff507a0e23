"""typed_sample.py's script written with resources (type-checked by the benchmark beside it)."""

from sagemaker_typed import SageMakerClient, models
from sagemaker_typed.resources import TrainingJob


def start(sm: SageMakerClient, name: str, role: str) -> str:
    channel = models.Channel(
        channel_name="train",
        data_source=models.DataSource(
            s3_data_source=models.S3DataSource(s3_data_type=models.S3DataType.S3_PREFIX, s3_uri="s3://b/train/")
        ),
        input_mode=models.TrainingInputMode.FILE,
    )
    job = TrainingJob.create(
        training_job_name=name,
        role_arn=role,
        algorithm_specification=models.AlgorithmSpecification(
            training_image="123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1",
            training_input_mode=models.TrainingInputMode.FILE,
        ),
        input_data_config=[channel],
        output_data_config=models.OutputDataConfig(s3_output_path="s3://b/output"),
        resource_config=models.ResourceConfig(
            instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=30
        ),
        stopping_condition=models.StoppingCondition(max_runtime_in_seconds=3600),
        hyper_parameters={"max_depth": "6", "eta": "0.2"},
        client=sm,
    )
    return job.training_job_arn


def status(sm: SageMakerClient, name: str) -> models.TrainingJobStatus:
    job = TrainingJob.get(training_job_name=name, client=sm).wait(logs=True)
    for metric in job.final_metric_data_list or []:
        print(metric.metric_name, metric.value)
    if job.training_job_status is models.TrainingJobStatus.FAILED:
        print(job.failure_reason)
    return job.training_job_status
