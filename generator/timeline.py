"""The timeline's layout and its reader aids: day pages, the strip at a glance, key moments
and schema.org JSON-LD.

Layout: a timeline that covers one day is one page (``timeline.md``). Coverage of several
days is split into an index (``timeline/index.md``) and one page per day
(``timeline/2025-05-16.md``), so no page grows with the length of the coverage. Entry anchors
carry their date, so they stay the same and unique whichever page holds them; the Router
asks ``TimelineLayout.pages`` where each entry lives.

Everything here is plain strings and dates; ``render`` assembles the pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .markdown_text import escape_attribute, first_words
from .model import Entry, SourceInfo

SINGLE_PAGE = "timeline.md"
SPLIT_INDEX = "timeline/index.md"

_STRIP_LANES = 3
"""Rows the strip's marks may take when posts crowd together."""
_STRIP_GAP = 3.0
"""Marks closer than this (in % of the strip's width) go to another row."""
_STRIP_MARGIN = 4.0
"""Space (in %) kept at both ends so the first and last marks and labels are not cut."""
_LANE_HEIGHT = 16
_AXIS_TOP = 10
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
"""A string in JSON text, escapes included."""


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


# -- key moments ---------------------------------------------------------------------------


def find_entries(key: str, entries: Sequence[Entry]) -> list[Entry]:
    """The entries a key moment names: by anchor, else by ``HH:MM`` (may be several)."""
    by_anchor = [entry for entry in entries if entry.anchor == key]
    if by_anchor:
        return by_anchor
    clock = key.zfill(5)
    return [entry for entry in entries if entry.clock == clock]


