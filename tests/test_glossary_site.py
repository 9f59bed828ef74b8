"""The glossary, the background notes and their links, in the seed site as MkDocs built it."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from support import CONTENT, mkdocs_build

from generator.load import load_glossary, load_note
from generator.render.escape import plain_text

PAGES = {"person": "people", "place": "places", "organisation": "organisations"}
TERMS = load_glossary([CONTENT / "glossary.yml"])
NOTES = {path.stem: load_note(path) for path in (CONTENT / "background").glob("*.md")}
_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"(?: title="([^"]*)")?[^>]*>(.*?)</a>', re.DOTALL)
HEADLINES = {
    f"2025-05-16-{h['entry'].replace(':', '')}": h["headline"]
    for h in yaml.safe_load((CONTENT / "headlines.yml").read_text(encoding="utf-8"))
}


def entry(clock: str, page: str = "../../timeline/") -> tuple[str, str, str]:
    """How a backlink to the entry at ``clock`` reads: its time and headline."""
    anchor = f"2025-05-16-{clock.replace(':', '')}"
    return (f"{page}#{anchor}", "", f"{clock} GMT · {HEADLINES[anchor]}")


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
    """(href, title, text) of every link a reader sees, text without tags and entities: not
    the permalinks, nor the hidden preview cards (the page's script shows those)."""
    cards = html.find('<div class="explainer-previews"')
    if cards >= 0:
        html = html[:cards]
    return [
        (href, unescape(title or ""), unescape(_TAG.sub("", text)).strip())
        for href, title, text in _HREF.findall(html)
        if title != "Link to this section"
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
        if term.wikidata:
            wikidata = f"https://www.wikidata.org/wiki/{term.wikidata}"
            assert (wikidata, "", term.wikidata) in links(entry), term.id
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
        ("../../", "", "In the summary"),
        ("../../", "", "In the introduction"),
        *(entry(clock) for clock in ("16:23", "16:49", "16:56", "17:14", "18:06")),
    ]
    # Each with the sentence that names him, quoted.
    assert (
        "</a>: “The West’s interference in other nations’ affairs, including those of Russia, "
        "has already had grave consequences for all of Europe in the past, Vladimir Medinsky, "
        "Russia’s top negotiator at the Istanbul talks and a professional historian, has said.”"
    ) in unescape(mentioned)


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
        found = links(section(timeline, anchor))
        medinsky_links = [link for link in found if link[0].endswith("#vladimir-medinsky")]
        # Linked once in the entry, at its first mention (its preview card has the summary).
        assert [text for _, _, text in medinsky_links] == ["Vladimir Medinsky"], anchor
        for slug in notes:
            in_text = [text for href, title, text in found if href == f"../background/{slug}/"]
            assert in_text[0] in NOTES[slug].aliases, slug
    card = section(timeline, "2025-05-16-1656")
    assert 'data-preview="preview-term-vladimir-medinsky"' in card
    assert plain_text(medinsky.summary) in unescape(_TAG.sub("", timeline))
    berlin = links(card)
    assert ("../background/congress-of-berlin/", "", "Berlin Congress") in berlin


@pytest.mark.site
def test_the_1878_treaty_does_not_link_modern_turkey(seed_site):
    entry = links(section(read(seed_site, "timeline/index.html"), "2025-05-16-1656"))
    assert not [link for link in entry if link[0].endswith("#turkey")]
    assert [text for href, _, text in entry if href.endswith("#ottoman-empire")] == ["Ottoman"]


@pytest.mark.site
def test_each_note_lists_the_entries_that_refer_to_it(seed_site):
    expected = {
        "congress-of-berlin": [entry("16:56")],
        "gomel-talks-2022": [entry("16:49")],
        "istanbul-talks-2022": [("../../", "", "In the introduction"), entry("16:49")],
        "istanbul-talks-2025": [
            entry(clock)
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
def test_the_overview_links_each_term_once_and_never_a_link_false_term(seed_site):
    """First mention on the page: the summary's link is not repeated in the intro."""
    html = read(seed_site, "index.html")
    article = html[html.index("<article") : html.index("</article>")]
    article = article[: article.find('<div class="explainer-previews"')]
    # Mentions carry a preview card; notes' "See also" links are the editors' own.
    terms = re.findall(r'<a data-preview="preview-term-[^"]+" href="([^"]+)"', article)
    assert len(terms) == len(set(terms)), "a term linked twice on the overview"
    for term in TERMS:
        if not term.link:
            assert f"#{term.id}" not in " ".join(terms), term.id
    assert "glossary/people/#vladimir-medinsky" in terms


@pytest.mark.site
def test_people_are_grouped_and_listed_by_surname(seed_site):
    """Who's who: the editors' groups, in the glossary's order; by surname within each."""
    html = read(seed_site, "glossary/people/index.html")
    groups = [unescape(_TAG.sub("", h)).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)]
    groups = [name.removesuffix("¶").strip() for name in groups]
    wanted = list(dict.fromkeys(t.group for t in TERMS if t.kind == "person"))
    assert groups == wanted
    assert groups[:2] == ["Russian delegation", "Ukrainian delegation"]
    for group in groups:
        part = section(html, re.sub(r"[^a-z]+", "-", group.lower()).strip("-"))
        names = [
            unescape(_TAG.sub("", h)).strip() for h in re.findall(r"<h3[^>]*>(.*?)</h3>", part)
        ]
        names = [name.removesuffix("¶").strip() for name in names]
        assert names == sorted(names, key=lambda n: (n.casefold().split()[-1], n.casefold()))
