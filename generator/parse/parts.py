"""The parts of a page as the classifier finds them: ``Draft`` (an entry being read) and
``Page``, and the readers of the text between stamps: an entry's title, byline, captions and
paragraphs, the header's intro, and teaser and summary blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Paragraph
from . import bylines, credits, tips
from .dateline import Reading
from .furniture import (
    SUMMARY_BLOCKS,
    ends_with_credit,
    is_agency_credit,
    is_byline,
    is_caption,
    is_chrome,
    is_name_list,
    is_text_source,
)


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
    clean: list[str] = field(default_factory=list)
    """Every line, normalised (blanks collapsed), as the readers see it."""
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
    header_date: int = 0
    """The line of a date right under the headline, before any text: the page's date."""
    stamp_lines: set[int] = field(default_factory=set)
    """Indices of the lines whose stamp opens an entry."""
    titles_above: bool = False
    """Entries' titles stand right above their stamps."""
    page_date: int = 0
    """The header date's line when it dates the page (a standfirst follows it), else 0."""
    date_below_text: bool = False
    """A date line stands below text or entries, so text after it belongs to no entry."""
    orphans: list[int] = field(default_factory=list)
    """Lines of text between a date line and the next stamp: they belong to no entry."""
    glued: list[tuple[int, Draft]] = field(default_factory=list)
    """Time lines read as entry text, with the entry they are part of."""
    order: str = "newest-first"
    blank_separated: bool = True
    """Entries are divided by blank lines, so a time line glued to text is part of it."""
    footer_prose: tuple[int, int, str] | None = None
    """Line and column of a sentence left out with the page footer, and the entry above it."""
    story_lists: list[tuple[int, int, str]] = field(default_factory=list)
    """Doubtful lists of other stories (latest.py): the label's or first stamp's line, the
    first stamp's line, and why ('between' entries, 'unlabelled')."""
    kicker_doubt: tuple[int, int] | None = None
    """A label in capitals read as a kicker, and the headline under it (headline.py)."""


def next_text(clean: list[str], index: int) -> int | None:
    for later in range(index + 1, len(clean)):
        if clean[later]:
            return later
    return None


def opens_entry(reading: Reading) -> bool:
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


def leave_out(page: Page, index: int, raw_lines: list[str]) -> None:
    page.kinds[index] = "furniture"
    page.furniture.append(Paragraph(raw_lines[index].strip(), index + 1))


def title_from_above(page: Page, draft: Draft) -> None:
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
        if page.glued and page.glued[-1][0] == back + 1:
            return  # a schedule's item ('15:30 – Conferência ...'), not a title
        if pool and pool[-1].line == back + 1 and title_like(pool[-1].text):
            draft.title = pool.pop()
            page.kinds[back] = "title"
        return


def lone_title_as_text(page: Page, draft: Draft) -> None:
    """A line read as an entry's title because text stood below it, when that text is left
    out (a footer, a list of other stories), is the entry's one paragraph."""
    title = draft.title
    if title is None or title.line == draft.line or draft.body or draft.captions:
        return
    page.kinds[title.line - 1] = "paragraph"
    draft.title, draft.body = None, [title]


def title_like(text: str) -> bool:
    if len(text) > 140 or len(text.split()) > 22:
        return False
    stripped = text.rstrip("\"'”’»)")
    if stripped.endswith(("...", "…")):
        return True
    return not stripped.endswith((".", ":", ";", ","))


