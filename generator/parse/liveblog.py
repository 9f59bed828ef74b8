"""Stage 1, parse: a live-blog pasted from any outlet's page -> Liveblog.

1. ``lines.classify`` finds the headline and gives every line a kind: page chrome, header
   datelines, date lines, entry stamps, markers, titles, bylines, captions, paragraphs.
2. ``_date_entries`` (with ``dating``) gives each entry an instant: dates and zones from
   the text itself (datelines, date lines, dated stamps, ages against ``captured``), the
   order of the page, midnight crossings decided on instants.
3. ``_check`` reports what is doubtful (each with a code that source.yml's ``confirm``
   can accept) and stops on what cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo

from ..errors import ContentError, Problem, ProblemCollector
from ..model import ClassifiedLine, Entry, Liveblog, Order, Paragraph, SourceInfo, entry_anchor
from .dateline import Reading
from .dating import Clock, check_offsets, detect_order, dst_kind, valid_clock
from .furniture import FurnitureRules
from .lines import Draft, Page, classify
from .names import detect_language, names_for
from .stamps import near_miss_kind, normalise
from .zones import resolve_setting, zone_of_abbreviation

_ZONE_HINT = (
    "use an abbreviation from README's zone table, an offset such as +03:00, or an IANA name"
)


@dataclass(frozen=True)
class ParseOptions:
    """What source.yml can tell the parser; each setting overrides what the page says."""

    timezone: str | None = None
    """Zone for stamps that carry none: an abbreviation, ``+03:00`` or an IANA name."""
    published: date | None = None
    """Date for entries the page does not date."""
    order: Order | None = None
    """Force the order instead of detecting it."""
    furniture: tuple[str, ...] = ()
    """Lines to leave out: exact lines or ``/regex/`` patterns."""
    headline: str | None = None
    """The headline, when the page's first lines do not make it plain."""
    language: str | None = None
    """The page's language (detected when unset), for month and weekday names."""
    captured: datetime | None = None
    """When the page was copied, for 'today' and ages such as '2m ago'."""
    confirm: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Warnings accepted by an editor: code -> the lines (as written) they are about."""

    @classmethod
    def from_source(cls, source: SourceInfo) -> ParseOptions:
        """The parser's part of source.yml."""
        return cls(
            source.timezone or None,
            source.published,
            source.order,
            source.furniture,
            source.headline or None,
            getattr(source, "language_set", None) and source.language,
            getattr(source, "captured", None),
            dict(getattr(source, "confirm", {}) or {}),
        )


def parse_liveblog(
    text: str, path: str = "liveblog.txt", options: ParseOptions = ParseOptions()
) -> Liveblog:
    """Parse live-blog text into a Liveblog, or raise ContentError naming every bad line."""
    return read_liveblog(text, path, options)[0]


def read_liveblog(
    text: str, path: str = "liveblog.txt", options: ParseOptions = ParseOptions()
) -> tuple[Liveblog, str]:
    """The Liveblog and the language it was read in."""
    raw_lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines[-1] == "":
        raw_lines.pop()  # the line break ending the last line opens no new line
    problems = ProblemCollector(path)
    if not any(line.strip() for line in raw_lines):
        raise ContentError(
            Problem(path, 0, 0, "the live-blog is empty", "paste the live-blog text", "empty")
        )
    language = options.language or detect_language(text)
    names = names_for(language)
    rules = FurnitureRules(options.furniture, problems)
    page = classify(raw_lines, names, rules, options.headline)
    lines = tuple(
        ClassifiedLine(number, kind or "paragraph", raw)  # type: ignore[arg-type]
        for number, (kind, raw) in enumerate(zip(page.kinds, raw_lines), start=1)
    )
    warnings: list[Problem] = []
    if page.headline is None:
        problems.add(1, 1, "no headline found", "set 'headline' in source.yml", code="no-headline")
    clock = _clock(page, options, problems, warnings)
    published, updated = _page_dates(page, clock)
    entries: tuple[Entry, ...] = ()
    order: Order = options.order or "newest-first"
    if not page.drafts:
        near = [n for n, kind in enumerate(page.kinds, 1) if kind in ("paragraph", "intro")
                and near_miss_kind(normalise(raw_lines[n - 1]))]  # fmt: skip
        problems.add(
            0,
            0,
            "no entries found: no time lines such as '16:56 GMT'"
            + (f" (lines {', '.join(map(str, near))} nearly are)" if near else ""),
            "each entry starts with a line holding its time",
            code="no-entries",
        )
    else:
        order, entries = _date_entries(page, options, clock, published, updated)
    _check(page, raw_lines, rules, clock)
    problems.raise_if_any()
    warnings = _confirmed(warnings, options.confirm, raw_lines)
    assert page.headline is not None
    blog = Liveblog(
        path,
        page.headline,
        tuple(page.intro),
        entries,
        order,
        lines,
        tuple(page.furniture),
        tuple(warnings),
    )
    return replace(blog, published=published, updated=updated, language=language), language


