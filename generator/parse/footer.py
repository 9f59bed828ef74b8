"""Where the last entry ends: the page footer a whole-page paste carries below it.

A page copied whole ends with the outlet's footer: link lists, topic lists, comment blocks,
"More on this story" teasers, legal lines and the copyright notice. Nothing stamps where the
last entry stops, so without this pass all of it becomes the last entry's paragraphs and
captions. ``cut_footer`` (called once the lines are classified) finds where it starts,
after the last entry's stamp:

1. **The entries' closing line.** When at least two and half of the other entries close on
   the same short line (``Share``, ``Copy link``, ``Posten``), the last entry closes there
   too, if a footer sign or only chrome and links follow it.
2. **The block of a footer sign.** A copyright notice (``© 2025 ...``, ``Copyright ...``,
   ``All rights reserved`` in each language; not a photo's credit), a load-more or
   back-to-top label, a footer heading (``Comments (412)``, ``Site Index``, a teaser heading)
   at a block's head, three link-like lines in a row or bar-joined links: the footer starts
   where that sign's block starts (the line after the last blank line). A heading or links
   with a block of text below them are the entry's own (a list, a table). When no blank
   line parts the sign from the stamp, the footer starts at the link-like lines right above
   it, or below a glued closing line.

Everything from there on is left out (so ``explainer parse`` lists it) and what those lines
had been read as is undone. A cut that may have taken the entry's own sentences is reported
as ``footer-cut`` at the first such sentence (``Page.footer_prose``; ``checks`` warns).
Words are per language (en, de, fr, es, it, pt, nl, ru, uk, tr) in the tables below.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Paragraph
from .credits import is_copyright
from .furniture import TEASER_BLOCKS
from .parts import Draft, Page, lone_title_as_text

END_LABELS = {
    label.casefold()
    for label in """
Load more|Load more posts|Load more updates|Show more|Show more updates|See more updates
Older posts|Back to top|Mehr laden|Mehr anzeigen|Weitere Einträge laden|Nach oben
Voir plus|Charger plus|Afficher plus|Haut de page|Retour en haut
Cargar más|Ver más entradas|Volver arriba|Carica altri|Mostra altri|Torna su|Torna all'inizio
Carregar mais|Ver mais|Voltar ao topo|Meer laden|Toon meer|Naar boven
Показать ещё|Загрузить ещё|Наверх|Показати ще|Завантажити ще|Нагору
Daha fazla yükle|Daha fazla göster|Başa dön
""".replace("\n", "|").split("|")
    if label
}
"""Labels under a live-blog's last loaded entry (en, de, fr, es, it, pt, nl, ru, uk, tr):
after the last stamp, the footer starts at them wherever they stand."""

FOOTER_HEADINGS = {
    label.casefold()
    for label in """
Comments|View all comments|Site Index|Site Map|Sitemap|Trending Topics|Top stories
Top Stories|Explore more on these topics|More from|Previous Post|Next Post|Terms of Use
Privacy Policy|Contact Us|About Us
Kommentare|Zum Forum|Impressum|Datenschutz|Zur Startseite|Dieses Thema im Programm:
Commentaires|Mentions légales|Nous contacter|Les plus lus
Comentarios|Aviso legal|Más noticias|Lo más leído|Archivado en
Commenti|Note legali|Più letti
Comentários|Mais lidas|Ver todos os comentários
Reacties|Meest gelezen|Over ons
Комментарии|Популярное|Все новости|Коментарі|Усі новини|Популярне
Yorumlar|En çok okunanlar|Künye
""".replace("\n", "|").split("|")
    if label
}
"""Headings that open a footer block (per language); only a sign at the head of a block
(a blank line above it), since 'Comments' or 'About' can stand inside an entry too."""

_SENTENCE_END = (".", "!", "?", "…", ";", ",")
_CLOSERS = "\"'”’»)]"


def pipe_links(clean: str) -> bool:
    """Links joined by bars: 'About | Contact | Privacy Policy' (three or more short parts)."""
    parts = clean.split(" | ")
    return len(parts) >= 3 and all(link_like(part) for part in parts)


def link_like(clean: str) -> bool:
    """A short line with no sentence punctuation: a link, a label, a topic."""
    if not clean or clean[:1] in "•-–—*·" or len(clean) > 50 or len(clean.split()) > 6:
        return False
    return not clean.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def is_prose(clean: str) -> bool:
    """A sentence: several words closed by sentence punctuation."""
    return len(clean.split()) >= 6 and clean.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def footer_start(page: Page) -> tuple[int, bool | None] | None:
    """The index of the footer's first line and whether the entries' closing line placed it
    (True: no prose is in doubt; False: a sentence at its head is; None: any sentence in it
    is), or None when the last entry runs to the end of the page."""
    if not page.drafts:
        return None
    clean, stamp = page.clean, page.drafts[-1].line - 1
    region = [i for i in range(stamp + 1, len(clean)) if clean[i]]
    if not region:
        return None
    closings = _closings(page)
    closing = _terminator(page, closings)
    if closing is not None:
        after = _after_terminator(page, region, closing, stamp)
        if after is not None:
            return after[0], True if after[1] else None
    for sign, weak in _signs(page, region, stamp):
        head = _block_head(clean, stamp, sign)
        if head is None:  # the sign stands in the stamp's own block
            head = sign
            while head - 1 > stamp and clean[head - 1] and _footer_like(page, head - 1):
                head -= 1
        if weak and _prose_block_below(page, head):
            continue  # a footer is no block of links above the entry's own paragraphs
        closing_head = _closing_above(page, stamp, head, closings)
        above = next((i for i in range(closing_head - 1, stamp, -1) if clean[i]), None)
        # the entry's block closes as other entries do ('Share', then a blank line)
        closes = above is not None and _closes(clean, above, closings) and not clean[above + 1]
        if closing_head < head and not closes:
            return closing_head, None  # moved up to a glued 'Share': any sentence is in doubt
        return head, closes
    return None


def _closes(clean: list[str], index: int, closings: Counter[str]) -> bool:
    return closings[clean[index]] > 0 and link_like(clean[index])


def _closing_above(page: Page, stamp: int, head: int, closings: Counter[str]) -> int:
    """Where no blank line parts the footer from the entry, a line other entries close on
    ('Share') above the footer's first sign ends the entry: the footer starts below it."""
    for index in range(head - 1, stamp, -1):
        if not page.clean[index]:
            break
        if _closes(page.clean, index, closings):
            return index + 1
    return head


