"""The validation semantics that the exhaustive tests do not spell out one by one."""

from __future__ import annotations

import datetime
import json
import pickle
from typing import Any

import pydantic
import pytest
from pydantic import TypeAdapter, ValidationError

from sagemaker_typed import models
from sagemaker_typed._runtime.shapes import wire_location
from tests import specdata as sd

SECRET = "s3cr3t-Value-0123"
CONTENT = '{"model_overview": {"model_description": "TOP-SECRET-CARD"}}'


@pytest.mark.parametrize(("spec", "shape"), sd.each(lambda spec: sorted(spec.pattern_cases)))
def test_pattern_shapes_agree_with_the_jdk(spec: sd.Spec, shape: str) -> None:
    """Every pattern shape of every service, through its generated type, against java.util.regex's verdicts."""
    raw = spec.shapes[shape]
    adapter: TypeAdapter[Any] = TypeAdapter(getattr(spec.models, shape))
    low, high = raw.get("min", 0), raw.get("max", 1 << 30)
    cases = spec.pattern_cases[shape]["cases"]
    assert spec.pattern_cases[shape]["pattern"] == raw["pattern"]
    assert {ok for _, ok in cases} == {True, False} or len(cases) > 0
    for text, jdk_matches in cases:
        expected = jdk_matches and low <= sd.utf16_len(text) <= high
        try:
            adapter.validate_python(text)
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted == expected, (shape, text, jdk_matches)


@pytest.mark.parametrize("spec", sd.SPECS.values(), ids=sd.SPECS)
def test_pattern_fixture_covers_every_pattern_shape(spec: sd.Spec) -> None:
    assert sorted(spec.pattern_cases) == sorted(n for n, s in spec.shapes.items() if "pattern" in s)


def test_length_counts_utf16_code_units() -> None:
    adapter: TypeAdapter[str] = TypeAdapter(models.ModelCardContent)  # max 100000, no pattern
    tag = TypeAdapter(models.TagValue)  # max 256, a \p{...} pattern that admits astral characters
    tag.validate_python("\U0001d400" * 128)  # 256 code units (a letter outside the BMP)
    with pytest.raises(ValidationError, match="at most 256"):
        tag.validate_python("\U0001d400" * 129)  # 129 code points, 258 code units
    assert adapter.validate_python("é" * 10) == "é" * 10


def test_constructor_takes_snake_names_and_input_takes_both() -> None:
    config = models.ResourceConfig(
        instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
    )
    assert config.to_wire() == {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10}
    nested = models.CreateModelInput.model_validate(
        {
            "ModelName": "m",
            "primary_container": {"Image": "img", "environment": {"A": "1"}},
            "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r",
        }
    )
    assert nested.primary_container is not None and nested.primary_container.environment == {"A": "1"}
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        models.ResourceConfig(instance_typ="ml.m5.xlarge")  # type: ignore[call-arg]


def test_models_are_frozen_and_keep_falsy_values() -> None:
    config = models.ResourceConfig(volume_size_in_gb=0, instance_count=0)
    with pytest.raises(ValidationError, match="frozen"):
        config.volume_size_in_gb = 5  # type: ignore[misc]
    assert config.to_wire() == {"VolumeSizeInGB": 0, "InstanceCount": 0}
    spot = models.CreateTrainingJobRequest.model_fields["enable_managed_spot_training"]
    assert spot.validation_alias == "EnableManagedSpotTraining"


def test_open_enums_are_closed_to_plain_strings_and_open_to_members() -> None:
    with pytest.raises(ValueError):
        models.TrainingJobStatus("Paused")
    with pytest.raises(ValidationError, match="Input should be"):
        models.ListTrainingJobsRequest(status_equals="Paused")  # type: ignore[arg-type]
    response = models.DescribeTrainingJobResponse.model_validate({"TrainingJobStatus": "Paused"})
    status = response.training_job_status
    assert isinstance(status, models.TrainingJobStatus) and status.value == "Paused" and status == "Paused"
    assert not status.is_known and models.TrainingJobStatus.COMPLETED.is_known
    assert str(models.TrainingJobStatus.COMPLETED) == "Completed"
    # The same pseudo-member, whether the service sent it or the user asked for it by name.
    assert models.TrainingJobStatus.unknown("Paused") is status
    assert models.TrainingJobStatus.unknown("Completed") is models.TrainingJobStatus.COMPLETED
    # A value the service sent is accepted back in a request; so is one made on purpose.
    assert models.ListTrainingJobsRequest(status_equals=status).to_wire() == {"StatusEquals": "Paused"}
    assert models.ListTrainingJobsRequest.model_validate({"StatusEquals": status}).status_equals is status
    # ...but only for its own enum: a pseudo-member of another enum counts as its plain string.
    other = models.DescribeEndpointOutput.model_validate({"EndpointStatus": "Paused"}).endpoint_status
    with pytest.raises(ValidationError, match="Input should be"):
        models.ListTrainingJobsRequest.model_validate({"StatusEquals": other})
    assert (
        models.ListTrainingJobsRequest(status_equals=models.TrainingJobStatus("Completed")).status_equals
        is models.TrainingJobStatus.COMPLETED
    )
    with pytest.raises(TypeError):
        models.TrainingJobStatus.unknown(5)  # type: ignore[arg-type]


