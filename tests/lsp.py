"""Hover text from pyright's language server (what Pylance shows), through a minimal LSP client."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO, Any


def _send(stream: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def _receive(stream: IO[bytes]) -> dict[str, Any]:
    length = 0
    while line := stream.readline().strip():
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(stream.read(length))
    return message


def hovers(root: Path, source: str, points: list[tuple[int, int]]) -> list[str]:
    """The hover text at each (line, column), 0-based, of ``source`` saved as a script in ``root``."""
    server = shutil.which("pyright-langserver") or str(Path(sys.executable).parent / "pyright-langserver")
    script = root / "hover_probe.py"
    script.write_text(source)
    process = subprocess.Popen(
        [server, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout

    def request(number: int, method: str, params: dict[str, Any]) -> Any:
        _send(stdin, {"id": number, "method": method, "params": params})
        while True:
            message = _receive(stdout)
            if message.get("id") == number and "method" not in message:
                return message.get("result")
            if "method" in message and "id" in message:  # the server asks: settings, or nothing to say
                items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else None
                result = [{"pythonPath": sys.executable}] * len(items) if items is not None else None
                _send(stdin, {"id": message["id"], "result": result})

    try:
        capabilities = {
            "textDocument": {"hover": {"contentFormat": ["markdown"]}},
            "workspace": {"configuration": True},
        }
        folder = {"uri": root.as_uri(), "name": root.name}
        request(
            0,
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": capabilities,
                "workspaceFolders": [folder],
            },
        )
        _send(stdin, {"method": "initialized", "params": {}})
        document = {"uri": script.as_uri(), "languageId": "python", "version": 1, "text": source}
        _send(stdin, {"method": "textDocument/didOpen", "params": {"textDocument": document}})
        out = []
        for number, (line, column) in enumerate(points, 1):
            params = {"textDocument": {"uri": script.as_uri()}, "position": {"line": line, "character": column}}
            result = request(number, "textDocument/hover", params) or {}
            out.append(result.get("contents", {}).get("value", ""))
        return out
    finally:
        process.kill()
        process.wait()
        script.unlink()
