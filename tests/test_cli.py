"""The ``sagemaker-typed`` command, run as a subprocess (``python -m sagemaker_typed``) on real files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import pytest

from sagemaker_typed._runtime import operations as _operations
from sagemaker_typed._runtime.calls import model
from sagemaker_typed._runtime.schema import plain, request_schema, title
from sagemaker_typed._runtime.shapes import Shape, wire
from tests import specdata as sd

ROOT = Path(__file__).resolve().parent.parent

VALID = {
    "TrainingJobName": "xgb-churn-2024-06-01",
    "AlgorithmSpecification": {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
        "MetricDefinitions": [{"Name": "validation:auc", "Regex": "validation-auc:([0-9\\.]+)"}],
    },
    "RoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20240601",
    "HyperParameters": {"max_depth": "5", "eta": "0.2", "objective": "binary:logistic", "num_round": "100"},
    "InputDataConfig": [
        {
            "ChannelName": "train",
            "DataSource": {
                "S3DataSource": {
                    "S3DataType": "S3Prefix",
                    "S3Uri": "s3://my-bucket/churn/train/",
                    "S3DataDistributionType": "FullyReplicated",
                }
            },
            "ContentType": "text/csv",
            "CompressionType": "None",
        },
        {
            "ChannelName": "validation",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/churn/validation/"}},
            "ContentType": "text/csv",
        },
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
    "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
    "EnableManagedSpotTraining": True,
    "Tags": [{"Key": "project", "Value": "churn"}],
}

# One error of each kind, at nested paths.
INVALID = {
    **VALID,
    "TrainingJobName": "churn job!",  # pattern
    "AlgorithmSpecification": {"TrainingImage": "img:1", "TrainingInputMode": "Streaming"},  # enum
    "HyperParameters": {"eta": "0.2", "bad\nkey": "x"},  # a map key against its pattern
    "InputDataConfig": [
        {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix"}}},  # missing S3Uri
        {"ChannelName": "c" * 65, "DataSource": VALID["InputDataConfig"][1]["DataSource"]},  # type: ignore[index]
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/out/", "KmsKey": "alias/x"},  # unknown member
}
INVALID_LINES = [
    "AlgorithmSpecification.TrainingInputMode: Input should be 'Pipe', 'File' or 'FastFile' [enum]",
    "HyperParameters[\"bad\\nkey\"][key]: String should match pattern '^[^\\n\\r\\x{85}\\x{2028}\\x{2029}]*$'"
    " [string_pattern_mismatch]",
    "InputDataConfig[0].DataSource.S3DataSource.S3Uri: Field required [missing]",
    "InputDataConfig[1].ChannelName: String should have at most 64 characters [string_too_long]",
    "OutputDataConfig.KmsKey: Extra inputs are not permitted [extra_forbidden]",
    "TrainingJobName: String should match pattern '^[a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62}$' [string_pattern_mismatch]",
]


NOTE = (
    f"sagemaker-typed: note: rules of the SageMaker model in botocore {sd.PROVENANCE['botocore_version']};"
    " for a value SageMaker added since, use --rules structure\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sagemaker_typed", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """Request files by role, as paths."""
    contents = {
        "valid": json.dumps(VALID, indent=2),
        "invalid": json.dumps(INVALID),
        "missing_required": json.dumps({"TrainingJobName": "j", "OutputDataConfig": {"S3OutputPath": "s3://b/o"}}),
        "not_an_object": "[1, 2]",
        "broken": '{"TrainingJobName": "j",\n  "RoleArn": }',
    }
    paths = {}
    for name, text in contents.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    paths["absent"] = str(tmp_path / "absent.json")
    return paths


def test_valid_file(files: dict[str, str]) -> None:
    result = run("validate", "create-training-job", files["valid"])
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 file valid (CreateTrainingJob)\n", "")


def test_invalid_files_each_error_on_a_line(files: dict[str, str]) -> None:
    f = files
    result = run(
        "validate",
        "create_training_job",
        *(f["valid"], f["invalid"], f["missing_required"], f["not_an_object"], f["broken"], f["absent"], "-"),
        stdin=json.dumps(VALID),
    )
    assert (result.returncode, result.stderr) == (1, NOTE)
    assert result.stdout.splitlines() == [
        *(f"{f['invalid']}: {line}" for line in INVALID_LINES),
        f"{f['missing_required']}: RoleArn: Field required [missing]",
        f"{f['not_an_object']}: Input should be a valid dictionary or instance of CreateTrainingJobRequest"
        " [model_type]",
        f"{f['broken']}: Invalid JSON: Expecting value: line 2 column 14 (char 38) [json_invalid]",
        f"{f['absent']}: Cannot read file: No such file or directory [file_unreadable]",
        "5 of 7 files invalid, 10 errors (CreateTrainingJob)",
    ]


def test_json_format(files: dict[str, str]) -> None:
    result = run("validate", "--format", "json", "CreateTrainingJob", files["valid"], files["invalid"], files["absent"])
    assert (result.returncode, result.stderr) == (1, "")
    report: dict[str, Any] = json.loads(result.stdout)
    assert report["valid"] is False
    assert (report["operation"], report["rules"]) == ("CreateTrainingJob", "all")
    assert [(f["file"], f["valid"], len(f["errors"])) for f in report["files"]] == [
        (files["valid"], True, 0),
        (files["invalid"], False, len(INVALID_LINES)),
        (files["absent"], False, 1),
    ]
    errors = report["files"][1]["errors"]
    assert errors[2] == {
        "loc": ["InputDataConfig", 0, "DataSource", "S3DataSource", "S3Uri"],
        "path": "InputDataConfig[0].DataSource.S3DataSource.S3Uri",
        "msg": "Field required",
        "type": "missing",
    }
    assert [f"{e['path']}: {e['msg']} [{e['type']}]" for e in errors] == INVALID_LINES
    assert report["files"][2]["errors"] == [
        {"loc": [], "path": "", "msg": "Cannot read file: No such file or directory", "type": "file_unreadable"}
    ]

    result = run("validate", "--format", "json", "CreateTrainingJob", files["valid"])
    assert result.returncode == 0
    assert json.loads(result.stdout)["valid"] is True


def test_structure_rules_leave_values_and_limits_to_the_service(files: dict[str, str], tmp_path: Path) -> None:
    """``--rules structure``: names, types and required members only, as SageMakerClient(validation="structure")."""
    result = run("validate", "--rules", "structure", "CreateTrainingJob", files["invalid"])
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{files['invalid']}: {line}" for line in INVALID_LINES if line.endswith(("[missing]", "[extra_forbidden]"))
    ] + ["1 of 1 file invalid, 2 errors (CreateTrainingJob)"]

    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({**VALID, "TrainingJobName": "j" * 100, "ResourceConfig": {"InstanceType": "ml.p7.48xlarge"}})
    )
    assert run("validate", "--rules", "structure", "CreateTrainingJob", str(newer)).returncode == 0
    strict = run("validate", "CreateTrainingJob", str(newer))
    assert (strict.returncode, strict.stderr) == (1, NOTE)
    assert [line.split(": ", 1)[1] for line in strict.stdout.splitlines()[:-1]] == [
        f"ResourceConfig.InstanceType: Input should be one of the {len(sd.SHAPES['TrainingInstanceType']['enum'])}"
        " TrainingInstanceType values,"
        " e.g. 'ml.m4.xlarge', 'ml.m4.2xlarge', 'ml.m4.4xlarge' [enum]",
        "TrainingJobName: String should have at most 63 characters [string_too_long]",
    ]
    wrong_type = tmp_path / "wrong_type.json"
    wrong_type.write_text(json.dumps({**VALID, "ResourceConfig": {"InstanceCount": "1"}}))
    result = run("validate", "--rules", "structure", "--format", "json", "CreateTrainingJob", str(wrong_type))
    report = json.loads(result.stdout)
    assert (result.returncode, report["rules"]) == (1, "structure")
    assert [e["path"] + " " + e["type"] for e in report["files"][0]["errors"]] == [
        "ResourceConfig.InstanceCount int_type"
    ]


def test_usage_errors(files: dict[str, str]) -> None:
    result = run("validate", "create_trainng_job", files["valid"])
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "sagemaker-typed: unknown operation 'create_trainng_job'; did you mean create_training_job or "
        "update_training_job or delete_training_job? (see 'sagemaker-typed operations')\n"
    )

    result = run("validate", "CreateTrainingJob")  # no FILE
    assert (result.returncode, result.stdout) == (2, "")
    assert "the following arguments are required: FILE" in result.stderr

    result = run("validate", "--help")
    assert result.returncode == 0
    assert "JSON only: YAML is not supported." in result.stdout


def test_schema(tmp_path: Path) -> None:
    result = run("schema", "CreateTrainingJob")
    assert (result.returncode, result.stderr) == (0, "")
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"TrainingJobName", "RoleArn", "OutputDataConfig"}
    name = schema["properties"]["TrainingJobName"]
    assert (name["type"], name["minLength"], name["maxLength"]) == ("string", 1, 63)
    assert name["pattern"] == "^[a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62}$"
    assert "TrainingImage" in schema["$defs"]["AlgorithmSpecification"]["properties"]

    # A recursive request (SearchExpression holds SearchExpressions) and one with a sensitive member.
    search = json.loads(run("schema", "search").stdout)
    expression = search["$defs"]["SearchExpression"]["properties"]["SubExpressions"]["anyOf"][0]
    assert expression["items"] == {"$ref": "#/$defs/SearchExpression"}
    workforce = json.loads(run("schema", "create-workforce").stdout)
    assert workforce["$defs"]["OidcConfig"]["properties"]["ClientSecret"]["type"] == "string"


def structures_reached(name: str) -> set[str]:
    """The structures a request's schema defines: ``name`` and every structure its members reach."""
    found: set[str] = set()
    pending = [name]
    while pending:
        target = pending.pop()
        shape = sd.SHAPES[target]
        if shape["type"] == "structure" and target not in found:
            found.add(target)
            pending += [member["shape"] for member in shape["members"].values()]
        elif shape["type"] == "list":
            pending.append(shape["member"]["shape"])
        elif shape["type"] == "map":
            pending += [shape["key"]["shape"], shape["value"]["shape"]]
    return found


