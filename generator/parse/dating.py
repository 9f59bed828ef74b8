"""The post-pass: instants for the page's stamps, the order, and the checks on them.

Every entry gets an instant (a date, a clock and a zone from zoneinfo), decided on instants,
not clock faces: midnight is crossed when the next instant on the same day would come
before the last one; a time that exists twice on an autumn night takes the reading that
keeps the order; a time that does not exist on a spring night is read with the offset that
applied before the change. Each doubtful reading is reported with its code.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from ..errors import Problem, ProblemCollector
from ..model import Order
from .dateline import Reading
from .lines import Draft, Page
from .zones import AmbiguousZone, zone_of_abbreviation

_FAMILIES = {
    "ET": "US-East", "CT": "US-Central", "MT": "US-Mountain", "PT": "US-Pacific",
    "EST": "US-East", "EDT": "US-East", "CDT": "US-Central", "CST": "US-Central",
    "MST": "US-Mountain", "MDT": "US-Mountain", "PST": "US-Pacific", "PDT": "US-Pacific",
    "GMT": "UK", "BST": "UK", "CET": "CE", "CEST": "CE", "MEZ": "CE", "MESZ": "CE",
    "EET": "EE", "EEST": "EE", "AEST": "AU-East", "AEDT": "AU-East", "NZST": "NZ", "NZDT": "NZ",
}  # fmt: skip
"""Abbreviations that are one region's winter and summer clocks, for offset changes."""

_REGIONS = {
    "US-East": "America/New_York", "US-Central": "America/Chicago",
    "US-Mountain": "America/Denver", "US-Pacific": "America/Los_Angeles", "UK": "Europe/London",
    "CE": "Europe/Berlin", "EE": "Europe/Helsinki", "AU-East": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
}  # fmt: skip
"""Each family's clocks, to tell a change of summer time from a mix of abbreviations."""

_YEARS = range(1900, 2200)
"""Years a live-blog can be dated in; others are typing mistakes."""


