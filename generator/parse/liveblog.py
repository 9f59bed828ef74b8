"""Stage 1, parse: a live-blog pasted from any outlet's page -> Liveblog.

1. ``lines.classify`` finds the headline and gives every line a kind: page chrome, header
   datelines, date lines, entry stamps, markers, titles, bylines, captions, paragraphs.
2. ``_date_entries`` (with ``dating``) gives each entry an instant: dates and zones from
   the text itself (datelines, date lines, dated stamps, ages against ``captured``), the
   order of the page, midnight crossings decided on instants.
3. ``check_page`` reports what is doubtful (each with a code that source.yml's ``confirm``
   can accept) and stops on what cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import cast

from ..collector import cycle_collector_paused
from ..errors import ContentError, Problem, ProblemCollector
from ..model import (
    ClassifiedLine,
    Entry,
    LineKind,
    Liveblog,
    Order,
    Paragraph,
    SourceInfo,
)
from .checks import check_page, confirmed, report_no_headline
from .dateline import Reading
from .dating import Clock, check_offsets, detect_order, entry_anchor, settle, utc, valid_clock
from .furniture import FurnitureRules
from .lines import Draft, Page, classify
from .memo import forgetting
from .names import detect_language, names_for
from .stamps import near_miss_kind, normalise
from .walk import check_order, resolve, section_days, walk_days
from .zones import resolve_setting, zone_of_abbreviation

_ZONE_HINT = (
    "use a zone abbreviation such as GMT, BST, CEST, EDT or MSK, an offset such as +03:00,"
    " or an IANA name such as Europe/Kyiv"
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


@cycle_collector_paused()  # also for `explainer parse` and `check`, outside the pipeline
@forgetting  # memo.py: what was remembered about this page's lines lasts one parse
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
            Problem(
                path,
                0,
                0,
                "the live-blog is empty",
                "paste the live-blog text: headline, intro, date, timed entries",
                "empty",
            )
        )
    language = options.language or detect_language(text)
    names = names_for(language)
    rules = FurnitureRules(options.furniture, problems)
    page = classify(raw_lines, names, rules, options.headline)
    kinds = cast(list[LineKind], [kind or "paragraph" for kind in page.kinds])
    lines = tuple(map(ClassifiedLine, range(1, len(raw_lines) + 1), kinds, raw_lines))
    try:
        return _read_page(page, lines, raw_lines, rules, problems, path, options, language)
    except ContentError as error:
        error.lines = lines  # so `explainer parse` can show how each line was read
        raise


def _read_page(
    page: Page,
    lines: tuple[ClassifiedLine, ...],
    raw_lines: list[str],
    rules: FurnitureRules,
    problems: ProblemCollector,
    path: str,
    options: ParseOptions,
    language: str,
) -> tuple[Liveblog, str]:
    """Date the classified page's entries and check them; the Liveblog, or ContentError."""
    warnings: list[Problem] = []
    if page.headline is None:
        report_no_headline(page, problems)
    clock = _clock(page, options, problems, warnings, page.clean)
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
        last = updated if isinstance(updated, datetime) else None  # a day ends no walk
        order, entries = _date_entries(page, options, clock, published, last)
    check_page(page, raw_lines, rules, clock, names_for(language))
    problems.raise_if_any()
    warnings = confirmed(sorted(warnings, key=lambda w: w.line), options.confirm, raw_lines)
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
    page: Page,
    options: ParseOptions,
    problems: ProblemCollector,
    warnings: list[Problem],
    texts: list[str],
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
    clock = Clock(problems, warnings, setting, statement, options.captured, texts=texts)
    for line, reading in page.datelines:
        if reading.zone and clock.page_zone is None:
            clock.page_zone = clock.zone(reading, line, 1)
    for draft in page.drafts:
        if draft.reading.zone:
            clock.entry_zone = clock.zone(draft.reading, draft.line, draft.column)
            break
    return clock


def _page_dates(page: Page, clock: Clock) -> tuple[datetime | date | None, datetime | date | None]:
    """The page's publication and last update, from its datelines (a day when a dateline
    gives no time: 'Güncelleme : 16.05.2025')."""
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
    if "published" not in found and page.page_date and page.dates:
        day = clock.day_of(page.dates[0][1], page.page_date, 1)
        if day is not None:
            found["published"] = day
    published, updated = found.get("published"), found.get("updated")
    for moment in (published, updated):
        if moment is not None and clock.reference is None:
            clock.reference = moment.date() if isinstance(moment, datetime) else moment
    return published, updated


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
    after_published = False
    if day is None and part.has_time and isinstance(published, datetime):
        day, after_published = published.date(), True
    if day is None:
        return None
    if not part.has_time:
        return day
    zone = clock.zone(part, line, 1) or clock.entry_zone
    if zone is None:
        zone = clock.default_zone(line, 1)
    moment = clock.instant(day, part, zone)
    if part.has_date:
        clock.stated_days.add(day)
    if after_published and isinstance(published, datetime) and utc(moment) < utc(published):
        moment = clock.instant(day + timedelta(days=1), part, zone)  # 'updated at 01:20'
    return settle(moment)


def _date_entries(
    page: Page,
    options: ParseOptions,
    clock: Clock,
    published: datetime | date | None,
    updated: datetime | None,
) -> tuple[Order, tuple[Entry, ...]]:
    drafts = page.drafts
    zones = [_draft_zone(d, clock) for d in drafts]
    stated: list[datetime | None] = [_stated(d, z, clock) for d, z in zip(drafts, zones)]
    order = options.order or detect_order(page, stated, [s is not None for s in stated], zones)
    days = section_days(page, clock)
    moments = walk_days(
        page, order, stated, zones, days, published, updated, options.published, clock
    )
    if any(moment is None for moment in moments):
        return order, ()
    dated = [(m, d) for m, d in zip(moments, drafts) if m is not None]
    check_order(dated, order, clock)
    check_offsets(dated, clock)
    page.order = order
    return order, _build_entries(dated, page, clock)


def _draft_zone(draft: Draft, clock: Clock) -> tzinfo:
    if not valid_clock(draft.reading) and draft.reading.age is None:
        hint = (
            "use 1:00 to 12:59 with am/pm"
            if draft.reading.meridiem is not None
            else ("use HH:MM, 00:00 to 23:59")
        )
        clock.problems.add(draft.line, draft.column, f"not a valid time: {draft.label!r}", hint,
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
    return None if day is None else resolve(clock.instant(day, reading, zone), draft, clock, None)


def _build_entries(
    dated: list[tuple[datetime, Draft]], page: Page, clock: Clock
) -> tuple[Entry, ...]:
    # Entries posted in the same minute keep their order of posting (a stable sort), so the
    # first keeps the plain anchor and adding entries never renames one.
    posting = dated if page.order == "oldest-first" else list(reversed(dated))
    ordered = sorted(posting, key=lambda pair: utc(pair[0]))
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
    if utc(moment) < utc(posted) and not reading.has_date:
        moment = clock.instant(day + timedelta(days=1), reading, zone)
    return moment.astimezone(zone)


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
