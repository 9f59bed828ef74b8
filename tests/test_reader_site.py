"""What a reader's browser receives from the built seed site, read from the HTML files:
the theme's settings, no requests to other hosts, structured data, page descriptions and
Open Graph tags (escaped), key moments and the print stylesheet.

What needs a browser (axe-core, tooltips, search, a phone's width) is in tests/browser/.
"""

from __future__ import annotations

import html as html_module
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from support import CONTENT, ROOT, mkdocs_build

from generator.errors import ContentError
from generator.model import SourceInfo
from generator.pipeline import assemble
from generator.render.jsonld import render_jsonld

SITE_URL = "https://example.org/istanbul-talks-2025/"
READER_PAGES = [
    "index.html",
    "timeline/index.html",
    "glossary/index.html",
    "glossary/people/index.html",
    "background/congress-of-berlin/index.html",
    "about/index.html",
]


class _Head(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        self.tags.append((tag, found))
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append((found, ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "title":
            self.title += data

    def meta(self, key: str) -> list[str]:
        return [
            a.get("content", "")
            for tag, a in self.tags
            if tag == "meta" and key in (a.get("name"), a.get("property"))
        ]


def read(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# -- theme -----------------------------------------------------------------------------------


def test_the_theme_is_material_with_both_palettes_search_and_reader_features():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = config["theme"]
    assert theme["name"] == "material" and theme["font"] is False
    # Previous/next at every page's foot; section pages without "Glossary > Glossary".
    wanted = {"navigation.top", "toc.follow", "navigation.footer"}
    assert wanted <= set(theme["features"])
    assert "content.tooltips" not in theme["features"]  # preview cards instead
    schemes = {p["media"]: p for p in theme["palette"]}
    assert schemes["(prefers-color-scheme: light)"]["scheme"] == "default"
    assert schemes["(prefers-color-scheme: dark)"]["scheme"] == "slate"
    assert all(p["toggle"]["name"] for p in theme["palette"])
    assert "search" in config["plugins"]
    assert "assets/explainer.css" in config["extra_css"]
    assert "assets/explainer.js" in config["extra_javascript"]


# -- privacy ---------------------------------------------------------------------------------

_LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src"}
_LOADS |= {"audio": "src", "embed": "src", "object": "data"}
_LINK_LOADS = {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest"}


@pytest.mark.site
def test_no_page_loads_anything_from_another_host(seed_site):
    """Nothing in any page or stylesheet points a browser at another host: no web fonts,
    no CDN, no analytics. (The browser tests watch the requests themselves.)"""
    for path in seed_site.rglob("*.html"):
        for tag, attrs in read(path).tags:
            address = attrs.get(_LOADS.get(tag, ""), "")
            if tag == "link" and _LINK_LOADS & set(attrs.get("rel", "").split()):
                address = attrs.get("href", "")
            assert not re.match(r"([a-z]+:)?//", address), f"{path}: <{tag}> loads {address}"
    for path in seed_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", text), path
    assert "fonts.googleapis" not in (seed_site / "index.html").read_text(encoding="utf-8")


# -- structured data -------------------------------------------------------------------------


def _jsonld(path: Path) -> dict:
    found = [
        text for attrs, text in read(path).scripts if attrs.get("type") == "application/ld+json"
    ]
    assert len(found) == 1, path
    return json.loads(found[0])


@pytest.mark.site
def test_the_timeline_carries_a_liveblogposting_with_one_update_per_entry(seed_site):
    data = _jsonld(seed_site / "timeline" / "index.html")
    explainer = assemble(CONTENT)
    entries = explainer.liveblog.entries
    assert data["@context"] == "https://schema.org" and data["@type"] == "LiveBlogPosting"
    assert data["headline"] == explainer.source.headline
    assert data["datePublished"] == "2025-05-16"
    assert data["coverageStartTime"] == "2025-05-16T16:00:00+00:00"
    assert data["coverageEndTime"] == "2025-05-16T22:52:00+00:00"
    assert data["publisher"] == {"@type": "Organization", "name": "RT"}
    assert data["url"] == SITE_URL + "timeline/"
    updates = data["liveBlogUpdate"]
    assert [u["@type"] for u in updates] == ["BlogPosting"] * len(entries) == ["BlogPosting"] * 10
    for update, entry in zip(updates, entries):
        assert update["url"] == f"{SITE_URL}timeline/#{entry.anchor}"
        assert update["datePublished"] == entry.posted.isoformat()
        assert update["articleBody"] == "\n\n".join(p.text for p in entry.paragraphs)
        assert update["headline"] == entry.headline  # the editors' (headlines.yml)


def test_structured_data_cannot_be_broken_out_of():
    hostile = 'Talks </script><script>alert(1)</script> <!-- & "quotes" \u2028 end'
    source = SourceInfo("RT </script>", hostile, assemble(CONTENT).source.published, "GMT")
    entries = assemble(CONTENT).liveblog.entries[:1]
    html = render_jsonld(
        source, hostile, (entries[0].posted, entries[0].posted), entries, "", lambda e: "#x"
    )
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&\u2028\u2029]", body)
    data = json.loads(body)
    assert data["headline"] == hostile and data["publisher"]["name"] == "RT </script>"
    assert "url" not in data and data["liveBlogUpdate"][0]["url"] == "#x"


# -- descriptions and Open Graph -------------------------------------------------------------


@pytest.mark.site
@pytest.mark.parametrize("page", READER_PAGES)
def test_every_page_has_a_description_and_open_graph_tags(seed_site, page):
    head = read(seed_site / page)
    [description] = head.meta("description")
    assert len(description) > 40
    assert head.meta("og:description") == [description]
    [title] = head.meta("og:title")
    assert title.endswith("an annotated explainer")
    assert head.meta("og:url") == [SITE_URL + page.removesuffix("index.html")]
    assert head.meta("og:type") == ["website" if page == "index.html" else "article"]


@pytest.mark.site
def test_the_timeline_is_described_by_its_coverage(seed_site):
    head = read(seed_site / "timeline" / "index.html")
    assert head.meta("description") == [
        "10 entries from RT’s live-blog, 16 May 2025, 16:00–22:52 GMT, oldest first."
    ]
    assert head.meta("og:title") == [
        "Timeline - Istanbul talks, 16 May 2025: an annotated explainer"
    ]


@pytest.fixture(scope="module")
def hostile_headline_site(tmp_path_factory) -> Path:
    """The seed with markup appended to its headline, which the overview's description quotes."""
    project = tmp_path_factory.mktemp("hostile-headline")
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    blog = project / "content" / "liveblog.txt"
    first, rest = blog.read_text(encoding="utf-8").split("\n", 1)
    blog.write_text(first + ' "x"><script>alert(1)</script> & </title>\n' + rest, "utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.site
def test_a_description_quoting_the_source_cannot_inject_markup(hostile_headline_site):
    page = hostile_headline_site / "index.html"
    head = read(page)
    [description] = head.meta("description")
    assert description.endswith('two hours "x"><script>alert(1)</script> & </title>')
    assert head.meta("og:description") == [description]
    assert not any("alert(1)" in text for _, text in head.scripts)
    assert [t for t, _ in head.tags].count("title") == 1
    raw = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "</title>\n" not in raw.split("<title>")[0]


# -- key moments -----------------------------------------------------------------------------


@pytest.mark.site
def test_the_overview_lists_the_key_moments_linked(seed_site):
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="key-moments"') : html.index('id="where-to-go-next"')]
    section = html_module.unescape(section)
    cards = re.findall(
        r'<a class="explainer-moment" href="([^"]+)"><time [^>]*>([^<]+)</time> <span>([^<]+)<',
        section,
    )
    headlines = {e.anchor: e.headline for e in assemble(CONTENT).liveblog.entries}
    assert cards == [
        (f"timeline/#{anchor}", f"{anchor[-4:-2]}:{anchor[-2:]} GMT", headlines[anchor])
        for anchor in ("2025-05-16-1600", "2025-05-16-1656", "2025-05-16-1942")
    ]
    timeline = (seed_site / "timeline" / "index.html").read_text(encoding="utf-8")
    badges = re.findall(
        r'<h2 id="([^"]+)">.*?</h2>\n'
        r'<p class="explainer-keyline"><span class="explainer-key">Key moment</span></p>\n\n'
        r'<div class="explainer-source">\n<p class="explainer-source__by">[^<]*</p>',
        timeline,
    )
    assert badges == ["2025-05-16-1600", "2025-05-16-1656", "2025-05-16-1942"]


def _with_key_moments(tmp_explainer, moments: str, **files: str | None) -> Path:
    source = (CONTENT / "source.yml").read_text(encoding="utf-8")
    source = re.sub(r"(?m)^key_moments:.*$", "", source) + f"key_moments:\n{moments}"
    return tmp_explainer({"source.yml": source, **files}) / "content"


def test_a_key_moment_that_names_no_entry_is_an_error_at_its_line(tmp_explainer):
    content = _with_key_moments(tmp_explainer, '  - "16:00"\n  - "16:50"\n  - "2025-05-17-1600"\n')
    line = (content / "source.yml").read_text(encoding="utf-8").splitlines().index('  - "16:50"')
    with pytest.raises(ContentError) as raised:
        assemble(content)
    shown = str(raised.value).splitlines()
    assert len(shown) == 2
    assert shown[0].endswith(
        f"source.yml:{line + 1}:5: key moment names no entry: '16:50' (did you mean '16:49'?)"
    )
    assert shown[1].endswith(
        f"source.yml:{line + 2}:5: key moment names no entry: '2025-05-17-1600' "
        "(use an entry's time (HH:MM) or its anchor)"
    )


def test_a_key_moment_shared_by_two_entries_must_name_one(tmp_explainer):
    blog = (CONTENT / "liveblog.txt").read_text(encoding="utf-8")
    blog = blog.replace("\n16 May 2025\n", "\n17 May 2025\n")
    blog = blog.replace("\n18:06 GMT\n", "\n16:00 GMT\n").replace(
        "\n17:14 GMT\n", "\n16 May 2025\n17:14 GMT\n"
    )
    content = _with_key_moments(
        tmp_explainer,
        '  - "16:00"\n',
        **{"liveblog.txt": blog, "annotations.yml": None, "headlines.yml": None},
    )
    line = (content / "source.yml").read_text(encoding="utf-8").splitlines().index('  - "16:00"')
    with pytest.raises(ContentError) as raised:
        assemble(content)
    assert str(raised.value).endswith(
        f"source.yml:{line + 1}:5: several entries were posted at 16:00 "
        "(name one by its anchor: 2025-05-16-1600, 2025-05-17-1600)"
    )


# -- print -----------------------------------------------------------------------------------


def test_the_print_stylesheet_leaves_out_the_site_around_the_words():
    css = (ROOT / "docs" / "assets" / "explainer.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-top"):
        assert chrome in printed.split("display: none")[0], chrome
    assert 'a[href^="http"]::after' in printed


@pytest.mark.site
def test_the_timeline_says_whose_words_are_whose(seed_site):
    """Every seed entry has an editors' headline (headlines.yml), so the page says the
    headlines are the explainer's; the framed words are RT's. (The render cases without
    headlines.yml say only the notes are ours.)"""
    timeline = html_module.unescape(
        (seed_site / "timeline" / "index.html").read_text(encoding="utf-8")
    )
    assert (
        "Headlines and notes are the explainer’s; the framed text under each headline is "
        "RT’s, verbatim; the editors mark key moments." in timeline
    )
