"""The glossary, the background notes and their links, in the seed site as MkDocs built it."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

import pytest
from support import CONTENT, mkdocs_build

from generator.load import load_glossary, load_note
from generator.render.escape import plain_text

PAGES = {"person": "people", "place": "places", "organisation": "organisations"}
TERMS = load_glossary([CONTENT / "glossary.yml"])
NOTES = {path.stem: load_note(path) for path in (CONTENT / "background").glob("*.md")}
_HREF = re.compile(r'<a href="([^"]*)"(?: title="([^"]*)")?[^>]*>(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    """From the heading with this id to the next heading of the same level or above."""
    start = html.index(f'id="{anchor}"')
    level = html[html.rindex("<h", 0, start) + 2]
    ends = [html.find(f"<h{n}", start) for n in range(1, int(level) + 1)]
    ends.append(html.find("</article>", start))
    return html[start : min([end for end in ends if end != -1] or [len(html)])]


def links(html: str) -> list[tuple[str, str, str]]:
    """(href, title, text) of every link, text without tags and entities."""
    return [
        (href, unescape(title or ""), unescape(_TAG.sub("", text)).strip())
        for href, title, text in _HREF.findall(html)
    ]


def resolve(page: str, href: str) -> tuple[str, str]:
    """(site file, fragment) a relative link on ``page`` leads to."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path or "."))
    if not path:
        target = page
    elif not target.endswith(".html"):
        target = posixpath.join(target, "index.html")
    return target.removeprefix("./"), fragment


@pytest.mark.site
def test_the_glossary_pages_hold_every_person_place_and_organisation(seed_site):
    for term in TERMS:
        html = read(seed_site, f"glossary/{PAGES[term.kind]}/index.html")
        entry = section(html, term.id)
        assert f">{term.name}<" in entry, term.id
        shown = unescape(_TAG.sub("", entry))
        assert plain_text(term.summary) in " ".join(shown.split()), term.id
        if term.role:
            assert term.role in shown, term.id
        if term.aliases:
            assert "Also written: " + ", ".join(term.aliases) in shown, term.id
        for source in term.sources:
            assert (source.url, "", source.title) in links(entry), term.id
        assert "Mentioned in:" in shown, term.id
    people = read(seed_site, "glossary/people/index.html")
    places = read(seed_site, "glossary/places/index.html")
    for name in ["Vladimir Medinsky", "Rustem Umerov", "Vladimir Putin", "Volodymyr Zelensky"]:
        assert f">{name}<" in people
    for name in ["Kyiv", "Istanbul", "Dolmabahçe Palace", "Gomel", "Ankara", "Poland"]:
        assert f">{name}<" in places


@pytest.mark.site
def test_a_glossary_term_lists_the_entries_that_mention_it(seed_site):
    medinsky = section(read(seed_site, "glossary/people/index.html"), "vladimir-medinsky")
    mentioned = medinsky[medinsky.index("Mentioned in") :]
    assert links(mentioned) == [
        ("../../", "", "Introduction"),
        ("../../timeline/#2025-05-16-1623", "", "16:23 GMT"),
        ("../../timeline/#2025-05-16-1649", "", "16:49 GMT"),
        ("../../timeline/#2025-05-16-1656", "", "16:56 GMT"),
        ("../../timeline/#2025-05-16-1714", "", "17:14 GMT"),
        ("../../timeline/#2025-05-16-1806", "", "18:06 GMT"),
    ]
    # Each with the entry's first words.
    assert "16&#58;56 GMT</a>: The West’s interference in other nations’ affairs…" in mentioned


@pytest.mark.site
def test_mentioned_in_links_resolve_to_entries_on_the_timeline(seed_site):
    timeline = read(seed_site, "timeline/index.html")
    checked = 0
    for page in [f"glossary/{slug}/index.html" for slug in PAGES.values()] + [
        f"background/{slug}/index.html" for slug in NOTES
    ]:
        html = read(seed_site, page)
        article = html[html.index("<article") : html.index("</article>")]
        for href, _, _ in links(article):
            target, fragment = resolve(page, href)
            if target == "timeline/index.html":
                assert fragment, (page, href)
                assert f'id="{fragment}"' in timeline, (page, href)
                checked += 1
    assert checked > 40


