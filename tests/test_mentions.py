"""Finding and linking mentions of glossary terms and background notes.

Matching is tested on the matcher itself (what it finds, left to right); linking is tested on
the Markdown the generator writes, converted to HTML with the extensions the site uses, so
"never breaks the escaping" means what a reader would see.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from generator.errors import ContentError
from generator.link import mentions as mentions_module
from generator.link.mentions import build_matcher
from generator.model import BackgroundNote, GlossaryTerm, NoteRef, Reference, TermRef
from generator.pipeline import build

SOURCE = [Reference("Example", "https://example.org/")]


def term(
    term_id: str, name: str, *aliases: str, kind: str = "person", match_case: bool = True
) -> GlossaryTerm:
    return GlossaryTerm(
        term_id,
        name,
        kind,  # type: ignore[arg-type]
        aliases,
        f"Summary of {name}.",
        tuple(SOURCE),
        match_case=match_case,
    )


def note(slug: str, *aliases: str) -> BackgroundNote:
    return BackgroundNote(slug, slug.title(), "1878", "Berlin", aliases, "A note.", (), "Body.\n")


def found(text: str, *terms: GlossaryTerm, notes: tuple[BackgroundNote, ...] = ()) -> list:
    """[(words, target)] for every mention in ``text``, left to right."""
    matcher = build_matcher(terms, notes)
    return [(text[start:end], target) for start, end, target in matcher.find(text)]


MEDINSKY = term("vladimir-medinsky", "Vladimir Medinsky", "Medinsky")
PUTIN = term("vladimir-putin", "Vladimir Putin", "Putin")
ZELENSKY = term(
    "volodymyr-zelensky",
    "Volodymyr Zelensky",
    "Volodymyr Zelenskyy",
    "Vladimir Zelensky",
    "Vladimir Zelenskiy",
    "Zelensky",
    "Zelenskyy",
    "Zelenskiy",
    "Zelenskyi",
    "President Zelensky",
    "Ukraine’s president",
)
SHAPOVALOV = term("vladimir-shapovalov", "Vladimir Shapovalov", "Shapovalov")
MOSCOW = term("moscow", "Moscow", kind="place")
KYIV = term("kyiv", "Kyiv", "Kiev", kind="place")


# -- matching --------------------------------------------------------------------------------


def test_the_longest_alias_wins():
    assert found("Vladimir Medinsky, or Medinsky, spoke.", MEDINSKY) == [
        ("Vladimir Medinsky", TermRef("vladimir-medinsky")),
        ("Medinsky", TermRef("vladimir-medinsky")),
    ]


def test_the_longest_alias_wins_at_the_same_start():
    city = term("new-york", "New York", kind="place")
    paper = term("nyt", "New York Times", kind="organisation")
    assert found("New York Times reporters in New York.", city, paper) == [
        ("New York Times", TermRef("nyt")),
        ("New York", TermRef("new-york")),
    ]
    # Where the longer alias would end inside a word, the shorter one still matches.
    assert found("New York Timesless", city, paper) == [("New York", TermRef("new-york"))]


def test_a_term_inside_a_longer_note_alias_makes_one_mention():
    berlin = term("berlin", "Berlin", kind="place")
    congress = note("congress-of-berlin", "Berlin Congress")
    assert found("the 19th-century Berlin Congress in Berlin", berlin, notes=(congress,)) == [
        ("Berlin Congress", NoteRef("congress-of-berlin")),
        ("Berlin", TermRef("berlin")),
    ]


@pytest.mark.parametrize("text", ["Kiev's", "Kiev’s", "Kiev’ s"])
def test_possessives_match(text):
    assert found(f"{text} delegation", KYIV) == [("Kiev", TermRef("kyiv"))]


def test_putins_possessive_matches():
    assert found("Vladimir Putin’s aide and Putin's spokesman", PUTIN) == [
        ("Vladimir Putin", TermRef("vladimir-putin")),
        ("Putin", TermRef("vladimir-putin")),
    ]


@pytest.mark.parametrize(
    "text",
    ["Moscowitz", "Muscovite", "AMoscow", "Moscow2", "Moscow_x", "moscow", "MOSCOW"],
)
def test_whole_words_and_case_only(text):
    assert found(f"a {text} b", MOSCOW) == []


@pytest.mark.parametrize(
    "text",
    ["Moscow-based", "(Moscow)", "Moscow.", "“Moscow”", "Moscow/Kiev", "*Moscow*", "<Moscow>"],
)
def test_punctuation_ends_a_word(text):
    assert found(text, MOSCOW) == [("Moscow", TermRef("moscow"))]


def test_each_casing_is_its_own_alias():
    rand = term("rand", "RAND Corporation", "RAND", "Rand", kind="organisation")
    assert found("RAND, Rand and rand", rand) == [
        ("RAND", TermRef("rand")),
        ("Rand", TermRef("rand")),
    ]


def test_match_case_false_links_every_casing():
    rand = term("rand", "RAND Corporation", "Rand", kind="organisation", match_case=False)
    text = "RAND, Rand, rand and rAnD; Rand Corporation’s staff, not Randall or Brand."
    assert found(text, rand) == [
        ("RAND", TermRef("rand")),
        ("Rand", TermRef("rand")),
        ("rand", TermRef("rand")),
        ("rAnD", TermRef("rand")),
        ("Rand Corporation", TermRef("rand")),
    ]


def test_match_case_is_per_term():
    rand = term("rand", "RAND Corporation", "Rand", kind="organisation", match_case=False)
    assert found("RAND met Moscow, moscow and MOSCOW.", rand, MOSCOW) == [
        ("RAND", TermRef("rand")),
        ("Moscow", TermRef("moscow")),
    ]


@pytest.mark.parametrize("any_case", ["longer", "shorter"])
def test_the_longest_alias_wins_across_case_sensitive_and_insensitive_aliases(any_case):
    # Whichever of the two overlapping aliases matches in any case, the longer one wins.
    city = term("new-york", "New York", kind="place", match_case=any_case != "shorter")
    paper = term("nyt", "New York Times", kind="organisation", match_case=any_case != "longer")
    text = "New York Times staff in New York; new york times, NEW YORK"
    expected = [("New York Times", TermRef("nyt")), ("New York", TermRef("new-york"))]
    if any_case == "longer":
        expected.append(("new york times", TermRef("nyt")))
    else:
        expected += [("new york", TermRef("new-york")), ("NEW YORK", TermRef("new-york"))]
    assert found(text, city, paper) == expected


def test_a_case_sensitive_alias_beginning_like_an_insensitive_one_still_wins_when_longer():
    rand = term("rand", "RAND Corporation", "Rand", kind="organisation", match_case=False)
    paul = term("rand-paul", "Rand Paul")
    assert found("Rand Paul, RAND Paul and rand paul", rand, paul) == [
        ("Rand Paul", TermRef("rand-paul")),
        ("RAND", TermRef("rand")),
        ("rand", TermRef("rand")),
    ]


def test_an_alias_equal_ignoring_case_to_an_insensitive_one_is_claimed_twice():
    rand = GlossaryTerm(
        "rand", "RAND Corporation", "organisation", ("Rand",), "A think tank.", tuple(SOURCE),
        match_case=False, line=1, column=3, path="content/glossary.yml",
        name_at=(2, 9), alias_at=((4, 7),),
    )  # fmt: skip
    paul = GlossaryTerm(
        "rand-paul", "Rand Paul", "person", ("RAND",), "A senator.", tuple(SOURCE),
        line=8, column=3, path="content/glossary.yml", name_at=(9, 9), alias_at=((11, 7),),
    )  # fmt: skip
    with pytest.raises(ContentError) as error:
        build_matcher((rand, paul), ())
    assert str(error.value) == (
        "content/glossary.yml:11:7: alias 'RAND' is claimed by 'rand' and 'rand-paul' "
        "(an alias links to one term or note only; the other claim is at "
        "content/glossary.yml:4:7)"
    )
    # Both case-sensitive, "Rand" and "RAND" are two aliases.
    sensitive = build_matcher((GlossaryTerm(**{**rand.__dict__, "match_case": True}), paul), ())
    assert sensitive.find("RAND and Rand") == [
        (0, 4, TermRef("rand-paul")),
        (9, 13, TermRef("rand")),
    ]


def test_a_lone_given_name_never_matches():
    people = (MEDINSKY, PUTIN, ZELENSKY, SHAPOVALOV)
    assert found("Vladimir said Vladimir’s view was Vladimir-like.", *people) == []
    assert found("Vladimir Putin’s aide, Vladimir Medinsky", *people) == [
        ("Vladimir Putin", TermRef("vladimir-putin")),
        ("Vladimir Medinsky", TermRef("vladimir-medinsky")),
    ]


def test_blanks_and_apostrophes_may_differ_from_the_alias():
    obrien = term("obrien", "Conor O’Brien", "O’Brien")
    assert found("Vladimir\u00a0Medinsky and Vladimir  Medinsky", MEDINSKY) == [
        ("Vladimir\u00a0Medinsky", TermRef("vladimir-medinsky")),
        ("Vladimir  Medinsky", TermRef("vladimir-medinsky")),
    ]
    assert found("O'Brien and O’Brien", obrien) == [
        ("O'Brien", TermRef("obrien")),
        ("O’Brien", TermRef("obrien")),
    ]


def test_a_term_with_many_aliases():
    text = (
        "Vladimir Zelensky, Volodymyr Zelenskyy, Zelenskyy, Zelenskiy, Zelenskyi, "
        "President Zelensky and Ukraine’s president"
    )
    assert found(text, ZELENSKY, MEDINSKY) == [
        (words, TermRef("volodymyr-zelensky"))
        for words in [
            "Vladimir Zelensky",
            "Volodymyr Zelenskyy",
            "Zelenskyy",
            "Zelenskiy",
            "Zelenskyi",
            "President Zelensky",
            "Ukraine’s president",
        ]
    ]


# -- one pass, whatever the size of the glossary ----------------------------------------------


def _word(number: int) -> str:
    """A made-up capitalised word, different for each number (Aab, Aac, ...)."""
    letters = ""
    for _ in range(3):
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
    return letters.capitalize()


def test_one_compiled_pattern_finds_mentions_among_thousands_of_aliases(monkeypatch):
    terms = [
        term(f"t{i}", f"The {_word(i)}ov Institute", f"{_word(i)}ov", f"{_word(i)}ov Group")
        for i in range(2000)
    ]
    compiled = []
    real_compile = re.compile

    def counting_compile(*args, **kwargs):
        compiled.append(args[0])
        return real_compile(*args, **kwargs)

    monkeypatch.setattr(mentions_module.re, "compile", counting_compile)
    matcher = build_matcher(tuple(terms), ())
    text = (
        f"The {_word(5)}ov Institute said {_word(1999)}ov’s {_word(42)}ov Group met "
        f"{_word(7)}ovian and {_word(7)}ov, not {_word(1999)}ovs or {_word(3)}Ov."
    )
    mentions = [(text[s:e], target) for s, e, target in matcher.find(text)]
    monkeypatch.undo()

    assert len(compiled) == 1, "one regular expression for all 6,000 aliases"
    assert isinstance(matcher.pattern, re.Pattern)
    assert len(matcher.targets) == 6000
    assert matcher.any_case == {}
    assert mentions == [
        (f"The {_word(5)}ov Institute", TermRef("t5")),
        (f"{_word(1999)}ov", TermRef("t1999")),
        (f"{_word(42)}ov Group", TermRef("t42")),
        (f"{_word(7)}ov", TermRef("t7")),
    ]


# -- linking, as a reader sees it ---------------------------------------------------------------

SOURCE_YML = """\
outlet: RT
headline: Talks end
published: "2025-05-16"
timezone: GMT
"""


def _record(t: GlossaryTerm) -> dict:
    return {
        "id": t.id,
        "name": t.name,
        "kind": t.kind,
        "aliases": list(t.aliases),
        "summary": t.summary,
        "sources": [{"title": "Example", "url": "https://example.org/"}],
    }


def site_pages(
    tmp_path: Path,
    entries: list[list[str]],
    terms: list[GlossaryTerm],
    *,
    intro: str = "Intro.",
    annotations: str = "",
) -> dict[str, str]:
    """Build a small explainer (entries given oldest first, one minute apart) into HTML."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "source.yml").write_text(SOURCE_YML, encoding="utf-8")
    lines = ["Talks end", intro, "16 May 2025"]
    for minute, paragraphs in reversed(list(enumerate(entries))):
        lines += [f"16:{minute:02d} GMT", *paragraphs]
    (content / "liveblog.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    glossary = yaml.safe_dump([_record(t) for t in terms], allow_unicode=True, sort_keys=False)
    (content / "glossary.yml").write_text(glossary, encoding="utf-8")
    if annotations:
        (content / "annotations.yml").write_text(annotations, encoding="utf-8")
    site = build(content)
    return {
        path: markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])
        for path, text in site.pages.items()
    }


