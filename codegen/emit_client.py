"""Emit each service's typed client surface: its client, paginators and waiters, errors, package and meta."""

from __future__ import annotations

import attrs

from . import ir
from .docs import WIDTH, args_section, docstring, summary
from .emit_shapes import HEADER, header

ASYNC_PREFIX = "Async"
"""The async client's class name, and its paginators' and waiters', is the sync one's with this prefix."""

# Error codes the service returns without modelling them: (code, documentation).
COMMON_ERRORS = (
    ("AccessDeniedException", "You do not have sufficient access to perform this action."),
    ("InternalFailure", "The request failed because of an unknown error, exception or failure."),
    ("ServiceUnavailable", "The request failed because of a temporary failure of the server."),
    ("ThrottlingException", "The request was denied due to request throttling."),
    ("ValidationException", "The input fails to satisfy the constraints specified by the service."),
)


# Names the generated methods use for themselves; a member with one of them needs a rule.
_METHOD_NAMES = frozenset({"self", "request", "delay", "max_attempts", "callback"})
_DOC_WIDTH = WIDTH - 8  # method docstrings stand at class-body + method-body indentation


def _members(shape: ir.Structure) -> list[ir.Member]:
    """A request structure's members as keyword parameters: required ones first."""
    clash = sorted(_METHOD_NAMES & {m.attr for m in shape.members})
    if clash:
        raise ValueError(f"{shape.name} has members named {clash}, which the client methods use: add a naming rule")
    return [m for m in shape.members if m.required] + [m for m in shape.members if not m.required]


def _describe(member: ir.Member, shapes: dict[str, ir.Shape]) -> str:
    """One ``Args:`` entry's text: the member's first sentence, else what the member takes."""
    target = shapes[member.target]
    text = summary(member.doc, limit=None) or summary(target.doc, limit=None)
    if text:
        return text
    if isinstance(target, ir.Enum):
        return f"One of the ``{target.name}`` values."
    if isinstance(target, ir.List):
        return f"A list of ``{target.member}``."
    if isinstance(target, ir.Map):
        return f"A map of ``{target.key}`` to ``{target.value}``."
    if isinstance(target, ir.Scalar) and target.kind == "Boolean":
        return "True or False."
    if isinstance(target, ir.Scalar):
        kind = {"Float": "number"}.get(target.kind, target.kind.lower())
    else:
        kind = "structure" if isinstance(target, ir.Structure) else "string"
    article = "An" if target.name[0] in "AEIOU" else "A"
    return f"{article} ``{target.name}`` {kind}."


def _args(members: list[ir.Member], shapes: dict[str, ir.Shape], extra: list[tuple[str, str]] = []) -> str:  # noqa: B006
    entries = [(m.attr, _describe(m, shapes)) for m in members]
    return args_section(entries + extra, _DOC_WIDTH)


def overloads(
    method: str,
    request: str,
    members: list[ir.Member],
    returns: str,
    extra: list[str],
    overload: str = "_t.overload",
    define: str = "def",
) -> str:
    """A method's two overloads: the request object, or keywords (required ones without a default).

    Declared by the stubs (``emit_stubs``), which type checkers and editors read; ``overload``
    is how the stub names ``typing.overload``, ``define`` is ``def`` or ``async def``. The
    client modules declare only the implementation (see ``_signatures``).
    """
    required = [f"{m.attr}: {m.target}" for m in members if m.required]
    optional = [f"{m.attr}: {m.target} | None = None" for m in members if not m.required]
    by_object = ", ".join(["self", f"request: {request}", "/", *(["*", *extra] if extra else [])])
    by_keyword = ", ".join(["self", *(["*", *required, *optional, *extra] if members or extra else [])])
    return (
        f"    @{overload}\n    {define} {method}({by_object}) -> {returns}: ...\n"
        f"    @{overload}\n    {define} {method}({by_keyword}) -> {returns}: ...\n"
    )


