"""The line classifier: what each line of a pasted page is, on its own and beside its
neighbours, before entries are dated.

Every line gets one kind (``model.LineKind``): headline, intro, dateline, date, time,
marker, title, byline, updated, caption, paragraph, furniture or blank. ``classify`` walks
the lines once; the blog's parts are collected on the way into ``Draft``s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Paragraph
from .dateline import Reading, read_stamp
from .furniture import (
    KEY_EVENT_MARKERS,
    PINNED_MARKERS,
    SUMMARY_BLOCKS,
    TEASER_BLOCKS,
    FurnitureRules,
    is_agency_credit,
    is_byline,
    is_caption,
    is_chrome,
    is_name_list,
)
from .names import Names
from .stamps import normalise

ZONE_STATEMENT_WORDS = ("all times", "times are", "times stated", "alle zeiten", "heure de")


@dataclass
class Draft:
    """An entry as its lines are read."""

    line: int
    column: int
    label: str
    reading: Reading
    section: int
    """How many date lines stand above it."""
    markers: set[str] = field(default_factory=set)
    title: Paragraph | None = None
    byline: str = ""
    updated: Reading | None = None
    updated_line: int = 0
    captions: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)


@dataclass
class Page:
    """What the classifier found: the page's parts and every line's kind."""

    kinds: list[str]
    headline: Paragraph | None = None
    intro: list[Paragraph] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    datelines: list[tuple[int, Reading]] = field(default_factory=list)
    dates: list[tuple[int, Reading]] = field(default_factory=list)
    """Date lines, with the index of the first draft below each."""
    date_lines: list[int] = field(default_factory=list)
    zone_statement: str | None = None
    furniture: list[Paragraph] = field(default_factory=list)
    key_titles: set[str] = field(default_factory=set)
    glued: list[tuple[int, Draft]] = field(default_factory=list)
    """Time lines read as entry text, with the entry they are part of."""
    order: str = "newest-first"
    blank_separated: bool = True
    """Entries are divided by blank lines, so a time line glued to text is part of it."""


def classify(
    raw_lines: list[str], names: Names, rules: FurnitureRules, headline: str | None
) -> Page:
    """Classify every line, in one walk after the headline has been found."""
    clean = [normalise(raw) for raw in raw_lines]
    readings = [read_stamp(text, names) if text else None for text in clean]
    page = Page(kinds=["blank" if not text else "" for text in clean])
    top = _find_headline(clean, readings, rules, headline)
    first_entry = _first_entry(clean, readings, top)
    if top is not None:
        page.headline = Paragraph(raw_lines[top].strip(), top + 1)
    for index in range(len(clean)):
        if not clean[index] or page.kinds[index]:
            continue
        if top is not None and index == top:
            page.kinds[index] = "headline"
        elif rules.matches(clean[index]) or (
            top is not None and index < top and not _is_dateline(readings[index])
        ):
            _leave_out(page, index, raw_lines)
    stamps = [
        i for i in range(first_entry, len(clean)) if readings[i] and _opens_entry(readings[i])
    ]  # type: ignore[arg-type]
    page.blank_separated = sum(1 for i in stamps if i == 0 or not clean[i - 1]) * 2 >= len(stamps)
    _walk(page, raw_lines, clean, readings, top, first_entry, rules)
    return page


def _is_dateline(reading: Reading | None) -> bool:
    return reading is not None and (reading.prefix is not None or reading.also is not None)


def _find_headline(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules, wanted: str | None
) -> int | None:
    """source.yml's headline where it stands; else the first line of four words or more that
    no short line (a section name) follows, among the lines above the first stamp."""
    if wanted:
        target = normalise(wanted)
        for index, text in enumerate(clean):
            if text == target:
                return index
    candidates = []
    for index, text in enumerate(clean):
        if readings[index] is not None and readings[index].has_time:  # type: ignore[union-attr]
            break
        if not text or is_chrome(text) or readings[index] is not None or rules.matches(text):
            continue
        candidates.append(index)
    for position, index in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if len(clean[index].split()) < 4:
            continue
        if following is not None and following == _next_text(clean, index):
            after = clean[following]
            if len(after.split()) <= 3 and not is_byline(after) and not after.endswith("."):
                continue
        return index
    return candidates[0] if candidates else None


def _next_text(clean: list[str], index: int) -> int | None:
    for later in range(index + 1, len(clean)):
        if clean[later]:
            return later
    return None


def _first_entry(clean: list[str], readings: list[Reading | None], top: int | None) -> int:
    """The first line that opens an entry: a stamp whose shape other stamps share, or the
    first stamp with no dateline phrase (header datelines stand above it)."""
    start = 0 if top is None else top + 1
    shapes: dict[tuple[object, ...], int] = {}
    for reading in readings[start:]:
        if reading is not None and _opens_entry(reading):
            shapes[_shape(reading)] = shapes.get(_shape(reading), 0) + 1
    for index in range(start, len(clean)):
        reading = readings[index]
        if reading is None or not _opens_entry(reading):
            continue
        if reading.has_date and reading.has_time and reading.plain and not reading.rest:
            if shapes[_shape(reading)] == 1 and len(shapes) > 1:
                continue  # a bare header dateline: 'Mon 2 Aug 2021 12.45 EDT'
        return index
    return len(clean)


def _opens_entry(reading: Reading) -> bool:
    """A time stamp (with or without a date) or an age, not a dateline."""
    if reading.also is not None:
        return False
    if reading.age is not None:
        return reading.prefix is None
    if not reading.has_time:
        return False
    if reading.prefix in ("published", "first-published"):
        return not reading.has_date  # 'Posted at 14:05'
    return reading.prefix is None


def _shape(reading: Reading) -> tuple[object, ...]:
    return (
        reading.month is not None,
        reading.year is not None,
        reading.weekday is not None,
        reading.meridiem is not None,
        reading.zone is not None,
        reading.age is not None,
        bool(reading.rest),
    )


def _leave_out(page: Page, index: int, raw_lines: list[str]) -> None:
    page.kinds[index] = "furniture"
    page.furniture.append(Paragraph(raw_lines[index].strip(), index + 1))


def _walk(
    page: Page,
    raw_lines: list[str],
    clean: list[str],
    readings: list[Reading | None],
    top: int | None,
    first_entry: int,
    rules: FurnitureRules,
) -> None:
    """The walk proper: header lines, then entries and what is between them."""
    pending: set[str] = set()
    current: Draft | None = None
    section = 0
    index = 0
    blank_before = True
    while index < len(clean):
        text, reading = clean[index], readings[index]
        if page.kinds[index]:
            blank_before = page.kinds[index] == "blank" or (
                blank_before and page.kinds[index] == "furniture"
            )
            index += 1
            continue
        folded = text.casefold()
        if folded in TEASER_BLOCKS or folded in SUMMARY_BLOCKS:
            index = _skip_block(page, raw_lines, clean, readings, index, current is None)
            continue
        if is_chrome(text):
            _leave_out(page, index, raw_lines)
        elif folded in KEY_EVENT_MARKERS or folded in PINNED_MARKERS:
            marker = "pinned" if folded in PINNED_MARKERS else "key"
            page.kinds[index] = "marker"
            if current is not None and not current.body and not current.title and not blank_before:
                current.markers.add(marker)
            else:
                pending.add(marker)
        elif any(word in folded for word in ZONE_STATEMENT_WORDS) and len(text) < 60:
            page.kinds[index] = "dateline"
            page.zone_statement = text.split()[-1].rstrip(".")
        elif (
            reading is not None
            and index < first_entry
            and (_is_dateline(reading) or reading.has_time or reading.age is not None)
        ):
            page.kinds[index] = "dateline"
            page.datelines.append((index + 1, reading))
        elif reading is not None and reading.has_date and not reading.has_time and reading.plain:
            page.kinds[index] = "date"
            page.dates.append((len(page.drafts), reading))
            page.date_lines.append(index + 1)
            section += 1
            current = None
        elif reading is not None and _opens_entry(reading) and index >= first_entry:
            if _glued(current, blank_before, reading, clean, index, page):
                assert current is not None
                page.glued.append((index + 1, current))
                page.kinds[index] = "paragraph"
                current.body.append(Paragraph(raw_lines[index].strip(), index + 1))
            else:
                current = _open_entry(page, raw_lines, index, reading, section, pending)
                pending = set()
        elif current is not None and reading is not None and reading.prefix == "updated":
            page.kinds[index] = "updated"
            current.updated, current.updated_line = reading, index + 1
        elif reading is not None and _is_dateline(reading):
            page.kinds[index] = "dateline"
            page.datelines.append((index + 1, reading))
        elif current is None:
            _header_text(page, raw_lines, clean, index)
        else:
            _entry_text(page, raw_lines, clean, index, current)
        blank_before = False
        index += 1


def _glued(
    current: Draft | None,
    blank_before: bool,
    reading: Reading,
    clean: list[str],
    index: int,
    page: Page,
) -> bool:
    """A bare time line standing inside an entry's text (a schedule), not opening one."""
    if current is None or blank_before or reading.zone or reading.has_date or reading.rest:
        return False
    if not (current.body or current.title):
        return False
    return page.blank_separated


