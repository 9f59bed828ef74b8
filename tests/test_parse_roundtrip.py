"""Round trip: entries at known instants, written in the stamp formats outlets use, parse back
to the same instants, in either page order, with a date line for each day.

Each blog is written by one outlet's habit (one stamp format, one date-line format, one
language), the way a real page is; the parser must find every entry and date it exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.parse import ParseOptions, parse_liveblog

PATH = "liveblog.txt"
HEADLINE = "Talks resume in Istanbul as the delegations meet again"

_DE_MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
_DE_DAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"
_FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def _twelve(moment: datetime, dot: str, space: str, lower: bool) -> str:
    hour = moment.hour % 12 or 12
    meridiem = "am" if moment.hour < 12 else "pm"
    if not lower:
        meridiem = "a.m." if meridiem == "am" else "p.m."
    return f"{hour}{dot}{moment.minute:02d}{space}{meridiem}"


Stamp = Callable[[datetime], str]
DateLine = Callable[[date], str]

# Each outlet style: language, zone written after the stamp (or None: source.yml states
# it), the stamp, and the date line.
STYLES: list[tuple[str, str | None, Stamp, DateLine]] = [
    ("en", "GMT", lambda m: f"{m:%H:%M}", lambda d: f"{d.day} {d:%B %Y}"),
    ("en", "GMT", lambda m: _twelve(m, ".", "", True), lambda d: f"{d:%A} {d.day} {d:%B %Y}"),
    ("en", "MSK", lambda m: _twelve(m, ":", " ", False), lambda d: f"{d:%B} {d.day}, {d.year}"),
    ("en", "GMT", lambda m: f"{m:%H%M}", lambda d: f"{d:%a} {d.day} {d:%b %Y}"),
    ("en", "UTC", lambda m: f"{m:%H:%M}", lambda d: f"{d:%Y-%m-%d}"),
    (
        "de",
        None,
        lambda m: f"{m:%H.%M} Uhr",
        lambda d: (
            f"{_DE_DAYS.split()[d.weekday()]}, {d.day}. {_DE_MONTHS.split()[d.month - 1]} {d.year}"
        ),
    ),
    ("de", None, lambda m: f"+++ {m:%H:%M} Neue Gespräche +++", lambda d: f"{d:%d.%m.%Y}"),
    (
        "fr",
        None,
        lambda m: f"{m.hour}h{m.minute:02d}",
        lambda d: f"{d.day} {_FR_MONTHS.split()[d.month - 1]} {d.year}",
    ),
]

SETTINGS = {"GMT": "UTC", "UTC": "UTC", "MSK": "+03:00", None: "+01:00"}
OFFSETS = {"GMT": 0, "UTC": 0, "MSK": 3, None: 1}
BODIES = {
    "en": "Delegations met for a second round, officials said.",
    "de": "Die Delegationen trafen sich zu einer zweiten Runde.",
    "fr": "Les délégations se sont retrouvées pour une deuxième série.",
}


@st.composite
def timelines(draw: st.DrawFn) -> tuple[int, list[datetime]]:
    """A style and instants in posting order: a few days, entries minutes to hours apart."""
    style = draw(st.integers(0, len(STYLES) - 1))
    zone = timezone(timedelta(hours=OFFSETS[STYLES[style][1]]))
    start = datetime.combine(
        draw(st.dates(date(2000, 1, 1), date(2090, 12, 31))), datetime.min.time()
    )
    moment = start.replace(tzinfo=zone) + timedelta(minutes=draw(st.integers(0, 23 * 60)))
    instants = [moment]
    for gap in draw(st.lists(st.integers(1, 9 * 60), min_size=0, max_size=12)):
        moment = moment + timedelta(minutes=gap)
        instants.append(moment)
    return style, instants


def render(style: int, instants: list[datetime], newest_first: bool) -> str:
    """The page as the outlet prints it: a date line above each day's entries."""
    language, zone, stamp, date_line = STYLES[style]
    days: dict[date, list[datetime]] = {}
    for moment in instants:
        days.setdefault(moment.date(), []).append(moment)
    lines = [HEADLINE, ""]
    for day in sorted(days, reverse=newest_first):
        lines += [date_line(day), ""]
        for moment in sorted(days[day], reverse=newest_first):
            lines.append(stamp(moment) + (f" {zone}" if zone else ""))
            lines += [BODIES[language], ""]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timeline=timelines(), newest_first=st.booleans())
def test_entries_parse_back_to_their_instants(
    timeline: tuple[int, list[datetime]], newest_first: bool
) -> None:
    style, instants = timeline
    text = render(style, instants, newest_first)
    language, zone = STYLES[style][0], STYLES[style][1]
    options = ParseOptions(timezone=SETTINGS[zone], language=language)
    try:
        blog = parse_liveblog(text, PATH, options)
    except ContentError as error:  # pragma: no cover - the failure message shows the page
        raise AssertionError(f"{error}\n---\n{text}") from error
    assert [entry.posted for entry in blog.entries] == sorted(instants), text
    if len(instants) >= 2:
        assert blog.order == ("newest-first" if newest_first else "oldest-first")
    assert all(entry.paragraphs or entry.title for entry in blog.entries)
