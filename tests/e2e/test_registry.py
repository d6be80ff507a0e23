"""Tags, the model registry (model package groups and packages) and pipelines."""

from __future__ import annotations

import json

import pytest

from sagemaker_typed import models

from .inputs import BUCKET, IMAGE, ROLE, arn
from .mirror import Call, Mirror

pytestmark = pytest.mark.e2e

GROUP = "e2e-registry-churn"
PIPELINE = "e2e-pipeline"
DEFINITION = json.dumps(
    {
        "Version": "2020-12-01",
        "Parameters": [{"Name": "InputUri", "Type": "String", "DefaultValue": f"{BUCKET}/in"}],
        "Steps": [],
    }
)


def test_tags(mirror: Mirror) -> None:
    name = "e2e-tags-model"
    model_arn = arn("model", name)
    results = mirror.run(
        Call(
            "create_model",
            {"model_name": name, "execution_role_arn": ROLE, "tags": [models.Tag(key="owner", value="e2e")]},
            {"ModelName": name, "ExecutionRoleArn": ROLE, "Tags": [{"Key": "owner", "Value": "e2e"}]},
        ),
        Call(
            "add_tags",
            {
                "resource_arn": model_arn,
                "tags": [models.Tag(key="stage", value="dev"), models.Tag(key="cost", value="7")],
            },
            {"ResourceArn": model_arn, "Tags": [{"Key": "stage", "Value": "dev"}, {"Key": "cost", "Value": "7"}]},
        ),
        Call("list_tags", {"resource_arn": model_arn}, {"ResourceArn": model_arn}),
        Call(
            "delete_tags",
            {"resource_arn": model_arn, "tag_keys": ["stage"]},
            {"ResourceArn": model_arn, "TagKeys": ["stage"]},
        ),
        Call("list_tags", {"resource_arn": model_arn}, {"ResourceArn": model_arn}),
    )
    _, added, before, deleted, after = results
    assert [(t.key, t.value) for t in added.tags] == [("owner", "e2e"), ("stage", "dev"), ("cost", "7")]
    assert all(isinstance(t, models.Tag) for t in before.tags)
    assert [t.key for t in before.tags] == ["owner", "stage", "cost"]
    assert isinstance(deleted, models.DeleteTagsOutput)  # an output without members
    assert [t.key for t in after.tags] == ["owner", "cost"]


def _package(description: str) -> Call:
    return Call(
        "create_model_package",
        {
            "model_package_group_name": GROUP,
            "model_package_description": description,
            "model_approval_status": models.ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
            "inference_specification": models.InferenceSpecification(
                containers=[models.ModelPackageContainerDefinition(image=IMAGE, model_data_url=f"{BUCKET}/m.tar.gz")],
                supported_content_types=["text/csv"],
                supported_response_mime_types=["text/csv"],
            ),
            "customer_metadata_properties": {"dataset": "2024-06"},
        },
        {
            "ModelPackageGroupName": GROUP,
            "ModelPackageDescription": description,
            "ModelApprovalStatus": "PendingManualApproval",
            "InferenceSpecification": {
                "Containers": [{"Image": IMAGE, "ModelDataUrl": f"{BUCKET}/m.tar.gz"}],
                "SupportedContentTypes": ["text/csv"],
                "SupportedResponseMIMETypes": ["text/csv"],
            },
            "CustomerMetadataProperties": {"dataset": "2024-06"},
        },
    )


