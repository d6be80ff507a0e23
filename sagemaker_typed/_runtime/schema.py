"""The JSON Schema of a request, for editors: wire names, readable titles, the service docs.

Every property gets a title made of its wire name's words (``VolumeSizeInGB``: "Volume size
in GB") and, as its description, the member's documentation from the service model: the
docstring under the field in the generated module, or else the documentation of the shape it
takes (a model, an enum, a named type; the items' model for a list). Docstrings are unwrapped
(editors render each line break). Editors show both on hover and while completing.

The member docstrings are read from the generated modules' source when a schema is asked
for. pydantic's ``use_attribute_docstrings`` would read them whenever a model is built, on
every process's first call (measured: +40% on building the models of one describe and one
create call).
"""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .shapes import _bare

# A word of a wire name: two capitals and a short tail (ETag, OAuth, FSx, MLflow), an acronym
# before a capitalised word (AutoMLJob), a capitalised word, an acronym or number at the end.
_WORD = re.compile(r"[A-Z]{2}[a-z]{1,4}(?![a-z])|[A-Z0-9]+(?=[A-Z][a-z])|[A-Z0-9]?[a-z][a-z0-9]*|[A-Z0-9]+")
_LIST_ITEM = re.compile(r"\s*(?:-|\d+\.)\s")


def request_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model`` by wire names, every property titled and documented."""
    return model.model_json_schema(by_alias=True, schema_generator=_DocumentedSchema)


class _DocumentedSchema(GenerateJsonSchema):
    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        if "description" in json_schema:
            json_schema["description"] = plain(json_schema["description"])
        cls = schema["cls"]
        docs = _member_docs(cls)
        properties = json_schema.get("properties", {})
        for name, field in cls.model_fields.items():
            wire = field.validation_alias if isinstance(field.validation_alias, str) else name
            prop = properties.get(wire)
            if prop is None:
                continue
            prop["title"] = title(wire)
            doc, shape = docs.get(name, ("", ""))
            doc = doc or _shape_doc(cls.__module__, shape) or _item_doc(field.annotation)
            prop["description"] = plain(doc) if doc else f"{shape}: not documented in the service model."
        return json_schema

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        json_schema = super().enum_schema(schema)
        if "description" in json_schema:
            json_schema["description"] = plain(json_schema["description"])
        return json_schema


def title(wire: str) -> str:
    """A wire name as words: ``VolumeSizeInGB`` -> "Volume size in GB", ``S3Uri`` -> "S3 uri"."""
    words = [w.lower() if w[1:].islower() else w for w in _WORD.findall(wire)]  # Job -> job; ML, ETag stay
    text = " ".join(words) or wire
    return text[:1].upper() + text[1:]


def plain(doc: str) -> str:
    """A docstring as a JSON description: paragraphs and list items on one line each.

    Editors render single line breaks as breaks, so the docstring's wrapping is undone;
    ``literal`` markup becomes `literal`.
    """
    lines: list[str] = []
    for line in inspect.cleandoc(doc).splitlines():
        if lines and lines[-1] and line.strip() and not _LIST_ITEM.match(line):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.rstrip())
    return "\n".join(lines).replace("``", "`")


def _item_doc(annotation: Any) -> str:
    """The documentation of the model or enum a member takes (of the items, for a list or map)."""
    target = _bare(annotation)
    while not isinstance(target, type) and getattr(target, "__args__", None):
        target = _bare(target.__args__[-1])
    if isinstance(target, type) and target.__module__.startswith(_MODELS):
        return target.__dict__.get("__doc__") or ""
    return ""


def _member_docs(cls: type) -> dict[str, tuple[str, str]]:
    """Field name -> (the docstring under the field, the shape it takes), read from the source."""
    body = next(
        (n.body for n in _module_tree(cls.__module__) if isinstance(n, ast.ClassDef) and n.name == cls.__name__), []
    )
    docs = {}
    for statement, following in itertools.pairwise([*body, None]):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            docs[statement.target.id] = (_string(following), _shape_name(statement.annotation))
    return docs


def _shape_doc(module: str, shape: str) -> str:
    """The docstring of a shape as its module declares it, following ``from .x import Shape``."""
    body = _module_tree(module)
    for statement, following in itertools.pairwise([*body, None]):
        if isinstance(statement, ast.ClassDef) and statement.name == shape:
            return ast.get_docstring(statement, clean=False) or ""
        if isinstance(statement, ast.AnnAssign) and ast.unparse(statement.target) == shape:
            return _string(following)
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.level == 1
            and shape in {a.name for a in statement.names}
        ):
            return _shape_doc(f"{_MODELS}{statement.module}", shape)
    return ""


def _shape_name(annotation: ast.expr) -> str:
    """``_t.Annotated[RoleArn | None, _s.wire(...)]`` -> ``RoleArn``."""
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.slice, ast.Tuple):
        annotation = annotation.slice.elts[0]
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):  # quoted in a recursive group
        annotation = ast.parse(annotation.value, mode="eval").body
    if isinstance(annotation, ast.BinOp):  # X | None
        annotation = annotation.left
    return ast.unparse(annotation)


def _string(statement: ast.stmt | None) -> str:
    """The text of a string statement (a docstring), else ""."""
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return statement.value.value if isinstance(statement.value.value, str) else ""
    return ""


_MODELS = "sagemaker_typed.models._shapes."


@functools.cache
def _module_tree(name: str) -> list[ast.stmt]:
    """The top-level statements of a module's source ([] when it has none)."""
    try:
        return ast.parse(Path(getattr(sys.modules[name], "__file__", None) or "").read_text(encoding="utf-8")).body
    except (KeyError, OSError, SyntaxError, ValueError):
        return []
