"""Under `mkdocs serve` a page is written as the theme rendered it last time only while
nothing it is rendered from has changed (generator/rendered.py).

tests/test_preview.py checks the saves of content (every page byte for byte against a full
build); here, a real `mkdocs serve` of the seed is changed where the content folder is not:
the configuration, a theme template, and a plugin the explainer does not know. Each must
render every page again, and every page must show the change.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from engine_serving import Server, serving

from generator.pipeline import build

pytestmark = [pytest.mark.site, pytest.mark.slow]

PAGES = ("", "timeline/", "glossary/people/", "background/congress-of-berlin/", "about/")
"""A page of each kind."""


def _kept(server: Server) -> list[int]:
    return [kept for _, kept in server.rebuilds()]


def _save_an_annotation(server: Server, project: Path, words: str) -> None:
    server.saved(
        project / "content" / "annotations.yml",
        "is the official romanisation",
        f"is, {words}, the official romanisation",
    )
    assert f"is, {words}, the official romanisation" in server.get("")


def _serve(project: Path, log: Path, *options: str):  # type: ignore[no-untyped-def]
    return serving(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", *options], project, log
    )


def test_a_change_to_the_configuration_renders_every_page_again(tmp_explainer, tmp_path):
    project = tmp_explainer()
    pages = len(build(project / "content").pages)
    with _serve(project, tmp_path / "serve.log") as server:
        server.wait("the overview", lambda: "is the official romanisation" in server.get(""))
        _save_an_annotation(server, project, "first")
        assert _kept(server)[-1] == pages - 1 + 2  # all but the overview, 404.html, sitemap

        server.saved(project / "mkdocs.yml", "an annotated explainer", "a renamed explainer")
        assert _kept(server)[-1] == 0
        for page in PAGES:
            assert "a renamed explainer" in server.get(page), page


def test_a_changed_template_renders_every_page_again(tmp_explainer, tmp_path):
    project = tmp_explainer()
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1
        ),
        "utf-8",
    )
    partial = project / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<div class="md-copyright">Footer one</div>\n', "utf-8")
    with _serve(project, tmp_path / "serve.log", "--watch-theme") as server:
        server.wait("the overview", lambda: "is the official romanisation" in server.get(""))
        _save_an_annotation(server, project, "first")
        assert _kept(server)[-1] > 0

        server.saved(partial, "Footer one", "Footer two")
        assert _kept(server)[-1] == 0
        for page in PAGES:
            assert "Footer two" in server.get(page) and "Footer one" not in server.get(page)


HOOK = """
builds = 0

def on_pre_build(config):
    global builds
    builds += 1

def on_page_context(context, page, config, nav):
    page.content += f'<p class="hook-build">hook build {builds}</p>'
    return context
"""


def test_a_plugin_it_does_not_know_turns_keeping_off(tmp_explainer, tmp_path):
    # A plugin may change a page's context in ways the explainer cannot see (here after
    # the explainer has looked at the page): with one in the configuration, every page is
    # rendered on every build.
    project = tmp_explainer()
    (project / "counter.py").write_text(HOOK, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - counter.py\n", "utf-8")
    with _serve(project, tmp_path / "serve.log") as server:
        server.wait("the overview", lambda: "hook build 1" in server.get(""))
        _save_an_annotation(server, project, "first")
        assert _kept(server)[-1] == 0
        for page in PAGES:
            assert "hook build 2" in server.get(page), page