class _Paragraphs(HTMLParser):
    """Each <p>: its text as shown, and its links as (text, href, title); notes nested links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[dict] = []
        self.open_links: list[dict] = []
        self.nested = False
        self.in_p = False

    def handle_starttag(self, tag, attrs):
        if tag == "p" and ("class", "explainer-source__by") in attrs:
            return  # the attribution line above the source's words ("RT wrote at 16:00 GMT")
        if tag == "p":
            self.in_p = True
            self.paragraphs.append({"text": "", "links": [], "tags": []})
        elif self.in_p:
            self.paragraphs[-1]["tags"].append(tag)
            if tag == "a":
                self.nested |= bool(self.open_links)
                found = {"text": "", **dict(attrs)}
                self.open_links.append(found)
                self.paragraphs[-1]["links"].append(found)

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_p = False
        elif tag == "a" and self.open_links:
            self.open_links.pop()

    def handle_data(self, data):
        if self.in_p:
            self.paragraphs[-1]["text"] += data
            for found in self.open_links:
                found["text"] += data


def entry_paragraphs(html: str, anchor: str) -> list[dict]:
    """The paragraphs of one entry of the timeline page (up to the next entry)."""
    section = html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
    parser = _Paragraphs()
    parser.feed(section.split(">", 1)[1])
    assert not parser.nested, "a link inside a link"
    return parser.paragraphs


def links(paragraph: dict) -> list[tuple[str, str]]:
    return [(a["text"], a["href"]) for a in paragraph["links"]]


def test_mentions_never_break_the_escaping_of_the_source(tmp_path):
    text = (
        "*Putin* met <Kiev> & [Moscow](https://example.org) _Medinsky_ at `Moscow` "
        "&amp; Kiev&Moscow {: #x } <b>Putin</b> | Medinsky’s *"
    )
    html = site_pages(tmp_path, [[text]], [PUTIN, KYIV, MOSCOW, MEDINSKY])["timeline.md"]
    (paragraph, _mentions) = entry_paragraphs(html, "2025-05-16-1600")[:2]
    assert paragraph["text"] == text, "every character shows as written"
    assert [t for t in paragraph["tags"] if t != "a"] == [], "no markup from the source"
    assert links(paragraph) == [
        ("Putin", "glossary/people.md#vladimir-putin"),
        ("Kiev", "glossary/places.md#kyiv"),
        ("Moscow", "glossary/places.md#moscow"),
        ("Medinsky", "glossary/people.md#vladimir-medinsky"),
    ]


def test_the_first_mention_in_each_entry_is_linked_with_a_preview_card(tmp_path):
    entries = [
        ["Putin met Medinsky in Moscow.", "Putin’s aide, Medinsky, left Moscow."],
        ["Medinsky spoke again; Medinsky left."],
    ]
    html = site_pages(tmp_path, entries, [PUTIN, MEDINSKY, MOSCOW])["timeline.md"]
    first, second = entry_paragraphs(html, "2025-05-16-1600")[:2]
    assert links(first) == [
        ("Putin", "glossary/people.md#vladimir-putin"),
        ("Medinsky", "glossary/people.md#vladimir-medinsky"),
        ("Moscow", "glossary/places.md#moscow"),
    ]
    # No tooltip: each link opens its term's preview card, which the page carries (hidden).
    assert [a.get("title") for a in first["links"]] == [None, None, None]
    assert [a["data-preview"] for a in first["links"]] == [
        "preview-term-vladimir-putin",
        "preview-term-vladimir-medinsky",
        "preview-term-moscow",
    ]
    cards = html[html.index('class="explainer-previews"') :]
    for name in ("Vladimir Putin", "Vladimir Medinsky", "Moscow"):
        assert f"Summary of {name}." in cards
    assert links(second) == [], "later mentions in the same entry stay plain"
    # No "In this entry" list repeats the links.
    assert "In this entry" not in html
    again = entry_paragraphs(html, "2025-05-16-1601")[0]
    assert links(again) == [("Medinsky", "glossary/people.md#vladimir-medinsky")]


def test_the_first_mention_in_the_intro_is_linked(tmp_path):
    pages = site_pages(
        tmp_path, [["Putin spoke."]], [PUTIN, KYIV], intro="Kiev and Putin; Kiev again."
    )
    parser = _Paragraphs()
    parser.feed(pages["index.md"])
    intro = next(p for p in parser.paragraphs if p["text"] == "Kiev and Putin; Kiev again.")
    assert links(intro) == [
        ("Kiev", "glossary/places.md#kyiv"),
        ("Putin", "glossary/people.md#vladimir-putin"),
    ]


def test_a_mention_that_crosses_a_quote_is_not_linked_but_the_next_one_is(tmp_path):
    annotations = """\
- entry: "16:00"
  quote: "Vladimir"
  kind: spelling
  text: "A note on the first name."
  sources:
    - title: "Example"
      url: "https://example.org/"
"""
    entries = [["Vladimir Medinsky spoke.", "Medinsky left."]]
    html = site_pages(tmp_path, entries, [MEDINSKY], annotations=annotations)["timeline.md"]
    first, second = entry_paragraphs(html, "2025-05-16-1600")[:2]
    assert [a["href"] for a in first["links"]] == ["#note-2025-05-16-1600-1"], "marker only"
    assert links(second) == [("Medinsky", "glossary/people.md#vladimir-medinsky")]
