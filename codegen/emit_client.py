"""Emit the typed client surface: SageMakerClient, its paginators and waiters, errors and meta."""

from __future__ import annotations

from . import ir
from .docs import WIDTH, args_section, docstring, summary
from .emit_shapes import header

PACKAGE_VERSION = "0.1.0"

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
    if isinstance(target, ir.Scalar) and target.kind == "bool":
        return "True or False."
    kind = {"int": "integer", "float": "number", "datetime": "timestamp"}.get(getattr(target, "kind", ""), "")
    kind = kind or ("structure" if isinstance(target, ir.Structure) else "string")
    article = "An" if target.name[0] in "AEIOU" else "A"
    return f"{article} ``{target.name}`` {kind}."


def _args(members: list[ir.Member], shapes: dict[str, ir.Shape], extra: list[tuple[str, str]] = []) -> str:  # noqa: B006
    entries = [(m.attr, _describe(m, shapes)) for m in members]
    return args_section(entries + extra, _DOC_WIDTH)


def overloads(
    method: str, request: str, members: list[ir.Member], returns: str, extra: list[str], overload: str = "_t.overload"
) -> str:
    """A method's two overloads: the request object, or keywords (required ones without a default).

    The client module and its stub (``emit_stubs``) both declare exactly these; ``overload``
    is how the module names ``typing.overload``.
    """
    required = [f"{m.attr}: {m.target}" for m in members if m.required]
    optional = [f"{m.attr}: {m.target} | None = None" for m in members if not m.required]
    by_object = ", ".join(["self", f"request: {request}", "/", *(["*", *extra] if extra else [])])
    by_keyword = ", ".join(["self", *(["*", *required, *optional, *extra] if members or extra else [])])
    return (
        f"    @{overload}\n    def {method}({by_object}) -> {returns}: ...\n"
        f"    @{overload}\n    def {method}({by_keyword}) -> {returns}: ...\n"
    )


def _signatures(
    method: str, request: str, members: list[ir.Member], returns: str, extra: list[str], body: str, doc: str
) -> str:
    """A method's two overloads (request object; keywords) and its implementation.

    The implementation spells out every keyword too, so that ``inspect.signature``, IPython
    and jedi show them: a required member's default is ``_calls.REQUIRED``, which
    ``inspect`` reads as "no default", and the body hands ``locals()`` to the runtime.
    """
    optional = [f"{m.attr}: {m.target} | None = None" for m in members if not m.required]
    marked = [f"{m.attr}: {m.target} = _calls.REQUIRED" for m in members if m.required]
    keywords = [*marked, *optional, *extra]
    # ``request`` is not positional-only in the implementation: both checkers then accept
    # it as the union of the two overloads.
    implementation = ", ".join(["self", f"request: {request} | None = None", *(["*", *keywords] if keywords else [])])
    return overloads(method, request, members, returns, extra) + (
        f"    def {method}({implementation}) -> {returns}:\n        {docstring(doc, '        ')}\n        {body}\n"
    )


