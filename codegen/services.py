"""The SageMaker family, as data: which botocore services the generator knows, and their names here.

One row per service: the botocore service name (its folder in botocore/data and in specs/),
the subpackage of ``sagemaker_typed`` it becomes ("" for the control plane, which stays at the
package root so ``sagemaker_typed.SageMakerClient`` and ``sagemaker_typed.models`` keep their
paths), the client class and the title used in docstrings. The subpackage is the botocore name
without its "sagemaker" prefix, words joined by underscores; class names spell the service as
its own documentation does (A2I, FeatureStore). Nothing else in the generator names a service.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Package:
    service: str
    """The botocore service name, e.g. ``sagemaker-runtime``."""
    module: str
    """The subpackage of ``sagemaker_typed`` ("" for the package root)."""
    client: str
    """The typed client's class name."""
    title: str
    """How docstrings name the service."""

    @property
    def error(self) -> str:
        """The base class of the service's errors: ``SageMakerRuntimeClient`` -> ``SageMakerRuntimeError``."""
        return self.client.removesuffix("Client") + "Error"

    @property
    def path(self) -> str:
        """The package's directory, relative to the repository root."""
        return "sagemaker_typed" + (f"/{self.module}" if self.module else "")

    @property
    def dotted(self) -> str:
        """The package's import path."""
        return "sagemaker_typed" + (f".{self.module}" if self.module else "")


FAMILY: tuple[Package, ...] = (
    Package("sagemaker", "", "SageMakerClient", "SageMaker"),
    Package("sagemaker-a2i-runtime", "a2i_runtime", "SageMakerA2IRuntimeClient", "SageMaker A2I Runtime"),
    Package("sagemaker-edge", "edge", "SageMakerEdgeClient", "SageMaker Edge"),
    Package(
        "sagemaker-featurestore-runtime",
        "featurestore_runtime",
        "SageMakerFeatureStoreRuntimeClient",
        "SageMaker Feature Store Runtime",
    ),
    Package(
        "sagemaker-gateway-runtime", "gateway_runtime", "SageMakerGatewayRuntimeClient", "SageMaker Gateway Runtime"
    ),
    Package("sagemaker-geospatial", "geospatial", "SageMakerGeospatialClient", "SageMaker Geospatial"),
    Package(
        "sagemaker-inference-router-runtime",
        "inference_router_runtime",
        "SageMakerInferenceRouterRuntimeClient",
        "SageMaker Inference Router Runtime",
    ),
    Package("sagemaker-metrics", "metrics", "SageMakerMetricsClient", "SageMaker Metrics"),
    Package("sagemaker-runtime", "runtime", "SageMakerRuntimeClient", "SageMaker Runtime"),
    # botocore writes these two without dashes; their subpackages keep the words apart.
    Package("sagemakerjobruntime", "job_runtime", "SageMakerJobRuntimeClient", "SageMaker Job Runtime"),
    Package(
        "sagemakertrainingsessionruntime",
        "training_session_runtime",
        "SageMakerTrainingSessionRuntimeClient",
        "SageMaker Training Session Runtime",
    ),
)

BY_SERVICE = {package.service: package for package in FAMILY}
