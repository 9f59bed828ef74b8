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

from ..model import Entry, Explainer
from .escape import first_words, plain_text

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


def entry_label(entry: Entry, limit: int = 60) -> str:
    """How a link to an entry reads: ``16:56 GMT: The West’s interference…``."""
    words = first_words(entry.paragraphs[0].text, limit) if entry.paragraphs else ""
    return f"{entry.time_label}: {words}" if words else entry.time_label


class Router:
    """Where every entry, term and note lives, and relative links between pages."""

    def __init__(
        self, explainer: Explainer, site_url: str = "", directory_urls: bool = True
    ) -> None:
        self.explainer = explainer
        self.terms = {term.id: term for term in explainer.glossary}
        self.notes = {note.slug: note for note in explainer.notes}
        self.timeline = plan_timeline(explainer.liveblog.entries)
        self.site_url = site_url
        self.directory_urls = directory_urls
        self.links: dict[tuple[str, str], str] = {}
        """(from page, target) -> link: a big explainer links the same pairs 100,000s of times."""

    def entry_page(self, anchor: str) -> str:
        """The page that shows an entry: its day's page when the timeline is split."""
        if anchor in ("intro", "headline"):
            return "index.md"
        return self.timeline.pages[anchor]

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

    def target_page(self, target: str) -> tuple[str, str]:
        """(page, anchor) of ``term:id`` / ``note:slug`` / an entry anchor."""
        kind, _, key = target.partition(":")
        if kind == "term":
            return f"glossary/{KIND_PAGES[self.terms[key].kind][0]}.md", key
        if kind == "note":
            return f"background/{key}.md", ""
        return self.entry_page(target), "" if target in ("intro", "headline") else target

    def link(self, from_page: str, target: str) -> str:
        link = self.links.get((from_page, target))
        if link is None:
            page, anchor = self.target_page(target)
            link = relative(from_page, page) + (f"#{anchor}" if anchor else "")
            self.links[from_page, target] = link
        return link

    def title(self, target: str) -> str:
        kind, _, key = target.partition(":")
        return self.terms[key].name if kind == "term" else self.notes[key].title

    def tooltip(self, target: str) -> str:
        kind, _, key = target.partition(":")
        summary = self.terms[key].summary if kind == "term" else self.notes[key].summary
        return plain_text(summary)


@cache  # called for every link; a site has few pages but a large one has 100,000s of links
def relative(from_page: str, to_page: str) -> str:
    """Relative Markdown link from one page path to another (MkDocs resolves ``.md``)."""
    if from_page == to_page:
        return ""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