def client_module(service: ir.Service) -> str:
    shapes = service.shapes
    used: set[str] = set()
    constants, methods, pages, waits = [], [], [], []

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
            f"{const}: _calls.Operation[{output}] = _calls.Operation({op.name!r}, {op.method!r}, {op.input!r}, "
            f"{op.output!r})"
        )
        members = _members(structure(op.input))
        doc = "\n\n".join(p for p in (op.doc or op.name, _args(members, shapes)) if p)
        if op.deprecated:
            doc = "Deprecated.\n\n" + doc
        methods.append(
            _signatures(op.method, op.input, members, output, [], f"return self._call({const}, request, locals())", doc)
        )
    for pager in service.paginators:
        op = operations[pager.operation]
        assert op.output is not None
        used.add(pager.item_type)
        const = "_PAGES_" + op.method.upper()
        returns = f"_paginate.Paginator[{op.output}, {pager.item_type}]"
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
        pages.append(
            _signatures(
                pager.method,
                op.input,
                members,
                returns,
                [],
                f"return _paginate.paginate(self._client, {const}, request, locals())",
                doc,
            )
        )
    for waiter in service.waiters:
        op = operations[waiter.operation]
        assert op.output is not None
        const = "_WAIT_" + waiter.method.upper()
        constants.append(
            f"{const}: _wait.WaiterSpec[{op.output}] = _wait.WaiterSpec({waiter.name!r}, _{op.method.upper()}, "
            f"{waiter.config!r})"
        )
        extra = [
            "delay: float | None = None",
            "max_attempts: int | None = None",
            f"callback: _abc.Callable[[{op.output} | None], object] | None = None",
        ]
        run = "until_gone" if waiter.success_on_error else "until"
        returns = "None" if waiter.success_on_error else op.output
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
        waits.append(
            _signatures(
                waiter.method,
                op.input,
                members,
                returns,
                extra,
                f"return _wait.{run}(self._client, {const}, request, locals(), delay=delay, "
                "max_attempts=max_attempts, callback=callback)",
                doc,
            )
        )
    imports = "\n".join(f"    from sagemaker_typed.models import {n}" for n in sorted(used))
    return f'''{header(service)}
"""The typed SageMaker client: one method per operation, typed paginators and waiters."""

from __future__ import annotations

import functools as _functools
import typing as _t

from sagemaker_typed._runtime import calls as _calls
from sagemaker_typed._runtime import paginate as _paginate
from sagemaker_typed._runtime import wait as _wait

if _t.TYPE_CHECKING:
    import collections.abc as _abc

{imports}

{chr(10).join(constants)}


class SageMakerClient(_calls.BaseClient):
    """Amazon SageMaker, typed: every call takes and returns models of ``sagemaker_typed.models``.

    ``SageMakerClient()`` makes a boto3 client from the default session;
    ``SageMakerClient(boto3.client("sagemaker", ...))`` wraps one you made. Invalid input raises
    ``pydantic.ValidationError`` before anything is sent; service errors raise subclasses of
    ``errors.SageMakerError`` (still ``botocore.exceptions.ClientError``).
    """

    @_functools.cached_property
    def paginate(self) -> Paginators:
        """Typed paginators: ``sm.paginate.list_training_jobs(...)``."""
        return Paginators(self)

    @_functools.cached_property
    def wait(self) -> Waiters:
        """Typed waiters: ``sm.wait.endpoint_in_service(...)``."""
        return Waiters(self)

{chr(10).join(methods)}

class Paginators:
    """``sm.paginate``: one method per paginator of the service model."""

    def __init__(self, client: SageMakerClient) -> None:
        self._client = client

{chr(10).join(pages)}

class Waiters:
    """``sm.wait``: one method per waiter of the service model."""

    def __init__(self, client: SageMakerClient) -> None:
        self._client = client

{chr(10).join(waits)}'''


def errors_module(service: ir.Service) -> str:
    modeled = sorted(
        (s for s in service.shapes.values() if isinstance(s, ir.Structure) and s.exception), key=lambda s: s.name
    )
    classes = [(s.name, s.doc or f"The {s.name} error.") for s in modeled] + list(COMMON_ERRORS)
    body = "\n\n".join(
        f"class {name}(SageMakerError):\n    {docstring(doc, '    ')}\n\n    code = {name!r}\n"
        for name, doc in sorted(classes)
    )
    return f'''{header(service)}
"""Typed SageMaker errors.

Every ``botocore.exceptions.ClientError`` raised by a ``SageMakerClient`` call is re-raised as
the ``SageMakerError`` subclass of its error code (or ``SageMakerError`` itself for a code
without a class), still an instance of ``ClientError``.
"""

from sagemaker_typed._runtime.errors import SageMakerError as SageMakerError
from sagemaker_typed._runtime.errors import UnsupportedOperationError as UnsupportedOperationError
from sagemaker_typed._runtime.errors import WaiterError as WaiterError


{body}'''


def meta_module(service: ir.Service) -> str:
    p = service.provenance
    return f'''{header(service)}
"""Which service model this package was generated from."""

BOTOCORE_VERSION = {p.botocore_version!r}
__version__ = "{PACKAGE_VERSION}+botocore.{p.botocore_version}"
BOTOCORE_MODEL = {{
    "service": {p.service!r},
    "api_version": {p.api_version!r},
    "botocore_version": {p.botocore_version!r},
    "sha256": {dict(p.sha256)!r},
    "operations": {len(service.operations)},
    "shapes": {len(service.shapes)},
}}
'''