def _first_paragraph(html: str) -> str:
    """The first paragraph of a service doc as plain text (no links in the ones used here)."""
    first = re.split(r"</p>", html)[0].replace("<code>", "`").replace("</code>", "`")
    return " ".join(re.sub(r"<[^>]+>", "", first).split())


def test_schema_carries_the_service_docs_and_readable_titles() -> None:
    result = run("schema", "CreateTrainingJob")
    assert (result.returncode, result.stderr) == (0, "")
    schema = json.loads(result.stdout)
    members = sd.SHAPES["CreateTrainingJobRequest"]["members"]
    name = schema["properties"]["TrainingJobName"]
    assert name["title"] == "Training job name"
    assert name["description"] == _first_paragraph(members["TrainingJobName"]["documentation"])
    assert name["description"].startswith("The name of the training job. The name must be unique")
    # A long doc, unwrapped (editors show each line break): paragraphs on one line each.
    volume = schema["$defs"]["ResourceConfig"]["properties"]["VolumeSizeInGB"]
    assert volume["title"] == "Volume size in GB"
    paragraphs = volume["description"].split("\n\n")
    assert paragraphs[0] == _first_paragraph(sd.SHAPES["ResourceConfig"]["members"]["VolumeSizeInGB"]["documentation"])
    html = sd.SHAPES["ResourceConfig"]["members"]["VolumeSizeInGB"]["documentation"]
    assert len(paragraphs) == html.count("<p>") > 1 and "\n" not in "".join(paragraphs)
    # A member whose docs repeat its shape's (the field has no docstring, the class has): the shape's.
    checkpoint = _first_paragraph(members["CheckpointConfig"]["documentation"])
    assert checkpoint == _first_paragraph(sd.SHAPES["CheckpointConfig"]["documentation"])
    assert schema["properties"]["CheckpointConfig"]["description"] == checkpoint
    # Enums carry their docs too.
    mode = schema["$defs"]["TrainingInputMode"]
    assert mode["description"].startswith("The training input mode that the algorithm supports. For more information")
    assert mode["enum"] == sd.SHAPES["TrainingInputMode"]["enum"] and "FastFile" in mode["enum"]
    # Every property at every depth: a title and a description.
    properties = [p for owner in (schema, *schema["$defs"].values()) for p in owner.get("properties", {}).values()]
    assert len(properties) == sum(len(sd.SHAPES[s]["members"]) for s in structures_reached("CreateTrainingJobRequest"))
    assert all(p["title"] and p["description"] and not p["description"][0].isspace() for p in properties)


