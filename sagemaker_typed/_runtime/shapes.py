"""The base classes of every generated model.

``Shape`` carries the shared configuration: frozen, unknown members rejected, input by
attribute name or wire name at any depth, built lazily on first use; its validation errors
name the botocore release and the ways out when a rule the service may move broke (``newer``). ``OutputShape`` is the
base of operation outputs, validated leniently however they are validated (see ``lenient``).
``UnionShape`` takes exactly one member; ``RedactingShape`` keeps sensitive values out of
its validation errors (see ``redact``).
"""

from __future__ import annotations

import functools
from types import UnionType
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, ValidationError, model_validator
from pydantic._internal._model_construction import ModelMetaclass
from pydantic_core import PydanticCustomError, SchemaSerializer, SchemaValidator, core_schema
from typing_extensions import Self

from . import metadata, signature
from .lenient import STRUCTURE, lenient_schema, request_only
from .newer import explained
from .redact import redacted_error


def wire(name: str) -> Any:
    """The field of a member whose wire name is ``name``.

    Input is accepted by attribute or wire name; ``to_wire()`` dumps by wire name. Generated
    code puts it in ``Annotated`` metadata, out of type checkers' way.
    """
    return Field(validation_alias=name, serialization_alias=name)


class ShapeMeta(ModelMetaclass):
    """pydantic's metaclass, unchanged at run time.

    mypy applies ``dataclass_transform`` only through the metaclass that carries the
    decorator itself, so for mypy a model of ours is a plain ``BaseModel`` subclass whose
    ``__init__`` and read-only fields its stub declares (``models/__init__.pyi``): the same
    constructor and fields, without the transform's cost for 1,660 classes. pyright still
    applies the transform (lazily, per class used), and the explicit ``__init__`` wins there
    as PEP 681 says. See docs/design.md, "Type-time view".
    """


