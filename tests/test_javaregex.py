"""codegen.javaregex: exact emitted patterns, the JDK-judged fixture, and the JDK itself when present."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import unicodedata
from functools import cache
from typing import TypedDict

import attrs
import pytest
from pydantic_core import SchemaValidator, ValidationError, core_schema

from codegen.javaregex import Translation, UnsupportedPattern, categories_from_unicodedata, translate, unicode_table
from tests.patterns.generate_cases import FIXTURE, pattern_shapes, run_oracle


class Entry(TypedDict):
    pattern: str
    cases: list[tuple[str, bool]]  # JSON pairs: [string, JDK verdict]


FIXTURE_DATA: dict[str, Entry] = {
    f"{service}:{shape}": entry
    for service, shapes in json.loads(FIXTURE.read_text(encoding="utf-8")).items()
    for shape, entry in shapes.items()
}
"""Every service's pattern shapes, as ``service:Shape``."""
JAVA = shutil.which("java")
needs_java = pytest.mark.skipif(JAVA is None, reason="no `java` on PATH: the JDK oracle cannot run")
# Java's $ (no MULTILINE) as the python-re translation spells it.
DOLLAR = r"(?=(?:\r\n|(?<!\r)\n|[\r\x85\u2028\u2029])?\Z)"


@cache
def validator(java: str) -> SchemaValidator:
    """pydantic-core's validator for the translation, built exactly as the generated models build it."""
    translation = translate(java)
    pattern = translation.pattern if translation.engine == "rust-regex" else re.compile(translation.pattern)
    return SchemaValidator(core_schema.str_schema(pattern=pattern))


def accepts(java: str, string: str) -> bool:
    try:
        validator(java).validate_python(string)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    ("java", "rust"),
    [
        (".", r"^[^\n\r\x{85}\x{2028}\x{2029}]$"),
        (r"\w\d\s", r"^[[:word:]][[:digit:]][[:space:]]$"),
        (r"\W\D\S", r"^[[:^word:]][[:^digit:]][[:^space:]]$"),
        (r"[\w+=,.@*-]+", r"^[[:word:]+=,.@*\-]+$"),
        (r"[\S\s]*", r"^[[:^space:][:space:]]*$"),
        (r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"),
        (r"\pL\P{N}\p{Lu}", r"^\p{L}\P{N}\p{Lu}$"),
        (r"arn:[\p{Alnum}\-]+\p{Punct}\P{XDigit}", r"^arn:[[:alnum:]\-]+[[:punct:]][[:^xdigit:]]$"),
        (
            r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*",
            r"^[ -\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}\t]*$",
        ),
        (r"\uD83D\uDE00\x41\x{1F600}\e\u00e9", r"^\x{1F600}A\x{1F600}\x{1B}\x{E9}$"),
        (r"([\p{L}]*)${1,128}", r"^[\p{L}]*$"),
        (r"a${0,3}b", r"^ab$"),
        (r"x(?=a)*", r"^x$"),
        (r"(^DisplayName$)|(^Description$)", r"^(?:DisplayName|Description)$"),
        (r"\Aa\Z|b\z", r"^(?:a|b)$"),
        (r"a\z\n?", r"^a\z\n?$"),
        (r"(?:a^)?b", r"^(?:a^)?b$"),
        (r"\/\ \.\-\@\{", r"^/ \.-@\{$"),
        (r"[a-zA-Z0-9\ \_\.]+", r"^[a-zA-Z0-9 _.]+$"),
        (r"[a-zA-Z0-9-_.]", r"^[a-zA-Z0-9\-_.]$"),
        (r"[!#-\[\]-~]+", r"^[!#-\[\]-\~]+$"),
        (r"[^ ~^:?*\[]+", r"^[^ \~\^:?*\[]+$"),
        (r"[]a][^]&]", r"^[\]a][^\]\&]$"),
        (r"[a-c[x-z]][^a[b]]", r"^[a-c[x-z]][^a[b]]$"),
        (r"[a-z&&[^aeiou]][\w&&[^_]]", r"^[a-z&&[^aeiou]][[:word:]&&[^_]]$"),
        (r"[a[:b:]][:c:]", r"^[a[\:b:]][\:c:]$"),
        (r"[a-[bc]][\w-a]", r"^[a\-[bc]][[:word:]\-a]$"),
        (r"(https|s3)://([^/]+)/?(.*)", r"^(?:https|s3)://[^/]+/?[^\n\r\x{85}\x{2028}\x{2029}]*$"),
        (
            r"((25[0-5]|(2[0-4]|1\d|[1-9]|)\d)\.?\b){4}",
            r"^(?:(?:25[0-5]|(?:2[0-4]|1[[:digit:]]|[1-9]|)[[:digit:]])\.?\b){4}$",
        ),
        (r"\w\B\w|\b", r"^(?:[[:word:]]\B[[:word:]]|\b)$"),
        (r"[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?", r"^[a-z0-9](?:[\-a-z0-9]*[a-z0-9]){0,39}?$"),
        (r"a{2,}b{3}c{0,}d{1,}e{0,1}(fg)+?", r"^a{2,}b{3}c*d+e?(?:fg)+?$"),
    ],
)
def test_rust_translation(java: str, rust: str) -> None:
    assert translate(java) == Translation(java, rust, "rust-regex")


