"""Annotations in the built site: each quote marked, its marker right after it, its note below.

Two real MkDocs + Material builds are read as a reader gets them (no JavaScript): the bundled
example, and a small explainer whose quotes run across paragraphs and hold characters that
mean something to Markdown and HTML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from html_tree import Element, article
from support import ROOT, mkdocs_build

from generator.load import load_annotations
from generator.model import Annotation, Explainer
from generator.pipeline import assemble
from generator.render.blocks import KIND_LABELS
from generator.render.escape import plain_text
from generator.render.router import Router


def _words(text: str) -> str:
    return " ".join(text.split())


def html_page(markdown_page: str) -> str:
    """Where MkDocs (directory URLs) writes a page: timeline.md -> timeline/index.html."""
    stem = markdown_page.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


def note_number(explainer: Explainer, key: str, annotation: Annotation) -> int:
    numbers = {
        piece.number
        for pieces in explainer.blocks[key].annotations
        for piece in pieces
        if piece.annotation is annotation
    }
    assert len(numbers) == 1, annotation.quote
    return numbers.pop()


def block_key(explainer: Explainer, annotation: Annotation) -> str:
    """The block an annotation was placed in."""
    for key, block in explainer.blocks.items():
        if any(p.annotation is annotation for pieces in block.annotations for p in pieces):
            return key
    raise AssertionError(f"not placed: {annotation.quote!r}")


def marked_quote(page: Element, note_id: str) -> str:
    """The marked words the marker for ``note_id`` follows, joined over paragraphs.

    The marker must come right after a mark (or after other markers on the same mark);
    a quote across paragraphs ends in that mark and began in marks just before it.
    """
    marks: list[Element] = []
    quote_end: Element | None = None
    for element in page.iter():
        for index, child in enumerate(element.children):
            if not (isinstance(child, Element) and "explainer-marker" in child.classes):
                continue
            if child.find("a").attrs["href"] != f"#{note_id}":
                continue
            before = index - 1
            while before >= 0 and _is_marker(element.children[before]):
                before -= 1
            previous = element.children[before] if before >= 0 else None
            assert isinstance(previous, Element) and "explainer-quote" in previous.classes, (
                f"the marker of {note_id} does not follow a marked quote"
            )
            quote_end = previous
    assert quote_end is not None, f"no marker links to {note_id}"
    marks = page.find_all("mark", "explainer-quote")
    end = next(i for i, mark in enumerate(marks) if mark is quote_end)
    return " ".join(_words(mark.text()) for mark in marks[: end + 1])


def _is_marker(child: Element | str) -> bool:
    return isinstance(child, Element) and "explainer-marker" in child.classes


def assert_rendered_next_to_quote(site: Path, content: Path) -> int:
    """Every annotation of ``content`` is marked on its quote and noted; returns how many."""
    explainer = assemble(content)
    router = Router(explainer)
    annotations = load_annotations(content / "annotations.yml")
    assert len(annotations) == len(explainer.annotations)
    pages: dict[str, Element] = {}
    for annotation in explainer.annotations:
        key = block_key(explainer, annotation)
        page = html_page(router.entry_page(key))
        body = pages.setdefault(page, article(site / page))
        note_id = f"note-{key}-{note_number(explainer, key, annotation)}"
        # The quote: the marked words end with it (earlier marks complete a long quote).
        assert marked_quote(body, note_id).endswith(_words(annotation.quote)), note_id
        # The note: listed in the page, with its kind, its text and every source.
        notes = [li for li in body.find_all("li") if li.attrs.get("id") == note_id]
        assert len(notes) == 1, note_id
        text = _words(notes[0].text())
        assert text.startswith(f"{KIND_LABELS[annotation.kind]} on “"), text
        assert _words(plain_text(annotation.text)) in text
        links = {a.attrs["href"]: _words(a.text()) for a in notes[0].find_all("a")}
        for source in annotation.sources:
            assert links.get(source.url) == _words(source.title)
    return len(explainer.annotations)


@pytest.mark.site
def test_every_seed_annotation_is_rendered_next_to_its_quote(seed_site):
    assert assert_rendered_next_to_quote(seed_site, ROOT / "content") == len(
        load_annotations(ROOT / "content" / "annotations.yml")
    )


@pytest.mark.site
def test_every_seed_quote_is_marked_exactly(seed_site):
    """Mark by mark: the words between <mark> and the marker are the quote, nothing more."""
    explainer = assemble(ROOT / "content")
    router = Router(explainer)
    for annotation in explainer.annotations:
        key = block_key(explainer, annotation)
        body = article(seed_site / html_page(router.entry_page(key)))
        note_id = f"note-{key}-{note_number(explainer, key, annotation)}"
        marked = marked_quote(body, note_id)
        assert marked == _words(annotation.quote) or marked.endswith(" " + _words(annotation.quote))


# -- a small explainer with hard quotes ----------------------------------------------------

LIVEBLOG = """\
Markets & <b>tags</b> in *one* headline
An intro with “quoted words” & more.
16 May 2025
12:30 GMT
He said: “We will not
sign *anything* <now> & never_ever [1] #2.”
A second paragraph.
12:00 GMT
Shares fell 5% in <b>early</b> trading, said the <i>desk</i>
& the wire: “it’s over”.
"""
SOURCE = """\
outlet: Test Wire
headline: "Markets & <b>tags</b> in *one* headline"
published: "2025-05-16"
timezone: GMT
"""
ANNOTATIONS = """\
- entry: headline
  quote: "<b>tags</b>"
  kind: context
  text: "Tags in a headline stay text."
  sources:
    - title: "Report <one> & “two” *three*"
      url: "https://example.org/report?a=1&b=2"