def _clock(
    page: Page, options: ParseOptions, problems: ProblemCollector, warnings: list[Problem]
) -> Clock:
    setting = None
    if options.timezone:
        setting = resolve_setting(options.timezone)
        if setting is None:
            raise ContentError(
                Problem(
                    problems.path,
                    0,
                    0,
                    f"unknown time zone {options.timezone!r} (from source.yml)",
                    _ZONE_HINT,
                    "unknown-zone",
                )
            )
    statement = None
    if page.zone_statement:
        try:
            statement = zone_of_abbreviation(page.zone_statement, setting)
        except ValueError:
            statement = None
    clock = Clock(problems, warnings, setting, statement, options.captured)
    for line, reading in page.datelines:
        if reading.zone and clock.page_zone is None:
            clock.page_zone = clock.zone(reading, line, 1)
    for draft in page.drafts:
        if draft.reading.zone:
            clock.entry_zone = clock.zone(draft.reading, draft.line, draft.column)
            break
    return clock


def _page_dates(page: Page, clock: Clock) -> tuple[datetime | date | None, datetime | None]:
    """The page's publication and last update, from its datelines."""
    found: dict[str, datetime | date] = {}
    first_published = any(
        r.prefix == "first-published" or (r.also and r.also.prefix == "first-published")
        for _, r in page.datelines
    )
    for line, reading in page.datelines:
        for part in (reading, reading.also):
            if part is None:
                continue
            kind = part.prefix or ("updated" if first_published else "published")
            kind = "published" if kind == "first-published" else kind
            moment = _dateline_moment(part, line, clock, found.get("published"))
            if moment is not None:
                found.setdefault(kind, moment)
    published, updated = found.get("published"), found.get("updated")
    for moment in (published, updated):
        if moment is not None and clock.reference is None:
            clock.reference = moment.date() if isinstance(moment, datetime) else moment
    if isinstance(updated, date) and not isinstance(updated, datetime):
        updated = None
    return published, updated  # type: ignore[return-value]


def _dateline_moment(
    part: Reading, line: int, clock: Clock, published: datetime | date | None
) -> datetime | date | None:
    if part.age is not None:
        if clock.captured is None:
            clock.warn(line, 1, "the page's age cannot be read without the time it was copied",
                       "set 'captured' in source.yml", "needs-capture-time")  # fmt: skip
            return None
        return clock.captured - part.age
    day = clock.day_of(part, line, 1) if part.has_date else None
    if day is None and part.has_time and isinstance(published, datetime):
        day = published.date()
    if day is None:
        return None
    if not part.has_time:
        return day
    zone = clock.zone(part, line, 1) or clock.entry_zone
    if zone is None:
        zone = clock.default_zone(line, 1)
    return clock.instant(day, part, zone).astimezone(zone)


def _date_entries(
    page: Page,
    options: ParseOptions,
    clock: Clock,
    published: datetime | date | None,
    updated: datetime | None,
) -> tuple[Order, tuple[Entry, ...]]:
    drafts = page.drafts
    _DRAFTS[0] = drafts
    zones = [_draft_zone(d, clock) for d in drafts]
    stated: list[datetime | None] = [_stated(d, z, clock) for d, z in zip(drafts, zones)]
    order = options.order or detect_order(page, stated, [s is not None for s in stated])
    days = _section_days(page, clock)
    moments = _walk_days(page, order, stated, zones, days, published, updated, options, clock)
    if any(moment is None for moment in moments):
        return order, ()
    dated = [(m, d) for m, d in zip(moments, drafts) if m is not None]
    _check_order(dated, order, clock)
    check_offsets(dated, clock)
    page.order = order
    return order, _build_entries(dated, page, clock)


def _draft_zone(draft: Draft, clock: Clock) -> tzinfo:
    if not valid_clock(draft.reading) and draft.reading.age is None:
        clock.problems.add(draft.line, draft.column, f"not a valid time: {draft.label!r}",
                           "use HH:MM, 00:00 to 23:59, or 1:00 to 12:59 with am/pm",
                           code="invalid-time")  # fmt: skip
    zone = clock.zone(draft.reading, draft.line, draft.column)
    return zone if zone is not None else clock.default_zone(draft.line, draft.column)


