"""Translate the java.util.regex patterns of SageMaker string shapes for pydantic-core.

The service judges a string with ``Pattern.matches(pattern, input)``: a full match under the
default flags. :func:`translate` parses the Java syntax into a small AST and emits an equivalent
pattern for the Rust ``regex`` crate (pydantic-core's default engine, an unanchored search) or,
when Rust cannot take it (lookaround, ``$`` before the end, over pydantic-core's compiled size
limit), for Python's ``re`` (which pydantic-core calls with ``match``). Equivalence holds for
inputs without lone surrogates; ``\\p{..}`` categories follow each engine's Unicode version
(for ``re`` they are spelled out from ``unicode_categories.json``, Unicode 14.0.0 as Python
3.11's ``unicodedata`` has it: never the running Python's, whose Unicode version would make
the generated code depend on the Python that runs the generator).
"""

from __future__ import annotations

import json
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import ClassVar, Literal, TypeAlias

import attrs
from pydantic_core import SchemaError, SchemaValidator, core_schema

Engine: TypeAlias = Literal["rust-regex", "python-re"]
AssertionKind: TypeAlias = Literal["start", "end", "end-of-input", "word-boundary", "not-word-boundary"]
Intervals: TypeAlias = tuple[tuple[int, int], ...]
"""A set of code points as sorted, disjoint, non-adjacent inclusive ranges."""

MAX_CODE_POINT = 0x10FFFF


@attrs.frozen
class Translation:
    """A Java pattern and its equivalent for one of pydantic-core's regex engines."""

    java: str
    pattern: str
    engine: Engine


class UnsupportedPattern(ValueError):
    """The Java pattern uses syntax that :func:`translate` cannot carry over faithfully."""


# --- AST -------------------------------------------------------------------------------------


@attrs.frozen
class Char:
    """One literal code point."""

    cp: int


@attrs.frozen
class CharRange:
    """``lo-hi`` inside a character class; a single character has ``lo == hi``."""

    lo: int
    hi: int


@attrs.frozen
class Posix:
    """An ASCII class (``\\d \\w \\s``, ``\\p{Alnum}``...) under its Rust/POSIX name."""

    name: str
    negated: bool = False


@attrs.frozen
class Category:
    """A Unicode general category such as ``\\p{L}``."""

    name: str
    negated: bool = False


@attrs.frozen
class CharClass:
    """``[...]``: the intersection of ``segments`` (split by ``&&``), each the union of its items."""

    segments: tuple[tuple[ClassItem, ...], ...]
    negated: bool = False


@attrs.frozen
class Seq:
    """Concatenation (never nested, never of a single item)."""

    items: tuple[Node, ...]


@attrs.frozen
class Alt:
    """Alternation."""

    branches: tuple[Node, ...]


@attrs.frozen
class Repeat:
    """``node{min,max}``; ``max`` is None when unbounded. Never of a zero-width node."""

    node: Node
    min: int
    max: int | None
    lazy: bool = False


@attrs.frozen
class Assertion:
    """A zero-width anchor: ``^ \\A`` (start), ``$ \\Z`` (end), ``\\z``, ``\\b``, ``\\B``."""

    kind: AssertionKind


@attrs.frozen
class Look:
    """Lookahead or lookbehind, positive or negative."""

    node: Node
    behind: bool
    negated: bool


ClassItem: TypeAlias = "CharRange | Posix | Category | CharClass"
Node: TypeAlias = "Char | Posix | Category | CharClass | Seq | Alt | Repeat | Assertion | Look"

_LINE_TERMINATORS = (0x0A, 0x0D, 0x85, 0x2028, 0x2029)
DOT = CharClass((tuple(CharRange(cp, cp) for cp in _LINE_TERMINATORS),), negated=True)
"""Java's ``.`` without DOTALL: anything but a line terminator."""

# --- Parser ----------------------------------------------------------------------------------