def _open_entry(
    page: Page, raw_lines: list[str], index: int, reading: Reading, section: int, pending: set[str]
) -> Draft:
    raw = raw_lines[index]
    draft = Draft(
        index + 1, len(raw) - len(raw.lstrip()) + 1, normalise(raw), reading, section, pending
    )
    page.kinds[index] = "time"
    if reading.rest:
        if reading.rest_sep == "," and is_name_list(reading.rest) or is_byline(reading.rest):
            draft.byline = reading.rest
            draft.label = normalise(raw)[: -len(reading.rest)].rstrip(" ,")
        elif reading.rest_sep == " ":
            draft.title = Paragraph(reading.rest, index + 1)
        else:
            draft.body.append(Paragraph(reading.rest, index + 1))
            _title_from_above(page, draft)
    page.drafts.append(draft)
    return draft


def _title_from_above(page: Page, draft: Draft) -> None:
    """'Selenskyj fordert ...' above '23.56 Uhr: Der ...': the line above is the title."""
    for back in range(draft.line - 2, -1, -1):
        kind = page.kinds[back]
        if kind == "blank":
            continue
        if kind not in ("paragraph", "intro", "title"):
            return
        owner = page.drafts[-1] if page.drafts else None
        pool = owner.body if owner is not None and kind != "intro" else page.intro
        if owner is not None and owner.title is not None and owner.title.line == back + 1:
            return
        if pool and pool[-1].line == back + 1 and _title_like(pool[-1].text):
            draft.title = pool.pop()
            page.kinds[back] = "title"
        return