@pytest.mark.parametrize(
    ("java", "python"),
    [
        (
            r"(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:[a-z\-]*/)?([a-zA-Z0-9]([a-zA-Z0-9\-]){0,62})(?<!-)",
            r"\A(?:arn:aws[\-a-z]*:sagemaker:[\-0-9a-z]*:[0-9]{12}:[\-a-z]*/)?[0-9A-Za-z][\-0-9A-Za-z]{0,62}(?<!-)\Z",
        ),
        (r"(?!\s*$).+", rf"\A(?![\t-\r ]*{DOLLAR})[^\n\r\x85\u2028\u2029]+\Z"),
        (r"(?!^[.-])^([a-zA-Z0-9-_.]+)", r"\A(?![\-.])[\-.0-9A-Z_a-z]+\Z"),
        (r"(?=.{1,32}$)[a-z]+", rf"\A(?=[^\n\r\x85\u2028\u2029]{{1,32}}{DOLLAR})[a-z]+\Z"),
        (r"a$\r?\n|b\Z\n", rf"\A(?:a{DOLLAR}\r?\n|b{DOLLAR}\n)\Z"),
        (r"(?<=a)\w\W\d\s\S.\z", r"\A(?<=a)[0-9A-Z_a-z][^0-9A-Z_a-z][0-9][\t-\r ][^\t-\r ][^\n\r\x85\u2028\u2029]\Z"),
        (
            r"(?=a)[\uD800\uDC00-\uDBFF\uDFFE\x{E9}&&[^\x{10000}]][\p{Alnum}]",
            r"\A(?=a)[\xE9\U00010001-\U0010FFFE][0-9A-Za-z]\Z",
        ),
        (r"(?=a)[^a][^\x00-\x{10FFFF}][\x00-\x{10FFFF}]", r"\A(?=a)[^a][^\x00-\U0010FFFF][\x00-\U0010FFFF]\Z"),
        (r"(?=a)[\[\]\-\^&~|\\]", r"\A(?=a)[\&\-\[-\^\|\~]\Z"),
        (r"(?=a)\\\.\*\(\)\{\|", r"\A(?=a)\\\.\*\(\)\{\|\Z"),
    ],
)
def test_python_translation(java: str, python: str) -> None:
    assert translate(java) == Translation(java, python, "python-re")


def test_unicode_categories_are_spelled_out_for_python() -> None:
    """Lookaround with \\p{..}: the category becomes ranges from the pinned Unicode table."""
    translation = translate(r"(?<!\p{Nd})a")
    assert translation.engine == "python-re"
    assert translation.pattern.startswith(r"\A(?<![0-9\u0660-\u0669\u06F0-\u06F9")
    assert accepts(r"(?<!\p{Nd})a", "a")


def test_the_unicode_table_is_unicode_14_as_python_has_it() -> None:
    """The table the generator spells categories from (not the running Python's unicodedata, so
    that every Python generates the same code) is Unicode 14.0.0, as Python 3.11's unicodedata
    has it: checked on the Python that has that version (3.11; tests_python runs it)."""
    version, categories = unicode_table()
    assert version == "14.0.0"
    assert categories["L"][:2] == ((0x41, 0x5A), (0x61, 0x7A))  # a major category: the union of its own
    if unicodedata.unidata_version != version:
        pytest.skip(f"this Python's unicodedata is Unicode {unicodedata.unidata_version}, not the table's")
    assert {name: ranges for name, ranges in categories.items() if len(name) == 2} == categories_from_unicodedata()


def test_rust_size_limit_falls_back_to_python() -> None:
    """A big Unicode class repeated {0,1024} is over pydantic-core's compiled size limit for Rust."""
    translation = translate(r"[\p{L}\p{M}\p{Z}\p{N}\p{P}]{0,1024}")
    assert translation.engine == "python-re"
    assert translation.pattern.startswith(r"\A[ -#%-*,-;?-\]_a-{}\xA0")
    assert translation.pattern.endswith(r"]{0,1024}\Z")
    assert accepts(translation.java, "é٣ Ⅻ-" * 200)
    assert not accepts(translation.java, "a" * 1025)
    assert not accepts(translation.java, "😀")


