"""Dating entries along the page: from a date line (or the page's own date) each entry's
clock is put on a day, walking in the order of posting, and a clock that runs back has
passed midnight. Decided on instants with zones, so a change of offset is no midnight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from ..model import Order
from .dating import Clock, dst_kind, settle, utc
from .durations import stray_stamp
from .lines import Draft, Page


def resolve(moment: datetime, draft: Draft, clock: Clock, after: datetime | None) -> datetime:
    """Settle a time that exists twice or not at all, and report it."""
    kind = dst_kind(moment)
    if kind == "gap":
        clock.warn(draft.line, draft.column, f"{draft.label!r} does not exist on that day "
                   "(the clocks went forward); read with the offset before the change",
                   "check the time against the original", "nonexistent-time")  # fmt: skip
    elif kind == "fold":
        later = moment.replace(fold=1)
        if after is not None and utc(moment) < utc(after) <= utc(later):
            moment = later
        clock.warn(draft.line, draft.column, f"{draft.label!r} happened twice that night "
                   f"(the clocks went back); read as {settle(moment):%H:%M%z}",
                   "write the stamp's zone (EDT or EST), or confirm in source.yml",
                   "ambiguous-time")  # fmt: skip
    return settle(moment)


def section_days(page: Page, clock: Clock) -> dict[int, date]:
    """The date line above each section, by section number (1 for the first date line)."""
    days: dict[int, date] = {}
    for number, ((_, reading), line) in enumerate(zip(page.dates, page.date_lines), start=1):
        day = clock.day_of(reading, line, 1)
        if day is not None:
            days[number] = day
    return days


@dataclass
class _Walk:
    """The drafts being dated, what their stamps state, their zones, and the instants found."""

    drafts: list[Draft]
    moments: list[datetime | None]
    stated: list[datetime | None]
    zones: list[tzinfo]
    clock: Clock


def walk_days(
    page: Page,
    order: Order,
    stated: list[datetime | None],
    zones: list[tzinfo],
    days: dict[int, date],
    published: datetime | date | None,
    updated: datetime | None,
    set_published: date | None,
    clock: Clock,
) -> list[datetime | None]:
    """Instants for every draft: stated ones as they are, others walked from an anchor.

    A date line dates the entry right below it; from there, along the order of posting, a
    clock that runs back has passed midnight (a day no date line names: reported).
    """
    drafts = page.drafts
    walk = _Walk(drafts, list(stated), stated, zones, clock)
    moments = walk.moments
    groups: dict[int, list[int]] = {}
    for i, d in enumerate(drafts):
        groups.setdefault(d.section, []).append(i)
    for section in sorted(groups):
        members = groups[section]
        anchor_day = days.get(section)
        if section == 0 and anchor_day is None and days:
            anchor_day = days[min(days)]
            first = next((i for i in members if "pinned" not in drafts[i].markers), members[0])
            clock.warn(drafts[first].line, drafts[first].column,
                       "entry above the first date line; dated by the date line below it",
                       "check its date, or confirm in source.yml", "before-first-date")  # fmt: skip
            members_below = groups.get(min(days), [])
            _walk_above(walk, members, members_below, anchor_day, order)
            continue
        if anchor_day is not None:
            _walk_section(walk, members, anchor_day, order)
            continue
        if section > 0:
            return [None] * len(drafts)  # its date line is unreadable, and reported
        anchor = _page_anchor(published, updated, set_published)
        if anchor is None:
            if all(stated[i] is not None for i in members):
                continue
            undated = next(i for i in members if stated[i] is None)
            clock.problems.add(drafts[undated].line, drafts[undated].column,
                               f"no date for entry {drafts[undated].label}",
                               "add a date line such as '16 May 2025' above it, or set"
                               " 'published' in source.yml", code="no-date")  # fmt: skip
            return [None] * len(drafts)
        _walk_anchor(walk, members, anchor, order)
    return moments


def _page_anchor(
    published: datetime | date | None, updated: datetime | None, set_published: date | None
) -> tuple[str, datetime | date] | None:
    if set_published is not None:
        return "start", set_published
    if published is not None:
        return "start", published
    if updated is not None:
        return "end", updated
    return None


def _walk_section(walk: _Walk, members: list[int], day: date, order: Order) -> None:
    """Walk one date line's entries in page order from the first, which the line dates."""
    previous: datetime | None = None
    done: list[int] = []  # the entries walked, in order, strays left out
    for index in members:
        if walk.stated[index] is not None:
            previous = walk.stated[index]
            done.append(index)
            continue
        draft = walk.drafts[index]
        moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, order)
        if (
            previous is not None
            and _crosses(moment, previous, order)
            and "pinned" not in draft.markers
        ):
            stray = _stray(walk, members, index, day, done, order)
            if stray == "this":
                walk.moments[index] = moment
                continue
            if not stray:
                day = day + timedelta(days=1 if order == "oldest-first" else -1)
                moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, order)
                _warn_no_date(walk, draft, day)
        walk.moments[index] = moment
        if "pinned" not in draft.markers:
            previous = moment
            done.append(index)


