"""What a person sees: runtime signatures, docstrings, editor completion, response metadata.

Generated from specs/: every operation, paginator, waiter and structure of every service.
"""

from __future__ import annotations

import copy
import inspect
import pickle
import subprocess
import sys
import textwrap
from typing import Any

import boto3
import botocore.config
import botocore.validate
import pytest
from botocore.stub import Stubber

from sagemaker_typed import AsyncSageMakerClient, SageMakerClient, models
from tests import specdata as sd
from tests.signatures import EMPTY, args_entries, expected_keywords, keywords

WAITER_OPTIONS = ["delay", "max_attempts", "callback"]


def check_signature(spec: sd.Spec, function: Any, input_shape: str, options: list[str] = []) -> None:  # noqa: B006
    parameters = list(inspect.signature(function).parameters.values())
    assert [p.name for p in parameters[:2]] == ["self", "request"]
    request = parameters[1]
    assert request.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and request.default is None
    assert request.annotation == f"{input_shape} | None"
    found = keywords(function)
    assert found[: len(found) - len(options)] == expected_keywords(spec, input_shape)
    assert [name for name, _, _ in found[len(found) - len(options) :]] == options


def check_args(function: Any) -> None:
    doc = function.__doc__
    parameters = [name for name, _, _ in keywords(function)]
    assert args_entries(doc) == parameters
    assert "…" not in doc.split("Args:")[-1], "an entry was cut"


def clients(names: Any) -> Any:
    """``(spec, name, asynchronous)`` over every service and both clients: the sync and the async
    client show the same (the async modules import without aiobotocore)."""
    return [
        pytest.param(p.values[0], p.values[1], asynchronous, id=f"{p.id}-{'async' if asynchronous else 'sync'}")
        for p in sd.each(names)
        for asynchronous in (False, True)
    ]


def surface(spec: sd.Spec, asynchronous: bool) -> tuple[type, type, type]:
    """The client, its paginators and its waiters classes."""
    client = spec.async_client if asynchronous else spec.client
    module = sys.modules[client.__module__]
    prefix = "Async" if asynchronous else ""
    return client, getattr(module, prefix + "Paginators"), getattr(module, prefix + "Waiters")


@pytest.mark.parametrize(("spec", "operation", "asynchronous"), clients(lambda spec: spec.operation_names()))
def test_every_method_shows_its_members(spec: sd.Spec, operation: str, asynchronous: bool) -> None:
    client, _, _ = surface(spec, asynchronous)
    function = getattr(client, sd.method(operation))
    assert inspect.iscoroutinefunction(function) == asynchronous
    check_signature(spec, function, spec.input(operation))
    if spec.shapes[spec.input(operation)]["members"]:
        check_args(function)


@pytest.mark.parametrize(("spec", "operation", "asynchronous"), clients(lambda spec: sorted(spec.paginators)))
def test_every_paginator_shows_its_members(spec: sd.Spec, operation: str, asynchronous: bool) -> None:
    _, paginators, _ = surface(spec, asynchronous)
    function = getattr(paginators, sd.method(operation))
    check_signature(spec, function, spec.input(operation))
    check_args(function)


@pytest.mark.parametrize(("spec", "waiter", "asynchronous"), clients(lambda spec: sorted(spec.waiters)))
def test_every_waiter_shows_its_members_and_options(spec: sd.Spec, waiter: str, asynchronous: bool) -> None:
    _, _, waiters = surface(spec, asynchronous)
    function = getattr(waiters, sd.method(waiter))
    assert inspect.iscoroutinefunction(function) == asynchronous
    operation = spec.waiters[waiter]["operation"]
    check_signature(spec, function, spec.input(operation), WAITER_OPTIONS)
    check_args(function)


def test_bound_methods_show_the_same() -> None:
    sm = SageMakerClient(boto3.client("sagemaker", region_name="us-east-1"))
    text = str(inspect.signature(sm.describe_training_job))
    assert text == (
        "(request: 'DescribeTrainingJobRequest | None' = None, *, training_job_name: 'TrainingJobName')"
        " -> 'DescribeTrainingJobResponse'"
    )
    assert "status_equals" in str(inspect.signature(sm.paginate.list_training_jobs))
    assert "callback" in str(inspect.signature(sm.wait.endpoint_in_service))
    made_later = AsyncSageMakerClient(region_name="us-east-1")  # nothing opened, no aiobotocore needed
    assert str(inspect.signature(made_later.describe_training_job)) == text
    assert str(inspect.signature(made_later.wait.endpoint_in_service)) == str(
        inspect.signature(sm.wait.endpoint_in_service)
    )


