"""`mkdocs serve` on a copy of the project: saves in content/ are served; errors are survived.

The editor's loop, as it happens in a terminal: change a word in the live-blog and see it
served; save a broken annotations.yml and see the problem reported compiler-style while the
last good site stays up; fix it and see the new annotation text served.
"""

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
from collections.abc import Callable
from pathlib import Path

import pytest
from html_tree import parse_html
from support import CONTENT

POLL_SECONDS = 60  # a bound, not a timing assertion: a slow machine waits longer, never fails


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(what: str, check: Callable[[], bool], log: Path) -> None:
    deadline = time.monotonic() + POLL_SECONDS
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}; the server said:\n{log.read_text('utf-8')}")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _text(html: str | None) -> str:
    """The served page's content as a reader sees it ("" while nothing is served)."""
    if html is None:
        return ""
    return " ".join(parse_html(html).find("article").text().split())


@pytest.mark.slow
@pytest.mark.site
def test_serve_rebuilds_on_content_saves_and_survives_a_broken_file(tmp_explainer, tmp_path):
    project = tmp_explainer()
    content = project / "content"
    log = tmp_path / "serve.log"
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for("the server", lambda: "Serving on" in log.read_text("utf-8"), log)
        base = re.search(r"Serving on (http://\S+)", log.read_text("utf-8"))[1]
        timeline, overview = base + "timeline/", base

        # 1. The first build is served.
        _wait_for("the timeline", lambda: "The stream has ended." in _text(_get(timeline)), log)

        # 2. A changed word in an entry is served after the save.
        blog = content / "liveblog.txt"
        blog.write_bytes(
            blog.read_bytes().replace(b"The stream has ended.", b"The stream has stopped.")
        )
        _wait_for(
            "the changed entry", lambda: "The stream has stopped." in _text(_get(timeline)), log
        )

        # 3. A broken annotations.yml: reported with file:line:col and no traceback; the
        # server stays up and serves the last good pages, saying they are not updated.
        annotations = content / "annotations.yml"
        good = annotations.read_text("utf-8")
        assert good.count('quote: "Kiev"\n') >= 1
        annotations.write_text(good.replace('quote: "Kiev"\n', 'quote: "Kiiev"\n', 1), "utf-8")
        problem = re.compile(
            r"^content/annotations\.yml:(8|9):\d+: quote not found in the intro: 'Kiiev'",
            re.MULTILINE,
        )
        _wait_for("the error report", lambda: problem.search(log.read_text("utf-8")), log)
        _wait_for("the stale banner", lambda: "Not updated" in _text(_get(timeline)), log)
        served = _text(_get(timeline))
        assert "The stream has stopped." in served
        assert "quote not found in the intro: 'Kiiev'" in served  # the problem, on the page
        assert server.poll() is None
        assert "Traceback" not in log.read_text("utf-8")

        # 4. The fix, with a changed annotation text, is served (issue 4: saving
        # annotations.yml updates the page).
        old_words = "is the official romanisation"
        new_words = "is the official, changed romanisation"
        assert old_words in good
        annotations.write_text(good.replace(old_words, new_words, 1), "utf-8")
        _wait_for("the fixed page", lambda: new_words in _text(_get(overview)), log)
        assert "Not updated" not in _text(_get(overview))
        assert server.poll() is None
        assert "Traceback" not in log.read_text("utf-8")
    finally:
        server.send_signal(signal.SIGINT)  # lets MkDocs remove its temporary site folder
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.site
def test_serve_with_broken_content_from_the_start_says_why_and_stops(tmp_explainer):
    annotations = (CONTENT / "annotations.yml").read_text("utf-8")
    broken = annotations.replace('quote: "Kiev"\n', 'quote: "Kiiev"\n', 1)
    project = tmp_explainer({"annotations.yml": broken})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1  # there is no good version to serve yet
    assert re.search(
        r"^content/annotations\.yml:(8|9):\d+: quote not found in the intro: 'Kiiev'",
        output,
        re.MULTILINE,
    ), output
    assert "Traceback" not in output
