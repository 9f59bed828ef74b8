"""Reading a line as a stamp: a date, a time, a dateline, an age, or a stamp opening an entry.

``read_stamp`` splits a line into parts (clock, day, month name, year, weekday, zone,
numeric date, relative day, dateline phrase) and accepts it only when every part is one of
those and the little words between them; what follows a stamp after ``:`` or ``,`` is kept
as the rest of the line (``23.56 Uhr: Der Präsident ...``, ``11:02 , Jane Doe``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from .names import FILLERS, MERIDIEMS, PREFIXES, Names, fold, read_age
from .zones import AMBIGUOUS, FIXED, REGIONS


@dataclass(frozen=True)
class Reading:
    """What a stamp says; parts it leaves out are None."""

    prefix: str | None = None
    """``published``, ``first-published``, ``updated`` or None (a plain stamp)."""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    meridiem: int | None = None
    """0 for am, 12 for pm, None for a 24-hour clock."""
    zone: str | None = None
    """The zone as written (``BST``, ``GMT+1``, ``ET``)."""
    zone_column: int = 0
    relative_day: int | None = None
    """0 for today, -1 for yesterday."""
    age: timedelta | None = None
    """``2m ago``: how long before the page was captured."""
    rest: str = ""
    """Text after the stamp on the same line."""
    rest_sep: str = ""
    """What divides the stamp from the rest: ``:``, ``,``, ``–`` or a space."""
    also: Reading | None = None
    """A second stamp on the line (``Posted ..., updated ...``)."""
    numeric: bool = False
    """The date is written in figures only."""
    problems: tuple[str, ...] = field(default=())
    """Parts that are there but wrong (``31 June``), for the error message."""

    @property
    def has_date(self) -> bool:
        return self.month is not None or self.relative_day is not None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def plain(self) -> bool:
        return self.prefix is None


_ZONE_WORDS = {name.lower() for name in [*FIXED, *REGIONS, *AMBIGUOUS]} - {"z", "a"}

_TOKEN = re.compile(
    r"(?P<numdate>\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?![\d/]))"
    r"|(?P<clock>\d{1,2}(?:[:.]|h(?=\d))\d{2}(?![\d.:]\d))"
    r"|(?P<offset>(?:gmt|utc)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}:?\d{2}(?!\d))"
    r"|(?P<number>\d{1,4})(?P<ordinal>st|nd|rd|th|\.|º|er|e)?(?![\d:])"
    r"|(?P<meridiem>[ap]\.m\.?|[ap]m\b)"
    r"|(?P<word>[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*\.?)"
    r"|(?P<sep>[,:;|•()\[\]–—/-]|\+\+\+)",
    re.IGNORECASE,
)

_PREFIX = re.compile(
    "|".join(
        rf"{re.escape(phrase)}(?![^\W\d_])"
        for phrase in sorted(
            (phrase for phrases in PREFIXES.values() for phrase in phrases), key=len, reverse=True
        )
    ),
    re.IGNORECASE,
)
_PREFIX_KIND = {phrase: kind for kind, phrases in PREFIXES.items() for phrase in phrases}
_LEAD = re.compile(r"[^\d•|]{1,40}?(?:•| [|–—-] )")
"""An outlet's or a place's name before a dateline."""
_DIGIT = re.compile(r"\d")
_HOUR_SUFFIX = re.compile(r"(\d{1,2})\s?h(?![\w])", re.IGNORECASE)


_DATE_LABEL = re.compile(r"(?:date|datum|fecha|data|дата|tarih)\s?:\s*", re.IGNORECASE)
"""A page's ``Datum: 16.05.2025 09:00 Uhr``: the word "date" (en, de/nl, es, fr/it/pt,
ru/uk, tr) and a colon before a whole dateline, read as the bare dateline."""


def read_stamp(line: str, names: Names) -> Reading | None:
    """The stamp ``line`` (already normalised) holds, or None when it is not a stamp."""
    label = _DATE_LABEL.match(line)
    if label is not None:
        reading = _read_plain(line[label.end() :], names)
        labelled = reading is not None and reading.has_date and reading.has_time
        return reading if labelled and reading is not None and not reading.rest else None
    return _read_plain(line, names)


def _read_plain(line: str, names: Names) -> Reading | None:
    if not line:
        return None
    if len(line) > 160 and not line[:1].isdigit():
        return None  # a paragraph; a stamp with its text after it starts with the time
    if _DIGIT.search(line) is None:
        folded = fold(line)
        return (
            Reading(relative_day=names.relative_days[folded])
            if folded in names.relative_days
            else None
        )
    prefix = _PREFIX.match(line)
    starts_stamp = line[0].isdigit() or line[0] == "+" or prefix
    if len(line) > 60 and not starts_stamp and not _LEAD.match(line):
        return None  # a sentence: stamps are short or start with their time
    wrapped = line.startswith("+++")
    text = line.strip("+ ").strip() if wrapped else line
    lead = _LEAD.match(text)
    if lead is not None:  # "NOS Nieuws•Aangepast ...", "Kiev - 16 may 2025 - 08:12 CEST"
        inner = _read_parts(text[lead.end() :], names, wrapped)
        if inner is not None and (inner.prefix or (inner.has_date and inner.has_time)):
            return inner
    if wrapped:
        prefix = _PREFIX.match(text)
    if prefix is not None:
        age = read_age(text[prefix.end() :].strip(" :"), names)
        if age is not None:
            return Reading(prefix=_PREFIX_KIND[prefix[0].lower()], age=age)
    age = read_age(text, names)
    if age is not None:
        return Reading(age=age)
    reading = _read_parts(text, names, wrapped)
    if reading is None:
        return None
    if not (reading.has_date or reading.has_time):
        return None
    if text.endswith(".") and not reading.has_time and reading.year is None:
        return None  # "16 May." ends a sentence
    return reading


def _read_parts(text: str, names: Names, wrapped: bool = False) -> Reading | None:
    """Walk the parts of the line left to right; None on a word that is no stamp part."""
    readings: list[dict[str, object]] = [{}]
    current = readings[0]
    position = 0
    last_sep = ""
    while position < len(text):
        if text[position] == " ":
            position += 1
            continue
        prefix = _PREFIX.match(text, position)
        if prefix is not None and _word_start(text, position):
            if current and (current.get("hour") is not None or current.get("month") is not None):
                current = {}
                readings.append(current)
            current["prefix"] = _PREFIX_KIND[prefix[0].lower()]
            position = prefix.end()
            continue
        token = _TOKEN.match(text, position)
        if token is None:
            return _with_rest(readings, text, position, last_sep, names)
        kind = _kind(token)
        value = token[0]
        if kind == "sep":
            last_sep = value
            position = token.end()
            if value in (":", ",", "–", "—", "-", "|") and _has_stamp(current):
                ahead = _TOKEN.match(text, _skip_blanks(text, position))
                wordy = ahead is None or _kind(ahead) == "word" and not _is_part(ahead[0], names)
                # '23.10 Uhr: In Tel Aviv ...': a capital filler after a time starts a sentence
                wordy = wordy or _sentence_start(ahead, value, current)
                if wordy and _PREFIX.match(text, _skip_blanks(text, position)) is None:
                    return _with_rest(readings, text, position, value, names)
            continue
        if not _take(current, kind, token, names, text):
            if _has_stamp(current) and last_sep in (":", ",", "–", "—", "-", "|", "+++"):
                return _with_rest(readings, text, position, last_sep, names)
            if _has_stamp(current) and current.get("hour") is not None and wrapped:
                return _with_rest(readings, text, position, " ", names)
            return None
        position = token.end()
        last_sep = ""
    return _finish(readings, "", "", names)


def _kind(token: re.Match[str]) -> str:
    """The token's alternative in _TOKEN: its one named group, or ``number`` for an ordinal
    (``ordinal`` is the only group inside another alternative)."""
    kind = token.lastgroup
    assert kind is not None
    return "number" if kind == "ordinal" else kind


def _word_start(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()


def _skip_blanks(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _sentence_start(ahead: re.Match[str] | None, sep: str, current: dict[str, object]) -> bool:
    return (
        ahead is not None
        and sep != ","
        and current.get("hour") is not None
        and _kind(ahead) in ("word", "meridiem")  # 'Am Abend', not 'AM'
        and ahead[0][:1].isupper()
        and not ahead[0].isupper()
        and fold(ahead[0]) in FILLERS
    )


def _has_stamp(current: dict[str, object]) -> bool:
    return current.get("hour") is not None or current.get("month") is not None


def _is_part(word: str, names: Names) -> bool:
    folded = fold(word)
    return (
        folded in names.months
        or folded in names.weekdays
        or folded in FILLERS
        or folded in _ZONE_WORDS
        or folded in names.relative_days
        or word.lower() in MERIDIEMS
    )


def _take(
    current: dict[str, object], kind: str | None, token: re.Match[str], names: Names, text: str
) -> bool:
    """Record one part of a stamp; False when it does not fit where it stands."""
    value = token[0]
    if kind == "clock":
        if current.get("hour") is not None:
            return False
        digits = re.split(r"[:.h]", value.lower())
        current["hour"], current["minute"] = int(digits[0]), int(digits[1])
        return True
    if kind == "meridiem":
        if current.get("hour") is None or current.get("meridiem") is not None:
            return False
        current["meridiem"] = MERIDIEMS[value.lower().rstrip(".") + ("." if "." in value else "")]
        return True
    if kind == "offset":
        if current.get("zone") is not None:
            return False
        current["zone"], current["zone_column"] = value.replace(" ", ""), token.start() + 1
        return True
    if kind == "numdate":
        return _take_numeric_date(current, value, names)
    if kind == "number":
        return _take_number(current, token, text)
    if kind == "word":
        return _take_word(current, value, token.start(), names, text)
    return False


def _take_numeric_date(current: dict[str, object], value: str, names: Names) -> bool:
    if current.get("month") is not None:
        return False
    parts = [int(part) for part in re.split(r"[./-]", value)]
    if len(parts) == 3 and len(value.split("-")[0]) == 4:
        year, month, day = parts
    elif len(parts) == 2:
        if "/" not in value:
            return False
        first, second = parts
        day, month = (second, first) if names.numeric_order == "mdy" else (first, second)
        year = None
    else:
        first, second, year = parts
        day, month = (second, first) if names.numeric_order == "mdy" else (first, second)
        year = year + 2000 if year < 100 else year
    current.update(day=day, month=month, year=year, numeric=True)
    return True


def _take_number(current: dict[str, object], token: re.Match[str], text: str) -> bool:
    number = int(token["number"])
    digits = token["number"]
    ordinal = (token["ordinal"] or "").lower()
    after = text[token.end() :].lstrip()
    if len(digits) == 4 and not ordinal:
        # 1150 GMT: a clock, when a zone follows and no clock is there yet
        zone_next = after.split(" ")[0].lower().rstrip(",") in _ZONE_WORDS
        if zone_next and current.get("hour") is None and number % 100 < 60 and number < 2400:
            current["hour"], current["minute"] = number // 100, number % 100
            return True
        if current.get("year") is None and (current.get("month") is not None or number >= 1900):
            current["year"] = number
            return True
        return False
    if len(digits) > 2:
        return False
    hour_word = _HOUR_SUFFIX.match(text, token.start())
    if hour_word is not None and current.get("hour") is None and ordinal != ".":
        current["hour"], current["minute"] = number, 0
        return True
    meridiem_next = after[:1].lower() in ("a", "p") and re.match(r"[ap]\.?m\b\.?", after, re.I)
    if meridiem_next and current.get("hour") is None:
        current["hour"], current["minute"] = number, 0
        return True
    if current.get("day") is None:
        current["day"] = number
        return True
    return False


def _take_word(current: dict[str, object], value: str, start: int, names: Names, text: str) -> bool:
    end = start + len(value)
    folded = fold(value)
    if folded in ("h",) and current.get("hour") is not None:
        return True
    if folded in names.months and current.get("month") is None:
        current["month"] = names.months[folded]
        return True
    if folded in names.weekdays and current.get("weekday") is None:
        current["weekday"] = names.weekdays[folded]
        return True
    if folded in names.relative_days and current.get("relative_day") is None:
        current["relative_day"] = names.relative_days[folded]
        return True
    last = not text[end:].strip()
    zone_free = current.get("hour") is not None and current.get("zone") is None
    if zone_free and last and value.isupper() and value.isalpha() and 2 <= len(value) <= 5:
        current["zone"], current["zone_column"] = value, start + 1
        return True  # '10:30 XYZ': a zone, if an unknown one (reported when read)
    written_as_zone = value.isupper() or folded in ("gmt", "utc")
    if folded in _ZONE_WORDS and current.get("zone") is None and written_as_zone:
        current["zone"], current["zone_column"] = value.upper(), start + 1
        return True
    return folded in FILLERS


def _with_rest(
    readings: list[dict[str, object]], text: str, position: int, sep: str, names: Names
) -> Reading | None:
    rest = text[position:].strip().rstrip("+").strip()
    if rest and all(char.isdigit() or char in ".,:" for char in rest):
        return None  # '16 May 20255', 'May 16, 202': a mistyped part, not a stamp and text
    if not rest:
        return _finish(readings, "", "", names)
    return _finish(readings, rest, sep, names)


def _finish(readings: list[dict[str, object]], rest: str, sep: str, names: Names) -> Reading | None:
    built = [_build(parts) for parts in readings if parts]
    if not built or any(reading is None for reading in built):
        return None
    first = built[0]
    assert first is not None
    if len(built) > 1:
        second = built[1]
        first = replace(first, also=second)
    if rest:
        first = replace(first, rest=rest, rest_sep=sep)
    return first


def _build(parts: dict[str, object]) -> Reading | None:
    day, month = parts.get("day"), parts.get("month")
    if day is not None and month is None and parts.get("hour") is None:
        return None  # a bare number
    if month is not None and day is None:
        return None  # "May 2025": a month, not a day
    if not (month is not None or parts.get("hour") is not None or "relative_day" in parts):
        return None
    return Reading(**parts)  # type: ignore[arg-type]
