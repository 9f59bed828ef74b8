"""Where each page, entry, term and note lives, and the links between pages.

Layout: a timeline that covers one day is one page (``timeline.md``). Coverage of several
days is split into an index (``timeline/index.md``) and one page per day
(``timeline/2025-05-16.md``), so no page grows with the length of the coverage. Entry anchors
carry their date, so they stay the same and unique whichever page holds them; the Router
asks ``TimelineLayout.pages`` where each entry lives.

Pages stay small (under 1 MB of HTML, ``PAGE_BUDGET``): a day too busy for one page is
split into parts (``timeline/2025-05-16.md``, ``timeline/2025-05-16-2.md``); a glossary
kind too long for one page is cut into lettered parts (``glossary/people-2.md``), and a
term mentioned in thousands of entries gets a page of its own (``glossary/terms/<id>.md``).
A small explainer keeps one page per day and per kind. Sizes are estimated from the model
(the words, the linked mentions with their tooltips, the notes: render/budget.py), before
anything is rendered, so every link knows its page at once.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..model import (
    Entry,
    Explainer,
    GlossaryTerm,
    LinkTarget,
    NoteRef,
    Target,
    TermKind,
    TermRef,
)
from .budget import (
    BACKLINK_BYTES,
    CARD_BYTES,
    CHAR_BYTES,
    ENTRY_BYTES,
    LINK_BYTES,
    NOTE_BYTES,
    TERM_BYTES,
    Weigh,
    cut,
    cut_day,
)
from .escape import SourceWords, display_headline, plain_text

OVERVIEW = "index.md"
ABOUT = "about.md"
GLOSSARY_INDEX = "glossary/index.md"
BACKGROUND_INDEX = "background/index.md"
SINGLE_PAGE = "timeline.md"
SPLIT_INDEX = "timeline/index.md"
TERM_PAGES = "glossary/terms"
"""The folder of the pages of terms too often mentioned for their kind's page."""

PAGE_BUDGET = 850_000
"""Estimated bytes of HTML a generated page's content may hold. The limit is 1 MB; the
theme's frame adds about 50 KB, and the estimates run high (see below)."""
KIND_PAGES = {
    "person": ("people", "People"),
    "place": ("places", "Places"),
    "organisation": ("organisations", "Organisations"),
}


@dataclass(frozen=True)
class TimelineDay:
    """One day of coverage and the page that shows it."""

    day: date
    """The day, in the source's time zone."""
    page: str
    """The page that holds its entries."""
    entries: tuple[Entry, ...]
    """Its entries, oldest first."""
    part: int = 1
    """Which part of the day this page holds, when a busy day is split."""
    parts: int = 1
    """How many pages the day is split into (1: the whole day on one page)."""
    number: int = 1
    """Which day of the coverage it is (the first is 1), whatever its part."""

    @property
    def label(self) -> str:
        """``16 May 2025``, or ``16 May 2025 (part 2 of 3)`` for a split day."""
        label = format_day(self.day)
        return f"{label} (part {self.part} of {self.parts})" if self.parts > 1 else label


@dataclass(frozen=True)
class TimelineLayout:
    """Which page shows each entry: one page, or an index and one page per day."""

    index: str
    """The timeline's first page: ``timeline.md`` or ``timeline/index.md``."""
    days: tuple[TimelineDay, ...]
    """Every day with entries, oldest first."""
    pages: dict[str, str]
    """Entry anchor -> the page that shows it."""

    @property
    def split(self) -> bool:
        """True when each day has its own page."""
        return self.index == SPLIT_INDEX

    @property
    def day_count(self) -> int:
        """Days of coverage (a day split into parts counts once)."""
        return self.days[-1].number if self.days else 0


def plan_timeline(entries: Sequence[Entry], weigh: Weigh | None = None) -> TimelineLayout:
    """Lay the entries out: one page for one day of coverage, else one page per day.

    A day stays one page unless its entries, weighed by ``weigh`` (estimated bytes of
    HTML, given the preview cards the page shows already: ``budget.Weigh``), would pass
    ``PAGE_BUDGET``: then it is cut, between entries, into parts that stay under it, of
    about equal size. A day is the unit readers navigate by, so a part never holds entries
    of two days.
    """
    by_day: dict[date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.posted.date(), []).append(entry)
    chunks = {
        day: cut_day(items, weigh, PAGE_BUDGET) if weigh else [items]
        for day, items in by_day.items()
    }
    split = len(by_day) > 1 or any(len(parts) > 1 for parts in chunks.values())
    days = tuple(
        TimelineDay(
            day,
            _day_page(day, part, split),
            tuple(items),
            part,
            len(parts),
            number,
        )
        for number, (day, parts) in enumerate(chunks.items(), 1)
        for part, items in enumerate(parts, 1)
    )
    pages = {entry.anchor: day.page for day in days for entry in day.entries}
    return TimelineLayout(SPLIT_INDEX if split else SINGLE_PAGE, days, pages)


def _day_page(day: date, part: int, split: bool) -> str:
    if not split:
        return SINGLE_PAGE
    return f"timeline/{day.isoformat()}{f'-{part}' if part > 1 else ''}.md"


