"""SageMaker Metrics end to end: typed batch_put_metrics on server A against raw boto3 on server B.

moto implements BatchPutMetrics (into a trial component of its SageMaker backend), not
BatchGetMetrics (its path is not routed: 404). The trial component is created first on both
servers with the control-plane client.
"""

from __future__ import annotations

import datetime
from typing import Any

import pydantic
import pytest
from botocore.exceptions import ClientError

from sagemaker_typed.metrics import SageMakerMetricsClient, errors, models

from .conftest import REGION, MotoServer, boto3_client
from .mirror import Call, Mirror, body

pytestmark = pytest.mark.e2e

COMPONENT = "e2e-metrics-component"
WHEN = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture(scope="module")
def pair(mirror: Mirror, server_a: MotoServer, server_b: MotoServer) -> tuple[SageMakerMetricsClient, Any]:
    mirror.call(Call("create_trial_component", {"trial_component_name": COMPONENT}, {"TrialComponentName": COMPONENT}))
    return SageMakerMetricsClient(
        boto3_client(server_a.url, "sagemaker-metrics", parameter_validation=False)
    ), boto3_client(server_b.url, "sagemaker-metrics")


def test_batch_put_metrics(pair: tuple[SageMakerMetricsClient, Any]) -> None:
    typed_client, raw_client = pair
    typed = typed_client.batch_put_metrics(
        trial_component_name=COMPONENT,
        metric_data=[
            models.RawMetricData(metric_name="train:loss", timestamp=WHEN, step=1, value=0.5),
            {"metric_name": "train:loss", "timestamp": 1717243260, "step": 2, "value": 0.25},
        ],
    )
    raw = raw_client.batch_put_metrics(
        TrialComponentName=COMPONENT,
        MetricData=[
            {"MetricName": "train:loss", "Timestamp": WHEN, "Step": 1, "Value": 0.5},
            {"MetricName": "train:loss", "Timestamp": 1717243260, "Step": 2, "Value": 0.25},
        ],
    )
    assert isinstance(typed, models.BatchPutMetricsResponse)
    assert typed.to_wire() == body(raw) == {"Errors": []}
    assert typed.response_metadata is not None and typed.response_metadata.http_status_code == 200


def test_batch_put_metrics_errors_are_typed(pair: tuple[SageMakerMetricsClient, Any]) -> None:
    """moto reports an unknown trial component as an error entry in a successful response."""
    typed_client, raw_client = pair
    data = {"MetricName": "m", "Timestamp": WHEN, "Value": 1.0}
    typed = typed_client.batch_put_metrics(trial_component_name="e2e-no-such-component", metric_data=[data])
    raw = raw_client.batch_put_metrics(TrialComponentName="e2e-no-such-component", MetricData=[data])
    assert typed.to_wire() == body(raw) == {"Errors": [{"Code": "VALIDATION_ERROR", "MetricIndex": 0}]}
    (error,) = typed.errors
    assert error.code is models.PutMetricsErrorCode.VALIDATION_ERROR
    assert error.metric_index == 0


def test_an_invalid_request_is_never_sent(pair: tuple[SageMakerMetricsClient, Any], server_a: MotoServer) -> None:
    typed_client, _ = pair
    served = server_a.requests_served()
    with pytest.raises(pydantic.ValidationError) as caught:
        typed_client.batch_put_metrics(
            trial_component_name=COMPONENT, metric_data=[{"metric_name": "m", "timestamp": WHEN, "value": "1"}]
        )
    assert "metric_data.0.value" in str(caught.value)
    assert server_a.requests_served() == served


def test_typed_error_of_metrics(pair: tuple[SageMakerMetricsClient, Any]) -> None:
    """moto does not route BatchGetMetrics: the HTTP 404, typed as the service's error."""
    typed_client, raw_client = pair
    query = {
        "MetricName": "train:loss",
        "ResourceArn": f"arn:aws:sagemaker:{REGION}:123456789012:experiment-trial-component/{COMPONENT}",
        "MetricStat": "Avg",
        "Period": "OneMinute",
        "XAxisType": "Timestamp",
    }
    with pytest.raises(errors.SageMakerMetricsError) as typed:
        typed_client.batch_get_metrics(metric_queries=[query])
    with pytest.raises(ClientError) as raw:
        raw_client.batch_get_metrics(MetricQueries=[query])
    assert typed.value.error_code == raw.value.response["Error"]["Code"] == "404"
    assert typed.value.operation_name == raw.value.operation_name == "BatchGetMetrics"
