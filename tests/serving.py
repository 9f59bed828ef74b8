"""A real ``mkdocs serve`` of a project folder, for tests of the editor's loop."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from html_tree import parse_html
from support import require_site_marker

POLL_SECONDS = 60  # a bound, not a timing assertion: a slow machine waits longer, never fails


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def text_of(html: str | None) -> str:
    """The served page's content as a reader sees it ("" while nothing is served)."""
    if html is None:
        return ""
    return " ".join(parse_html(html).find("article").text().split())


@dataclass
class Serving:
    """A running ``mkdocs serve``: its process, log and address."""

    process: subprocess.Popen[bytes]
    log: Path
    base: str = ""

    def output(self) -> str:
        return self.log.read_text("utf-8")

    def wait_for(self, what: str, check: Callable[[], object]) -> None:
        deadline = time.monotonic() + POLL_SECONDS
        while time.monotonic() < deadline:
            if check():
                return
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited while waiting for {what}:\n{self.output()}")
            time.sleep(0.3)
        pytest.fail(f"gave up waiting for {what}; the server said:\n{self.output()}")

    def page(self, path: str = "") -> str:
        return text_of(get(self.base + path))


@contextmanager
def mkdocs_serve(project: Path, log: Path, *args: str) -> Iterator[Serving]:
    """Start ``mkdocs serve`` in ``project`` (plus ``args``) and wait until it serves."""
    require_site_marker()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    serving = Serving(process, log)
    try:
        serving.wait_for("the server", lambda: "Serving on" in serving.output())
        found = re.search(r"Serving on (http://\S+)", serving.output())
        assert found is not None
        serving.base = found[1]
        yield serving
    finally:
        process.send_signal(signal.SIGINT)  # lets MkDocs remove its temporary site folder
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
