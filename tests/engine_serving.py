"""A real `mkdocs serve` (or `properdocs serve`) on a free local port, for the tests of
engines and of the preview's rebuilds."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SUMMARY = re.compile(
    r"converted (\d+) page\(s\) whose Markdown changed; reused the conversion of \d+; "
    r"wrote (\d+) file\(s\) as the theme rendered them last time"
)
"""The line the plugin logs after a serve rebuild that reused something."""
POLL_SECONDS = 180  # a bound, not a timing assertion: a slow machine waits longer, never fails


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """The running server: ``get`` a page by its URL path, ``wait`` for something to hold."""

    def __init__(self, process: subprocess.Popen, base: str, log: Path) -> None:
        self.process, self.base, self.log = process, base, log

    def get(self, path: str) -> str:
        """The page's HTML, or "" while nothing is served there."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return ""

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def saved(self, path: Path, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` in the file, then wait for the rebuild that follows."""
        # "Reloading browsers" carries a time stamp; MkDocs drops a "Documentation built in
        # 0.84 seconds" that repeats the one before word for word.
        builds = self.output().count("Reloading browsers")
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), "utf-8")
        self.wait("the rebuild", lambda: self.output().count("Reloading browsers") > builds)

    def rebuilds(self) -> list[tuple[int, int]]:
        """Each rebuild's summary from the plugin: (pages converted, files written as the
        theme rendered them last time)."""
        return [(int(a), int(b)) for a, b in SUMMARY.findall(self.output())]

    def wait(self, what: str, check: Callable[[], object], seconds: float = POLL_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the server stopped while waiting for {what}:\n{self.output()}")
            if check():
                return
            time.sleep(0.2)
        pytest.fail(f"gave up waiting for {what}; the server said:\n{self.output()}")


@contextmanager
def serving(command: list[str], project: Path, log: Path) -> Iterator[Server]:
    """Start ``command`` (a ``serve`` command line) in ``project`` on a free port; stop it
    (and only it) however the test ends."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(process, "", log)
    try:
        server.wait("the server", lambda: "Serving on" in server.output())
        # The site is mounted under site_url's path, as it will be deployed.
        server.base = re.search(r"Serving on (http://\S+)", server.output())[1]  # type: ignore[index]
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # lets the engine remove its temporary site
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