def _closings(page: Page) -> Counter[str]:
    """How many entries (all but the last) close on each line."""
    closings: Counter[str] = Counter()
    for draft, following in zip(page.drafts, page.drafts[1:]):
        line = _closing_line(page, draft, following)
        if line is not None:
            closings[page.clean[line]] += 1
    return closings


def _terminator(page: Page, closings: Counter[str]) -> str | None:
    """The short line most entries close on, when at least two and half of them do."""
    if not closings:
        return None
    text, count = closings.most_common(1)[0]
    if count >= 2 and count * 2 >= len(page.drafts) - 1 and link_like(text) and len(text) <= 30:
        return text
    return None


def _closing_line(page: Page, draft: Draft, following: Draft) -> int | None:
    """The last line of an entry's text or chrome, above the next entry's markers and title."""
    title = following.title.line - 1 if following.title is not None else -1
    for index in range(following.line - 2, draft.line - 1, -1):
        kind = page.kinds[index]
        if kind in ("blank", "marker", "date", "dateline") or index == title:
            continue
        return index if kind in ("paragraph", "furniture", "byline", "caption") else None
    return None


def _after_terminator(
    page: Page, region: list[int], closing: str, stamp: int
) -> tuple[int, bool] | None:
    """The first line after the last entry's terminator, and whether that is sure: a footer
    sign follows, or only chrome and link-like lines do. Not sure when a link-like line
    follows and a sentence later (after 'Share' in an embed, the entry may go on); None
    when a sentence follows at once."""
    for position, index in enumerate(region):
        if page.clean[index] != closing:
            continue
        rest = region[position + 1 :]
        if not rest:
            return None
        if all(_footer_like(page, i) for i in rest) or next(_signs(page, rest, stamp), None):
            return rest[0], True
        text = next((i for i in rest if page.kinds[i] != "furniture"), rest[0])
        if not is_prose(page.clean[text]) and not _prose_block_below(page, rest[0]):
            return rest[0], False  # links, then text: cut, and any sentence in it is reported
        return None
    return None


def _signs(page: Page, region: list[int], stamp: int) -> Iterator[tuple[int, bool]]:
    """The lines after the stamp that show the footer has begun, and whether each is a weak
    sign (a heading or links, which an entry can hold too) rather than a copyright notice or
    a load-more label."""
    clean, blanks = page.clean, page.blank_separated
    for position, index in enumerate(region):
        text = clean[index]
        folded = text.casefold()
        if (is_copyright(text) and not _under_caption(page, index)) or folded in END_LABELS:
            yield index, False
        elif index - 1 > stamp and _heading(folded) and not (clean[index - 1] and blanks):
            yield index, True
        elif blanks and _block_head(clean, stamp, index) is None:
            continue  # the entry's own block: its short lines are a list, a table
        elif (_link_run(page, region[position:]) or pipe_links(text)) and not _introduced(
            clean, index, stamp
        ):
            yield index, True


