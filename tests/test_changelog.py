"""The API changelog: AWS's own 2019-06-11 SageMaker entry reproduced, each rule on small models, the SDK view.

The example is the change between botocore 1.12.165 and 1.12.166; tests/data/changelog holds the
two SageMaker models (gzipped, from those wheels) and ``aws-2019-06-11-sagemaker.json``, the
headline, methods and change literals of AWS's page for that day (derived from the seed
../shared/seeds/002_cc559c3a958598ad.txt, which ``test_fixture_is_the_seed`` compares when present).
``botocore-1.34.40`` and ``botocore-1.44.8`` are the pair the issue counts the growth between (the
SageMaker model of each wheel, as botocore ships it): fixed data, so a model update in specs/
changes none of the figures asserted here.
"""

from __future__ import annotations

import ast
import datetime
import gzip
import io
import json
import re
import zipfile
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from codegen import changelog
from codegen.__main__ import main as codegen_main
from codegen.services import FAMILY

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "changelog"
OLD, NEW = DATA / "botocore-1.12.165", DATA / "botocore-1.12.166"  # AWS entry of 2019-06-11
EXAMPLE = DATA / "aws-2019-06-11-sagemaker.json"
SEED = ROOT.parent / "shared" / "seeds" / "002_cc559c3a958598ad.txt"
DAY = datetime.date(2019, 6, 11)

_METHOD = re.compile(r"(\w+)\s\((new|updated)\)")  # AWS puts a no-break space before "("


def parse_entry(text: str) -> dict[str, Any]:
    """Headline, methods and change literals (as printed) of an entry: AWS's page as text, or ours."""
    lines = text.splitlines()
    (headline,) = (line for line in lines if line.endswith(" api methods"))
    methods: list[dict[str, Any]] = []
    i = 0
    while i < len(lines):
        found = _METHOD.match(lines[i])
        i += 1
        if not found:
            continue
        changes: dict[str, str] = {}
        methods.append({"name": found[1], "kind": found[2], "changes": changes})
        if i < len(lines) and lines[i].startswith("Changes ("):
            sides = [side.strip() for side in lines[i][len("Changes (") : -1].split(",")]
            i += 1
            for side in sides:
                if len(sides) > 1:
                    assert lines[i] == side.capitalize()
                    i += 1
                block = [lines[i]]
                while not _is_literal("\n".join(block)):
                    i += 1
                    block.append(lines[i])
                changes[side] = "\n".join(block)
                i += 1
    return {"headline": headline, "methods": methods}


def _is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (SyntaxError, ValueError):
        return False
    return True


def values(entry: dict[str, Any]) -> list[tuple[str, str, dict[str, object]]]:
    """Methods with their changes as Python values (sets compare without order)."""
    return [
        (m["name"], m["kind"], {side: ast.literal_eval(text) for side, text in m["changes"].items()})
        for m in entry["methods"]
    ]


def document(path: Path) -> dict[str, Any]:
    return changelog.load(str(path), "sagemaker").document  # type: ignore[return-value]


# --- AWS's own entry ----------------------------------------------------------------------------


def test_fixture_is_the_seed() -> None:
    if not SEED.exists():
        pytest.skip(f"the seed is not here ({SEED}); the derived fixture is checked by the other tests")
    assert parse_entry(SEED.read_text(encoding="utf-8")) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_reproduces_aws_entry_for_2019_06_11() -> None:
    expected = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    changes = changelog.diff(document(OLD), document(NEW), "sagemaker")
    ours = parse_entry(changelog.render_aws(changes, DAY))
    assert ours["headline"] == expected["headline"] == "2019/06/11 - Amazon SageMaker Service - 5 updated api methods"
    assert values(ours) == values(expected)
    assert [m["name"] for m in ours["methods"]] == [
        "CreateCompilationJob",
        "CreateTransformJob",
        "DescribeCompilationJob",
        "DescribeTransformJob",
        "ListCompilationJobs",
    ]
    # the literals as printed, character for character (pprint, 80 columns, sorted keys)
    assert ours == expected


def test_entry_carries_method_documentation() -> None:
    changes = changelog.diff(document(OLD), document(NEW), "sagemaker")
    text = changelog.render_aws(changes, DAY)
    assert "Starts a model compilation job." in text
    assert "Starts a model compilation job." not in changelog.render_aws(changes, DAY, docs=False)


