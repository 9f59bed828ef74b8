"""Stage 1, parse: live-blog text -> Liveblog (headline, intro, entries oldest first).

The format, as a live-blog is pasted from its page: a headline line; intro paragraphs; then
date lines (``16 May 2025``) and time lines (``22:52 GMT``), each time line opening an entry
of one or more paragraph lines. Every line is classified; a line that fits nowhere (text
between a date line and the next time line) is an error, never dropped.

How entries are dated:

- A date line names the day its entries begin on; entries above any date line begin on the
  ``published`` date from source.yml.
- Taken in order of posting (bottom up in a newest-first blog), a clock that runs backwards
  has passed midnight, so the day moves on with it.
- The order is the one that makes the coverage span the least time (a newest-first blog read
  oldest first would cross midnight between every pair of entries), then the one whose date
  lines run its way; ties are newest first, the usual live-blog layout. source.yml's
  ``order`` overrides the guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from itertools import pairwise

from ..errors import ContentError, Problem, ProblemCollector
from ..model import ClassifiedLine, Entry, LineKind, Liveblog, Order, Paragraph, SourceInfo
from .stamps import (
    TIME_LINE,
    clock_of,
    indent_of,
    match_date,
    near_miss_kind,
    normalise,
    resolve_default_zone,
    resolve_line_zone,
)

_NEAR_MISS_HINTS = {
    "date": "check the spelling of the weekday, month and year",
    "time": "write it as HH:MM with a known zone, such as '22:52 GMT'",
}


_STAYS = {
    "headline": "the headline",
    "intro": "part of the intro",
    "paragraph": "part of the entry above",
}
"""Where a near miss ends up instead, by the kind of line it became."""


@dataclass(frozen=True)
class ParseOptions:
    """What source.yml can tell the parser."""

    timezone: str | None = None
    """Zone for time lines that carry none: an abbreviation, ``+03:00`` or an IANA name."""
    published: date | None = None
    """Date for entries above the first date line."""
    order: Order | None = None
    """Force the order instead of detecting it."""
    furniture: tuple[str, ...] = ()
    """Lines to leave out as page furniture."""

    @classmethod
    def from_source(cls, source: SourceInfo) -> ParseOptions:
        """The parser's part of source.yml."""
        return cls(source.timezone, source.published, source.order, source.furniture)


@dataclass
class _Stamp:
    """A time line and what follows it, before the blog's order is known."""

    line: int
    column: int
    label: str
    clock: time
    zone: tzinfo
    day: date | None
    section: int
    """How many date lines stand above it: a new section restarts the day count."""
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return self.clock.hour * 60 + self.clock.minute


def parse_liveblog(
    text: str, path: str = "liveblog.txt", options: ParseOptions = ParseOptions()
) -> Liveblog:
    """Parse live-blog text into a Liveblog, or raise ContentError naming every bad line.

    Three steps: classify every line (``_classify``), check what the lines make together
    (``_check``), then date and order the entries (``_build_entries``).
    """
    raw_lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines[-1] == "":
        raw_lines.pop()  # the line break ending the last line opens no new line
    if not any(line.strip() for line in raw_lines):
        raise ContentError.at(
            path,
            0,
            0,
            "the live-blog is empty",
            "paste the live-blog text: headline, intro, date, timed entries",
        )
    problems = ProblemCollector(path)
    warnings: list[Problem] = []
    parts = _classify(raw_lines, options, problems, warnings)
    _check(parts, options, problems, warnings)
    assert parts.headline is not None  # the first line with text is the headline or an error
    try:
        order = options.order or _detect_order(parts.stamps)
        entries = _build_entries(parts.stamps, order)
    except OverflowError:
        raise ContentError.at(path, 0, 0, "the entries' dates run out of the calendar") from None
    return Liveblog(
        path,
        parts.headline,
        tuple(parts.intro),
        entries,
        order,
        tuple(parts.lines),
        tuple(parts.furniture),
        tuple(warnings),
    )


