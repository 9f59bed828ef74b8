"""The editor's loop in Chromium: a real ``mkdocs serve``, a broken save, and the banner.

An editor annotating an entry is scrolled far down the timeline; the banner must be on
screen there, not at the top of the page. The next good save reloads the page (live
reload) and the banner is gone.
"""

from __future__ import annotations

from typing import Any

import pytest
from serving import mkdocs_serve

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.site]

BANNER = ".explainer-banner"


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return (
        box is not None
        and box["height"] > 0
        and box["y"] >= 0
        and box["y"] + box["height"] <= height
    )


def test_the_banner_is_on_screen_at_the_bottom_of_the_timeline(browser, tmp_explainer, tmp_path):
    project = tmp_explainer()
    annotations = project / "content" / "annotations.yml"
    good = annotations.read_text("utf-8")
    with mkdocs_serve(project, tmp_path / "serve.log") as serve:
        serve.wait_for("the site", lambda: "The stream has ended." in serve.page("timeline/"))
        annotations.write_text(good.replace('quote: "Kiev"\n', 'quote: "Kiiev"\n', 1), "utf-8")
        serve.wait_for("the banner", lambda: "Not updated" in serve.page("timeline/"))

        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            # Only the local server is reached; anything else is refused.
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("http://127.0.0.1")
                    else route.abort()
                ),
            )
            page.goto(serve.base + "timeline/", wait_until="load")
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            page.wait_for_function("window.scrollY > 1000")
            assert in_viewport(page, BANNER)
            assert "quote not found in the intro: 'Kiiev'" in page.locator(BANNER).inner_text()
            # Fixed to the window, so it stays there wherever the reader scrolls.
            assert page.locator(BANNER).evaluate("e => getComputedStyle(e).position") == "fixed"

            # A phone: still on screen, and no wider than the window.
            page.set_viewport_size({"width": 375, "height": 700})
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            assert in_viewport(page, BANNER)
            assert page.locator(BANNER).bounding_box()["width"] <= 375

            # The fix: live reload brings the page back without the banner.
            annotations.write_text(good, "utf-8")
            page.wait_for_selector(BANNER, state="detached", timeout=60_000)
        finally:
            context.close()
