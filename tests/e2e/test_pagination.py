"""Typed paginators over small pages: items, ``.pages()``, and laziness."""

from __future__ import annotations

from typing import Any

import pytest

from sagemaker_typed import SageMakerClient, models
from tests import installed_model

from .conftest import RequestCounter
from .inputs import BUCKET, ROLE
from .mirror import Call, Mirror

pytestmark = pytest.mark.e2e

JOBS = [f"e2e-page-{i}" for i in range(5)]
EXPERIMENTS = [f"e2e-page-exp-{i}" for i in range(3)]


def _create_job(name: str) -> Call:
    return Call(
        "create_training_job",
        {
            "training_job_name": name,
            "role_arn": ROLE,
            "algorithm_specification": models.AlgorithmSpecification(
                training_image="xgboost:1", training_input_mode=models.TrainingInputMode.PIPE
            ),
            "output_data_config": models.OutputDataConfig(s3_output_path=f"{BUCKET}/{name}"),
            "stopping_condition": models.StoppingCondition(max_runtime_in_seconds=60),
        },
        {
            "TrainingJobName": name,
            "RoleArn": ROLE,
            "AlgorithmSpecification": {"TrainingImage": "xgboost:1", "TrainingInputMode": "Pipe"},
            "OutputDataConfig": {"S3OutputPath": f"{BUCKET}/{name}"},
            "StoppingCondition": {"MaxRuntimeInSeconds": 60},
        },
    )


def _check_pages(pages: list[Any], attribute: str, size: int) -> list[Any]:
    """Every page but the last is full and has a token; return all the items."""
    assert len(pages) > 1
    for page in pages[:-1]:
        assert len(getattr(page, attribute)) == size
        assert page.next_token
    assert 1 <= len(getattr(pages[-1], attribute)) <= size
    assert pages[-1].next_token is None
    return [item for page in pages for item in getattr(page, attribute)]


@pytest.fixture(scope="module")
def training_jobs(mirror: Mirror) -> list[str]:
    installed_model.require("CreateTrainingJob", "ListTrainingJobs")  # the raw boto3 side validates by its model
    mirror.run(*map(_create_job, JOBS))
    return JOBS


@pytest.mark.usefixtures("training_jobs")
def test_training_jobs_in_pages_of_two(mirror: Mirror, sm_a: SageMakerClient) -> None:
    pages = mirror.pages(Call("list_training_jobs", {"max_results": 2}, {"MaxResults": 2}))
    assert all(isinstance(page, models.ListTrainingJobsResponse) for page in pages)
    summaries = _check_pages(pages, "training_job_summaries", 2)
    names = [s.training_job_name for s in summaries]
    assert [n for n in names if n in JOBS] == JOBS  # in creation order, among other tests' jobs

    # Iterating the paginator yields the typed items of every page.
    items = list(sm_a.paginate.list_training_jobs(max_results=2))
    assert all(isinstance(item, models.TrainingJobSummary) for item in items)
    assert items == summaries
    assert names == [s.training_job_name for s in sm_a.list_training_jobs(max_results=100).training_job_summaries]


def test_experiments_one_per_page(mirror: Mirror, sm_a: SageMakerClient) -> None:
    mirror.run(*(Call("create_experiment", {"experiment_name": n}, {"ExperimentName": n}) for n in EXPERIMENTS))

    # moto's tokens differ between the servers in one field only (see mirror.normalise).
    pages = mirror.pages(Call("list_experiments", {"max_results": 1}, {"MaxResults": 1}))
    summaries = _check_pages(pages, "experiment_summaries", 1)
    assert [s.experiment_name for s in summaries if s.experiment_name in EXPERIMENTS] == EXPERIMENTS
    assert [s.experiment_name for s in sm_a.paginate.list_experiments(max_results=1)] == [
        s.experiment_name for s in summaries
    ]


@pytest.mark.usefixtures("training_jobs")
def test_paginator_is_lazy(sm_a: SageMakerClient, requests_to_a: RequestCounter) -> None:
    with requests_to_a.none():
        paginator = sm_a.paginate.list_training_jobs(max_results=2, sort_order=models.SortOrder.DESCENDING)
        pages = paginator.pages()
    first = next(pages)  # one request for the first page, no more
    assert isinstance(first, models.ListTrainingJobsResponse)
    assert len(first.training_job_summaries) == 2