def header_text(page: Page, raw_lines: list[str], clean: list[str], index: int) -> None:
    """Text above the first entry: intro, or a page byline or module label (left out)."""
    text = clean[index]
    if is_byline(text) or is_name_list(text) or credits.is_signed_byline(text):
        leave_out(page, index, raw_lines)  # a page byline, and its second line (bylines.py)
        below = _below(page, clean, index)
        if below is not None and bylines.continues_byline(clean[below], titled=True):
            leave_out(page, below, raw_lines)
        return
    if is_caption(text) or credits.is_credit(text):
        leave_out(page, index, raw_lines)  # a lead photo's credit
        return
    if tips.is_tip_line(text):
        leave_out(page, index, raw_lines)  # 'Got a tip? Get in touch' (tips.py)
        return
    following = next_text(clean, index)
    if (
        len(text.split()) <= 3
        and not text.rstrip("\"'”’»").endswith((".", "!", "?"))
        and following is not None
        and clean[following][:1] in "•-–*·"
    ):
        leave_out(page, index, raw_lines)  # a module label over its points
        return
    if _repeated(clean, index):
        leave_out(page, index, raw_lines)  # a lead image's caption, copied twice
        return
    item = _item(text)
    if item != text and title_like(item) and item in clean[index + 1 :]:
        page.key_titles.add(item)  # a list of entries' titles: the key events, left out
        leave_out(page, index, raw_lines)
        return
    page.kinds[index] = "intro"
    page.intro.append(Paragraph(raw_lines[index].strip(), index + 1))


def _item(text: str) -> str:
    """A list item's text without its bullet: '• Austausch ...' -> 'Austausch ...'."""
    return text.lstrip("•–*·- ").strip() or text


def _repeated(clean: list[str], index: int) -> bool:
    nearby = [clean[i] for i in range(max(0, index - 3), min(len(clean), index + 4)) if i != index]
    return clean[index] in nearby


def entry_text(
    page: Page, raw_lines: list[str], clean: list[str], index: int, draft: Draft
) -> None:
    """A line inside an entry: its title, byline, a caption or a paragraph."""
    text = clean[index]
    paragraph = Paragraph(raw_lines[index].strip(), index + 1)
    following = next_text(clean, index)
    while following is not None and page.kinds[following] == "furniture":
        following = next_text(clean, following)  # a player left out under a title
    if is_text_source(text) and not (draft.captions and draft.captions[-1].line == index):
        leave_out(page, index, raw_lines)  # the entry's sources, under no photo's caption
        return
    if (
        is_caption(text)
        or ends_with_credit(text)
        or credits.is_credit(text)
        or (
            following is not None
            and credits.captions_credit(clean, index, following, page.stamp_lines)
        )
        or (bool(draft.body) and credits.captions_named_photo(clean, index, following))
        or (
            title_like(text)  # first: most paragraphs end with a full stop
            and len(text.split()) <= 14
            and following is not None
            and (
                is_agency_credit(clean[following])
                or clean[following] == text
                or _credit_only(clean[following])
            )
        )
    ):
        page.kinds[index] = "caption"
        draft.captions.append(paragraph)
        if len(draft.captions) > 1 and draft.captions[-2].text == paragraph.text:
            # A caption pasted twice (alt text, then the caption over its credit): the first
            # copy is left out, the one beside the credit kept.
            first = draft.captions.pop(-2)
            page.kinds[first.line - 1] = "furniture"
            page.furniture.append(first)
            page.furniture.sort(key=lambda p: p.line)
        return
    if _under_stamp_byline(page, clean, index, draft):
        page.kinds[index] = "byline"  # '11:02 , Jane Doe' / 'BBC News' (bylines.py)
        draft.byline = f"{draft.byline}\n{text}"
        return
    below = None if draft.body else _below(page, clean, index)  # a byline's second line
    if (
        not draft.body
        and not draft.byline
        and (
            is_byline(text)
            or (draft.title is not None and is_name_list(text))
            or (below is not None and bylines.name_over_role(text, clean[below]))
        )
    ) or (not draft.byline and _signed(page, clean, index, draft)):
        page.kinds[index] = "byline"
        draft.byline = text
        titled = draft.title is not None
        if draft.body:
            below = _closing_second(page, clean, index)  # '— Jane Doe' / 'BBC News, Kyiv'
        elif below is not None and not bylines.continues_byline(clean[below], titled):
            below = None
        if below is not None:
            page.kinds[below] = "byline"  # 'By Jane Smith' / 'BBC News, Kyiv' (bylines.py)
            draft.byline = f"{text}\n{clean[below]}"
        return
    opening = not draft.body and draft.title is None
    heading = following is not None and page.kinds[following] in ("", "caption")
    # a line the next one continues ('He said: “We will not' / 'sign ...') is no title
    heading = heading and following is not None and not _continues(clean[following])
    heading = heading and following not in page.stamp_lines  # a title has text below it
    if opening and heading and title_like(text):
        page.kinds[index] = "title"
        draft.title = paragraph
        return
    page.kinds[index] = "paragraph"
    draft.body.append(paragraph)


