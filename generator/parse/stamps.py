"""Date and time lines: recognising them, their zones, and lines that nearly are one.

The parser asks this module what a line is; the calendar, the zone table and the
look-alike rules live here together.
"""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date, time, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import ContentError, Problem, ProblemCollector

ZONE_OFFSETS = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "WEST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}
"""Zone abbreviations and their offsets from UTC in minutes. Ambiguous ones (CST: China or
US Central; IST: India, Ireland or Israel) are left out on purpose: write an offset instead."""


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed", "weds"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}


_YEARS = range(1900, 2200)
"""Dates outside these years are typing mistakes, not live-blogs."""


# Lines are matched after normalise, so single spaces are all the blanks a pattern meets.
# re.ASCII keeps \d to 0-9: other scripts' digits are text, not times.
_WEEKDAY = r"(?:(?P<weekday>[a-z]{3,9})\.?,? )?"


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


_MONTH = r"(?P<month>[a-z]{3,9})\.?"


_DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY} {_MONTH},? (?P<year>\d{{4}})", re.IGNORECASE | re.ASCII),
    re.compile(rf"{_WEEKDAY}{_MONTH} {_DAY},? (?P<year>\d{{4}})", re.IGNORECASE | re.ASCII),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", re.ASCII),
]


TIME_LINE = re.compile(
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?: ?(?P<meridiem>[ap]\.?m\.?))?"
    r"(?: (?P<zone>[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))?",
    re.IGNORECASE | re.ASCII,
)


_OFFSET = re.compile(r"(?:UTC|GMT)?(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?")


_ZONE_HINT = "use " + ", ".join(ZONE_OFFSETS) + ", an offset such as GMT+3"


# Near misses: short lines that are text, yet look like a date or time line typed wrong.
# They stay paragraphs (nothing is lost), with a warning, since a mistyped date or time line
# silently glues its entry onto the one above. The rule is kept narrow so ordinary prose never
# warns (warnings fail `mkdocs build --strict`): the whole line must be short and made only
# of date or time parts, and every word in it must look like a weekday, month or zone.
_NEAR_MISS_LENGTH = 40


_LOOKALIKE = 0.6
"""How close (difflib ratio) a word must be to a weekday or month name to look like one:
'Fryday' (0.83), 'Mya' and 'Mai' (0.67) do; 'Top' and 'Moments' do not."""


_NEAR_WEEKDAY = r"(?:(?P<weekday>[a-z]{3,9})\.?,? )?"


_NEAR_YEAR = r"(?P<year>\d{1,6})"


_NEAR_DATE_FORMS = [
    re.compile(rf"{_NEAR_WEEKDAY}{_DAY} {_MONTH},? {_NEAR_YEAR}", re.IGNORECASE | re.ASCII),
    re.compile(rf"{_NEAR_WEEKDAY}{_MONTH} {_DAY},? {_NEAR_YEAR}", re.IGNORECASE | re.ASCII),
]


_NEAR_CLOCK = re.compile(r"\d{1,2}[:.;]\d{1,3}|\d{3,4}", re.ASCII)
"""'22:52', '22:5', '22;52', '2252': a clock, whole or mistyped."""


_NEAR_MERIDIEM = re.compile(r"[ap]\.?m\.?", re.IGNORECASE)


_NEAR_JOINERS = {"to", "until", "-", "–", "—"}


def normalise(line: str) -> str:
    """Collapse every kind of blank (tabs, no-break spaces) to one space and trim.

    Only for recognising lines: paragraph text is kept exactly as written.
    """
    return " ".join(line.split())


def indent_of(raw: str) -> int:
    """The 1-based column of a line's first character that is not blank."""
    return len(raw) - len(raw.lstrip()) + 1


def match_date(
    clean: str,
    number: int,
    raw: str,
    problems: ProblemCollector,
    warnings: list[Problem] | None = None,
) -> date | None:
    """The date of a date line, or None when the line is not one (a weekday that does not
    fit the date is a warning in ``problems``; ``warnings`` is an older spelling of that).

    An impossible date is an error but still counts as a date line (its day is then never
    used, since the parse stops).
    """
    for form in _DATE_FORMS:
        match = form.fullmatch(clean)
        if match is None:
            continue
        month_text = match["month"].lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        weekday_text = (match.groupdict().get("weekday") or "").lower()
        weekday = _WEEKDAYS.get(weekday_text)
        if month is None or (weekday_text and weekday is None):
            return None  # "16 Moments 2025" or "Top 10 May 2025": text, not a date
        year, day_number = int(match["year"]), int(match["day"])
        if year not in _YEARS:
            problems.add(
                number,
                indent_of(raw),
                f"not a valid date: {clean!r}",
                f"live-blog years run from {_YEARS.start} to {_YEARS.stop - 1}",
            )
            return date(2000, 1, 1)
        if not 1 <= month <= 12:
            problems.add(number, indent_of(raw), f"not a valid date: {clean!r}", "no such month")
            return date(2000, 1, 1)
        length = calendar.monthrange(year, month)[1]
        if not 1 <= day_number <= length:
            problems.add(
                number,
                indent_of(raw),
                f"not a valid date: {clean!r}",
                f"{calendar.month_name[month]} {year} has {length} days",
            )
            return date(2000, 1, 1)
        day = date(year, month, day_number)
        if weekday is not None and weekday != day.weekday():
            (problems.warnings if warnings is None else warnings).append(
                Problem(
                    problems.path,
                    number,
                    indent_of(raw),
                    f"{clean!r}: {day.day} {calendar.month_name[month]} {year} "
                    f"was a {calendar.day_name[day.weekday()]}; using the date",
                    "check the date line against the original",
                )
            )
        return day
    return None


