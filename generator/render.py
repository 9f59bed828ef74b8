"""Stage 4, render: the linked Explainer -> Markdown pages (no MkDocs in here).

Source words go through ``escape_text`` and nothing else, so they reach the page verbatim
and never as markup; editors' Markdown (summaries, notes, annotations) is trusted after
``load`` checked it.
"""

from __future__ import annotations

import posixpath
from collections import Counter

from .markdown_text import escape_attribute, escape_text, first_words, plain_text
from .model import Block, Explainer, GlossaryTerm, PlacedAnnotation, Reference, Site

KIND_PAGES = {
    "person": ("people", "People"),
    "place": ("places", "Places"),
    "organisation": ("organisations", "Organisations"),
}
KIND_LABELS = {
    "context": "Context",
    "fact-check": "Fact-check",
    "spelling": "Spelling",
    "translation": "Translation",
    "attribution": "Attribution",
}


class Router:
    """Where every entry, term and note lives, and relative links between pages."""

    def __init__(self, explainer: Explainer) -> None:
        self.explainer = explainer
        self.terms = {term.id: term for term in explainer.glossary}
        self.notes = {note.slug: note for note in explainer.notes}

    def entry_page(self, anchor: str) -> str:
        return "index.md" if anchor in ("intro", "headline") else "timeline.md"

    def target_page(self, target: str) -> tuple[str, str]:
        """(page, anchor) of ``term:id`` / ``note:slug`` / an entry anchor."""
        kind, _, key = target.partition(":")
        if kind == "term":
            return f"glossary/{KIND_PAGES[self.terms[key].kind][0]}.md", key
        if kind == "note":
            return f"background/{key}.md", ""
        return self.entry_page(target), "" if target in ("intro", "headline") else target

    def link(self, from_page: str, target: str) -> str:
        page, anchor = self.target_page(target)
        return relative(from_page, page) + (f"#{anchor}" if anchor else "")

    def title(self, target: str) -> str:
        kind, _, key = target.partition(":")
        return self.terms[key].name if kind == "term" else self.notes[key].title

    def tooltip(self, target: str) -> str:
        kind, _, key = target.partition(":")
        summary = self.terms[key].summary if kind == "term" else self.notes[key].summary
        return plain_text(summary)


def relative(from_page: str, to_page: str) -> str:
    """Relative Markdown link from one page path to another (MkDocs resolves ``.md``)."""
    if from_page == to_page:
        return ""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def render_site(explainer: Explainer) -> Site:
    """Every page of the explainer, and the navigation."""
    router = Router(explainer)
    pages = {
        "index.md": render_overview(explainer, router),
        "timeline.md": render_timeline(explainer, router),
        "about.md": render_about(explainer),
        "glossary/index.md": render_glossary_index(explainer, router),
        "background/index.md": render_background_index(explainer),
    }
    glossary_nav: list[dict[str, object]] = [{"Glossary": "glossary/index.md"}]
    for kind, (slug, title) in KIND_PAGES.items():
        terms = [t for t in explainer.glossary if t.kind == kind]
        if terms:
            pages[f"glossary/{slug}.md"] = render_glossary_page(title, terms, explainer, router)
            glossary_nav.append({title: f"glossary/{slug}.md"})
    notes_nav: list[dict[str, object]] = [{"Background notes": "background/index.md"}]
    for note in explainer.notes:
        pages[f"background/{note.slug}.md"] = render_note(note.slug, explainer, router)
        notes_nav.append({note.title: f"background/{note.slug}.md"})
    nav: list[dict[str, object]] = [
        {"Overview": "index.md"},
        {"Timeline": "timeline.md"},
        {"Glossary": glossary_nav},
        {"Background": notes_nav},
        {"About the source": "about.md"},
    ]
    return Site(pages, nav, explainer.warnings)


# -- pages ---------------------------------------------------------------------------------


def render_overview(explainer: Explainer, router: Router) -> str:
    source, blog = explainer.source, explainer.liveblog
    first, last = blog.entries[0], blog.entries[-1]
    lines = [
        f"# {escape_text(blog.headline.text)}",
        "",
        f"An annotated explainer of {escape_text(source.outlet)}’s live-blog of "
        f"{source.published:%-d %B %Y}. The live-blog’s words are reproduced verbatim; "
        "the glossary, background notes and annotations are the explainer’s own.",
        "{ .explainer-attribution }",
        "",
        *_render_block(explainer.blocks["intro"], "index.md", router),
        "## At a glance",
        "",
        f"- **Coverage:** {_format_span(first.posted, last.posted)}, "
        f"{len(blog.entries)} {'entry' if len(blog.entries) == 1 else 'entries'}",
        f"- **Source:** {escape_text(source.outlet)}, {source.published:%-d %B %Y}",
        "",
        "## Where to go next",
        "",
        "- [Timeline](timeline.md): every entry, oldest first, with the people and places "
        "it mentions and the editors’ annotations.",
        "- [Glossary](glossary/index.md): who and what the live-blog names.",
        "- [Background notes](background/index.md): the past events the speakers refer to.",
    ]
    lines += [
        f"    - [{escape_text(note.title)}](background/{note.slug}.md)" for note in explainer.notes
    ]
    lines += [
        "- [About the source](about.md): where the text comes from and how this explainer is made.",
        "",
    ]
    return "\n".join(lines)


