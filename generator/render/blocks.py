"""Rendering shared by every page: the source's blocks (escaped, with mentions and
annotation marks), the notes after them, references, front matter and formatting."""

from __future__ import annotations

import json
import re

from ..model import Block, Entry, EntryRef, Explainer, PlacedAnnotation, Reference, TermRef
from .escape import escape_attribute, escape_text, first_words
from .router import Router, format_day, preview_key

# Characters YAML refuses in a document (front matter must always parse).
_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_ICON = '<svg class="explainer-icon" viewBox="0 0 24 24" aria-hidden="true">{}</svg>'
KIND_ICONS = {
    kind: _ICON.format(shape)
    for kind, shape in {
        # a tick in a circle; an "i"; a letter A; two arrows; quotation marks
        "fact-check": '<circle cx="12" cy="12" r="9.5"/><path d="m7 12.5 3.2 3.2L17 9"/>',
        "context": '<circle cx="12" cy="12" r="9.5"/><path d="M12 11v6M12 7v.5"/>',
        "spelling": '<path d="M5 20 12 4l7 16M8 14h8"/>',
        "translation": '<path d="M4 8h14l-4-4M20 16H6l4 4"/>',
        "attribution": '<path d="M10 7H6v5h3l-2 5M18 7h-4v5h3l-2 5"/>',
    }.items()
}
"""A small icon per kind of note, so kinds differ by more than colour (drawn with the
text colour by CSS; no request to any host)."""

KIND_LABELS = {
    "context": "Context",
    "fact-check": "Fact-check",
    "spelling": "Spelling",
    "translation": "Translation",
    "attribution": "Attribution",
}


def render_block(block: Block, page: str, router: Router) -> list[str]:
    """The block's paragraphs with links and marks, then its notes.

    Entries and the intro are the source's words: ``render_source`` frames them as such.
    """
    lines: list[str] = []
    for index, paragraph in enumerate(block.paragraphs):
        lines += [_render_paragraph(paragraph.text, block, index, page, router), ""]
    lines += render_annotation_notes(block, page, router)
    return lines


def render_source(block: Block, page: str, router: Router, label: str) -> list[str]:
    """A block of the source's words, framed as quoted source under ``label`` (its outlet
    and time), then the explainer's notes on it, outside the frame."""
    lines = [
        '<div class="explainer-source" markdown>',
        "",
        f'<p class="explainer-source__by">{label}</p>',
        "",
    ]
    lines += _render_entry_head(block.entry) if block.entry else []
    for index, paragraph in enumerate(block.paragraphs):
        lines += [_render_paragraph(paragraph.text, block, index, page, router), ""]
    lines += _render_entry_foot(block.entry) if block.entry else []
    lines += ["</div>", ""]
    return lines + render_annotation_notes(block, page, router)


def render_summary_points(block: Block, page: str, router: Router) -> list[str]:
    """The editors' points as a list: their own Markdown, with links and marks."""
    return [
        "- " + _render_paragraph(point.text, block, index, page, router, trusted=True)
        for index, point in enumerate(block.paragraphs)
    ]


def _render_entry_head(entry: Entry) -> list[str]:
    lines = []
    # Without an editors' headline the outlet's title is the entry's heading already.
    if entry.title and entry.headline and entry.headline != entry.title:
        lines += [f"**{escape_text(entry.title, at_line_start=False)}**",
                  "{ .explainer-entry-title }", ""]  # fmt: skip
    if entry.byline:
        # A byline over two lines ('By Jane Smith' / 'BBC News, Kyiv') keeps its line break.
        first, *more = entry.byline.split("\n")
        byline = "  \n".join([escape_text(first, at_line_start=False), *map(escape_text, more)])
        lines += [f"*{byline}*", "{ .explainer-byline }", ""]
    return lines


def _render_entry_foot(entry: Entry) -> list[str]:
    lines = []
    for caption in entry.captions:
        lines += [f"*{escape_text(caption.text, at_line_start=False)}*",
                  "{ .explainer-caption }", ""]  # fmt: skip
    if entry.updated is not None:
        lines += [f"Updated {format_update(entry)}", "{ .explainer-updated }", ""]
    return lines


def format_update(entry: Entry) -> str:
    """``<time datetime="...">12:35 BST</time>``, with the day when it is not the entry's."""
    updated = entry.updated
    assert updated is not None
    zone = updated.tzname() or ""
    label = f"{updated:%H:%M}" + (f" {zone}" if zone.isalpha() else "")
    if updated.date() != entry.posted.date():
        label = f"{updated.day} {updated:%B %Y}, {label}"
    return f'<time datetime="{updated.isoformat()}">{escape_text(label)}</time>'


