"""The strip at a glance: one mark per entry where it falls in the coverage, and the bar
chart of days on a split timeline's index. Drawn at build time as inline SVG, no JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from ..model import Entry
from .escape import display_headline, escape_attribute
from .router import TimelineDay, entry_label

_STRIP_MARGIN = 4.0
"""Space (in %) kept at both ends so the first and last marks and labels are not cut."""
_MIN_GAP = 7.2
"""Marks are moved apart to at least this (in % of the width): 24 px on a 333 px phone
column, so every mark's 24 x 24 px target is its own. Each keeps a line to its true time."""
_LABEL_Y, _MARK_Y, _AXIS_Y = 14, 38, 62
_HEIGHT = 84


def render_strip(
    entries: Sequence[Entry],
    href: Callable[[Entry], str],
    key: frozenset[str] = frozenset(),
    label: str = "Timeline at a glance",
    headline: Callable[[Entry], str] = display_headline,
) -> str:
    """An inline SVG strip on one row: one mark per entry, at the time it was posted on
    the hour-ticked axis, each a link with a 24 x 24 px target and a label shown on hover
    and focus; key moments are numbered squares, explained by the legend under it.

    Drawn at build time with coordinates in % of the width, so it needs no JavaScript and
    fits any screen. Marks too close to tell apart are moved apart along the row, each
    joined to its true time on the axis by a thin line. One line of HTML, so Markdown
    passes it through as a raw block.
    """
    if not entries:
        return ""
    start, end = _span(entries[0].posted, entries[-1].posted)
    width = (end - start).total_seconds()
    times = [
        _STRIP_MARGIN + (100 - 2 * _STRIP_MARGIN) * (e.posted - start).total_seconds() / width
        for e in entries
    ]
    places = _spread(times)
    marks: list[str] = []
    keys: list[Entry] = []
    for entry, at, x in zip(entries, times, places):
        is_key = entry.anchor in key
        if is_key:
            keys.append(entry)
        name = entry_label(entry, headline) + (f" (key moment {len(keys)})" if is_key else "")
        marks.append(_mark(entry, href(entry), escape_attribute(name), at, x, len(keys) * is_key))
    ticks = "".join(_render_ticks(start, end, _AXIS_Y))
    svg = (
        f'<nav class="explainer-strip" aria-label="{escape_attribute(label)}" '
        f'data-search-exclude><svg width="100%" height="{_HEIGHT}">'
        f'<line class="explainer-strip__axis" x1="{_STRIP_MARGIN}%" y1="{_AXIS_Y}" '
        f'x2="{100 - _STRIP_MARGIN}%" y2="{_AXIS_Y}"/>'
        f'<g aria-hidden="true">{ticks}</g>{"".join(marks)}</svg></nav>'
    )
    return svg + _legend(keys, href, headline)


def _mark(entry: Entry, link: str, name: str, at: float, x: float, number: int) -> str:
    """One entry's mark: a leader to its true time, a 24 px target, the shape, the label."""
    anchor = "start" if x < 30 else ("end" if x > 70 else "middle")
    shape = (
        f'<rect x="{x:.2f}%" y="{_MARK_Y}" width="18" height="18" rx="3" '
        f'transform="translate(-9 -9)"/><text class="explainer-strip__number" x="{x:.2f}%" '
        f'y="{_MARK_Y + 4}" text-anchor="middle">{number}</text>'
        if number
        else f'<circle cx="{x:.2f}%" cy="{_MARK_Y}" r="6"/>'
    )
    return (
        f'<a class="explainer-strip__mark{" explainer-strip__mark--key" if number else ""}" '
        f'href="{escape_attribute(link)}" aria-label="{name}">'
        f'<line class="explainer-strip__leader" x1="{x:.2f}%" y1="{_MARK_Y + 8}" '
        f'x2="{at:.2f}%" y2="{_AXIS_Y}"/>'
        f'<rect class="explainer-strip__target" x="{x:.2f}%" y="{_MARK_Y - 12}" width="24" '
        f'height="24" transform="translate(-12 0)"/>{shape}'
        f'<text class="explainer-strip__label" x="{x:.2f}%" y="{_LABEL_Y}" '
        f'text-anchor="{anchor}" aria-hidden="true">{name}</text></a>'
    )


def _legend(
    keys: list[Entry], href: Callable[[Entry], str], headline: Callable[[Entry], str]
) -> str:
    """What the marks mean, and the key moments the numbered squares stand for."""
    items = "".join(
        f'<li><a href="{escape_attribute(href(entry))}"><span class="explainer-strip__num">'
        f"{number}</span> {escape_attribute(entry_label(entry, headline))}</a></li>"
        for number, entry in enumerate(keys, start=1)
    )
    key_part = (
        '<span class="explainer-strip__swatch explainer-strip__swatch--key"></span> key moment · '
        if keys
        else ""
    )
    legend = (
        '<div class="explainer-strip__legend" data-search-exclude><p>'
        '<span class="explainer-strip__swatch"></span> entry · '
        f"{key_part}hover, focus or tap a mark for its headline</p>"
    )
    if items:
        legend += f'<ol class="explainer-strip__keys" aria-label="Key moments">{items}</ol>'
    return legend + "</div>"


def _spread(times: list[float]) -> list[float]:
    """Positions at least ``_MIN_GAP`` apart (less only when the row is too full), as close
    to each true time as that allows, inside the margins."""
    if len(times) < 2:
        return list(times)
    low, high = _STRIP_MARGIN, 100 - _STRIP_MARGIN
    gap = min(_MIN_GAP, (high - low) / (len(times) - 1))
    places = list(times)
    for i in range(1, len(places)):
        places[i] = max(places[i], places[i - 1] + gap)
    places[-1] = min(places[-1], high)
    for i in range(len(places) - 2, -1, -1):
        places[i] = min(places[i], places[i + 1] - gap)
    places[0] = max(places[0], low)
    for i in range(1, len(places)):
        places[i] = max(places[i], places[i - 1] + gap)
    return places


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
                f'<text x="{x:.2f}%" y="{axis + 17}" text-anchor="middle"{minor}>'
                f"{moment:%H:%M}</text>"
            )
    return ticks


def _count(entries: int) -> str:
    return f"{entries} {'entry' if entries == 1 else 'entries'}"
