"""Which shapes share a module, and in what order they are declared.

Each structure has a module of its own. A shape that is not a structure (an enum, a string,
a list...) and that only one shape refers to lives in the module of that shape: importing a
structure then loads its private types with it, not one module each. Shapes that reach each
other (a recursive group, today SearchExpression and its list) share the module of the
group's first structure. Within a module, shapes are declared dependencies first; only the
back edges of a recursive group are quoted.
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
    shapes = service.shapes
    owner: dict[str, str] = {}
    quoted: dict[str, frozenset[str]] = {}
    for component in _components(service):
        if len(component) > 1:
            first = min(n for n in component if isinstance(shapes[n], ir.Structure))
            owner.update(dict.fromkeys(component, first))
            quoted[first] = frozenset(n for n in component if isinstance(shapes[n], ir.Structure))
    referrers: dict[str, set[str]] = {name: set() for name in shapes}
    for name, shape in shapes.items():
        for target in references(shape):
            if target != name:
                referrers[target].add(name)

    def home(name: str) -> str:
        if name in owner:
            return owner[name]
        if isinstance(shapes[name], ir.Structure) or len(referrers[name]) != 1:
            return name
        return home(next(iter(referrers[name])))

    members: dict[str, list[str]] = {}
    for name in sorted(shapes):
        members.setdefault(home(name), []).append(name)
    out = []
    for first, names in members.items():
        back_edges = quoted.get(first, frozenset())
        ordered = _dependencies_first(names, shapes, back_edges)
        out.append(Group(shapes[first].module, tuple(shapes[n] for n in ordered), back_edges))
    return sorted(out, key=lambda g: g.module)


def _dependencies_first(names: list[str], shapes: dict[str, ir.Shape], back_edges: frozenset[str]) -> list[str]:
    """Depth-first post-order over the references inside the group, quoted ones excluded."""
    inside = set(names)
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for target in references(shapes[name]):
            if target in inside and target not in back_edges:
                visit(target)
        order.append(name)

    for name in sorted(names, key=lambda n: (n in back_edges, n)):
        visit(name)
    return order


def components(service: ir.Service) -> list[list[str]]:
    """Strongly connected components of the reference graph, each after the ones it refers to."""
    return _components(service)


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
