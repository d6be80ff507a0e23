"""sagemaker_typed: a typed, validated SDK over the whole Amazon SageMaker API, on boto3.

>>> from sagemaker_typed import SageMakerClient, models, errors
>>> from sagemaker_typed import AsyncSageMakerClient   # asyncio, over aiobotocore: the `async` extra

Importing the package is cheap: the client, the models and the errors load on first use.
"""

from __future__ import annotations

import typing as _t

from ._meta import BOTOCORE_MODEL as __botocore_model__
from ._meta import __version__ as __version__
from ._runtime.lazy import lazy_exports as _lazy_exports

if _t.TYPE_CHECKING:
    from . import errors as errors
    from . import models as models
    from .async_client import AsyncSageMakerClient as AsyncSageMakerClient
    from .client import SageMakerClient as SageMakerClient

__all__ = ["AsyncSageMakerClient", "SageMakerClient", "__botocore_model__", "__version__", "errors", "models"]

# AsyncSageMakerClient needs the `async` extra (aiobotocore), imported only when the client is opened.
_MODULES = {
    "AsyncSageMakerClient": "async_client",
    "SageMakerClient": "client",
    "errors": "errors",
    "models": "models",
}

# Out of type checkers' sight: for them a misspelt name is an error, not Any.
if not _t.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _MODULES, globals())