def _stated(draft: Draft, zone: tzinfo, clock: Clock) -> datetime | None:
    """The instant a stamp states in full (a dated stamp or an age), else None."""
    reading = draft.reading
    if reading.age is not None:
        if clock.captured is None:
            clock.problems.add(draft.line, draft.column,
                               f"the age {draft.label!r} cannot be read without the time the"
                               " page was copied", "set 'captured' in source.yml",
                               code="needs-capture-time")  # fmt: skip
            return datetime(2000, 1, 1, tzinfo=timezone.utc)
        moment = clock.captured - reading.age
        return moment.astimezone(clock.setting or clock.captured.tzinfo)
    if not reading.has_date:
        return None
    day = clock.day_of(reading, draft.line, draft.column)
    return None if day is None else _resolve(clock.instant(day, reading, zone), draft, clock, None)


def _resolve(moment: datetime, draft: Draft, clock: Clock, after: datetime | None) -> datetime:
    """Settle a time that exists twice or not at all, and report it."""
    kind = dst_kind(moment)
    if kind == "gap":
        clock.warn(draft.line, draft.column, f"{draft.label!r} does not exist on that day "
                   "(the clocks went forward); read with the offset before the change",
                   "check the time against the original", "nonexistent-time")  # fmt: skip
    elif kind == "fold":
        later = moment.replace(fold=1)
        if after is not None and moment < after <= later:
            moment = later
        clock.warn(draft.line, draft.column, f"{draft.label!r} happened twice that night "
                   f"(the clocks went back); read as {moment.astimezone(moment.tzinfo):%H:%M%z}",
                   "write the stamp's zone (EDT or EST), or confirm in source.yml",
                   "ambiguous-time")  # fmt: skip
    return moment.astimezone(moment.tzinfo) if moment.tzinfo else moment


def _section_days(page: Page, clock: Clock) -> dict[int, date]:
    """The date line above each section, by section number (1 for the first date line)."""
    days: dict[int, date] = {}
    for number, ((_, reading), line) in enumerate(zip(page.dates, page.date_lines), start=1):
        day = clock.day_of(reading, line, 1)
        if day is not None:
            days[number] = day
    return days


def _walk_days(
    page: Page,
    order: Order,
    stated: list[datetime | None],
    zones: list[tzinfo],
    days: dict[int, date],
    published: datetime | date | None,
    updated: datetime | None,
    options: ParseOptions,
    clock: Clock,
) -> list[datetime | None]:
    """Instants for every draft: stated ones as they are, others walked from an anchor.

    A date line dates the entry right below it; from there, along the order of posting, a
    clock that runs back has passed midnight (a day no date line names: reported).
    """
    drafts = page.drafts
    moments: list[datetime | None] = list(stated)
    sections = sorted({d.section for d in drafts})
    for section in sections:
        members = [i for i, d in enumerate(drafts) if d.section == section]
        anchor_day = days.get(section)
        if section == 0 and anchor_day is None and days:
            anchor_day = days[min(days)]
            first = next((i for i in members if "pinned" not in drafts[i].markers), members[0])
            clock.warn(drafts[first].line, drafts[first].column,
                       "entry above the first date line; dated by the date line below it",
                       "check its date, or confirm in source.yml", "before-first-date")  # fmt: skip
            members_below = [i for i, d in enumerate(drafts) if d.section == min(days)]
            _walk_above(members, members_below, moments, stated, zones, anchor_day, order, clock)
            continue
        if anchor_day is not None:
            _walk_section(members, moments, stated, zones, anchor_day, order, True, clock)
            continue
        anchor = _page_anchor(published, updated, options)
        if anchor is None:
            if all(stated[i] is not None for i in members):
                continue
            undated = next(i for i in members if stated[i] is None)
            clock.problems.add(drafts[undated].line, drafts[undated].column,
                               f"no date for entry {drafts[undated].label}",
                               "add a date line such as '16 May 2025' above it, or set"
                               " 'published' in source.yml", code="no-date")  # fmt: skip
            return [None] * len(drafts)
        _walk_anchor(members, moments, stated, zones, anchor, order, clock)
    return moments


def _page_anchor(
    published: datetime | date | None, updated: datetime | None, options: ParseOptions
) -> tuple[str, datetime | date] | None:
    if options.published is not None:
        return "start", options.published
    if published is not None:
        return "start", published
    if updated is not None:
        return "end", updated
    return None


