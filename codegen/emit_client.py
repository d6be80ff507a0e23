"""Emit the typed client surface: SageMakerClient, its paginators and waiters, errors and meta."""

from __future__ import annotations

from . import ir
from .docs import docstring, summary
from .emit_shapes import header

# Error codes the service returns without modelling them: (code, documentation).
COMMON_ERRORS = (
    ("AccessDeniedException", "You do not have sufficient access to perform this action."),
    ("InternalFailure", "The request failed because of an unknown error, exception or failure."),
    ("ServiceUnavailable", "The request failed because of a temporary failure of the server."),
    ("ThrottlingException", "The request was denied due to request throttling."),
    ("ValidationException", "The input fails to satisfy the constraints specified by the service."),
)


# Names the generated methods use for themselves; a member with one of them needs a rule.
_METHOD_NAMES = frozenset({"self", "request", "params", "delay", "max_attempts", "callback"})


def _params(shape: ir.Structure) -> list[str]:
    """Keyword parameters for a request structure: required ones first, without defaults."""
    clash = sorted(_METHOD_NAMES & {m.attr for m in shape.members})
    if clash:
        raise ValueError(f"{shape.name} has members named {clash}, which the client methods use: add a naming rule")
    required = [f"{m.attr}: {m.target}" for m in shape.members if m.required]
    optional = [f"{m.attr}: {m.target} | None = None" for m in shape.members if not m.required]
    return required + optional


def _args_doc(shape: ir.Structure) -> str:
    lines = [f"    {m.attr}: {summary(m.doc) or m.wire}" for m in shape.members]
    return "Args:\n" + "\n".join(lines) if lines else ""


def _signatures(
    method: str, request: str, params: list[str], returns: str, extra: list[str], body: str, doc: str
) -> str:
    """A method's two overloads (request object; keywords) and its one-line implementation."""
    tail = [*extra]
    by_object = ", ".join(["self", f"request: {request}", "/", *(["*", *tail] if tail else [])])
    by_keyword = ", ".join(["self", *(["*", *params, *tail] if params or tail else [])])
    # The implementation's ``request`` is not positional-only: both checkers then accept it
    # as the union of the two overloads.
    implementation = ", ".join(
        ["self", f"request: {request} | None = None", *(["*", *tail] if tail else []), "**params: _t.Any"]
    )
    return (
        f"    @_t.overload\n    def {method}({by_object}) -> {returns}: ...\n"
        f"    @_t.overload\n    def {method}({by_keyword}) -> {returns}: ...\n"
        f"    def {method}({implementation}) -> {returns}:\n"
        f"        {docstring(doc, '        ')}\n"
        f"        {body}\n"
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
        request = structure(op.input)
        doc = "\n\n".join(p for p in (op.doc or op.name, _args_doc(request)) if p)
        if op.deprecated:
            doc = "Deprecated.\n\n" + doc
        methods.append(
            _signatures(
                op.method, op.input, _params(request), output, [], f"return self._call({const}, request, params)", doc
            )
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
        doc = (
            f"Iterate over every {pager.item_type} of {op.name} (its ``{pager.result_key}``), page after page.\n\n"
            f"``.pages()`` yields each typed {op.output} instead. The request is validated before anything "
            f"is sent; set the page size with the operation's ``{pager.limit_key}`` parameter.\n\n"
            f"{_args_doc(structure(op.input))}"
            if pager.limit_key
            else f"Iterate over every {pager.item_type} of {op.name}; ``.pages()`` yields each {op.output}."
        )
        pages.append(
            _signatures(
                pager.method,
                op.input,
                _params(structure(op.input)),
                returns,
                [],
                f"return _paginate.paginate(self._client, {const}, request, params)",
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
        doc = (
            f"Poll {op.name} every {waiter.delay} s (at most {waiter.max_attempts} times) until {waiter.name}.\n\n"
            + (
                "Returns None once the resource is gone. "
                if waiter.success_on_error
                else f"Returns the final typed {op.output}. "
            )
            + "``callback`` receives each typed response as it polls (None after a matched error); "
            "``delay`` and ``max_attempts`` override the service model's. A failure state raises "
            "``errors.WaiterError`` carrying the last response."
        )
        waits.append(
            _signatures(
                waiter.method,
                op.input,
                _params(structure(op.input)),
                returns,
                extra,
                f"return _wait.{run}(self._client, {const}, request, params, delay=delay, "
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
__version__ = {p.package_version!r}
BOTOCORE_MODEL = {{
    "service": {p.service!r},
    "api_version": {p.api_version!r},
    "botocore_version": {p.botocore_version!r},
    "sha256": {dict(p.sha256)!r},
    "operations": {len(service.operations)},
    "shapes": {len(service.shapes)},
}}
'''