def _signatures(
    method: str,
    request: str,
    members: list[ir.Member],
    returns: str,
    extra: list[str],
    body: str,
    doc: str,
    asynchronous: bool = False,
    overloaded: bool = False,
) -> str:
    """A method's implementation: the union of its two overloads (``overloads``), and (``overloaded``,
    for a service without stubs) the overloads themselves, which type checkers then read here.

    The implementation spells out every keyword, so that ``inspect.signature``, IPython
    and jedi show them: a required member's default is ``_calls.REQUIRED``, which
    ``inspect`` reads as "no default", and the body hands ``locals()`` to the runtime.
    ``asynchronous`` makes it ``async def`` (the body then awaits the runtime). The overloads
    are not repeated here: type checkers and editors read them from the stubs, and at run
    time they cost a third of the module's import (1,088 more functions in the sync client).
    """
    optional = [f"{m.attr}: {m.target} | None = None" for m in members if not m.required]
    marked = [f"{m.attr}: {m.target} = _calls.REQUIRED" for m in members if m.required]
    keywords = [*marked, *optional, *extra]
    implementation = ", ".join(["self", f"request: {request} | None = None", *(["*", *keywords] if keywords else [])])
    define = "async def" if asynchronous else "def"
    indent = "        "
    declared = overloads(method, request, members, returns, extra, define=define) if overloaded else ""
    return (
        f"{declared}    {define} {method}({implementation}) -> {returns}:\n"
        f"{indent}{docstring(doc, indent)}\n{indent}{body}\n"
    )


@attrs.frozen
class Method:
    """One generated method (an operation, a paginator or a waiter), for either client."""

    kind: str
    """``call``, ``pages``, ``until`` or ``until_gone``: which runtime helper the body hands to."""
    name: str
    request: str
    members: tuple[ir.Member, ...]
    output: str
    """The operation's output type (``None`` for an operation without output)."""
    item: str | None
    """A paginator's item type."""
    const: str
    """The constant of the generated sync module that the body names."""
    doc: str


@attrs.frozen
class Surface:
    """What both clients declare, from one walk over the service: shared by the sync and async modules."""

    constants: tuple[str, ...]
    calls: tuple[Method, ...]
    pages: tuple[Method, ...]
    waits: tuple[Method, ...]
    used: frozenset[str]
    """The model names the methods' annotations use."""


_WAIT_OPTIONS = ["delay: float | None = None", "max_attempts: int | None = None"]


def surface(service: ir.Service) -> Surface:
    shapes = service.shapes
    used: set[str] = set()
    constants: list[str] = []
    calls: list[Method] = []
    pages: list[Method] = []
    waits: list[Method] = []

    def structure(name: str) -> ir.Structure:
        shape = shapes[name]
        assert isinstance(shape, ir.Structure)
        used.add(name)
        used.update(m.target for m in shape.members)
        return shape

    operations = {op.name: op for op in service.operations}
    for op in service.operations:
        const = "_" + op.method.upper()
        output = op.output or "None"
        if op.output:
            used.add(op.output)
        constants.append(
            f"{const}: _calls.Operation[{output}] = _calls.Operation(_SERVICE, {op.name!r}, {op.method!r}, "
            f"{op.input!r}, {op.output!r})"
        )
        members = _members(structure(op.input))
        doc = "\n\n".join(p for p in (op.doc or op.name, _args(members, shapes)) if p)
        if op.deprecated:
            doc = "Deprecated.\n\n" + doc
        calls.append(Method("call", op.method, op.input, tuple(members), output, None, const, doc))
    for pager in service.paginators:
        op = operations[pager.operation]
        assert op.output is not None
        used.add(pager.item_type)
        const = "_PAGES_" + op.method.upper()
        constants.append(
            f"{const}: _paginate.PaginatorSpec[{op.output}, {pager.item_type}] = "
            f"_paginate.PaginatorSpec(_{op.method.upper()}, {pager.result_attr!r})"
        )
        members = _members(structure(op.input))
        limit = next((m.attr for m in members if m.wire == pager.limit_key), None)
        size = f" Set the page size with ``{limit}``." if limit else ""
        doc = (
            f"Iterate over every {pager.item_type} of {op.name} (its ``{pager.result_key}``), page after page.\n\n"
            f"``.pages()`` yields each typed {op.output} instead. The request is validated before anything "
            f"is sent.{size}\n\n{_args(members, shapes)}"
        ).strip()
        pages.append(Method("pages", pager.method, op.input, tuple(members), op.output, pager.item_type, const, doc))
    for waiter in service.waiters:
        op = operations[waiter.operation]
        assert op.output is not None
        const = "_WAIT_" + waiter.method.upper()
        constants.append(
            f"{const}: _wait.WaiterSpec[{op.output}] = _wait.WaiterSpec({waiter.name!r}, _{op.method.upper()}, "
            f"{waiter.config!r})"
        )
        members = _members(structure(op.input))
        options = [
            ("delay", f"Seconds between polls (default {waiter.delay})."),
            ("max_attempts", f"How many polls at most (default {waiter.max_attempts})."),
            ("callback", f"Called with each typed {op.output} as it comes (None after a matched error)."),
        ]
        doc = (
            f"Poll {op.name} every {waiter.delay} s (at most {waiter.max_attempts} times) until {waiter.name}.\n\n"
            + (
                "Returns None once the resource is gone. "
                if waiter.success_on_error
                else f"Returns the final typed {op.output}. "
            )
            + "A failure state, or no success after ``max_attempts`` polls, raises ``errors.WaiterError`` "
            "carrying the last response.\n\n" + _args(members, shapes, options)
        )
        kind = "until_gone" if waiter.success_on_error else "until"
        waits.append(Method(kind, waiter.method, op.input, tuple(members), op.output, None, const, doc))
    return Surface(tuple(constants), tuple(calls), tuple(pages), tuple(waits), frozenset(used))


