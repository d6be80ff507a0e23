"""Models, endpoint configs, endpoints and notebook instances, with their waiters."""

from __future__ import annotations

from typing import Any

import pytest

from sagemaker_typed import models

from .inputs import BUCKET, IMAGE, ROLE, arn
from .mirror import Call, Mirror

pytestmark = pytest.mark.e2e

MODEL = "e2e-host-model"
CONFIG = "e2e-host-config"
ENDPOINT = "e2e-host-endpoint"
NOTEBOOK = "e2e-notebook"

DESCRIBE_ENDPOINT = Call("describe_endpoint", {"endpoint_name": ENDPOINT}, {"EndpointName": ENDPOINT})
DESCRIBE_NOTEBOOK = Call(
    "describe_notebook_instance", {"notebook_instance_name": NOTEBOOK}, {"NotebookInstanceName": NOTEBOOK}
)


CREATE_MODEL = Call(
    "create_model",
    {
        "model_name": MODEL,
        "execution_role_arn": ROLE,
        "primary_container": models.ContainerDefinition(
            image=IMAGE, model_data_url=f"{BUCKET}/model.tar.gz", environment={"LOG_LEVEL": "info"}
        ),
    },
    {
        "ModelName": MODEL,
        "ExecutionRoleArn": ROLE,
        "PrimaryContainer": {
            "Image": IMAGE,
            "ModelDataUrl": f"{BUCKET}/model.tar.gz",
            "Environment": {"LOG_LEVEL": "info"},
        },
    },
)
CREATE_CONFIG = Call(
    "create_endpoint_config",
    {
        "endpoint_config_name": CONFIG,
        "production_variants": [
            models.ProductionVariant(
                variant_name="primary",
                model_name=MODEL,
                initial_instance_count=1,
                instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
                initial_variant_weight=1.0,
            )
        ],
    },
    {
        "EndpointConfigName": CONFIG,
        "ProductionVariants": [
            {
                "VariantName": "primary",
                "ModelName": MODEL,
                "InitialInstanceCount": 1,
                "InstanceType": "ml.m5.large",
                "InitialVariantWeight": 1.0,
            }
        ],
    },
)


@pytest.fixture(scope="module")
def created(mirror: Mirror) -> list[Any]:
    """The model and the endpoint config, created once for the tests of this module."""
    return mirror.run(CREATE_MODEL, CREATE_CONFIG)


def test_model_and_endpoint_config(mirror: Mirror, created: list[Any]) -> None:
    model, models_listed, config, configs_listed = mirror.run(
        Call("describe_model", {"model_name": MODEL}, {"ModelName": MODEL}),
        Call("list_models", {"name_contains": "e2e-host"}, {"NameContains": "e2e-host"}),
        Call("describe_endpoint_config", {"endpoint_config_name": CONFIG}, {"EndpointConfigName": CONFIG}),
        Call("list_endpoint_configs", {"name_contains": "e2e-host"}, {"NameContains": "e2e-host"}),
    )
    model_created, config_created = created
    assert model_created.model_arn == model.model_arn == arn("model", MODEL)
    assert model.primary_container.environment == {"LOG_LEVEL": "info"}
    assert MODEL in [m.model_name for m in models_listed.models]
    assert config_created.endpoint_config_arn == config.endpoint_config_arn == arn("endpoint-config", CONFIG)
    assert config.production_variants[0].instance_type is models.ProductionVariantInstanceType.ML_M5_LARGE
    assert CONFIG in [c.endpoint_config_name for c in configs_listed.endpoint_configs]