def render_headline(explainer: Explainer, router: Router) -> str:
    """The headline, escaped, with its annotated words marked (it has no mentions)."""
    block = explainer.blocks["headline"]
    return _render_paragraph(block.paragraphs[0].text, block, 0, router.overview, router)


def _render_paragraph(
    text: str, block: Block, index: int, page: str, router: Router, trusted: bool = False
) -> str:
    """Escape the paragraph, wrapping linked mentions and annotated quotes.

    Marks open and close at quote boundaries; links sit inside marks (a mention that would
    cross a mark boundary was dropped by ``link``). ``trusted`` text is the editors' own
    Markdown (the summary), checked by ``load``, and passes through as written.
    """
    # (offset, order, markup): at one offset links close, marks close, marks open, links
    # open, so a link always nests inside a mark.
    events: list[tuple[int, int, str]] = []
    for mention in block.mentions[index]:
        if not mention.first:
            continue
        events.append((mention.start, 3, "["))
        link = router.link(page, mention.target)
        preview = router.preview_id(page, mention.target)
        events.append((mention.end, 0, f'](<{link}>){{ data-preview="{preview}" }}'))
    pieces_by_span: dict[tuple[int, int], list[PlacedAnnotation]] = {}
    for piece in block.annotations[index]:
        pieces_by_span.setdefault((piece.start, piece.end), []).append(piece)
    for (start, end), pieces in pieces_by_span.items():
        events.append((start, 2, '<mark class="explainer-quote">'))
        markers = "".join(
            _render_marker(block, piece) for piece in pieces if _is_last(block, index, piece)
        )
        events.append((end, 1, "</mark>" + markers))
    events.sort(key=lambda e: (e[0], e[1]))
    out, position = [], 0
    for offset, _, markup in events:
        out.append(_text(text[position:offset], position == 0, trusted))
        out.append(markup)
        position = offset
    out.append(_text(text[position:], position == 0, trusted))
    return "".join(out)


def _text(text: str, at_line_start: bool, trusted: bool) -> str:
    return text if trusted else escape_text(text, at_line_start=at_line_start)


def _is_last(block: Block, index: int, piece: PlacedAnnotation) -> bool:
    """The marker goes after the last piece of a quote that spans paragraphs."""
    later = [
        p for ps in block.annotations[index + 1 :] for p in ps if p.annotation is piece.annotation
    ]
    return not later


def _annotation_id(block: Block, number: int) -> str:
    return f"note-{block.key}-{number}"


def _render_marker(block: Block, piece: PlacedAnnotation) -> str:
    """The note's number right after the quote, linking to the note (which the preview
    card shows on hover, focus or a first tap)."""
    note = piece.annotation
    label = f"Note {piece.number}: {KIND_LABELS[note.kind]}"
    note_id = _annotation_id(block, piece.number)
    return (
        f'<sup class="explainer-marker explainer-marker--{note.kind}">[{piece.number}]'
        f'(#{note_id}){{ aria-label="{escape_attribute(label)}" data-preview="{note_id}" }}</sup>'
    )


def render_annotation_notes(block: Block, page: str, router: Router) -> list[str]:
    """The block's notes as a numbered list after it: the explainer's own voice, readable
    without JavaScript, each the target of its marker, showing kind (label and icon),
    quote, text and sources."""
    seen: dict[int, PlacedAnnotation] = {}
    for pieces in block.annotations:
        for piece in pieces:
            seen.setdefault(piece.number, piece)
    if not seen:
        return []
    lines = [
        '<div class="explainer-notes" markdown>',
        "",
        '<p class="explainer-notes__title">Explainer’s notes</p>',
        "",
        "<ol markdown>",
    ]
    for number in sorted(seen):
        note = seen[number].annotation
        sources = ", ".join(
            f"[{escape_text(s.title)}](<{_format_url(s.url)}>)" for s in note.sources
        )
        see = ""
        if note.see:
            target = router.see_target(note.see)
            see = f" See also: [{escape_text(router.title(target))}]({router.link(page, target)})."
        quote = escape_text(first_words(note.quote, 80), at_line_start=False)
        text = " ".join(note.text.split())
        lines.append(
            f'<li id="{_annotation_id(block, number)}" value="{number}" '
            f'class="explainer-note explainer-note--{note.kind}" markdown="span">'
            f'<span class="explainer-note__kind">{KIND_ICONS[note.kind]}'
            f"{KIND_LABELS[note.kind]}</span> on “{quote}”: {text} "
            f'<span class="explainer-note__sources">Sources: {sources}.{see}</span></li>'
        )
    lines += ["</ol>", "", "</div>", ""]
    return lines