STRUCTURES = sd.each(
    lambda spec: sorted(n for n, s in spec.shapes.items() if s["type"] == "structure" and not s.get("document"))
)


def model_keywords(cls: type) -> list[tuple[str, Any]]:
    return [(p.name, p.default) for p in inspect.signature(cls).parameters.values()]


def expected_model_keywords(spec: sd.Spec, shape: str) -> list[tuple[str, Any]]:
    raw = spec.shapes[shape]
    required = set(raw.get("required", ()))

    def needed(wire: str) -> bool:
        return wire in required and not raw["members"][wire].get("idempotencyToken")

    return [(sd.attribute(w), EMPTY if needed(w) else None) for w in raw["members"]]


def test_every_model_shows_its_fields_before_and_after_it_is_built() -> None:
    for param in STRUCTURES:
        spec, name = param.values
        cls = getattr(spec.models, name)
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in inspect.signature(cls).parameters.values())
        assert model_keywords(cls) == expected_model_keywords(spec, name), param.id
        cls.model_rebuild()
        assert model_keywords(cls) == expected_model_keywords(spec, name), param.id


def test_a_model_signature_before_any_build_in_a_fresh_process() -> None:
    script = textwrap.dedent(
        """
        import inspect
        from sagemaker_typed import models
        cls = models.ResourceConfig
        assert not cls.__pydantic_complete__
        before = str(inspect.signature(cls))
        cls(instance_count=1)
        assert cls.__pydantic_complete__
        assert str(inspect.signature(cls)) == before
        print(before)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.startswith("(*, instance_count: 'int | None' = None, instance_groups: 'list[InstanceGroup] | None'")
    assert "volume_size_in_gb: 'int | None' = None) -> None" in out


def test_instances_have_no_class_signature() -> None:
    """As in pydantic: an instance's signature would be its ``__call__``'s."""
    with pytest.raises(AttributeError):
        _ = models.ResourceConfig(instance_count=1).__signature__


def test_every_enum_has_a_docstring() -> None:
    enums = sd.each(lambda spec: [name for name, shape in spec.shapes.items() if "enum" in shape])
    undocumented = [p.id for p in enums if not (getattr(p.values[0].models, p.values[1]).__doc__ or "").strip()]
    assert undocumented == []
    assert "``InProgress``" in (models.TrainingJobStatus.__doc__ or "")


# --- editors: jedi, as IPython and jedi-based editors use it -------------------------------


def completions(names: list[Any]) -> set[str]:
    return {c.name_with_symbols for c in names}


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_jedi_in_a_notebook_completes_keywords(asynchronous: bool) -> None:
    jedi = pytest.importorskip("jedi")
    sync = SageMakerClient(boto3.client("sagemaker", region_name="us-east-1"))
    sm = AsyncSageMakerClient(region_name="us-east-1") if asynchronous else sync  # not opened: no aiobotocore
    namespace = {"sm": sm, "models": models}
    cases = {
        "sm.create_training_job(": {"training_job_name=", "role_arn=", "resource_config="},
        "sm.add_tags(": {"resource_arn=", "tags="},
        "sm.paginate.list_training_jobs(": {"status_equals=", "max_results="},
        "sm.wait.endpoint_in_service(": {"endpoint_name=", "delay=", "callback="},
        "models.ResourceConfig(": {"instance_type=", "instance_count=", "volume_size_in_gb="},
        "models.Tag(": {"key=", "value="},
    }
    for code, expected in cases.items():
        found = completions(jedi.Interpreter(code, [namespace]).complete())
        assert expected <= found, (code, expected - found)


def test_jedi_in_a_plain_file_completes_keywords(tmp_path: Any) -> None:
    jedi = pytest.importorskip("jedi")
    source = "from sagemaker_typed import SageMakerClient\nsm = SageMakerClient()\nsm.describe_training_job("
    project = jedi.Project(sd.ROOT, environment_path=sys.prefix)
    script = jedi.Script(source, path=tmp_path / "user.py", project=project)
    found = completions(script.complete(3, len("sm.describe_training_job(")))
    assert "training_job_name=" in found
    # In a file, jedi reads client.pyi: both overloads, the request object and the keywords.
    signatures = script.get_signatures(3, len("sm.describe_training_job("))
    assert [[p.name for p in signature.params] for signature in signatures] == [["request"], ["training_job_name"]]


# --- boto3's habits at construction ---------------------------------------------------------


def botocore_validates(sm: SageMakerClient) -> bool:
    """Whether botocore's own validator is on (its client config does not keep the option)."""
    return isinstance(sm.client._serializer, botocore.validate.ParamValidationDecorator)


def test_made_with_boto3_client_arguments() -> None:
    retries = botocore.config.Config(retries={"max_attempts": 7})
    sm = SageMakerClient(region_name="eu-west-1", endpoint_url="http://127.0.0.1:9", config=retries)
    assert sm.client.meta.region_name == "eu-west-1"
    assert sm.client.meta.endpoint_url == "http://127.0.0.1:9"
    assert sm.client.meta.config.retries["total_max_attempts"] == 8
    assert not botocore_validates(sm)  # validated here, once


def test_made_from_a_session() -> None:
    session = boto3.Session(region_name="ap-south-1", aws_access_key_id="a", aws_secret_access_key="b")
    sm = SageMakerClient(session=session)
    assert sm.client.meta.region_name == "ap-south-1"
    assert sm.client._request_signer._credentials.access_key == "a"


def test_a_config_of_yours_may_turn_botocore_validation_back_on() -> None:
    sm = SageMakerClient(region_name="us-east-1", config=botocore.config.Config(parameter_validation=True))
    assert botocore_validates(sm)


def test_wrapping_and_making_at_once_is_refused() -> None:
    with pytest.raises(TypeError, match="not both"):
        SageMakerClient(boto3.client("sagemaker", region_name="us-east-1"), region_name="eu-west-1")


# --- response metadata ----------------------------------------------------------------------

METADATA = {
    "RequestId": "c0ffee00-0000-4000-8000-000000000001",
    "HTTPStatusCode": 200,
    "HTTPHeaders": {
        "x-amzn-requestid": "c0ffee00-0000-4000-8000-000000000001",
        "content-type": "application/x-amz-json-1.1",
    },
    "RetryAttempts": 2,
}


def test_a_call_keeps_its_response_metadata(sm: SageMakerClient, raw_client: Any) -> None:
    body = sd.structure("DescribeTrainingJobResponse", full=False)
    with Stubber(raw_client) as stub:
        stub.add_response("describe_training_job", {**body, "ResponseMetadata": METADATA})
        job = sm.describe_training_job(training_job_name="j")
    meta = job.response_metadata
    assert meta is not None
    assert meta.request_id == METADATA["RequestId"]
    assert meta.http_status_code == 200
    assert meta.retry_attempts == 2
    assert meta.http_headers["content-type"] == "application/x-amz-json-1.1"
    # Not a member: never dumped, not in equality, kept by pickling and copying.
    assert job.to_wire() == body
    assert "ResponseMetadata" not in job.model_dump(by_alias=True) and "response_metadata" not in repr(job)
    assert job == models.DescribeTrainingJobResponse.model_validate(body)
    for kept in (pickle.loads(pickle.dumps(job)), copy.deepcopy(job), copy.copy(job)):
        assert kept.response_metadata == meta
    assert models.DescribeTrainingJobResponse.model_validate(body).response_metadata is None


def test_every_page_keeps_its_response_metadata(sm: SageMakerClient, raw_client: Any) -> None:
    summary = sd.structure("TrainingJobSummary", full=False)
    with Stubber(raw_client) as stub:
        for number, token in ((1, {"NextToken": "t"}), (2, {})):
            metadata = {**METADATA, "RequestId": f"page-{number}", "RetryAttempts": number - 1}
            stub.add_response(
                "list_training_jobs", {"TrainingJobSummaries": [summary], **token, "ResponseMetadata": metadata}
            )
        pages = list(sm.paginate.list_training_jobs().pages())
    assert [p.response_metadata.request_id for p in pages if p.response_metadata] == ["page-1", "page-2"]
    assert [p.response_metadata.retry_attempts for p in pages if p.response_metadata] == [0, 1]