def near_miss_kind(clean: str) -> Literal["date", "time"] | None:
    """Whether a line of text looks like a mistyped date or time line, and which."""
    if len(clean) > _NEAR_MISS_LENGTH:
        return None
    if _near_date(clean):
        return "date"
    if _near_time(clean):
        return "time"
    return None


def _near_date(clean: str) -> bool:
    """'Fryday 16 May 2025', '16 Mya 2025', '16 May 202': each part a date part or close to one.

    At least one part must be off (else it would be a date line); a word that is not close to
    a weekday or month ('Top 10 May 2025', '16 Moments 2025') makes the line plain text.
    """
    for form in _NEAR_DATE_FORMS:
        match = form.fullmatch(clean)
        if match is None:
            continue
        weekday, month = (match.groupdict().get("weekday") or "").lower(), match["month"].lower()
        weekday_off = bool(weekday) and weekday not in _WEEKDAYS
        month_off = month not in _MONTHS
        if (weekday_off and not _looks_like(weekday, _WEEKDAYS)) or (
            month_off and not _looks_like(month, _MONTHS)
        ):
            return False
        if weekday_off or month_off or len(match["year"]) != 4:
            return True
    return False


def _near_time(clean: str) -> bool:
    """'22:5 GMT', '22;52 GMT', '2252 GMT', '10:00 to 11:00 GMT': only clocks, zones, 'to'.

    A bare number ('2025') is a clock only beside a zone or am/pm, so years and counts on a
    line of their own stay quiet.
    """
    words = re.split(r" |(?<=\d)[-–—](?=\d)", clean)
    clocks = [word for word in words if _NEAR_CLOCK.fullmatch(word)]
    zones = [
        word
        for word in words
        if _NEAR_MERIDIEM.fullmatch(word) or word.upper() in ZONE_OFFSETS or _fixed_zone(word)
    ]
    joiners = [word for word in words if word.lower() in _NEAR_JOINERS]
    if not clocks or len(clocks) + len(zones) + len(joiners) != len(words):
        return False
    return bool(zones) or any(":" in clock or ";" in clock for clock in clocks)


def _looks_like(word: str, names: dict[str, int]) -> bool:
    """A word close enough to one of ``names`` to be a misspelling of it."""
    return bool(difflib.get_close_matches(word, names, n=1, cutoff=_LOOKALIKE))


def clock_of(match: re.Match[str], number: int, raw: str, problems: ProblemCollector) -> time:
    """The time of a time line (midnight when it is invalid: the parse then stops)."""
    hour, minute = int(match["hour"]), int(match["minute"])
    meridiem = (match["meridiem"] or "").lower().replace(".", "")
    label = normalise(raw)
    if meridiem:
        if not 1 <= hour <= 12 or minute > 59:
            problems.add(
                number,
                indent_of(raw),
                f"not a valid time: {label!r}",
                "use 1:00 to 12:59 with am/pm",
            )
            return time(0, 0)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        problems.add(
            number, indent_of(raw), f"not a valid time: {label!r}", "use HH:MM, 00:00 to 23:59"
        )
        return time(0, 0)
    return time(hour, minute)


def resolve_line_zone(
    match: re.Match[str], number: int, raw: str, problems: ProblemCollector
) -> tzinfo | None:
    """The zone a time line names, or None when it names none (an unknown one is an error)."""
    name = match["zone"]
    if not name:
        return None
    zone = _fixed_zone(name)
    if zone is None:
        problems.add(
            number,
            len(raw.rstrip()) - len(name) + 1,  # the zone is the line's last word
            f"unknown time zone {name!r} in time line {normalise(raw)!r}",
            _ZONE_HINT + ", or set 'timezone' in source.yml and drop it",
        )
        return timezone.utc
    return zone


def resolve_default_zone(name: str | None, path: str) -> tzinfo | None:
    """The zone source.yml names for time lines without one."""
    if not name:
        return None
    zone = resolve_zone(name)
    if zone is None:
        raise ContentError.at(
            path,
            0,
            0,
            f"unknown time zone {name!r} (from source.yml)",
            _ZONE_HINT + ", or a name such as Europe/Istanbul",
        )
    return zone


def resolve_zone(name: str) -> tzinfo | None:
    """A zone name from source.yml as a tzinfo, or None if we do not know it.

    An IANA name (``Europe/London``) gives each date its own offset, summer time included;
    abbreviations and offsets are fixed.
    """
    fixed = _fixed_zone(name)
    if fixed is not None or _OFFSET.fullmatch(name.upper()):
        return fixed
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a folder
        return None


def _fixed_zone(name: str) -> tzinfo | None:
    """``GMT``, ``+03:00``, ``UTC-5`` or ``GMT+5:30`` as a fixed offset; None otherwise."""
    if name.upper() in ZONE_OFFSETS:
        return timezone(timedelta(minutes=ZONE_OFFSETS[name.upper()]), name.upper())
    offset = _OFFSET.fullmatch(name.upper())
    if offset is None:
        return None
    hours, minutes = int(offset["hours"]), int(offset["minutes"] or 0)
    if hours > 14 or minutes > 59:  # no zone is more than 14 hours from UTC
        return None
    total = hours * 60 + minutes
    return timezone(timedelta(minutes=total if offset["sign"] == "+" else -total))