@dataclass
class _Parts:
    """What the classified lines make: the blog's parts before its entries are dated."""

    lines: list[ClassifiedLine] = field(default_factory=list)
    headline: Paragraph | None = None
    intro: list[Paragraph] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)
    furniture_seen: set[str] = field(default_factory=set)
    stamps: list[_Stamp] = field(default_factory=list)


@dataclass
class _Position:
    """Where the classifier stands: what the lines above decide about the next one."""

    day: date | None
    """The date of the nearest date line above (or source.yml's ``published``)."""
    section: int = 0
    """How many date lines stand above."""
    in_entry: bool = False
    """A time line opened an entry and no date line has closed it."""
    seen_text: bool = False
    """A line with text stands above (the first one is the headline)."""


def _classify(
    raw_lines: list[str],
    options: ParseOptions,
    problems: ProblemCollector,
    warnings: list[Problem],
) -> _Parts:
    """Classify every line in order, collecting the blog's parts and each line's problems."""
    parts = _Parts()
    at = _Position(options.published)
    default_zone = resolve_default_zone(options.timezone, problems.path)
    furniture_wanted = {normalise(line) for line in options.furniture}
    zone_assumed = False
    for number, raw in enumerate(raw_lines, start=1):
        clean = normalise(raw)
        kind: LineKind
        if not clean:
            kind = "blank"
        elif at.seen_text and clean in furniture_wanted:
            kind = "furniture"
            parts.furniture_seen.add(clean)
            parts.furniture.append(Paragraph(raw.strip(), number))
        elif (day := match_date(clean, number, raw, problems, warnings)) is not None:
            kind, at.day, at.section, at.in_entry = "date", day, at.section + 1, False
        elif (time_match := TIME_LINE.fullmatch(clean)) is not None:
            kind, at.in_entry = "time", True
            zone = resolve_line_zone(time_match, number, raw, problems) or default_zone
            if zone is None and not zone_assumed:
                zone_assumed = True
                warnings.append(
                    Problem(
                        problems.path,
                        number,
                        indent_of(raw),
                        "time line has no zone; assuming UTC",
                        "set 'timezone' in source.yml",
                    )
                )
            clock = clock_of(time_match, number, raw, problems)
            parts.stamps.append(
                _Stamp(
                    number,
                    indent_of(raw),
                    clean,
                    clock,
                    zone or timezone.utc,
                    at.day,
                    at.section,
                )
            )
        else:
            kind = _classify_text(raw, number, at, parts, problems)
        if not at.seen_text and kind in ("date", "time"):
            problems.add(
                number,
                indent_of(raw),
                f"the live-blog starts with a {kind} line, not its headline",
                "paste the headline as the first line",
            )
        if kind in _STAYS and (near_miss := near_miss_kind(clean)) is not None:
            warnings.append(
                Problem(
                    problems.path,
                    number,
                    indent_of(raw),
                    f"line looks like a {near_miss} line but is not one: {clean!r}",
                    _NEAR_MISS_HINTS[near_miss] + f", or it stays {_STAYS[kind]}",
                )
            )
        at.seen_text = at.seen_text or kind != "blank"
        parts.lines.append(ClassifiedLine(number, kind, raw))
    return parts


def _classify_text(
    raw: str, number: int, at: _Position, parts: _Parts, problems: ProblemCollector
) -> LineKind:
    """A line of text is the headline, part of the intro, or a paragraph of an entry."""
    paragraph = Paragraph(raw.strip(), number)
    if not at.seen_text:
        parts.headline = paragraph
        return "headline"
    if at.in_entry:
        parts.stamps[-1].paragraphs.append(paragraph)
        return "paragraph"
    if at.section == 0:
        parts.intro.append(paragraph)
        return "intro"
    problems.add(
        number,
        indent_of(raw),
        "text between a date line and the next time line belongs to no entry",
        "add the entry's time line above it, or move it above the date line into the intro",
    )
    return "paragraph"