@dataclass(frozen=True)
class GlossaryPage:
    """One page of glossary terms: a kind's page (or a part of it), or a term's own."""

    path: str
    title: str
    terms: tuple[GlossaryTerm, ...]
    """In the glossary's own order (a part holds a run of names in ``sort_name`` order)."""

    @property
    def label(self) -> str:
        """Its name in the navigation: the title, or the term's name for a term's own page."""
        return self.terms[0].name if self.path.startswith(f"{TERM_PAGES}/") else self.title


def plan_glossary(
    terms: Sequence[GlossaryTerm], weigh: Callable[[GlossaryTerm], float]
) -> tuple[GlossaryPage, ...]:
    """One page per kind (``glossary/people.md``) while it stays under ``PAGE_BUDGET``.

    Past it, a term that alone would fill half a page (one mentioned in thousands of
    entries) gets its own page, and the rest of the kind is cut, in reading order, into
    parts titled by the letters they span (``People (A–K)``, ``glossary/people-2.md``).
    """
    pages: list[GlossaryPage] = []
    for kind, (slug, title) in KIND_PAGES.items():
        given = [t for t in terms if t.kind == kind]  # the editors' order: groups by first use
        if not given:
            continue
        weights = {term.id: weigh(term) for term in given}
        if sum(weights.values()) <= PAGE_BUDGET:
            pages.append(GlossaryPage(f"glossary/{slug}.md", title, tuple(given)))
            continue
        place = {term.id: number for number, term in enumerate(given)}
        ofkind = sorted(given, key=sort_name)
        own = [t for t in ofkind if weights[t.id] > PAGE_BUDGET / 2]
        rest = [t for t in ofkind if weights[t.id] <= PAGE_BUDGET / 2]
        parts = cut(rest, weigh, PAGE_BUDGET) if rest else []
        for number, part in enumerate(parts, 1):
            path = f"glossary/{slug}{f'-{number}' if number > 1 else ''}.md"
            span = f" ({_initial(part[0])}–{_initial(part[-1])})" if len(parts) > 1 else ""
            in_order = sorted(part, key=lambda term: place[term.id])
            pages.append(GlossaryPage(path, f"{title}{span}", tuple(in_order)))
        pages += [GlossaryPage(f"{TERM_PAGES}/{t.id}.md", title, (t,)) for t in own]
    return tuple(pages)


def sort_name(term: GlossaryTerm) -> tuple[str, str]:
    """People by surname (the last word of the name), as newsrooms list them; others by name."""
    name = term.name.casefold()
    return (name.split()[-1] if term.kind == "person" else name), name


def _initial(term: GlossaryTerm) -> str:
    return sort_name(term)[0][:1].upper()


def format_day(day: date) -> str:
    """``16 May 2025`` (no platform-specific strftime flags)."""
    return f"{day.day} {day:%B %Y}"


def entry_label(entry: Entry, headline: Callable[[Entry], str] = display_headline) -> str:
    """How a link to an entry reads: ``16:56 GMT: Medinsky cites the Congress of Berlin``."""
    return f"{entry.time_label}: {headline(entry)}"