def test_schema_of_a_member_documented_only_by_its_named_type() -> None:
    schema = json.loads(run("schema", "CreateProcessingJob").stdout)
    athena = schema["$defs"]["AthenaDatasetDefinition"]["properties"]
    assert "documentation" not in sd.SHAPES["AthenaDatasetDefinition"]["members"]["Catalog"]
    assert athena["Catalog"]["description"].split("\n\n") == [
        "The name of the data catalog used in Athena query execution.",
        "Pattern (java.util.regex, whole value): `[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*`",
    ]
    assert athena["WorkGroup"]["title"] == "Work group"


FAMILY_OPERATIONS = [
    f"{service}:{operation.name}"
    for service in _operations.services()
    if service != "sagemaker"
    for operation in _operations.operations(service)
]


@pytest.mark.parametrize("operation", sd.operation_names() + FAMILY_OPERATIONS)
def test_every_request_schema_documents_every_property(operation: str) -> None:
    service, name = _operations.split(operation)
    assert service is not None
    found = _operations.find(name, service)
    assert found is not None
    schema = request_schema(model(found.service.models, found.input))
    json.dumps(schema)
    for owner in (schema, *schema.get("$defs", {}).values()):
        for name, prop in owner.get("properties", {}).items():
            assert prop["title"].replace(" ", "").lower() == name.lower()
            assert prop["description"], name


