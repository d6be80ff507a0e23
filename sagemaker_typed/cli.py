"""The ``sagemaker-typed`` command: validate request files, print request schemas, list operations.

``validate`` checks JSON request files (as ``aws sagemaker ... --cli-input-json`` takes them)
with the operation's input model, by exactly the rules ``SageMakerClient`` applies to a call
(all of them, or with ``--rules structure`` those of ``SageMakerClient(validation="structure")``);
``schema`` prints that model's JSON Schema, for editors; ``operations`` lists the operations.
An operation of another service of the family is named ``SERVICE:Operation``, SERVICE being
the botocore name (``sagemaker-runtime:InvokeEndpoint``) or the subpackage (``runtime:InvokeEndpoint``);
without a prefix it is SageMaker's.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ._meta import __version__
from ._runtime import operations as _operations
from ._runtime.calls import Operation, model
from ._runtime.lenient import Validation, structure_validator
from ._runtime.newer import MOVABLE, hint
from ._runtime.schema import request_schema
from ._runtime.shapes import wire_location

PROG = "sagemaker-typed"
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_$-]+")

_VALIDATE_EPILOG = f"""\
Each FILE holds one request as a JSON object by wire names, as
`aws sagemaker OPERATION --cli-input-json file://FILE` takes it; '-' reads standard
input. JSON only: YAML is not supported.

Each error prints as `FILE: path.to.Member: message [rule]` (list items as `[i]`,
unusual map keys as `["key"]`), then a summary line; --format json prints one JSON
document instead.

