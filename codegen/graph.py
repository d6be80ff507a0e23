"""Which shapes share a module, and in what order they are declared.

Each shape gets its own module, except shapes that reach each other (a recursive group,
today SearchExpression and its lists): those share the module of the group's first
structure, declared in dependency order, with quotes only on the real back edges.
"""

from __future__ import annotations

import attrs

from . import ir


@attrs.frozen
class Group:
    module: str
    shapes: tuple[ir.Shape, ...]
    quoted: frozenset[str] = frozenset()
    """Names referenced as strings in this module: the structures of a recursive group."""


def references(shape: ir.Shape) -> list[str]:
    if isinstance(shape, ir.Structure):
        return sorted({m.target for m in shape.members})
    if isinstance(shape, ir.List):
        return [shape.member]
    if isinstance(shape, ir.Map):
        return sorted({shape.key, shape.value})
    return []


def groups(service: ir.Service) -> list[Group]:
    """Module groups, sorted by module name."""
    out = []
    for component in _components(service):
        if len(component) == 1:
            shape = service.shapes[component[0]]
            out.append(Group(shape.module, (shape,)))
            continue
        members = sorted(component)
        owner = next(service.shapes[n] for n in members if isinstance(service.shapes[n], ir.Structure))
        # Declare the non-structures first, so that only their references to the
        # structure (the back edges of the cycle) need quotes.
        ordered = sorted(members, key=lambda n: (isinstance(service.shapes[n], ir.Structure), n))
        shapes = tuple(service.shapes[n] for n in ordered)
        structures = frozenset(n for n in ordered if isinstance(service.shapes[n], ir.Structure))
        out.append(Group(owner.module, shapes, structures))
    return sorted(out, key=lambda g: g.module)


def _components(service: ir.Service) -> list[list[str]]:
    """Strongly connected components of the reference graph (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = 0
    for root in sorted(service.shapes):
        if root in index:
            continue
        work = [(root, iter(references(service.shapes[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(references(service.shapes[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    result.append(component)
    return result
