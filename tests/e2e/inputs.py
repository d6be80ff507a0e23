"""Inputs shared by the end-to-end tests (moto accepts any role and image)."""

ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/SageMakerExecution"
IMAGE = f"{ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1"
BUCKET = "s3://e2e-bucket"


def arn(resource: str, name: str) -> str:
    """The ARN moto gives a SageMaker resource of the default account in us-east-1."""
    return f"arn:aws:sagemaker:us-east-1:{ACCOUNT}:{resource}/{name}"