def _below(page: Page, clean: list[str], index: int) -> int | None:
    """The line right under ``index`` (no blank line between), not yet read, no stamp."""
    below = index + 1
    if below >= len(clean) or not clean[below] or page.kinds[below]:
        return None
    return None if below in page.stamp_lines else below


def _signed(page: Page, clean: list[str], index: int, draft: Draft) -> bool:
    """A reporter's signature opening the entry (under its title), or closing it: the last line
    before a blank line (chrome aside) after which comes a stamp, the end, or no sentence
    (a label, the footer), not more of the entry's paragraphs."""
    text = clean[index]
    if not draft.body:
        return credits.is_signed_byline(text)
    one_line = credits.is_signature(text) or credits.is_signed_byline(text)
    dashed = text[:1] in "-–—"  # '— Jane Doe' / 'BBC News, Kyiv' (a fast test first)
    second = _closing_second(page, clean, index) if one_line or dashed else None
    if second is None and not one_line:
        return False
    later = (index if second is None else second) + 1
    while later < len(clean) and clean[later] and is_chrome(clean[later]):
        later += 1
    if later < len(clean) and clean[later] and later not in page.stamp_lines:
        return False  # the entry's text goes on
    following = next_text(clean, later - 1)
    if following is None or following in page.stamp_lines:
        return True
    return not clean[following].rstrip("\"'”’»)").endswith((".", "!", "?", "…"))


def _closing_second(page: Page, clean: list[str], index: int) -> int | None:
    """The second line of a signature closing an entry, right under its first (bylines.py)."""
    below = _below(page, clean, index)
    above = clean[index - 1] if index else ""
    if below is None or not bylines.closing_second(clean[index], clean[below], above):
        return None
    return below


def _under_stamp_byline(page: Page, clean: list[str], index: int, draft: Draft) -> bool:
    """The line right under a stamp that holds the entry's byline ('11:02 , Jane Doe') is
    that byline's second line ('BBC News'), by bylines.under_stamp_byline."""
    return (
        index == draft.line  # right under the stamp's line (draft.line counts from 1)
        and bool(draft.byline)
        and draft.byline == draft.reading.rest
        and draft.title is None
        and not draft.body
        and not draft.captions
        and bylines.under_stamp_byline(clean[index])
    )


def _continues(text: str) -> bool:
    """A line that carries on the sentence above ('sign ...', '& the wire: ...')."""
    first = text[:1]
    return not (first.isupper() or first.isdigit() or first in "\"'“‘«„»•-–*([<#>|")


def _credit_only(text: str) -> bool:
    return len(text) <= 60 and ":" in text and is_caption(text)


def skip_block(
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
    heading = heading if heading in SUMMARY_BLOCKS else heading.rstrip(" :")
    leave_out(page, index, raw_lines)
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
                    leave_out(page, index, raw_lines)
                    index += 1
                    continue
                break
            if _item(text) in set(clean[index + 1 :]):
                page.key_titles.add(_item(text))
                leave_out(page, index, raw_lines)
            elif is_chrome(text):
                leave_out(page, index, raw_lines)
            elif in_header:
                if len(text.split()) <= 3 and text.casefold() in SUMMARY_BLOCKS:
                    leave_out(page, index, raw_lines)
                else:
                    page.kinds[index] = "intro"
                    page.intro.append(Paragraph(raw_lines[index].strip(), index + 1))
            else:
                break
        else:
            if reading is not None and opens_entry(reading) and reading.age is None:
                break
            leave_out(page, index, raw_lines)
        index += 1
    return index


def _recurs(clean: list[str], index: int, later: set[str]) -> bool:
    """The line after a key-event list's time is a title that stands again below."""
    return index < len(clean) and clean[index] in set(clean[index + 1 :])
