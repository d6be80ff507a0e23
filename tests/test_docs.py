"""Tests for codegen.docs: HTML documentation to plain text and docstring literals."""

from __future__ import annotations

import ast
import html
import inspect
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from codegen.docs import WIDTH, docstring, html_to_text, summary

SPEC = Path(__file__).resolve().parent.parent / "specs" / "sagemaker" / "service-2.json"
# Every tag the spec uses, plus a few the converter must consume if they appear.
TAG = re.compile(r"<(/?)(p|a|code|ul|ol|li|b|i|em|strong|note|important|dl|dt|dd|br)\b[^<>]*>", re.IGNORECASE)
WORD = re.compile(r"(?:``.+?``|\S)+")  # a word the wrapper may not split
PREFIX = re.compile(r" *(?:(?:-|\d+\.) )?")  # indentation and list marker


def _parse_docstring(literal: str, indent: str) -> str | None:
    """Compile ``literal`` as a function docstring and return it, cleaned."""
    tree = ast.parse(f"def f():\n{indent}{literal}\n{indent}pass\n")
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    return ast.get_docstring(function, clean=True)


def _fits(line: str, width: int) -> bool:
    """True if ``line`` fits, or holds a single unbreakable word after its prefix."""
    match = PREFIX.match(line)
    assert match is not None
    return len(line) <= width or len(WORD.findall(line[match.end() :])) == 1


# --- html_to_text: constructs -------------------------------------------------------


def test_paragraphs_collapse_whitespace() -> None:
    assert html_to_text("<p>One. </p> <p>Two  words\n here.</p>") == "One.\n\nTwo words here."


def test_entities_are_decoded() -> None:
    assert html_to_text("<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#x27;</p>") == "a < b && c > d \"q\" 's'"


def test_empty_documentation() -> None:
    assert html_to_text("") == ""
    assert html_to_text(None) == ""
    assert html_to_text("  <p/> <p> </p> ") == ""


def test_bold_italic_dropped_and_line_break() -> None:
    assert html_to_text("<p>A <b>bold</b> and <i>italic</i> word.<br/>Next line.</p><p/>") == (
        "A bold and italic word.\nNext line."
    )


def test_code_is_an_inline_literal() -> None:
    assert html_to_text("<p>Set <code>MaxResults</code> to <code> 10 </code>.</p>") == (
        "Set ``MaxResults`` to ``10`` ."
    )


def test_long_code_block_stays_plain() -> None:
    source = '<p>Pass <code>{"a": 1, "b": [1, 2, 3], "c": "some value"}</code> here.</p>'
    assert html_to_text(source) == 'Pass {"a": 1, "b": [1, 2, 3], "c": "some value"} here.'


def test_links() -> None:
    source = (
        '<p>See <a href="https://example.com/guide">the guide</a>, '
        '<a href="https://example.com">https://example.com</a>, <a href="Other.html">Other</a>, '
        '<a href=" https://example.com/s">spaced</a>, <a href="">empty</a> and '
        '<a href="https://example.com/e"></a>.</p>'
    )
    assert html_to_text(source) == (
        "See the guide (https://example.com/guide), https://example.com, Other, spaced\n"
        "(https://example.com/s), empty and https://example.com/e."
    )


def test_links_and_code_nest_both_ways() -> None:
    source = (
        '<p>See <code> <a href="https://x.example/API_Foo.html">Foo</a> </code> and '
        '<a href="https://x.example/bar"><code>Bar</code></a>.</p>'
    )
    assert html_to_text(source) == "See ``Foo`` (https://x.example/API_Foo.html) and ``Bar`` (https://x.example/bar)."


def test_nested_lists() -> None:
    source = (
        "<p>Options:</p><ul> <li> <p>One</p> </li> <li> <p>Two:</p> <ul> <li> <p>Two A</p> </li>"
        " <li> <p>Two B</p> <ul><li>deep</li></ul> </li> </ul> </li> <li>Three</li> </ul>"
    )
    assert html_to_text(source) == "Options:\n\n- One\n- Two:\n  - Two A\n  - Two B\n    - deep\n- Three"


def test_ordered_list_is_numbered() -> None:
    assert html_to_text("<ol> <li> <p>First</p> </li> <li> <p>Second</p> </li> </ol>") == "1. First\n2. Second"


def test_list_items_with_several_paragraphs_are_spaced() -> None:
    source = "<ul> <li> <p>One</p> <p>More about one.</p> </li> <li> <p>Two</p> </li> </ul>"
    assert html_to_text(source) == "- One\n\n  More about one.\n\n- Two"


