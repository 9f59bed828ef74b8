"""A timeline that spans several days becomes an index and one page per day.

The seed live-blog, re-dated so its entries fall on two days (16 and 17 May), is built
twice: by the core (its Markdown pages) and by MkDocs in strict mode (the HTML a reader
gets). Anchors must stay the same and unique across day pages, and every link to an entry
(glossary backlinks, annotation ``see`` links, key moments, the strip, JSON-LD) must point at
the day page that holds it.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import CONTENT, ROOT, mkdocs_build

from generator.model import Entry, Paragraph
from generator.pipeline import assemble, build
from generator.render import glossary as render_glossary
from generator.render.router import plan_timeline

SITE_URL = "https://example.org/istanbul-talks-2025/"
DAY_ONE, DAY_TWO = "timeline/2025-05-16.md", "timeline/2025-05-17.md"


def make_two_day_project(project: Path) -> Path:
    """The seed project, re-dated so its live-blog runs over two days: 18:06 onwards is
    on 17 May. (The browser tests build it too.)"""
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    blog = project / "content" / "liveblog.txt"
    text = blog.read_text(encoding="utf-8")
    assert text.count("\n16 May 2025\n") == 1 and text.count("\n17:14 GMT\n") == 1
    text = text.replace("\n16 May 2025\n", "\n17 May 2025\n")
    text = text.replace("\n17:14 GMT\n", "\n16 May 2025\n17:14 GMT\n")
    blog.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def two_days(tmp_path_factory) -> Path:
    return make_two_day_project(tmp_path_factory.mktemp("two-days"))


@pytest.fixture(scope="module")
def pages(two_days) -> dict[str, str]:
    return build(two_days / "content", site_url=SITE_URL).pages


@pytest.fixture(scope="module")
def entries(two_days) -> tuple[Entry, ...]:
    return assemble(two_days / "content").liveblog.entries


@pytest.fixture(scope="module")
def built(two_days, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("two-days-site")
    result = mkdocs_build(two_days, site)
    assert result.returncode == 0, result.stderr
    return site


def day_page(entry: Entry) -> str:
    return f"timeline/{entry.posted.date().isoformat()}.md"


def test_the_timeline_is_an_index_and_one_page_per_day(pages, two_days):
    assert "timeline.md" not in pages
    assert {p for p in pages if p.startswith("timeline")} == {
        "timeline/index.md",
        DAY_ONE,
        DAY_TWO,
    }
    nav = dict(kv for item in build(two_days / "content").nav for kv in item.items())
    assert nav["Timeline"] == [
        {"All days": "timeline/index.md"},
        {"16 May 2025": DAY_ONE},
        {"17 May 2025": DAY_TWO},
    ]
    index = pages["timeline/index.md"]
    assert "- [16 May 2025](2025-05-16.md): 5 entries, 16:00–17:14 GMT" in index
    assert "- [17 May 2025](2025-05-17.md): 5 entries, 18:06–22:52 GMT" in index


def test_each_entry_is_on_its_day_page_once_with_its_anchor(pages, entries):
    assert len({e.anchor for e in entries}) == len(entries) == 10
    for entry in entries:
        holders = [p for p, text in pages.items() if f"{{ #{entry.anchor} }}" in text]
        assert holders == [day_page(entry)], entry.anchor
    assert [e.anchor for e in entries][4:6] == ["2025-05-16-1714", "2025-05-17-1806"]


def test_day_pages_link_to_the_previous_and_next_day(pages):
    assert "[All days](index.md) · [17 May 2025 →](2025-05-17.md)" in pages[DAY_ONE]
    assert "[← 16 May 2025](2025-05-16.md) · [All days](index.md)\n" in pages[DAY_TWO]


def test_the_overview_links_every_day(pages):
    overview = pages["index.md"]
    assert "- [16 May 2025](timeline/2025-05-16.md): 5 entries" in overview
    assert "- [17 May 2025](timeline/2025-05-17.md): 5 entries" in overview
    assert "[Timeline](timeline/index.md)" in overview


def test_every_markdown_link_to_an_entry_points_at_its_day_page(pages, entries):
    """Glossary backlinks, annotation 'see' links, key moments: resolve every link with a
    fragment that names an entry, from every page."""
    where = {e.anchor: day_page(e) for e in entries}
    checked = 0
    for page, text in pages.items():
        for target in re.findall(r"\]\(<?([^)>\s]*#[^)>\s\"]+)", text):
            path, _, anchor = target.partition("#")
            if anchor not in where:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path or page))
            if not path:
                resolved = page
            assert resolved == where[anchor], f"{page} links {target}"
            checked += 1
    assert checked > 30  # backlinks on three glossary pages, key moments, see-links


def test_backlinks_are_grouped_by_day(pages):
    people = pages["glossary/people.md"]
    section = people[people.index("{ #vladimir-medinsky }") :]
    section = section[: section.index("\n## ")]
    assert "- 16 May 2025 (4 entries)\n    - [16&#58;23 GMT · " in section
    assert "](../timeline/2025-05-16.md#2025-05-16-1623)" in section
    assert "- 17 May 2025 (1 entry)\n    - [18&#58;06 GMT · " in section
    assert "](../timeline/2025-05-17.md#2025-05-17-1806)" in section


def test_long_backlink_lists_collapse_into_one_details_per_day(two_days, monkeypatch):
    monkeypatch.setattr(render_glossary, "BACKLINKS_OPEN", 3)
    people = build(two_days / "content").pages["glossary/people.md"]
    section = people[people.index("{ #vladimir-medinsky }") :]
    section = section[: section.index("\n## ")]
    assert section.count('<details class="explainer-days" markdown>') == 2
    assert "<summary>16 May 2025 (4 entries)</summary>" in section
    assert "<summary>17 May 2025 (1 entry)</summary>" in section


def test_one_day_keeps_one_page_and_plain_backlinks():
    pages = build(CONTENT).pages
    assert "timeline.md" in pages and not any(p.startswith("timeline/") for p in pages)
    assert '<details class="explainer-days"' not in pages["glossary/people.md"]
    assert "- 16 May 2025 (" not in pages["glossary/people.md"]


def test_the_strip_follows_the_split(pages, entries):
    for page in (DAY_ONE, DAY_TWO):
        strip = re.search(r'<nav class="explainer-strip".*?</nav>', pages[page])
        assert strip is not None
        hrefs = re.findall(r'<a class="explainer-strip__mark[^"]*" href="([^"]+)"', strip[0])
        assert hrefs == [f"#{e.anchor}" for e in entries if day_page(e) == page]
    index = pages["timeline/index.md"]
    # The index's chart links each day's page by its published address (raw HTML).
    assert re.findall(r'href="([^"]+)" aria-label="(\d+ May 2025: \d+ entries)"', index) == [
        ("2025-05-16/", "16 May 2025: 5 entries"),
        ("2025-05-17/", "17 May 2025: 5 entries"),
    ]


def test_the_structured_data_follows_the_split(pages, entries):
    for page in (DAY_ONE, DAY_TWO):
        data = _jsonld(pages[page])
        url = SITE_URL + page.removesuffix(".md") + "/"
        assert data["url"] == url
        assert data["coverageStartTime"] == "2025-05-16T16:00:00+00:00"
        assert data["coverageEndTime"] == "2025-05-17T22:52:00+00:00"
        updates = data["liveBlogUpdate"]
        mine = [e for e in entries if day_page(e) == page]
        assert [u["url"] for u in updates] == [f"{url}#{e.anchor}" for e in mine]
        assert [u["datePublished"] for u in updates] == [e.posted.isoformat() for e in mine]
    summary = _jsonld(pages["timeline/index.md"])
    assert summary["url"] == SITE_URL + "timeline/" and "liveBlogUpdate" not in summary


@pytest.mark.site
def test_every_link_in_the_built_site_reaches_its_page_and_anchor(built):
    """The HTML a reader gets: every relative href (Markdown or raw HTML, like the strip's)
    opens an existing page, and its fragment names an element there."""
    ids = {path: _ids(path) for path in built.rglob("*.html")}
    checked = 0
    for path in ids:
        if path.name == "404.html":  # its links are absolute, for any depth
            continue
        for href in _hrefs(path):
            if re.match(r"[a-z]+:|//", href) or href.startswith("?"):
                continue
            target, _, anchor = href.partition("#")
            page = (path.parent / target).resolve() if target else path
            if page.is_dir() or target.endswith("/"):
                page = page / "index.html"
            assert page in ids, f"{path.relative_to(built)}: {href}"
            if anchor:
                assert anchor in ids[page], f"{path.relative_to(built)}: {href}"
            checked += 1
    assert checked > 500


def test_plan_timeline_splits_on_the_second_day():
    zone = timezone(timedelta(0))

    def entry(day: int, hour: int) -> Entry:
        posted = datetime(2025, 5, day, hour, tzinfo=zone)
        anchor = f"2025-05-{day:02d}-{hour:02d}00"
        return Entry(anchor, posted, f"{hour:02d}:00 GMT", (Paragraph("x", 1),), 1)

    assert plan_timeline([entry(16, 9), entry(16, 23)]).pages == {
        "2025-05-16-0900": "timeline.md",
        "2025-05-16-2300": "timeline.md",
    }
    split = plan_timeline([entry(16, 23), entry(17, 0), entry(17, 1)])
    assert split.split and split.index == "timeline/index.md"
    assert [(d.label, len(d.entries)) for d in split.days] == [
        ("16 May 2025", 1),
        ("17 May 2025", 2),
    ]
    assert split.pages["2025-05-17-0000"] == "timeline/2025-05-17.md"


def _jsonld(markdown: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markdown)
    assert len(found) == 1
    return json.loads(found[0])


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"] or "")


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _ids(path: Path) -> set[str]:
    return _parse(path).ids


def _hrefs(path: Path) -> list[str]:
    return _parse(path).hrefs
