"""How long an editor waits under ``mkdocs serve``: from saving ``annotations.yml`` to the
rebuilt page showing the change.

The server runs in its own process on a free port of 127.0.0.1; we change one
annotation's text to a new word, save, and poll the page that shows the annotation until
the word appears. Every wait is bounded, and the server is stopped however the run ends.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.pipeline import build

from .mkdocs_config import read_config

MARK = "servecheck"
"""The word put into the first annotation's text; each save adds a new number to it."""


class ServeError(RuntimeError):
    """The server did not start, or the change never showed up, in the time allowed."""


def mark_first_annotation(content_dir: Path) -> None:
    """Give the first annotation a word we can look for (comments in the copy are lost)."""
    path = content_dir / "annotations.yml"
    # BaseLoader keeps every scalar as text, so "16:49" is written back as "16:49".
    records = yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)
    if not records:
        raise ServeError(f"{path} has no annotation to change")
    records[0]["text"] = f"{records[0]['text']} {MARK}0."
    path.write_text(
        yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000), "utf-8"
    )


def page_url_path(project: Path) -> str:
    """The URL path (under the site's mount point) of the page showing annotation one."""
    site = build(project / "content")
    pages = [path for path, markdown in site.pages.items() if f"{MARK}0" in markdown]
    if not pages:
        raise ServeError("no generated page shows the marked annotation")
    page = pages[0]
    if page == "index.md":
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def time_rebuilds(project: Path, repeat: int, timeout: float) -> list[float]:
    """Seconds from each save of annotations.yml to the page showing it, ``repeat`` times.

    ``project`` holds mkdocs.yml, docs/ and content/; its annotations.yml is changed.
    """
    mark_first_annotation(project / "content")
    site_url = read_config(project / "mkdocs.yml").get("site_url") or ""
    port = _free_port()
    url = f"http://127.0.0.1:{port}{_mount(site_url)}{page_url_path(project)}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = project / "serve.log"
    # The log goes to a file: a pipe nobody reads would block a chatty server.
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(url, f"{MARK}0.", server, log, timeout)
        waits = []
        annotations = project / "content" / "annotations.yml"
        for number in range(1, repeat + 1):
            text = annotations.read_text("utf-8")
            annotations.write_text(
                text.replace(f"{MARK}{number - 1}.", f"{MARK}{number}."), "utf-8"
            )
            saved = time.perf_counter()
            _wait_for(url, f"{MARK}{number}.", server, log, timeout)
            waits.append(time.perf_counter() - saved)
        return waits
    finally:
        _stop(server)


def _wait_for(url: str, word: str, server: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = log.read_text("utf-8", errors="replace")
            raise ServeError(f"mkdocs serve stopped (exit {server.returncode}):\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if word in response.read().decode("utf-8", errors="replace"):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise ServeError(f"{url} did not show {word!r} within {timeout:.0f} s (see {log})")


def _stop(server: subprocess.Popen) -> None:
    """Stop the server we started (its own process group: mkdocs and nothing else)."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mount(site_url: str) -> str:
    """mkdocs serve puts the site under the path of ``site_url``, as it will be deployed."""
    path = urlsplit(site_url).path or "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"
