"""Emit the reference site's page sources (reST for Sphinx) from the IR: no import of the package.

One page per operation (boto3's layout, typed), one per shape (model, enum or named type), one
errors page and one index per service, the changelog and the getting-started page. Each kind of
page is one small function over IR objects that returns a :class:`Page`; :func:`site` lists them
all. A page is written with the helpers of this module (headings, paragraphs, code blocks,
definition entries, links), which know reST's escaping, so the page functions hold no markup rules.
See docs/design.md, "Reference site".
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs

from . import docs, emit_client, ir
from .resources import Catalog, catalog

AWS_REFERENCE = "https://docs.aws.amazon.com/goto/WebAPI/{uid}/{operation}"
"""boto3's "See also" link: AWS's API reference page of one operation."""

SOURCE_SUFFIX = ".md"
OPERATION_BOOST = 1000
"""How much more an operation's page weighs in Material's search than other pages: as much as a
title, so that words of its description find it above models whose names merely start the same
(``description of the specified algorithm``: ``describe_algorithm`` first, not ``AlgorithmStatusItem``)."""


@attrs.frozen
class Page:
    path: str
    """Where the page lives in the site, without suffix (``sagemaker/client/describe_algorithm``)."""
    text: str


# --- Markdown, written safely ---------------------------------------------------------------

_INLINE = re.compile(r"``(?P<literal>[^`]+?)``|(?P<url>https?://[^\s<>`]+[^\s<>`.,;:)\]'\"])")
_ESCAPE = re.compile(r"([\\`*_\[\]#{}!])")
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "&#124;"}
# A paragraph that starts like a list item, a heading, a quote or a code block would be read as one.
_LIST_START = re.compile(r"([-+*]|\d+[.)])(\s|$)")


def escape(text: str) -> str:
    """Plain text as Markdown inline text: markup characters escaped, HTML characters as entities."""
    text = _ESCAPE.sub(r"\\\1", text)
    return re.sub(r"[<>&|]", lambda m: _HTML[m[0]], text)


def literal(text: str) -> str:
    """Inline code (a value holding backquotes is fenced by more of them)."""
    if not text.strip():
        return escape(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inline(text: str) -> str:
    """Documentation text (``literals`` and bare URLs kept) as Markdown inline text."""
    out: list[str] = []
    at = 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[at : match.start()]))
        out.append(literal(match["literal"]) if match["literal"] is not None else f"<{match['url']}>")
        at = match.end()
    out.append(escape(text[at:]))
    return "".join(out)


def link(text: str, page: str, here: str, code: bool = False, anchor: str = "") -> str:
    """A link to another page of the site (or an anchor in it), relative to ``here``; MkDocs'
    strict build checks both."""
    target = posixpath.relpath(page + SOURCE_SUFFIX, posixpath.dirname(here))
    return f"[{literal(text) if code else escape(text)}]({target}{'#' + anchor if anchor else ''})"


def heading(text: str, level: int, anchor: str = "", searched: bool = True) -> str:
    """A heading; ``anchor`` gives it a stable id of our choosing. A section not ``searched`` is left
    out of the search index (Material's ``data-search-exclude``): the syntax blocks, whose every word
    is on the page elsewhere, would double the index."""
    attrs = " ".join([*([f"#{anchor}"] if anchor else []), *([] if searched else ["data-search-exclude"])])
    return "#" * (level + 1) + " " + escape(text) + (f" {{ {attrs} }}" if attrs else "")


def code_block(source: str, language: str = "python") -> str:
    return f"```{language}\n{source}\n```"


def indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line.strip() else "" for line in text.splitlines())


def entry(term: str, *blocks: str) -> str:
    """A definition entry: the term on its line, its blocks indented under it (``def_list``)."""
    body = "\n\n".join(b for b in blocks if b)
    return f"{term}\n:   {indent(body)[4:]}" if body else term


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def blocks(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def text_blocks(text: str) -> str:
    """Documentation text (as ``docs.html_to_text`` wraps it) as Markdown blocks.

    Each logical line (paragraph, list item, definition term) becomes a block of its own,
    separated by blank lines. Lists keep their nesting, re-indented by four spaces a level as
    Python-Markdown reads them; a paragraph that would read as a list item starts escaped.
    """
    out: list[str] = []
    columns: list[int] = []  # the content column of each enclosing list item
    for group in docs._groups(text.split("\n")):
        if not group[0].strip():
            continue
        space, marker = docs._prefix(group[0])
        words = " ".join(docs._group_words(group))
        while columns and columns[-1] > len(space):
            columns.pop()
        pad = "    " * len(columns)
        rendered = inline(words)
        if marker:
            columns.append(len(space) + len(marker))
            out.append(pad + ("1. " if marker[0].isdigit() else "- ") + rendered)
        else:
            if _LIST_START.match(rendered):
                rendered = "\\" + rendered if not rendered[0].isdigit() else re.sub(r"^(\d+)", r"\1\\", rendered)
            out.append(pad + rendered)
    return "\n\n".join(out)


# --- the family, as the site sees it --------------------------------------------------------


@attrs.frozen
class Site:
    """The services and the facts every page needs about them, computed once."""

    services: tuple[ir.Service, ...]
    used_by: dict[tuple[str, str], tuple[tuple[str, str], ...]]
    """(service, shape) -> the (method, "request"/"response") pairs whose input or output reach it."""
    catalogs: dict[str, Catalog]
    """Each service's resources (``codegen.resources``), by botocore name."""

    @classmethod
    def of(cls, services: Iterable[ir.Service]) -> Site:
        ordered = tuple(sorted(services, key=lambda s: (bool(s.package.module), s.package.service)))
        used: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for service in ordered:
            for op in service.operations:
                for side, root in (("request", op.input), ("response", op.output)):
                    for name in _reach(service, root):
                        used[(service.package.service, name)].add((op.method, side))
        family = {s.package.service: s for s in ordered}
        catalogs = {name: catalog(service, family) for name, service in family.items()}
        return cls(ordered, {key: tuple(sorted(v)) for key, v in used.items()}, catalogs)


def _reach(service: ir.Service, root: str | None) -> set[str]:
    seen: set[str] = set()
    stack = [root] if root else []
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = service.shapes[name]
        if isinstance(shape, ir.Structure):
            stack.extend(m.target for m in shape.members)
        elif isinstance(shape, ir.List):
            stack.append(shape.member)
        elif isinstance(shape, ir.Map):
            stack.extend((shape.key, shape.value))
    return seen


def svc(service: ir.Service) -> str:
    return service.package.service


def op_page(service: ir.Service, method: str) -> str:
    return f"{svc(service)}/client/{method}"


def shape_page(service: ir.Service, name: str) -> str:
    return f"{svc(service)}/models/{service.shapes[name].module}"


def resource_page(service: ir.Service, name: str) -> str:
    return f"{svc(service)}/resources/{name}"


def errors_page(service: ir.Service) -> str:
    return f"{svc(service)}/errors"


def _kind(shape: ir.Shape) -> str:
    if isinstance(shape, ir.Structure):
        return "error" if shape.exception else ("union" if shape.union else "model")
    if isinstance(shape, ir.Enum):
        return "enum"
    if isinstance(shape, ir.String):
        return "string"
    if isinstance(shape, ir.Scalar):
        return shape.kind.lower()
    return "list" if isinstance(shape, ir.List) else "map"


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _span(low: int | float | None, high: int | float | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"{low} to {high} {unit}".strip()
    if low is not None:
        return f"at least {low} {unit}".strip()
    return f"at most {high} {unit}".strip()


def rules(service: ir.Service, name: str, here: str, depth: int = 0) -> list[str]:
    """What the SDK checks of a value of this shape in a request, as inline reST phrases."""
    shape = service.shapes[name]
    out: list[str] = []
    if isinstance(shape, ir.String):
        if shape.min is not None or shape.max is not None:
            out.append("length " + _span(shape.min, shape.max, "UTF-16 code units"))
        if shape.java_pattern is not None:
            out.append("pattern " + literal(shape.java_pattern) + " (java.util.regex)")
        if shape.sensitive:
            out.append("sensitive: never shown in repr or errors")
    elif isinstance(shape, ir.Scalar):
        if (shape.min is not None or shape.max is not None) and shape.kind in ("Blob", "Streaming"):
            out.append("length " + _span(shape.min, shape.max, "bytes"))
        elif shape.min is not None or shape.max is not None:
            out.append("value " + _span(shape.min, shape.max, ""))
    elif isinstance(shape, ir.Enum):
        values = _count(len(shape.values), "value")
        out.append(f"one of {values} of " + link(shape.name, shape_page(service, name), here))
    elif isinstance(shape, (ir.List, ir.Map)):
        if shape.min is not None or shape.max is not None:
            unit = "items" if isinstance(shape, ir.List) else "entries"
            out.append(_span(shape.min, shape.max, unit))
        inner = [("each item", shape.member)] if isinstance(shape, ir.List) else [("each key", shape.key)]
        if isinstance(shape, ir.Map):
            inner.append(("each value", shape.value))
        if depth < 2:
            for what, target in inner:
                nested = rules(service, target, here, depth + 1)
                if nested:
                    out.append(f"{what}: " + "; ".join(nested))
    return out


def type_of(service: ir.Service, name: str, here: str) -> str:
    """The type as the signature names it, linked to its page, and what it is underneath."""
    shape = service.shapes[name]
    kind = _kind(shape)
    if isinstance(shape, ir.List):
        kind = "list of " + link(shape.member, shape_page(service, shape.member), here)
    elif isinstance(shape, ir.Map):
        kind = (
            "map of "
            + link(shape.key, shape_page(service, shape.key), here)
            + " to "
            + link(shape.value, shape_page(service, shape.value), here)
        )
    return f"{link(name, shape_page(service, name), here)} ({kind})"


# --- the request and the response, written out ----------------------------------------------

_SCALAR_EXAMPLE = {
    "Integer": "123",
    "Float": "123.0",
    "Boolean": "True | False",
    "Timestamp": "datetime(2015, 1, 1)",
    "Blob": "b'bytes'",
    "Streaming": "b'bytes'  # or a file object",
    "JsonValue": "{...}  # any JSON value",
}


def _value(service: ir.Service, name: str, level: int, seen: set[str], prefix: str, expanded: set[str]) -> str:
    """A value of the shape as Python source: models by constructor, enums by their values, nested."""
    shape = service.shapes[name]
    pad = "    " * (level + 1)
    if isinstance(shape, ir.Enum):
        return " | ".join(repr(v.value) for v in shape.values) or "'string'"
    if isinstance(shape, ir.String):
        return "'string'"
    if isinstance(shape, ir.Scalar):
        return _SCALAR_EXAMPLE[shape.kind]
    if isinstance(shape, ir.List):
        return f"[\n{pad}{_value(service, shape.member, level + 1, seen, prefix, expanded)},\n{pad[:-4]}]"
    if isinstance(shape, ir.Map):
        key = _value(service, shape.key, level + 1, seen, prefix, expanded)
        value = _value(service, shape.value, level + 1, seen, prefix, expanded)
        return f"{{\n{pad}{key}: {value},\n{pad[:-4]}}}"
    assert isinstance(shape, ir.Structure)
    if name in seen or name in expanded or not shape.members:
        # A recursive shape, or one written out above: named, not written again.
        return f"{prefix}{name}(...)"
    expanded.add(name)
    inner = seen | {name}
    fields = [f"{pad}{m.attr}={_value(service, m.target, level + 1, inner, prefix, expanded)}," for m in shape.members]
    note = "  # exactly one of:" if shape.union else ""
    return f"{prefix}{name}({note}\n" + "\n".join(fields) + f"\n{pad[:-4]})"


def request_syntax(service: ir.Service, members: list[ir.Member], call: str) -> str:
    expanded: set[str] = set()
    args = [f"    {m.attr}={_value(service, m.target, 1, set(), 'models.', expanded)}," for m in members]
    return f"{call}(\n" + "\n".join(args) + "\n)" if args else f"{call}()"


def response_syntax(service: ir.Service, output: str) -> str:
    return _value(service, output, 0, set(), "", set())


# --- pages ----------------------------------------------------------------------------------


def _title(service: ir.Service, *parts: str) -> str:
    return " / ".join((service.package.title, *parts))


def _front(description: str, names: tuple[str, ...] = (), boost: float | None = None) -> str:
    """YAML front matter: the page's description, and the names search must rank it first for.

    Material's search weighs a page's ``tags`` a thousand times its title and a million times its
    text, so an operation's page comes first for its Python and its AWS name, above the models
    named after it (``CreateTrainingJobRequest``) whose titles start the same. ``boost``
    multiplies the weight of every word of the page. (Shapes are not tagged with their names:
    search matches the start of a tag, so ``Algorithm...`` models would then come first for any
    query with the word ``algorithm``.)
    """
    lines = ["---", "description: " + json.dumps(description)]
    if names:
        lines += ["tags:", *(f"  - {json.dumps(name)}" for name in names)]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join([*lines, "---"])


def _imports(service: ir.Service) -> str:
    return f"from {service.package.dotted} import {service.package.client}, errors, models"


_FIELD_VALUES = 20
"""A field's entry spells out its enum's values up to this many (a parameter's, all of them)."""


def _member_entry(service: ir.Service, member: ir.Member, here: str, request: bool) -> str:
    """A parameter (``request``) or a field: name, linked type, required or not, docs, rules."""
    if request:
        flag = "**\\[REQUIRED\\]**" if member.required else "optional"
    else:
        flag = "required" if member.required else "optional"
    target = service.shapes[member.target]
    found = rules(service, member.target, here)
    parts = [text_blocks(member.doc or target.doc), f"Wire name: {literal(member.wire)}."]
    if member.deprecated is not None:
        parts.append("Deprecated." + (f" {inline(member.deprecated)}" if member.deprecated else ""))
    if found:
        parts.append(("Checked: " if request else "Checked in requests: ") + "; ".join(found) + ".")
    if isinstance(target, ir.Enum) and (request or len(target.values) <= _FIELD_VALUES):
        parts.append("Values: " + ", ".join(f"{literal(v.value)} ({literal(v.name)})" for v in target.values) + ".")
    return entry(f"{literal(member.attr)} : {type_of(service, member.target, here)} — {flag}", *parts)


def operation_page(site: Site, service: ir.Service, op: ir.Operation) -> Page:
    """An operation's page, in the order of boto3's: signature, docs, request, parameters, response, errors."""
    here = op_page(service, op.method)
    package = service.package
    inputs = service.shapes[op.input]
    assert isinstance(inputs, ir.Structure)
    members = emit_client._members(inputs)
    required = [f"{m.attr}: {m.target}" for m in members if m.required]
    optional = [f"{m.attr}: {m.target} | None = None" for m in members if not m.required]
    output = op.output or "None"
    summary = docs.summary(op.doc).replace("``", "") or op.name
    parts = [
        _front(
            f"{package.title} {op.method} ({op.name}): {summary}", names=(op.method, op.name), boost=OPERATION_BOOST
        ),
        heading(_title(service, "Client", op.method), 0),
        code_block(signature(f"{package.client}.{op.method}", [*required, *optional], output)),
        f"AWS operation: {literal(op.name)}." + (" **Deprecated.**" if op.deprecated else ""),
        text_blocks(op.doc),
        (
            f"See also: [AWS API Documentation]({AWS_REFERENCE.format(uid=service.uid, operation=op.name)})"
            if service.uid
            else ""
        ),
        heading("Request syntax", 1, "request-syntax", searched=False),
        code_block(
            f"{_imports(service)}\n\nclient = {package.client}()\n"
            + ("response = " if op.output else "")
            + request_syntax(service, members, f"client.{op.method}")
        ),
        f"Or one request object: {literal(f'client.{op.method}(models.{op.input}(...))')}, the "
        f"{link(op.input, shape_page(service, op.input), here)} model.",
        heading("Parameters", 1, "parameters"),
        "\n\n".join(_member_entry(service, m, here, request=True) for m in members) or "None.",
        heading("Returns", 1, "returns"),
    ]
    if op.output:
        shape = service.shapes[op.output]
        assert isinstance(shape, ir.Structure)
        parts += [
            "Return type: " + link(op.output, shape_page(service, op.output), here),
            heading("Response syntax", 2, "response-syntax", searched=False),
            code_block(response_syntax(service, op.output)),
            heading("Response fields", 2, "response-fields"),
            "\n\n".join(_member_entry(service, m, here, request=False) for m in shape.members) or "None.",
        ]
    else:
        parts.append("None.")
    parts += [heading("Errors", 1, "errors"), _errors(service, op, here)]
    for pager in (p for p in service.paginators if p.operation == op.name):
        limit = next((m.attr for m in members if m.wire == pager.limit_key), None)
        item = link(pager.item_type, shape_page(service, pager.item_type), here)
        parts += [
            heading(f"Paginator: client.paginate.{pager.method}", 1, "paginator"),
            code_block(
                f"for item in client.paginate.{pager.method}(...):  # each a models.{pager.item_type}\n    ...\n"
                f"for page in client.paginate.{pager.method}(...).pages():  # each a models.{output}\n    ..."
            ),
            f"Takes the parameters above and yields every {item} of the responses' {literal(pager.result_attr)}, "
            "page after page; "
            + (f"{literal(limit)} sets the page size." if limit else "the service sets the page size."),
        ]
    for waiter in (w for w in service.waiters if w.operation == op.name):
        gone = waiter.success_on_error
        parts += [
            heading(f"Waiter: client.wait.{waiter.method}", 1, f"waiter-{waiter.method.replace('_', '-')}"),
            code_block(
                ("" if gone else "response = ")
                + f"client.wait.{waiter.method}(..., delay={waiter.delay}, max_attempts={waiter.max_attempts}, "
                "callback=None)"
            ),
            f"Polls {literal(op.name)} every {waiter.delay} seconds, at most {waiter.max_attempts} times, until "
            f"{escape(waiter.name)}; "
            + ("returns None once the resource is gone" if gone else f"returns the final {literal(output)}")
            + "; a failure state, or no success in time, raises "
            + link("errors.WaiterError", errors_page(service), here, code=True, anchor="WaiterError")
            + ". It takes the parameters above; `callback` gets each response as it comes.",
        ]
    return Page(here, blocks(*parts) + "\n")


def signature(name: str, params: list[str], returns: str) -> str:
    """A keyword-only signature, on one line if it fits in 88 columns, else one parameter a line."""
    line = f"{name}({', '.join(['*', *params]) if params else ''}) -> {returns}"
    if len(line) <= docs.WIDTH:
        return line
    return f"{name}(\n" + "".join(f"    {p},\n" for p in ["*", *params]) + f") -> {returns}"


def _errors(service: ir.Service, op: ir.Operation, here: str) -> str:
    page = errors_page(service)
    modeled = [
        f"{link('errors.' + e, page, here, code=True, anchor=e)}: {inline(docs.summary(service.shapes[e].doc))}"
        for e in op.errors
    ]
    common = ", ".join(literal(name) for name, _ in emit_client.COMMON_ERRORS)
    base = service.package.error
    return blocks(
        bullets(modeled),
        f"Any error is an {link('errors.' + base, page, here, code=True, anchor=base)} (a botocore "
        f"`ClientError`); the service may also answer {common}. Invalid input raises "
        "`pydantic.ValidationError` before anything is sent.",
    )


def shape_page_of(site: Site, service: ir.Service, shape: ir.Shape) -> Page:
    """A shape's page: a model's fields, an enum's values, a named type's rules; where it is used."""
    here = shape_page(service, shape.name)
    kind = _kind(shape)
    parts = [
        _front(
            f"{service.package.title} {kind} {shape.name}: {docs.summary(shape.doc).replace('``', '') or shape.name}",
        ),
        heading(_title(service, "Models", shape.name), 0),
        code_block(f"from {service.package.dotted}.models import {shape.name}"),
        text_blocks(shape.doc),
    ]
    if isinstance(shape, ir.Structure):
        what = "An error's fields." if shape.exception else "A union: set exactly one field." if shape.union else ""
        parts += [
            what,
            heading("Fields", 1, "fields"),
            "\n\n".join(_member_entry(service, m, here, request=False) for m in shape.members) or "None.",
        ]
    elif isinstance(shape, ir.Enum):
        parts += [
            heading("Values", 1, "values"),
            "An open enum: a value newer than this SDK parses in a response as a member that is not known "
            "(`is_known` is False); a request takes a member, its value, or "
            f"{literal(shape.name + '.unknown(value)')}.",
            _table(["Member", "Value"], [(literal(v.name), literal(v.value)) for v in shape.values]),
        ]
    else:
        found = rules(service, shape.name, here)
        parts += [
            heading("Rules", 1, "rules"),
            f"Type: {type_of(service, shape.name, here)}.",
            bullets(found) if found else "No other rule.",
        ]
    used = site.used_by.get((svc(service), shape.name), ())
    if used:
        sides: dict[str, list[str]] = defaultdict(list)
        for method, side in used:
            sides[method].append(side)
        parts += [
            heading("Used by", 1, "used-by", searched=False),
            bullets(f"{link(m, op_page(service, m), here, code=True)} ({' and '.join(s)})" for m, s in sides.items()),
        ]
    return Page(here, blocks(*parts) + "\n")


def _table(header: list[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def errors_page_of(site: Site, service: ir.Service) -> Page:
    """A service's errors: one entry (with a stable anchor) per error class."""
    here = errors_page(service)
    package = service.package
    modeled = sorted(
        (s for s in service.shapes.values() if isinstance(s, ir.Structure) and s.exception), key=lambda s: s.name
    )
    names = {s.name for s in modeled}
    entries = [
        blocks(
            heading(f"errors.{s.name}", 1, s.name),
            f"Code {literal(s.name)}; its fields: {link(s.name, shape_page(service, s.name), here, code=True)}.",
            text_blocks(s.doc),
        )
        for s in modeled
    ]
    entries += [
        blocks(heading(f"errors.{name}", 1, name), f"Code {literal(name)}, not modelled by the service.", inline(doc))
        for name, doc in emit_client.COMMON_ERRORS
        if name not in names
    ]
    parts = [
        _front(f"{package.title}: the typed errors"),
        heading(_title(service, "Errors"), 0),
        code_block(f"from {package.dotted} import errors"),
        f"Every `ClientError` a {literal(package.client)} call raises is re-raised as the subclass of "
        f"{literal('errors.' + package.error)} named by its error code (or {literal(package.error)} itself for a "
        "code without a class), still a `botocore.exceptions.ClientError`.",
        heading(f"errors.{package.error}", 1, package.error),
        "The base class of this service's errors.",
        heading("errors.WaiterError", 1, "WaiterError"),
        "Raised by a waiter that meets a failure state or runs out of attempts; it carries the last response.",
        heading("errors.UnsupportedOperationError", 1, "UnsupportedOperationError"),
        "Raised by an operation that the installed botocore does not know.",
        *entries,
    ]
    return Page(here, blocks(*parts) + "\n")


def service_index(site: Site, service: ir.Service) -> Page:
    """A service's home: how to make its client, then every operation, paginator, waiter and shape."""
    here = f"{svc(service)}/index"
    package = service.package
    shapes = sorted(service.shapes.values(), key=lambda s: s.name)
    operations = [
        f"{link(op.method, op_page(service, op.method), here, code=True)} ({escape(op.name)}): "
        f"{inline(docs.summary(op.doc))}"
        for op in service.operations
    ]
    parts = [
        _front(f"{package.title}: every operation, model and enum, typed"),
        heading(f"{package.title} ({package.service})", 0),
        code_block(f"{_imports(service)}\n\nclient = {package.client}()  # boto3.client({package.service!r}) inside"),
        f"{escape(service.full_name or package.title)}, API version {literal(service.provenance.api_version)}, "
        f"from botocore {literal(service.provenance.botocore_version)}: "
        f"{_count(len(service.operations), 'operation')}, {_count(len(service.shapes), 'shape')}, "
        f"{_count(len(service.paginators), 'paginator')}, {_count(len(service.waiters), 'waiter')}; "
        f"{link('the typed errors', errors_page(service), here)}.",
        heading("Operations", 1, "operations"),
        bullets(operations),
    ]
    if service.paginators:
        parts += [
            heading("Paginators", 1, "paginators"),
            bullets(
                link(f"client.paginate.{p.method}", op_page(service, p.method), here, code=True, anchor="paginator")
                for p in service.paginators
            ),
        ]
    if service.waiters:
        by_name = {op.name: op for op in service.operations}
        parts += [
            heading("Waiters", 1, "waiters"),
            bullets(
                link(
                    f"client.wait.{w.method}",
                    op_page(service, by_name[w.operation].method),
                    here,
                    code=True,
                    anchor=f"waiter-{w.method.replace('_', '-')}",
                )
                for w in service.waiters
            ),
        ]
    found = site.catalogs[svc(service)]
    if found.resources:
        parts += [
            heading(f"Resources ({len(found.resources)})", 1, "resources"),
            f"In {literal(package.dotted + '.resources')}: one class per noun a Describe operation describes.",
            bullets(
                f"{link(r.name, resource_page(service, r.name), here, code=True)}: {inline(docs.summary(r.doc))}"
                for r in found.resources
            ),
        ]
        if found.left_out:
            parts += [
                "Describe operations without a resource class, and why:",
                bullets(
                    f"{link(left.describe, op_page(service, _method(service, left.describe)), here, code=True)}: "
                    f"{escape(left.reason)}."
                    for left in found.left_out
                ),
            ]
    groups: list[tuple[str, list[ir.Shape]]] = [
        ("Models", [s for s in shapes if isinstance(s, ir.Structure) and not s.exception]),
        ("Enums", [s for s in shapes if isinstance(s, ir.Enum)]),
        ("Other named types", [s for s in shapes if isinstance(s, (ir.String, ir.Scalar, ir.List, ir.Map))]),
    ]
    for title, members in groups:
        if members:
            parts += [
                heading(f"{title} ({len(members)})", 1, title.split()[-1].lower()),
                ", ".join(link(s.name, shape_page(service, s.name), here) for s in members),
            ]
    return Page(here, blocks(*parts) + "\n")


def _pages(family: Site) -> Iterator[Page]:
    """Every page generated from the IR, service by service."""
    for service in family.services:
        yield service_index(family, service)
        yield errors_page_of(family, service)
        for op in service.operations:
            yield operation_page(family, service, op)
        for shape in service.shapes.values():
            yield shape_page_of(family, service, shape)
        for resource in family.catalogs[svc(service)].resources:
            yield resource_page_of(family, service, resource)


def _method(service: ir.Service, operation: str) -> str:
    return next(op.method for op in service.operations if op.name == operation)


def _values(values: tuple[str, ...]) -> str:
    return ", ".join(literal(v) for v in values) or "none"


def resource_page_of(site: Site, service: ir.Service, resource: ir.Resource) -> Page:
    """A resource's page: how it is got, its methods (each linked to its operation), its statuses, its fields."""
    here = resource_page(service, resource.name)
    package = service.package
    name = resource.name
    by_service = {s.package.service: s for s in site.services}
    output = service.shapes[resource.output]
    assert isinstance(output, ir.Structure)

    def operation(owner: ir.Service, op_name: str) -> str:
        return link(op_name, op_page(owner, _method(owner, op_name)), here, code=True)

    def members_of(owner: ir.Service, op_name: str) -> list[ir.Member]:
        op = next(o for o in owner.operations if o.name == op_name)
        shape = owner.shapes[op.input]
        assert isinstance(shape, ir.Structure)
        return emit_client._members(shape)

    def keywords(members: list[ir.Member]) -> list[str]:
        return [f"{m.attr}: {m.target}" + ("" if m.required else " | None = None") for m in members]

    client = f"client: {package.client} | None = None"
    methods = [
        (
            signature(f"{name}.get", [*keywords(members_of(service, resource.describe)), client], name),
            f"One {operation(service, resource.describe)} call; the resource keeps the client "
            f"(default: {literal(package.client + '()')}).",
        )
    ]
    if resource.create:
        methods.append(
            (
                signature(f"{name}.create", [*keywords(members_of(service, resource.create)), client], name),
                f"One {operation(service, resource.create)} call, its request validated first by every rule; "
                "the resource is described when a field its creation did not give is read.",
            )
        )
    if resource.listing:
        listing = resource.listing
        members = [m for m in members_of(service, listing.operation) if m.wire != listing.input_token]
        given = ", ".join(literal(f) for f in resource.summary) or "its identifiers"
        methods.append(
            (
                signature(f"{name}.get_all", [*keywords(members), client], f"Iterator[{name}]"),
                f"One {operation(service, listing.operation)} call per page and no Describe per item: each "
                f"resource holds what the listing gave ({given}) and is described once, when another field is read.",
            )
        )
    methods.append((f"{name}.refresh() -> {name}", f"{operation(service, resource.describe)} again, in place."))
    for action in resource.actions:
        owner = by_service[action.package.service]
        wires = {i.wire for i in resource.identifiers}
        members = [m for m in members_of(owner, action.operation) if m.wire not in wires]
        returns = name if action.kind == "update" else (action.output or "None")
        if action.kind in ("stop", "delete", "start"):
            returns = "None"
        through = f", through {literal(action.package.client)}" if owner is not service else ""
        methods.append(
            (
                signature(f"{name}.{action.kind}", keywords(members), returns),
                f"{operation(owner, action.operation)} with this resource's identifiers{through}"
                + (", then described again." if action.kind == "update" else "."),
            )
        )
    lifecycle = resource.lifecycle
    options = ["poll: float = 5.0", "timeout: float | None = None", "progress: bool | None = None"]
    logs = ["logs: bool = False"] if resource.logs else []
    if lifecycle:
        methods.append(
            (
                signature(f"{name}.wait", [*options, *logs], name),
                "Describes the resource every `poll` seconds until its status is terminal.",
            )
        )
        methods.append(
            (
                f"{name}.wait_for_status(status: {lifecycle.enum} | str, *, ...) -> {name}",
                "The same, until the status is `status`.",
            )
        )
    if any(a.kind == "delete" for a in resource.actions):
        methods.append(
            (
                signature(f"{name}.wait_for_delete", options, "None"),
                "Describes the resource every `poll` seconds until the service no longer finds it.",
            )
        )
    parts = [
        _front(f"{package.title} resource {name}: {docs.summary(resource.doc)}"),  # untagged, as shapes are
        heading(_title(service, "Resources", name), 0),
        code_block(f"from {package.dotted}.resources import {name}"),
        text_blocks(resource.doc),
        heading("Methods", 1, "methods"),
        *(blocks(code_block(sig), text) for sig, text in methods),
    ]
    if lifecycle:
        succeeded = tuple(v for v in lifecycle.terminal if v not in lifecycle.failed)
        parts += [
            heading("Statuses", 1, "statuses"),
            f"The field {literal(lifecycle.attr)} ({link(lifecycle.enum, shape_page(service, lifecycle.enum), here)}), "
            "read from each value's words and checked against botocore's waiters:",
            bullets(
                [
                    f"`wait()` returns at {_values(succeeded)};",
                    f"raises {link('errors.FailedStatusError', errors_page(service), here, code=True)} at "
                    f"{_values(lifecycle.failed)}"
                    + (f" (with the service's reason, {literal(lifecycle.reason)})" if lifecycle.reason else "")
                    + ";",
                    f"waits while {_values(lifecycle.transitional)};",
                    "raises `errors.WaitTimeoutError` (a `TimeoutError`) when `timeout` passes, "
                    "`errors.ResourceDeletedError` when the resource is deleted meanwhile.",
                ]
            ),
        ]
        if lifecycle.secondary:
            parts.append(f"The progress line also shows {literal(lifecycle.secondary)}.")
    if resource.logs:
        group, prefix = resource.logs
        parts += [
            heading("Logs", 1, "logs"),
            f"`wait(logs=True)` prints the CloudWatch Logs events of the group {literal(group)} "
            + (f"(streams {literal(prefix + '...')}) " if prefix else "")
            + "to stdout as they come, each stream in order, prefixed by the instance when there are "
            "several, and the rest after the last status.",
        ]
    parts += [
        heading("Fields", 1, "fields"),
        f"The fields of {link(resource.output, shape_page(service, resource.output), here)}, typed and read-only:",
        "\n\n".join(_member_entry(service, m, here, request=False) for m in output.members),
    ]
    return Page(here, blocks(*parts) + "\n")


# --- the pages from the repository's own Markdown ----------------------------------------------

_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]*)(#[^)\s]*)?\)")
_CLIENT_CALL = re.compile(r"`client\.(\w+)\(\)`")
_MODEL_NAME = re.compile(r"`models\.(\w+)`")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d+\.) ")
_CHANGED = re.compile(r"^(\w+) \((new|updated)\)$", re.MULTILINE)


def _site_links(markdown: str, pages: dict[str, str]) -> str:
    """Rewrite the repository's relative links: a file the site has becomes its page, others plain text."""

    def rewrite(match: re.Match[str]) -> str:
        text, target, anchor = match[1], match[2], match[3] or ""
        if not target or target.startswith(("http://", "https://")):
            return match[0]
        if target in pages:
            return f"[{text}]({pages[target]}{anchor})"
        return f"{text} (`{target}` in the repository)" if text != target else f"`{target}` (in the repository)"

    return _MD_LINK.sub(rewrite, markdown)


def _lists_apart(markdown: str) -> str:
    """A blank line before a list that follows a paragraph line, outside code blocks: GitHub's
    Markdown starts a list there, Python-Markdown (MkDocs) only after a blank line."""
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif (
            not fenced
            and _LIST_ITEM.match(line)
            and out
            and out[-1].strip()
            and not _LIST_ITEM.match(out[-1])
            and not out[-1].startswith(" ")
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


def home_page(site: Site) -> Page:
    rows = [
        (
            link(s.package.title, f"{svc(s)}/index", "index"),
            literal(s.package.dotted),
            str(len(s.operations)),
            str(len(s.shapes)),
        )
        for s in site.services
    ]
    text = blocks(
        _front("The typed reference of sagemaker_typed: every operation, model and enum of the SageMaker family"),
        heading("sagemaker_typed reference", 0),
        "A typed, validated Python SDK over the whole Amazon SageMaker API, on boto3. One page per operation "
        "(its typed signature, the request as you write it, every parameter with the rules the SDK checks, "
        "the response written out, the errors), per model and per enum, for every service of the family. "
        f"Start with [Getting started](getting_started{SOURCE_SUFFIX}); what changed between releases is in the "
        f"[Changelog](changelog{SOURCE_SUFFIX}). Search (press `/`) finds an operation by its Python name "
        "(`describe_training_job`), its AWS name (`DescribeTrainingJob`) or words of its description.",
        heading("Services", 1, "services"),
        _table(["Service", "Package", "Operations", "Shapes"], rows),
    )
    return Page("index", text + "\n")


def getting_started_page(readme: str) -> Page:
    """The README, as the site's first page (its links into the repository made plain or local)."""
    body = readme.split("\n", 1)[1] if readme.startswith("# ") else readme
    body = _lists_apart(_site_links(body, {"CHANGELOG.md": f"changelog{SOURCE_SUFFIX}"}))
    return Page("getting_started", blocks(_front("Getting started with sagemaker_typed"), "# Getting started", body))


def changelog_page(site: Site, changelog: str) -> Page:
    """CHANGELOG.md, each method it names linked to its page (and each new model to its own)."""
    methods: dict[str, tuple[ir.Service, str]] = {}
    models: dict[str, ir.Service] = {}
    for service in reversed(site.services):  # the control plane's names win
        methods.update({op.name: (service, op.method) for op in service.operations})
        methods.update({op.method: (service, op.method) for op in service.operations})
        models.update({name: service for name in service.shapes})

    def client(match: re.Match[str]) -> str:
        found = methods.get(match[1])
        return link(f"client.{match[1]}()", op_page(*found), "changelog", code=True) if found else match[0]

    def model(match: re.Match[str]) -> str:
        service = models.get(match[1])
        if service is None:
            return match[0]
        return link(f"models.{match[1]}", shape_page(service, match[1]), "changelog", code=True)

    out: list[str] = []
    for block in re.split(r"(```text\n.*?\n```)", changelog, flags=re.DOTALL):
        if block.startswith("```text"):
            found = [methods[name] for name, _ in _CHANGED.findall(block) if name in methods]
            named = {op_page(service, method): method for service, method in found}
            out.append(block)
            if named:
                out.append(
                    "\n\nThe methods of this entry: "
                    + ", ".join(link(m, page, "changelog", code=True) for page, m in named.items())
                    + "."
                )
        else:
            out.append(_MODEL_NAME.sub(model, _CLIENT_CALL.sub(client, _lists_apart(block))))
    return Page("changelog", blocks(_front("What changed in each release of sagemaker_typed"), "".join(out)))


def full_site(services: Iterable[ir.Service], readme: str, changelog: str) -> Iterator[Page]:
    """The whole site: the home page, getting started, the changelog and every page of :func:`site`."""
    family = Site.of(services)
    yield home_page(family)
    yield getting_started_page(readme)
    yield changelog_page(family, changelog)
    yield from _pages(family)