def test_command_on_the_example_pair() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert codegen_main(["changelog", str(OLD), str(NEW), "--date", "2019-06-11", "--sdk"]) == 0
    text = out.getvalue()
    assert values(parse_entry(text)) == values(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    sdk = text[text.index("In sagemaker_typed") :]
    for name in (
        "`models.TargetDevice.SBE_C`",
        "`models.DataProcessing`",
        "`models.JoinSource`",
        "`models.CreateTransformJobRequest.data_processing`",
        "`models.DescribeTransformJobResponse.data_processing`",
    ):
        assert name in sdk


def test_model_against_itself_prints_no_methods() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert codegen_main(["changelog", str(NEW), str(NEW), "--date", "2019-06-11", "--sdk"]) == 0
    text = out.getvalue()
    assert parse_entry(text)["methods"] == []
    assert "2019/06/11 - Amazon SageMaker Service - no new or updated api methods" in text
    assert "no changes to the SDK's client, models, fields or enums" in text


def test_pinned_model_against_itself() -> None:
    specs = document(ROOT / "specs")
    changes = changelog.diff(specs, specs, "sagemaker")
    assert changes.methods == ()
    assert changes.sdk == changelog.Sdk()


def test_load_refuses_what_is_neither_a_directory_nor_a_version(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="neither a directory nor a botocore version"):
        changelog.load("not-a-version", "sagemaker")
    with pytest.raises(FileNotFoundError, match=r"no service-2\.json"):
        changelog.load(str(tmp_path), "sagemaker")


def test_newest_api_version_from_a_wheel_dated_by_its_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        wheel.writestr(
            zipfile.ZipInfo("botocore/data/svc/2015-01-01/service-2.json", (2020, 1, 2, 0, 0, 0)),
            json.dumps(_model({"Old": {}})),
        )
        wheel.writestr(
            zipfile.ZipInfo("botocore/data/svc/2017-07-24/service-2.json.gz", (2021, 3, 4, 5, 6, 7)),
            gzip.compress(json.dumps(_model({"New": {}})).encode()),
        )
        wheel.writestr("botocore/data/svc/2017-07-24/paginators-1.json", "{}")
        wheel.writestr("botocore/data/other/2017-07-24/service-2.json", "{}")
    with zipfile.ZipFile(buffer) as wheel:
        model = changelog._from_wheel(wheel, "9.9.9", "svc")
        assert list(model.document["operations"]) == ["New"]
        assert model.date == datetime.date(2021, 3, 4)
        assert model.source == "botocore 9.9.9 (svc 2017-07-24)"
        with pytest.raises(FileNotFoundError, match="no model for 'absent'"):
            changelog._from_wheel(wheel, "9.9.9", "absent")


# --- each rule on small synthetic models -----------------------------------------------------------


def _model(operations: dict[str, dict[str, Any]], shapes: dict[str, Any] | None = None) -> dict[str, Any]:
    """A service model: ``operations`` maps a name to its input/output shape names."""
    ops = {}
    for name, io_shapes in operations.items():
        op: dict[str, Any] = {"name": name, "documentation": f"<p>Does {name}.</p>"}
        for key in ("input", "output"):
            if key in io_shapes:
                op[key] = {"shape": io_shapes[key]}
        ops[name] = op
    return {"metadata": {"serviceFullName": "Test Service"}, "operations": ops, "shapes": dict(shapes or {})}


SCALARS = {
    "String": {"type": "string"},
    "Integer": {"type": "integer"},
    "Long": {"type": "long"},
    "Boolean": {"type": "boolean"},
    "Timestamp": {"type": "timestamp"},
    "Blob": {"type": "blob"},
    "Double": {"type": "double"},
    "Float": {"type": "float"},
    "Color": {"type": "string", "enum": ["red", "green"]},
}


def _struct(*members: tuple[str, str], required: tuple[str, ...] = ()) -> dict[str, Any]:
    shape: dict[str, Any] = {"type": "structure", "members": {name: {"shape": target} for name, target in members}}
    if required:
        shape["required"] = list(required)
    return shape


def _pair(old: dict[str, Any], new: dict[str, Any], ops: dict[str, dict[str, str]] | None = None, service: str = "t"):
    """Diff two shape tables under one operation Op (input Req, output Resp) unless ``ops`` says otherwise."""
    ops = ops or {"Op": {"input": "Req", "output": "Resp"}}
    base = {**SCALARS, "Resp": _struct()}
    return changelog.diff(_model(ops, {**base, **old}), _model(ops, {**base, **new}), service)


def _changes(result: changelog.ServiceChanges) -> dict[str, dict[str, object]]:
    return {m.name: {side: changelog.literal(node) for side, node in m.changes} for m in result.methods}


def test_new_member_shows_its_whole_type_in_request_syntax_notation() -> None:
    shapes = {
        "Inner": _struct(
            *[
                (name, name)
                for name in ("String", "Integer", "Long", "Boolean", "Timestamp", "Blob", "Double", "Float")
            ],
            ("Color", "Color"),
            ("Tags", "TagList"),
            ("Env", "EnvMap"),
        ),
        "TagList": {"type": "list", "member": {"shape": "String"}},
        "EnvMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Integer"}},
    }
    old = {"Req": _struct(("Name", "String"))}
    new = {"Req": _struct(("Name", "String"), ("Inner", "Inner")), **shapes}
    assert _changes(_pair(old, new)) == {
        "Op": {
            "request": {
                "Inner": {
                    "String": "string",
                    "Integer": "integer",
                    "Long": "long",
                    "Boolean": "boolean",
                    "Timestamp": "timestamp",
                    "Blob": "blob",
                    "Double": "double",
                    "Float": "float",
                    "Color": "red | green",
                    "Tags": ["string"],
                    "Env": {"string": "integer"},
                }
            }
        }
    }