def _under_caption(page: Page, index: int) -> bool:
    """A copyright line under a caption is that photo's credit."""
    above = next((i for i in range(index - 1, -1, -1) if page.clean[i]), None)
    return above is not None and page.kinds[above] == "caption"


def _prose_block_below(page: Page, head: int) -> bool:
    """A block below the one at ``head`` opens with a line of text (more words than a link)."""
    new_block = False
    for index in range(head, len(page.clean)):
        if not page.clean[index]:
            new_block = True
        elif page.kinds[index] != "furniture" and new_block:
            if len(page.clean[index].split()) > 6:
                return True
            new_block = False
    return False


_COUNT = re.compile(r"\s*\(?\d[\d.,]*\)?$")


def _heading(folded: str) -> bool:
    """A footer heading, or a teaser block's; 'Comments (412)' as 'Comments'."""
    bare = _COUNT.sub("", folded).rstrip(" :")
    return folded in FOOTER_HEADINGS or bare in FOOTER_HEADINGS or bare in TEASER_BLOCKS


def _link_run(page: Page, rest: list[int]) -> bool:
    """Three consecutive link-like lines of words, starting here (no blank between); digits
    make them a table ('Lib Dem 1,204')."""
    run = rest[:3]
    if len(run) < 3 or run[-1] - run[0] != 2:
        return False
    return all(
        page.kinds[i] in ("paragraph", "furniture") and link_like(page.clean[i])
        and not any(c.isdigit() for c in page.clean[i])
        for i in run
    )  # fmt: skip


def _introduced(clean: list[str], index: int, stamp: int) -> bool:
    """Short lines under 'The squad:' are a list the entry introduces, not links."""
    for back in range(index - 1, stamp, -1):
        if clean[back]:
            return clean[back].endswith(":")
    return False


def _block_head(clean: list[str], stamp: int, index: int) -> int | None:
    """The first line of the block holding ``index``, if a blank line parts it from the stamp."""
    for back in range(index - 1, stamp, -1):
        if not clean[back]:
            return back + 1
    return None


def _footer_like(page: Page, index: int) -> bool:
    text, kind = page.clean[index], page.kinds[index]
    return kind == "furniture" or is_copyright(text) or (kind == "paragraph" and link_like(text))


def cut_footer(page: Page, raw_lines: list[str]) -> None:
    """Leave out the footer below the last entry, and note prose it takes for a warning."""
    found = footer_start(page)
    if found is None:
        return
    start, at_terminator = found
    draft = page.drafts[-1]
    first = _first_text(page, start)
    if first is None:
        return
    if at_terminator is None:
        prose = (i for i in range(start, len(page.clean)) if page.kinds[i] != "furniture")
        first = next((i for i in prose if is_prose(page.clean[i])), -1)
    if not at_terminator and first >= 0 and is_prose(page.clean[first]):
        raw = raw_lines[first]
        page.footer_prose = (first + 1, len(raw) - len(raw.lstrip()) + 1, draft.label)
    line = start + 1  # 1-based: every part at or below this line is footer
    for index in range(start, len(page.clean)):
        if page.kinds[index] not in ("blank", "furniture"):
            page.kinds[index] = "furniture"
            page.furniture.append(Paragraph(raw_lines[index].strip(), index + 1))
    page.furniture.sort(key=lambda p: p.line)
    _drop_parts(page, draft, line)


def _first_text(page: Page, start: int) -> int | None:
    """The footer's first line of text; -1 when a footer heading, label or copyright notice
    stands above it or all of it is chrome already; None when it has no lines."""
    found = None
    for index in range(start, len(page.clean)):
        text = page.clean[index]
        if not text:
            continue
        if _heading(text.casefold()) or text.casefold() in END_LABELS or is_copyright(text):
            return -1
        if page.kinds[index] != "furniture":
            return index
        found = -1 if found is None else found
    return found


def _drop_parts(page: Page, draft: Draft, line: int) -> None:
    """What the footer's lines had been read as is undone."""
    parts = len(draft.body) + len(draft.captions)
    draft.body = [p for p in draft.body if p.line < line]
    draft.captions = [p for p in draft.captions if p.line < line]
    if draft.title is not None and draft.title.line >= line:
        draft.title = None
    if len(draft.body) + len(draft.captions) < parts:  # a title needs text: the footer is none
        lone_title_as_text(page, draft)
    if draft.updated is not None and draft.updated_line >= line:
        draft.updated, draft.updated_line = None, 0
    page.datelines = [(n, r) for n, r in page.datelines if n < line]
    page.glued = [(n, d) for n, d in page.glued if n < line]
    page.orphans = [n for n in page.orphans if n < line]
    kept = [i for i, n in enumerate(page.date_lines) if n < line]
    page.dates = [page.dates[i] for i in kept]
    page.date_lines = [page.date_lines[i] for i in kept]