_CONTROL_ESCAPES = {"t": 0x09, "n": 0x0A, "r": 0x0D, "f": 0x0C, "a": 0x07, "e": 0x1B}
_CLASS_ESCAPES = {
    "d": Posix("digit"),
    "D": Posix("digit", negated=True),
    "w": Posix("word"),
    "W": Posix("word", negated=True),
    "s": Posix("space"),
    "S": Posix("space", negated=True),
}
_ASSERTION_ESCAPES: dict[str, AssertionKind] = {
    "A": "start",
    "Z": "end",
    "z": "end-of-input",
    "b": "word-boundary",
    "B": "not-word-boundary",
}
_POSIX_PROPERTIES = {
    "Lower": "lower",
    "Upper": "upper",
    "ASCII": "ascii",
    "Alpha": "alpha",
    "Digit": "digit",
    "Alnum": "alnum",
    "Punct": "punct",
    "Graph": "graph",
    "Print": "print",
    "Blank": "blank",
    "Cntrl": "cntrl",
    "XDigit": "xdigit",
    "Space": "space",
}
_CATEGORIES = frozenset(
    "L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cn".split()
)
_LOOKAROUNDS = {"?=": (False, False), "?!": (False, True), "?<=": (True, False), "?<!": (True, True)}
_BRACES = re.compile(r"\{(\d+)(,(\d*))?\}")


def parse(java: str) -> Node:
    """Parse a java.util.regex pattern (default flags) into the AST."""
    return _Parser(java).parse()


def _seq(items: Iterable[Node]) -> Node:
    flat = [part for item in items for part in (item.items if isinstance(item, Seq) else (item,))]
    return flat[0] if len(flat) == 1 else Seq(tuple(flat))


