"""The post-pass: instants for the page's stamps, the order, and the checks on them.

Every entry gets an instant (a date, a clock and a zone from zoneinfo), decided on instants,
not clock faces: midnight is crossed when the next instant on the same day would come
before the last one; a time that exists twice on an autumn night takes the reading that
keeps the order; a time that does not exist on a spring night is read with the offset that
applied before the change. Each doubtful reading is reported with its code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from ..errors import Problem, ProblemCollector
from ..model import Order
from .dateline import Reading
from .lines import Draft, Page
from .zones import AmbiguousZone, zone_of_abbreviation

_FAMILIES = {
    "EST": "US-East", "EDT": "US-East", "CDT": "US-Central", "CST": "US-Central",
    "MST": "US-Mountain", "MDT": "US-Mountain", "PST": "US-Pacific", "PDT": "US-Pacific",
    "GMT": "UK", "BST": "UK", "CET": "CE", "CEST": "CE", "MEZ": "CE", "MESZ": "CE",
    "EET": "EE", "EEST": "EE", "AEST": "AU-East", "AEDT": "AU-East", "NZST": "NZ", "NZDT": "NZ",
}  # fmt: skip
"""Abbreviations that are one region's winter and summer clocks, for offset changes."""


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
    zone_assumed: bool = False
    families: dict[int, str] = field(default_factory=dict)

    def warn(self, line: int, column: int, message: str, hint: str, code: str) -> None:
        self.warnings.append(Problem(self.problems.path, line, column, message, hint, code))

    def zone(self, reading: Reading, line: int, column: int) -> tzinfo | None:
        """The zone a stamp names, or the page's; None if there is none at all."""
        if reading.zone:
            try:
                zone = zone_of_abbreviation(reading.zone, self.setting)
            except AmbiguousZone as error:
                self.problems.add(
                    line,
                    reading.zone_column or column,
                    f"the zone {reading.zone!r} is ambiguous: {error}",
                    "set 'timezone' in source.yml (e.g. Asia/Kolkata or America/Chicago)",
                    code="ambiguous-zone",
                )
                return timezone.utc
            if zone is None:
                self.problems.add(
                    line,
                    reading.zone_column or column,
                    f"unknown time zone {reading.zone!r}",
                    "use an abbreviation from README's zone table or an offset such as GMT+3,"
                    " or set 'timezone' in source.yml",
                    code="unknown-zone",
                )
                return timezone.utc
            family = _FAMILIES.get(reading.zone.upper())
            if family:
                self.families[line] = family
            return zone
        return self.statement or self.setting or self.entry_zone or self.page_zone

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
        year = reading.year
        if year is None:
            year = self._infer_year(reading, line, column)
            if year is None:
                return None
        try:
            day = date(year, reading.month, reading.day)
        except ValueError:
            self.problems.add(
                line,
                column,
                f"not a valid date: {reading.day}/{reading.month}/{year}",
                "check the date line against the original",
                code="unreadable-date",
            )
            return None
        if reading.weekday is not None and reading.weekday != day.weekday():
            self.warn(
                line,
                column,
                f"{day:%-d %B %Y} was a {day:%A}, not the weekday the line names; using the date",
                "check the date line against the original",
                "weekday-mismatch",
            )
        return day

    def _infer_year(self, reading: Reading, line: int, column: int) -> int | None:
        reference = self.reference or (self.captured.date() if self.captured else None)
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
            return None
        self.warn(
            line,
            column,
            f"date line has no year; reading it as {best}",
            "confirm it in source.yml ('confirm: {year-inferred: [...]}') or set 'published'",
            "year-inferred",
        )
        return best

    def instant(self, day: date, reading: Reading, zone: tzinfo) -> datetime:
        """The stamp's clock on ``day`` in ``zone``, as written (fold 0)."""
        return datetime.combine(day, clock_of(reading), tzinfo=zone)

    def default_zone(self, line: int, column: int) -> tzinfo:
        if not self.zone_assumed:
            self.zone_assumed = True
            self.warn(
                line,
                column,
                "time line has no zone; assuming UTC",
                "set 'timezone' in source.yml",
                "no-zone",
            )
        return timezone.utc


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


def detect_order(page: Page, instants: list[datetime | None], stated: list[bool]) -> Order:
    """The order in which stated instants run; else the one that spans the least time."""
    known = [moment for moment, is_stated in zip(instants, stated) if is_stated and moment]
    if len(known) >= 2:
        rising = sum(a < b for a, b in zip(known, known[1:]))
        falling = sum(a > b for a, b in zip(known, known[1:]))
        if rising != falling:
            return "oldest-first" if rising > falling else "newest-first"
    minutes = [clock_of(d.reading).hour * 60 + clock_of(d.reading).minute for d in page.drafts]
    sections = [d.section for d in page.drafts]

    def cost(order: Order) -> tuple[int, int]:
        sequence = list(zip(minutes, sections))
        if order == "newest-first":
            sequence.reverse()
        span, shifts, against = 0, 0, 0
        for (before, section_a), (after, section_b) in zip(sequence, sequence[1:]):
            if section_a != section_b:
                continue
            if after < before:
                shifts += 1
                span += after + 1440 - before
            else:
                span += after - before
        dated = [d for d in page.dates]
        for first, second in zip(dated, dated[1:]):
            if first[1].month and second[1].month and first[1].day and second[1].day:
                a = (first[1].year or 0, first[1].month, first[1].day)
                b = (second[1].year or 0, second[1].month, second[1].day)
                if (a > b) != (order == "newest-first"):
                    against += 1
        return span + shifts * 1440, against

    return "oldest-first" if cost("oldest-first") < cost("newest-first") else "newest-first"


def check_offsets(drafts: list[tuple[datetime, Draft]], clock: Clock) -> None:
    """offset-change at the first entry (in time) on which one zone's offset changes."""
    last: dict[str, timedelta | None] = {}
    for moment, draft in sorted(drafts, key=lambda pair: pair[0]):
        if draft.reading.zone and draft.line not in clock.families:
            continue
        family = clock.families.get(draft.line) or f"zone:{moment.tzinfo}"
        offset = moment.utcoffset()
        if family in last and last[family] != offset:
            clock.warn(
                draft.line,
                draft.column,
                f"the offset changes here, from {_format_offset(last[family])} to "
                f"{_format_offset(offset)} (summer time began or ended)",
                "check the times around the change; confirm in source.yml if right",
                "offset-change",
            )
        last[family] = offset


def _format_offset(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