def test_new_recursive_member_stops_at_the_cycle() -> None:
    expr = _struct(("Op", "String"), ("Children", "ExprList"))
    shapes = {"Expr": expr, "ExprList": {"type": "list", "member": {"shape": "Expr"}}}
    result = _pair({"Req": _struct()}, {"Req": _struct(("Filter", "Expr")), **shapes})
    assert _changes(result) == {"Op": {"request": {"Filter": {"Op": "string", "Children": [()]}}}}


def test_member_added_inside_a_recursive_structure() -> None:
    old_expr = _struct(("Op", "String"), ("Children", "ExprList"))
    new_expr = _struct(("Op", "String"), ("Children", "ExprList"), ("Negate", "Boolean"))
    lists = {"ExprList": {"type": "list", "member": {"shape": "Expr"}}}
    result = _pair(
        {"Req": _struct(("Filter", "Expr")), "Expr": old_expr, **lists},
        {"Req": _struct(("Filter", "Expr")), "Expr": new_expr, **lists},
    )
    assert _changes(result) == {"Op": {"request": {"Filter": {"Negate": "boolean"}}}}


def test_enum_values_through_lists_and_map_values_but_not_map_keys() -> None:
    def shapes(values: list[str], keys: list[str]) -> dict[str, Any]:
        return {
            "Req": _struct(("Items", "ItemList"), ("ByName", "ByName"), ("ByKind", "ByKind")),
            "ItemList": {"type": "list", "member": {"shape": "Item"}},
            "Item": _struct(("Status", "Status")),
            "Status": {"type": "string", "enum": values},
            "ByName": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Status"}},
            "Kind": {"type": "string", "enum": keys},
            "ByKind": {"type": "map", "key": {"shape": "Kind"}, "value": {"shape": "String"}},
        }

    result = _pair(shapes(["A"], ["k1"]), shapes(["A", "B", "C"], ["k1", "k2"]))
    assert _changes(result) == {"Op": {"request": {"Items": {"Status": {"B", "C"}}, "ByName": {"B", "C"}}}}
    assert (
        changelog.pformat(result.methods[0].changes[0][1]) == "{'ByName': {'B', 'C'}, 'Items': {'Status': {'B', 'C'}}}"
    )
    # a map whose key enum alone grew: the shape differs, but AWS shows no change, so no method
    assert _pair(shapes(["A"], ["k1"]), shapes(["A"], ["k1", "k2"])).methods == ()


def test_what_is_ignored() -> None:
    old = {
        "Req": _struct(
            ("Name", "String"), ("Gone", "String"), ("Count", "Integer"), ("Color", "Color"), ("Size", "Size")
        ),
        "Size": {"type": "integer", "min": 1},
    }
    new = {
        "Req": {
            **_struct(("Name", "String"), ("Count", "Long"), ("Color", "Color"), ("Size", "Size")),
            "documentation": "<p>Changed.</p>",
            "required": ["Name"],
        },
        "Size": {"type": "long", "max": 9},  # a scalar shape's type and limits
        "Color": {"type": "string", "enum": ["green"]},  # a removed value
    }
    # removed members, removed enum values, a member moved to another scalar shape, scalar
    # types and limits, documentation and required lists: no method is reported
    assert _pair(old, new).methods == ()
    reordered = {"Color": {"type": "string", "enum": ["green", "red"]}}
    assert _pair({"Req": _struct(("Color", "Color"))}, {"Req": _struct(("Color", "Color")), **reordered}).methods == ()