class _Parser:
    """Recursive descent over the pattern, following java.util.regex.Pattern's own reading."""

    def __init__(self, java: str) -> None:
        self.src = java
        self.pos = 0

    def fail(self, what: str) -> UnsupportedPattern:
        return UnsupportedPattern(f"{what} at offset {self.pos} of {self.src!r}")

    def peek(self, ahead: int = 0) -> str:
        return self.src[self.pos + ahead : self.pos + ahead + 1]

    def take(self) -> str:
        char = self.peek()
        if not char:
            raise self.fail("unexpected end of pattern")
        self.pos += 1
        return char

    def eat(self, text: str) -> bool:
        if self.src.startswith(text, self.pos):
            self.pos += len(text)
            return True
        return False

    def code_point(self, cp: int) -> int:
        if 0xD800 <= cp <= 0xDFFF:
            raise self.fail(f"lone surrogate U+{cp:04X}")
        return cp

    def parse(self) -> Node:
        node = self.alternation()
        if self.pos < len(self.src):
            raise self.fail("unbalanced ')'")
        return node

    def alternation(self) -> Node:
        branches = [self.sequence()]
        while self.eat("|"):
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else Alt(tuple(branches))

    def sequence(self) -> Node:
        items: list[Node] = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.quantified(self.atom()))
        return _seq(items)

    def atom(self) -> Node:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == ".":
            return DOT
        if char == "^":
            return Assertion("start")
        if char == "$":
            return Assertion("end")
        if char == "\\":
            item = self.escape()
            return Char(item) if isinstance(item, int) else item
        if char in "*+?{":
            raise self.fail(f"dangling {char!r}")
        return Char(self.code_point(ord(char)))

    def group(self) -> Node:
        look = next((kind for prefix, kind in _LOOKAROUNDS.items() if self.eat(prefix)), None)
        if look is None and not self.eat("?:") and self.peek() == "?":
            raise self.fail("unsupported group construct '(?'")
        body = self.alternation()
        if not self.eat(")"):
            raise self.fail("missing ')'")
        return body if look is None else Look(body, behind=look[0], negated=look[1])

    def quantified(self, atom: Node) -> Node:
        if (braces := _BRACES.match(self.src, self.pos)) is not None:
            low = int(braces[1])
            high = None if braces[3] == "" else int(braces[3] or braces[1])
            self.pos = braces.end()
            if high is not None and high < low:
                raise self.fail("repetition {n,m} with m < n")
        elif self.peek() == "{":
            raise self.fail("illegal repetition")
        elif (char := self.peek()) and char in "*+?":
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.pos += 1
        else:
            return atom
        lazy = self.eat("?")
        if self.peek() == "+":
            raise self.fail("possessive quantifier")
        if _empty_only(atom):  # a repeated assertion holds as often as once: ${1,128} is $
            return atom if low > 0 else Seq(())
        return Repeat(atom, low, high, lazy)

    def char_class(self) -> CharClass:
        negated = self.eat("^")
        segments: list[list[ClassItem]] = [[]]
        while True:
            char = self.peek()
            if not char:
                raise self.fail("unclosed character class")
            if char == "]" and any(segments):  # ']' first in a class is a literal in Java
                self.pos += 1
                return CharClass(tuple(tuple(segment) for segment in segments), negated)
            if char == "[":
                self.pos += 1
                segments[-1].append(self.char_class())
            elif self.eat("&&"):
                if not segments[-1] or self.peek() in ("&", "]"):
                    raise self.fail("empty operand of '&&'")
                segments.append([])
            elif char == "&" and len(segments) > 1 and isinstance(segments[-1][-1], CharClass):
                # Java ends the intersection operand here and unions the rest with the result.
                raise self.fail("'&' after a nested class in an intersection")
            else:
                segments[-1].append(self.class_range())

    def class_range(self) -> ClassItem:
        low = self.class_atom()
        if not isinstance(low, int):
            return low
        if self.peek() == "-" and self.peek(1) not in ("", "]", "["):
            self.pos += 1
            high = self.class_atom()
            if not isinstance(high, int):
                raise self.fail("character range ending in a class")
            if high < low:
                raise self.fail("illegal character range")
            return CharRange(low, high)
        return CharRange(low, low)

    def class_atom(self) -> int | Posix | Category:
        char = self.take()
        if char != "\\":
            return self.code_point(ord(char))
        item = self.escape()
        if isinstance(item, Assertion):
            raise self.fail("assertion inside a character class")
        return item

    def escape(self) -> int | Posix | Category | Assertion:
        char = self.take()
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        if char == "x":
            if self.eat("{"):
                end = self.src.find("}", self.pos)
                cp = self.hex_digits(end - self.pos if end > self.pos else 0)
                self.pos += 1
                if cp > MAX_CODE_POINT:
                    raise self.fail("code point out of range")
                return self.code_point(cp)
            return self.hex_digits(2)
        if char == "u":
            return self.code_point(self.unicode_escape())
        if char in _CLASS_ESCAPES:
            return _CLASS_ESCAPES[char]
        if char in "pP":
            return self.property(negated=char == "P")
        if char in _ASSERTION_ESCAPES:
            return Assertion(_ASSERTION_ESCAPES[char])
        if char.isascii() and char.isalnum():
            raise self.fail(f"unsupported escape \\{char}")
        return self.code_point(ord(char))

    def hex_digits(self, count: int) -> int:
        digits = self.src[self.pos : self.pos + count]
        if not digits or len(digits) != count or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise self.fail("malformed hex escape")
        self.pos += count
        return int(digits, 16)

    def unicode_escape(self) -> int:
        """``\\uXXXX``; a high surrogate followed by ``\\u`` + low surrogate is one code point."""
        high = self.hex_digits(4)
        if 0xD800 <= high <= 0xDBFF and self.peek() == "\\" and self.peek(1) == "u":
            self.pos += 2
            low = self.hex_digits(4)
            if 0xDC00 <= low <= 0xDFFF:
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            self.pos -= 6
        return high

    def property(self, negated: bool) -> Posix | Category:
        if self.eat("{"):
            end = self.src.find("}", self.pos)
            if end < 0:
                raise self.fail("unclosed \\p{")
            name, self.pos = self.src[self.pos : end], end + 1
        else:
            name = self.take()
        if name in _POSIX_PROPERTIES:
            return Posix(_POSIX_PROPERTIES[name], negated)
        if name in _CATEGORIES:
            return Category(name, negated)
        raise self.fail(f"unsupported property \\p{{{name}}}")


