"""The strip at a glance: one mark per entry where it falls in the coverage, and the bar
chart of days on a split timeline's index. Drawn at build time as inline SVG, no JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from ..model import Entry
from .escape import escape_attribute
from .router import TimelineDay, entry_label

_STRIP_LANES = 3
"""Rows the strip's marks may take when posts crowd together."""
_STRIP_GAP = 3.0
"""Marks closer than this (in % of the strip's width) go to another row."""
_STRIP_MARGIN = 4.0
"""Space (in %) kept at both ends so the first and last marks and labels are not cut."""
_LANE_HEIGHT = 16
_AXIS_TOP = 10


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
