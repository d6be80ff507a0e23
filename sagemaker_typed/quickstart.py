"""A runnable tour of sagemaker_typed: ``python -m sagemaker_typed.quickstart``.

By default it starts a moto server in this process on 127.0.0.1 (moto is optional:
``pip install 'sagemaker-typed[local]'``) and, with fake credentials, works with resources
(``sagemaker_typed.resources``) as a user would: deploys a model to an endpoint and waits for
it (a live status line when run in a terminal), invokes it (through the typed runtime client;
moto answers with the result the quickstart configures through its endpoint-results API),
trains from typed models and enums and watches the job with its CloudWatch Logs (on the local
server the quickstart writes those log lines itself, and says so), lists the jobs (one call
per page, no Describe per job), and shows a request refused before it is sent
(``pydantic.ValidationError``) and a typed service error.

Against a local server, ``AWS_ENDPOINT_URL`` is set to it, so that the clients a resource makes
for other services (CloudWatch Logs, the SageMaker runtime) go there too.

``--endpoint-url`` uses a server you run instead (moto: the invoke result is configured the
same way). ``--aws`` uses real AWS with your default credentials (``--profile``, ``--region``,
``--endpoint-url``), read-only (list and describe calls only: no deploy, no invoke) unless
``--allow-writes`` is given, which also needs your own ``--role-arn``, ``--image-uri`` and
``--s3-uri``; the endpoint it deploys is then invoked with ``--payload`` (your container must
serve it; an error is printed typed). Endpoints cost money: the quickstart deletes its own.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import logging
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pydantic

from sagemaker_typed import SageMakerClient, errors, models
from sagemaker_typed.resources import Endpoint, EndpointConfig, Model, TrainingJob
from sagemaker_typed.runtime import errors as runtime_errors

FAKE_ACCOUNT = "123456789012"
HINT = "the local quickstart needs moto: pip install 'sagemaker-typed[local]'"
PREDICTION = '{"predictions": [{"score": 0.92, "label": "churn"}]}'
"""What the local server's endpoint answers (configured through moto's endpoint-results API)."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sagemaker_typed.quickstart", description=__doc__.split("\n")[0])
    parser.add_argument("--aws", action="store_true", help="use real AWS with your default credentials")
    parser.add_argument("--allow-writes", action="store_true", help="with --aws: permit the create calls")
    parser.add_argument("--endpoint-url", metavar="URL", help="SageMaker endpoint (default: embedded moto / AWS)")
    parser.add_argument("--profile", metavar="NAME", help="with --aws: the AWS profile to use")
    parser.add_argument("--region", default="us-east-1", help="AWS region (default: %(default)s)")
    parser.add_argument("--role-arn", default=f"arn:aws:iam::{FAKE_ACCOUNT}:role/QuickstartRole")
    parser.add_argument("--image-uri", default=f"{FAKE_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1")
    parser.add_argument("--s3-uri", default="s3://quickstart-bucket", help="S3 prefix for data and models")
    parser.add_argument(
        "--payload", default="0.5,1.5,3.0", help="the CSV row sent to the endpoint (default: %(default)s)"
    )
    parser.add_argument(
        "--poll",
        type=float,
        metavar="SECONDS",
        help="seconds between two status polls of a wait (default: 5 on AWS, 0.5 on a local server)",
    )
    args = parser.parse_args(argv)
    if args.profile and not args.aws:
        parser.error("--profile needs --aws")
    if args.aws and args.allow_writes and FAKE_ACCOUNT in args.role_arn + args.image_uri:
        parser.error("--allow-writes against AWS needs your own --role-arn, --image-uri and --s3-uri")
    return args


def make_client(args: argparse.Namespace, endpoint_url: str | None) -> SageMakerClient:
    """The typed client, from a boto3 session: a resource's logs and runtime clients come from the same one."""
    import boto3  # type: ignore[import-untyped,unused-ignore]
    from botocore.config import Config  # type: ignore[import-untyped,unused-ignore]

    key, secret = (None, None) if args.aws else ("testing", "testing")  # fake credentials for a local server
    if not args.aws and endpoint_url is not None:
        # boto3's own setting: every client of the session (logs and runtime too) goes to the local server.
        os.environ["AWS_ENDPOINT_URL"] = endpoint_url
    session = boto3.session.Session(
        aws_access_key_id=key, aws_secret_access_key=secret, profile_name=args.profile, region_name=args.region
    )
    # The SDK validates every request against the full service model; botocore's own check is redundant.
    return SageMakerClient(session=session, endpoint_url=endpoint_url, config=Config(parameter_validation=False))


