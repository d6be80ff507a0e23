"""The runtime signature of a model: its snake_case fields as keyword parameters.

pydantic's own ``__signature__`` is ``(**data)`` until a deferred model is built, and then
names the parameters by alias (the wire names) with ``Annotated[..., FieldInfo(...)]``
annotations. ``help()``, IPython's ``?`` and jedi's completion read ``__signature__``, so
every model class carries this one instead, computed on first access: keyword-only
parameters by attribute name, annotations as a person reads them, no default for a
required member.
"""

from __future__ import annotations

import inspect
import types
from typing import Annotated, Any, ForwardRef, Union, get_args, get_origin

from pydantic import BaseModel


class KeywordSignature:
    """A class-only attribute holding a model's signature, computed when first read."""

    __slots__ = ("model", "signature")

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.signature: inspect.Signature | None = None

    def __get__(self, instance: object, owner: type | None = None) -> inspect.Signature:
        if instance is not None:
            # As pydantic does: an instance may be callable, and its signature is its __call__'s.
            raise AttributeError("__signature__ is an attribute of the model class")
        if self.signature is None:
            self.signature = inspect.Signature(
                [
                    inspect.Parameter(
                        name,
                        inspect.Parameter.KEYWORD_ONLY,
                        annotation=plain(field.annotation),
                        default=inspect.Parameter.empty if field.is_required() else field.default,
                    )
                    for name, field in self.model.model_fields.items()
                ],
                return_annotation=None,
            )
        return self.signature


def install(model: type[BaseModel]) -> None:
    """Give ``model`` its keyword signature (again: pydantic sets its own when it builds one)."""
    type.__setattr__(model, "__signature__", KeywordSignature(model))


def plain(annotation: Any) -> str:
    """An annotation as a person reads it: no ``Annotated`` metadata, short class names.

    ``Annotated[list[Annotated[str, ...]] | None, ...]`` -> ``"list[str] | None"``.
    """
    origin = get_origin(annotation)
    if origin is Annotated:
        return plain(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return " | ".join(plain(a) for a in get_args(annotation))
    if origin is not None:
        return f"{getattr(origin, '__name__', origin)}[{', '.join(plain(a) for a in get_args(annotation))}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, ForwardRef):
        return annotation.__forward_arg__
    return str(getattr(annotation, "__name__", annotation))