def declared(method: Method, asynchronous: bool) -> tuple[str, list[str]]:
    """What a method returns, and its keywords beside the members (a waiter's options): the
    same for the client modules and the stub."""
    if method.kind == "call":
        return method.output, []
    if method.kind == "pages":
        runtime, paginator = ("_aio", "AsyncPaginator") if asynchronous else ("_paginate", "Paginator")
        return f"{runtime}.{paginator}[{method.output}, {method.item}]", []
    returns = "None" if method.kind == "until_gone" else method.output
    return returns, [*_WAIT_OPTIONS, f"callback: _abc.Callable[[{method.output} | None], object] | None = None"]


def stubbed(service: ir.Service) -> bool:
    """Whether type checkers read the service's types from stubs (``emit_stubs``): the control plane's.
    The family's small services declare their overloads in the client modules themselves."""
    return not service.package.module


def _render(method: Method, asynchronous: bool, overloaded: bool) -> str:
    """A method of the sync client (its own module's constants; runtime ``calls``, ``paginate``, ``wait``)
    or of the async one (the sync module's constants through ``_sync``; runtime ``aio``)."""
    const = f"_sync.{method.const}" if asynchronous else method.const
    runtime = "_aio" if asynchronous else {"pages": "_paginate"}.get(method.kind, "_wait")
    awaits = asynchronous and method.kind != "pages"  # a paginator is made at once, iterated later
    awaited = "await " if awaits else ""
    returns, extra = declared(method, asynchronous)
    if method.kind == "call":
        body = f"return {awaited}self._call({const}, request, locals())"
    elif method.kind == "pages":
        body = f"return {runtime}.paginate(self._client, {const}, request, locals())"
    else:
        body = (
            f"return {awaited}{runtime}.{method.kind}(self._client, {const}, request, locals(), delay=delay, "
            "max_attempts=max_attempts, callback=callback)"
        )
    members = list(method.members)
    return _signatures(method.name, method.request, members, returns, extra, body, method.doc, awaits, overloaded)


def _imports(service: ir.Service, names: frozenset[str]) -> str:
    return "\n".join(f"    from {service.package.dotted}.models import {n}" for n in sorted(names))