def _walk_above(walk: _Walk, members: list[int], below: list[int], day: date, order: Order) -> None:
    """Entries above the first date line, walked up from the entry right below it."""
    reverse: Order = "oldest-first" if order == "newest-first" else "newest-first"
    start = below[0] if below else None
    previous = walk.moments[start] if start is not None else None
    for index in reversed(members):
        if walk.stated[index] is not None:
            previous = walk.stated[index]
            continue
        draft = walk.drafts[index]
        moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, reverse)
        if (
            previous is not None
            and _crosses(moment, previous, reverse)
            and "pinned" not in draft.markers
        ):
            day = day + timedelta(days=1 if reverse == "oldest-first" else -1)
            moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, reverse)
        walk.moments[index] = moment
        if "pinned" not in draft.markers:
            previous = moment


def _walk_anchor(
    walk: _Walk, members: list[int], anchor: tuple[str, datetime | date], order: Order
) -> None:
    """No date line: the oldest entry starts on the publication date, or the newest ends on
    the day of the last update."""
    where, when = anchor
    day = when.date() if isinstance(when, datetime) else when
    posting = members if order == "oldest-first" else list(reversed(members))
    if where == "end":
        posting.reverse()  # walk back from the newest
    walk_order: Order = "oldest-first" if where == "start" else "newest-first"
    previous: datetime | None = None
    done: list[int] = []  # the entries walked, in order, strays left out
    for position, index in enumerate(posting):
        if walk.stated[index] is not None:
            previous = walk.stated[index]
            done.append(index)
            continue
        draft = walk.drafts[index]
        moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, walk_order)
        if (
            position == 0
            and where == "end"
            and isinstance(when, datetime)
            and utc(moment) > utc(when)
        ):
            day -= timedelta(days=1)
            moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, walk_order)
        if previous is not None and _crosses(moment, previous, walk_order):
            stray = _stray(walk, posting, index, day, done, walk_order)
            if stray == "this":
                walk.moments[index] = moment
                continue
            if not stray:
                day += timedelta(days=1 if walk_order == "oldest-first" else -1)
                moment = _on_day(day, draft, walk.zones[index], walk.clock, previous, walk_order)
                if day not in walk.clock.stated_days:
                    _warn_no_date(walk, draft, day)
        walk.moments[index] = moment
        previous = moment
        done.append(index)