# --- Character sets --------------------------------------------------------------------------


def _ranges(*pairs: str) -> Intervals:
    return tuple((ord(pair[0]), ord(pair[-1])) for pair in pairs)


_POSIX_RANGES: dict[str, Intervals] = {
    "alnum": _ranges("09", "AZ", "az"),
    "alpha": _ranges("AZ", "az"),
    "ascii": _ranges("\x00\x7f"),
    "blank": _ranges("\t", " "),
    "cntrl": _ranges("\x00\x1f", "\x7f"),
    "digit": _ranges("09"),
    "graph": _ranges("!~"),
    "lower": _ranges("az"),
    "print": _ranges(" ~"),
    "punct": _ranges("!/", ":@", "[`", "{~"),
    "space": _ranges("\t\r", " "),
    "upper": _ranges("AZ"),
    "word": _ranges("09", "AZ", "_", "az"),
    "xdigit": _ranges("09", "AF", "af"),
}


def _union(ranges: Iterable[tuple[int, int]]) -> Intervals:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def _complement(ranges: Intervals) -> Intervals:
    gaps: list[tuple[int, int]] = []
    start = 0
    for low, high in ranges:
        if low > start:
            gaps.append((start, low - 1))
        start = high + 1
    if start <= MAX_CODE_POINT:
        gaps.append((start, MAX_CODE_POINT))
    return tuple(gaps)


def char_set(item: ClassItem, categories: Callable[[str], Intervals] | None = None) -> Intervals:
    """The code points ``item`` matches; ``\\p{..}`` needs ``categories`` (name -> code points)."""
    match item:
        case CharRange():
            return ((item.lo, item.hi),)
        case Posix():
            ranges = _POSIX_RANGES[item.name]
        case Category():
            if categories is None:
                raise UnsupportedPattern(f"\\p{{{item.name}}} needs a table of Unicode categories")
            ranges = categories(item.name)
        case CharClass():
            ranges = ((0, MAX_CODE_POINT),)
            for segment in item.segments:
                members = _union(r for part in segment for r in char_set(part, categories))
                ranges = _complement(_union(_complement(ranges) + _complement(members)))
    return _complement(ranges) if item.negated else ranges


UNICODE_TABLE = Path(__file__).with_name("unicode_categories.json")
"""The general categories of one Unicode version, as ranges: ``write_unicode_table`` writes it."""


def categories_from_unicodedata() -> dict[str, Intervals]:
    """Each general category (``Lu``, ``Nd``...) by the running Python's ``unicodedata``."""
    by_name: dict[str, list[tuple[int, int]]] = {}
    for cp in range(MAX_CODE_POINT + 1):
        ranges = by_name.setdefault(unicodedata.category(chr(cp)), [])
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return {name: tuple(ranges) for name, ranges in sorted(by_name.items())}


def write_unicode_table(path: Path = UNICODE_TABLE) -> None:
    """Write the running Python's categories as the table (``python -c "from codegen.javaregex
    import write_unicode_table; write_unicode_table()"``; moving to another Unicode version
    changes every pattern that names a category)."""
    table = {
        "unicode": unicodedata.unidata_version,
        "categories": {
            name: " ".join(f"{lo:X}" if lo == hi else f"{lo:X}-{hi:X}" for lo, hi in ranges)
            for name, ranges in categories_from_unicodedata().items()
        },
    }
    path.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")