exit status: {EXIT_OK} every file valid, {EXIT_INVALID} a file invalid, unreadable or not JSON, \
{EXIT_USAGE} usage error
"""


@dataclass(frozen=True, slots=True)
class Problem:
    """One error in a request file: where (the pydantic ``loc``), what and by which rule."""

    loc: tuple[str | int, ...]
    msg: str
    type: str

    @property
    def path(self) -> str:
        """``loc`` as a path: members joined with dots, list indexes as ``[i]``.

        A map key that is not a plain word (dots, spaces, control characters...) is quoted as
        ``["key"]``, so that the path stays unambiguous and on one line.
        """
        path = ""
        for part in self.loc:
            if isinstance(part, int):
                path += f"[{part}]"
            elif part == "[key]":  # pydantic's marker for an invalid map key
                path += part
            elif not _PLAIN_KEY.fullmatch(part):
                path += f"[{json.dumps(part)}]"
            else:
                path += f".{part}" if path else part
        return path

    def line(self, file: str) -> str:
        """The text form: ``FILE: path: message [rule]`` (no path for a whole-file error)."""
        where = f"{self.path}: " if self.loc else ""
        return f"{file}: {where}{self.msg} [{self.type}]"

    def to_json(self) -> dict[str, Any]:
        """The machine-readable form (never the offending input: it may be sensitive)."""
        return {"loc": list(self.loc), "path": self.path, "msg": self.msg, "type": self.type}


def check(request_model: type[BaseModel], file: str, rules: Validation = "all") -> list[Problem]:
    """The problems of one request file ('-' for stdin): unreadable, not JSON, or invalid by ``rules``."""
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return [Problem((), f"Cannot read file: {reason}", "file_unreadable")]
    try:
        data = json.loads(text)
    except ValueError as error:
        return [Problem((), f"Invalid JSON: {error}", "json_invalid")]
    except RecursionError:
        return [Problem((), "Invalid JSON: nested too deeply", "json_invalid")]
    try:
        if rules == "structure":
            structure_validator(request_model).validate_python(data)
        else:
            request_model.model_validate(data)
    except ValidationError as error:
        return [
            Problem(wire_location(request_model, tuple(e["loc"])), e["msg"], e["type"])
            for e in error.errors(include_url=False)
        ]
    return []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit status: 0 all valid, 1 a file invalid, 2 usage error."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE if exit_.code else EXIT_OK
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INVALID


def _validate(args: argparse.Namespace) -> int:
    operation = _resolve(args.operation)
    if operation is None:
        return EXIT_USAGE
    request_model = model(operation.service.models, operation.input)
    results = [(file, check(request_model, file, args.rules)) for file in args.files]
    valid = not any(problems for _, problems in results)
    if args.format == "json":
        files = [{"file": f, "valid": not p, "errors": [e.to_json() for e in p]} for f, p in results]
        report = {"service": operation.service.name, "operation": operation.name, "rules": args.rules}
        print(json.dumps({**report, "valid": valid, "files": files}, indent=2))
    else:
        for file, problems in results:
            for problem in problems:
                print(problem.line(file))
        print(_summary_line(operation, results))
        if any(problem.type in MOVABLE for _, problems in results for problem in problems):
            print(f"{PROG}: note: {hint('use --rules structure')}", file=sys.stderr)
    return EXIT_OK if valid else EXIT_INVALID


def _summary_line(operation: Operation[Any], results: list[tuple[str, list[Problem]]]) -> str:
    files = len(results)
    invalid = sum(1 for _, problems in results if problems)
    errors = sum(len(problems) for _, problems in results)
    if not invalid:
        return f"{_count(files, 'file')} valid ({_qualified(operation)})"
    return f"{invalid} of {_count(files, 'file')} invalid, {_count(errors, 'error')} ({_qualified(operation)})"


def _qualified(operation: Operation[Any]) -> str:
    """An operation's API name, prefixed by its service unless it is SageMaker's own."""
    service = operation.service.name
    return operation.name if service == _operations.DEFAULT else f"{service}:{operation.name}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _schema(args: argparse.Namespace) -> int:
    operation = _resolve(args.operation)
    if operation is None:
        return EXIT_USAGE
    schema = request_schema(model(operation.service.models, operation.input))
    schema.setdefault("description", _summary(operation))
    print(json.dumps({"$schema": _DIALECT, **schema}, indent=2))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    service = _operations.service(args.service)
    if service is None:
        print(f"{PROG}: {_unknown_service(args.service)}", file=sys.stderr)
        return EXIT_USAGE
    table = [(operation.name, _summary(operation)) for operation in _operations.operations(service)]
    width = max(len(name) for name, _ in table)
    for name, summary in table:
        print(f"{name:<{width}}  {summary}".rstrip())
    return EXIT_OK


def _summary(operation: Operation[Any], limit: int = 100) -> str:
    """The first sentence of the operation's documentation (the client method's docstring)."""
    client = _operations.client_class(operation.service.name)
    doc = inspect.getdoc(getattr(client, operation.method)) or ""
    paragraph = " ".join(doc.split("\n\n", 1)[0].split()).replace("``", "")
    sentence = _SENTENCE_END.split(paragraph, 1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rsplit(" ", 1)[0] + "..."


def _resolve(name: str) -> Operation[Any] | None:
    """The operation named ``name`` (``[SERVICE:]Operation``), or None after telling the user (with close names)."""
    service, operation_name = _operations.split(name)
    prefix, colon, _ = name.rpartition(":")
    if service is None:
        print(f"{PROG}: {_unknown_service(prefix)}", file=sys.stderr)
        return None
    operation = _operations.find(operation_name, service)
    if operation is None:
        matches = _operations.close_matches(operation_name, service=service)
        close = [prefix + colon + _spelled_like(operation_name, match) for match in matches]
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        listing = f"{PROG} operations" + (f" {prefix}" if colon else "")
        print(f"{PROG}: unknown operation {name!r}{hint} (see '{listing}')", file=sys.stderr)
    return operation


def _unknown_service(name: str) -> str:
    known = ", ".join(
        f"{s} ({_operations.subpackage(s)})" if s != _operations.DEFAULT else s for s in _operations.services()
    )
    return f"unknown service {name!r}; the services are {known}"


def _spelled_like(name: str, operation: Operation[Any]) -> str:
    """An operation's name in the spelling the user chose."""
    if "_" in name:
        return operation.method
    if "-" in name:
        return operation.method.replace("_", "-")
    return operation.name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Typed Amazon SageMaker requests, from the command line.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(metavar="COMMAND", required=True)
    operation_help = (
        "e.g. CreateTrainingJob, create_training_job or create-training-job; another service's as "
        "SERVICE:Operation, e.g. sagemaker-runtime:InvokeEndpoint or runtime:InvokeEndpoint"
    )

    validate = commands.add_parser(
        "validate",
        help="validate JSON request files with an operation's input model",
        description="Validate JSON request files with the input model of OPERATION, by the rules the client applies.",
        epilog=_VALIDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("operation", metavar="OPERATION", help=operation_help)
    validate.add_argument("files", metavar="FILE", nargs="+", help="a JSON request file ('-': standard input)")
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    validate.add_argument(
        "--rules",
        choices=get_args(Validation),
        default="all",
        help="all: every rule of the service model (default); structure: member names, types and required "
        "members only, as botocore checks, for when SageMaker has a value or limit newer than this SDK",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of an operation's request",
        description="Print the JSON Schema (draft 2020-12, by wire names) of the request of OPERATION, for editors: "
        "each property carries the service's documentation of the member. "
        "Patterns are in the regex dialect the SDK validates with, not always ECMA-262.",
    )
    schema.add_argument("operation", metavar="OPERATION", help=operation_help)
    schema.set_defaults(run=_schema)

    listing = commands.add_parser(
        "operations", help="list the operations", description="List the operations of a service (default: sagemaker)."
    )
    listing.add_argument(
        "service",
        metavar="SERVICE",
        nargs="?",
        default=_operations.DEFAULT,
        help="botocore name (sagemaker-runtime) or subpackage (runtime) of a service of the family",
    )
    listing.set_defaults(run=_list)
    return parser
