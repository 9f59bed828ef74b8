"""The bundled example, built by MkDocs + Material: the source's words, entries and pages.

The expectations come from content/liveblog.txt read line by line here, not from our parser,
so a parser that dropped or changed a line would fail these tests.
"""

from __future__ import annotations

import re

import pytest
import yaml
from html_tree import Element, article, furniture
from support import CONTENT, SEED

TIME_LINE = re.compile(r"(\d{1,2}):(\d{2}) GMT")
# The seed's entries, oldest first, as a reader must find them (the blog is newest first).
SEED_TIMES = ["16:00", "16:23", "16:49", "16:56", "17:14", "18:06", "19:42", "20:37", "20:50"]
SEED_TIMES.append("22:52")


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def source() -> dict:
    """The seed split by hand: headline, intro, entries (label -> paragraphs), furniture."""
    furniture_lines = yaml.safe_load((CONTENT / "source.yml").read_text("utf-8"))["furniture"]
    lines = [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    date_at = lines.index("16 May 2025")
    entries: dict[str, list[str]] = {}
    current: list[str] = []
    for line in lines[date_at + 1 :]:
        if line in furniture_lines:
            continue
        if TIME_LINE.fullmatch(line):
            current = entries.setdefault(line, [])
        else:
            current.append(line)
    return {
        "headline": lines[0],
        "intro": lines[1:date_at],
        "entries": entries,
        "furniture": furniture_lines,
    }


def _sections(content: Element) -> dict[str, list[str]]:
    """Paragraph texts under each heading id, as a reader sees them (no note markers)."""
    sections: dict[str, list[str]] = {}
    current: list[str] = sections.setdefault("", [])
    for child in content.children:
        if isinstance(child, str):
            continue
        if child.tag in ("h1", "h2"):
            current = sections.setdefault(child.attrs.get("id", ""), [])
        elif child.tag == "p" and "explainer-keyline" not in child.classes:  # not the badge
            current.append(_words(child.text(furniture)))
        elif "explainer-source" in child.classes:  # the source's words, framed
            current += [
                _words(p.text(furniture))
                for p in child.children
                if not isinstance(p, str) and p.tag == "p" and not p.classes
            ]
    return sections


def test_the_seed_has_ten_entries_and_two_furniture_lines(source):
    assert sorted(source["entries"]) == sorted(f"{t} GMT" for t in SEED_TIMES)
    assert len(source["furniture"]) == 2


@pytest.mark.site
def test_headline_and_intro_are_in_the_overview_word_for_word(seed_site, source):
    content = article(seed_site / "index.html")
    # The explainer's own title leads; the source's headline opens its framed words.
    assert _words(content.find("h1").text(furniture)) != source["headline"]
    headline = content.find("p", "explainer-source__headline")
    assert _words(headline.text(furniture)) == source["headline"]
    paragraphs = [p for ps in _sections(content).values() for p in ps]
    for line in source["intro"]:
        assert _words(line) in paragraphs, line
    # In source order, one paragraph after the other.
    start = paragraphs.index(_words(source["intro"][0]))
    assert paragraphs[start : start + len(source["intro"])] == [_words(x) for x in source["intro"]]


@pytest.mark.site
def test_every_entry_paragraph_is_in_the_timeline_word_for_word(seed_site, source):
    sections = _sections(article(seed_site / "timeline" / "index.html"))
    for label, paragraphs in source["entries"].items():
        anchor = "2025-05-16-" + label[:5].replace(":", "")
        shown = sections[anchor]
        assert shown[: len(paragraphs)] == [_words(p) for p in paragraphs], label


@pytest.mark.site
def test_furniture_is_not_in_the_timeline_or_overview(seed_site, source):
    for page in ("timeline/index.html", "index.html"):
        text = _words(article(seed_site / page).text())
        for line in source["furniture"]:
            assert _words(line) not in text, (page, line)


@pytest.mark.site
def test_timeline_holds_the_entries_in_time_order_with_datetimes_and_permalinks(seed_site):
    content = article(seed_site / "timeline" / "index.html")
    headings = content.find_all("h2")
    assert len(headings) == 10
    got = []
    for heading in headings:
        time = heading.find("time")
        links = heading.find_all("a", "headerlink")
        assert [link.attrs["href"] for link in links] == [f"#{heading.attrs['id']}"]
        got.append((heading.attrs["id"], time.attrs["datetime"], time.text()))
    assert got == [
        (f"2025-05-16-{t.replace(':', '')}", f"2025-05-16T{t}:00+00:00", f"{t} GMT")
        for t in SEED_TIMES
    ]


@pytest.mark.site
def test_overview_has_headline_intro_date_span_and_links_onward(seed_site, source):
    content = article(seed_site / "index.html")
    text = _words(content.text(furniture))
    assert source["headline"] in text
    assert "16 May 2025" in text
    assert "16:00–22:52 GMT" in text  # the span of coverage
    assert "10 entries" in text
    hrefs = {a.attrs.get("href") for a in content.find_all("a")}
    for onward in ("timeline/", "glossary/", "background/", "about/"):
        assert onward in hrefs, onward


@pytest.mark.site
def test_about_page_names_outlet_headline_date_furniture_and_method(seed_site, source):
    content = article(seed_site / "about" / "index.html")
    text = _words(content.text(furniture))
    assert "Outlet: RT" in text
    assert f"Headline: {_words(source['headline'])}" in text
    assert "Published: 16 May 2025" in text
    items = [_words(li.text()) for li in content.find_all("li")]
    for line in source["furniture"]:
        assert any(item.startswith(_words(line)) for item in items), line
    headings = [_words(h.text(furniture)) for h in content.find_all("h2")]
    assert {"Two voices", "How claims were checked", "Report an error"} <= set(headings)
    # The line accounting is folded away for the curious.
    fold = content.find("details", "explainer-process")
    assert _words(fold.find("summary").text()) == "How the source was processed"
    assert "The copied text has" in _words(fold.text())
