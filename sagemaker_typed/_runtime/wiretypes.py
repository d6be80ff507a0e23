"""The Python values a request takes for each wire type: botocore's, no more and no fewer.

botocore's ``ParamValidator`` and serializers decide what boto3 takes; a request model takes
the same values, so that code written for boto3 works unchanged and nothing is converted
without a word. The generated code declares every scalar, list and map shape with one of
these types; type checkers see the plain Python type (``int``, ``datetime``, ``list[X]``...).

=========  ===============================================  ======================================
wire type  taken                                            held by the model
=========  ===============================================  ======================================
integer,   ``int`` (not ``bool``: see below; not ``str``,   the ``int``
long       not ``float``, not ``Decimal``)
float,     ``float``, ``int``, ``Decimal`` (not ``bool``,   a ``float`` (botocore's JSON
double     not ``str``)                                     serializer converts ``Decimal`` too)
boolean    ``bool``                                         the ``bool``
string     ``str`` (not ``bytes``)                          the ``str``
timestamp  what botocore's ``parse_to_aware_datetime``      an aware ``datetime`` in UTC: what
           takes: ``datetime`` (naive is UTC), epoch        botocore sends
           numbers, strings dateutil parses (also
           anything ``float()`` takes: ``Decimal``,
           ``bool``, ``b"1700000000"``); not ``date``
blob       ``bytes``, ``bytearray``, ``str``, a binary      ``bytes`` (a ``str`` as UTF-8, a file
           file object                                      read, as botocore sends it)
list       ``list``, ``tuple``                              a ``list``
map        ``dict`` (and its subclasses)                    a ``dict``
structure  ``dict`` or the model                            the model
=========  ===============================================  ======================================

Written-down deviations from botocore (asserted as such by ``tests/test_wiretypes.py``):

- ``bool`` for an integer or a number: botocore takes it (``bool`` is an ``int``) and sends
  JSON ``true`` where the service expects a number; rejected here, as the mistake it is.
- ``None`` for any member: botocore rejects it; here it means "not given" (the service's
  JSON has no nulls), so it is left out.
- A model instance for a structure: the point of this SDK. Members may be named by
  attribute (``instance_type``) as well as by wire name (``InstanceType``).
- A binary file object for a blob is read when the request is validated; botocore's JSON
  serializer cannot take one (it base64-encodes bytes and strings only), though its
  validator does.

Kept from pydantic though botocore has no such thing: nothing. (A ``dict`` subclass is a
``dict`` to both; pydantic's lax list would take sets and generators and its lax ``str``
bytes: both are turned off.)

Responses are never held to these: their schemas drop the strict types (see ``lenient``)
and take whatever botocore's parser gives.
"""

from __future__ import annotations

import datetime
from typing import IO, Annotated, Any, TypeAlias, TypeVar, Union

import pydantic
from botocore.response import StreamingBody
from pydantic import GetCoreSchemaHandler, Strict
from pydantic_core import PydanticKnownError, core_schema

from .lenient import STRUCTURE, request_only

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def _timestamp(value: Any) -> datetime.datetime:
    """The timestamp botocore would send for ``value``, or the error botocore's validator reports."""
    from botocore.utils import parse_to_aware_datetime  # botocore's own parser: the same verdicts

    try:
        parsed: datetime.datetime = parse_to_aware_datetime(value).astimezone(datetime.timezone.utc)
    except (TypeError, ValueError, AttributeError, OverflowError, OSError, RuntimeError) as error:
        if isinstance(value, str):
            raise PydanticKnownError("datetime_parsing", {"error": str(error) or type(error).__name__}) from None
        raise PydanticKnownError("datetime_type") from None
    return parsed


def _blob(value: Any) -> bytes:
    """The bytes botocore would send for ``value``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    read = getattr(value, "read", None)
    if callable(read):
        content = read()
        return content.encode("utf-8") if isinstance(content, str) else bytes(content)
    raise PydanticKnownError("bytes_type")


def _streaming(value: Any) -> Any:
    """A streaming payload as botocore takes it: bytes, a string, or a binary file (not read here)."""
    if isinstance(value, (bytes, bytearray, str)) or callable(getattr(value, "read", None)):
        return value
    raise PydanticKnownError("bytes_type")


class _AsIs:
    """Any object, untouched: a stream is read by whoever holds it, not by validation.

    Dumped as it is too (by ``Shape.model_dump``): pydantic would dump a ``StreamingBody`` or
    a file (iterators) as a ``SerializationIterator`` over their lines, which reads them.
    """

    __slots__ = ()
    stream = True
    """Marks the member as a stream: ``Shape.model_dump`` gives it back as it is."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.any_schema()


def _list(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return value
    raise PydanticKnownError("list_type")


class _Before:
    """A request-only conversion in front of the type's own schema (dropped in responses)."""

    __slots__ = ("function",)

    def __init__(self, function: Any) -> None:
        self.function = request_only(STRUCTURE)(function)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.function, handler(source))


Integer: TypeAlias = Annotated[int, Strict()]
"""integer and long."""
Float: TypeAlias = Annotated[float, Strict()]
"""float and double (pydantic's strict float takes ``int`` and ``Decimal``, as botocore does)."""
Boolean: TypeAlias = Annotated[bool, Strict()]
String: TypeAlias = Annotated[str, Strict()]
"""A string without rules (``constraints.Str`` is the one with rules, strict as well)."""
Timestamp: TypeAlias = Annotated[datetime.datetime, _Before(_timestamp)]
Blob: TypeAlias = Annotated[bytes, _Before(_blob)]
List: TypeAlias = Annotated[list[T], _Before(_list)]
Map: TypeAlias = Annotated[dict[K, V], Strict()]
Streaming: TypeAlias = Annotated[Union[bytes, bytearray, str, IO[bytes], StreamingBody], _AsIs(), _Before(_streaming)]  # noqa: UP007
"""A streaming blob: a request takes bytes, a string or a binary file (streamed by botocore,
never read here); a response holds botocore's ``StreamingBody``, unread."""
StreamingOutput: TypeAlias = Annotated[StreamingBody, _AsIs()]
"""A streaming blob in a response: botocore's ``StreamingBody``, unread (``.read()``,
``.iter_lines()``, ``.iter_chunks()``, ``.close()``). The async client's results hold
aiobotocore's ``StreamingBody`` there, whose ``read()`` is awaited; type checkers see botocore's."""
JsonValue: TypeAlias = pydantic.JsonValue
"""A document, or a header that carries JSON: any JSON value as Python values, as boto3 takes them."""