def client_module(service: ir.Service) -> str:
    package = service.package
    api = surface(service)
    overloaded = not stubbed(service)
    methods, pages, waits = ([_render(m, False, overloaded) for m in g] for g in (api.calls, api.pages, api.waits))
    client = package.client
    example = next((p.method for p in service.paginators), "")
    waiter = next((w.method for w in service.waiters), "")
    return f'''{header(service)}
"""The typed {package.title} client: one method per operation, typed paginators and waiters."""

from __future__ import annotations

import functools as _functools
import typing as _t

from sagemaker_typed._runtime import calls as _calls
from sagemaker_typed._runtime import paginate as _paginate
from sagemaker_typed._runtime import wait as _wait
from {package.dotted}.errors import {package.error} as _ServiceError

if _t.TYPE_CHECKING:
    import collections.abc as _abc

{_imports(service, api.used)}

_SERVICE = _calls.Service({package.service!r}, "{package.dotted}.models", _ServiceError)
{chr(10).join(api.constants)}


class {client}(_calls.BaseClient):
    """Amazon {package.title}, typed: every call takes and returns models of ``{package.dotted}.models``.

    ``{client}()`` makes a boto3 client from the default session (``region_name``,
    ``endpoint_url``, ``config``, ``session`` ... as ``boto3.client`` takes them);
    ``{client}(boto3.client("{package.service}", ...))`` wraps one you made. Invalid input
    raises ``pydantic.ValidationError`` before anything is sent; service errors raise
    subclasses of ``errors.{package.error}`` (still ``botocore.exceptions.ClientError``).
    """

    _service = _SERVICE.name

    @_functools.cached_property
    def paginate(self) -> Paginators:
        """Typed paginators{f": ``client.paginate.{example}(...)``" if example else " (this service has none)"}."""
        return Paginators(self)

    @_functools.cached_property
    def wait(self) -> Waiters:
        """Typed waiters{f": ``client.wait.{waiter}(...)``" if waiter else " (this service has none)"}."""
        return Waiters(self)

{chr(10).join(methods)}

class Paginators:
    """``client.paginate``: one method per paginator of the service model."""

    def __init__(self, client: {client}) -> None:
        self._client = client

{chr(10).join(pages)}

class Waiters:
    """``client.wait``: one method per waiter of the service model."""

    def __init__(self, client: {client}) -> None:
        self._client = client

{chr(10).join(waits)}'''


def async_client_module(service: ir.Service) -> str:
    """The async twin of ``client_module``: the same methods, overloads and runtime signatures,
    awaited, over the runtime's ``aio``; the operation, paginator and waiter constants are the
    sync module's, never declared twice."""
    package = service.package
    api = surface(service)
    sync = package.client
    name = ASYNC_PREFIX + sync
    overloaded = not stubbed(service)
    methods, pages, waits = ([_render(m, True, overloaded) for m in g] for g in (api.calls, api.pages, api.waits))
    return f'''{header(service)}
"""The typed {package.title} client for asyncio, over aiobotocore: the methods of ``client.{sync}``, awaited.

Needs the ``async`` extra (aiobotocore); importing this module does not import aiobotocore.
"""

from __future__ import annotations

import functools as _functools
import typing as _t

from {package.dotted} import client as _sync
from sagemaker_typed._runtime import aio as _aio
from sagemaker_typed._runtime import calls as _calls

if _t.TYPE_CHECKING:
    import collections.abc as _abc

{_imports(service, api.used)}


class {name}(_aio.AsyncBaseClient):
    """The methods of ``{sync}`` as coroutines, over an aiobotocore client.

    ``{name}()`` makes an aiobotocore client from ``aiobotocore.session.get_session()``
    (or ``session=``) with ``create_client``'s arguments, opened by ``async with`` or the first
    call and closed by ``close()``; ``{name}(client)`` wraps an aiobotocore client you made.
    The same validation before anything is sent, the same typed results and typed errors as
    ``{sync}``.
    """

    _service = _sync._SERVICE.name

    @_functools.cached_property
    def paginate(self) -> {ASYNC_PREFIX}Paginators:
        """Typed paginators, iterated with ``async for`` (items) or ``async for`` over ``.pages()``."""
        return {ASYNC_PREFIX}Paginators(self)

    @_functools.cached_property
    def wait(self) -> {ASYNC_PREFIX}Waiters:
        """Typed waiters, awaited; a callback may be a function or a coroutine function."""
        return {ASYNC_PREFIX}Waiters(self)

{chr(10).join(methods)}

class {ASYNC_PREFIX}Paginators:
    """``client.paginate``: one method per paginator of the service model; ``async for`` what it returns."""

    def __init__(self, client: {name}) -> None:
        self._client = client

{chr(10).join(pages)}

class {ASYNC_PREFIX}Waiters:
    """``client.wait``: one coroutine per waiter of the service model.

    A ``callback`` may be a plain function or a coroutine function (its result is awaited).
    """

    def __init__(self, client: {name}) -> None:
        self._client = client

{chr(10).join(waits)}'''


