"""The schemas in an editor: the real yaml-language-server (what VS Code's YAML extension
runs) reads the ``$schema`` modelines of the content files.

The server comes from npm, installed once into a cache folder (the registry is reachable;
the test never fetches anything else, and the server's schema store is off). Where node,
npm or the registry is missing the test is skipped, saying why.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.load.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
VERSION = "1.25.0"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "explainer-tests"

pytestmark = pytest.mark.slow


def _server() -> Path:
    """The yaml-language-server executable, installed from npm on first use."""
    folder = CACHE / f"yaml-language-server-{VERSION}"
    binary = folder / "node_modules" / ".bin" / "yaml-language-server"
    if binary.exists():
        return binary
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed to install yaml-language-server")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", f"yaml-language-server@{VERSION}"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("npm install yaml-language-server took over 10 minutes")
    if result.returncode != 0 or not binary.exists():
        pytest.skip(f"npm could not install yaml-language-server: {result.stderr[-500:]}")
    return binary


class LanguageServer:
    """A minimal LSP client over stdio: requests, notifications, and what comes back."""

    def __init__(self, binary: Path, root: Path) -> None:
        self.process = subprocess.Popen(
            [str(binary), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "textDocument": {"completion": {"completionItem": {"snippetSupport": True}}},
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        return self._until(lambda m: m.get("id") == self.next_id and "method" not in m)["result"]

    def _until(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        while True:
            try:
                message = self.messages.get(timeout=timeout)
            except queue.Empty:
                pytest.fail("yaml-language-server said nothing for a minute")
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.diagnostics[params["uri"]] = params["diagnostics"]
            elif "method" in message and "id" in message:  # a request to us: answer it
                result = (
                    [SETTINGS["yaml"]] if message["method"] == "workspace/configuration" else None
                )
                self._send({"id": message["id"], "result": result})
            if wanted(message):
                return message

    def check(self, path: Path, text: str | None = None) -> list[dict[str, Any]]:
        """Open ``path`` (with ``text`` instead of its own) and wait for its diagnostics.

        Each check opens a document of its own name in the same folder (so its relative
        ``$schema`` resolves the same), lest a late answer about an earlier one be taken.
        """
        self.next_id += 1
        uri = path.with_name(f"{path.stem}-check-{self.next_id}{path.suffix}").as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1}
        document["text"] = path.read_text("utf-8") if text is None else text
        self.notify("textDocument/didOpen", {"textDocument": document})
        self._until(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return self.diagnostics[uri]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()


SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "schemaStore": {"enable": False},  # no fetching of other schemas
        "yamlVersion": "1.2",
    }
}


@pytest.fixture(scope="module")
def server() -> Any:
    language_server = LanguageServer(_server(), ROOT)
    yield language_server
    language_server.close()


def test_the_bundled_content_files_are_clean_in_the_editor(server):
    for name in ("annotations.yml", "glossary.yml", "source.yml"):
        assert server.check(ROOT / "content" / name) == [], name


def test_a_bad_entry_reads_as_the_schema_says_not_as_a_regular_expression(server):
    path = ROOT / "content" / "annotations.yml"
    text = path.read_text("utf-8").replace('entry: "16:49"', 'entry: "16:4"', 1)
    messages = [d["message"] for d in server.check(path, text)]
    expected = load_schema("annotations")["items"]["properties"]["entry"]["patternErrorMessage"]
    assert messages == [expected]


def test_split_glossary_files_use_the_documented_modeline(server, tmp_path):
    glossary = ROOT / "content" / "glossary.yml"
    text = glossary.read_text("utf-8").replace("$schema=../", "$schema=../../", 1)
    # Where the README says split files go: content/glossary/<name>.yml, two folders down.
    split = ROOT / "content" / "glossary" / "people.yml"
    assert "# yaml-language-server: $schema=../../generator/load/schemas/" in text
    assert server.check(split, text) == []
    assert server.check(split, text.replace("kind: person", "kind: persn", 1)) != []


def test_editors_offer_the_new_annotation_snippet(server):
    path = ROOT / "content" / "annotations.yml"
    text = path.read_text("utf-8") + "\n"
    lines = text.split("\n")
    uri = path.with_name("annotations-completion.yml").as_uri()
    document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text + "- "}
    server.notify("textDocument/didOpen", {"textDocument": document})
    result = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": len(lines) - 1, "character": 2}},
    )
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    items = result["items"] if isinstance(result, dict) else result
    labels = [item["label"] for item in items]
    assert "New annotation" in labels, labels


def test_a_tab_is_first_reported_where_it_is(server):
    # The server's parser flags the record's line and every line below too (hundreds of
    # diagnostics: its behaviour, not the schema's); the first ones are those to read, and
    # `explainer check` reports the tab's line alone.
    path = ROOT / "content" / "annotations.yml"
    text = path.read_text("utf-8").replace('\n  quote: "Kiev"', '\n\tquote: "Kiev"', 1)
    line = text.split("\n").index('\tquote: "Kiev"')
    diagnostics = server.check(path, text)
    assert line - 1 <= min(d["range"]["start"]["line"] for d in diagnostics) <= line
