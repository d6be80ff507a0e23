"""Turn botocore's HTML documentation into plain-text Python docstrings.

``html_to_text`` renders the HTML subset used in service models (paragraphs, lists,
definition lists, notes, code, links) as wrapped plain text; ``summary`` extracts a
one-line summary from that text; ``docstring`` renders text as a valid, indented
triple-quoted literal.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

WIDTH = 88
"""Default maximum line length, indentation included."""

_LITERAL_MAX = 40  # code spans with spaces longer than this stay plain, so they wrap
_SUMMARY_MAX = 100
_DD_INDENT = "    "
_BLOCKS = frozenset({"p", "ul", "ol", "dl", "li", "dt", "dd", "note", "important", "br"})
_LEADS = {"note": "Note:", "important": "Important:"}
# A new <li>, <dt> or <dd> closes an unclosed sibling inside the same list.
_IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
}

_TOKEN = re.compile(r"(?:``.+?``|\S)+")  # a word; ``literals`` never split
_MARKER_WORD = re.compile(r"-|\d+\.")  # a word that would read as a list marker
_PREFIX = re.compile(r"( *)((?:-|\d+\.) )?")  # indentation and list marker of a line
_SENTENCE_END = re.compile(r"^(?:``.+?``|[^.])+[.!?][\"')]*$")  # no inner dot, as in "e.g."
_SENTENCE_START = re.compile(r"[A-Z0-9`\"'(]")
_ABSOLUTE_URL = re.compile(r"https?://\S+$")
_LINK_URL = re.compile(r"\(https?://\S+?\)(\W*)")  # a rendered link's " (url)" word


class _Element:
    """A parsed HTML element: tag, link target and children."""

    __slots__ = ("children", "href", "tag")

    def __init__(self, tag: str, href: str = "") -> None:
        self.tag = tag
        self.href = href
        self.children: list[_Element | str] = []


class _TreeBuilder(HTMLParser):
    """Build an ``_Element`` tree, tolerating unbalanced and self-closed tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes, scope = _IMPLIED_END.get(tag, (set(), set()))
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag in scope:
                break
            if self._stack[depth].tag in closes:
                del self._stack[depth:]
                break
        element = _Element(tag, (dict(attrs).get("href") or "").strip())
        self._stack[-1].children.append(element)
        if tag != "br":
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(_Element(tag))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def html_to_text(html: str | None, width: int = WIDTH) -> str:
    """Render botocore HTML documentation as plain text wrapped at ``width``.

    Returns ``""`` for empty documentation.
    """
    if not html or not html.strip():
        return ""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return "\n".join(_flow(builder.root.children, width, nested=False))


def summary(text: str, limit: int | None = _SUMMARY_MAX) -> str:
    """Return the first sentence of ``text``'s first paragraph, at most ``limit`` chars.

    Link URLs are left out; a longer sentence is cut at a word boundary and ends
    with "…" (``limit=None``: the whole sentence).
    """
    group = next((g for g in _groups(text.split("\n")) if g[0].strip()), None)
    if group is None:
        return ""
    words: list[str] = []
    for word in _group_words(group):
        link = _LINK_URL.fullmatch(word)
        if link and words:
            words[-1] += link[1]  # keep the punctuation that followed the URL
        else:
            words.append(word)
    for i in range(len(words) - 1):
        if _SENTENCE_END.match(words[i]) and _SENTENCE_START.match(words[i + 1]):
            words = words[: i + 1]
            break
    line = " ".join(words)
    if limit is None or len(line) <= limit:
        return line
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) >= limit:
            break
        kept.append(word)
    cut = " ".join(kept).rstrip(",;:") if kept else words[0][: limit - 1]
    return cut + "…"


def args_section(entries: list[tuple[str, str]], width: int = WIDTH) -> str:
    """A Google-style ``Args:`` section: one entry per ``(name, text)``, wrapped at ``width``.

    Each entry starts on its own line (``    name: text``) and its continuation lines are
    indented deeper, as Sphinx napoleon, Pylance and IPython read them. ``width`` is the
    room left by the docstring's own indentation, so :func:`docstring` keeps the lines.
    """
    if not entries:
        return ""
    lines = ["Args:"]
    for name, text in entries:
        words = _TOKEN.findall(f"{name}: {text}".strip())
        lines.extend(_fill(words, width, _DD_INDENT, _DD_INDENT * 2))
    return "\n".join(lines)