def errors_module(service: ir.Service) -> str:
    package = service.package
    modeled = sorted(
        (s for s in service.shapes.values() if isinstance(s, ir.Structure) and s.exception), key=lambda s: s.name
    )
    names = {s.name for s in modeled}
    classes = [(s.name, s.doc or f"The {s.name} error.") for s in modeled]
    classes += [(name, doc) for name, doc in COMMON_ERRORS if name not in names]
    base = package.error
    body = "\n\n".join(
        f"class {name}({base}):\n    {docstring(doc, '    ')}\n\n    code = {name!r}\n" for name, doc in sorted(classes)
    )
    if package.module:  # the control plane's base is the family's: SageMakerError itself
        body = (
            f"class {base}(SageMakerError):\n"
            f'    """An error response from {package.title}: the base of this module\'s classes."""\n\n\n{body}'
        )
    return f'''{header(service)}
"""Typed {package.title} errors.

Every ``botocore.exceptions.ClientError`` raised by a ``{package.client}`` call is re-raised as
the ``{base}`` subclass of its error code (or ``{base}`` itself for a code without a class),
still an instance of ``ClientError``. A resource's wait raises the ``ResourceError`` subclasses
(``FailedStatusError``, ``WaitTimeoutError``, ``ResourceDeletedError``).
"""

from sagemaker_typed._runtime.errors import FailedStatusError as FailedStatusError
from sagemaker_typed._runtime.errors import ResourceDeletedError as ResourceDeletedError
from sagemaker_typed._runtime.errors import ResourceError as ResourceError
from sagemaker_typed._runtime.errors import SageMakerError as SageMakerError
from sagemaker_typed._runtime.errors import UnsupportedOperationError as UnsupportedOperationError
from sagemaker_typed._runtime.errors import WaitTimeoutError as WaitTimeoutError
from sagemaker_typed._runtime.errors import WaiterError as WaiterError


{body}'''


def package_module(service: ir.Service) -> str:
    """A service's subpackage: its client, ``models`` and ``errors``, imported on first use."""
    package = service.package
    return f'''{header(service)}
"""{package.title}, typed: ``{package.client}``, ``{ASYNC_PREFIX}{package.client}``, ``models``, ``errors``.

>>> from {package.dotted} import {package.client}, errors, models

Importing this package is cheap: the client, the models and the errors load on first use.
"""

import typing as _t

from sagemaker_typed._meta import MODELS as _MODELS
from sagemaker_typed._runtime.lazy import lazy_exports as _lazy_exports

if _t.TYPE_CHECKING:
    from . import errors as errors
    from . import models as models
    from .async_client import {ASYNC_PREFIX}{package.client} as {ASYNC_PREFIX}{package.client}
    from .client import {package.client} as {package.client}

__botocore_model__ = _MODELS[{package.service!r}]
"""Which service model this package was generated from."""

_MODULES = {{
    "{ASYNC_PREFIX}{package.client}": "async_client",
    "{package.client}": "client",
    "errors": "errors",
    "models": "models",
}}
__all__ = ["{ASYNC_PREFIX}{package.client}", "{package.client}", "__botocore_model__", "errors", "models"]

# Out of type checkers' sight: for them a misspelt name is an error, not Any.
if not _t.TYPE_CHECKING:
    __getattr__, __dir__ = _lazy_exports(__name__, _MODULES, globals())
'''


def _model_provenance(service: ir.Service) -> str:
    """The dict literal that tells which service model a package was generated from."""
    p = service.provenance
    return f"""{{
    "service": {p.service!r},
    "api_version": {p.api_version!r},
    "botocore_version": {p.botocore_version!r},
    "sha256": {dict(p.sha256)!r},
    "operations": {len(service.operations)},
    "shapes": {len(service.shapes)},
}}"""


def meta_module(services: list[ir.Service]) -> str:
    """The one generated module that names versions: what a model update changes besides the shapes."""
    (root,) = (s for s in services if not s.package.module)
    p = root.provenance
    family = {s.package.service: s.package.dotted for s in services}
    models = ",\n".join(f"    {s.package.service!r}: {_model_provenance(s)}" for s in services)
    return f'''{HEADER.format(source="specs/")}
"""Which service models this package was generated from: the only generated module that names versions."""

BOTOCORE_VERSION = {p.botocore_version!r}
__version__ = {p.package_version!r}
MODELS = {{
{models},
}}
"""Each service's model, its package's ``__botocore_model__``: API and botocore versions, hashes, counts."""
BOTOCORE_MODEL = MODELS[{p.service!r}]
SERVICES = {family!r}
"""Each botocore service of the SageMaker family, and the package that types it."""
'''
