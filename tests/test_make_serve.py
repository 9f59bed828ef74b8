"""`make serve`: a chosen port, live reload asked for explicitly, a plain word when the port
is busy; and the click releases that break MkDocs' live reload kept out."""

from __future__ import annotations

import socket
import subprocess
from importlib.metadata import requires, version
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def test_make_serve_takes_a_port_and_asks_for_live_reload():
    result = subprocess.run(
        ["make", "-n", "serve", "PORT=8123"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "mkdocs serve --livereload --dev-addr 127.0.0.1:8123" in result.stdout


def test_make_serve_on_a_busy_port_says_so_without_a_traceback():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode != 0
    assert f"port {port} is busy" in result.stderr
    assert f"make serve PORT={port + 1}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_click_releases_without_live_reload_are_excluded():
    click = next(
        Requirement(r) for r in requires("liveblog-explainer") or [] if r.startswith("click")
    )
    for broken in ("8.2.2", "8.3.0", "8.3.1"):
        assert broken not in click.specifier
    for good in ("8.1.8", "8.2.1", "8.3.2"):
        assert good in click.specifier
    assert version("click") in click.specifier  # and the one installed is a good one