def test_member_whose_type_became_a_structure_is_not_a_change() -> None:
    old = {"Req": _struct(("Spec", "Spec")), "Spec": {"type": "string"}}
    new = {"Req": _struct(("Spec", "Spec")), "Spec": _struct(("Name", "String"))}
    assert _pair(old, new).methods == ()


def test_member_that_became_a_scalar_shows_nothing() -> None:
    old = {"Req": _struct(("Spec", "Spec")), "Spec": {"type": "string", "enum": ["a"]}}
    new = {"Req": _struct(("Spec", "Spec")), "Spec": {"type": "integer"}}
    assert _pair(old, new).methods == ()


def test_member_whose_structure_became_a_string_shows_its_new_type() -> None:
    old = {"Req": _struct(("Spec", "Spec")), "Spec": _struct(("Name", "String"))}
    new = {"Req": _struct(("Spec", "Spec")), "Spec": {"type": "string", "enum": ["a", "b"]}}
    assert _changes(_pair(old, new)) == {"Op": {"request": {"Spec": "a | b"}}}


def test_request_and_response_that_gained_the_same_are_shown_once_as_both() -> None:
    shared = {"Req": _struct(("Color", "Color")), "Resp": _struct(("Color", "Color"))}
    result = _pair(shared, {**shared, "Color": {"type": "string", "enum": ["red", "green", "blue"]}})
    (method,) = result.methods
    assert [side for side, _ in method.changes] == ["both"]
    assert _changes(result) == {"Op": {"both": {"Color": {"blue"}}}}
    assert "Changes (both)\n{'Color': {'blue'}}" in changelog.render_aws(result, DAY)


def test_request_and_response_that_differ_are_shown_one_after_the_other() -> None:
    old = {"Req": _struct(("Name", "String")), "Resp": _struct(("Name", "String"))}
    new = {
        "Req": _struct(("Name", "String"), ("Dry", "Boolean")),
        "Resp": _struct(("Name", "String"), ("Arn", "String")),
    }
    result = _pair(old, new)
    assert _changes(result) == {"Op": {"request": {"Dry": "boolean"}, "response": {"Arn": "string"}}}
    text = changelog.render_aws(result, DAY)
    assert (
        "Op (updated)\nChanges (request, response)\nRequest\n{'Dry': 'boolean'}\nResponse\n{'Arn': 'string'}\n" in text
    )
    assert values(parse_entry(text)) == [
        ("Op", "updated", {"request": {"Dry": "boolean"}, "response": {"Arn": "string"}})
    ]


def test_new_and_removed_methods_and_the_headline() -> None:
    old = _model({"Keep": {"input": "Req"}, "Drop": {"input": "Req"}}, {**SCALARS, "Req": _struct(("A", "String"))})
    new = _model(
        {"Keep": {"input": "Req"}, "Add": {"input": "AddReq"}, "Also": {}},
        {**SCALARS, "Req": _struct(("A", "String"), ("B", "String")), "AddReq": _struct(("A", "String"))},
    )
    result = changelog.diff(old, new, "t")
    assert [(m.name, m.kind) for m in result.methods] == [("Add", "new"), ("Also", "new"), ("Keep", "updated")]
    text = changelog.render_aws(result, DAY)
    assert text.startswith("2019/06/11 - Test Service - 2 new 1 updated api methods\n\nAdd (new)\n\nDoes Add.\n")
    ops = {"Keep": {"input": "Req"}, "Drop": {"input": "Req"}, "Add": {}}
    only_new = changelog.diff(old, _model(ops, old["shapes"]), "t")
    assert changelog.headline(only_new, DAY) == "2019/06/11 - Test Service - 1 new api methods"


def test_new_method_whose_existing_input_changed_is_listed_as_new_and_updated() -> None:
    shapes = {**SCALARS, "Req": _struct(("A", "String"))}
    old = _model({"Old": {"input": "Req"}}, shapes)
    new = _model({"Old": {}, "Add": {"input": "Req"}}, {**shapes, "Req": _struct(("A", "String"), ("B", "String"))})
    assert [(m.name, m.kind) for m in changelog.diff(old, new, "t").methods] == [("Add", "new"), ("Add", "updated")]


def test_ec2_tag_specifications_are_not_a_request_change() -> None:
    old = {"Req": _struct(("Name", "String"))}
    new = {"Req": _struct(("Name", "String"), ("TagSpecifications", "String"))}
    assert _pair(old, new, service="ec2").methods == ()
    assert _changes(_pair(old, new, service="sagemaker")) == {"Op": {"request": {"TagSpecifications": "string"}}}


