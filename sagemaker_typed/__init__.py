"""sagemaker_typed: a typed, validated SDK over the whole Amazon SageMaker API, on boto3.

>>> from sagemaker_typed import SageMakerClient, models, errors
>>> from sagemaker_typed import AsyncSageMakerClient   # asyncio, over aiobotocore: the `async` extra

Importing the package is cheap: the client, the models and the errors load on first use.
"""

from __future__ import annotations

import importlib
import typing as _t

from ._meta import BOTOCORE_MODEL as __botocore_model__
from ._meta import __version__ as __version__

if _t.TYPE_CHECKING:
    from . import errors as errors
    from . import models as models
    from .async_client import AsyncSageMakerClient as AsyncSageMakerClient
    from .client import SageMakerClient as SageMakerClient

__all__ = ["AsyncSageMakerClient", "SageMakerClient", "__botocore_model__", "__version__", "errors", "models"]

# AsyncSageMakerClient needs the `async` extra (aiobotocore), imported only when the client is opened.
_LAZY = {
    "AsyncSageMakerClient": ".async_client",
    "SageMakerClient": ".client",
    "errors": ".errors",
    "models": ".models",
}


if not _t.TYPE_CHECKING:  # for type checkers a misspelt name is an error, not Any

    def __getattr__(name: str) -> _t.Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        imported = importlib.import_module(module, __name__)
        value = imported if module.endswith(name) else getattr(imported, name)
        globals()[name] = value
        return value
