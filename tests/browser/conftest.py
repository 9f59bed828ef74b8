"""A real browser on the built seed site: Debian's Chromium driven by Playwright.

The site is served by the tests themselves (a threaded ``http.server`` on a free local
port); every request a page makes is intercepted, and any that is not for that server is
recorded and refused, so the tests never reach the network and can assert that nothing tried.
One browser serves the whole session; each visit gets a fresh context.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless; skipped when absent (a failure under CI=true)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's 'chromium' package (see README)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """``serve(folder)`` serves a built site on 127.0.0.1 at a free port; returns its URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(serve: Any, seed_site: Path) -> str:
    """The built seed site, served locally."""
    return serve(seed_site)


@pytest.fixture(scope="session")
def split_site_url(serve: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed re-dated over two days (a split timeline), built and served locally."""
    from support import mkdocs_build
    from test_timeline_split import make_two_day_project

    project = make_two_day_project(tmp_path_factory.mktemp("split-project"))
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return serve(project / "site")


@dataclass
class Visit:
    """One page open in its own browser context, and what it did."""

    page: Any
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for."""
    refused: list[str] = field(default_factory=list)
    """URLs on other hosts (refused, never fetched)."""
    errors: list[str] = field(default_factory=list)
    """Console errors and uncaught exceptions."""


_NO_TRANSITIONS = """
document.addEventListener("DOMContentLoaded", () => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; " +
    "animation: none !important; }";
  document.head.appendChild(style);
});
"""


@pytest.fixture
def visit(browser: Any, site_url: str) -> Iterator[Any]:
    """``visit("timeline/", scheme="dark", width=375)`` opens a page of the seed site (or of
    ``site=``, another served site)."""
    contexts: list[Any] = []

    def open_page(
        path: str,
        *,
        scheme: str = "light",
        width: int = 1280,
        height: int = 900,
        site: str = site_url,
    ) -> Visit:
        context = browser.new_context(
            color_scheme=scheme,
            viewport={"width": width, "height": height},
            service_workers="block",
        )
        contexts.append(context)
        # Material fades the header's title in while the reader scrolls; axe measuring
        # contrast mid-fade sees a blend of colours no reader is left with. Transitions off.
        context.add_init_script(_NO_TRANSITIONS)
        page = context.new_page()
        seen = Visit(page)

        def route(route: Any) -> None:
            url = route.request.url
            seen.requests.append(url)
            if url.startswith(site):
                route.continue_()
            else:
                seen.refused.append(url)
                route.abort()

        context.route("**/*", route)
        page.on(
            "console",
            lambda message: seen.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.goto(site + path, wait_until="load")
        return seen

    yield open_page
    for context in contexts:
        context.close()
