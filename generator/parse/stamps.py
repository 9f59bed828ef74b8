"""Lines that nearly are date or time lines, and the blank-collapsing all readers share.

The stamp reader (dateline.py) says what a line is; this module says what a line that is
not one nearly was, so that a mistyped date or time is reported instead of read as text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Literal

from .zones import AMBIGUOUS, FIXED, REGIONS

_ZONE_WORDS = {name.upper() for name in [*FIXED, *REGIONS, *AMBIGUOUS]}
_OFFSET_WORD = re.compile(r"(?:UTC|GMT)?[+\-−]\d{1,2}(?::?\d{2})?", re.IGNORECASE)


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


# Lines are matched after normalise, so single spaces are all the blanks a pattern meets.
# re.ASCII keeps \d to 0-9: other scripts' digits are text, not times.


_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th|\.)?"


_MONTH = r"(?:de )?(?P<month>[^\W\d_]{3,12})\.?(?: de)?"


# Near misses: short lines that are text, yet look like a date or time line typed wrong.
# They stay paragraphs (nothing is lost), with a warning, since a mistyped date or time line
# silently glues its entry onto the one above. The rule is kept narrow so ordinary prose never
# warns (warnings fail `mkdocs build --strict`): the whole line must be short and made only
# of date or time parts, and every word in it must look like a weekday, month or zone.
_NEAR_MISS_LENGTH = 40


_LOOKALIKE = 0.6
"""How close (difflib ratio) a word must be to a weekday or month name to look like one:
'Fryday' (0.83), 'Mya' and 'Mai' (0.67) do; 'Top' and 'Moments' do not."""


_NEAR_WEEKDAY = r"(?:(?P<weekday>[^\W\d_]{3,14}(?:-feira)?)\.?,? )?"


_NEAR_YEAR = r"(?P<year>[0-9]{1,6})"


_NEAR_DATE_FORMS = [
    re.compile(rf"{_NEAR_WEEKDAY}{_DAY} {_MONTH},? {_NEAR_YEAR}", re.IGNORECASE),
    re.compile(rf"{_NEAR_WEEKDAY}{_MONTH} {_DAY},? {_NEAR_YEAR}", re.IGNORECASE),
]


_NEAR_CLOCK = re.compile(r"\d{1,2}[:.;][\dOoIl]{1,3}|\d{3,4}", re.ASCII)
"""'22:52', '22:5', '22;52', '2252': a clock, whole or mistyped."""


_ASCII_DIGIT = re.compile("[0-9]")


_NEAR_MERIDIEM = re.compile(r"[ap]\.?m\.?", re.IGNORECASE)


_NEAR_JOINERS = {"to", "until", "-", "–", "—"}


def normalise(line: str) -> str:
    """Collapse every kind of blank (tabs, no-break spaces) to one space and trim.

    Only for recognising lines: paragraph text is kept exactly as written.
    """
    return " ".join(line.split())


def near_miss_kind(
    clean: str, months: Mapping[str, int] = _MONTHS, weekdays: Mapping[str, int] = _WEEKDAYS
) -> Literal["date", "time"] | None:
    """Whether a line of text looks like a mistyped date or time line, and which; month and
    weekday names in the page's language (English by default)."""
    if len(clean) > _NEAR_MISS_LENGTH or _ASCII_DIGIT.search(clean) is None:
        return None  # every near miss has a day, a year or a clock in figures
    if _near_date(clean, months, weekdays):
        return "date"
    if _near_time(clean):
        return "time"
    return None


def _near_date(clean: str, months: Mapping[str, int], weekdays: Mapping[str, int]) -> bool:
    """'Fryday 16 May 2025', '16 Mya 2025', '16 May 202': each part a date part or close to one.

    At least one part must be off (else it would be a date line); a word that is not close to
    a weekday or month ('Top 10 May 2025', '16 Moments 2025') makes the line plain text.
    """
    for form in _NEAR_DATE_FORMS:
        match = form.fullmatch(clean)
        if match is None:
            continue
        weekday, month = (match.groupdict().get("weekday") or "").lower(), match["month"].lower()
        weekday_off = bool(weekday) and weekday not in weekdays
        month_off = month not in months
        if (weekday_off and not _looks_like(weekday, weekdays)) or (
            month_off and not _looks_like(month, months)
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
        if _NEAR_MERIDIEM.fullmatch(word)
        or word.upper() in _ZONE_WORDS
        or _OFFSET_WORD.fullmatch(word)
    ]
    joiners = [word for word in words if word.lower() in _NEAR_JOINERS]
    if not clocks or len(clocks) + len(zones) + len(joiners) != len(words):
        return False
    return bool(zones) or any(":" in clock or ";" in clock for clock in clocks)


def _is_zone_word(word: str) -> bool:
    return bool(
        _NEAR_MERIDIEM.fullmatch(word)
        or word.upper() in _ZONE_WORDS
        or _OFFSET_WORD.fullmatch(word)
    )


def _looks_like(word: str, names: Mapping[str, int]) -> bool:
    """A word close enough to one of ``names`` to be a misspelling of it."""
    return bool(difflib.get_close_matches(word, names, n=1, cutoff=_LOOKALIKE))