@cache
def unicode_table() -> tuple[str, dict[str, Intervals]]:
    """The table's Unicode version and its categories, each major one (``L``) the union of its own."""
    table = json.loads(UNICODE_TABLE.read_text(encoding="utf-8"))
    categories: dict[str, Intervals] = {}
    for name, text in table["categories"].items():
        bounds = (part.split("-") for part in text.split())
        categories[name] = tuple((int(b[0], 16), int(b[-1], 16)) for b in bounds)
    majors = {
        major: _union(r for name, ranges in categories.items() if name[0] == major for r in ranges)
        for major in {name[0] for name in categories}
    }
    return table["unicode"], {**categories, **majors}


def _python_category(name: str) -> Intervals:
    """A general category by the pinned table (see ``unicode_table``)."""
    return unicode_table()[1].get(name, ())


# --- Analysis --------------------------------------------------------------------------------


def admits_astral(java: str) -> bool:
    """Whether a Java pattern can match a character outside the Basic Multilingual Plane.

    Where it cannot, code points and UTF-16 code units count a valid string alike, so the
    service's length rule needs no check beyond pydantic's native one.
    """
    return _astral(parse(java))


def _astral(node: Node) -> bool:
    match node:
        case Char():
            return node.cp > 0xFFFF
        case Posix() | Category() | CharClass():
            return any(hi > 0xFFFF for _, hi in char_set(node, _python_category))
        case Seq():
            return any(map(_astral, node.items))
        case Alt():
            return any(map(_astral, node.branches))
        case Repeat():
            return node.max != 0 and _astral(node.node)
    return False  # assertions and lookaround consume nothing


def _empty_only(node: Node) -> bool:
    """Whether ``node`` can only ever match the empty string."""
    match node:
        case Assertion() | Look():
            return True
        case Seq():
            return all(map(_empty_only, node.items))
        case Alt():
            return all(map(_empty_only, node.branches))
        case Repeat():
            return node.max == 0 or _empty_only(node.node)
    return False


def _nullable(node: Node) -> bool:
    match node:
        case Assertion() | Look():
            return True
        case Seq():
            return all(map(_nullable, node.items))
        case Alt():
            return any(map(_nullable, node.branches))
        case Repeat():
            return node.min == 0 or _nullable(node.node)
    return False


def _ascii_edge(node: Node, last: bool) -> bool:
    """Whether every character that can start (``last``: end) a match of ``node`` is ASCII."""
    match node:
        case Char():
            return node.cp < 0x80
        case Seq():
            for item in reversed(node.items) if last else node.items:
                if not _ascii_edge(item, last):
                    return False
                if not _nullable(item):
                    break
            return True
        case Alt():
            return all(_ascii_edge(branch, last) for branch in node.branches)
        case Repeat():
            return node.max == 0 or _ascii_edge(node.node, last)
        case Assertion() | Look():
            return True
    try:
        ranges = char_set(node)
    except UnsupportedPattern:  # a Unicode category: not provably ASCII
        return False
    return not ranges or ranges[-1][1] < 0x80


def _width(node: Node) -> int | None:
    """The fixed number of characters ``node`` matches, if it has one."""
    match node:
        case Seq():
            total = 0
            for item in node.items:
                if (width := _width(item)) is None:
                    return None
                total += width
            return total
        case Alt():
            widths = {_width(branch) for branch in node.branches}
            return widths.pop() if len(widths) == 1 else None
        case Repeat():
            width = _width(node.node)
            return None if width is None or node.min != node.max else width * node.min
        case Assertion() | Look():
            return 0
    return 1


@attrs.frozen
class _Side:
    """What borders a node on one side in a full match.

    ``edge``: only the input boundary (everything in between matches only ""); ``ascii``: any
    bordering character is ASCII.
    """

    edge: bool
    ascii: bool

    def past(self, node: Node, last: bool) -> _Side:
        """This side as seen from the far side of ``node`` (``last``: node precedes the viewer)."""
        return _Side(
            self.edge and _empty_only(node),
            _ascii_edge(node, last) and (self.ascii or not _nullable(node)),
        )

    def either(self, other: _Side) -> _Side:
        return _Side(self.edge and other.edge, self.ascii and other.ascii)