@pytest.mark.usefixtures("created")
def test_endpoint_in_service(mirror: Mirror) -> None:
    endpoint = mirror.call(
        Call(
            "create_endpoint",
            {"endpoint_name": ENDPOINT, "endpoint_config_name": CONFIG, "tags": [models.Tag(key="stage", value="e2e")]},
            {"EndpointName": ENDPOINT, "EndpointConfigName": CONFIG, "Tags": [{"Key": "stage", "Value": "e2e"}]},
        )
    )
    assert endpoint.endpoint_arn == arn("endpoint", ENDPOINT)

    # moto puts an endpoint in service at once: the waiter sees InService on its first poll.
    progress: list[models.DescribeEndpointOutput] = []
    in_service = mirror.wait("endpoint_in_service", DESCRIBE_ENDPOINT, callback=progress.append)
    assert in_service.endpoint_status is models.EndpointStatus.IN_SERVICE
    assert [r.endpoint_status for r in progress] == [models.EndpointStatus.IN_SERVICE]
    assert all(isinstance(r, models.DescribeEndpointOutput) for r in progress)
    assert in_service.production_variants[0].variant_name == "primary"

    listed = mirror.call(
        Call("list_endpoints", {"status_equals": models.EndpointStatus.IN_SERVICE}, {"StatusEquals": "InService"})
    )
    assert ENDPOINT in [e.endpoint_name for e in listed.endpoints]


@pytest.mark.usefixtures("created")
def test_endpoint_deleted_waiter(mirror: Mirror) -> None:
    name = "e2e-host-short-lived"
    mirror.run(
        Call(
            "create_endpoint",
            {"endpoint_name": name, "endpoint_config_name": CONFIG},
            {"EndpointName": name, "EndpointConfigName": CONFIG},
        ),
        Call("delete_endpoint", {"endpoint_name": name}, {"EndpointName": name}),
    )
    # Success is moto's ValidationException for the missing endpoint: the callback gets None.
    progress: list[object] = []
    gone = mirror.wait(
        "endpoint_deleted", Call("describe_endpoint", {"endpoint_name": name}, {"EndpointName": name}), progress.append
    )
    assert gone is None
    assert progress == [None]


def test_notebook_instance_lifecycle(mirror: Mirror) -> None:
    created = mirror.call(
        Call(
            "create_notebook_instance",
            {
                "notebook_instance_name": NOTEBOOK,
                "instance_type": models.InstanceType.ML_T3_MEDIUM,
                "role_arn": ROLE,
                "volume_size_in_gb": 10,
                "direct_internet_access": models.DirectInternetAccess.DISABLED,
                "root_access": models.RootAccess.DISABLED,
            },
            {
                "NotebookInstanceName": NOTEBOOK,
                "InstanceType": "ml.t3.medium",
                "RoleArn": ROLE,
                "VolumeSizeInGB": 10,
                "DirectInternetAccess": "Disabled",
                "RootAccess": "Disabled",
            },
        )
    )
    assert created.notebook_instance_arn == arn("notebook-instance", NOTEBOOK)

    progress: list[str] = []
    notebook = mirror.wait(
        "notebook_instance_in_service",
        DESCRIBE_NOTEBOOK,
        callback=lambda r: progress.append(r.notebook_instance_status),
    )
    assert notebook.notebook_instance_status is models.NotebookInstanceStatus.IN_SERVICE
    assert progress == ["InService"]
    assert notebook.instance_type is models.InstanceType.ML_T3_MEDIUM
    assert notebook.direct_internet_access is models.DirectInternetAccess.DISABLED
    assert notebook.url == f"{NOTEBOOK}.notebook.us-east-1.sagemaker.aws"

    listed = mirror.call(
        Call(
            "list_notebook_instances",
            {"name_contains": "e2e-notebook", "status_equals": models.NotebookInstanceStatus.IN_SERVICE},
            {"NameContains": "e2e-notebook", "StatusEquals": "InService"},
        )
    )
    assert [n.notebook_instance_name for n in listed.notebook_instances] == [NOTEBOOK]

    stopped = mirror.call(
        Call("stop_notebook_instance", {"notebook_instance_name": NOTEBOOK}, {"NotebookInstanceName": NOTEBOOK})
    )
    assert stopped is None  # StopNotebookInstance has no output
    notebook = mirror.wait("notebook_instance_stopped", DESCRIBE_NOTEBOOK)
    assert notebook.notebook_instance_status is models.NotebookInstanceStatus.STOPPED

    mirror.call(
        Call("delete_notebook_instance", {"notebook_instance_name": NOTEBOOK}, {"NotebookInstanceName": NOTEBOOK})
    )
    assert mirror.wait("notebook_instance_deleted", DESCRIBE_NOTEBOOK) is None
