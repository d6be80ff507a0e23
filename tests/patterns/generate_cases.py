"""Regenerate ``tests/data/pattern_cases.json``: candidate strings per pattern shape, judged by the JDK.

Run from the project root as ``python -m tests.patterns.generate_cases`` (needs ``java`` on PATH).

For every string shape that has a ``pattern``, in every service of specs/ (the fixture is keyed by
service, then shape: two services may give the same shape name different patterns), a ``random.Random``
seeded with the shape name derives strings from the pattern's AST that should match (random ones within
the repetition bounds, the shortest, a repetition at its maximum) and near misses (characters such as
line terminators, non-ASCII letters and digits, an astral emoji inserted, appended or prepended;
truncations; one repetition too many; case flips; the empty string). ``tests/jdk/PatternOracle.java``
judges with ``Pattern.matches``, in two JVM runs: first the drafts (so that the kept matches really
match and near misses start from a match), then every case. The output is byte-stable.
"""

from __future__ import annotations

import bisect
import json
import random
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from codegen.javaregex import (
    Alt,
    Assertion,
    Char,
    ClassItem,
    Intervals,
    Look,
    Node,
    Repeat,
    Seq,
    UnsupportedPattern,
    char_set,
    parse,
)

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
FIXTURE = ROOT / "tests" / "data" / "pattern_cases.json"
ORACLE = ROOT / "tests" / "jdk" / "PatternOracle.java"

LINE_TERMINATORS = ("\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029")
NEAR_MISS_CHARS = (*LINE_TERMINATORS, "\u00a0", "é", "٣", "Ⅻ", "😀", "-", " ", "/", ":", ".", "_", "0", "a", "Z")
# Class members are drawn from here (plus, for classes without \p{..}, anywhere in the class). The
# non-ASCII ones are old enough for the JDK's, Python's and Rust's Unicode tables to agree on them.
POOL = tuple(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    + "".join(chr(c) for c in range(0x20, 0x7F) if not chr(c).isalnum())
    + "\t\n\x0b\x0c\r\x00\x7f\u0085\u00a0éßЖ中٣Ⅻ½\u0301\u0903\u20dd€©«»¿\u2014\u3000\u2028\u2029"
    + "\u200b\ue000\ufffd😀\U0001d400\U00010000\U0010fffd"
)
DRAFTS = 40  # random strings built per shape; the JDK then picks the matching ones
MATCHES = 6  # accepted (and, apart, rejected) random drafts kept per shape
STRETCHED = 2  # bounded repetitions per shape taken to their maximum and one past it
SMALL_COUNT = 6  # random repetition counts go at most this far past the minimum


def _pool_categories() -> dict[str, Intervals]:
    """Unicode categories restricted to POOL: exact for every character the sampler may draw."""
    categories: dict[str, list[tuple[int, int]]] = {}
    for char in POOL:
        category = unicodedata.category(char)
        for name in (category, category[0]):
            categories.setdefault(name, []).append((ord(char), ord(char)))
    return {name: tuple(sorted(ranges)) for name, ranges in categories.items()}


POOL_CATEGORIES = _pool_categories()


def _contains(ranges: Intervals, cp: int) -> bool:
    index = bisect.bisect_right(ranges, (cp, sys.maxsize)) - 1
    return index >= 0 and ranges[index][0] <= cp <= ranges[index][1]


@cache
def _members(item: ClassItem) -> tuple[tuple[str, ...], Intervals]:
    """The POOL characters in ``item``, and all its code points if it has no ``\\p{..}`` category."""
    try:
        exact = char_set(item)
    except UnsupportedPattern:
        exact = ()
    ranges = exact or char_set(item, lambda name: POOL_CATEGORIES.get(name, ()))
    pooled = tuple(char for char in POOL if _contains(ranges, ord(char)))
    return pooled, tuple((low, high) for low, high in exact if not 0xD800 <= low <= high <= 0xDFFF)


def _pick(item: ClassItem, rng: random.Random, shortest: bool) -> str:
    pooled, ranges = _members(item)
    if shortest and pooled:
        return pooled[0]
    if ranges and (not pooled or rng.random() < 0.3):
        low, high = rng.choice(ranges)
        cp = rng.randint(low, high)
        return chr(cp) if not 0xD800 <= cp <= 0xDFFF else chr(low)
    return rng.choice(pooled) if pooled else ""


def build(node: Node, rng: random.Random, shortest: bool = False, stretch: dict[int, int] | None = None) -> str:
    """A string following ``node``; ``stretch`` forces repetition counts, by ``id`` of the Repeat."""
    match node:
        case Char():
            return chr(node.cp)
        case Seq():
            return "".join(build(item, rng, shortest, stretch) for item in node.items)
        case Alt():
            if shortest:
                return min((build(branch, rng, True, stretch) for branch in node.branches), key=len)
            return build(rng.choice(node.branches), rng, shortest, stretch)
        case Repeat():
            count = (stretch or {}).get(id(node))
            if count is None:
                high = node.min + SMALL_COUNT if node.max is None else min(node.max, node.min + SMALL_COUNT)
                count = node.min if shortest else rng.randint(node.min, high)
            return "".join(build(node.node, rng, shortest, stretch) for _ in range(count))
        case Assertion() | Look():
            return ""
    return _pick(node, rng, shortest)


def _bounded_repeats(node: Node) -> Iterator[Repeat]:
    match node:
        case Seq():
            for item in node.items:
                yield from _bounded_repeats(item)
        case Alt():
            for branch in node.branches:
                yield from _bounded_repeats(branch)
        case Repeat():
            if node.max is not None and node.max > 0:
                yield node
            yield from _bounded_repeats(node.node)
        case Look():
            yield from _bounded_repeats(node.node)


