"""Stage 1, parse: live-blog text -> Liveblog (headline, intro, entries oldest first).

The format: a headline line; intro paragraphs; then date lines (``16 May 2025``) and time
lines (``22:52 GMT``), each time line opening an entry of one or more paragraph lines.
Blogs list entries newest first or oldest first; we detect which, unless told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ContentError, Problem, ProblemCollector
from .model import ClassifiedLine, Entry, LineKind, Liveblog, Order, Paragraph

ZONE_OFFSETS = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
}
"""Common zone abbreviations and their offsets from UTC in minutes."""

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
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:(?P<weekday>[A-Za-z]{3,9})\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
]
_TIME = re.compile(
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<meridiem>[AaPp]\.?[Mm]\.?))?"
    r"(?:\s+(?P<zone>[A-Za-z]{1,5}))?"
)
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class ParseOptions:
    """What source.yml can tell the parser."""

    timezone: str | None = None
    """Zone for time lines that carry none: an abbreviation, ``+03:00`` or an IANA name."""
    published: date | None = None
    """Date for entries before any date line."""
    order: Order | None = None
    """Force the order instead of detecting it."""
    furniture: tuple[str, ...] = ()
    """Lines to leave out as page furniture."""


@dataclass
class _Stamp:
    line: int
    label: str
    hour: int
    minute: int
    zone: tzinfo
    day: date | None
    section: int
    paragraphs: list[Paragraph]


def parse_liveblog(
    text: str, path: str = "liveblog.txt", options: ParseOptions = ParseOptions()
) -> Liveblog:
    """Parse live-blog text into a Liveblog, or raise ContentError naming every bad line."""
    problems = ProblemCollector(path)
    warnings: list[Problem] = []
    raw_lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.strip() for line in raw_lines):
        raise ContentError.at(
            path,
            0,
            0,
            "the live-blog is empty",
            "paste the live-blog text: headline, intro, date, timed entries",
        )

    default_zone = _resolve_default_zone(options.timezone, path)
    furniture_wanted = {_normalise(line) for line in options.furniture}
    furniture_seen: set[str] = set()

    lines: list[ClassifiedLine] = []
    headline: Paragraph | None = None
    intro: list[Paragraph] = []
    furniture: list[Paragraph] = []
    stamps: list[_Stamp] = []
    current_day = options.published
    section = 0
    warned_zone = False

    for number, raw in enumerate(raw_lines, start=1):
        clean = _normalise(raw)
        kind: LineKind
        if not clean:
            kind = "blank"
        elif headline is None:
            kind, headline = "headline", Paragraph(raw.strip(), number)
        elif clean in furniture_wanted:
            kind = "furniture"
            furniture_seen.add(clean)
            furniture.append(Paragraph(raw.strip(), number))
        elif (day := _match_date(clean, number, problems, warnings)) is not None:
            kind, current_day, section = "date", day, section + 1
        elif (match := _TIME.fullmatch(clean)) is not None:
            kind = "time"
            zone = _resolve_line_zone(match, number, problems, default_zone)
            if zone is None and not match["zone"]:
                zone = timezone.utc
                if not warned_zone:
                    warned_zone = True
                    warnings.append(
                        Problem(
                            path,
                            number,
                            1,
                            "time line has no zone; assuming UTC",
                            "set 'timezone' in source.yml",
                        )
                    )
            hour, minute = _clock(match, number, problems)
            stamps.append(
                _Stamp(
                    number,
                    _SPACES.sub(" ", clean),
                    hour,
                    minute,
                    zone or timezone.utc,
                    current_day,
                    section,
                    [],
                )
            )
        elif not stamps and section == 0:
            kind = "intro"
            intro.append(Paragraph(raw.strip(), number))
        elif not stamps:
            kind = "paragraph"
            problems.add(
                number,
                1,
                "text after the date line but before the first time line",
                "add a time line above it, or move it above the date line into the intro",
            )
        else:
            kind = "paragraph"
            stamps[-1].paragraphs.append(Paragraph(raw.strip(), number))
        lines.append(ClassifiedLine(number, kind, raw))

    if not stamps:
        problems.add(
            0,
            0,
            "no entries found: no time lines such as '16:56 GMT'",
            "each entry starts with a line holding just its time",
        )
    for stamp in stamps:
        if stamp.day is None:
            problems.add(
                stamp.line,
                1,
                "no date for this entry",
                "add a date line such as '16 May 2025' above it, or set 'published' in source.yml",
            )
            break
        if not stamp.paragraphs:
            warnings.append(Problem(path, stamp.line, 1, f"entry {stamp.label} has no text"))
    problems.raise_if_any()
    assert headline is not None

    for wanted in sorted(furniture_wanted - furniture_seen):
        warnings.append(
            Problem(
                path,
                0,
                0,
                f"furniture line not found: {wanted!r}",
                "check 'furniture' in source.yml against the live-blog",
            )
        )

    order = options.order or _detect_order(stamps)
    entries = _build_entries(stamps, order)
    return Liveblog(
        path,
        headline,
        tuple(intro),
        entries,
        order,
        tuple(lines),
        tuple(furniture),
        tuple(warnings),
    )


def _normalise(line: str) -> str:
    """Collapse tabs and non-breaking spaces and trim, for classifying (never for text)."""
    return _SPACES.sub(" ", line).strip()


def _match_date(
    clean: str, number: int, problems: ProblemCollector, warnings: list[Problem]
) -> date | None:
    for form in _DATE_FORMS:
        match = form.fullmatch(clean)
        if match is None:
            continue
        month_text = match["month"].lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        weekday = (match.groupdict().get("weekday") or "").lower()
        if month is None or (weekday and not any(w.startswith(weekday[:3]) for w in _WEEKDAYS)):
            return None
        try:
            day = date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            problems.add(number, 1, f"not a valid date: {clean!r}", "check the day and month")
            return date.min
        if weekday and _WEEKDAYS[day.weekday()][:3] != weekday[:3]:
            warnings.append(
                Problem(
                    problems.path,
                    number,
                    1,
                    f"{clean!r}: {day:%d %B %Y} was a {_WEEKDAYS[day.weekday()]}",
                )
            )
        return day
    return None


def _clock(match: re.Match[str], number: int, problems: ProblemCollector) -> tuple[int, int]:
    hour, minute = int(match["hour"]), int(match["minute"])
    meridiem = (match["meridiem"] or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            problems.add(number, 1, f"not a valid time: {match[0]!r}", "use 1-12 with am/pm")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        problems.add(number, 1, f"not a valid time: {match[0]!r}", "use HH:MM, 00:00 to 23:59")
        return 0, 0
    return hour, minute


def _resolve_line_zone(
    match: re.Match[str], number: int, problems: ProblemCollector, default: tzinfo | None
) -> tzinfo | None:
    name = match["zone"]
    if not name:
        return default
    offset = ZONE_OFFSETS.get(name.upper())
    if offset is None:
        problems.add(
            number,
            len(match[0]) - len(name) + 1,
            f"unknown time zone abbreviation {name!r}",
            "use one of "
            + ", ".join(sorted(ZONE_OFFSETS))
            + ", or set 'timezone' in source.yml and drop it",
        )
        return timezone.utc
    return timezone(timedelta(minutes=offset), name.upper())


def _resolve_default_zone(name: str | None, path: str) -> tzinfo | None:
    """A zone named in source.yml: an abbreviation, an offset like +03:00, or an IANA name."""
    if not name:
        return None
    zone = resolve_zone(name)
    if zone is None:
        raise ContentError.at(
            path,
            0,
            0,
            f"unknown time zone {name!r}",
            "use an abbreviation such as GMT, an offset such as +03:00, "
            "or a name such as Europe/Istanbul",
        )
    return zone


def resolve_zone(name: str) -> tzinfo | None:
    """Turn a zone name from source.yml into a tzinfo, or None if we do not know it."""
    if name.upper() in ZONE_OFFSETS:
        return timezone(timedelta(minutes=ZONE_OFFSETS[name.upper()]), name.upper())
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?", name)
    if offset:
        minutes = int(offset[2]) * 60 + int(offset[3] or 0)
        return timezone(timedelta(minutes=minutes if offset[1] == "+" else -minutes))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _detect_order(stamps: list[_Stamp]) -> Order:
    """Most consecutive pairs going down in time mean newest first; a tie means newest first."""
    newer_first = older_first = 0
    for before, after in zip(stamps, stamps[1:]):
        if before.section != after.section:
            assert before.day is not None and after.day is not None
            weight, delta = 10, (after.day - before.day).days
        else:
            weight, delta = 1, (after.hour * 60 + after.minute) - (before.hour * 60 + before.minute)
        if delta < 0:
            newer_first += weight
        elif delta > 0:
            older_first += weight
    return "oldest-first" if older_first > newer_first else "newest-first"


def _build_entries(stamps: list[_Stamp], order: Order) -> tuple[Entry, ...]:
    """Date each stamp (a day changes where the clock runs backwards within a section)."""
    step = -1 if order == "newest-first" else 1
    dated: list[tuple[datetime, _Stamp]] = []
    shift, previous = 0, None
    for stamp in stamps:
        minutes = stamp.hour * 60 + stamp.minute
        if previous is None or previous.section != stamp.section:
            shift = 0
        elif (minutes - (previous.hour * 60 + previous.minute)) * step < 0:
            shift += step  # the clock ran backwards against the order: midnight passed
        assert stamp.day is not None
        day = stamp.day + timedelta(days=shift)
        local = datetime(day.year, day.month, day.day, stamp.hour, stamp.minute)
        dated.append((local.replace(tzinfo=stamp.zone), stamp))
        previous = stamp

    if order == "newest-first":
        dated.reverse()
    # Stable: entries posted in the same minute keep the source's order of posting.
    dated.sort(key=lambda pair: pair[0])
    seen: dict[str, int] = {}
    entries = []
    for posted, stamp in dated:
        base = f"{posted:%Y-%m-%d-%H%M}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        entries.append(Entry(anchor, posted, stamp.label, tuple(stamp.paragraphs), stamp.line))
    return tuple(entries)