_BOUNDARY = _Side(edge=True, ascii=True)
_UNKNOWN = _Side(edge=False, ascii=False)

# --- Emitters --------------------------------------------------------------------------------


class _RustCannotError(Exception):
    """The Rust regex crate cannot express this construct; python re will be tried."""


def _quantifier(node: Repeat) -> str:
    if (node.min, node.max) in ((0, None), (1, None), (0, 1)):
        text = {0: "*", 1: "+"}[node.min] if node.max is None else "?"
    elif node.min == node.max:
        text = f"{{{node.min}}}"
    else:
        text = f"{{{node.min},{'' if node.max is None else node.max}}}"
    return text + ("?" if node.lazy else "")


class _Emitter(ABC):
    """Emits a full-match pattern; subclasses hold what differs between the engines."""

    engine: ClassVar[Engine]
    anchors: ClassVar[tuple[str, str]]
    specials: ClassVar[str] = "\\.+*?()|[]{}^$"
    class_specials: ClassVar[str]

    def pattern(self, root: Node) -> str:
        body = self.node(root, _BOUNDARY, _BOUNDARY)
        return self.anchors[0] + (f"(?:{body})" if isinstance(root, Alt) else body) + self.anchors[1]

    def node(self, node: Node, before: _Side, after: _Side) -> str:
        match node:
            case Char():
                return self.char(node.cp, self.specials)
            case Seq():
                parts: list[str] = []
                for index, item in enumerate(node.items):
                    item_before = before
                    for previous in node.items[:index]:
                        item_before = item_before.past(previous, last=True)
                    item_after = after
                    for following in reversed(node.items[index + 1 :]):
                        item_after = item_after.past(following, last=False)
                    text = self.node(item, item_before, item_after)
                    parts.append(f"(?:{text})" if isinstance(item, Alt) else text)
                return "".join(parts)
            case Alt():
                return "|".join(self.node(branch, before, after) for branch in node.branches)
            case Repeat():
                body = node.node
                if node.max is None or node.max > 1:  # an iteration may border another one
                    before = before.either(before.past(body, last=True))
                    after = after.either(after.past(body, last=False))
                text = self.node(body, before, after)
                grouped = isinstance(body, (Seq, Alt, Repeat))
                return (f"(?:{text})" if grouped else text) + _quantifier(node)
            case Assertion():
                return self.assertion(node.kind, before, after)
            case Look():
                return self.look(node, before, after)
        return self.char_set(node)

    def assertion(self, kind: AssertionKind, before: _Side, after: _Side) -> str:
        if kind == "start":
            return "" if before.edge else "^"
        if kind in ("end", "end-of-input"):
            return "" if after.edge else self.end(kind)
        if not (before.ascii and after.ascii):
            raise UnsupportedPattern(
                "\\b next to a possibly non-ASCII character (which characters are word characters"
                " differs between JDK versions and engines)"
            )
        return "\\b" if kind == "word-boundary" else "\\B"

    def char(self, cp: int, specials: str) -> str:
        if cp in (0x09, 0x0A, 0x0D):
            return {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}[cp]
        if not 0x20 <= cp < 0x7F:
            return self.hex(cp)
        return "\\" + chr(cp) if chr(cp) in specials else chr(cp)

    def span(self, low: int, high: int) -> str:
        """A range inside a class."""
        text = self.char(low, self.class_specials)
        return text if low == high else f"{text}-{self.char(high, self.class_specials)}"

    @abstractmethod
    def hex(self, cp: int) -> str: ...

    @abstractmethod
    def end(self, kind: AssertionKind) -> str: ...

    @abstractmethod
    def look(self, node: Look, before: _Side, after: _Side) -> str: ...

    @abstractmethod
    def char_set(self, item: ClassItem) -> str: ...


