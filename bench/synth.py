"""Synthetic explainers in the seed's format, of any size, the same on every run.

The benchmark needs explainers far larger than the seed: a month of coverage, a glossary
of a thousand terms. This module writes them as an editor would (``liveblog.txt`` newest
first with date and ``HH:MM GMT`` lines, ``source.yml``, ``glossary.yml`` with several
aliases per term, ``background/*.md``, ``annotations.yml`` with quotes copied from their
entries), so the generator does the same work on them as on real content: possessives,
curly quotes, characters Markdown cares about, terms mentioned thousands of times and
terms mentioned once, annotations that need an anchor because a time repeats across days.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import string
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from generator.parse.dating import entry_anchor


@dataclass(frozen=True)
class Size:
    """How big a synthetic explainer is."""

    name: str
    """What the benchmark table calls it."""
    entries: int
    """Timed entries in the live-blog."""
    days: int
    """Days the entries are spread over (one date line each)."""
    terms: int
    """Glossary terms, each with a name and three aliases."""
    annotations: int
    """Editors' annotations, each on a quote of one entry."""
    core_only: bool = False
    """Only (a), the core, is measured unless asked otherwise: the size exists for a growth
    row of (a), and its two ``mkdocs build`` runs would add minutes and tell nothing new."""


SIZES: dict[str, Size] = {
    size.name: size
    for size in (
        Size("small", 100, 1, 100, 100),
        Size("medium", 1_000, 3, 100, 100),
        Size("medium-glossary", 1_000, 3, 1_000, 100),
        Size("large-few-terms", 10_000, 30, 100, 1_000, core_only=True),
        Size("large", 10_000, 30, 1_000, 1_000),
    )
}
"""The sizes ``make bench`` runs, smallest first. ``large-few-terms`` pairs with ``large``
to measure ten times the terms where the live-blog, not the glossary, is most of the input
(at 1,000 entries the 1,000-term glossary is the larger file)."""


def _words(text: str) -> list[str]:
    """A word list written as one block of text (names here have no spaces)."""
    return text.split()


FIRST_DAY = date(2025, 5, 16)
NOTE_COUNT = 3

