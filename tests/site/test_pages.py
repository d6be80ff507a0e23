"""The reference site's pages, generated from specs/: every operation has its page, and each
page names every parameter and every value of every enum parameter; every internal link and
anchor of the site resolves; the pages of seeds 003 and 004 (boto3's ``describe_algorithm``
and ``describe_hyper_parameter_tuning_job``) show everything boto3's pages show, by this SDK's
names. The oracle for those is boto3's own page, rendered at test time by botocore's docs
package from the pinned botocore, as boto3's reference is built.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from codegen import emit_client, emit_site, ir, naming
from codegen.parse import load, services
from codegen.resources import catalog

from .conftest import page_text

FAMILY = [load(service=name) for name in services()]
OPERATIONS = [(service, op) for service in FAMILY for op in service.operations]


def _html(site: Path, page: str) -> Path:
    return site / (page + ".html")


@pytest.mark.parametrize(
    ("service", "op"), OPERATIONS, ids=[f"{s.package.service}.{op.method}" for s, op in OPERATIONS]
)
def test_operation_page(site: Path, service: ir.Service, op: ir.Operation) -> None:
    path = _html(site, emit_site.op_page(service, op.method))
    assert path.is_file(), f"no page for {op.name}"
    text = page_text(path)
    assert f"{service.package.title} / Client / {op.method}" in text
    assert op.name in text
    shape = service.shapes[op.input]
    assert isinstance(shape, ir.Structure)
    for member in emit_client._members(shape):
        assert f"{member.attr}=" in text, f"{op.method}: the request syntax lacks {member.attr}"
        assert f"{member.attr} : {member.target}" in text, f"{op.method}: no entry for parameter {member.attr}"
        target = service.shapes[member.target]
        if isinstance(target, ir.Enum):
            for value in target.values:
                assert f"'{value.value}'" in text, f"{op.method}.{member.attr}: value {value.value!r} missing"
                assert f"{value.value} ({value.name})" in text, f"{op.method}.{member.attr}: {value.name} missing"
    if service.uid:
        assert f"https://docs.aws.amazon.com/goto/WebAPI/{service.uid}/{op.name}" in path.read_text(encoding="utf-8")


def test_every_shape_has_its_page(site: Path) -> None:
    missing = [
        f"{service.package.service}:{name}"
        for service in FAMILY
        for name in service.shapes
        if not _html(site, emit_site.shape_page(service, name)).is_file()
    ]
    assert missing == []


def test_enum_pages_list_every_value_and_member(site: Path) -> None:
    for service in FAMILY:
        for shape in service.shapes.values():
            if isinstance(shape, ir.Enum):
                text = page_text(_html(site, emit_site.shape_page(service, shape.name)))
                for value in shape.values:
                    assert f"{value.name}\n{value.value}" in text or f"{value.name} {value.value}" in text, (
                        f"{shape.name}.{value.name}"
                    )


# --- links ------------------------------------------------------------------------------------

_HREF = re.compile(r'\b(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')


def _internal(href: str) -> bool:
    return not re.match(r"[a-z][a-z0-9+.-]*:", href) and not href.startswith("//")


def _broken(site: Path) -> Iterator[str]:
    pages = sorted(site.rglob("*.html"))
    ids = {p.relative_to(site).as_posix(): set(_ID.findall(p.read_text(encoding="utf-8"))) for p in pages}
    for page in pages:
        here = page.relative_to(site).as_posix()
        for href in set(_HREF.findall(page.read_text(encoding="utf-8"))):
            if not _internal(href):
                continue
            parts = urlsplit(href)
            path = unquote(parts.path)
            if path.startswith("/"):  # from the site's root (the 404 page's links)
                target = posixpath.normpath(path.lstrip("/"))
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            if target.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).is_file():
                yield f"{here}: {href} (no such file)"
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                yield f"{here}: {href} (no such anchor)"


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = list(_broken(site))
    assert broken == [], f"{len(broken)} broken links, e.g. {broken[:10]}"


def test_the_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/b.html#x">b</a> <a href="a/b.html#y">b</a>', encoding="utf-8")
    page = '<h1 id="x"></h1><a href="../c.html">c</a> <a href="/a/b.html#x">'
    (tmp_path / "a" / "b.html").write_text(page, encoding="utf-8")
    assert sorted(_broken(tmp_path)) == [
        "a/b.html: ../c.html (no such file)",
        "index.html: a/b.html#y (no such anchor)",
    ]


# --- the seeds' pages, against boto3's own, rendered by botocore's docs package ------------------


def boto3_page(method: str) -> str:
    """boto3's reference page of a SageMaker client method, as reST (botocore.docs renders it)."""
    import botocore.session
    from botocore.docs.bcdoc.restdoc import DocumentStructure
    from botocore.docs.method import document_model_driven_method

    client = botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    operation = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[method])
    section = DocumentStructure(method, target="html")
    document_model_driven_method(
        section,
        f"SageMaker.Client.{method}",
        operation,
        event_emitter=client.meta.events,
        method_description=operation.documentation,
        example_prefix=f"response = client.{method}",
    )
    return section.flush_structure().decode("utf-8")