def docstring(text: str, indent: str) -> str:
    """Render ``text`` as a triple-quoted docstring literal, quotes included.

    ``indent`` is the indentation of the docstring statement (and of its inner
    lines); the result itself starts at the opening quotes. Backslashes, quote runs
    and non-printable characters are escaped so any text round-trips. Lines that would
    pass ``WIDTH`` columns are re-wrapped, keeping list and definition indentation;
    text whose lines fit (the first one after the opening quotes, a single line
    between both) is kept verbatim. Trailing blank lines are dropped.
    """
    if indent.strip():
        raise ValueError(f"indent must be whitespace, got {indent!r}")
    width = WIDTH - len(indent)
    lines = _escape(text).split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    # A single line leaves room for the closing quotes too, or becomes several lines.
    lines = _reflow(lines, width - 3 if len(lines) == 1 else width)
    if len(lines) == 1:
        line = lines[0][:-1] + '\\"' if lines[0].endswith('"') else lines[0]
        return f'"""{line}"""'
    inner = [f"{indent}{line}" if line else "" for line in lines[1:]]
    return '"""' + "\n".join([lines[0], *inner, indent]) + '"""'


def _flow(nodes: list[_Element | str], width: int, nested: bool, lead: str = "") -> list[str]:
    """Lay out inline and block nodes as lines; ``lead`` prefixes the first block.

    Blocks are separated by a blank line, except that inside a list item or
    definition (``nested``) a list directly follows the preceding block.
    """
    blocks: list[tuple[bool, list[str]]] = []  # (is a list, lines)
    paragraph: list[str] = []
    run: list[str] = []

    def flush_run() -> None:
        nonlocal lead
        words = _TOKEN.findall(" ".join("".join(run).split()))
        run.clear()
        if words:
            paragraph.extend(_fill([lead, *words] if lead else words, width))
            lead = ""

    def end_paragraph() -> None:
        flush_run()
        if paragraph:
            blocks.append((False, paragraph.copy()))
            paragraph.clear()

    for node in nodes:
        if isinstance(node, str) or node.tag not in _BLOCKS:
            run.append(_inline(node))
        elif node.tag == "br":
            flush_run()
        else:
            end_paragraph()
            if node.tag in ("ul", "ol", "dl"):
                if lead:
                    blocks.append((False, [lead]))
                    lead = ""
                lines = _list(node, width) if node.tag != "dl" else _definitions(node, width)
                blocks.append((True, lines))
                continue
            own = _LEADS.get(node.tag, "")
            lines = _flow(node.children, width, nested, f"{lead} {own}".strip())
            if lines:
                blocks.append((False, lines))
                lead = ""
    end_paragraph()
    out: list[str] = []
    for is_list, lines in blocks:
        if out and lines and not (nested and is_list):
            out.append("")
        out.extend(lines)
    return out


def _list(node: _Element, width: int) -> list[str]:
    """Lay out a ``<ul>`` or ``<ol>`` as "- " or "1. " items with hanging indents."""
    items: list[list[str]] = []
    for child in node.children:
        if isinstance(child, str) and not child.strip():
            continue
        content = child.children if isinstance(child, _Element) and child.tag == "li" else [child]
        marker = f"{len(items) + 1}. " if node.tag == "ol" else "- "
        lines = _flow(content, width - len(marker), nested=True)
        if lines:
            items.append(_indent(lines, marker, " " * len(marker)))
    return _join_items(items)


def _definitions(node: _Element, width: int) -> list[str]:
    """Lay out a ``<dl>``: each term on its own line, its definition indented."""
    entries: list[list[str]] = []
    for child in node.children:
        term = isinstance(child, _Element) and child.tag == "dt"
        content = child.children if isinstance(child, _Element) and child.tag in ("dt", "dd") else [child]
        if term or not entries:
            entries.append([])
        if term:
            entries[-1].extend(_flow(content, width, nested=True))
        else:
            lines = _flow(content, width - len(_DD_INDENT), nested=True)
            entries[-1].extend(_indent(lines, _DD_INDENT, _DD_INDENT))
    return _join_items([entry for entry in entries if entry])


def _join_items(items: list[list[str]]) -> list[str]:
    """Join list entries, blank-line separated if any entry spans several blocks."""
    loose = any("" in item for item in items)
    out: list[str] = []
    for item in items:
        if out and loose:
            out.append("")
        out.extend(item)
    return out


def _indent(lines: list[str], first: str, rest: str) -> list[str]:
    """Prefix the first line with ``first`` and other non-blank lines with ``rest``."""
    return [(first if i == 0 else rest) + line if line else "" for i, line in enumerate(lines)]


def _inline(node: _Element | str) -> str:
    """Render an inline node as unwrapped text (whitespace not yet collapsed)."""
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return " "
    if node.tag == "code":
        return _code(node)
    text = "".join(_inline(child) for child in node.children)
    url = _url(node) if node.tag == "a" else ""
    if not url:
        return text
    return f"{text} ({url})" if text.strip() else url