_FIRST_NAMES = _words(
    """
    Mikhail Anna Oleksandr Iryna Recep Fatma Emmanuel Claire Olaf Ursula Keir Giorgia
    Pedro Sanna Viktor Kaja Antony Marco Rustem Sergei Dmitry Yulia Andriy Hakan Mette
    Alexander Petr Maia Nikol Edi Dora Gitanas Evika Alar Jonas Ilham Kassym Shavkat Sadyr
    """
)
_SYLLABLES = _words(
    """
    va ren ko mir dan sel to ri gor ya lin bes ka tur nov el sha pol zan dre mar vic ost
    len bar kes um ra ti no ves dul kor sam pet ila bor gen vy tar lo ne
    """
)
_SURNAME_ENDINGS = ("", "ov", "enko", "sky", "ić", "escu", "ian", "oglu", "ski", "yev")
_TRANSLITERATION = {
    "sky": "skiy",
    "ov": "off",
    "enko": "enco",
    "ić": "ic",
    "escu": "esco",
    "ian": "yan",
    "oglu": "oğlu",
    "ski": "skyi",
    "yev": "iev",
}
_PLACE_ENDINGS = ("", "grad", "ia", "a", "port", "burg", "ova", "is", "ovo", "abad")
_ORG_NOUNS = _words(
    """
    Grain Energy Security Border Rail Water Press Trade Veterans Health Mining Shipping
    Science Harbour Aviation Labour Refugee Customs Weather Defence Election Banking
    """
)
_ORG_BODIES = _words(
    """
    Council Agency Union Commission Committee Authority Bureau Federation Alliance
    Institute League Directorate
    """
)
_ROLES = (
    "foreign minister",
    "presidential aide",
    "head of the delegation",
    "defence minister",
    "opposition leader",
    "spokeswoman for the foreign ministry",
    "member of parliament",
    "mayor",
    "political scientist",
    "military intelligence chief",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_KINDS = ("context", "fact-check", "spelling", "translation", "attribution")

# {P} a person, {L} a place, {O} an organisation, {N} a background note; the rest are
# numbers, times and words. Every character Markdown cares about turns up somewhere.
_SENTENCES = (
    "{P} said the talks in {L} had been “constructive” but warned that “much remains to be done.”",
    "Speaking to reporters in {L}, {P} accused the {O} of “deliberately stalling” the process.",
    "The {O} said its delegation had arrived in {L} on {wd} night.",
    "The {O} has not commented on the claims, which {P} described as “pure fiction.”",
    "Officials in {L} said {n} people had been evacuated & at least {k} injured.",
    "{P}, who took part in the {N}, called for a {k}-day ceasefire (the third such proposal).",
    "“We are ready to continue,” {P} told journalists, adding that {L}’s position was "
    "“changing too rapidly.”",
    "Earlier, {P}’s spokesman said a prisoner exchange – {n} for {n} – could take place "
    "“within days.”",
    "Markets in {L} fell {k}% after the announcement; analysts at the {O} called it "
    "“an overreaction.”",
    "The agreement reached at the {N} was never implemented, {P} noted.",
    "According to the {O}, the meeting lasted less than two hours.",
    "{P} and {P} met behind closed doors at {hh} local time.",
    "Neither {P} nor the {O} would confirm reports of a draft text.",
    "A statement from {L} read: “No comment [at this time].”",
    "Turnout was <{k}% in some districts of {L}, the {O} said.",
    "{P}’s office posted the full text online under the hashtag #talks_{k}.",
    "Asked about {P}’s remarks, {P} said: “I will not dignify that with an answer…”",
    "Residents of {L} reported explosions overnight; the {O} said air defences were active.",
    "{P} repeated that {L} would “never” accept the terms set out at the {N}.",
    "Reuters reports that {P} may travel to {L} next week.",
    "The {O}’s envoy, {P}, arrived in {L} shortly after {hh}.",
    "Shares of *state-owned* firms rose in {L} – a sign of cautious optimism, according to "
    "the {O}.",
    "Talks resumed at {hh} GMT after a short break.",
    "Journalists outside the venue were told that no briefing was expected before {hh}.",
    "“Peace is possible – but not at any price,” {P} wrote on social media.",
    "{P} rejected what he called “ultimatums” from {L} and the {O}.",
    "Officials in {L} put the cost of the damage at ${n} million (about €{n} million).",
    "Under the {N}, both sides had agreed to a phased withdrawal from {L}.",
    "The {O} and the {O} issued a joint statement calling for “restraint on all sides.”",
    "{P} (via video link) told the {O} that {L} was “not for sale.”",
)
_OPENERS = (
    "1. {O} monitors will be deployed to {L}; 2. prisoners will be exchanged.",
    "- {P}, in a post on X: “Nothing is agreed until everything is agreed.”",
    "UPDATE: {P} has arrived in {L}.",
    "The stream has resumed.",
    "More to follow.",
)
_ANNOTATION_TEXTS = (
    "The figure could not be verified independently; the **{name}** gives a different "
    "number. See [its statement](https://example.org/statements/{id}).",
    "Also spelt *{alias}* in other sources; this explainer keeps the source's spelling.",
    "The remark refers to earlier talks; see the background notes for what was agreed.",
    "Translated from the original by the outlet; the wording in the original differs "
    "slightly. [Original text](https://example.org/original/{id})",
    "Attributed to {name} by two agencies; the outlet does not name its source.",
)


@dataclass
class _Term:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    role: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class _Entry:
    day: date
    minute: int
    paragraphs: list[str] = field(default_factory=list)

    @property
    def clock(self) -> str:
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"

    @property
    def anchor(self) -> str:
        return entry_anchor(datetime.combine(self.day, time(self.minute // 60, self.minute % 60)))


@dataclass
class _Note:
    slug: str
    title: str
    aliases: tuple[str, ...]


_NOTES = (
    _Note("coastal-accord-2019", "Coastal Accord (2019)", ("Coastal Accord", "2019 accord")),
    _Note("harbour-talks-2022", "Harbour talks (2022)", ("Harbour talks", "talks of 2022")),
    _Note("treaty-of-marrow-bay", "Treaty of Marrow Bay (1878)", ("Treaty of Marrow Bay",)),
)


def write_explainer(folder: Path, size: Size, seed: int = 2025) -> None:
    """Write a complete content folder of ``size`` into ``folder`` (the same for a seed)."""
    if size.entries > size.days * 24 * 60:
        raise ValueError(f"{size.name}: more entries than minutes in {size.days} day(s)")
    rng = random.Random(f"{seed}:{size.entries}:{size.days}:{size.terms}:{size.annotations}")
    terms = _make_terms(rng, size.terms)
    writer = _TextWriter(rng, terms, _NOTES[:NOTE_COUNT])
    entries = _make_entries(rng, size, writer)
    intro = [writer.paragraph(3), writer.paragraph(2)]
    writer.cover_the_rest(entries)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "background").mkdir(exist_ok=True)
    (folder / "liveblog.txt").write_text(_liveblog_text(entries, intro, writer), "utf-8")
    (folder / "source.yml").write_text(_source_yml(size), "utf-8")
    (folder / "glossary.yml").write_text(_glossary_yml(rng, terms), "utf-8")
    for note in _NOTES[:NOTE_COUNT]:
        (folder / "background" / f"{note.slug}.md").write_text(_note_md(note), "utf-8")
    quotable = _as_parsed(folder, entries)
    annotations = _make_annotations(rng, size.annotations, quotable, intro, terms)
    (folder / "annotations.yml").write_text(annotations, "utf-8")


def _as_parsed(folder: Path, entries: list[_Entry]) -> list[_Entry]:
    """The entries' text as the parser reads it: a short first line can be the entry's
    title, which annotations do not quote (they quote the entry's paragraphs)."""
    from generator.load import load_source
    from generator.parse import ParseOptions, parse_liveblog

    options = ParseOptions.from_source(load_source(folder / "source.yml"))
    text = (folder / "liveblog.txt").read_text("utf-8")
    parsed = parse_liveblog(text, "liveblog.txt", options)
    body = {entry.anchor: [p.text for p in entry.paragraphs] for entry in parsed.entries}
    return [_Entry(e.day, e.minute, body.get(e.anchor) or e.paragraphs) for e in entries]


# -- the glossary ------------------------------------------------------------------------


def _make_terms(rng: random.Random, count: int) -> list[_Term]:
    """Half people, three in ten places, the rest organisations; no form used twice."""
    used: set[str] = {alias for note in _NOTES for alias in note.aliases}
    kinds = ["person"] * (count // 2) + ["place"] * (count * 3 // 10)
    kinds += ["organisation"] * (count - len(kinds))
    terms: list[_Term] = []
    for kind in kinds:
        for _ in range(10_000):
            term = _make_term(rng, kind)
            forms = term.forms
            if len(set(forms)) == len(forms) and not used.intersection(forms):
                break
        else:  # pragma: no cover - the name space is far larger than any size we use
            raise RuntimeError("ran out of distinct synthetic names")
        used.update(forms)
        term.id = f"{_slug(term.name)}-{len(terms) + 1}"
        terms.append(term)
    return terms


def _make_term(rng: random.Random, kind: str) -> _Term:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if kind == "person":
        first = rng.choice(_FIRST_NAMES)
        ending = rng.choice(_SURNAME_ENDINGS)
        surname = word + ending
        variant = word + _TRANSLITERATION.get(ending, "e")
        return _Term(
            "",
            f"{first} {surname}",
            kind,
            (surname, f"{first[0]}. {surname}", f"{first} {variant}"),
            rng.choice(_ROLES),
        )
    if kind == "place":
        base = word + rng.choice(_PLACE_ENDINGS)
        other = base.replace("k", "c", 1) if "k" in base else base + "e"
        return _Term("", base, kind, (other, f"{base} region", f"Greater {base}"))
    noun, body = rng.choice(_ORG_NOUNS), rng.choice(_ORG_BODIES)
    acronym = f"{word[0]}{noun[0]}{body[0]}"
    return _Term(
        "",
        f"{word} {noun} {body}",
        kind,
        (acronym, f"{word} {body}", f"{word} {noun} {body} ({acronym})"),
    )


def _slug(name: str) -> str:
    ascii_name = name.encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name).split()) or "term"


def _glossary_yml(rng: random.Random, terms: list[_Term]) -> str:
    lines = [
        "# yaml-language-server: $schema=../generator/load/schemas/glossary.schema.json",
        "#",
        "# A synthetic glossary written by bench/synth.py for the benchmark.",
        "",
    ]
    for term in terms:
        summary = (
            f"{term.name} is {_describe(term)} who turns up often in the coverage. "
            f"Statements are tracked by [the wire](https://example.org/wire/{term.id})."
            if term.kind == "person"
            else f"{term.name} is {_describe(term)} named throughout the coverage; "
            f"figures from it are **not** independently verified."
        )
        lines += [
            f"- id: {term.id}",
            f"  name: {_quoted(term.name)}",
            f"  kind: {term.kind}",
            "  aliases:",
            *(f"    - {_quoted(alias)}" for alias in term.aliases),
        ]
        if term.role:
            lines.append(f"  role: {_quoted(term.role.capitalize())}")
        lines += [
            f"  summary: {_quoted(summary)}",
            "  sources:",
            f"    - title: {_quoted(term.name + ' – Wikipedia')}",
            f"      url: https://example.org/wiki/{term.id}",
        ]
        if rng.random() < 0.3:
            lines.append(f'  wikidata: "Q{rng.randint(1, 9_999_999)}"')
        lines.append("")
    return "\n".join(lines)


def _describe(term: _Term) -> str:
    if term.kind == "person":
        return f"a {term.role}"
    return "a city and its region" if term.kind == "place" else "a public body"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


# -- the live-blog -----------------------------------------------------------------------


class _TextWriter:
    """Sentences in the live-blog's register that mention terms and notes.

    Popular terms are mentioned far more than others (a Zipf curve), and every term and
    note is mentioned at least once so the generator warns about none of them.
    """

    def __init__(self, rng: random.Random, terms: list[_Term], notes: tuple[_Note, ...]):
        self.rng = rng
        self.by_kind = {
            kind: [t for t in terms if t.kind == kind]
            for kind in ("person", "place", "organisation")
        }
        self.weights = {
            kind: list(itertools.accumulate(1 / rank for rank in range(1, len(group) + 1)))
            for kind, group in self.by_kind.items()
        }
        self.uncovered: dict[str, list[_Term]] = {
            kind: list(reversed(group)) for kind, group in self.by_kind.items()
        }
        self.notes = notes
        self.uncovered_notes = list(notes)

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def entry(self) -> list[str]:
        count = self.rng.choices((1, 2, 3, 4), weights=(35, 35, 20, 10))[0]
        paragraphs = [self.paragraph(self.rng.choice((1, 2, 2, 3))) for _ in range(count)]
        if self.rng.random() < 0.08:
            paragraphs.insert(0, self._fill(self.rng.choice(_OPENERS)))
        return paragraphs

    def sentence(self) -> str:
        return self._fill(self.rng.choice(_SENTENCES))

    def cover_the_rest(self, entries: list[_Entry]) -> None:
        """Mention every term and note not mentioned yet, in entries picked at random."""
        left = [t for group in self.uncovered.values() for t in group]
        for term in left:
            entry = self.rng.choice(entries)
            entry.paragraphs[-1] += f" {self._form(term)} was also named in the statement."
        for note in self.uncovered_notes:
            self.rng.choice(entries).paragraphs[-1] += f" The {note.aliases[0]} was cited."
        self.uncovered = {kind: [] for kind in self.uncovered}
        self.uncovered_notes = []

    def _fill(self, template: str) -> str:
        out = []
        for literal, slot, _, _ in _FORMATTER.parse(template):
            out.append(literal)
            if slot is not None:
                out.append(self._slot(slot))
        return "".join(out)

    def _slot(self, slot: str) -> str:
        rng = self.rng
        if slot in _SLOT_KINDS:
            return self._form(self._pick(_SLOT_KINDS[slot]))
        if slot == "N":
            note = self.uncovered_notes.pop() if self.uncovered_notes else rng.choice(self.notes)
            return rng.choice(note.aliases)
        if slot == "n":
            return f"{rng.randint(2, 4_000):,}"
        if slot == "k":
            return str(rng.randint(2, 90))
        if slot == "hh":
            return f"{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        return rng.choice(_WEEKDAYS)

    def _pick(self, kind: str) -> _Term:
        if self.uncovered[kind]:
            return self.uncovered[kind].pop()
        group, weights = self.by_kind[kind], self.weights[kind]
        return group[bisect(weights, self.rng.random() * weights[-1])]

    def _form(self, term: _Term) -> str:
        return term.name if self.rng.random() < 0.5 else self.rng.choice(term.aliases)


_SLOT_KINDS = {"P": "person", "L": "place", "O": "organisation"}
_FORMATTER = string.Formatter()


def _make_entries(rng: random.Random, size: Size, writer: _TextWriter) -> list[_Entry]:
    """Entries oldest first: each day gets its share at distinct minutes."""
    entries: list[_Entry] = []
    per_day, extra = divmod(size.entries, size.days)
    for index in range(size.days):
        day = FIRST_DAY + timedelta(days=index)
        count = per_day + (1 if index < extra else 0)
        for minute in sorted(rng.sample(range(24 * 60), count)):
            entries.append(_Entry(day, minute, writer.entry()))
    return entries


def _liveblog_text(entries: list[_Entry], intro: list[str], writer: _TextWriter) -> str:
    """Headline, intro, then days and entries newest first, as the seed has them."""
    headline = "Talks on the future of the region: live updates as delegations meet"
    lines = [headline, *intro]
    day = None
    for entry in reversed(entries):
        if entry.day != day:
            day = entry.day
            lines.append(f"{day.day} {day:%B %Y}")
        lines.append(f"{entry.clock} GMT")
        lines += entry.paragraphs
    return "\n".join(lines) + "\n"


def _source_yml(size: Size) -> str:
    return "\n".join(
        [
            "# yaml-language-server: $schema=../generator/load/schemas/source.schema.json",
            f"# A synthetic live-blog ({size.name}) written by bench/synth.py.",
            "outlet: Example Wire",
            'headline: "Talks on the future of the region: live updates as delegations meet"',
            f'published: "{FIRST_DAY.isoformat()}"',
            "timezone: GMT",
            "language: en",
            "url: https://example.org/live/talks",
            "",
        ]
    )


def _note_md(note: _Note) -> str:
    aliases = "\n".join(f"  - {_quoted(alias)}" for alias in note.aliases)
    return f"""---
title: {_quoted(note.title)}
date: "1878–2022"
place: "Marrow Bay"
aliases:
{aliases}
summary: "A synthetic past event the speakers refer to, for the benchmark."
sources:
  - title: "{note.title} (Wikipedia)"
    url: "https://example.org/wiki/{note.slug}"
---

## What happened

A conference of the parties ended with an agreement that neither side fully implemented.
Its terms are cited in the coverage by both delegations.

## Why it matters

The speakers use it as a precedent, each in their own way.
"""


# -- annotations -------------------------------------------------------------------------


def _make_annotations(
    rng: random.Random,
    count: int,
    entries: list[_Entry],
    intro: list[str],
    terms: list[_Term],
) -> str:
    """Annotations on words copied from their entries, addressed as an editor would.

    ``HH:MM`` when that time is unique in the live-blog, else the entry's anchor
    (``2025-05-16-1649``); a prefix where the quoted words repeat in the entry.
    """
    clocks = Counter(entry.clock for entry in entries)
    lines = [
        "# yaml-language-server: $schema=../generator/load/schemas/annotations.schema.json",
        "# Synthetic annotations written by bench/synth.py, on quotes copied from the entries.",
        "",
    ]
    targets: list[tuple[str, list[str]]] = []
    if count >= 10:
        targets.append(("intro", intro))
    chosen = rng.sample(range(len(entries)), min(count - len(targets), len(entries)))
    while len(targets) + len(chosen) < count:  # more annotations than entries: go round again
        chosen += rng.sample(range(len(entries)), min(count - len(chosen), len(entries)))
    taken: dict[str, list[tuple[int, int]]] = {}
    for index in sorted(chosen):
        entry = entries[index]
        unique = clocks[entry.clock] == 1 and rng.random() < 0.7
        targets.append((entry.clock if unique else entry.anchor, entry.paragraphs))
    written = 0
    for ref, paragraphs in targets:
        found = _pick_quote(rng, " ".join(paragraphs), taken.setdefault(ref, []))
        if found is None:
            continue
        quote, prefix = found
        term = rng.choice(terms)
        text = rng.choice(_ANNOTATION_TEXTS).format(
            name=term.name, id=term.id, alias=term.aliases[0]
        )
        lines += [f"- entry: {_quoted(ref)}", f"  quote: {_quoted(quote)}"]
        if prefix:
            lines.append(f"  prefix: {_quoted(prefix)}")
        lines += [
            f"  kind: {rng.choice(_KINDS)}",
            f"  text: {_quoted(text)}",
            "  sources:",
            f"    - title: {_quoted('Example Wire fact file ' + str(written + 1))}",
            f"      url: https://example.org/facts/{written + 1}",
        ]
        if rng.random() < 0.3:
            lines.append(f"  see: {term.id}")
        lines.append("")
        written += 1
    return "\n".join(lines)


def _pick_quote(
    rng: random.Random, text: str, taken: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """A run of two to six words of ``text`` not overlapping ``taken``, and a prefix if the
    words occur more than once."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    for _ in range(50):
        length = rng.randint(2, 6)
        if len(words) < length:
            length = len(words)
        if length == 0:
            return None
        first = rng.randrange(len(words) - length + 1)
        start, end = words[first][0], words[first + length - 1][1]
        # Editors quote words within a sentence, without the comma that follows them.
        if any(text[e - 1] in _SENTENCE_ENDS for _, e in words[first : first + length - 1]):
            continue
        while text[end - 1] in ",;:":
            end -= 1
        if any(s < end and start < e for s, e in taken):
            continue
        quote = text[start:end]
        starts = _occurrences(quote, text)
        prefix = ""
        if len(starts) > 1:
            prefix = text[max(0, start - 24) : start].strip()
            matching = [s for s in starts if text[:s].rstrip().endswith(prefix)]
            if not prefix or matching != [start]:
                continue
        taken.append((start, end))
        return quote, prefix
    return None


def _occurrences(needle: str, haystack: str) -> list[int]:
    """Every offset of ``needle`` in ``haystack``, overlapping ones included."""
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


_WORD = re.compile(r"\S+")
_SENTENCE_ENDS = frozenset(".!?…”")