def _walk_section(
    members: list[int],
    moments: list[datetime | None],
    stated: list[datetime | None],
    zones: list[tzinfo],
    day: date,
    order: Order,
    named: bool,
    clock: Clock,
) -> None:
    """Walk one date line's entries in page order from the first, which the line dates."""
    previous: datetime | None = None
    drafts_seen = 0
    for index in members:
        if stated[index] is not None:
            previous = stated[index]
            continue
        draft = _DRAFTS[0][index]
        moment = _on_day(day, draft, zones[index], clock, previous, order)
        if (
            previous is not None
            and _against(moment, previous, order)
            and "pinned" not in draft.markers
        ):
            day = day + timedelta(days=1 if order == "oldest-first" else -1)
            moment = _on_day(day, draft, zones[index], clock, previous, order)
            if named:
                clock.warn(draft.line, draft.column, f"entry {draft.label} is on a day no date"
                           f" line names ({day:%-d %B %Y}, past midnight)",
                           "add the date line, or confirm in source.yml", "no-date")  # fmt: skip
        moments[index] = moment
        if "pinned" not in draft.markers:
            previous = moment
        drafts_seen += 1


def _walk_above(
    members: list[int],
    below: list[int],
    moments: list[datetime | None],
    stated: list[datetime | None],
    zones: list[tzinfo],
    day: date,
    order: Order,
    clock: Clock,
) -> None:
    """Entries above the first date line, walked up from the entry right below it."""
    reverse: Order = "oldest-first" if order == "newest-first" else "newest-first"
    start = below[0] if below else None
    previous = moments[start] if start is not None else None
    for index in reversed(members):
        if stated[index] is not None:
            previous = stated[index]
            continue
        draft = _DRAFTS[0][index]
        moment = _on_day(day, draft, zones[index], clock, previous, reverse)
        if (
            previous is not None
            and _against(moment, previous, reverse)
            and "pinned" not in draft.markers
        ):
            day = day + timedelta(days=1 if reverse == "oldest-first" else -1)
            moment = _on_day(day, draft, zones[index], clock, previous, reverse)
        moments[index] = moment
        if "pinned" not in draft.markers:
            previous = moment