def _code(node: _Element) -> str:
    """Render ``<code>`` as a ``literal``, or as plain text when it is a long block.

    Links inside the code are appended after it, like other links.
    """
    raw = _plain(node)
    text = " ".join(raw.split())
    if not text:
        return raw
    long_block = " " in text and len(text) > _LITERAL_MAX
    rendered = text if long_block or "``" in text else f"``{text}``"
    rendered += "".join(f" ({url})" for url in _urls(node))
    before = " " if raw[0].isspace() else ""
    after = " " if raw[-1].isspace() else ""
    return before + rendered + after


def _plain(node: _Element) -> str:
    """Return the text content of ``node``."""
    return "".join(c if isinstance(c, str) else _plain(c) for c in node.children)


def _url(link: _Element) -> str:
    """Return the link's URL if it is worth showing: absolute http(s), not the text."""
    if _ABSOLUTE_URL.match(link.href) and link.href != " ".join(_plain(link).split()):
        return link.href
    return ""


def _urls(node: _Element) -> list[str]:
    """Return the URLs worth showing of the links inside ``node``."""
    urls: list[str] = []
    for child in node.children:
        if isinstance(child, _Element):
            url = _url(child) if child.tag == "a" else ""
            urls.extend([url] if url else _urls(child))
    return urls


def _fill(words: list[str], width: int, first: str = "", rest: str = "") -> list[str]:
    """Greedily wrap ``words`` at ``width``; lines start with ``first`` / ``rest``.

    A word longer than the line stands alone. No continuation line starts with a
    word that reads as a list marker ("-", "2."): the previous word moves along.
    """
    lines: list[list[str]] = [[]]
    used = len(first)
    for word in words:
        line = lines[-1]
        if line and used + 1 + len(word) > width:
            carry = (
                len(line) > 1
                and _MARKER_WORD.fullmatch(word) is not None
                and _MARKER_WORD.fullmatch(line[-1]) is None
                and len(rest) + len(line[-1]) + 1 + len(word) <= width
            )
            line = [line.pop()] if carry else []
            lines.append(line)
            used = len(rest) + sum(len(w) for w in line)
        used += len(word) + 1 if line else len(word)
        line.append(word)
    return [(first if i == 0 else rest) + " ".join(line) for i, line in enumerate(lines)]


def _groups(lines: list[str]) -> list[list[str]]:
    """Split wrapped text into logical lines: a paragraph, a list item, a term.

    A line continues the previous group when it carries no list marker and starts
    at that group's content column; blank lines are groups of their own.
    """
    groups: list[list[str]] = []
    column = -1
    for line in lines:
        indent, marker = _prefix(line)
        if line.strip() and not marker and len(indent) == column:
            groups[-1].append(line)
        else:
            groups.append([line])
            column = len(indent) + len(marker) if line.strip() else -1
    return groups


def _prefix(line: str) -> tuple[str, str]:
    """Return the indentation and list marker ("- ", "1. " or "") of ``line``."""
    match = _PREFIX.match(line)
    assert match is not None  # the pattern matches every string
    return match[1], match[2] or ""


def _group_words(group: list[str]) -> list[str]:
    """Return the words of a logical line, without its indentation and marker."""
    return _TOKEN.findall(" ".join(group)[len("".join(_prefix(group[0]))) :])


def _reflow(lines: list[str], width: int) -> list[str]:
    """Re-wrap the logical lines of docstring text that pass ``width`` and could fit.

    The first line is preceded by the three opening quotes. A group whose only long
    lines hold a single word is kept as it is.
    """
    out: list[str] = []
    for group in _groups(lines):
        quotes = "" if out else '"""'
        long = [line for i, line in enumerate(group) if len(line) + (0 if i else len(quotes)) > width]
        if all(len(_group_words([line])) <= 1 for line in long):
            out.extend(group)
            continue
        indent, marker = _prefix(group[0])
        filled = _fill(_group_words(group), width, quotes + indent + marker, indent + " " * len(marker))
        out.extend([filled[0][len(quotes) :], *filled[1:]])
    return out


def _escape(text: str) -> str:
    """Escape ``text`` for a non-raw triple-quoted literal (newlines stay real).

    Backslashes and non-printable characters become escapes; a quote starting a run
    of three is escaped so the literal cannot close early.
    """
    if "\\" in text or not text.replace("\n", "").isprintable():
        text = "".join(c if c == "\n" or (c.isprintable() and c != "\\") else ascii(c)[1:-1] for c in text)
    return re.sub(r'"(?="")', r'\\"', text)