def key_moments(keys: Sequence[str], entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries marked as key, oldest first (``build`` has checked each names one)."""
    chosen = {entry.anchor for key in keys for entry in find_entries(key, entries)[:1]}
    return tuple(entry for entry in entries if entry.anchor in chosen)


# -- the strip at a glance -----------------------------------------------------------------


def render_strip(
    entries: Sequence[Entry],
    href: Callable[[Entry], str],
    key: frozenset[str] = frozenset(),
    label: str = "Timeline at a glance",
) -> str:
    """An inline SVG strip: one mark per entry at the time it was posted, each a link.

    Drawn at build time with coordinates in % of the width, so it needs no JavaScript,
    fits any screen, and its text keeps its size. Marks that would touch move to another
    row. One line of HTML, so Markdown passes it through as a raw block.
    """
    if not entries:
        return ""
    start, end = _span(entries[0].posted, entries[-1].posted)
    width = (end - start).total_seconds()
    lanes: list[float] = []
    marks: list[str] = []
    for entry in entries:
        x = _STRIP_MARGIN + (100 - 2 * _STRIP_MARGIN) * (
            (entry.posted - start).total_seconds() / width
        )
        lane = _choose_lane(lanes, x)
        cy = _AXIS_TOP + _LANE_HEIGHT * lane + _LANE_HEIGHT // 2
        name = escape_attribute(
            entry_label(entry) + (" (key moment)" if entry.anchor in key else "")
        )
        shape = (
            f'<rect x="{x:.2f}%" y="{cy}" width="12" height="12" '
            f'transform="translate(-6 -6)" rx="2"/>'
            if entry.anchor in key
            else f'<circle cx="{x:.2f}%" cy="{cy}" r="5"/>'
        )
        css = (
            "explainer-strip__mark explainer-strip__mark--key"
            if entry.anchor in key
            else ("explainer-strip__mark")
        )
        marks.append(
            f'<a class="{css}" href="{escape_attribute(href(entry))}" aria-label="{name}">'
            f"<title>{name}</title>{shape}</a>"
        )
    rows = max(1, len(lanes))
    axis = _AXIS_TOP + _LANE_HEIGHT * rows + 4
    height = axis + 18
    ticks = "".join(_render_ticks(start, end, axis))
    return (
        f'<nav class="explainer-strip" aria-label="{escape_attribute(label)}" '
        f'data-search-exclude><svg width="100%" height="{height}">'
        f'<line class="explainer-strip__axis" x1="{_STRIP_MARGIN}%" y1="{axis}" '
        f'x2="{100 - _STRIP_MARGIN}%" y2="{axis}"/>'
        f'<g aria-hidden="true">{ticks}</g>{"".join(marks)}</svg></nav>'
    )


def render_day_chart(days: Sequence[TimelineDay], href: Callable[[TimelineDay], str]) -> str:
    """The split timeline's strip: one bar per day, as tall as the day is busy, linking to
    the day's page."""
    if not days:
        return ""
    most = max(len(day.entries) for day in days)
    step = (100 - 2 * _STRIP_MARGIN) / len(days)
    bars = []
    for index, day in enumerate(days):
        count = len(day.entries)
        tall = max(3, round(48 * count / most))
        name = escape_attribute(f"{day.label}: {_count(count)}")
        bars.append(
            f'<a class="explainer-strip__mark" href="{escape_attribute(href(day))}" '
            f'aria-label="{name}"><title>{name}</title>'
            f'<rect x="{_STRIP_MARGIN + step * index + step * 0.15:.2f}%" y="{56 - tall}" '
            f'width="{step * 0.7:.2f}%" height="{tall}" rx="1"/></a>'
        )
    first, last = days[0], days[-1]
    labels = (
        f'<text x="{_STRIP_MARGIN}%" y="72" text-anchor="start">{first.label}</text>'
        f'<text x="{100 - _STRIP_MARGIN}%" y="72" text-anchor="end">{last.label}</text>'
        if len(days) > 1
        else f'<text x="50%" y="72" text-anchor="middle">{first.label}</text>'
    )
    return (
        '<nav class="explainer-strip" aria-label="Days at a glance" data-search-exclude>'
        '<svg width="100%" height="78">'
        f'<line class="explainer-strip__axis" x1="{_STRIP_MARGIN}%" y1="57" '
        f'x2="{100 - _STRIP_MARGIN}%" y2="57"/>'
        f'<g aria-hidden="true">{labels}</g>{"".join(bars)}</svg></nav>'
    )


def _span(first: datetime, last: datetime) -> tuple[datetime, datetime]:
    """Whole hours around the coverage, so the ticks fall on round times."""
    start = first.replace(minute=0, second=0, microsecond=0)
    end = last.replace(minute=0, second=0, microsecond=0)
    if end < last or end == start:
        end += timedelta(hours=1)
    return start, end


def _choose_lane(lanes: list[float], x: float) -> int:
    """The first row whose last mark is far enough to the left; else the least crowded."""
    for lane, last in enumerate(lanes):
        if x - last >= _STRIP_GAP:
            lanes[lane] = x
            return lane
    if len(lanes) < _STRIP_LANES:
        lanes.append(x)
        return len(lanes) - 1
    lane = min(range(len(lanes)), key=lambda i: lanes[i])
    lanes[lane] = x
    return lane


def _render_ticks(start: datetime, end: datetime, axis: int) -> list[str]:
    hours = int((end - start).total_seconds() // 3600)
    # At most eight labels; every other one is "minor" and hidden on narrow screens (CSS),
    # so labels never run into each other on a phone.
    every = next(step for step in (1, 2, 3, 4, 6, 12, 24) if hours / step <= 8)
    ticks = []
    for hour in range(hours + 1):
        x = _STRIP_MARGIN + (100 - 2 * _STRIP_MARGIN) * hour / hours
        ticks.append(f'<line x1="{x:.2f}%" y1="{axis - 3}" x2="{x:.2f}%" y2="{axis + 3}"/>')
        if hour % every == 0:
            moment = start + timedelta(hours=hour)
            minor = ' class="explainer-strip__minor"' if (hour // every) % 2 else ""
            ticks.append(
                f'<text x="{x:.2f}%" y="{axis + 16}" text-anchor="middle"{minor}>'
                f"{moment:%H:%M}</text>"
            )
    return ticks


def _count(entries: int) -> str:
    return f"{entries} {'entry' if entries == 1 else 'entries'}"


# -- structured data -----------------------------------------------------------------------


def render_jsonld(
    source: SourceInfo,
    headline: str,
    coverage: tuple[datetime, datetime],
    entries: Sequence[Entry],
    page_url: str,
    entry_url: Callable[[Entry], str],
) -> str:
    """A schema.org LiveBlogPosting for one timeline page, as a ``<script>`` element.

    ``liveBlogUpdate`` lists the page's own entries (none on a split timeline's index), so
    no page carries the whole coverage. ``<``, ``>`` and ``&`` are written as ``\\u003c``
    etc., so no text of the source can close the script element.
    """
    posting: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": headline,
        "datePublished": source.published.isoformat(),
        "coverageStartTime": coverage[0].isoformat(),
        "coverageEndTime": coverage[1].isoformat(),
        "inLanguage": source.language,
        "publisher": {"@type": "Organization", "name": source.outlet},
    }
    if page_url:
        posting["url"] = page_url
    if source.url:
        posting["isBasedOn"] = source.url
    if entries:
        posting["liveBlogUpdate"] = [
            {
                "@type": "BlogPosting",
                "headline": first_words(entry.paragraphs[0].text, 110) if entry.paragraphs else "",
                "datePublished": entry.posted.isoformat(),
                "url": entry_url(entry),
                "articleBody": "\n\n".join(p.text for p in entry.paragraphs),
            }
            for entry in entries
        ]
    text = json.dumps(posting, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    # "{" inside strings too: Markdown preprocessors such as CriticMarkup rewrite "{++ ++}"
    # even inside HTML, before it is set aside.
    text = _JSON_STRING.sub(lambda string: string[0].replace("{", "\\u007b"), text)
    # U+2028/9 are fine in JSON but end a line for some tools; keep the script on one line.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'