@pytest.mark.parametrize(
    ("java", "message"),
    [
        ("(?i)a", "unsupported group construct"),
        ("(?>a)", "unsupported group construct"),
        (r"(a)\1", r"unsupported escape \1"),
        (r"\Qa\E", r"unsupported escape \Q"),
        (r"\v", r"unsupported escape \v"),
        (r"\p{InGreek}", r"unsupported property \p{InGreek}"),
        ("a*+", "possessive quantifier"),
        ("*a", "dangling '*'"),
        ("a{,2}", "illegal repetition"),
        ("a{2,1}", "m < n"),
        ("(a", "missing ')'"),
        ("a)", "unbalanced ')'"),
        ("[a", "unclosed character class"),
        ("[z-a]", "illegal character range"),
        (r"[a-\d]", "range ending in a class"),
        (r"[\b]", "assertion inside a character class"),
        ("[a&&]", "empty operand of '&&'"),
        ("[&&a]", "empty operand of '&&'"),
        ("[a&&[b]&c]", "'&' after a nested class"),
        (r"[\uD800]", "lone surrogate U+D800"),
        (r"\x{110000}", "code point out of range"),
        (r"\xG1", "malformed hex escape"),
        ("(?<=a+)b", "fixed-width lookbehind"),
        (r".\b", r"\b next to a possibly non-ASCII character"),
        (r"\béa", r"\b next to a possibly non-ASCII character"),
        (r"(?=\b)a", r"\b next to a possibly non-ASCII character"),
    ],
)
def test_unsupported(java: str, message: str) -> None:
    with pytest.raises(UnsupportedPattern, match=re.escape(message)):
        translate(java)


def test_translation_is_frozen_and_errors_are_value_errors() -> None:
    translation = translate("a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        translation.pattern = "b"  # type: ignore[misc]
    assert issubclass(UnsupportedPattern, ValueError)


# --- The JDK-judged fixture --------------------------------------------------------------------

# Patterns whose language is every string: no case can be judged false.
MATCH_EVERYTHING = {r"[\S\s]*"}


def test_fixture_covers_every_pattern_shape_of_every_service() -> None:
    patterns = {f"{service}:{shape}": java for (service, shape), java in pattern_shapes().items()}
    assert len(patterns) > 100  # 559 in botocore 1.44.8: the fixture is not an empty one matching an empty list
    assert {name: entry["pattern"] for name, entry in FIXTURE_DATA.items()} == patterns
    for name, entry in FIXTURE_DATA.items():
        assert len(entry["cases"]) >= 20, name
        verdicts = {verdict for _, verdict in entry["cases"]}
        assert verdicts == ({True} if entry["pattern"] in MATCH_EVERYTHING else {True, False}), name


@pytest.mark.parametrize("shape", sorted(FIXTURE_DATA))
def test_translation_agrees_with_the_jdk(shape: str) -> None:
    java = FIXTURE_DATA[shape]["pattern"]
    wrong = [(string, jdk) for string, jdk in FIXTURE_DATA[shape]["cases"] if accepts(java, string) != jdk]
    assert not wrong, f"{java!r} -> {translate(java).pattern!r}; JDK verdicts differ for {wrong[:5]!r}"


@needs_java
def test_fixture_verdicts_are_the_jdks() -> None:
    cases = [(entry["pattern"], string) for entry in FIXTURE_DATA.values() for string, _ in entry["cases"]]
    recorded = [verdict for entry in FIXTURE_DATA.values() for _, verdict in entry["cases"]]
    verdicts = run_oracle(cases)
    wrong = [(case, verdict) for case, verdict, old in zip(cases, verdicts, recorded, strict=True) if verdict != old]
    assert not wrong, f"{len(wrong)} recorded verdicts are not the JDK's, e.g. {wrong[:5]!r}"


# Constructs beyond today's spec, checked against the JDK on every short string over an alphabet
# of ASCII, line terminators, non-ASCII letters/digits and an astral character.
CONSTRUCTS = [
    r"a$",
    r"a$\n",
    r"a\r$\n",
    r"a$[\n\r]*",
    r"a\Z\n?",
    r"a\z\n?",
    r"(a|b$)\n?",
    r"a(?!$)",
    r"(?=a$)..?",
    r"(?!a\n$).+\n?",
    r"a$$\n?",
    r"^a|b",
    r"(?:a^)?b",
    r"a\b",
    r"a?\b-?",
    r"(?:\b|-)a",
    r"\w\B\w",
    r"[a-z&&[^b]]+",
    r"[^a[b]]",
    r"[a&&b&c]",
    r"[]a]+",
    r"[a-[b]]",
    r"[[:alpha:]]",
    r"[a[:b:]]+",
    r"[\p{Alnum}_:]*",
    r"\P{L}+",
    r"\pL\pN?",
    r"[\x{1F600}-\x{1F601}]a?",
    r"(?<=a)b|a+",
    r"(?<!\p{L})\d",
    r"a+?b*?",
    r"(a|)+b",
    r"(?=a)*b",
    r"(?:$)+",
    r".*\r?\n?",
    r"\s\S?",
    r"\w\W?",
]
ALPHABET = ("a", "b", ":", "-", "1", " ", "\n", "\r", "\u2028", "é", "٣", "😀")


@needs_java
def test_constructs_agree_with_the_jdk() -> None:
    strings = ["".join(chars) for length in range(4) for chars in itertools.product(ALPHABET, repeat=length)]
    cases = [(java, string) for java in CONSTRUCTS for string in strings]
    wrong = [case for case, jdk in zip(cases, run_oracle(cases), strict=True) if accepts(*case) != jdk]
    assert not wrong, f"{len(wrong)} disagreements with the JDK, e.g. {wrong[:5]!r}"