class Router:
    """Where every page, entry, term and note lives, and relative links between pages.

    The one place that knows page paths: render modules ask it (``overview``,
    ``glossary_page``, ``note_page``, ``link``) rather than writing paths themselves.
    """

    overview = OVERVIEW
    about = ABOUT
    glossary_index = GLOSSARY_INDEX
    background_index = BACKGROUND_INDEX

    def __init__(
        self, explainer: Explainer, site_url: str = "", directory_urls: bool = True
    ) -> None:
        self.explainer = explainer
        self.terms = {term.id: term for term in explainer.glossary}
        self.words = SourceWords()
        """Entries' headlines and paragraphs' sentences, worked out once for every page."""
        self.notes = {note.slug: note for note in explainer.notes}
        self.tooltips: dict[Target, str] = {}
        self.weights: dict[str, tuple[float, dict[object, float]]] = {}
        """Entry anchor -> its weight and its cards' (cutting a day weighs entries often)."""
        self.timeline = plan_timeline(explainer.liveblog.entries, self._weigh_entry)
        self.glossary = plan_glossary(explainer.glossary, self._weigh_term)
        self.term_pages = {term.id: page.path for page in self.glossary for term in page.terms}
        self.site_url = site_url
        self.directory_urls = directory_urls
        self.links: dict[tuple[str, LinkTarget], str] = {}
        """(from page, target) -> link: a big explainer links the same pairs 100,000s of times."""
        self.previews: dict[str, dict[Target, None]] = {}
        """Page -> the terms and notes it links with a preview card, in order of first link."""

    def entry_page(self, anchor: str) -> str:
        """The page that shows an entry: its day's page when the timeline is split."""
        if anchor in ("intro", "headline"):
            return OVERVIEW
        return self.timeline.pages[anchor]

    @staticmethod
    def glossary_page(kind: TermKind) -> str:
        """The glossary page of one kind of term (``glossary/people.md``)."""
        return f"glossary/{KIND_PAGES[kind][0]}.md"

    @staticmethod
    def note_page(slug: str) -> str:
        """A background note's page (``background/<slug>.md``)."""
        return f"background/{slug}.md"

    def page_url(self, page: str) -> str:
        """The page's absolute address, or "" when the site's address is not known.

        Only structured data needs it.
        """
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + self.url_path(page)

    def url_path(self, page: str) -> str:
        """Where MkDocs publishes a page, relative to the site's root
        (``timeline/2025-05-16/``, or ``timeline/2025-05-16.html`` without directory URLs)."""
        stem = page[: -len(".md")]
        if not self.directory_urls:
            return f"{stem}.html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/"

    def href(self, from_page: str, to_page: str) -> str:
        """A link between published pages, for raw HTML (MkDocs rewrites only Markdown links)."""
        source, target = self.url_path(from_page), self.url_path(to_page)
        if source == target:
            return "#"
        folder = source if source.endswith("/") or not source else posixpath.dirname(source)
        path = posixpath.relpath(target or ".", folder or ".")
        return path + "/" if target.endswith("/") or not target else path

    def target_page(self, target: LinkTarget) -> tuple[str, str]:
        """(page, anchor) of a term, a note or a block of the live-blog."""
        if isinstance(target, TermRef):
            return self.term_pages[target.id], target.id
        if isinstance(target, NoteRef):
            return self.note_page(target.slug), ""
        key = target.key
        return self.entry_page(key), "" if key in ("intro", "headline") else key

    def link(self, from_page: str, target: LinkTarget) -> str:
        """A Markdown link from ``from_page`` to the target (``../glossary/people.md#id``)."""
        link = self.links.get((from_page, target))
        if link is None:
            page, anchor = self.target_page(target)
            link = relative(from_page, page) + (f"#{anchor}" if anchor else "")
            self.links[from_page, target] = link
        return link

    def href_to(self, from_page: str, target: LinkTarget) -> str:
        """A link to the target for raw HTML (``href``), with its anchor."""
        page, anchor = self.target_page(target)
        path = self.href(from_page, page)
        if path == "#":
            return f"#{anchor}" if anchor else "#"
        return path + (f"#{anchor}" if anchor else "")

    def preview_id(self, page: str, target: Target) -> str:
        """The id of the target's preview card on ``page``, which will carry the card."""
        self.previews.setdefault(page, {})[target] = None
        return preview_key(target)

    def page_link(self, from_page: str, to_page: str) -> str:
        """A Markdown link from one page to another ("" for the same page)."""
        return relative(from_page, to_page)

    def see_target(self, key: str) -> Target:
        """An annotation's ``see``: a glossary id, else a background note slug."""
        return TermRef(key) if key in self.terms else NoteRef(key)

    def title(self, target: Target) -> str:
        if isinstance(target, TermRef):
            return self.terms[target.id].name
        return self.notes[target.slug].title

    def tooltip(self, target: Target) -> str:
        tooltip = self.tooltips.get(target)
        if tooltip is None:
            if isinstance(target, TermRef):
                summary = self.terms[target.id].summary
            else:
                summary = self.notes[target.slug].summary
            tooltip = self.tooltips[target] = plain_text(summary)
        return tooltip

    def _weigh_entry(self, entry: Entry, shown: Set[object]) -> tuple[float, Iterable[object]]:
        """Estimated bytes of HTML the entry adds to a page that already shows the preview
        cards in ``shown`` (see ``ENTRY_BYTES``), and the cards it shows."""
        kept = self.weights.get(entry.anchor)
        if kept is None:
            kept = self.weights[entry.anchor] = self._entry_weights(entry.anchor)
        weight, cards = kept
        for target, card in cards.items():
            if target not in shown:
                weight += card
        return weight, cards

    def _entry_weights(self, anchor: str) -> tuple[float, dict[object, float]]:
        """The entry's own weight, and the preview card each linked target would add."""
        block = self.explainer.blocks[anchor]
        chars = sum(len(paragraph.text) for paragraph in block.paragraphs)
        weight = ENTRY_BYTES + CHAR_BYTES * chars
        cards: dict[object, float] = {}
        for mentions in block.mentions:
            for mention in mentions:
                if mention.first:
                    tooltip = len(self.tooltip(mention.target))
                    weight += LINK_BYTES + tooltip
                    cards[mention.target] = CARD_BYTES + tooltip
        return weight + NOTE_BYTES * sum(len(placed) for placed in block.annotations), cards

    def _weigh_term(self, term: GlossaryTerm) -> float:
        mentions = len(self.explainer.backlinks.get(TermRef(term.id), ()))
        return TERM_BYTES + len(term.summary) + BACKLINK_BYTES * mentions


def preview_key(target: Target) -> str:
    """``preview-term-<id>`` or ``preview-note-<slug>``: the id of a preview card."""
    if isinstance(target, TermRef):
        return f"preview-term-{target.id}"
    return f"preview-note-{target.slug}"


@cache  # called for every link; a site has few pages but a large one has 100,000s of links
def relative(from_page: str, to_page: str) -> str:
    """Relative Markdown link from one page path to another (MkDocs resolves ``.md``)."""
    if from_page == to_page:
        return ""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