def render_timeline(explainer: Explainer, router: Router) -> str:
    blog = explainer.liveblog
    lines = [
        "# Timeline",
        "",
        f"{len(blog.entries)} entries from {escape_text(explainer.source.outlet)}’s live-blog, "
        "oldest first. The entries’ words are the source’s own.",
        "",
    ]
    for entry in blog.entries:
        block = explainer.blocks[entry.anchor]
        lines += [
            f'## <time datetime="{entry.posted.isoformat()}">{escape_text(entry.time_label)}'
            f"</time> {{ #{entry.anchor} }}",
            "",
            *_render_block(block, "timeline.md", router),
        ]
    return "\n".join(lines)


def render_glossary_index(explainer: Explainer, router: Router) -> str:
    lines = [
        "# Glossary",
        "",
        "The people, places and organisations the live-blog names, with the spellings it uses.",
        "",
    ]
    for kind, (slug, title) in KIND_PAGES.items():
        terms = sorted((t for t in explainer.glossary if t.kind == kind), key=_sort_name)
        if not terms:
            continue
        lines += [f"## {title}", ""]
        lines += [
            f"- [{escape_text(t.name)}]({slug}.md#{t.id}): {plain_text(t.role or t.summary)}"
            for t in terms
        ]
        lines.append("")
    return "\n".join(lines)


def render_glossary_page(
    title: str, terms: list[GlossaryTerm], explainer: Explainer, router: Router
) -> str:
    page = f"glossary/{KIND_PAGES[terms[0].kind][0]}.md"
    lines = [f"# {title}", ""]
    for term in sorted(terms, key=_sort_name):
        lines += [f"## {escape_text(term.name)} {{ #{term.id} }}", ""]
        if term.role:
            lines += [f"*{escape_text(term.role)}*", ""]
        lines += [term.summary.strip(), ""]
        if term.aliases:
            lines += ["**Also written:** " + ", ".join(escape_text(a) for a in term.aliases), ""]
        lines += _render_references("Sources", term.sources)
        if term.links:
            lines += _render_references("Further reading", term.links)
        lines += _render_backlinks(f"term:{term.id}", page, explainer, router)
    return "\n".join(lines)


def render_background_index(explainer: Explainer) -> str:
    lines = [
        "# Background notes",
        "",
        "Past events the live-blog’s speakers refer to, as the historical record has them.",
        "",
    ]
    for note in explainer.notes:
        lines += [
            f"## [{escape_text(note.title)}]({note.slug}.md)",
            "",
            f"*{escape_text(note.date)} · {escape_text(note.place)}*",
            "",
            note.summary.strip(),
            "",
        ]
    return "\n".join(lines)


def render_note(slug: str, explainer: Explainer, router: Router) -> str:
    note = router.notes[slug]
    page = f"background/{slug}.md"
    lines = [
        f"# {escape_text(note.title)}",
        "",
        f"**When:** {escape_text(note.date)}  ",
        f"**Where:** {escape_text(note.place)}",
        "",
        note.summary.strip(),
        "{ .explainer-summary }",
        "",
        note.body.strip(),
        "",
    ]
    lines += _render_references("Sources", note.sources, heading="##")
    lines += _render_backlinks(f"note:{slug}", page, explainer, router, heading="##")
    return "\n".join(lines)


