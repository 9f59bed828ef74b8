"""The live-blog is untrusted: everything in it shows literally, nothing becomes markup.

Two levels: a property test of ``escape_text`` with Python-Markdown and every extension that
gives source characters a meaning, and a real MkDocs + Material build of a hostile live-blog
(tests/cases/render/hostile_source/, whose generated Markdown is also a golden render case).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from html_tree import Element, article, furniture, parse_html
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT, mkdocs_build

from generator.parse import ParseOptions, parse_liveblog
from generator.render.blocks import KIND_LABELS
from generator.render.escape import escape_text

HOSTILE = ROOT / "tests" / "cases" / "render" / "hostile_source" / "content"

# Every extension that gives a character of plain text a meaning (plus the project's own).
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "admonition",
    "def_list",
    "tables",
    "footnotes",
    "abbr",
    "toc",
    "pymdownx.arithmatex",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.snippets",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.html",
]

# Pieces hostile text is made of: markup characters alone and the constructs they form.
PIECES = [
    *"abc 1.#>-+|*_`[]()<>&!:;=~^$%{}/\\'\"\t\u00a0é😀8",
    *["--8<--", "++ctrl++", ":smile:", "<!--", "-->", "&amp;", "&#60;", "1)", "///", ":::"],
    *["<script>", "<b>", "](javascript:alert(1))", "{ .class }", "==", "~~", "^^", "$$"],
]


_CONVERTER = markdown.Markdown(extensions=EXTENSIONS)


def _render(source: str) -> Element:
    _CONVERTER.reset()
    return parse_html(_CONVERTER.convert(source))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_escaped_text_renders_literally_everywhere_it_is_used(text):
    text = text.strip()  # the parser hands over paragraphs without outer blanks
    if not text:
        return
    escaped = escape_text(text)
    for source, tag, shown in [
        (escaped, "p", text),  # a paragraph
        (f"# {escaped}", "h1", text),  # the headline
        (f"- {escaped} (line 3)", "li", f"{text} (line 3)"),  # furniture on the About page
        (f"Text {escape_text(text, at_line_start=False)}", "p", f"Text {text}"),  # mid-line
    ]:
        tree = _render(source)
        tags = [e.tag for e in tree.iter()][1:]
        assert tags in ([tag], ["ul", tag]), (source, tags)
        assert tree.find(tag).text() == shown, source


def test_escape_text_uses_entities_not_backslashes():
    assert escape_text("<b>&amp;</b>") == "&#60;b&#62;&#38;amp;&#60;/b&#62;"
    assert escape_text("1. one") == "1&#46; one"
    assert escape_text("- a\tb") == "&#45; a&#9;b"
    assert escape_text("- a", at_line_start=False) == "- a"


# -- the hostile live-blog, built with MkDocs and Material ----------------------------------

HOSTILE_CONFIG = """\
INHERIT: base.yml
site_description: Escaping test.
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
{extensions}
  - pymdownx.snippets:
      check_paths: false
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile live-blog built in strict mode with every text-rewriting extension on."""
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE, project / "content")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "base.yml")
    others = [e for e in EXTENSIONS if e.startswith("pymdownx.") and e != "pymdownx.snippets"]
    (project / "mkdocs.yml").write_text(
        HOSTILE_CONFIG.format(extensions="\n".join(f"  - {e}" for e in others)),
        encoding="utf-8",
    )
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_blog():
    text = (HOSTILE / "liveblog.txt").read_text(encoding="utf-8")
    furniture_lines = ("- <b>Teaser</b>: read *more*", "1. Another | teaser")
    return parse_liveblog(text, "liveblog.txt", ParseOptions(furniture=furniture_lines))


def _paragraph_texts(tree: Element) -> list[str]:
    return [e.text(furniture) for e in tree.iter() if e.tag in ("p", "h1", "li")]


@pytest.mark.site
def test_every_hostile_paragraph_shows_literally(hostile_site, hostile_blog):
    overview = _paragraph_texts(article(hostile_site / "index.html"))
    timeline = _paragraph_texts(article(hostile_site / "timeline" / "index.html"))
    assert hostile_blog.headline.text in overview
    for paragraph in hostile_blog.intro:
        assert paragraph.text in overview
    for entry in hostile_blog.entries:
        for paragraph in entry.paragraphs:
            assert paragraph.text in timeline  # exact: two spaces and the tab survive


@pytest.mark.site
def test_hostile_furniture_shows_literally_on_the_about_page_only(hostile_site, hostile_blog):
    about = _paragraph_texts(article(hostile_site / "about" / "index.html"))
    timeline = article(hostile_site / "timeline" / "index.html").text()
    for line in hostile_blog.furniture:
        assert f"{line.text} (line {line.line})" in about
        assert line.text not in timeline
    assert f"Headline: {hostile_blog.headline.text}" in about
    assert 'Outlet: <i>RT</i> & "Co"' in about


def _is_data(element: Element) -> bool:
    """Structured data (JSON-LD) is a script element, but not one a browser runs."""
    return element.tag == "script" and element.attrs.get("type") == "application/ld+json"


@pytest.mark.site
def test_no_markup_from_the_source_reaches_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        document = parse_html(page)
        for element in document.iter():
            for name, value in element.attrs.items():
                assert not value.strip().lower().startswith("javascript:"), (page, name)
            assert element.attrs.get("id") != "intro-id", page
            assert "class" not in element.classes, page
            assert not {"twemoji", "emojione", "arithmatex", "admonition", "critic"} & set(
                element.classes
            ), (page, element)
        for script in document.find_all("script"):
            if script.attrs.get("type") in ("application/json", "application/ld+json"):
                json.loads(script.text())  # data, and no "</script>" broke out of it
            else:
                assert "alert" not in script.text(), page
        assert not [c for c in document.all_comments() if "comment" in c], page
        content = document.find("article")
        banned = {
            "script", "b", "i", "del", "ins", "sub", "kbd", "blockquote", "table", "img", "hr",
            "h3", "h4", "dl", "details", "input", "iframe", "s", "u", "pre",
        }  # fmt: skip
        if page.parent.name in ("timeline", hostile_site.name):
            banned |= {"em", "code"}  # only the source's words and our links and marks
        # Our own folds (sources and mentions, How the source was processed) are ours.
        ours = ("explainer-process", "explainer-term__more", "explainer-sources-fold")
        found = {
            e.tag
            for e in content.iter()
            if not _is_data(e) and not any(name in e.classes for name in ours)
        } & banned
        assert not found, (page, found)
        for mark in content.find_all("mark"):
            assert mark.classes == ["explainer-quote"], page
        for sup in content.find_all("sup"):
            assert sup.classes[0] == "explainer-marker", page
            assert sup.classes[1].removeprefix("explainer-marker--") in KIND_LABELS, page
        assert "site_name" not in content.text(), page  # the snippet was not included


@pytest.mark.site
def test_timeline_headings_hold_only_the_time(hostile_site):
    timeline = article(hostile_site / "timeline" / "index.html")
    times = timeline.find_all("time")
    assert [(t.attrs["datetime"], t.text(), t.children) for t in times] == [
        ("2025-05-16T10:00:00+00:00", "10:00 GMT", ["10:00 GMT"]),
        ("2025-05-16T10:05:00+00:00", "10:05 GMT", ["10:05 GMT"]),
        ("2025-05-16T10:10:00+00:00", "10:10 GMT", ["10:10 GMT"]),
    ]
    assert [h.attrs["id"] for h in timeline.find_all("h2")] == [
        "2025-05-16-1000",
        "2025-05-16-1005",
        "2025-05-16-1010",
    ]


@pytest.mark.site
def test_headline_is_text_in_title_meta_and_search(hostile_site, hostile_blog):
    headline = hostile_blog.headline.text
    for page in sorted(hostile_site.rglob("*.html")):
        head = parse_html(page).find("head")
        title = head.find("title")
        assert [c for c in title.children if not isinstance(c, str)] == [], page
        for meta in head.find_all("meta"):
            # An unescaped quote would end the attribute early and spill the rest as more.
            assert set(meta.attrs) <= {"charset", "name", "property", "content", "http-equiv"}
            content = meta.attrs.get("content", "")
            if "alert(1)" in content:
                assert headline in content, (page, content)
            if "RT" in content:
                assert '<i>RT</i> & "Co"' in content, (page, content)
    # Material renders search results' titles and text as HTML: they must be escaped there.
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    overview = next(d for d in index["docs"] if d["location"] == "")
    assert parse_html(overview["title"]).text() == headline
    assert [e.tag for e in parse_html(overview["title"]).iter()] == ["#document"]
    for doc in index["docs"]:
        tags = {e.tag for e in parse_html(doc["title"] + doc["text"]).iter()}
        assert not tags & {"script", "b", "i", "del", "ins", "img", "kbd", "sub", "iframe"}, doc
        assert not re.search(r"<(script|b|del|img)\b", doc["title"] + doc["text"]), doc
