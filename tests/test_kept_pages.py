"""Under `mkdocs serve` a save renders again only the pages whose inputs it changed
(render/reuse.py), and every page is what a build without kept pages makes.

A synthetic explainer of three days (one page each) and a glossary of several pages: each
kind of save is checked for which pages it renders and against a fresh build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.synth import Size, write_explainer
from generator.cache import ContentCache
from generator.model import Site
from generator.pipeline import assemble, build


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    write_explainer(folder, Size("kept", 90, 3, 30, 20))
    return folder


class _Serving:
    """Builds as `mkdocs serve` makes them: one cache across saves."""

    def __init__(self, content: Path) -> None:
        self.content, self.cache = content, ContentCache()
        self.site = self.save()

    def save(self) -> Site:
        self.cache.start_build()
        site = build(self.content, cache=self.cache)
        fresh = build(self.content)  # no cache: every page rendered
        assert site.pages == fresh.pages
        assert (site.nav, site.warnings, site.entry_pages) == (
            fresh.nav,
            fresh.warnings,
            fresh.entry_pages,
        )
        self.site = site
        return site

    @property
    def rendered(self) -> list[str]:
        return self.cache.pages.rendered


def _kept_pages(site: Site) -> set[str]:
    """The pages reuse.py may keep: the timeline's days, the glossary's and the notes'."""
    return {
        path
        for path in site.pages
        if path.startswith(("timeline/2", "glossary/", "background/"))
        and not path.endswith("/index.md")
    }


def _annotate(content: Path, anchor: str, text: str) -> None:
    """A new annotation on the first paragraph of the entry ``anchor``."""
    entry = next(e for e in assemble(content).liveblog.entries if e.anchor == anchor)
    path = content / "annotations.yml"
    record = (
        f"\n- entry: {json.dumps(anchor)}\n  quote: {json.dumps(entry.paragraphs[0].text)}\n"
        f"  kind: context\n  text: {json.dumps(text)}\n"
        "  sources:\n    - title: A source\n      url: https://example.org/source\n"
    )
    path.write_text(path.read_text("utf-8") + record, "utf-8")


def _entry_on(site: Site, page: str) -> str:
    return next(anchor for anchor, shown in site.entry_pages.items() if shown == page)


def test_an_unchanged_save_renders_nothing_and_an_annotation_only_its_page(content):
    serving = _Serving(content)
    assert set(serving.rendered) == _kept_pages(serving.site)  # the first build: all
    days = [p for p in serving.site.pages if p.startswith("timeline/2")]
    assert len(days) == 3

    serving.save()
    assert serving.rendered == []

    # An annotation on the last day: that day's page and no other.
    _annotate(content, _entry_on(serving.site, days[2]), "A note on the last day.")
    site = serving.save()
    assert serving.rendered == [days[2]]
    assert "A note on the last day." in site.pages[days[2]]

    # Then one on another entry, on another page: that page is rendered, the last is kept.
    _annotate(content, _entry_on(serving.site, days[0]), "A note on the first day.")
    site = serving.save()
    assert serving.rendered == [days[0]]
    assert "A note on the first day." in site.pages[days[0]]


def test_a_term_renamed_renders_every_page_that_names_it(content):
    serving = _Serving(content)
    term = assemble(content).glossary[0]
    glossary = content / "glossary.yml"
    text = glossary.read_text("utf-8")
    assert f'name: "{term.name}"' in text
    glossary.write_text(text.replace(f'name: "{term.name}"', 'name: "Renamed Person"', 1))
    site = serving.save()
    assert set(serving.rendered) == _kept_pages(site)
    assert any("Renamed Person" in site.pages[p] for p in serving.rendered if "timeline/" in p)


def test_a_new_key_moment_renders_the_pages_again(content):
    serving = _Serving(content)
    anchor = serving.site.entry_pages and next(iter(serving.site.entry_pages))
    source = content / "source.yml"
    source.write_text(source.read_text("utf-8") + f'key_moments: ["{anchor}"]\n', "utf-8")
    site = serving.save()
    assert site.pages[site.entry_pages[anchor]].count("Key moment") > 0
    assert set(serving.rendered) == _kept_pages(site)


def test_an_entry_edited_renders_the_pages_again(content):
    serving = _Serving(content)
    liveblog = content / "liveblog.txt"
    text = liveblog.read_text("utf-8")
    first = assemble(content).liveblog.entries[-1].paragraphs[0].text
    liveblog.write_text(text.replace(first, first + " Edited.", 1), "utf-8")
    site = serving.save()
    assert set(serving.rendered) == _kept_pages(site)
