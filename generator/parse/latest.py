"""Lists of other stories pasted below the live-blog: 'Latest news', 'Most read', 'Mehr zum
Thema' with a time or age and a headline per story.

A page copied whole often ends with (or a sidebar pasted after the blog holds) a list of the
outlet's other stories, each a stamp (``16:40``, ``2h ago``, ``5 hours ago``, ``16 May 2025``)
and one headline. Read line by line, every stamp opens an entry. ``cut_story_lists`` (called
once the lines are walked, before ``cut_footer``) finds them:

1. **A labelled list.** A list label (the table below, a teaser block's heading, or ``More
   from <outlet>``) on a line of its own, inside an entry's text and not right under a stamp,
   followed by at least two pairs of a stamp and one short headline-like line (no sentence's
   full stop, no second line; or the headline over its stamp, or both on one line: ``16:40 -
   Floods hit ...``), up to the end of the page or a tail with no stamps (the footer). The
   footer begins at the label: from there on everything is left out, and the entries its
   stamps opened are undone. A sentence in the tail is reported ``footer-cut``.
2. **Doubtful lists** are left out too, and reported (``story-list``): a labelled list with
   entries below it (a list between real entries; left out up to its last pair, a headline
   with text right under it not counted), and an unlabelled run of at least three such pairs
   to the end of the page below entries of prose, whose stamps are of another kind than the
   entries' (``2h ago`` under ``16:40 GMT``) or that has no blank lines while the entries are
   parted by them (the footer starts at its first stamp).

A real entry titled ``Latest`` (the line right under its stamp), an entry with a body under
its headline, and short one-line entries under stamps shaped like the others' are no list.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..model import Paragraph
from .credits import is_copyright
from .dateline import Reading
from .footer import is_prose, link_like
from .furniture import TEASER_BLOCKS, is_chrome
from .parts import Page, lone_title_as_text, opens_entry, title_like

STORY_LIST_LABELS = {
    label.casefold()
    for label in """
Latest news|Latest stories|Latest headlines|Most read|Most popular|Most viewed|Popular now
Trending now|Top stories|More top stories|More stories|More news|Most shared|Editor's picks
Editor’s picks|Just in
Neueste Nachrichten|Neueste Artikel|Meistgelesen|Meistgelesene Artikel|Mehr zum Thema
Aktuelle Nachrichten|Top-Themen|Top-Meldungen|Auch interessant|Meistgeklickt
À lire aussi|A lire aussi|Lire aussi|Les plus lus|Dernières actualités|Dernières infos
Les plus populaires|Les plus partagés|Sur le même sujet
Lo más leído|Lo más visto|Más leídas|Últimas noticias|Te puede interesar|Más noticias
Più letti|I più letti|Le più lette|Più visti|Ultime notizie|Leggi anche|Potrebbe interessarti
Mais lidas|Mais vistas|Últimas notícias|Leia também|Veja também
Meest gelezen|Laatste nieuws|Net binnen|Meer nieuws|Lees ook
Самое читаемое|Последние новости|Лента новостей|Популярное|Читайте также|Новости по теме
Найпопулярніше|Останні новини|Стрічка новин|Популярне|Читайте також|Новини за темою
Son haberler|En çok okunanlar|Çok okunanlar|İlginizi çekebilir|İlgili Haberler
""".replace("\n", "|").split("|")
    if label
}
"""Labels of a list of other stories (en, de, fr, es, it, pt, nl, ru, uk, tr), besides the
teaser blocks' headings (furniture.py). Labels over one entry ('Breaking', 'Última hora'),
summary headings ('Key events', 'Lo último') and a blog's own sort toggles ('Latest', 'Mais
recentes') are not here."""

MORE_FROM = ("more from ", "mehr von ", "mehr aus ", "more on ")
"""A label naming the outlet or a topic: 'More from Example News'."""

