"""Where each page, entry, term and note lives, and the links between pages.

Layout: a timeline that covers one day is one page (``timeline.md``). Coverage of several
days is split into an index (``timeline/index.md``) and one page per day
(``timeline/2025-05-16.md``), so no page grows with the length of the coverage. Entry anchors
carry their date, so they stay the same and unique whichever page holds them; the Router
asks ``TimelineLayout.pages`` where each entry lives.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..model import Entry, Explainer, LinkTarget, NoteRef, Target, TermKind, TermRef
from .escape import display_headline, plain_text

OVERVIEW = "index.md"
ABOUT = "about.md"
GLOSSARY_INDEX = "glossary/index.md"
BACKGROUND_INDEX = "background/index.md"
SINGLE_PAGE = "timeline.md"
SPLIT_INDEX = "timeline/index.md"

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

    @property
    def label(self) -> str:
        """``16 May 2025``."""
        return format_day(self.day)


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


def plan_timeline(entries: Sequence[Entry]) -> TimelineLayout:
    """Lay the entries out: one page for one day of coverage, else one page per day.

    A long single day stays one page: a day is the unit readers navigate by, and splitting
    it by hour would scatter one news cycle over pages.
    """
    by_day: dict[date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.posted.date(), []).append(entry)
    split = len(by_day) > 1
    days = tuple(
        TimelineDay(day, f"timeline/{day.isoformat()}.md" if split else SINGLE_PAGE, tuple(items))
        for day, items in by_day.items()
    )
    pages = {entry.anchor: day.page for day in days for entry in day.entries}
    return TimelineLayout(SPLIT_INDEX if split else SINGLE_PAGE, days, pages)


def format_day(day: date) -> str:
    """``16 May 2025`` (no platform-specific strftime flags)."""
    return f"{day.day} {day:%B %Y}"


def entry_label(entry: Entry) -> str:
    """How a link to an entry reads: ``16:56 GMT: Medinsky cites the Congress of Berlin``."""
    return f"{entry.time_label}: {display_headline(entry)}"


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
        self.notes = {note.slug: note for note in explainer.notes}
        self.timeline = plan_timeline(explainer.liveblog.entries)
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
            return self.glossary_page(self.terms[target.id].kind), target.id
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
        if isinstance(target, TermRef):
            return plain_text(self.terms[target.id].summary)
        return plain_text(self.notes[target.slug].summary)


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
