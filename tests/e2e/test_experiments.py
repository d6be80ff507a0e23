"""Experiments, trials and trial components: create, describe, list, associate."""

from __future__ import annotations

from typing import Any

import pytest

from sagemaker_typed import models

from .inputs import arn
from .mirror import Call, Mirror

pytestmark = pytest.mark.e2e

EXPERIMENT = "e2e-churn"
TRIAL = "e2e-churn-trial-1"
COMPONENT = "e2e-churn-preprocess"


@pytest.fixture(scope="module")
def trial(mirror: Mirror) -> list[Any]:
    """The experiment and its trial, created (and described) once for this module."""
    return mirror.run(
        Call(
            "create_experiment",
            {"experiment_name": EXPERIMENT, "display_name": "Churn", "description": "churn model"},
            {"ExperimentName": EXPERIMENT, "DisplayName": "Churn", "Description": "churn model"},
        ),
        Call("describe_experiment", {"experiment_name": EXPERIMENT}, {"ExperimentName": EXPERIMENT}),
        Call(
            "create_trial",
            {"trial_name": TRIAL, "experiment_name": EXPERIMENT},
            {"TrialName": TRIAL, "ExperimentName": EXPERIMENT},
        ),
        Call("describe_trial", {"trial_name": TRIAL}, {"TrialName": TRIAL}),
    )


def test_experiment_trial_component(mirror: Mirror, trial: list[Any]) -> None:
    experiment_created, experiment, trial_created, described_trial = trial
    assert experiment_created.experiment_arn == experiment.experiment_arn == arn("experiment", EXPERIMENT)
    assert experiment.experiment_name == EXPERIMENT  # moto keeps neither DisplayName nor Description
    assert trial_created.trial_arn == described_trial.trial_arn == arn("experiment-trial", TRIAL)
    assert described_trial.experiment_name == EXPERIMENT

    component_created, component, associated, trials, components = mirror.run(
        Call(
            "create_trial_component",
            {
                "trial_component_name": COMPONENT,
                "display_name": "Preprocess",
                "status": models.TrialComponentStatus(primary_status=models.TrialComponentPrimaryStatus.IN_PROGRESS),
                # Each value sets one of NumberValue and StringValue.
                "parameters": {
                    "learning_rate": models.TrialComponentParameterValue(number_value=0.1),
                    "optimizer": models.TrialComponentParameterValue(string_value="adam"),
                },
            },
            {
                "TrialComponentName": COMPONENT,
                "DisplayName": "Preprocess",
                "Status": {"PrimaryStatus": "InProgress"},
                "Parameters": {"learning_rate": {"NumberValue": 0.1}, "optimizer": {"StringValue": "adam"}},
            },
        ),
        Call("describe_trial_component", {"trial_component_name": COMPONENT}, {"TrialComponentName": COMPONENT}),
        Call(
            "associate_trial_component",
            {"trial_component_name": COMPONENT, "trial_name": TRIAL},
            {"TrialComponentName": COMPONENT, "TrialName": TRIAL},
        ),
        Call("list_trials", {"experiment_name": EXPERIMENT}, {"ExperimentName": EXPERIMENT}),
        Call("list_trial_components", {"trial_name": TRIAL}, {"TrialName": TRIAL}),
    )
    assert component_created.trial_component_arn == arn("experiment-trial-component", COMPONENT)

    assert component.status.primary_status is models.TrialComponentPrimaryStatus.IN_PROGRESS
    learning_rate = component.parameters["learning_rate"]
    assert isinstance(learning_rate, models.TrialComponentParameterValue)
    assert (learning_rate.number_value, learning_rate.string_value) == (0.1, None)
    assert component.parameters["optimizer"].string_value == "adam"

    assert (associated.trial_arn, associated.trial_component_arn) == (
        described_trial.trial_arn,
        component.trial_component_arn,
    )
    assert [t.trial_name for t in trials.trial_summaries] == [TRIAL]
    assert [c.trial_component_name for c in components.trial_component_summaries] == [COMPONENT]

    experiments = mirror.call(Call("list_experiments", {}, {}))
    assert EXPERIMENT in [e.experiment_name for e in experiments.experiment_summaries]


@pytest.mark.usefixtures("trial")
def test_update_and_disassociate_trial_component(mirror: Mirror) -> None:
    name = "e2e-churn-train"
    _, _, updated, component, disassociated, components = mirror.run(
        Call("create_trial_component", {"trial_component_name": name}, {"TrialComponentName": name}),
        Call(
            "associate_trial_component",
            {"trial_component_name": name, "trial_name": TRIAL},
            {"TrialComponentName": name, "TrialName": TRIAL},
        ),
        Call(
            "update_trial_component",
            {
                "trial_component_name": name,
                "status": models.TrialComponentStatus(
                    primary_status=models.TrialComponentPrimaryStatus.COMPLETED, message="done"
                ),
                "parameters": {"epochs": models.TrialComponentParameterValue(number_value=10)},
            },
            {
                "TrialComponentName": name,
                "Status": {"PrimaryStatus": "Completed", "Message": "done"},
                "Parameters": {"epochs": {"NumberValue": 10}},
            },
        ),
        Call("describe_trial_component", {"trial_component_name": name}, {"TrialComponentName": name}),
        Call(
            "disassociate_trial_component",
            {"trial_component_name": name, "trial_name": TRIAL},
            {"TrialComponentName": name, "TrialName": TRIAL},
        ),
        Call("list_trial_components", {"trial_name": TRIAL}, {"TrialName": TRIAL}),
    )
    assert updated.trial_component_arn == arn("experiment-trial-component", name)
    assert component.status.primary_status is models.TrialComponentPrimaryStatus.COMPLETED
    assert component.parameters["epochs"].number_value == 10
    assert disassociated.trial_arn == arn("experiment-trial", TRIAL)
    assert name not in [c.trial_component_name for c in components.trial_component_summaries]