def configure_local_result(endpoint_url: str, region: str) -> bool:
    """Tell a moto server what the endpoint answers next (its endpoint-results API); False if it is not moto."""
    result = {"Body": PREDICTION, "ContentType": "application/json", "InvokedProductionVariant": "primary"}
    request = urllib.request.Request(
        f"{endpoint_url}/moto-api/static/sagemaker/endpoint-results",
        data=json.dumps({"account_id": FAKE_ACCOUNT, "region": region, "results": [result]}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        urllib.request.urlopen(request, timeout=10).close()
    except (urllib.error.URLError, OSError):
        return False
    return True


def deploy(sm: SageMakerClient, args: argparse.Namespace, name: str) -> tuple[Endpoint, EndpointConfig, Model]:
    print("\n1. Deploy a model to an endpoint (Model.create, EndpointConfig.create, Endpoint.create(...).wait())")
    model = Model.create(
        model_name=name,
        execution_role_arn=args.role_arn,
        primary_container=models.ContainerDefinition(image=args.image_uri, model_data_url=f"{args.s3_uri}/model"),
        client=sm,
    )
    print(f"   created model            {model.model_arn}")
    variant = models.ProductionVariant(
        variant_name="primary",
        model_name=name,
        initial_instance_count=1,
        instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
    )
    config = EndpointConfig.create(endpoint_config_name=name, production_variants=[variant], client=sm)
    print(f"   created endpoint config  {config.endpoint_config_arn}")
    endpoint = Endpoint.create(endpoint_name=name, endpoint_config_name=name, client=sm)
    print(f"   created endpoint         {endpoint.endpoint_arn}")
    endpoint.wait(poll=args.poll)  # a live status line in a terminal; nothing when the output is a file
    variants = ", ".join(v.variant_name for v in endpoint.production_variants or [])
    print(f"   endpoint {endpoint.endpoint_name} is {endpoint.endpoint_status} (variants: {variants})")
    return endpoint, config, model


def invoke(endpoint: Endpoint, args: argparse.Namespace, endpoint_url: str | None) -> None:
    print("\n2. Invoke the endpoint (endpoint.invoke(...), through sagemaker_typed.runtime)")
    if not args.aws and endpoint_url is not None and not configure_local_result(endpoint_url, args.region):
        print("   (not a moto server: its endpoint answers as it likes)")
    try:
        result = endpoint.invoke(body=args.payload, content_type="text/csv", accept="application/json")
    except runtime_errors.SageMakerRuntimeError as error:  # e.g. ModelError from a container on AWS
        print(f"   runtime.errors.{type(error).__name__}: {error.error_message}")
        return
    print(
        f"   {type(result).__name__}: content_type={result.content_type}, variant={result.invoked_production_variant}"
    )
    print(f"   body: {result.body.read().decode()}")  # a StreamingBody, as boto3 gives it: read it once
    if result.response_metadata is not None:
        print(f"   request id: {result.response_metadata.request_id}")


def write_local_logs(sm: SageMakerClient, job: str) -> None:
    """What a training container would write to CloudWatch Logs, written here for the local server."""
    assert sm.session is not None  # make_client makes the typed client from a session
    logs = sm.session.client("logs", region_name=sm.client.meta.region_name)
    group = "/aws/sagemaker/TrainingJobs"
    if not logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]:
        logs.create_log_group(logGroupName=group)
    now = int(time.time() * 1000)
    stream = f"{job}/algo-1-{now // 1000}"  # one stream per instance, as SageMaker names them
    logs.create_log_stream(logGroupName=group, logStreamName=stream)
    lines = [
        "Starting training: xgboost 1.7-1, 1 instance",
        "[0]#011train-logloss:0.6421",
        "[49]#011train-logloss:0.2117",
    ]
    events = [{"timestamp": now + i, "message": line} for i, line in enumerate(lines)]
    logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=events)


def train(sm: SageMakerClient, args: argparse.Namespace, prefix: str) -> None:
    print("\n3. Train: three runs of a small learning-rate sweep (TrainingJob.create(...))")
    algorithm = models.AlgorithmSpecification(
        training_image=args.image_uri, training_input_mode=models.TrainingInputMode.FILE
    )
    resources = models.ResourceConfig(
        instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
    )
    train_data = models.S3DataSource(s3_data_type=models.S3DataType.S3_PREFIX, s3_uri=f"{args.s3_uri}/train/")
    jobs = [
        TrainingJob.create(
            training_job_name=f"{prefix}-{run}",
            role_arn=args.role_arn,
            algorithm_specification=algorithm,
            resource_config=resources,
            input_data_config=[
                models.Channel(channel_name="train", data_source=models.DataSource(s3_data_source=train_data))
            ],
            output_data_config=models.OutputDataConfig(s3_output_path=f"{args.s3_uri}/output/"),
            stopping_condition=models.StoppingCondition(max_runtime_in_seconds=600),
            hyper_parameters={"objective": "binary:logistic", "num_round": "50", "eta": eta},
            client=sm,
        )
        for run, eta in enumerate(("0.1", "0.2", "0.3"), 1)
    ]
    for job in jobs:
        print(f"   created {job.training_job_arn}")
    first = jobs[0]
    print(f"   watching {first.training_job_name} with its logs (.wait(logs=True)):")
    if not args.aws:
        print("   (local server: the quickstart wrote these log lines itself; on AWS the training container does)")
        write_local_logs(sm, first.training_job_name)
    first.wait(poll=args.poll, logs=True)  # the logs on stdout; the status line below them in a terminal
    for job in jobs:
        used, params = job.resource_config, job.hyper_parameters or {}  # jobs 2 and 3: described on this read
        on = f"{used.instance_count} x {used.instance_type}" if used else "?"
        print(f"   {job.training_job_name}: {job.training_job_status} on {on}, eta={params.get('eta')}")