@pytest.mark.site
def test_entries_at_1656_and_1649_link_medinsky_and_the_notes(seed_site):
    timeline = read(seed_site, "timeline/index.html")
    medinsky = next(t for t in TERMS if t.id == "vladimir-medinsky")
    for anchor, notes in [
        ("2025-05-16-1656", ["congress-of-berlin"]),
        ("2025-05-16-1649", ["gomel-talks-2022", "istanbul-talks-2022"]),
    ]:
        entry = links(section(timeline, anchor))
        assert (
            "../glossary/people/#vladimir-medinsky",
            plain_text(medinsky.summary),
            "Vladimir Medinsky",
        ) in entry, "linked in the text, with the summary as tooltip"
        assert ("../glossary/people/#vladimir-medinsky", "", "Vladimir Medinsky") in entry, (
            "listed under 'In this entry'"
        )
        for slug in notes:
            in_text = [text for href, title, text in entry if href == f"../background/{slug}/"]
            assert in_text[0] in NOTES[slug].aliases, "the words that refer to the note"
            assert NOTES[slug].title in in_text, "listed under 'Background'"
    berlin = links(section(timeline, "2025-05-16-1656"))
    tooltip = plain_text(NOTES["congress-of-berlin"].summary)
    assert ("../background/congress-of-berlin/", tooltip, "Berlin Congress") in berlin


@pytest.mark.site
def test_the_1878_treaty_does_not_link_modern_turkey(seed_site):
    entry = links(section(read(seed_site, "timeline/index.html"), "2025-05-16-1656"))
    assert not [link for link in entry if link[0].endswith("#turkey")]
    assert ("../glossary/places/#ottoman-empire", "", "Ottoman Empire") in entry


@pytest.mark.site
def test_each_note_lists_the_entries_that_refer_to_it(seed_site):
    expected = {
        "congress-of-berlin": [("../../timeline/#2025-05-16-1656", "", "16:56 GMT")],
        "gomel-talks-2022": [("../../timeline/#2025-05-16-1649", "", "16:49 GMT")],
        "istanbul-talks-2022": [
            ("../../", "", "Introduction"),
            ("../../timeline/#2025-05-16-1649", "", "16:49 GMT"),
        ],
        "istanbul-talks-2025": [
            (f"../../timeline/#2025-05-16-{clock.replace(':', '')}", "", f"{clock} GMT")
            for clock in ("16:00", "16:23", "16:49", "16:56", "18:06", "19:42", "20:37", "20:50")
        ],
    }
    assert set(expected) == set(NOTES)
    for slug, entries in expected.items():
        html = read(seed_site, f"background/{slug}/index.html")
        assert links(section(html, "referred-to-in")) == entries, slug


@pytest.mark.site
def test_the_overview_and_the_notes_index_link_every_note(seed_site):
    for page, prefix in [("index.html", "background/"), ("background/index.html", "")]:
        shown = links(read(seed_site, page))
        for slug, note in NOTES.items():
            assert (f"{prefix}{slug}/", "", note.title) in shown, (page, slug)


@pytest.mark.site
def test_warnings_about_unused_terms_and_note_aliases_fail_a_strict_build(tmp_explainer, tmp_path):
    glossary = (CONTENT / "glossary.yml").read_text(encoding="utf-8") + (
        "\n- id: minsk\n  name: Minsk\n  kind: place\n  summary: Capital of Belarus.\n"
        "  sources:\n    - title: Minsk\n      url: https://en.wikipedia.org/wiki/Minsk\n"
    )
    note = (CONTENT / "background" / "gomel-talks-2022.md").read_text(encoding="utf-8")
    note = note.replace(
        '  - "first rounds of peace talks"\n',
        '  - "first rounds of peace talks"\n  - "Gomel talks"\n',
    )
    project = tmp_explainer({"glossary.yml": glossary, "background/gomel-talks-2022.md": note})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "glossary term 'minsk' is never mentioned" in result.stderr
    assert (
        "content/background/gomel-talks-2022.md:7:5: alias 'Gomel talks' of background note "
        "'gomel-talks-2022' matches nothing in the live-blog"
    ) in result.stderr


@pytest.mark.site
def test_the_overview_lists_who_and_what_the_intro_names(seed_site):
    """The intro's mentions are listed under their own label, linked to the glossary."""
    html = read(seed_site, "index.html")
    listed = re.search(r'<p class="explainer-mentions"><strong>(.*?)</strong>(.*?)</p>', html)
    assert listed is not None
    assert listed.group(1) == "In the introduction:"
    names = [text for _, _, text in links(listed.group(2))]
    assert names[:4] == ["Moscow", "Kyiv", "Dolmabahçe Palace", "Istanbul"]
    assert "Vladimir Medinsky" in names and "Boris Johnson" in names


@pytest.mark.site
def test_people_are_listed_by_surname(seed_site):
    """Newsroom order: Charap, Erdoğan, Johnson, ... Zelensky (not by given name)."""
    html = read(seed_site, "glossary/people/index.html")
    names = [unescape(_TAG.sub("", h)).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    names = [name.removesuffix("¶").strip() for name in names]
    assert names == sorted(names, key=lambda name: (name.casefold().split()[-1], name.casefold()))
    assert names[0] == "Samuel Charap" and names[-1] == "Volodymyr Zelensky"