def _check(
    parts: _Parts, options: ParseOptions, problems: ProblemCollector, warnings: list[Problem]
) -> None:
    """The post-pass: what the lines make together. Errors stop here; warnings are added."""
    if not parts.stamps:
        problems.add(
            0,
            0,
            "no entries found: no time lines such as '16:56 GMT'",
            "each entry starts with a line holding just its time",
        )
    undated = next((stamp for stamp in parts.stamps if stamp.day is None), None)
    if undated is not None:
        problems.add(
            undated.line,
            undated.column,
            f"no date for entry {undated.label}",
            "add a date line such as '16 May 2025' above it, or set 'published' in source.yml",
        )
    problems.raise_if_any()
    for stamp in parts.stamps:
        if not stamp.paragraphs:
            warnings.append(
                Problem(problems.path, stamp.line, stamp.column, f"entry {stamp.label} has no text")
            )
    furniture_wanted = {normalise(line) for line in options.furniture}
    for wanted in sorted(furniture_wanted - parts.furniture_seen):
        warnings.append(
            Problem(
                problems.path,
                0,
                0,
                f"furniture line not found: {wanted!r}",
                "check 'furniture' in source.yml against the live-blog",
            )
        )


def describe_liveblog(blog: Liveblog) -> dict[str, object]:
    """The parsed live-blog as plain data, for ``explainer parse`` and the golden tests."""
    return {
        "headline": blog.headline.text,
        "intro": [paragraph.text for paragraph in blog.intro],
        "order": blog.order,
        "entries": [
            {
                "anchor": entry.anchor,
                "posted": entry.posted.isoformat(),
                "time": entry.time_label,
                "line": entry.line,
                "paragraphs": [paragraph.text for paragraph in entry.paragraphs],
            }
            for entry in blog.entries
        ],
        "furniture": [paragraph.text for paragraph in blog.furniture],
    }


def _detect_order(stamps: list[_Stamp]) -> Order:
    """The reading in which the entries span the least time, then step back in time least."""

    def cost(order: Order) -> tuple[timedelta, int]:
        posted = _date_stamps(stamps, order)
        step = 1 if order == "oldest-first" else -1
        against = sum((after - before) * step < timedelta(0) for before, after in pairwise(posted))
        return max(posted) - min(posted), against

    return "oldest-first" if cost("oldest-first") < cost("newest-first") else "newest-first"


def _date_stamps(stamps: list[_Stamp], order: Order) -> list[datetime]:
    """When each stamp was posted, if the blog lists them in ``order``.

    Taken in order of posting, a clock that runs backwards has passed midnight. So a date line
    names the day its entries begin on, whichever way the blog lists them: a newest-first blog
    that runs past midnight, with the date it started on at the top, dates right, and its
    anchors stay put as it grows.
    """
    posting = list(range(len(stamps)))
    if order == "newest-first":
        posting.reverse()
    posted: dict[int, datetime] = {}
    shift = 0
    for previous, index in zip([None, *posting], posting):
        stamp = stamps[index]
        if previous is None or stamps[previous].section != stamp.section:
            shift = 0
        elif stamp.minutes < stamps[previous].minutes:
            shift += 1
        assert stamp.day is not None
        day = stamp.day + timedelta(days=shift)
        posted[index] = datetime.combine(day, stamp.clock, tzinfo=stamp.zone)
    return [posted[index] for index in range(len(stamps))]


def _build_entries(stamps: list[_Stamp], order: Order) -> tuple[Entry, ...]:
    """Entries oldest first, each with an anchor from its date and time."""
    dated = list(zip(_date_stamps(stamps, order), stamps))
    if order == "newest-first":
        dated.reverse()
    # A stable sort: entries posted in the same minute keep their order of posting, so the
    # first keeps the plain anchor and a later one gets -2, and adding entries never renames.
    dated.sort(key=lambda pair: pair[0])
    seen: dict[str, int] = {}
    entries = []
    for posted, stamp in dated:
        base = f"{posted:%Y-%m-%d-%H%M}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        entries.append(Entry(anchor, posted, stamp.label, tuple(stamp.paragraphs), stamp.line))
    return tuple(entries)