- entry: intro
  quote: "“quoted words” &"
  kind: translation
  text: "See [the desk](https://example.org/a?b=1&c=2) or [write](mailto:desk@example.org)."
  sources:
    - title: "A public source"
      url: "https://example.org/source"
- entry: "12:30"
  quote: |-
    We will not
    sign *anything* <now> & never_ever [1] #2.”
  kind: attribution
  text: "The speaker's words, *as reported*; 5 < 6 & 7 > 6."
  sources:
    - title: "A public source"
      url: "https://example.org/source"
- entry: "12:00"
  quote: "trading, said the <i>desk</i> & the wire"
  kind: fact-check
  text: "Across a line break."
  sources:
    - title: "A public source"
      url: "https://example.org/source"
"""


@pytest.fixture(scope="module")
def hard_site(tmp_path_factory) -> tuple[Path, Path]:
    """(content folder, built site) of the small explainer with hard quotes."""
    project = tmp_path_factory.mktemp("hard-quotes")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    content = project / "content"
    content.mkdir()
    for name, text in [
        ("liveblog.txt", LIVEBLOG),
        ("source.yml", SOURCE),
        ("annotations.yml", ANNOTATIONS),
    ]:
        (content / name).write_text(text, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return content, site


@pytest.mark.site
def test_hard_quotes_are_rendered_next_to_their_quotes(hard_site):
    content, site = hard_site
    assert assert_rendered_next_to_quote(site, content) == 4


@pytest.mark.site
def test_quotes_across_paragraphs_are_marked_in_each_paragraph(hard_site):
    _, site = hard_site
    body = article(site / html_page(Router(assemble(hard_site[0])).entry_page("2025-05-16-1230")))
    paragraphs = [p for p in body.find_all("p") if p.find_all("mark")]
    marked = [[_words(m.text()) for m in p.find_all("mark")] for p in paragraphs]
    assert ["We will not"] in marked
    assert ["sign *anything* <now> & never_ever [1] #2.”"] in marked
    # One marker, after the last piece only.
    first = next(p for p in paragraphs if [m.text() for m in p.find_all("mark")] == ["We will not"])
    assert first.find_all("sup") == []


@pytest.mark.site
def test_source_words_and_note_markup_stay_what_they_are(hard_site):
    _, site = hard_site
    for page in (
        "index.html",
        *(str(p.relative_to(site)) for p in site.glob("timeline/**/*.html")),
    ):
        body = article(site / page)
        # Nothing from the source became an element: no <b>, <i> or <now>.
        assert not body.find_all("b") and not body.find_all("i") and not body.find_all("now")
    index = article(site / "index.html")
    headline = index.find("h1")
    assert _words(headline.find("mark").text()) == "<b>tags</b>"
    note = next(li for li in index.find_all("li") if li.attrs.get("id") == "note-headline-1")
    assert note.find("a").attrs["href"] == "https://example.org/report?a=1&b=2"
    assert note.find("a").text() == "Report <one> & “two” *three*"
    intro_note = next(li for li in index.find_all("li") if li.attrs.get("id") == "note-intro-1")
    hrefs = [a.attrs["href"] for a in intro_note.find_all("a")]
    assert hrefs[:2] == ["https://example.org/a?b=1&c=2", "mailto:desk@example.org"]


@pytest.mark.site
def test_notes_follow_their_entry_and_need_no_javascript(hard_site):
    """The notes are plain HTML after the entry's paragraphs, before the next entry."""
    content, site = hard_site
    page = Router(assemble(content)).entry_page("2025-05-16-1230")
    body = article(site / html_page(page))
    order = [
        ("h2", e.attrs.get("id", ""))
        if e.tag == "h2"
        else ("notes", "")
        if "explainer-notes" in e.classes
        else ("marker", e.find("a").attrs["href"])
        for e in body.iter()
        if e.tag == "h2" or {"explainer-notes", "explainer-marker"} & set(e.classes)
    ]
    at = order.index(("h2", "2025-05-16-1230"))
    assert order[at + 1 : at + 3] == [("marker", "#note-2025-05-16-1230-1"), ("notes", "")]
    note = next(li for li in body.find_all("li") if li.attrs.get("id") == "note-2025-05-16-1230-1")
    assert _words(note.text()) == (
        "Attribution on “We will not sign *anything* <now> & never_ever [1] #2.””: "
        "The speaker's words, as reported; 5 < 6 & 7 > 6. Sources: A public source."
    )
    # Its kind is a label with an icon; the editor's Markdown is rendered; the source links.
    kind = note.find("span", "explainer-note__kind")
    assert kind.find("svg") is not None and _words(kind.text()) == "Attribution"
    assert "explainer-note--attribution" in note.classes
    tags = [e.tag for e in note.iter() if e.tag not in ("svg", "path", "circle")]
    assert tags[1:] == ["span", "em", "span", "a"]


@pytest.mark.site
def test_an_annotation_that_cannot_be_placed_fails_the_build(tmp_explainer, tmp_path):
    annotations = (ROOT / "content" / "annotations.yml").read_text(encoding="utf-8")
    misquoted = annotations.replace("Boris Johnson’s visit to Kiev in May 2022", "Boris Jonson")
    line = misquoted[: misquoted.index("Boris Jonson")].count("\n") + 1
    project = tmp_explainer({"annotations.yml": misquoted})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"content/annotations.yml:{line}:10: quote not found in entry 16:49 GMT: "
        "'Boris Jonson' (did you mean 'Boris Johnson'?)"
    ) in result.stderr
    assert "Traceback" not in result.stderr