class _Undocumented(Shape, frozen=True):
    count: Annotated[int | None, wire("Count")] = None


def test_schema_of_an_undocumented_member_names_its_type() -> None:
    prop = request_schema(_Undocumented)["properties"]["Count"]
    assert (prop["title"], prop["description"]) == ("Count", "int: not documented in the service model.")


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("TrainingJobName", "Training job name"),
        ("VolumeSizeInGB", "Volume size in GB"),
        ("S3Uri", "S3 uri"),
        ("AutoMLJobArn", "Auto ML job arn"),
        ("KVHeadroom", "KV headroom"),
        ("ModelDataETag", "Model data ETag"),
        ("MLflowConfig", "MLflow config"),
        ("FSxLustreConfig", "FSx lustre config"),
        ("IdentityProviderOAuthSettings", "Identity provider OAuth settings"),
        ("QProfileArn", "Q profile arn"),
        ("ContentSha256", "Content sha256"),
        ("S3", "S3"),
    ],
)
def test_schema_titles(wire: str, expected: str) -> None:
    assert title(wire) == expected


def test_schema_descriptions_keep_paragraphs_and_list_items() -> None:
    doc = """The status.

    - ``Draft``: a work in progress,
      not reviewed.
    - ``Approved``: approved.

    More text
    wrapped here.
    """
    assert plain(doc).split("\n") == [
        "The status.",
        "",
        "- `Draft`: a work in progress, not reviewed.",
        "- `Approved`: approved.",
        "",
        "More text wrapped here.",
    ]


def test_operations() -> None:
    result = run("operations")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    names = [line.split()[0] for line in lines]
    assert names == sorted(sd.SERVICE["operations"])
    assert {"CreateTrainingJob", "DescribeEndpoint", "Search", "CreateWorkforce"} <= set(names)
    create = next(line for line in lines if line.startswith("CreateTrainingJob "))
    assert create.split(None, 1)[1] == "Starts a model training job."
    assert all(len(line.split(None, 1)) == 2 for line in lines)  # every operation has a summary


# --- the other services of the family: SERVICE:Operation ----------------------------------------


def _spec_operations(service: str) -> list[str]:
    return sorted(json.loads((ROOT / "specs" / service / "service-2.json").read_text(encoding="utf-8"))["operations"])


@pytest.mark.parametrize("service", sorted(_operations.services()))
def test_every_service_lists_its_operations(service: str) -> None:
    """The operation table of each service is its generated client's, which is its spec's."""
    assert [op.name for op in _operations.operations(service)] == _spec_operations(service)
    assert {op.service.name for op in _operations.operations(service)} == {service}
    for name in (service, _operations.subpackage(service), service.upper()):
        assert _operations.service(name) == service