def render_previews(page: str, router: Router) -> list[str]:
    """The preview cards of every term and note the page links, hidden: the page's script
    shows one beside its link on hover, focus or a first tap. Without JavaScript they stay
    hidden and the links simply work."""
    targets = router.previews.get(page)
    if not targets:
        return []
    lines = ['<div class="explainer-previews" hidden data-search-exclude markdown>', ""]
    for target in targets:
        link = router.link(page, target)
        if isinstance(target, TermRef):
            term = router.terms[target.id]
            title, line, more = term.name, term.role, "Full entry"
            summary = term.summary
        else:
            note = router.notes[target.slug]
            title, line, more = note.title, f"{note.date} · {note.place}", "Background note"
            summary = note.summary
        lines += [
            f'<div class="explainer-card" id="{preview_key(target)}" markdown>',
            "",
            f'<p class="explainer-card__title">{escape_attribute(title)}</p>',
            "",
        ]
        if line:
            lines += [f'<p class="explainer-card__role">{escape_attribute(line)}</p>', ""]
        lines += [
            " ".join(summary.split()),
            "",
            f"[{more} →]({link}){{ .explainer-card__more }}",
            "",
            "</div>",
            "",
        ]
    return lines + ["</div>", ""]


def _format_url(url: str) -> str:
    """A URL safe inside ``(<...>)``: parentheses and quotes in it cannot end the link."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def render_references(
    label: str, references: tuple[Reference, ...], heading: str = ""
) -> list[str]:
    if not references:
        return []
    head = [f"{heading} {label}", ""] if heading else [f"**{label}:**", ""]
    return head + [f"- [{escape_text(r.title)}]({r.url})" for r in references] + [""]


def render_front_matter(description: str) -> list[str]:
    """YAML front matter with the page's description (meta description, Open Graph).

    Written as a JSON string (valid YAML) without the characters YAML refuses, so no text
    can break out of it; the theme escapes it again for HTML.
    """
    text = " ".join(_YAML_UNSAFE.sub("", description).split())
    return [
        "---",
        f"description: {json.dumps(first_words(text, 200), ensure_ascii=False)}",
        "---",
        "",
    ]


def format_count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def format_span(first: object, last: object) -> str:
    from datetime import datetime

    assert isinstance(first, datetime) and isinstance(last, datetime)
    zone = first.tzname() or first.strftime("%z")
    if first.date() == last.date():
        return f"{first:%-d %B %Y}, {first:%H:%M}–{last:%H:%M} {zone}"
    return f"{first:%-d %B %Y, %H:%M} – {last:%-d %B %Y, %H:%M} {zone}"


def format_clock_span(entries: tuple[Entry, ...]) -> str:
    first, last = entries[0], entries[-1]
    if first is last:
        return first.time_label
    return f"{first.posted:%H:%M}–{last.time_label}"


def render_key_moment(entry: Entry, from_page: str, router: Router) -> str:
    """``- [16:56 GMT: Medinsky cites the Congress of Berlin](timeline.md#…)`` (with the day
    when the timeline spans several)."""
    when = entry.time_label
    if router.timeline.split:
        when = f"{format_day(entry.posted.date())}, {when}"
    link = router.link(from_page, EntryRef(entry.anchor))
    headline = escape_text(router.words.headline(entry), at_line_start=False)
    return f"- [{escape_text(when)}: {headline}]({link})"


def render_key_moment_cards(entries: tuple[Entry, ...], from_page: str, router: Router) -> str:
    """The key moments as a row of cards, each its entry's time and headline, linking to it.
    One line of HTML (a raw block for Markdown), so the cards need no JavaScript."""
    cards = []
    for entry in entries:
        when = entry.time_label
        if router.timeline.split:
            when = f"{format_day(entry.posted.date())}, {when}"
        href = router.href_to(from_page, EntryRef(entry.anchor))
        cards.append(
            f'<li><a class="explainer-moment" href="{escape_attribute(href)}">'
            f'<time datetime="{entry.posted.isoformat()}">{escape_attribute(when)}</time> '
            f"<span>{escape_attribute(router.words.headline(entry))}</span></a></li>"
        )
    return f'<ol class="explainer-moments">{"".join(cards)}</ol>'