def _walk_anchor(
    members: list[int],
    moments: list[datetime | None],
    stated: list[datetime | None],
    zones: list[tzinfo],
    anchor: tuple[str, datetime | date],
    order: Order,
    clock: Clock,
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
    for position, index in enumerate(posting):
        if stated[index] is not None:
            previous = stated[index]
            continue
        draft = _DRAFTS[0][index]
        moment = _on_day(day, draft, zones[index], clock, previous, walk_order)
        if position == 0 and where == "end" and isinstance(when, datetime) and moment > when:
            day -= timedelta(days=1)
            moment = _on_day(day, draft, zones[index], clock, previous, walk_order)
        if previous is not None and _against(moment, previous, walk_order):
            day += timedelta(days=1 if walk_order == "oldest-first" else -1)
            moment = _on_day(day, draft, zones[index], clock, previous, walk_order)
        moments[index] = moment
        previous = moment


def _against(moment: datetime, previous: datetime, order: Order) -> bool:
    return moment < previous if order == "oldest-first" else moment > previous


def _on_day(
    day: date, draft: Draft, zone: tzinfo, clock: Clock, previous: datetime | None, order: Order
) -> datetime:
    moment = clock.instant(day, draft.reading, zone)
    after = previous if order == "oldest-first" else None
    if order == "newest-first" and previous is not None and dst_kind(moment) == "fold":
        earlier = moment.replace(fold=0)
        if not earlier < previous:
            moment = moment.replace(fold=1)
        return _resolve(moment, draft, clock, None)
    return _resolve(moment, draft, clock, after)


_DRAFTS: list[list[Draft]] = [[]]
"""The drafts being dated (set by _build_entries' caller for the walkers)."""


def _check_order(dated: list[tuple[datetime, Draft]], order: Order, clock: Clock) -> None:
    """out-of-order at the first entry that breaks the page's order (pinned ones exempt)."""
    previous: datetime | None = None
    for moment, draft in dated:
        if "pinned" in draft.markers:
            continue
        if previous is not None and _against(moment, previous, order):
            clock.warn(draft.line, draft.column, f"entry {draft.label} is out of order",
                       "check its stamp; the timeline lists entries by time",
                       "out-of-order")  # fmt: skip
            return
        previous = moment


def _build_entries(
    dated: list[tuple[datetime, Draft]], page: Page, clock: Clock
) -> tuple[Entry, ...]:
    # Entries posted in the same minute keep their order of posting (a stable sort), so the
    # first keeps the plain anchor and adding entries never renames one.
    posting = dated if page.order == "oldest-first" else list(reversed(dated))
    ordered = sorted(posting, key=lambda pair: pair[0])
    seen: dict[str, int] = {}
    entries = []
    for posted, draft in ordered:
        base = entry_anchor(posted)
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        title = draft.title.text if draft.title else ""
        entries.append(
            Entry(
                anchor,
                posted,
                draft.label,
                tuple(draft.body),
                draft.line,
                title=title,
                byline=draft.byline,
                updated=_entry_updated(draft, posted, clock),
                key_event="key" in draft.markers or (bool(title) and title in page.key_titles),
                pinned="pinned" in draft.markers,
                captions=tuple(draft.captions),
            )
        )
    return tuple(entries)


def _entry_updated(draft: Draft, posted: datetime, clock: Clock) -> datetime | None:
    reading = draft.updated
    if reading is None or not reading.has_time:
        return None
    zone = clock.zone(reading, draft.updated_line, 1) if reading.zone else posted.tzinfo
    assert zone is not None
    day = clock.day_of(reading, draft.updated_line, 1) or posted.astimezone(zone).date()
    moment = clock.instant(day, reading, zone)
    if moment < posted and not reading.has_date:
        moment = clock.instant(day + timedelta(days=1), reading, zone)
    return moment.astimezone(zone)


def _check(page: Page, raw_lines: list[str], rules: FurnitureRules, clock: Clock) -> None:
    for line, draft in page.glued:
        clock.warn(line, 1, f"time line {normalise(raw_lines[line - 1])!r} stands inside the"
                   f" text of entry {draft.label}; kept as its text",
                   "if it opens an entry, put a blank line above it", "time-in-entry")  # fmt: skip
    for number, kind in enumerate(page.kinds, start=1):
        if kind in ("paragraph", "intro", "headline"):
            near = near_miss_kind(normalise(raw_lines[number - 1]))
            if near is not None:
                clock.warn(number, 1, f"line looks like a {near} line but is not one: "
                           f"{normalise(raw_lines[number - 1])!r}",
                           "check it against the original; it stays text", "near-miss")  # fmt: skip
    for draft in page.drafts:
        if not draft.body and draft.title is None:
            clock.warn(draft.line, draft.column, f"entry {draft.label} has no text", "",
                       "empty-entry")  # fmt: skip
    for wanted in rules.unused():
        clock.warn(0, 0, f"furniture line not found: {wanted!r}",
                   "check 'furniture' in source.yml against the live-blog",
                   "furniture-not-found")  # fmt: skip


def _confirmed(
    warnings: list[Problem], confirm: dict[str, tuple[str, ...]], raw_lines: list[str]
) -> list[Problem]:
    """Warnings an editor has confirmed in source.yml are not repeated."""
    if not confirm:
        return warnings
    kept = []
    for warning in warnings:
        texts = {normalise(t) for t in confirm.get(warning.code, ())}
        line_text = normalise(raw_lines[warning.line - 1]) if warning.line else ""
        if line_text and line_text in texts:
            continue
        kept.append(warning)
    return kept


def describe_liveblog(blog: Liveblog) -> dict[str, object]:
    """The parsed live-blog as plain data, for ``explainer parse`` and the golden tests."""
    return {
        "headline": blog.headline.text,
        "intro": [paragraph.text for paragraph in blog.intro],
        "order": blog.order,
        "entries": [_describe_entry(entry) for entry in blog.entries],
        "furniture": [paragraph.text for paragraph in blog.furniture],
    }


def _describe_entry(entry: Entry) -> dict[str, object]:
    described: dict[str, object] = {
        "anchor": entry.anchor,
        "posted": entry.posted.isoformat(),
        "time": entry.time_label,
        "line": entry.line,
    }
    for name in ("title", "byline"):
        if getattr(entry, name):
            described[name] = getattr(entry, name)
    if entry.updated is not None:
        described["updated"] = entry.updated.isoformat()
    if entry.key_event:
        described["key_event"] = True
    if entry.pinned:
        described["pinned"] = True
    if entry.captions:
        described["captions"] = [caption.text for caption in entry.captions]
    described["paragraphs"] = [paragraph.text for paragraph in entry.paragraphs]
    return described


__all__ = ["ParseOptions", "describe_liveblog", "parse_liveblog", "read_liveblog", "Paragraph"]