def test_response_values_flow_into_requests() -> None:
    described = models.DescribeTrainingJobResponse.model_validate(
        {"ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 2, "VolumeSizeInGB": 30}}
    )
    assert described.resource_config is not None
    request = models.CreateTrainingJobRequest(
        training_job_name="again",
        role_arn="arn:aws:iam::123456789012:role/r",
        output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/out"),
        resource_config=described.resource_config,
        stopping_condition=models.StoppingCondition(max_runtime_in_seconds=60),
        algorithm_specification=models.AlgorithmSpecification(
            training_input_mode=models.TrainingInputMode.FILE, training_image="img"
        ),
    )
    assert request.to_wire()["ResourceConfig"] == {
        "InstanceType": "ml.m5.xlarge",
        "InstanceCount": 2,
        "VolumeSizeInGB": 30,
    }
    # ...and a response value that breaks a request rule is caught when it is re-used.
    lenient = models.DescribeTrainingJobResponse.model_validate({"ResourceConfig": {"VolumeSizeInGB": -1, "Future": 1}})
    with pytest.raises(ValidationError) as caught:
        models.CreateTrainingJobRequest.model_validate({**request.to_wire(), "ResourceConfig": lenient.resource_config})
    assert {e["type"] for e in caught.value.errors()} >= {"greater_than_equal", "extra_forbidden"}


def test_timestamps_are_datetimes() -> None:
    parsed = models.DescribeTrainingJobResponse.model_validate_json(
        '{"CreationTime": 1700000000, "TrainingEndTime": "2024-05-17T12:30:00Z"}'
    )
    assert parsed.creation_time == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)
    assert isinstance(parsed.training_end_time, datetime.datetime)


def test_union_takes_exactly_one_member() -> None:
    with pytest.raises(ValidationError, match="exactly one member of CustomFileSystem must be set, got 0"):
        models.CustomFileSystem()
    two = {
        "EFSFileSystem": {"FileSystemId": "fs-0123456789abcdef0"},
        "FSxLustreFileSystem": {"FileSystemId": "fs-0123456789abcdef0"},
    }
    with pytest.raises(ValidationError, match="got 2"):
        models.CustomFileSystem.model_validate(two)
    assert models.CustomFileSystem.model_validate(
        {"EFSFileSystem": {"FileSystemId": "fs-0123456789abcdef0"}}
    ).efs_file_system


def test_idempotency_tokens_are_optional() -> None:
    tokens = [
        (spec, name, wire)
        for spec in sd.SPECS.values()
        for name, shape in spec.shapes.items()
        if shape["type"] == "structure"
        for wire, member in shape.get("members", {}).items()
        if member.get("idempotencyToken")
    ]
    assert {spec.name for spec, _, _ in tokens} >= {"sagemaker", "sagemaker-geospatial", "sagemakerjobruntime"}
    for spec, name, wire in tokens:
        field = getattr(spec.models, name).model_fields[sd.attribute(wire)]
        assert not field.is_required(), (spec.name, name, wire)


def test_recursive_search_expression() -> None:
    expression = {
        "SubExpressions": [
            {"SubExpressions": [{"Filters": [{"Name": "TrainingJobName", "Operator": "Equals", "Value": "x"}]}]}
        ]
    }
    request = models.SearchRequest(resource=models.ResourceType.TRAINING_JOB, search_expression=expression)  # type: ignore[arg-type]
    assert request.to_wire()["SearchExpression"] == expression
    inner = request.search_expression.sub_expressions[0].sub_expressions[0]  # type: ignore[union-attr,index]
    assert isinstance(inner, models.SearchExpression)
    with pytest.raises(ValidationError) as caught:
        models.SearchExpression.model_validate({"SubExpressions": [{"SubExpressions": [{"Operator": "Maybe"}]}]})
    loc = caught.value.errors()[0]["loc"]
    assert loc == ("sub_expressions", 0, "sub_expressions", 0, "operator")
    assert wire_location(models.SearchExpression, loc) == ("SubExpressions", 0, "SubExpressions", 0, "Operator")


def _all_error_text(error: ValidationError) -> str:
    return str(error) + repr(error) + json.dumps(error.errors(), default=str) + error.json()