_MIN_LABELLED, _MIN_UNLABELLED, _MAX_UNLABELLED = 2, 3, 20
"""Pairs a labelled list needs, and an unlabelled one (no more than 20: a page's box of
other stories is short, and a blog ending in more one-line entries is read as it stands)."""


@dataclass
class Run:
    """Stamp-and-headline pairs from a line on: their stamps and where each pair ends."""

    stamps: list[int]
    ends: list[int]
    """The line after each pair's headline."""
    tight: bool
    """No blank line inside the run."""
    footed: bool = False
    """Text (a footer's links) follows the last headline with no blank line between."""

    @property
    def pairs(self) -> int:
        return len(self.ends)

    @property
    def end(self) -> int:
        """The first line after the run (the tail starts there)."""
        return self.ends[-1] if self.ends else 0

    def without_footed(self) -> Run:
        """Among entries, a headline with text right under it may be an entry's title."""
        if not self.footed:
            return self
        return Run(self.stamps[:-1], self.ends[:-1], self.tight)


def is_list_label(clean: str) -> bool:
    """'Latest news', 'Most read:', 'More from Example News' on a line of its own."""
    if len(clean) > 60:
        return False
    folded = clean.casefold().rstrip(" :")
    if folded in STORY_LIST_LABELS or folded in TEASER_BLOCKS:
        return True
    return folded.startswith(MORE_FROM) and len(folded.split()) <= 5 and title_like(clean)


def headline_like(clean: str) -> bool:
    """A story's headline: a short line of a few words with no sentence's full stop."""
    words = clean.split()
    if not 2 <= len(words) <= 16 or len(clean) > 120 or clean[:1] in "•-–—*·":
        return False
    return title_like(clean) and not clean.rstrip("\"'”’»)").endswith(("...", "…", "!"))


def is_list_stamp(reading: Reading | None) -> bool:
    """A time, an age or a date alone on its line (a date line opens no entry)."""
    if reading is None:
        return False
    date_alone = reading.has_date and not reading.has_time and reading.plain
    return opens_entry(reading) or (date_alone and not reading.rest)


def read_run(page: Page, readings: list[Reading | None], start: int) -> Run:
    """The pairs of a stamp and one headline from ``start`` on, all stamps of one shape and
    each headline the last line of its pair; chrome between is skipped. A list whose first
    line is a headline sets each headline above its stamp."""
    clean = page.clean
    first = next((i for i in range(start, len(clean)) if clean[i] and not _chrome(page, i)), None)
    if first is not None and not is_list_stamp(readings[first]):
        return _read_titles_first(page, readings, first)
    run = Run([], [], True)
    blank, waiting = False, False
    for index in range(start, len(clean)):
        text, reading = clean[index], readings[index]
        if not text:
            blank = True
            continue
        if is_list_stamp(reading) and not waiting:
            assert reading is not None
            if run.stamps and _shape(reading) != _shape(readings[run.stamps[0]]):
                break
            run.stamps.append(index)
            waiting, run.tight = True, run.tight and (not blank or len(run.stamps) == 1)
            if reading.rest:  # '16:40 - Floods hit northern Italy': a pair on one line
                if not headline_like(reading.rest) or not _close_pair(page, readings, run, index):
                    break
                waiting = False
        elif waiting and reading is None and headline_like(text):
            if not _close_pair(page, readings, run, index):
                break
            waiting, run.tight = False, run.tight and not blank
        elif not _chrome(page, index):
            break
        blank = False
    run.stamps = run.stamps[: run.pairs]
    return run


def _close_pair(page: Page, readings: list[Reading | None], run: Run, index: int) -> bool:
    """The headline at ``index`` closes a pair unless text stands right under it (an entry's
    title); the footer's links under it close the run too (``footed``)."""
    if run.footed:
        return False
    follows = _follows(page, readings, index + 1)
    if follows == "text":
        return False
    run.ends.append(index + 1)
    run.footed = follows == "footer"
    return True


