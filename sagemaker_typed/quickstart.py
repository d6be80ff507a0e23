"""A runnable tour of sagemaker_typed: ``python -m sagemaker_typed.quickstart``.

By default it starts a moto server in this process on 127.0.0.1 (moto is optional:
``pip install 'sagemaker-typed[local]'``) and, with fake credentials, deploys a model to an
endpoint (printing each status the waiter polls), invokes it through the typed runtime
client (``sagemaker_typed.runtime``; moto answers with the result the quickstart configures
through its endpoint-results API), creates training jobs from typed models and enums, lists
them two per page, and shows a request refused before it is sent (``pydantic.ValidationError``)
and a typed service error.

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
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pydantic

from sagemaker_typed import SageMakerClient, errors, models
from sagemaker_typed.runtime import SageMakerRuntimeClient
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
    args = parser.parse_args(argv)
    if args.profile and not args.aws:
        parser.error("--profile needs --aws")
    if args.aws and args.allow_writes and FAKE_ACCOUNT in args.role_arn + args.image_uri:
        parser.error("--allow-writes against AWS needs your own --role-arn, --image-uri and --s3-uri")
    return args


def make_clients(args: argparse.Namespace, endpoint_url: str | None) -> tuple[SageMakerClient, SageMakerRuntimeClient]:
    """The control-plane client and the runtime client, from one session."""
    import boto3  # type: ignore[import-untyped,unused-ignore]
    from botocore.config import Config  # type: ignore[import-untyped,unused-ignore]

    key, secret = (None, None) if args.aws else ("testing", "testing")  # fake credentials for a local server
    session = boto3.session.Session(
        aws_access_key_id=key, aws_secret_access_key=secret, profile_name=args.profile, region_name=args.region
    )
    # The SDK validates every request against the full service model; botocore's own check is redundant.
    config = Config(parameter_validation=False)
    return (
        SageMakerClient(session.client("sagemaker", endpoint_url=endpoint_url, config=config)),
        SageMakerRuntimeClient(session.client("sagemaker-runtime", endpoint_url=endpoint_url, config=config)),
    )


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


def invoke(rt: SageMakerRuntimeClient, args: argparse.Namespace, name: str, endpoint_url: str | None) -> None:
    print("\n2. Invoke the endpoint (sagemaker_typed.runtime.SageMakerRuntimeClient)")
    if not args.aws and endpoint_url is not None and not configure_local_result(endpoint_url, args.region):
        print("   (not a moto server: its endpoint answers as it likes)")
    try:
        result = rt.invoke_endpoint(
            endpoint_name=name, body=args.payload, content_type="text/csv", accept="application/json"
        )
    except runtime_errors.SageMakerRuntimeError as error:  # e.g. ModelError from a container on AWS
        print(f"   runtime.errors.{type(error).__name__}: {error.error_message}")
        return
    print(
        f"   {type(result).__name__}: content_type={result.content_type}, variant={result.invoked_production_variant}"
    )
    print(f"   body: {result.body.read().decode()}")  # a StreamingBody, as boto3 gives it: read it once
    if result.response_metadata is not None:
        print(f"   request id: {result.response_metadata.request_id}")


def deploy(sm: SageMakerClient, args: argparse.Namespace, name: str, delay: float | None) -> None:
    print("\n1. Deploy a model to an endpoint")
    model = sm.create_model(
        model_name=name,
        execution_role_arn=args.role_arn,
        primary_container=models.ContainerDefinition(image=args.image_uri, model_data_url=f"{args.s3_uri}/model"),
    )
    print(f"   created model            {model.model_arn}")
    variant = models.ProductionVariant(
        variant_name="primary",
        model_name=name,
        initial_instance_count=1,
        instance_type=models.ProductionVariantInstanceType.ML_M5_LARGE,
    )
    config = sm.create_endpoint_config(endpoint_config_name=name, production_variants=[variant])
    print(f"   created endpoint config  {config.endpoint_config_arn}")
    endpoint = sm.create_endpoint(endpoint_name=name, endpoint_config_name=name)
    print(f"   created endpoint         {endpoint.endpoint_arn}")

    polls = itertools.count(1)

    def progress(response: models.DescribeEndpointOutput | None) -> None:
        status = response.endpoint_status if response is not None else "gone"
        print(f"   poll {next(polls)}: {status}")

    print("   waiting for the endpoint (sm.wait.endpoint_in_service):")
    ready = sm.wait.endpoint_in_service(endpoint_name=name, delay=delay, callback=progress)
    variants = ", ".join(v.variant_name for v in ready.production_variants or [])
    print(f"   endpoint {ready.endpoint_name} is {ready.endpoint_status} (variants: {variants})")


def train(sm: SageMakerClient, args: argparse.Namespace, prefix: str) -> None:
    print("\n3. Train: three runs of a small learning-rate sweep")
    algorithm = models.AlgorithmSpecification(
        training_image=args.image_uri, training_input_mode=models.TrainingInputMode.FILE
    )
    resources = models.ResourceConfig(
        instance_type=models.TrainingInstanceType.ML_M5_XLARGE, instance_count=1, volume_size_in_gb=10
    )
    train_data = models.S3DataSource(s3_data_type=models.S3DataType.S3_PREFIX, s3_uri=f"{args.s3_uri}/train/")
    for run, eta in enumerate(("0.1", "0.2", "0.3"), 1):
        request = models.CreateTrainingJobRequest(
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
        )
        sm.create_training_job(request)
        job = sm.describe_training_job(training_job_name=request.training_job_name)
        used, params = job.resource_config, job.hyper_parameters or {}
        on = f"{used.instance_count} x {used.instance_type}" if used else "?"
        print(f"   {job.training_job_name}: {job.training_job_status} on {on}, eta={params.get('eta')}")


def list_jobs(sm: SageMakerClient) -> None:
    print("\n4. List training jobs, 2 per page (sm.paginate.list_training_jobs(...).pages())")
    pages = sm.paginate.list_training_jobs(max_results=2, sort_by=models.SortBy.CREATION_TIME).pages()
    for number, page in enumerate(itertools.islice(pages, 3), 1):
        jobs = ", ".join(f"{s.training_job_name} ({s.training_job_status})" for s in page.training_job_summaries)
        print(f"   page {number}: {jobs or '(no training jobs)'}")


def show_validation_error(sm: SageMakerClient) -> None:
    print("\n5. An invalid request fails before anything is sent")
    sent: list[object] = []

    def count(**request: object) -> None:  # a before-send handler: returning None lets requests go on
        sent.append(request)

    sm.client.meta.events.register("before-send.sagemaker", count)
    try:
        sm.create_training_job(
            training_job_name="my training job!",  # spaces and "!" break the name pattern
            role_arn="QuickstartRole",  # not an ARN
            output_data_config=models.OutputDataConfig(s3_output_path="s3://bucket/out"),
            hyper_parameters={"eta": "0." + "1" * 3000},  # a hyperparameter value is at most 2500 characters
        )
    except pydantic.ValidationError as error:
        print(f"   pydantic.ValidationError: {error.error_count()} errors for {error.title}")
        for line in error.errors(include_url=False):
            message = line["msg"] if len(line["msg"]) < 100 else line["msg"][:96] + " ..."
            print(f"     {'.'.join(map(str, line['loc']))}: {message}")
    finally:
        sm.client.meta.events.unregister("before-send.sagemaker", count)
    print(f"   requests sent: {len(sent)}")


def show_typed_error(sm: SageMakerClient) -> None:
    print("\n6. A typed service error")
    try:
        sm.describe_training_job(training_job_name="quickstart-no-such-job")
    except (errors.ValidationException, errors.ResourceNotFound) as error:
        print(f"   errors.{type(error).__name__} (still a botocore ClientError): {error.error_message}")
        print(f"   error_code={error.error_code} http_status={error.http_status_code} request_id={error.request_id}")


def run(
    clients: tuple[SageMakerClient, SageMakerRuntimeClient],
    args: argparse.Namespace,
    writes: bool,
    endpoint_url: str | None,
) -> None:
    sm, rt = clients
    prefix = f"quickstart-{int(time.time())}" if args.aws else "quickstart"
    endpoint_made = False
    try:
        if writes:
            endpoint_made = True
            deploy(sm, args, prefix, delay=None if args.aws else 0.2)
            invoke(rt, args, prefix, endpoint_url)
            train(sm, args, f"{prefix}-xgboost")
        else:
            print("\n(read-only: steps 1 to 3 create and invoke resources and are skipped; pass --allow-writes)")
        list_jobs(sm)
        show_validation_error(sm)
        show_typed_error(sm)
    finally:
        if endpoint_made and args.aws:  # an idle endpoint still costs money
            with contextlib.suppress(errors.SageMakerError):
                sm.delete_endpoint(endpoint_name=prefix)
                sm.delete_endpoint_config(endpoint_config_name=prefix)
                sm.delete_model(model_name=prefix)
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
        try:
            run(
                make_clients(args, endpoint_url),
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