class _RustEmitter(_Emitter):
    """Rust ``regex``: keeps classes as written (nested, ``&&``, ``\\p{..}``, ``[[:word:]]``)."""

    engine = "rust-regex"
    anchors = ("^", "$")
    class_specials = "\\[]-&~^"

    def hex(self, cp: int) -> str:
        return f"\\x{{{cp:X}}}"

    def end(self, kind: AssertionKind) -> str:
        if kind == "end-of-input":
            return "\\z"
        raise _RustCannotError("'$' before the end of the pattern")

    def look(self, node: Look, before: _Side, after: _Side) -> str:
        raise _RustCannotError("lookaround")

    def char_set(self, item: ClassItem) -> str:
        return f"[{self.class_item(item)}]" if isinstance(item, Posix) else self.class_item(item)

    def class_item(self, item: ClassItem) -> str:
        match item:
            case CharRange():
                return self.span(item.lo, item.hi)
            case Posix():
                return f"[:{'^' if item.negated else ''}{item.name}:]"
            case Category():
                return f"\\{'P' if item.negated else 'p'}{{{item.name}}}"
            case CharClass():
                body = "&&".join("".join(map(self.class_item, segment)) for segment in item.segments)
                if body.startswith(":"):  # "[:" would open an ASCII class such as [:alpha:]
                    body = "\\" + body
                return f"[{'^' if item.negated else ''}{body}]"


class _PythonEmitter(_Emitter):
    """Python ``re``: flat classes of ranges (categories spelled out), Java's ``$`` as a lookahead."""

    engine = "python-re"
    anchors = ("\\A", "\\Z")
    class_specials = "\\[]-&~^|"
    # Java's $: at the end, or before a final line terminator (but not between \r and \n).
    dollar = "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\x85\\u2028\\u2029])?\\Z)"

    def hex(self, cp: int) -> str:
        return f"\\x{cp:02X}" if cp < 0x100 else f"\\u{cp:04X}" if cp < 0x10000 else f"\\U{cp:08X}"

    def end(self, kind: AssertionKind) -> str:
        return "\\Z" if kind == "end-of-input" else self.dollar

    def look(self, node: Look, before: _Side, after: _Side) -> str:
        if node.behind:
            if _width(node.node) is None:
                raise UnsupportedPattern("python re needs a fixed-width lookbehind")
            body = self.node(node.node, _UNKNOWN, after)
        else:
            body = self.node(node.node, before, _UNKNOWN)
        return f"(?{'<' if node.behind else ''}{'!' if node.negated else '='}{body})"

    def char_set(self, item: ClassItem) -> str:
        ranges = char_set(item, _python_category)
        if not ranges:
            return f"[^{self.span(0, MAX_CODE_POINT)}]"
        if ranges[-1][1] == MAX_CODE_POINT and ranges != ((0, MAX_CODE_POINT),):
            return f"[^{self.spans(_complement(ranges))}]"
        return f"[{self.spans(ranges)}]"

    def spans(self, ranges: Intervals) -> str:
        """Flat class contents; two adjacent characters are written apart, not as a range."""
        return "".join(
            self.span(low, high) if high != low + 1 else self.span(low, low) + self.span(high, high)
            for low, high in ranges
        )


def _rust_pattern(root: Node) -> str:
    pattern = _RustEmitter().pattern(root)
    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError as error:  # e.g. a big Unicode class repeated {0,1024}: over the size limit
        raise _RustCannotError(str(error).splitlines()[-1].strip()) from None
    return pattern


def translate(java: str) -> Translation:
    """Translate a Java pattern for pydantic-core, preferring the Rust engine."""
    root = parse(java)
    try:
        return Translation(java, _rust_pattern(root), _RustEmitter.engine)
    except _RustCannotError as reason:
        try:
            pattern = _PythonEmitter().pattern(root)
        except UnsupportedPattern as error:
            raise UnsupportedPattern(f"{java!r} needs python re ({reason}), but {error}") from None
        return Translation(java, pattern, _PythonEmitter.engine)
