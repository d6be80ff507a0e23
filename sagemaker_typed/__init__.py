"""sagemaker_typed: a typed, validated SDK over the whole Amazon SageMaker API, on boto3.

>>> from sagemaker_typed import SageMakerClient, models, errors

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
    from .client import SageMakerClient as SageMakerClient

__all__ = ["SageMakerClient", "__botocore_model__", "__version__", "errors", "models"]

_LAZY = {"SageMakerClient": ".client", "errors": ".errors", "models": ".models"}


if not _t.TYPE_CHECKING:  # for type checkers a misspelt name is an error, not Any

    def __getattr__(name: str) -> _t.Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        imported = importlib.import_module(module, __name__)
        value = imported if module.endswith(name) else getattr(imported, name)
        globals()[name] = value
        return value