def _syntax(page: str, title: str) -> str:
    """The code block that follows a bold title (``**Request Syntax**``) of boto3's page."""
    start = page.index(title)
    block = re.search(r"::\n\n((?:[ \t]+.*\n|\n)+)", page[start:])
    assert block is not None
    return block[1]


_KEY = re.compile(r"'(\w+)':")
_ENUM = re.compile(r"'([^'\n]*)'(?=\|)|(?<=\|)'([^'\n]*)'")


@pytest.mark.parametrize("method", ["describe_algorithm", "describe_hyper_parameter_tuning_job"])
def test_seed_pages_show_what_boto3_shows(site: Path, method: str) -> None:
    page = boto3_page(method)
    params = re.findall(r":param (\w+):", page)
    response = _syntax(page, "**Response Syntax**")
    fields = {key for key in _KEY.findall(response) if key != "string"}
    values = {a or b for a, b in _ENUM.findall(_syntax(page, "**Request Syntax**") + response)}
    assert params and len(fields) > 10 and values  # the oracle read boto3's page

    (service,) = (s for s in FAMILY if not s.package.module)
    text = page_text(_html(site, emit_site.op_page(service, method)))
    assert [p for p in params if f"{naming.attribute(p)} : " not in text] == []
    assert sorted(f for f in fields if f"{naming.attribute(f)}=" not in text) == []
    assert sorted(v for v in values if f"'{v}'" not in text) == []


RESOURCES = [
    (service, resource)
    for service in FAMILY
    for resource in catalog(service, {s.package.service: s for s in FAMILY}).resources
]


@pytest.mark.parametrize(
    ("service", "resource"), RESOURCES, ids=[f"{s.package.service}.{r.name}" for s, r in RESOURCES]
)
def test_resource_page(site: Path, service: ir.Service, resource: ir.Resource) -> None:
    """Every resource has its page: its methods as the class has them, its statuses, its fields."""
    import importlib

    path = _html(site, emit_site.resource_page(service, resource.name))
    assert path.is_file(), f"no page for {resource.name}"
    text = page_text(path)
    assert f"{service.package.title} / Resources / {resource.name}" in text
    cls = getattr(importlib.import_module(f"{service.package.dotted}.resources"), resource.name)
    methods = ["get", "create", "get_all", "refresh", "wait", "wait_for_status", "wait_for_delete"]
    methods += [a.kind for a in resource.actions]
    for method in methods:
        assert (f"{resource.name}.{method}(" in text) == hasattr(cls, method), f"{resource.name}.{method}"
    if resource.lifecycle is not None:
        for value in resource.lifecycle.terminal + resource.lifecycle.transitional:
            assert value in text, f"{resource.name}: status {value!r} missing"
    output = service.shapes[resource.output]
    assert isinstance(output, ir.Structure)
    for member in output.members:
        assert f"{member.attr} : {member.target}" in text, f"{resource.name}: no entry for field {member.attr}"
