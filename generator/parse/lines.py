"""The line classifier: what each line of a pasted page is, on its own and beside its
neighbours, before entries are dated.

Every line gets one kind (``model.LineKind``): headline, intro, dateline, date, time,
marker, title, byline, updated, caption, paragraph, furniture or blank. ``classify`` walks
the lines once; the blog's parts are collected on the way into ``Draft``s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Paragraph
from .ages import leave_out_ages_beside_times
from .dateline import Reading, read_stamp
from .durations import mark_durations
from .footer import cut_footer
from .furniture import (
    KEY_EVENT_MARKERS,
    PINNED_MARKERS,
    SUMMARY_BLOCKS,
    TEASER_BLOCKS,
    FurnitureRules,
    is_byline,
    is_chrome,
    is_name_list,
    is_teaser_card_line,
    is_teaser_link,
)
from .headerpair import is_header_pair
from .headline import find_headline, is_dateline, kicker_doubt
from .labels import is_label, leave_out_labels
from .latest import cut_story_lists
from .names import Names
from .parts import (
    Draft,
    Page,
    entry_text,
    header_text,
    leave_out,
    opens_entry,
    skip_block,
    title_from_above,
    title_like,
)
from .stamps import normalise

__all__ = ["Draft", "Page", "classify"]

ZONE_STATEMENT_WORDS = ("all times", "times are", "times stated", "alle zeiten", "heure de")
_ZONE_STATEMENT = re.compile("|".join(ZONE_STATEMENT_WORDS))


def classify(
    raw_lines: list[str], names: Names, rules: FurnitureRules, headline: str | None
) -> Page:
    """Classify every line, in one walk after the headline has been found."""
    clean = [normalise(raw) for raw in raw_lines]
    cache: dict[str, Reading | None] = {}
    readings = [
        _read(text, raw, names, cache) if text else None for text, raw in zip(clean, raw_lines)
    ]
    page = Page(kinds=["blank" if not text else "" for text in clean], clean=clean)
    mark_durations(page, raw_lines, clean, readings, rules)  # '1:32' under 'Play' is no stamp
    leave_out_ages_beside_times(page, raw_lines, clean, readings)  # '2h ago' / '16.35 GMT'
    top = find_headline(clean, readings, rules, headline)
    page.kicker_doubt = None if headline else kicker_doubt(clean, readings, top)
    first_entry = _first_entry(clean, readings, top)
    if top is not None:
        page.headline = Paragraph(raw_lines[top].strip(), top + 1)
    for index in range(len(clean)):
        if not clean[index] or page.kinds[index]:
            continue
        if top is not None and index == top:
            page.kinds[index] = "headline"
        elif rules.matches(clean[index]) or (
            top is not None and index < top and not is_dateline(readings[index])
        ):
            leave_out(page, index, raw_lines)
    leave_out_labels(page, raw_lines, readings, first_entry, rules)  # labels.py
    stamps = [i for i in range(first_entry, len(clean)) if _opens(readings[i])]
    page.blank_separated = sum(1 for i in stamps if i == 0 or not clean[i - 1]) * 2 >= len(stamps)
    page.titles_above = _titles_above(clean, readings, stamps, rules)
    page.stamp_lines = set(stamps)
    _walk(page, raw_lines, clean, readings, top, first_entry, rules)
    cut_story_lists(page, raw_lines, readings)  # 'Latest news' / '16:40' / a headline
    cut_footer(page, raw_lines)  # the page's footer below the last entry is no entry text
    page.page_date = _page_date(page)
    return page


def _titles_above(
    clean: list[str], readings: list[Reading | None], stamps: list[int], rules: FurnitureRules
) -> bool:
    """The page sets each entry's title right above its stamp (DW, Spiegel): most stamps have
    a heading line directly above them and a sentence directly below (or after the stamp)."""
    count = 0
    for i in stamps:
        above = clean[i - 1] if i > 0 else ""
        if not above or readings[i - 1] is not None or is_chrome(above) or rules.matches(above):
            continue
        reading = readings[i]
        below = reading.rest if reading is not None and reading.rest_sep == ":" else ""
        below = below or (clean[i + 1] if i + 1 < len(clean) else "")
        if title_like(above) and below and not title_like(below):
            count += 1
    return count >= 2 and count * 2 > len(stamps)


def _page_date(page: Page) -> int:
    """A date under the headline that a standfirst or dateline follows (not an entry's stamp)
    is the page's date: the line, or 0."""
    if not page.header_date:
        return 0
    for kind in page.kinds[page.header_date :]:
        if kind in ("blank", "furniture"):
            continue
        return page.header_date if kind in ("intro", "dateline") else 0
    return 0


def _read(text: str, raw: str, names: Names, cache: dict[str, Reading | None]) -> Reading | None:
    """The line's stamp; a blog repeats its stamps' shapes, so each text is read once."""
    if text not in cache:
        cache[text] = read_stamp(text, names)
    return _located(cache[text], raw)


def _located(reading: Reading | None, raw: str) -> Reading | None:
    """The zone's column in the line as written (normalising may have closed up spaces)."""
    if reading is None or not reading.zone:
        return reading
    column = raw.find(reading.zone) + 1
    if not column or column == reading.zone_column:
        return reading
    return replace(reading, zone_column=column)


def _opens(reading: Reading | None) -> bool:
    return reading is not None and opens_entry(reading)


def _is_date_line(reading: Reading) -> bool:
    """A date on its own ('16 May 2025'); a date with text after it is text."""
    return reading.has_date and not reading.has_time and reading.plain and not reading.rest


def _first_entry(clean: list[str], readings: list[Reading | None], top: int | None) -> int:
    """The first line that opens an entry: a stamp whose shape other stamps share, or the
    first stamp with no dateline phrase (header datelines stand above it)."""
    start = 0 if top is None else top + 1
    shapes: dict[tuple[object, ...], int] = {}
    for reading in readings[start:]:
        if reading is not None and opens_entry(reading):
            shapes[_shape(reading)] = shapes.get(_shape(reading), 0) + 1
    for index in range(start, len(clean)):
        reading = readings[index]
        if reading is None or not opens_entry(reading):
            continue
        bare = reading.has_date and reading.has_time and reading.plain and not reading.rest
        if bare and shapes[_shape(reading)] == 1 and len(shapes) > 1:
            continue  # a bare header dateline: 'Mon 2 Aug 2021 12.45 EDT'
        if bare and is_header_pair(clean, readings, index):
            continue  # one in the entries' shape, over the page's 'Updated ...' line
        return index
    return len(clean)


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
        text, reading = clean[index], _stamp_in(current, readings[index])
        if page.kinds[index]:
            blank_before = page.kinds[index] == "blank" or (
                blank_before and page.kinds[index] == "furniture"
            )
            index += 1
            continue
        folded = text.casefold()
        heading = current is not None and not current.body and current.title is None
        teaser = folded in TEASER_BLOCKS or folded.rstrip(" :") in TEASER_BLOCKS
        if teaser or (folded in SUMMARY_BLOCKS and not heading):
            index = skip_block(page, raw_lines, clean, readings, index, current is None)
            continue
        if is_chrome(text):
            leave_out(page, index, raw_lines)
            if is_teaser_link(text):  # its card's date or reading time below it goes too
                _leave_out_card(page, raw_lines, clean, index + 1)
        elif folded in KEY_EVENT_MARKERS or folded in PINNED_MARKERS:
            _mark(page, index, folded, current, pending, blank_before)
        elif len(text) < 60 and _ZONE_STATEMENT.search(folded):
            page.kinds[index] = "dateline"
            page.zone_statement = text.split()[-1].rstrip(".")
        elif (
            reading is not None
            and index < first_entry
            and (is_dateline(reading) or reading.has_time or reading.age is not None)
        ):
            page.kinds[index] = "dateline"
            page.datelines.append((index + 1, reading))
        elif reading is not None and _is_date_line(reading):
            page.kinds[index] = "date"
            # Under the headline, before any text, a date is the page's: the standfirst follows.
            page.date_below_text = page.date_below_text or bool(page.drafts or page.intro)
            if not (page.drafts or page.intro or page.dates):
                page.header_date = index + 1
            page.dates.append((len(page.drafts), reading))
            page.date_lines.append(index + 1)
            section += 1
            current = None
        elif reading is not None and opens_entry(reading) and index >= first_entry:
            if _glued(current, blank_before, reading, clean, index, page, readings):
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
        elif reading is not None and is_dateline(reading):
            page.kinds[index] = "dateline"
            page.datelines.append((index + 1, reading))
        elif current is None and page.dates and (page.drafts or page.date_below_text):
            page.kinds[index] = "paragraph"  # after a date line, in no entry
            page.orphans.append(index + 1)
        elif current is None:
            header_text(page, raw_lines, clean, index)
        else:
            entry_text(page, raw_lines, clean, index, current)
        blank_before = page.kinds[index] == "furniture" and (blank_before or is_label(text))
        index += 1


def _stamp_in(current: Draft | None, reading: Reading | None) -> Reading | None:
    """An update phrase with text after its time inside an entry is the entry's text
    ('Stand: 18:00 Uhr: Die Wahlbeteiligung ...'), not its update stamp."""
    if current is not None and reading is not None and reading.prefix == "updated":
        return None if reading.rest else reading
    return reading


def _leave_out_card(page: Page, raw_lines: list[str], clean: list[str], index: int) -> None:
    while index < len(clean) and clean[index] and not page.kinds[index]:
        if not is_teaser_card_line(clean[index]):
            return
        leave_out(page, index, raw_lines)
        index += 1


def _mark(
    page: Page, index: int, folded: str, current: Draft | None, pending: set[str], blank: bool
) -> None:
    """A key-event or pinned marker: the entry right above it (no blank line between, no
    text yet) carries it, else the next entry."""
    marker = "pinned" if folded in PINNED_MARKERS else "key"
    page.kinds[index] = "marker"
    if current is not None and not current.body and not current.title and not blank:
        current.markers.add(marker)
    else:
        pending.add(marker)


def _glued(
    current: Draft | None,
    blank_before: bool,
    reading: Reading,
    clean: list[str],
    index: int,
    page: Page,
    readings: list[Reading | None],
) -> bool:
    """A time line standing inside an entry's text (a schedule), not opening one."""
    if current is None or blank_before or reading.zone or reading.has_date:
        return False
    if not (current.body or current.title):
        return False
    if page.blank_separated and not reading.rest:
        return True
    return _schedule_item(current, reading, clean, index, page, readings)


def _schedule_item(
    current: Draft,
    reading: Reading,
    clean: list[str],
    index: int,
    page: Page,
    readings: list[Reading | None],
) -> bool:
    """A time line right under a line that opens a list ('Ecco gli orari della finale:'), or
    under the previous item of that list and later than it (a programme runs forward), whose
    item ('21:00' over 'Inizio', or '21:00 – Inizio' on one line) ends before the next stamp."""
    body = current.body
    if not body or body[-1].line != index:  # the line right above is the entry's text
        return False
    previous = None
    if page.glued and page.glued[-1][1] is current:
        last = page.glued[-1][0]
        if last == body[-1].line or (len(body) > 1 and last == body[-2].line):
            previous = readings[last - 1]
    if previous is None and not body[-1].text.rstrip().endswith(":"):
        return False
    if previous is not None and not _runs_forward(previous, reading):
        return False
    if reading.rest and (len(reading.rest.split()) > 10 or reading.rest.endswith((".", "!", "?"))):
        return False  # '23.40 Uhr: Die Armee meldet ...': an entry of one sentence, not an item
    end = index if reading.rest else index + 1  # the item's last line
    if end >= len(clean) or not clean[end] or (end != index and end in page.stamp_lines):
        return False
    after = end + 1
    return after >= len(clean) or not clean[after] or after in page.stamp_lines


def _runs_forward(previous: Reading, reading: Reading) -> bool:
    """The later of two times in a programme: later in the day, or past midnight."""

    def minutes(r: Reading) -> int:
        hour = r.hour or 0
        if r.meridiem is not None:
            hour = hour % 12 + r.meridiem
        return hour * 60 + (r.minute or 0)

    before, now = minutes(previous), minutes(reading)
    return now > before or before - now >= 12 * 60


def _open_entry(
    page: Page, raw_lines: list[str], index: int, reading: Reading, section: int, pending: set[str]
) -> Draft:
    raw, clean = raw_lines[index], page.clean[index]  # clean: normalise(raw), made once
    draft = Draft(index + 1, len(raw) - len(raw.lstrip()) + 1, clean, reading, section, pending)
    page.kinds[index] = "time"
    if reading.rest:
        if reading.rest_sep == "," and is_name_list(reading.rest) or is_byline(reading.rest):
            draft.byline = reading.rest
            draft.label = clean[: -len(reading.rest)].rstrip(" ,")
        elif reading.rest_sep == " ":
            draft.title = Paragraph(reading.rest, index + 1)
        else:
            draft.body.append(Paragraph(reading.rest, index + 1))
            title_from_above(page, draft)
    elif page.titles_above:
        title_from_above(page, draft)
    page.drafts.append(draft)
    return draft