def list_jobs(sm: SageMakerClient, prefix: str | None) -> None:
    """The first five training jobs whose name has ``prefix`` (None: any job of the account)."""
    print("\n4. List training jobs (TrainingJob.get_all(...), 2 per page)")
    calls = RequestCount(sm)
    try:
        listed = TrainingJob.get_all(
            name_contains=prefix, sort_by=models.SortBy.CREATION_TIME, max_results=2, client=sm
        )
        jobs = list(itertools.islice(listed, 5))
        for job in jobs:  # built from the listing: these fields cost no call
            print(f"   {job.training_job_name}: {job.training_job_status}")
    finally:
        sm.client.meta.events.unregister("before-send.sagemaker", calls)
    if not jobs:
        print("   (no training jobs)")
    sent = len(calls.sent)
    print(f"   {len(jobs)} training jobs listed in {sent} call{'s' * (sent != 1)}: one per page, no Describe per job")


class RequestCount:
    """Counts the requests the client sends (botocore's before-send event) until unregistered."""

    def __init__(self, sm: SageMakerClient) -> None:
        self.sent: list[object] = []
        sm.client.meta.events.register("before-send.sagemaker", self)

    def __call__(self, **request: object) -> None:  # returning None lets the request go on
        self.sent.append(request)


def show_validation_error(sm: SageMakerClient) -> None:
    print("\n5. An invalid request fails before anything is sent (TrainingJob.create validates as the client does)")
    calls = RequestCount(sm)
    try:
        TrainingJob.create(
            training_job_name="my training job!",  # spaces and "!" break the name pattern
            role_arn="QuickstartRole",  # not an ARN
            output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/out"),
            hyper_parameters={"eta": "0." + "1" * 3000},  # a hyperparameter value is at most 2500 characters
            client=sm,
        )
    except pydantic.ValidationError as error:
        print(f"   pydantic.ValidationError: {error.error_count()} errors for {error.title}")
        for line in error.errors(include_url=False):
            message = line["msg"] if len(line["msg"]) < 100 else line["msg"][:96] + " ..."
            print(f"     {'.'.join(map(str, line['loc']))}: {message}")
    finally:
        sm.client.meta.events.unregister("before-send.sagemaker", calls)
    print(f"   requests sent: {len(calls.sent)}")


def show_typed_error(sm: SageMakerClient) -> None:
    print("\n6. A typed service error (TrainingJob.get of a job that does not exist)")
    try:
        TrainingJob.get(training_job_name="quickstart-no-such-job", client=sm)
    except (errors.ValidationException, errors.ResourceNotFound) as error:
        print(f"   errors.{type(error).__name__} (still a botocore ClientError): {error.error_message}")
        print(f"   error_code={error.error_code} http_status={error.http_status_code} request_id={error.request_id}")


def run(sm: SageMakerClient, args: argparse.Namespace, writes: bool, endpoint_url: str | None) -> None:
    prefix = f"quickstart-{int(time.time())}" if args.aws else "quickstart"
    made: list[Endpoint | EndpointConfig | Model] = []  # deleted at the end on AWS
    try:
        if writes:
            endpoint, config, model = deploy(sm, args, prefix)
            made = [endpoint, config, model]
            invoke(endpoint, args, endpoint_url)
            train(sm, args, f"{prefix}-xgboost")
        else:
            print("\n(read-only: steps 1 to 3 create and invoke resources and are skipped; pass --allow-writes)")
        list_jobs(sm, prefix if writes else None)
        show_validation_error(sm)
        show_typed_error(sm)
    finally:
        if made and args.aws:  # an idle endpoint still costs money
            with contextlib.suppress(errors.SageMakerError):
                for resource in made:
                    resource.delete()
                print(f"\ncleaned up: deleted the endpoint, endpoint config and model {prefix}")


@contextlib.contextmanager
def local_moto() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request log on the console
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.get_host_and_port()[1]}"
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with contextlib.ExitStack() as stack:
        endpoint_url, where = args.endpoint_url, "AWS" if args.aws else "the SageMaker server"
        if not args.aws and endpoint_url is None:
            try:
                endpoint_url, where = stack.enter_context(local_moto()), "an embedded moto server"
            except ImportError:
                print(HINT, file=sys.stderr)
                return 2
        print(f"sagemaker_typed quickstart against {where} at {endpoint_url or 'the default endpoint'}")
        if args.poll is None:
            args.poll = 5.0 if args.aws else 0.5
        try:
            run(
                make_client(args, endpoint_url),
                args,
                writes=not args.aws or args.allow_writes,
                endpoint_url=endpoint_url,
            )
        except errors.SageMakerError as error:  # e.g. AccessDeniedException on AWS
            print(f"\nerror: {error}", file=sys.stderr)
            return 1
    print("\ndone")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