class Shape(BaseModel, frozen=True, metaclass=ShapeMeta):
    """A structure of the SageMaker service model."""

    model_config = ConfigDict(
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        # Errors name members by attribute, whichever name the input used.
        loc_by_alias=False,
        protected_namespaces=(),
        defer_build=True,
        revalidate_instances="always",
        # Blobs in JSON as the service's JSON carries them: base64, so binary ones survive a
        # response's JSON round trip (pydantic's default, UTF-8, cannot write them at all).
        ser_json_bytes="base64",
        val_json_bytes="base64",
    )

    __sensitive__: ClassVar[frozenset[str]] = frozenset()
    """Names of the members whose values are never shown."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        signature.install(cls)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        signature.install(cls)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise explained(error, _hides_input(type(self))) from None

    # pydantic then validates a nested model without calling this: errors are explained once, at the top.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate ``obj`` (a dict by attribute or wire names, or a model); see pydantic."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as error:
            raise explained(error, _hides_input(cls)) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate a JSON document; see pydantic."""
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as error:
            raise explained(error, _hides_input(cls), "json") from None

    # What a person sees (repr, str, rich; IPython's pretty printer): see ``display``, imported
    # the first time something is displayed.
    def __repr_args__(self) -> Any:
        from . import display

        return display.members(self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        from . import display

        display.pretty(self, p, cycle)

    def model_dump(self, **options: Any) -> dict[str, Any]:
        """The model as a dict; see pydantic. A stream (``StreamingBody``, a file) is dumped as
        it is, as boto3 takes and gives it: pydantic would make an iterator over it, which reads it."""
        dumped = super().model_dump(**options)
        streams = _streams(type(self))
        if streams and options.get("mode", "python") == "python":
            for attr, alias in streams:
                for key in (alias, attr):
                    if key in dumped:
                        dumped[key] = getattr(self, attr)
        return dumped

    def to_wire(self) -> dict[str, Any]:
        """The dict boto3 takes or returns for this structure: wire names, members that are set.

        A member set to None counts as not set: the service's JSON has no nulls.
        """
        return self.model_dump(by_alias=True, exclude_unset=True, exclude_none=True)


class OutputShape(Shape, frozen=True):
    """The output of an operation: never fails on what a growing API may send."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        models: set[type] = set()
        schema = lenient_schema(handler(source), handler.resolve_ref_schema, models)
        type.__setattr__(cls, "__lenient_models__", frozenset(models - {cls}))
        return schema

    @property
    def response_metadata(self) -> metadata.ResponseMetadata | None:
        """What boto3 returned beside this response's body: request id, HTTP status and
        headers, retry attempts (None for a model built in code). Not a member: never dumped."""
        return metadata.of(self)

    @classmethod
    def __pydantic_on_complete__(cls) -> None:
        super().__pydantic_on_complete__()
        # pydantic-core reuses the validators of nested models that were already built, and
        # those are the strict ones: then compile the lenient schema once more, on its own.
        # (Built is for good: a class built now may have been reused; one not built was not.)
        nested: frozenset[type] = cls.__dict__.get("__lenient_models__", frozenset())
        if not any(model.__dict__.get("__pydantic_complete__") for model in nested):
            return
        schema = cls.__pydantic_core_schema__
        cls.__pydantic_validator__ = SchemaValidator(schema, _use_prebuilt=False)
        cls.__pydantic_serializer__ = SchemaSerializer(schema, _use_prebuilt=False)


class UnionShape(Shape, frozen=True):
    """A union structure: exactly one member is set."""

    @model_validator(mode="after")
    @request_only(STRUCTURE)  # botocore checks union arity too
    def _exactly_one_member(self) -> UnionShape:
        fields = type(self).model_fields
        chosen = [
            str(field.validation_alias or name) for name, field in fields.items() if getattr(self, name) is not None
        ]
        if len(chosen) != 1:
            raise PydanticCustomError(
                "union_one_member",
                "exactly one member of {shape} must be set, got {count}: {members}",
                {"shape": type(self).__name__, "count": len(chosen), "members": ", ".join(chosen) or "none"},
            )
        return self


class RedactingShape(Shape, frozen=True):
    """A structure whose subtree holds sensitive values: its errors never echo them."""

    model_config = ConfigDict(hide_input_in_errors=True)

    __redact_keys__: ClassVar[frozenset[str]] = frozenset()
    """Member names, snake and wire, that lead to sensitive values anywhere below."""

    @model_validator(mode="wrap")
    @classmethod
    def _redact_errors(cls, value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError as error:
            raise redacted_error(error, cls.__redact_keys__) from None


def _hides_input(cls: type[BaseModel]) -> bool:
    return bool(cls.model_config.get("hide_input_in_errors"))


def wire_location(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """An error location (attribute names) in wire names, for input written with wire names."""
    out: list[str | int] = []
    current: Any = model
    for part in loc:
        current = _bare(current)
        fields = getattr(current, "model_fields", None) if isinstance(current, type) else None
        if isinstance(part, str) and fields is not None and part in fields:
            field = fields[part]
            out.append(str(field.validation_alias or part))
            current = field.annotation
            continue
        out.append(part)
        args = get_args(current)
        current = args[-1] if args else None  # the item of a list, the value of a map
    return tuple(out)


def _bare(annotation: Any) -> Any:
    """``Annotated[X, ...]`` and ``X | None`` -> ``X``."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (Union, UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


@functools.cache
def _streams(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, wire name) of the members of ``cls`` that hold a stream (``wiretypes.Streaming``)."""
    return tuple(
        (name, field.serialization_alias or name)
        for name, field in cls.model_fields.items()
        if any(getattr(m, "stream", False) for m in field.metadata) or _holds_stream(field.annotation)
    )


def _holds_stream(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        return any(getattr(m, "stream", False) for m in annotation.__metadata__)
    if get_origin(annotation) in (Union, UnionType):
        return any(_holds_stream(arg) for arg in get_args(annotation))
    return False