def test_wide_sets_wrap_sorted_as_pprint_does() -> None:
    node = changelog.Fields(
        (("InstanceType", changelog.Values(frozenset(f"ml.m{i}.xlarge" for i in range(9, 0, -1)))),)
    )
    text = changelog.pformat(node)
    assert text.splitlines()[0] == "{'InstanceType': {'ml.m1.xlarge',"
    assert ast.literal_eval(text) == changelog.literal(node)
    assert all(len(line) <= 80 for line in text.splitlines())


# --- the SDK view ----------------------------------------------------------------------------------


def test_sdk_view_uses_codegen_names() -> None:
    old = _model(
        {"DescribeThing": {"input": "Req"}, "DeleteThing": {"input": "Req"}},
        {
            **SCALARS,
            "Req": _struct(("Name", "String"), ("Old", "String")),
            "Status": {"type": "string", "enum": ["InService", "ml.m5.xlarge"]},
            "Gone": _struct(),
            "Mode": {"type": "string"},
        },
    )
    new = _model(
        {"DescribeThing": {"input": "Req"}, "CreateMLThing": {"input": "Req"}},
        {
            **SCALARS,
            "Req": _struct(("Name", "String"), ("Lambda", "String"), ("ModelConfig", "String"), required=("Name",)),
            "Status": {"type": "string", "enum": ["InService", "ml.m5.xlarge", "ml.m5.2xlarge", "In-Service", "3d"]},
            "Spec": _struct(("Name", "String")),
            "Kind": {"type": "string", "enum": ["a"]},
            "Arn": {"type": "string", "pattern": "arn:.*"},
            "Mode": {"type": "string", "enum": ["x"]},
        },
    )
    sdk = changelog.diff(old, new, "t").sdk
    assert sdk == changelog.Sdk(
        methods_added=("create_ml_thing",),
        methods_removed=("delete_thing",),
        models_added=("Spec",),
        enums_added=("Kind",),
        types_added=("Arn",),
        shapes_removed=("Gone",),
        kinds_changed=("Mode: type -> enum",),
        fields_added=("Req.lambda_", "Req.model_config_"),
        fields_removed=("Req.old",),
        fields_now_required=("Req.name",),
        enum_members_added=("Status.ML_M5_2XLARGE", "Status.IN_SERVICE_2", "Status.V3D"),
    )
    text = changelog.render_sdk(changelog.diff(old, new, "t"))
    assert "New client methods (1):\n- `client.create_ml_thing()`" in text
    assert "New enum members (3):\n- `models.Status.ML_M5_2XLARGE`" in text
    assert "Removed fields (1):\n- `models.Req.old`" in text


def test_any_service_by_name_with_its_own_title(tmp_path: Path) -> None:
    shapes = {**SCALARS, "Req": _struct(("A", "String"))}
    for side, model in (
        ("old", _model({"PutThing": {"input": "Req"}}, shapes)),
        ("new", _model({"PutThing": {"input": "Req"}, "GetThing": {}}, shapes)),
    ):
        (tmp_path / side / "things").mkdir(parents=True)
        (tmp_path / side / "things" / "service-2.json").write_text(json.dumps(model), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        argv = [
            "changelog",
            str(tmp_path / "old"),
            str(tmp_path / "new"),
            "--service",
            "things",
            "--date",
            "2020-01-02",
        ]
        assert codegen_main([*argv, "--sdk"]) == 0
    text = out.getvalue()
    assert text.startswith("2020/01/02 - Test Service - 1 new api methods\n\nGetThing (new)\n\nDoes GetThing.\n")
    assert "- `client.get_thing()`" in text
    assert changelog.default_services() == tuple(sorted(package.service for package in FAMILY))
    assert changelog.default_services(str(OLD), str(NEW)) == ("sagemaker",)  # one model each
    assert changelog.default_services(str(ROOT / "specs")) == changelog.default_services()


def test_figures_from_1_34_40_to_1_44_8() -> None:
    """The issue's count of what the service model gained from botocore 1.34.40 to 1.44.8."""
    changes = changelog.diff(document(DATA / "botocore-1.34.40"), document(DATA / "botocore-1.44.8"), "sagemaker")
    assert (len(changes.new), len(changes.updated)) == (115, 110)
    sdk = changes.sdk
    assert len(sdk.methods_added) == 115
    assert len(sdk.models_added) + len(sdk.enums_added) + len(sdk.types_added) == 1023
    assert len(sdk.fields_added) == 325
    assert len(sdk.enum_members_added) == 927
    assert (sdk.methods_removed, sdk.shapes_removed, sdk.fields_removed) == ((), (), ())