@pytest.mark.parametrize(
    ("name", "service", "operation"),
    [
        ("CreateTrainingJob", "sagemaker", "CreateTrainingJob"),
        ("sagemaker:create-training-job", "sagemaker", "CreateTrainingJob"),
        ("sagemaker-runtime:InvokeEndpoint", "sagemaker-runtime", "InvokeEndpoint"),
        ("runtime:invoke_endpoint", "sagemaker-runtime", "InvokeEndpoint"),
        ("featurestore-runtime:get-record", "sagemaker-featurestore-runtime", "GetRecord"),
        ("job_runtime:Sample", "sagemakerjobruntime", "Sample"),
        ("sagemakertrainingsessionruntime:SampleTrainingSession", "sagemakertrainingsessionruntime", None),
    ],
)
def test_service_prefixes(name: str, service: str, operation: str | None) -> None:
    found_service, rest = _operations.split(name)
    assert found_service == service
    found = _operations.find(rest, service)
    assert found is not None and found.service.name == service
    assert found.name == (operation or rest)
    assert _operations.find("InvokeEndpoint") is None  # no prefix: SageMaker's, which has none such


def test_operations_of_a_service() -> None:
    by_package, by_botocore = run("operations", "runtime"), run("operations", "sagemaker-runtime")
    assert (by_package.returncode, by_package.stderr) == (0, "")
    assert by_package.stdout == by_botocore.stdout
    lines = by_package.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [
        "InvokeEndpoint",
        "InvokeEndpointAsync",
        "InvokeEndpointWithResponseStream",
    ]
    assert (
        lines[2].split(None, 1)[1]
        == "Invokes a model at the specified endpoint to return the inference response as a stream."
    )

    result = run("operations", "nope")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("sagemaker-typed: unknown service 'nope'; the services are sagemaker, ")
    assert "sagemaker-runtime (runtime)" in result.stderr


def test_validate_and_schema_of_another_service(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps({"EndpointName": "my-endpoint", "Body": '{"x": 1}', "ContentType": "application/json"}))
    bad.write_text(json.dumps({"EndpointName": "my endpoint!", "Accept": "x" * 1025}))
    result = run("validate", "runtime:invoke-endpoint", str(good))
    assert (result.returncode, result.stdout) == (0, "1 file valid (sagemaker-runtime:InvokeEndpoint)\n")
    result = run("validate", "sagemaker-runtime:InvokeEndpoint", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}: Accept: String should have at most 1024 characters [string_too_long]",
        f"{bad}: Body: Field required [missing]",
        f"{bad}: EndpointName: String should match pattern '^[a-zA-Z0-9](?:-*[a-zA-Z0-9])*$' [string_pattern_mismatch]",
        "1 of 2 files invalid, 3 errors (sagemaker-runtime:InvokeEndpoint)",
    ]
    report = json.loads(run("validate", "--format", "json", "runtime:InvokeEndpoint", str(good)).stdout)
    assert (report["service"], report["operation"], report["valid"]) == ("sagemaker-runtime", "InvokeEndpoint", True)
    # Today's form is unchanged: no prefix is SageMaker's.
    assert (
        json.loads(run("validate", "--format", "json", "CreateTrainingJob", str(good)).stdout)["service"] == "sagemaker"
    )

    schema = json.loads(run("schema", "sagemaker-runtime:InvokeEndpoint").stdout)
    assert set(schema["required"]) == {"Body", "EndpointName"}
    assert schema["properties"]["EndpointName"]["pattern"] == "^[a-zA-Z0-9](?:-*[a-zA-Z0-9])*$"
    assert schema["description"].startswith("After you deploy a model into production")
    assert run("schema", "metrics:BatchPutMetrics").returncode == 0


def test_usage_errors_with_a_service() -> None:
    result = run("schema", "runtime:InvokeEndpont")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "sagemaker-typed: unknown operation 'runtime:InvokeEndpont'; did you mean runtime:InvokeEndpoint or "
        "runtime:InvokeEndpointAsync? (see 'sagemaker-typed operations runtime')\n"
    )
    result = run("schema", "sagemaker-runtim:InvokeEndpoint")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("sagemaker-typed: unknown service 'sagemaker-runtim'; the services are ")