def _stray(
    walk: _Walk, members: list[int], index: int, day: date, done: list[int], order: Order
) -> str:
    """At a clock that would roll the day over: ``this`` when the entry after it, on this
    day, follows the one before it in order; ``previous`` when this entry follows the one
    before the last (the last was out of place); else "" (a midnight). A stray keeps the
    day and is reported out-of-order, so no other entry moves (``durations.stray_stamp``)."""
    before = walk.moments[done[-1]]
    assert before is not None
    later = [
        i for i in members[members.index(index) + 1 :] if "pinned" not in walk.drafts[i].markers
    ]
    following = None
    if later:
        nxt = later[0]
        following = walk.stated[nxt] or walk.clock.instant(
            day, walk.drafts[nxt].reading, walk.zones[nxt]
        )
    moment = walk.clock.instant(day, walk.drafts[index].reading, walk.zones[index])
    earlier = walk.moments[done[-2]] if len(done) > 1 and walk.stated[done[-1]] is None else None
    crosses = lambda m, p: _crosses(m, p, order)  # noqa: E731
    if stray_stamp(before, following, crosses):
        _warn_stray(walk, walk.drafts[index])
        return "this"
    if earlier is not None and stray_stamp(earlier, moment, crosses):
        _warn_stray(walk, walk.drafts[done.pop()])
        return "previous"
    return ""


def _warn_stray(walk: _Walk, draft: Draft) -> None:
    draft.markers.add("stray")  # reported here; check_order passes over it
    walk.clock.warn(draft.line, draft.column, f"entry {draft.label} is out of order: the"
                    " entries before and after it follow each other on one day",
                    "check its stamp (a video length or a typo?); no day was changed",
                    "out-of-order")  # fmt: skip


def _warn_no_date(walk: _Walk, draft: Draft, day: date) -> None:
    walk.clock.warn(draft.line, draft.column, f"entry {draft.label} is on a day no date line"
                    f" names ({day:%-d %B %Y}, past midnight)",
                    "add the date line, or confirm in source.yml", "no-date")  # fmt: skip


def _against(moment: datetime, previous: datetime, order: Order) -> bool:
    if order == "oldest-first":
        return _earlier(moment, previous)
    return _earlier(previous, moment)


def _earlier(moment: datetime, other: datetime) -> bool:
    """``utc(moment) < utc(other)``, converting only where it matters: Python compares two
    zones, or one fixed offset, by instant; one ZoneInfo by clock face, fold ignored."""
    if moment.tzinfo is not other.tzinfo or isinstance(moment.tzinfo, timezone):
        return moment < other
    return utc(moment) < utc(other)


def _crosses(moment: datetime, previous: datetime, order: Order) -> bool:
    """Past midnight: the instant runs back, and so does the clock face when the offsets
    differ ('10:02 BST' after '10:00 GMT' is out of order, not the next day; '1:05 EST'
    after '1:20 EDT' runs forward, so no midnight)."""
    if not _against(moment, previous, order):
        return False
    if moment.utcoffset() == previous.utcoffset():
        return True
    face, face_before = moment.time(), previous.time()
    return face < face_before if order == "oldest-first" else face > face_before


def _on_day(
    day: date, draft: Draft, zone: tzinfo, clock: Clock, previous: datetime | None, order: Order
) -> datetime:
    moment = clock.instant(day, draft.reading, zone)
    after = previous if order == "oldest-first" else None
    if order == "newest-first" and previous is not None and dst_kind(moment) == "fold":
        earlier = moment.replace(fold=0)
        if not utc(earlier) < utc(previous):
            moment = moment.replace(fold=1)
        return resolve(moment, draft, clock, None)
    return resolve(moment, draft, clock, after)


def check_order(dated: list[tuple[datetime, Draft]], order: Order, clock: Clock) -> None:
    """out-of-order at the first entry that breaks the page's order (pinned ones exempt)."""
    previous: datetime | None = None
    for moment, draft in dated:
        if "pinned" in draft.markers or "stray" in draft.markers:
            continue
        if previous is not None and _crosses(moment, previous, order):
            clock.warn(draft.line, draft.column, f"entry {draft.label} is out of order",
                       "check its stamp; the timeline lists entries by time",
                       "out-of-order")  # fmt: skip
            return
        previous = moment