def test_unclosed_list_items_close_implicitly() -> None:
    assert html_to_text("<ul><li>one<li>two</ul>") == "- one\n- two"


def test_notes() -> None:
    source = "<note> <p>Careful.</p> <p>Second.</p> </note><important><ul><li>x</li></ul></important>"
    assert html_to_text(source) == "Note: Careful.\n\nSecond.\n\nImportant:\n\n- x"


def test_note_inside_a_list_item() -> None:
    source = "<ul><li><p>Item.</p><note><p>Beware.</p></note></li><li>Next.</li></ul>"
    assert html_to_text(source) == "- Item.\n\n  Note: Beware.\n\n- Next."


def test_definition_list() -> None:
    source = "<dl> <dt>Auto</dt> <dd> <p>Chooses.</p> </dd> <dt><code>Linear</code></dt> <dd> <p>Scale.</p> </dd> </dl>"
    assert html_to_text(source) == "Auto\n    Chooses.\n``Linear``\n    Scale."


def test_definition_list_with_several_paragraphs_is_spaced() -> None:
    source = "<dl> <dt>A</dt> <dd> <p>One.</p> <p>Two.</p> </dd> <dt>B</dt> <dd>Three.</dd> </dl>"
    assert html_to_text(source) == "A\n    One.\n\n    Two.\n\nB\n    Three."


# --- html_to_text: wrapping -----------------------------------------------------------


def test_paragraph_wraps_at_width() -> None:
    line = " ".join(["word"] * 8)
    assert html_to_text("<p>" + "word " * 20 + "</p>", width=40) == f"{line}\n{line}\nword word word word"


def test_bullets_wrap_with_hanging_indent() -> None:
    source = "<ul><li><p>" + "word " * 12 + "</p><ul><li>" + "deep " * 8 + "</li></ul></li></ul>"
    assert html_to_text(source, width=24) == (
        "- word word word word\n"
        "  word word word word\n"
        "  word word word word\n"
        "  - deep deep deep deep\n"
        "    deep deep deep deep"
    )


def test_urls_and_literals_are_not_broken() -> None:
    source = '<p>aaa bbb <code>a b c</code> <a href="https://example.com/a/very/long/path">x</a></p>'
    assert html_to_text(source, width=18) == "aaa bbb ``a b c``\nx\n(https://example.com/a/very/long/path)"


def test_no_continuation_line_starts_like_a_list_item() -> None:
    assert html_to_text("<p>aaaa bbbb cccc - dddd</p>", width=15) == "aaaa bbbb\ncccc - dddd"


def test_rendering_is_deterministic() -> None:
    source = "<p>a <code>b</code></p><ul><li>c</li></ul>"
    assert html_to_text(source) == html_to_text(source)


# --- summary ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Creates a model. Then more.", "Creates a model."),
        ("Use e.g. this one. Next one.", "Use e.g. this one."),
        ("Set ``Foo.Bar``. Next.", "Set ``Foo.Bar``."),
        ("The first line\ncontinues here. Second.", "The first line continues here."),
        ("No period here\n\nSecond paragraph.", "No period here"),
        ("- Item one. More.\n- Item two.", "Item one."),
        ("See the Guide\n(https://example.com/guide). More.", "See the Guide."),
        ("(https://example.com) first.", "(https://example.com) first."),
        ("Version 1.0 is the default. see below", "Version 1.0 is the default. see below"),
        ("", ""),
        ("\n\n", ""),
    ],
)
def test_summary(text: str, expected: str) -> None:
    assert summary(text) == expected


def test_summary_cuts_at_a_word_boundary() -> None:
    result = summary("A " + "long " * 30 + "sentence.")
    assert result == "A" + " long" * 19 + "…"
    assert len(result) <= 100


def test_summary_cuts_a_single_huge_word() -> None:
    assert summary("x" * 150) == "x" * 99 + "…"


# --- docstring -------------------------------------------------------------------------


def test_docstring_one_liner() -> None:
    assert docstring("Short.", "    ") == '"""Short."""'


def test_docstring_multi_line() -> None:
    assert docstring("Summary.\n\nMore text.", "    ") == '"""Summary.\n\n    More text.\n    """'


def test_docstring_escapes() -> None:
    assert docstring("C:\\path", "") == '"""C:\\\\path"""'
    assert docstring('say """hi"""', "") == '"""say \\"""hi\\""\\""""'
    assert docstring('Ends with "quote"', "") == '"""Ends with "quote\\""""'
    assert docstring("a\tb\x00\r", "") == '"""a\\tb\\x00\\r"""'


