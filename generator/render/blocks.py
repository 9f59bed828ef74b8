"""Rendering shared by every page: the source's blocks (escaped, with mentions and
annotation marks), the notes after them, references, front matter and formatting."""

from __future__ import annotations

import json
import re

from ..model import Block, Entry, Explainer, PlacedAnnotation, Reference
from .escape import escape_attribute, escape_text, first_words, plain_text
from .router import Router, format_day

# Characters YAML refuses in a document (front matter must always parse).
_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


KIND_LABELS = {
    "context": "Context",
    "fact-check": "Fact-check",
    "spelling": "Spelling",
    "translation": "Translation",
    "attribution": "Attribution",
}


def render_block(block: Block, page: str, router: Router) -> list[str]:
    """The block's paragraphs with links and marks, then what it mentions, then its notes.

    An entry's own title and byline come first, its captions and update after its text:
    the source's words, escaped, each marked as what it is.
    """
    lines: list[str] = _render_entry_head(block.entry) if block.entry else []
    for index, paragraph in enumerate(block.paragraphs):
        lines += [_render_paragraph(paragraph.text, block, index, page, router), ""]
    if block.entry:
        lines += _render_entry_foot(block.entry)
    mentioned = list(dict.fromkeys(m.target for ms in block.mentions for m in ms))
    terms = [t for t in mentioned if t.startswith("term:")]
    notes = [t for t in mentioned if t.startswith("note:")]
    if terms:
        lines += [
            f"**{'In the introduction' if block.entry is None else 'In this entry'}:** "
            + ", ".join(f"[{escape_text(router.title(t))}]({router.link(page, t)})" for t in terms),
            "{ .explainer-mentions }",
            "",
        ]
    if notes:
        lines += [
            "**Background:** "
            + ", ".join(f"[{escape_text(router.title(t))}]({router.link(page, t)})" for t in notes),
            "{ .explainer-mentions }",
            "",
        ]
    lines += render_annotation_notes(block, page, router)
    return lines


def _render_entry_head(entry: Entry) -> list[str]:
    lines = []
    if entry.title:
        lines += [f"**{escape_text(entry.title, at_line_start=False)}**",
                  "{ .explainer-entry-title }", ""]  # fmt: skip
    if entry.byline:
        byline = escape_text(entry.byline, at_line_start=False)
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
        label = f"{updated:%-d %B %Y}, {label}"
    return f'<time datetime="{updated.isoformat()}">{escape_text(label)}</time>'


def render_headline(explainer: Explainer, router: Router) -> str:
    """The headline, escaped, with its annotated words marked (it has no mentions)."""
    block = explainer.blocks["headline"]
    return _render_paragraph(block.paragraphs[0].text, block, 0, "index.md", router)


def _render_paragraph(text: str, block: Block, index: int, page: str, router: Router) -> str:
    """Escape the paragraph, wrapping linked mentions and annotated quotes.

    Marks open and close at quote boundaries; links sit inside marks (a mention that would
    cross a mark boundary was dropped by ``link``).
    """
    # (offset, order, markup): at one offset links close, marks close, marks open, links
    # open, so a link always nests inside a mark.
    events: list[tuple[int, int, str]] = []
    for mention in block.mentions[index]:
        if not mention.first:
            continue
        events.append((mention.start, 3, "["))
        link = router.link(page, mention.target)
        title = escape_attribute(router.tooltip(mention.target))
        events.append((mention.end, 0, f'](<{link}> "{title}")'))
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
        out.append(escape_text(text[position:offset], at_line_start=position == 0))
        out.append(markup)
        position = offset
    out.append(escape_text(text[position:], at_line_start=position == 0))
    return "".join(out)


def _is_last(block: Block, index: int, piece: PlacedAnnotation) -> bool:
    """The marker goes after the last piece of a quote that spans paragraphs."""
    later = [
        p for ps in block.annotations[index + 1 :] for p in ps if p.annotation is piece.annotation
    ]
    return not later


def _annotation_id(block: Block, number: int) -> str:
    return f"note-{block.key}-{number}"


def _render_marker(block: Block, piece: PlacedAnnotation) -> str:
    """The note's number right after the quote, linking to the note (its text as a tooltip)."""
    note = piece.annotation
    label = f"Note {piece.number}: {KIND_LABELS[note.kind]}"
    title = escape_attribute(f"{KIND_LABELS[note.kind]}: {plain_text(note.text)}")
    return (
        f'<sup class="explainer-marker">[{piece.number}](#{_annotation_id(block, piece.number)} '
        f'"{title}"){{ aria-label="{escape_attribute(label)}" }}</sup>'
    )


def render_annotation_notes(block: Block, page: str, router: Router) -> list[str]:
    """The block's notes as a numbered list after it: readable without JavaScript, each the
    target of its marker, showing kind, quote, text and sources."""
    seen: dict[int, PlacedAnnotation] = {}
    for pieces in block.annotations:
        for piece in pieces:
            seen.setdefault(piece.number, piece)
    if not seen:
        return []
    lines = ['<div class="explainer-notes" markdown>', "", "**Notes**", "", "<ol markdown>"]
    for number in sorted(seen):
        note = seen[number].annotation
        sources = ", ".join(
            f"[{escape_text(s.title)}](<{_format_url(s.url)}>)" for s in note.sources
        )
        see = ""
        if note.see:
            target = f"term:{note.see}" if note.see in router.terms else f"note:{note.see}"
            see = f" See also: [{escape_text(router.title(target))}]({router.link(page, target)})."
        quote = escape_text(first_words(note.quote, 80), at_line_start=False)
        text = " ".join(note.text.split())
        lines.append(
            f'<li id="{_annotation_id(block, number)}" value="{number}" markdown="span">'
            f"**{KIND_LABELS[note.kind]}** on “{quote}”: {text} Sources: {sources}.{see}</li>"
        )
    lines += ["</ol>", "", "</div>", ""]
    return lines


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
    """``- [16:56 GMT](timeline.md#…): The West’s interference…`` (with the day when the
    timeline spans several)."""
    when = entry.time_label
    if router.timeline.split:
        when = f"{format_day(entry.posted.date())}, {when}"
    words = first_words(entry.paragraphs[0].text, 90) if entry.paragraphs else ""
    link = f"[{escape_text(when)}]({router.link(from_page, entry.anchor)})"
    return f"- {link}: {escape_text(words, at_line_start=False)}" if words else f"- {link}"