@pytest.mark.parametrize(
    "build",
    [
        # the sensitive value itself breaks a rule
        lambda: models.OidcConfig.model_validate(
            {"ClientId": "id", "ClientSecret": SECRET + "\n", "Issuer": "https://x"}
        ),
        # another field of the same model is missing: pydantic echoes the whole dict
        lambda: models.OidcConfig.model_validate({"ClientSecret": SECRET}),
        # a field of the parent is missing
        lambda: models.CreateWorkforceRequest.model_validate({"OidcConfig": {"ClientSecret": SECRET}}),
        lambda: models.CreateWorkforceRequest(oidc_config={"client_secret": SECRET, "client_id": "x"}),  # type: ignore[arg-type]
        # an unknown member beside the secret
        lambda: models.UpdateWorkforceRequest.model_validate(
            {"WorkforceName": "w", "OidcConfig": {"ClientSecret": SECRET}, "X": 1}
        ),
        lambda: models.CreateModelCardRequest.model_validate({"Content": CONTENT}),
        lambda: models.UpdateModelCardRequest.model_validate({"ModelCardName": "!bad!", "Content": CONTENT}),
    ],
)
def test_sensitive_values_never_appear_in_errors(build: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    text = _all_error_text(caught.value)
    assert SECRET not in text and "TOP-SECRET-CARD" not in text


def test_sensitive_values_never_appear_in_repr_but_reach_boto3() -> None:
    config = models.OidcConfig(
        client_id="id",
        client_secret=SECRET,
        issuer="https://issuer",
        authorization_endpoint="https://a",
        token_endpoint="https://t",
        user_info_endpoint="https://u",
        logout_endpoint="https://l",
        jwks_uri="https://j",
    )
    request = models.CreateWorkforceRequest(workforce_name="w", oidc_config=config)
    for text in (repr(config), str(config), repr(request), str(request)):
        assert SECRET not in text
    assert config.client_secret == SECRET
    assert request.to_wire()["OidcConfig"]["ClientSecret"] == SECRET
    card = models.DescribeModelCardResponse.model_validate({"Content": CONTENT})
    assert "TOP-SECRET-CARD" not in repr(card) and card.content == CONTENT


def test_output_models_are_lenient_however_validated() -> None:
    data = {"TrainingJobName": "x" * 500, "TrainingJobStatus": "Future", "Unknown": True}
    for parsed in (
        models.DescribeTrainingJobResponse.model_validate(data),
        models.DescribeTrainingJobResponse.model_validate_json(json.dumps(data)),
        models.DescribeTrainingJobResponse(**data),
    ):
        assert parsed.to_wire() == data


def test_models_pickle_and_compare() -> None:
    config = models.ResourceConfig(instance_count=1)
    assert pickle.loads(pickle.dumps(config)) == config
    assert config == models.ResourceConfig.model_validate({"InstanceCount": 1})


def test_named_types_work_with_type_adapter() -> None:
    assert TypeAdapter(models.TrainingJobName).validate_python("my-job") == "my-job"
    with pytest.raises(ValidationError):
        TypeAdapter(models.TrainingJobName).validate_python("-bad")
    assert TypeAdapter(models.HyperParameters).validate_python({"k": "v"}) == {"k": "v"}
    assert issubclass(models.TrainingJobStatus, str)
    assert pydantic.BaseModel in models.BaseModel.__mro__  # the shape named BaseModel is ours


def test_map_sizes_are_enforced() -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(models.HyperParameters)  # at most 100 entries
    adapter.validate_python({f"k{i}": "v" for i in range(100)})
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python({f"k{i}": "v" for i in range(101)})
    assert caught.value.errors()[0]["type"] == "too_long"


def test_enum_errors_stay_readable() -> None:
    with pytest.raises(ValidationError) as caught:
        models.ResourceConfig(instance_type="ml.nope")  # type: ignore[arg-type]
    message = caught.value.errors()[0]["msg"]
    count = len(models.TrainingInstanceType)
    assert message == (
        f"Input should be one of the {count} TrainingInstanceType values, "
        "e.g. 'ml.m4.xlarge', 'ml.m4.2xlarge', 'ml.m4.4xlarge'"
    )
    with pytest.raises(ValidationError, match="Input should be 'And' or 'Or'"):
        models.SearchExpression(operator="Xor")  # type: ignore[arg-type]


@pytest.mark.parametrize("nested_built_first", [True, False])
def test_responses_are_lenient_whatever_was_built_before(nested_built_first: bool) -> None:
    """pydantic-core reuses built validators of nested models; a response must not get strict ones."""
    import subprocess
    import sys

    script = (
        "from sagemaker_typed import models\n"
        + ("models.ResourceConfig(instance_count=1)\n" if nested_built_first else "")
        + "r = models.DescribeTrainingJobResponse.model_validate("
        "{'ResourceConfig': {'VolumeSizeInGB': -1, 'Future': 1, 'InstanceType': 'ml.future'}})\n"
        "assert r.resource_config.model_extra == {'Future': 1}\n"
        "assert r.resource_config.instance_type.value == 'ml.future'\n"
        "print('lenient')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "lenient", result.stderr