def _near_misses(base: str, rng: random.Random) -> Iterator[str]:
    for extra in NEAR_MISS_CHARS:
        where = rng.randrange(len(base) + 1)
        yield base[:where] + extra + base[where:]
    for terminator in LINE_TERMINATORS:
        yield base + terminator
    yield "\n" + base
    yield " " + base
    yield base[:-1]
    yield base[1:]
    yield base[: len(base) // 2]
    yield base + base
    yield base.swapcase()
    letters = [index for index, char in enumerate(base) if char.isascii() and char.isalpha()]
    if letters:
        index = rng.choice(letters)
        yield base[:index] + base[index].swapcase() + base[index + 1 :]


def drafts(shape: str, java: str) -> list[str]:
    """Strings built to match: the shortest, DRAFTS random ones, then up to STRETCHED pairs of strings
    with one bounded repetition at its maximum and one past it."""
    rng = random.Random(shape)
    root = parse(java)
    built = [build(root, rng, shortest=True), *(build(root, rng) for _ in range(DRAFTS))]
    repeats = list(_bounded_repeats(root))
    for repeat in rng.sample(repeats, min(STRETCHED, len(repeats))):
        assert repeat.max is not None
        built.append(build(root, rng, stretch={id(repeat): repeat.max}))
        built.append(build(root, rng, stretch={id(repeat): repeat.max + 1}))
    return built


def candidates(shape: str, drafted: list[str], accepted: list[str]) -> list[str]:
    """The fixture's strings for one shape, given which drafts the JDK accepted; without duplicates."""
    rng = random.Random(f"{shape}/near-misses")
    shortest, *random_drafts = drafted[: DRAFTS + 1]
    stretched = drafted[DRAFTS + 1 :]
    rejected = list(dict.fromkeys(draft for draft in random_drafts if draft not in accepted))
    accepted = list(dict.fromkeys(accepted))
    bases = [next((s for s in accepted if s), next((s for s in drafted if s), "")), min(accepted or drafted, key=len)]
    cases = ["", shortest, *accepted[:MATCHES], *rejected[:MATCHES], *stretched]
    for base in dict.fromkeys(bases):
        cases.extend(_near_misses(base, rng))
    return list(dict.fromkeys(cases))


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex()


def run_oracle(cases: Sequence[tuple[str, str]]) -> list[bool]:
    """``Pattern.matches(pattern, string)`` for each ``(pattern, string)``, in one JVM run."""
    stdin = "".join(f"{_hex(pattern)}\t{_hex(string)}\n" for pattern, string in cases)
    result = subprocess.run(["java", str(ORACLE)], input=stdin, capture_output=True, text=True, check=True, cwd=ROOT)
    verdicts = [line == "true" for line in result.stdout.splitlines()]
    if len(verdicts) != len(cases):
        raise RuntimeError(f"the oracle answered {len(verdicts)} of {len(cases)} cases:\n{result.stderr}")
    return verdicts


Key = tuple[str, str]
"""(service, shape)."""
Fixture = dict[Key, tuple[str, list[tuple[str, bool]]]]


def pattern_shapes() -> dict[Key, str]:
    """Every string shape of every service in specs/ that carries a pattern, by (service, shape)."""
    services = sorted(json.loads((SPECS / "provenance.json").read_text(encoding="utf-8"))["services"])
    found = {}
    for service in services:
        shapes = json.loads((SPECS / service / "service-2.json").read_text(encoding="utf-8"))["shapes"]
        for name, shape in sorted(shapes.items()):
            if shape["type"] == "string" and "pattern" in shape:
                found[service, name] = shape["pattern"]
    return found


def render(fixture: Fixture) -> str:
    """The fixture as JSON, by service then shape, one case per line (ASCII only, so it diffs and greps well)."""
    services = []
    for service in dict.fromkeys(service for service, _ in fixture):
        entries = []
        for (owner, shape), (pattern, cases) in fixture.items():
            if owner != service:
                continue
            lines = ",\n".join(f"    {json.dumps([string, verdict])}" for string, verdict in cases)
            entries.append(
                f'  {json.dumps(shape)}: {{\n   "pattern": {json.dumps(pattern)},\n   "cases": [\n{lines}\n   ]\n  }}'
            )
        services.append(f" {json.dumps(service)}: {{\n" + ",\n".join(entries) + "\n }")
    return "{\n" + ",\n".join(services) + "\n}\n"


def _one_sided(fixture: Fixture) -> Iterable[str]:
    for (service, shape), (pattern, cases) in fixture.items():
        verdicts = {verdict for _, verdict in cases}
        if len(verdicts) == 1:
            yield f"{service}:{shape} ({pattern!r}): only {verdicts.pop()}"


def main() -> None:
    shapes = pattern_shapes()
    # Seeded by the shape name alone: a shape keeps its cases whichever service it is in.
    drafted = {key: drafts(key[1], java) for key, java in shapes.items()}
    verdicts = iter(run_oracle([(shapes[key], draft) for key, strings in drafted.items() for draft in strings]))
    per_shape = {
        key: candidates(key[1], strings, [draft for draft in strings if next(verdicts)])
        for key, strings in drafted.items()
    }
    flat = [(shapes[key], string) for key, strings in per_shape.items() for string in strings]
    verdicts = iter(run_oracle(flat))
    fixture = {key: (shapes[key], [(s, next(verdicts)) for s in strings]) for key, strings in per_shape.items()}
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(render(fixture), encoding="utf-8")
    print(f"{FIXTURE.relative_to(ROOT)}: {len(fixture)} shapes, {len(flat)} cases")
    for line in _one_sided(fixture):
        print(f"  one verdict only: {line}")


if __name__ == "__main__":
    main()