def test_docstring_wraps_for_its_indentation() -> None:
    text = " ".join(["word"] * 16) + "\n" + " ".join(["word"] * 16)
    indent = " " * 12
    assert docstring(text, indent) == (
        '"""' + " ".join(["word"] * 14) + "\n"
        f"{indent}" + " ".join(["word"] * 15) + "\n"
        f"{indent}word word word\n"
        f'{indent}"""'
    )


def test_docstring_long_single_line_becomes_multi_line() -> None:
    text = " ".join(["word"] * 16)  # 79 columns: fits after the quotes, not between them
    assert docstring(text, "    ") == '"""' + " ".join(["word"] * 15) + '\n    word\n    """'


def test_docstring_keeps_lines_that_fit() -> None:
    first = "x" * 81  # 4 + 3 + 81 = 88 columns
    assert docstring(f"{first}\ny", "    ") == f'"""{first}\n    y\n    """'


def test_docstring_keeps_list_indentation_when_rewrapping() -> None:
    text = "Items:\n\n- " + " ".join(["item"] * 20)
    assert docstring(text, " " * 8) == (
        '"""Items:\n\n        - ' + " ".join(["item"] * 15) + "\n          " + " ".join(["item"] * 5) + '\n        """'
    )


def test_docstring_rejects_non_whitespace_indent() -> None:
    with pytest.raises(ValueError, match="indent"):
        docstring("Text.", "  x")


@pytest.mark.parametrize(
    "text",
    [
        "",
        '"',
        '""',
        '"""',
        '""""""""',
        '"starts and ends"',
        "\\",
        "ends with backslash \\",
        '\\"',
        "'''single quotes'''",
        "tab\there and\x0bvertical\x0cfeed",
        "nul\x00 bell\x07 del\x7f nbsp\xa0 line-sep\u2028 surrogate\ud800",
        "carriage\r\nreturn",
        "\n\nleading blank lines",
        "trailing blank lines\n\n\n",
        "first\n  indented\n    more",
        "    leading spaces",
        "unicode … ünïcödé 🎉",
        '{"json": "value", "list": [1, 2]}',
        "x" * 200,
        " ".join(['say """hi""" \\ and "quote"'] * 10),
    ],
)
@pytest.mark.parametrize("indent", ["", "    ", "        "])
def test_docstring_is_valid_for_any_text(text: str, indent: str) -> None:
    literal = docstring(text, indent)
    got = _parse_docstring(literal, indent or " ")
    if all(len(line) <= 60 for line in text.split("\n")):
        assert got == inspect.cleandoc(text)
    else:  # re-wrapped: same words
        assert got is not None
        assert got.split() == text.split()


# --- the whole SageMaker spec ----------------------------------------------------------


def _spec_documentation() -> list[str]:
    """Every documentation string of the service, its operations, shapes and members."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    docs = [spec.get("documentation", "")]
    docs += [op.get("documentation", "") for op in spec["operations"].values()]
    for shape in spec["shapes"].values():
        docs.append(shape.get("documentation", ""))
        docs += [member.get("documentation", "") for member in shape.get("members", {}).values()]
    return [doc for doc in docs if doc]


def test_whole_spec_renders_cleanly() -> None:
    docs = _spec_documentation()
    assert len(docs) > 5000
    for doc in docs:
        text = html_to_text(doc)
        escaped = html.unescape(re.sub(r"<[^>]*>", "", doc))  # the text, markup removed
        if not text:  # markup only, such as "<p/>"
            assert not escaped.strip(), doc
            continue
        assert text == text.strip("\n") and "\n\n\n" not in text, doc
        # Markup is consumed; only tags that were escaped text in the source remain.
        assert Counter(TAG.findall(text)) == Counter(TAG.findall(escaped)), doc
        for line in text.split("\n"):
            assert line == line.rstrip(), (doc, line)
            assert _fits(line, WIDTH), (doc, line)

        # Rendered at 8 columns: valid, same words, and within the width where words allow.
        indent = " " * 8
        literal = docstring(text, indent)
        got = _parse_docstring(literal, indent)
        assert got is not None and got.split() == text.split(), doc
        for line in f"{indent}{literal}".split("\n"):
            content = line.lstrip(" ").removeprefix('"""')
            assert len(line) <= WIDTH or _fits(content, WIDTH - len(line) + len(content)), (doc, line)

        # Wrapped for the docstring's room: kept verbatim.
        narrow = html_to_text(doc, width=WIDTH - 4 - 6)
        assert _parse_docstring(docstring(narrow, "    "), "    ") == inspect.cleandoc(narrow), doc
        one_line = summary(text)
        assert one_line and "\n" not in one_line and len(one_line) <= 100, doc