def _title_like(text: str) -> bool:
    if len(text) > 140 or len(text.split()) > 22:
        return False
    stripped = text.rstrip("\"'”’»)")
    if stripped.endswith(("...", "…")):
        return True
    return not stripped.endswith((".", ":", ";", ","))


def _header_text(page: Page, raw_lines: list[str], clean: list[str], index: int) -> None:
    """Text above the first entry: intro, or a page byline or module label (left out)."""
    text = clean[index]
    if is_byline(text) or is_name_list(text) or is_caption(text):
        _leave_out(page, index, raw_lines)
        return
    following = _next_text(clean, index)
    if (
        len(text.split()) <= 3
        and not text.rstrip("\"'”’»").endswith((".", "!", "?"))
        and following is not None
        and clean[following][:1] in "•-–*·"
    ):
        _leave_out(page, index, raw_lines)  # a module label over its points
        return
    if _repeated(clean, index):
        _leave_out(page, index, raw_lines)  # a lead image's caption, copied twice
        return
    page.kinds[index] = "intro"
    page.intro.append(Paragraph(raw_lines[index].strip(), index + 1))


def _repeated(clean: list[str], index: int) -> bool:
    nearby = [clean[i] for i in range(max(0, index - 3), min(len(clean), index + 4)) if i != index]
    return clean[index] in nearby


def _entry_text(
    page: Page, raw_lines: list[str], clean: list[str], index: int, draft: Draft
) -> None:
    """A line inside an entry: its title, byline, a caption or a paragraph."""
    text = clean[index]
    paragraph = Paragraph(raw_lines[index].strip(), index + 1)
    following = _next_text(clean, index)
    if is_caption(text) or (
        following is not None
        and (
            is_agency_credit(clean[following])
            or clean[following] == text
            or _credit_only(clean[following])
        )
        and _title_like(text)
        and len(text.split()) <= 14
    ):
        page.kinds[index] = "caption"
        draft.captions.append(paragraph)
        if draft.captions and len(draft.captions) > 1 and draft.captions[-2].text == paragraph.text:
            draft.captions.pop()
            page.kinds[index] = "furniture"
            page.furniture.append(paragraph)
        return
    if (
        not draft.body
        and not draft.byline
        and (is_byline(text) or (draft.title is not None and is_name_list(text)))
    ):
        page.kinds[index] = "byline"
        draft.byline = text
        return
    if not draft.body and draft.title is None and not draft.byline and _title_like(text):
        if following is not None and page.kinds[following] in ("", "caption"):
            page.kinds[index] = "title"
            draft.title = paragraph
            return
    page.kinds[index] = "paragraph"
    draft.body.append(paragraph)


def _credit_only(text: str) -> bool:
    return is_caption(text) and len(text) <= 60 and ":" in text


def _skip_block(
    page: Page,
    raw_lines: list[str],
    clean: list[str],
    readings: list[Reading | None],
    index: int,
    in_header: bool,
) -> int:
    """A teaser or summary block: its heading and lines up to the next blank line.

    A summary block's items that recur further down are a key-events list (left out, their
    entries marked); items that do not are module points, the intro, in the header.
    """
    heading = clean[index].casefold()
    _leave_out(page, index, raw_lines)
    later_text = set(clean[index + 1 :])
    index += 1
    while index < len(clean) and clean[index]:
        text, reading = clean[index], readings[index]
        if page.kinds[index]:
            index += 1
            continue
        if heading in SUMMARY_BLOCKS:
            if reading is not None and (reading.age is not None or reading.has_time):
                if _recurs(clean, index + 1, later_text):
                    _leave_out(page, index, raw_lines)
                    index += 1
                    continue
                break
            if text in set(clean[index + 1 :]):
                page.key_titles.add(text)
                _leave_out(page, index, raw_lines)
            elif is_chrome(text):
                _leave_out(page, index, raw_lines)
            elif in_header:
                if len(text.split()) <= 3 and text.casefold() in SUMMARY_BLOCKS:
                    _leave_out(page, index, raw_lines)
                else:
                    page.kinds[index] = "intro"
                    page.intro.append(Paragraph(raw_lines[index].strip(), index + 1))
            else:
                break
        else:
            if reading is not None and _opens_entry(reading) and reading.age is None:
                break
            _leave_out(page, index, raw_lines)
        index += 1
    return index


def _recurs(clean: list[str], index: int, later: set[str]) -> bool:
    """The line after a key-event list's time is a title that stands again below."""
    return index < len(clean) and clean[index] in set(clean[index + 1 :])
