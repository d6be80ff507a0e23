"""The reference site's page emitter (codegen/emit_site.py) on exact strings, and on the golden
service model (tests/data/golden/specs) as a whole. The built site is tested in tests/site/."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen import emit_site, ir
from codegen.parse import load

GOLDEN = load(Path(__file__).parent / "data" / "golden" / "specs", "sagemaker")


def test_escape_keeps_markup_characters_literal() -> None:
    assert emit_site.escape("a_b *c* [d] <e> & f|g #h") == r"a\_b \*c\* \[d\] &lt;e&gt; &amp; f&#124;g \#h"


def test_inline_keeps_literals_and_urls() -> None:
    text = "Use ``CreateJob`` (see https://docs.aws.amazon.com/x_y.html). Not_this."
    assert emit_site.inline(text) == "Use `CreateJob` (see <https://docs.aws.amazon.com/x_y.html>). Not\\_this."


def test_literal_fences_backquotes() -> None:
    assert emit_site.literal("a`b") == "``a`b``"
    assert emit_site.literal("`a") == "`` `a ``"


def test_text_blocks_nests_lists_by_four_spaces_and_escapes_false_markers() -> None:
    text = "Intro:\n\n- one\n- two\n\n  - nested\n\n1. first\n\n- 5 is not a list item"
    assert emit_site.text_blocks(text) == (
        "Intro:\n\n- one\n\n- two\n\n    - nested\n\n1. first\n\n- 5 is not a list item"
    )
    assert emit_site.text_blocks("-1 is the default.") == "-1 is the default."  # not a list item
    assert emit_site.text_blocks("+ a sentence") == "\\+ a sentence"
    assert emit_site.text_blocks("3) a sentence") == "3\\) a sentence"


def test_link_is_relative_to_the_page() -> None:
    assert emit_site.link("X", "sagemaker/models/x", "sagemaker/client/y") == "[X](../models/x.md)"
    assert emit_site.link("e", "sagemaker/errors", "sagemaker/client/y", code=True, anchor="E") == (
        "[`e`](../errors.md#E)"
    )


def test_heading_anchor_and_search_exclusion() -> None:
    assert emit_site.heading("Request syntax", 1, "request-syntax", searched=False) == (
        "## Request syntax { #request-syntax data-search-exclude }"
    )
    assert emit_site.heading("a_b", 0) == "# a\\_b"


def test_signature_wraps_when_long() -> None:
    assert emit_site.signature("C.f", ["a: A"], "R") == "C.f(*, a: A) -> R"
    assert emit_site.signature("C.f", [], "R") == "C.f() -> R"
    long = [f"parameter_{i}: SomeLongTypeName | None = None" for i in range(3)]
    assert emit_site.signature("C.f", long, "R").splitlines()[:3] == ["C.f(", "    *,", f"    {long[0]},"]


def test_operation_page_on_the_golden_model() -> None:
    op = next(o for o in GOLDEN.operations if o.name == "CreateJob")
    page = emit_site.operation_page(emit_site.Site.of([GOLDEN]), GOLDEN, op)
    assert page.path == "sagemaker/client/create_job"
    text = page.text
    assert text.startswith('---\ndescription: "SageMaker create_job (CreateJob): Creates a Job."\ntags:\n')
    assert '  - "create_job"\n  - "CreateJob"\nsearch:\n  boost: 1000\n---' in text
    assert "# SageMaker / Client / create\\_job" in text
    # The request as one writes it: models by constructor, a recursive model named, not repeated.
    assert "    filter=models.Expression(\n        lambda_=True | False,\n" in text
    assert "            models.Expression(...),\n" in text
    assert "    source=models.Source(  # exactly one of:\n" in text
    # Each parameter: linked type, required or not, the rules the SDK checks.
    assert "`job_name` : [JobName](../models/job_name.md) (string) — **\\[REQUIRED\\]**" in text
    assert "Checked: length 1 to 63 UTF-16 code units; pattern `[a-zA-Z0-9](-*[a-zA-Z0-9])*`" in text
    assert "Checked: value 1 to 10." in text
    assert "Checked: length 1 to 16 bytes." in text
    assert "`tags` : [Tags](../models/tags.md) (map of [JobName](../models/job_name.md) to " in text
    assert "Checked: at most 5 entries; each key: length 1 to 63" in text


def test_enum_values_everywhere_they_apply() -> None:
    site = emit_site.Site.of([GOLDEN])
    status = GOLDEN.shapes["JobStatus"]
    assert isinstance(status, ir.Enum)
    page = emit_site.shape_page_of(site, GOLDEN, status).text
    for value in status.values:
        assert f"| `{value.name}` | `{value.value}` |" in page
    describe = next(o for o in GOLDEN.operations if o.name == "DescribeJob")
    response = emit_site.response_syntax(GOLDEN, describe.output or "")
    assert " | ".join(repr(v.value) for v in status.values) in response


def test_used_by_names_the_operations_that_reach_a_shape() -> None:
    site = emit_site.Site.of([GOLDEN])
    assert ("create_job", "request") in site.used_by[("sagemaker", "Expression")]
    assert all(side in ("request", "response") for _, side in site.used_by[("sagemaker", "JobName")])


def test_full_site_has_every_page_and_links_only_to_pages_it_has() -> None:
    pages = list(emit_site.full_site([GOLDEN], "# Title\n\nSee [the log](CHANGELOG.md).", "# Changelog\n"))
    paths = {page.path for page in pages}
    assert {"index", "getting_started", "changelog", "sagemaker/index", "sagemaker/errors"} <= paths
    assert {f"sagemaker/client/{op.method}" for op in GOLDEN.operations} <= paths
    assert {f"sagemaker/models/{shape.module}" for shape in GOLDEN.shapes.values()} <= paths
    assert len(paths) == len(pages)
    started = next(p for p in pages if p.path == "getting_started").text
    assert "See [the log](changelog.md)." in started


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "New (2):\n- `client.describe_job()`",
            "New (2):\n\n- [`client.describe_job()`](sagemaker/client/describe_job.md)",
        ),
        ("- `models.JobStatus`", "- [`models.JobStatus`](sagemaker/models/job_status.md)"),
        (
            "```text\nDescribeJob (updated)\n```",
            "```text\nDescribeJob (updated)\n```\n\nThe methods of this entry: "
            "[`describe_job`](sagemaker/client/describe_job.md).",
        ),
    ],
)
def test_changelog_links_methods_and_models(markdown: str, expected: str) -> None:
    page = emit_site.changelog_page(emit_site.Site.of([GOLDEN]), markdown)
    assert page.text.split("---\n\n", 1)[1] == expected