def _read_titles_first(page: Page, readings: list[Reading | None], start: int) -> Run:
    """'Floods hit northern Italy' over '16:40': pairs of a headline and the stamp under it,
    each stamp followed by the next headline, a blank line, the footer or the end."""
    clean = page.clean
    run = Run([], [], True)
    blank, headline = False, -1
    for index in range(start, len(clean)):
        text, reading = clean[index], readings[index]
        if not text:
            blank = True
            continue
        if headline < 0 and reading is None and headline_like(text):
            headline, run.tight = index, run.tight and (not blank or not run.ends)
        elif headline >= 0 and is_list_stamp(reading):
            if run.stamps and _shape(reading) != _shape(readings[run.stamps[0]]):
                break
            after = index + 1
            if _text_under(page, readings, after):
                break  # a stamp with the entry's text under it: a real entry
            run.stamps.append(index)
            run.ends.append(after)
            headline, run.tight = -1, run.tight and not blank
        elif not _chrome(page, index):
            break
        blank = False
    return run


def _text_under(page: Page, readings: list[Reading | None], index: int) -> bool:
    """A line under a stamp that is neither the next story's headline nor the footer."""
    if index >= len(page.clean) or _follows(page, readings, index) != "text":
        return False
    return readings[index] is not None or not headline_like(page.clean[index])


def _follows(page: Page, readings: list[Reading | None], index: int) -> str:
    """What follows a story's headline: a blank line, a stamp, chrome or the page's end
    ('clear'), a footer's links or notice ('footer'), or other text."""
    if index >= len(page.clean) or not page.clean[index]:
        return "clear"
    if is_list_stamp(readings[index]) or _chrome(page, index):
        return "clear"
    text = page.clean[index]
    parts = [part for joint in (" / ", " | ") for part in text.split(joint) if joint in text]
    if all(link_like(part) or is_copyright(part) for part in parts or [text]):
        return "footer"
    return "text"


def _chrome(page: Page, index: int) -> bool:
    return page.kinds[index] == "furniture" and is_chrome(page.clean[index])


def cut_story_lists(page: Page, raw_lines: list[str], readings: list[Reading | None]) -> None:
    """Leave out a labelled list of other stories and everything below it; report doubtful
    lists."""
    if not page.drafts:
        return
    first, kinds = page.drafts[0].line, page.kinds
    for index, text in enumerate(page.clean[first:], start=first):
        if not text or len(text) > 60 or kinds[index] not in _LABEL_KINDS:
            continue  # the cheap test first: most lines are longer, or stamps
        if not _label_at(page, index):
            continue
        run = read_run(page, readings, index + 1)
        if run.pairs < _MIN_LABELLED:
            continue
        if _entries_below(page, run.end):
            run = run.without_footed()
            if run.pairs < _MIN_LABELLED:
                continue
            page.story_lists.append((index + 1, run.stamps[0] + 1, "between"))
            _leave_out(page, raw_lines, index, run.end)
            continue
        _cut(page, raw_lines, index, run.end)
        return
    _unlabelled(page, raw_lines, readings)


_LABEL_KINDS = ("paragraph", "furniture", "title")  # a title taken from above a stamp


def _label_at(page: Page, index: int) -> bool:
    """A list label inside an entry's text, not the line right under a stamp (a title)."""
    if not is_list_label(page.clean[index]):
        return False
    above = next((i for i in range(index - 1, -1, -1) if page.clean[i]), None)
    return above is not None and above not in page.stamp_lines


def _entries_below(page: Page, end: int) -> bool:
    return any(index >= end for index in page.stamp_lines)


def _cut(page: Page, raw_lines: list[str], start: int, end: int) -> None:
    """The footer begins at the list's label: everything below is left out."""
    _leave_out(page, raw_lines, start, len(page.clean))
    tail = range(end, len(page.clean))
    prose = next((i for i in tail if _sentence(page.clean[i])), None)
    if prose is not None and page.footer_prose is None:
        raw = raw_lines[prose]
        page.footer_prose = (prose + 1, len(raw) - len(raw.lstrip()) + 1, page.drafts[-1].label)


