"""Resources: which nouns of a service model become classes of ``resources``, read from the model.

A noun is a ``Describe<Noun>`` operation. Its identifiers are the Describe request's members
that its response gives back, so a resource can always describe itself again; ``Create``,
``Update``, ``Stop``, ``Delete`` and ``Start`` + noun are its operations when they take those
identifiers; ``List`` + plural with a paginator whose items carry them is ``get_all``. The
status member and what each of its values means to ``wait`` come from the words of the
values (tested against botocore's waiters). A noun that does not fit is left out with the
reason (``catalog().left_out``), which the reference lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from . import ir, naming

ACTIONS = ("update", "stop", "delete", "start")

# Where SageMaker writes a resource's logs (CloudWatch Logs): the log group and the prefix of
# its streams, one stream per instance (``<job>/algo-1-1700000000``; an endpoint's group holds
# one stream per variant and instance). From SageMaker's documentation of its log groups.
LOGS = {
    "TrainingJob": ("/aws/sagemaker/TrainingJobs", "{name}/"),
    "ProcessingJob": ("/aws/sagemaker/ProcessingJobs", "{name}/"),
    "TransformJob": ("/aws/sagemaker/TransformJobs", "{name}/"),
    "Endpoint": ("/aws/sagemaker/Endpoints/{name}", ""),
}

# Operations of another service of the family on a resource, by method name: the runtime's
# invocations of an endpoint.
ELSEWHERE = {
    "Endpoint": (
        "sagemaker-runtime",
        (
            ("invoke", "InvokeEndpoint"),
            ("invoke_async", "InvokeEndpointAsync"),
            ("invoke_with_response_stream", "InvokeEndpointWithResponseStream"),
        ),
    ),
}

# What a status value means, from its words (lower case, without separators).
_FAILED = re.compile(r"fail")
_TRANSITIONAL = re.compile(r"(ing|inprogress|pending.*|.*pending|rollingback|inmaintenance)$")
_DELETED = frozenset({"deleted", "deletecompleted"})
_PAGING = frozenset({"NextToken", "MaxResults"})


@attrs.frozen
class Catalog:
    resources: tuple[ir.Resource, ...]
    left_out: tuple[ir.LeftOut, ...]


def catalog(service: ir.Service, family: Mapping[str, ir.Service] | None = None) -> Catalog:
    """Every ``Describe<Noun>`` of ``service``: a resource, or the reason it is left out.

    ``family`` (services by botocore name) lends the operations of ``ELSEWHERE``.
    """
    operations = {op.name: op for op in service.operations}
    pagers = {p.operation: p for p in service.paginators}
    found: list[ir.Resource] = []
    left: list[ir.LeftOut] = []
    for op in service.operations:
        if not op.name.startswith("Describe") or op.output is None:
            continue
        made = _resource(service, op, operations, pagers, family or {})
        (found if isinstance(made, ir.Resource) else left).append(made)  # type: ignore[arg-type]
    return Catalog(tuple(found), tuple(left))


def _structure(service: ir.Service, name: str) -> ir.Structure:
    shape = service.shapes[name]
    assert isinstance(shape, ir.Structure)
    return shape


def _resource(
    service: ir.Service,
    describe: ir.Operation,
    operations: dict[str, ir.Operation],
    pagers: dict[str, ir.Paginator],
    family: Mapping[str, ir.Service],
) -> ir.Resource | ir.LeftOut:
    noun = describe.name.removeprefix("Describe")
    assert describe.output is not None
    request = _structure(service, describe.input)
    output = _structure(service, describe.output)
    returned = {m.wire: m for m in output.members}
    identifiers = []
    for member in request.members:
        source = _source(service, noun, member, returned)
        if source is None:
            if member.required:
                return ir.LeftOut(describe.name, f"its response does not give back {member.wire}, which names it")
            continue
        identifiers.append(ir.Identifier(member.attr, member.wire, source.attr, source.wire, member.required))
    if not any(i.required for i in identifiers):
        return ir.LeftOut(describe.name, "its request has no member that names one resource")
    # A paging token of the Describe itself names nothing.
    identifiers = [i for i in identifiers if i.wire not in _PAGING]
    ids = tuple(identifiers)
    wires = {i.wire for i in ids}

    def action(kind: str, owner: ir.Service, op: ir.Operation | None) -> ir.Action | None:
        """``op`` as a method of the resource: it must take every identifier that names the resource,
        and (but for ``update``) nothing else that is required, as it acts on what is there."""
        if op is None:
            return None
        request = _structure(owner, op.input)
        if not all(i.wire in {m.wire for m in request.members} for i in ids if i.required):
            return None
        members = tuple(m for m in request.members if m.wire not in wires)
        if kind in ("stop", "delete", "start") and any(m.required for m in members):
            return None
        taken = {m.wire: m for m in request.members}
        by_name = tuple(
            i.attr for i in ids if i.source != i.attr and i.wire in taken and "Arn" not in taken[i.wire].target
        )
        return ir.Action(kind, op.name, op.method, members, owner.package, op.output, by_name)

    actions = [action(kind, service, operations.get(kind.capitalize() + noun)) for kind in ACTIONS]
    if noun in ELSEWHERE and ELSEWHERE[noun][0] in family:
        owner = family[ELSEWHERE[noun][0]]
        theirs = {op.name: op for op in owner.operations}
        actions += [action(kind, owner, theirs.get(name)) for kind, name in ELSEWHERE[noun][1]]

    create = operations.get("Create" + noun)
    created: tuple[str, ...] = ()
    if create is not None:
        given = {m.wire for m in _structure(service, create.input).members}
        answered = _structure(service, create.output).members if create.output else ()
        if all(i.source_wire in {m.wire for m in answered} or i.wire in given for i in ids if i.required):
            created = _shared(service, answered, returned)
        else:
            create = None

    listing = next(
        (pagers[name] for name in _plurals(noun) if name in pagers and name in operations),
        None,
    )
    summary: tuple[str, ...] = ()
    if listing is not None:
        item = service.shapes[listing.item_type]
        carried = {m.wire for m in item.members} if isinstance(item, ir.Structure) else set()
        if all(i.source_wire in carried or i.wire in carried for i in ids if i.required):
            summary = _shared(service, item.members, returned)  # type: ignore[union-attr]
        else:
            listing = None

    return ir.Resource(
        name=noun,
        module="_" + naming.module(noun),
        doc=describe.doc,
        describe=describe.name,
        output=output.name,
        identifiers=ids,
        create=create.name if create else None,
        created=created,
        listing=listing,
        summary=summary,
        actions=tuple(a for a in actions if a is not None),
        lifecycle=_lifecycle(service, noun, output),
        logs=LOGS.get(noun),
    )


def _source(service: ir.Service, noun: str, member: ir.Member, returned: dict[str, ir.Member]) -> ir.Member | None:
    """The response member that gives ``member``'s value back: the ARN where ``member`` takes one
    (so that a versioned or shared name still names this very resource), else the member itself."""
    arn = returned.get(noun + "Arn")
    if arn is not None and member.wire == noun + "Name" and "Arn" in member.target:
        return arn
    return returned.get(member.wire)


def _plurals(noun: str) -> list[str]:
    stem = noun.removesuffix("y")
    return ["List" + noun + "s", "List" + noun + "es", "List" + stem + "ies"]


def _shared(service: ir.Service, members: tuple[ir.Member, ...], returned: dict[str, ir.Member]) -> tuple[str, ...]:
    """The members of ``members`` that the Describe response has with the same type: a listed item
    or a Create response can stand for those until the resource is described."""
    out = []
    for member in members:
        twin = returned.get(member.wire)
        if twin is None or twin.attr != member.attr:
            continue
        mine, theirs = service.shapes[member.target], service.shapes[twin.target]
        same = member.target == twin.target or (
            type(mine) is type(theirs)
            and (isinstance(mine, ir.String) or (isinstance(mine, ir.Scalar) and mine.kind == theirs.kind))  # type: ignore[union-attr]
        )
        if same:
            out.append(member.attr)
    return tuple(sorted(out))


def _words(value: str) -> str:
    return re.sub(r"[^a-z]", "", value.lower())


def _lifecycle(service: ir.Service, noun: str, output: ir.Structure) -> ir.Lifecycle | None:
    """The resource's status member, if it has one whose values say when a wait is over."""
    statuses = {
        m.wire: m for m in output.members if m.wire.endswith("Status") and isinstance(service.shapes[m.target], ir.Enum)
    }
    candidates = [noun + "Status", "Status", *(w for w in statuses if noun.endswith(w.removesuffix("Status")))]
    member = next((statuses[w] for w in candidates if w in statuses), None)
    if member is None:
        return None
    enum = service.shapes[member.target]
    assert isinstance(enum, ir.Enum)
    values = [v.value for v in enum.values]
    failed = tuple(v for v in values if _FAILED.search(_words(v)))
    transitional = tuple(v for v in values if v not in failed and _TRANSITIONAL.search(_words(v)))
    terminal = tuple(v for v in values if v not in transitional)
    if not transitional or len(terminal) == len(failed):
        return None  # nothing to wait for, or nothing to wait until
    secondary = next((m.attr for m in output.members if m.wire.endswith("SecondaryStatus")), None)
    reason = next(
        (m.attr for m in output.members if m.wire == "FailureReason"),
        next((m.attr for m in output.members if m.wire.endswith("FailureReason")), None),
    )
    deleted = tuple(v for v in terminal if _words(v) in _DELETED)
    return ir.Lifecycle(member.attr, enum.name, terminal, failed, transitional, deleted, secondary, reason)