@dataclass
class Clock:
    """What the parser needs to read stamps: zones, the capture time, the reference day."""

    problems: ProblemCollector
    warnings: list[Problem]
    setting: tzinfo | None
    statement: tzinfo | None
    captured: datetime | None
    reference: date | None = None
    """The page's own date (published or updated), for date lines without a year."""
    entry_zone: tzinfo | None = None
    page_zone: tzinfo | None = None
    """The zone the page's datelines name, for stamps when nothing else says."""
    last_dated: date | None = None
    """The last date line with a year, for a later one without."""
    zone_assumed: bool = False
    families: dict[int, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    """The page's lines, normalised, for messages that quote one."""
    stated_days: set[date] = field(default_factory=set)
    """Days the page's header datelines name in full: crossing into one needs no warning."""
    named: dict[str, tzinfo | AmbiguousZone | None] = field(default_factory=dict)
    reported: set[int] = field(default_factory=set)
    """Lines whose zone has been reported, so a zone read twice is reported once."""

    def warn(self, line: int, column: int, message: str, hint: str, code: str) -> None:
        self.warnings.append(Problem(self.problems.path, line, column, message, hint, code))

    def zone(self, reading: Reading, line: int, column: int) -> tzinfo | None:
        """The zone a stamp names, or the page's; None if there is none at all."""
        if reading.zone:
            try:
                zone = self._zone_named(reading.zone)
            except AmbiguousZone as error:
                self._zone_problem(line, reading.zone_column or column,
                                   f"the zone {reading.zone!r} is ambiguous: {error}",
                                   "set 'timezone' in source.yml (e.g. Asia/Kolkata or"
                                   " America/Chicago)", "ambiguous-zone")  # fmt: skip
                return timezone.utc
            if zone is None:
                self._zone_problem(line, reading.zone_column or column,
                                   f"unknown time zone {reading.zone!r}",
                                   "use a zone abbreviation such as GMT, BST, CEST, EDT or MSK,"
                                   " an offset such as GMT+3, or set 'timezone' in source.yml"
                                   " and drop it", "unknown-zone")  # fmt: skip
                return timezone.utc
            family = _FAMILIES.get(reading.zone.upper())
            if family:
                self.families[line] = family
            return zone
        return self.statement or self.setting or self.entry_zone or self.page_zone

    def _zone_named(self, name: str) -> tzinfo | None:
        """zone_of_abbreviation, once per abbreviation (a blog repeats its zone)."""
        if name not in self.named:
            try:
                self.named[name] = zone_of_abbreviation(name, self.setting)
            except AmbiguousZone as error:
                self.named[name] = error
        found = self.named[name]
        if isinstance(found, AmbiguousZone):
            raise found
        return found

    def _zone_problem(self, line: int, column: int, message: str, hint: str, code: str) -> None:
        if line in self.reported:
            return
        self.reported.add(line)
        if 0 < line <= len(self.texts):
            message += f" in {'time' if code == 'unknown-zone' else 'the'} line"
            message += f" {self.texts[line - 1]!r}"
        self.problems.add(line, column, message, hint, code=code)

    def day_of(self, reading: Reading, line: int, column: int) -> date | None:
        """The date a stamp states (year inferred and reported when missing)."""
        if reading.relative_day is not None:
            if self.captured is None:
                self.problems.add(
                    line,
                    column,
                    "'today' or 'yesterday' needs to know when the page was copied",
                    "set 'captured' in source.yml, e.g. captured: \"2025-05-16T23:10:00+02:00\"",
                    code="needs-capture-time",
                )
                return None
            return self.captured.date() + timedelta(days=reading.relative_day)
        if reading.month is None or reading.day is None:
            return None
        if not (1 <= reading.month <= 12 and 1 <= reading.day <= 31):
            self.problems.add(line, column,
                              f"not a valid date: '{reading.day}/{reading.month}'",
                              "check the date line against the original",
                              code="unreadable-date")  # fmt: skip
            return None
        year = reading.year
        if year is None:
            year = self._infer_year(reading, line, column)
            if year is None:
                return None
        day = self._valid_day(year, reading.month, reading.day, line, column)
        if day is None:
            return None
        if reading.weekday is not None and reading.weekday != day.weekday():
            self.warn(
                line,
                column,
                f"{day:%-d %B %Y} was a {day:%A}, not a {calendar.day_name[reading.weekday]};"
                " using the date",
                "check the date line against the original",
                "weekday-mismatch",
            )
        if reading.year is not None:
            self.last_dated = day
        return day

    def _valid_day(self, year: int, month: int, number: int, line: int, column: int) -> date | None:
        if not 1 <= month <= 12:
            hint = "a month runs from 1 to 12; check the date against the original"
            written = f"{number}/{month}/{year}"
        else:
            written = f"{number} {calendar.month_name[month]} {year:04d}"
            length = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
            hint = f"{calendar.month_name[month]} {year} has {length} days"
            if not _YEARS.start <= year < _YEARS.stop:
                hint = f"live-blog years run from {_YEARS.start} to {_YEARS.stop - 1}"
            elif 1 <= number <= length:
                return date(year, month, number)
        self.problems.add(
            line, column, f"not a valid date: {written!r}", hint, code="unreadable-date"
        )
        return None

    def _infer_year(self, reading: Reading, line: int, column: int) -> int | None:
        reference = self.reference or (self.captured.date() if self.captured else None)
        if reference is None and self.last_dated is not None:
            return self._year_near(reading, self.last_dated, line, column)
        if reference is None:
            self.problems.add(
                line,
                column,
                "date line has no year, and the page states none",
                "set 'published' in source.yml",
                code="unreadable-date",
            )
            return None
        assert reading.month is not None and reading.day is not None
        best = None
        for year in (reference.year + 1, reference.year, reference.year - 1):
            try:
                candidate = date(year, reading.month, reading.day)
            except ValueError:
                continue
            if candidate <= reference + timedelta(days=2):
                best = year
                break
        if best is None:
            self._no_year(reading, line, column)
            return None
        self.warn(
            line,
            column,
            f"date line has no year; reading it as {best}",
            "confirm it in source.yml ('confirm: {year-inferred: [...]}') or set 'published'",
            "year-inferred",
        )
        return best

    def _no_year(self, reading: Reading, line: int, column: int) -> None:
        self.problems.add(line, column, f"no year has a {reading.day}/{reading.month} near the"
                          " page's date", "check the date line, or write its year",
                          code="unreadable-date")  # fmt: skip

    def _year_near(self, reading: Reading, near: date, line: int, column: int) -> int | None:
        """The year that puts a yearless date closest to a dated line above it."""
        assert reading.month is not None and reading.day is not None
        best: tuple[int, int] | None = None
        for year in (near.year - 1, near.year, near.year + 1):
            try:
                distance = abs((date(year, reading.month, reading.day) - near).days)
            except ValueError:
                continue
            if best is None or distance < best[0]:
                best = (distance, year)
        if best is None:
            self._no_year(reading, line, column)
            return None
        self.warn(line, column, f"date line has no year; reading it as {best[1]}, as the date"
                  f" line above ({near:%-d %B %Y})",
                  "confirm it in source.yml ('confirm: {year-inferred: [...]}')",
                  "year-inferred")  # fmt: skip
        return best[1]

    def instant(self, day: date, reading: Reading, zone: tzinfo) -> datetime:
        """The stamp's clock on ``day`` in ``zone``, as written (fold 0)."""
        return datetime.combine(day, clock_of(reading), tzinfo=zone)

    def default_zone(self, line: int, column: int) -> tzinfo:
        """No zone on the stamp, on the page or in source.yml: an error at the first such
        stamp (a guess would shift every entry by hours), then UTC so the parse goes on."""
        if not self.zone_assumed:
            self.zone_assumed = True
            self.problems.add(
                line,
                column,
                "time line has no zone, and the page states none",
                "set 'timezone' in source.yml, e.g. Europe/Lisbon or America/Sao_Paulo",
                code="unknown-zone",
            )
        return timezone.utc


def entry_anchor(posted: datetime) -> str:
    """An entry's anchor before any same-minute suffix (``2025-05-16-1656``), on any page."""
    # The fields, not strftime (%Y-%m-%d-%H%M): the same text, a third of the time.
    return f"{posted.year}-{posted.month:02}-{posted.day:02}-{posted.hour:02}{posted.minute:02}"


def utc(moment: datetime) -> datetime:
    """The instant in UTC: aware datetimes in one tzinfo compare by clock face, fold ignored."""
    return moment.astimezone(timezone.utc)


def settle(moment: datetime) -> datetime:
    """The instant shown on the clock in force then (2:30 EST in a spring gap: 03:30 EDT)."""
    if isinstance(moment.tzinfo, timezone) and not moment.fold:
        return moment  # a fixed offset has no gap: the clock is the one written
    return utc(moment).astimezone(moment.tzinfo)


def clock_of(reading: Reading) -> time:
    hour, minute = reading.hour or 0, reading.minute or 0
    if reading.meridiem is not None:
        hour = hour % 12 + reading.meridiem
    return time(min(hour, 23), min(minute, 59))


def valid_clock(reading: Reading) -> bool:
    hour, minute = reading.hour or 0, reading.minute or 0
    if reading.meridiem is not None:
        return 1 <= hour <= 12 and minute <= 59
    return hour <= 23 and minute <= 59


def dst_kind(moment: datetime) -> str:
    """``gap`` (the time does not exist), ``fold`` (it exists twice) or ``""``."""
    if not isinstance(moment.tzinfo, ZoneInfo):
        return ""
    other = moment.replace(fold=1 - moment.fold)
    if other.utcoffset() == moment.utcoffset():
        return ""
    back = moment.astimezone(timezone.utc).astimezone(moment.tzinfo)
    return "gap" if back.replace(tzinfo=None) != moment.replace(tzinfo=None) else "fold"


def detect_order(
    page: Page, instants: list[datetime | None], stated: list[bool], zones: list[tzinfo]
) -> Order:
    """The order in which stated instants run; else the one that spans the least time."""
    known = [moment for moment, is_stated in zip(instants, stated) if is_stated and moment]
    if len(known) >= 2:
        known = [utc(moment) for moment in known]
        rising = sum(a < b for a, b in zip(known, known[1:]))
        falling = sum(a > b for a, b in zip(known, known[1:]))
        if rising != falling:
            return "oldest-first" if rising > falling else "newest-first"
    faces = [_utc_minutes(d.reading, None) for d in page.drafts]
    utcs = [_utc_minutes(d.reading, zone) for d, zone in zip(page.drafts, zones)]
    sections = [d.section for d in page.drafts]

    def cost(order: Order) -> tuple[int, int]:
        """Date lines against the order, then the least time spanned, read on the clock faces
        or in UTC (mixed zones: '02:15 CET' follows '02:30 CEST')."""
        spans = [_span(minutes, sections, order) for minutes in (faces, utcs)]
        return _dates_against(page, order), min(spans)

    return "oldest-first" if cost("oldest-first") < cost("newest-first") else "newest-first"


def _span(minutes: list[int], sections: list[int], order: Order) -> int:
    """Minutes from the first post to the last, each run-back of the clock a midnight."""
    sequence = list(zip(minutes, sections))
    if order == "newest-first":
        sequence.reverse()
    span = 0
    for (before, section_a), (after, section_b) in zip(sequence, sequence[1:]):
        if section_a == section_b:
            span += after - before if after >= before else after + 2 * 1440 - before
    return span


def _dates_against(page: Page, order: Order) -> int:
    against = 0
    for (_, first), (_, second) in zip(page.dates, page.dates[1:]):
        if first.month and second.month and first.day and second.day:
            a = (first.year or 0, first.month, first.day)
            b = (second.year or 0, second.month, second.day)
            if a != b and (a > b) != (order == "newest-first"):
                against += 1
    return against


def _utc_minutes(reading: Reading, zone: tzinfo | None) -> int:
    """The stamp's minute of the day in UTC (on its face, without a zone)."""
    face = clock_of(reading)
    if zone is None:
        return face.hour * 60 + face.minute
    if isinstance(zone, timezone):  # a fixed offset: the same on any day
        offset = zone.utcoffset(None)
    else:
        offset = datetime.combine(_REFERENCE_DAY, face, tzinfo=zone).utcoffset() or timedelta()
    return face.hour * 60 + face.minute - int(offset.total_seconds() // 60)


_REFERENCE_DAY = date(2025, 1, 15)
"""For a region's zone when the day is not yet known: winter time, the same for every stamp."""


def check_offsets(drafts: list[tuple[datetime, Draft]], clock: Clock) -> None:
    """offset-change at the first entry (in time) on which one zone's offset changes."""
    last: dict[str, tuple[datetime, timedelta | None]] = {}
    for moment, draft in sorted(drafts, key=lambda pair: utc(pair[0])):
        if draft.reading.zone and draft.line not in clock.families:
            continue
        family = clock.families.get(draft.line) or f"zone:{moment.tzinfo}"
        offset = moment.utcoffset()
        before = last.get(family)
        if before is not None and before[1] != offset and _transition(family, before[0], moment):
            clock.warn(
                draft.line,
                draft.column,
                f"the offset changes here, from {_format_offset(before[1])} to "
                f"{_format_offset(offset)} (summer time began or ended)",
                "check the times around the change; confirm in source.yml if right",
                "offset-change",
            )
        last[family] = (moment, offset)


def _transition(family: str, before: datetime, after: datetime) -> bool:
    """The region's clocks changed between two instants: GMT and BST stamps on one day in
    May are a writing habit (GMT for UTC), not summer time beginning."""
    region = _REGIONS.get(family)
    if region is None:
        return True
    zone = ZoneInfo(region)
    return before.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset()


def _format_offset(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