def render_about(explainer: Explainer) -> str:
    source, blog = explainer.source, explainer.liveblog
    counts = Counter(line.kind for line in blog.lines)
    original = f"[{escape_text(source.url)}]({source.url})" if source.url else "not recorded"
    lines = [
        "# About the source",
        "",
        f"- **Outlet:** {escape_text(source.outlet)}",
        f"- **Headline:** {escape_text(source.headline)}",
        f"- **Published:** {source.published:%-d %B %Y}",
        f"- **Original:** {original}",
        f"- **Times:** as the source gives them ({escape_text(source.timezone)})",
        "",
        "The live-blog is third-party text. It is reproduced verbatim and attributed to "
        f"{escape_text(source.outlet)}; its words are never edited. Where its spelling or "
        "framing differs from the common record (for example *Kiev* for Kyiv), an annotation "
        "says so beside the words.",
        "",
        "## What was left out",
        "",
    ]
    if blog.furniture:
        lines += [
            "These lines of the copied page are page furniture, not part of the "
            "live-blog, and are not shown in the timeline:",
            "",
        ]
        lines += [
            f"- {escape_text(p.text, at_line_start=False)} (line {p.line})" for p in blog.furniture
        ]
    else:
        lines.append("Nothing: every line of the copied text is shown.")
    lines += [
        "",
        "## How this explainer is made",
        "",
        "A generator reads the live-blog text and the editors’ files "
        "(`source.yml`, `glossary.yml`, `background/*.md`, `annotations.yml`) and writes "
        "these pages:",
        "",
        "1. **parse** the live-blog into headline, intro and timed entries;",
        "2. **load** the glossary, background notes and annotations, checking each;",
        "3. **link** every mention of a glossary term or past event, and place each "
        "annotation on its exact words;",
        "4. **render** the pages, which MkDocs with the Material theme builds into this site.",
        "",
        f"The source file has {len(blog.lines)} lines: 1 headline, {counts['intro']} intro, "
        f"{counts['date']} date, {counts['time']} time, {counts['paragraph']} entry "
        f"paragraph, {counts['furniture']} furniture and {counts['blank']} blank.",
        "",
    ]
    return "\n".join(lines)


# -- parts ---------------------------------------------------------------------------------


def _render_block(block: Block, page: str, router: Router) -> list[str]:
    """The block's paragraphs with links and marks, then what it mentions, then its notes."""
    lines: list[str] = []
    for index, paragraph in enumerate(block.paragraphs):
        lines += [_render_paragraph(paragraph.text, block, index, page, router), ""]
    mentioned = list(dict.fromkeys(m.target for ms in block.mentions for m in ms))
    terms = [t for t in mentioned if t.startswith("term:")]
    notes = [t for t in mentioned if t.startswith("note:")]
    if terms:
        lines += [
            "**In this entry:** "
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
    lines += _render_annotation_notes(block, page, router)
    return lines


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
    note = piece.annotation
    label = f"Note {piece.number}: {KIND_LABELS[note.kind]}"
    title = escape_attribute(f"{KIND_LABELS[note.kind]}: {plain_text(note.text)}")
    return (
        f'<sup class="explainer-marker">[{piece.number}](#{_annotation_id(block, piece.number)} '
        f'"{title}"){{ aria-label="{escape_attribute(label)}" }}</sup>'
    )


def _render_annotation_notes(block: Block, page: str, router: Router) -> list[str]:
    seen: dict[int, PlacedAnnotation] = {}
    for pieces in block.annotations:
        for piece in pieces:
            seen.setdefault(piece.number, piece)
    if not seen:
        return []
    lines = ['<div class="explainer-notes" markdown>', "", "**Notes**", "", "<ol markdown>"]
    for number in sorted(seen):
        note = seen[number].annotation
        sources = ", ".join(f"[{escape_text(s.title)}]({s.url})" for s in note.sources)
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


def _render_references(
    label: str, references: tuple[Reference, ...], heading: str = ""
) -> list[str]:
    if not references:
        return []
    head = [f"{heading} {label}", ""] if heading else [f"**{label}:**", ""]
    return head + [f"- [{escape_text(r.title)}]({r.url})" for r in references] + [""]


def _render_backlinks(
    target: str, page: str, explainer: Explainer, router: Router, heading: str = ""
) -> list[str]:
    keys = explainer.backlinks.get(target, ())
    label = "Mentioned in"
    head = [f"{heading} {label}", ""] if heading else [f"**{label}:**", ""]
    if not keys:
        return head + ["Not mentioned in the live-blog.", ""]
    items = []
    for key in keys:
        block = explainer.blocks[key]
        if block.entry is None:
            items.append(f"- [Introduction]({relative(page, 'index.md') or '#'})")
            continue
        words = escape_text(
            first_words(block.paragraphs[0].text if block.paragraphs else ""), at_line_start=False
        )
        items.append(
            f"- [{escape_text(block.entry.time_label)}]({router.link(page, key)}): {words}"
        )
    return head + items + [""]


def _format_span(first: object, last: object) -> str:
    from datetime import datetime

    assert isinstance(first, datetime) and isinstance(last, datetime)
    zone = first.tzname() or first.strftime("%z")
    if first.date() == last.date():
        return f"{first:%-d %B %Y}, {first:%H:%M}–{last:%H:%M} {zone}"
    return f"{first:%-d %B %Y, %H:%M} – {last:%-d %B %Y, %H:%M} {zone}"


def _sort_name(term: GlossaryTerm) -> str:
    return term.name.casefold()