def test_model_package_group_and_packages(mirror: Mirror) -> None:
    v1_arn = arn("model-package", f"{GROUP}/1")
    group_created, group, v1, v2, package, packages, groups = mirror.run(
        Call(
            "create_model_package_group",
            {"model_package_group_name": GROUP, "model_package_group_description": "churn models"},
            {"ModelPackageGroupName": GROUP, "ModelPackageGroupDescription": "churn models"},
        ),
        Call("describe_model_package_group", {"model_package_group_name": GROUP}, {"ModelPackageGroupName": GROUP}),
        _package("first"),
        _package("second"),
        Call("describe_model_package", {"model_package_name": v1_arn}, {"ModelPackageName": v1_arn}),
        Call(
            "list_model_packages",
            {"model_package_group_name": GROUP, "model_package_type": models.ModelPackageType.VERSIONED},
            {"ModelPackageGroupName": GROUP, "ModelPackageType": "Versioned"},
        ),
        Call("list_model_package_groups", {"name_contains": "e2e-registry"}, {"NameContains": "e2e-registry"}),
    )
    assert group_created.model_package_group_arn == group.model_package_group_arn == arn("model-package-group", GROUP)
    assert group.model_package_group_status is models.ModelPackageGroupStatus.COMPLETED
    assert (v1.model_package_arn, v2.model_package_arn) == (v1_arn, arn("model-package", f"{GROUP}/2"))
    assert package.model_package_version == 1
    assert package.model_approval_status is models.ModelApprovalStatus.PENDING_MANUAL_APPROVAL
    assert package.inference_specification.containers[0].image == IMAGE
    assert package.customer_metadata_properties == {"dataset": "2024-06"}
    assert [p.model_package_description for p in packages.model_package_summary_list] == ["first", "second"]
    assert [g.model_package_group_name for g in groups.model_package_group_summary_list] == [GROUP]

    updated, approved = mirror.run(
        Call(
            "update_model_package",
            {
                "model_package_arn": v1_arn,
                "model_approval_status": models.ModelApprovalStatus.APPROVED,
                "approval_description": "passed offline evaluation",
            },
            {
                "ModelPackageArn": v1_arn,
                "ModelApprovalStatus": "Approved",
                "ApprovalDescription": "passed offline evaluation",
            },
        ),
        Call("describe_model_package", {"model_package_name": v1_arn}, {"ModelPackageName": v1_arn}),
    )
    assert updated.model_package_arn == v1_arn
    assert approved.model_approval_status is models.ModelApprovalStatus.APPROVED


def test_pipeline_create_describe_list_execute(mirror: Mirror) -> None:
    created, pipeline, pipelines = mirror.run(
        # ClientRequestToken is required by the API but an idempotency token: left out, botocore fills it.
        Call(
            "create_pipeline",
            {
                "pipeline_name": PIPELINE,
                "pipeline_display_name": "E2E-Pipeline",
                "pipeline_definition": DEFINITION,
                "pipeline_description": "nightly retraining",
                "role_arn": ROLE,
                "parallelism_configuration": models.ParallelismConfiguration(max_parallel_execution_steps=2),
            },
            {
                "PipelineName": PIPELINE,
                "PipelineDisplayName": "E2E-Pipeline",
                "PipelineDefinition": DEFINITION,
                "PipelineDescription": "nightly retraining",
                "RoleArn": ROLE,
                "ParallelismConfiguration": {"MaxParallelExecutionSteps": 2},
            },
        ),
        Call("describe_pipeline", {"pipeline_name": PIPELINE}, {"PipelineName": PIPELINE}),
        Call(
            "list_pipelines",
            {"pipeline_name_prefix": "e2e", "sort_by": models.SortPipelinesBy.NAME},
            {"PipelineNamePrefix": "e2e", "SortBy": "Name"},
        ),
    )
    assert created.pipeline_arn == pipeline.pipeline_arn == arn("pipeline", PIPELINE)
    assert pipeline.pipeline_status is models.PipelineStatus.ACTIVE
    assert json.loads(pipeline.pipeline_definition)["Parameters"][0]["Name"] == "InputUri"
    assert pipeline.parallelism_configuration.max_parallel_execution_steps == 2
    assert [p.pipeline_name for p in pipelines.pipeline_summaries] == [PIPELINE]

    # moto gives each execution a random id: the two servers' ARNs differ there (normalised).
    started, started_raw = mirror.both(
        Call(
            "start_pipeline_execution",
            {
                "pipeline_name": PIPELINE,
                "pipeline_execution_display_name": "run-1",
                "pipeline_parameters": [models.Parameter(name="InputUri", value=f"{BUCKET}/2024-06")],
                "client_request_token": "e2e-run-1-0000000000000000000000000",
            },
            {
                "PipelineName": PIPELINE,
                "PipelineExecutionDisplayName": "run-1",
                "PipelineParameters": [{"Name": "InputUri", "Value": f"{BUCKET}/2024-06"}],
                "ClientRequestToken": "e2e-run-1-0000000000000000000000000",
            },
        )
    )
    assert started.pipeline_execution_arn.startswith(f"{arn('pipeline', PIPELINE)}/execution/")
    execution = mirror.call(
        Call(
            "describe_pipeline_execution",
            {"pipeline_execution_arn": started.pipeline_execution_arn},
            {"PipelineExecutionArn": started_raw["PipelineExecutionArn"]},
        )
    )
    assert execution.pipeline_execution_status is models.PipelineExecutionStatus.SUCCEEDED
    assert execution.pipeline_execution_display_name == "run-1"

    executions = mirror.call(Call("list_pipeline_executions", {"pipeline_name": PIPELINE}, {"PipelineName": PIPELINE}))
    assert [e.pipeline_execution_arn for e in executions.pipeline_execution_summaries] == [
        started.pipeline_execution_arn
    ]