def _leave_out(page: Page, raw_lines: list[str], start: int, end: int) -> None:
    """Lines ``start`` to ``end`` (exclusive) are left out, and what they were read as is
    undone: the entries their stamps opened, the parts and date lines they gave."""
    first, last = start + 1, end  # 1-based, inclusive

    def kept(line: int) -> bool:
        return not first <= line <= last

    gone = sum(1 for line in page.date_lines if not kept(line))
    page.drafts = [draft for draft in page.drafts if kept(draft.line)]
    for draft in page.drafts:
        parts = len(draft.body) + len(draft.captions)
        draft.body = [p for p in draft.body if kept(p.line)]
        draft.captions = [p for p in draft.captions if kept(p.line)]
        if draft.title is not None and not kept(draft.title.line):
            draft.title = None
        if len(draft.body) + len(draft.captions) < parts:
            lone_title_as_text(page, draft)
        if gone:
            draft.section -= sum(1 for line in page.date_lines[: draft.section] if not kept(line))
    page.stamp_lines = {i for i in page.stamp_lines if kept(i + 1)}
    page.datelines = [(n, r) for n, r in page.datelines if kept(n)]
    page.glued = [(n, d) for n, d in page.glued if kept(n)]
    page.orphans = [n for n in page.orphans if kept(n)]
    dates = [(n, r) for n, (_, r) in zip(page.date_lines, page.dates) if kept(n)]
    page.date_lines = [n for n, _ in dates]
    starts = [draft.line for draft in page.drafts]  # in page order
    page.dates = [(bisect_left(starts, n), r) for n, r in dates]
    for index in range(start, end):
        if page.kinds[index] not in ("blank", "furniture"):
            page.kinds[index] = "furniture"
            page.furniture.append(Paragraph(raw_lines[index].strip(), index + 1))
    page.furniture.sort(key=lambda p: p.line)


def _sentence(clean: str) -> bool:
    return is_prose(clean) and not is_copyright(clean) and not is_chrome(clean)


def _unlabelled(page: Page, raw_lines: list[str], readings: list[Reading | None]) -> None:
    """A run of pairs to the end of the page with no label, below entries of prose."""
    run: Run | None = None
    drafts = page.drafts
    for position in range(len(drafts) - 1, max(0, len(drafts) - _MAX_UNLABELLED - 2), -1):
        candidate = read_run(page, readings, drafts[position].line - 1)
        if candidate.pairs < len(drafts) - position or _entries_below(page, candidate.end):
            break
        if len(drafts) - position > _MAX_UNLABELLED:
            return  # so many one-line entries are the blog's own
        run = candidate
    if run is None or run.pairs < _MIN_UNLABELLED:
        return
    above = [d for d in page.drafts if d.line - 1 < run.stamps[0]]
    if not any(is_prose(p.text) for d in above for p in d.body):
        return
    kinds = {_kind(readings[d.line - 1]) for d in above}
    unlike = all(_kind(readings[i]) not in kinds for i in run.stamps)
    parted = sum(1 for d in above if d.line < 2 or not page.clean[d.line - 2]) * 2 > len(above)
    if unlike or (run.tight and parted):
        page.story_lists.append((run.stamps[0] + 1, run.stamps[0] + 1, "unlabelled"))
        _cut(page, raw_lines, run.stamps[0], run.end)


def _shape(reading: Reading | None) -> tuple[bool, ...]:
    if reading is None:
        return ()
    return (
        reading.has_date,
        reading.has_time,
        reading.age is not None,
        reading.zone is not None,
        bool(reading.rest),
    )


def _kind(reading: Reading | None) -> str:
    """What a stamp tells: an age, a day alone, a clock time with or without its zone (a day
    beside the time does not count: 'Yesterday 22:40' under '10:15' is the blog's own)."""
    if reading is None:
        return ""
    if reading.age is not None:
        return "age"
    if not reading.has_time:
        return "day"
    return "zoned" if reading.zone is not None else "clock"
