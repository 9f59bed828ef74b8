"""Stage 4, render: the linked Explainer -> Markdown pages (no MkDocs in here).

Source words go through ``escape_text`` and nothing else, so they reach the page verbatim
and never as markup; editors' Markdown (summaries, notes, annotations) is trusted after
``load`` checked it.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from functools import cache

from .markdown_text import escape_attribute, escape_text, first_words, plain_text
from .model import Block, Entry, Explainer, GlossaryTerm, PlacedAnnotation, Reference, Site
from .timeline import (
    TimelineDay,
    TimelineLayout,
    format_day,
    key_moments,
    plan_timeline,
    render_day_chart,
    render_jsonld,
    render_strip,
)

KIND_PAGES = {
    "person": ("people", "People"),
    "place": ("places", "Places"),
    "organisation": ("organisations", "Organisations"),
}
# Characters YAML refuses in a document (front matter must always parse).
_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
KIND_LABELS = {
    "context": "Context",
    "fact-check": "Fact-check",
    "spelling": "Spelling",
    "translation": "Translation",
    "attribution": "Attribution",
}


class Router:
    """Where every entry, term and note lives, and relative links between pages."""

    def __init__(
        self, explainer: Explainer, site_url: str = "", directory_urls: bool = True
    ) -> None:
        self.explainer = explainer
        self.terms = {term.id: term for term in explainer.glossary}
        self.notes = {note.slug: note for note in explainer.notes}
        self.timeline = plan_timeline(explainer.liveblog.entries)
        self.site_url = site_url
        self.directory_urls = directory_urls
        self.links: dict[tuple[str, str], str] = {}
        """(from page, target) -> link: a big explainer links the same pairs 100,000s of times."""

    def entry_page(self, anchor: str) -> str:
        """The page that shows an entry: its day's page when the timeline is split."""
        if anchor in ("intro", "headline"):
            return "index.md"
        return self.timeline.pages[anchor]

    def page_url(self, page: str) -> str:
        """The page's absolute address, or "" when the site's address is not known.

        Only structured data needs it.
        """
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + self.url_path(page)

    def url_path(self, page: str) -> str:
        """Where MkDocs publishes a page, relative to the site's root
        (``timeline/2025-05-16/``, or ``timeline/2025-05-16.html`` without directory URLs)."""
        stem = page[: -len(".md")]
        if not self.directory_urls:
            return f"{stem}.html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/"

    def href(self, from_page: str, to_page: str) -> str:
        """A link between published pages, for raw HTML (MkDocs rewrites only Markdown links)."""
        source, target = self.url_path(from_page), self.url_path(to_page)
        if source == target:
            return "#"
        folder = source if source.endswith("/") or not source else posixpath.dirname(source)
        path = posixpath.relpath(target or ".", folder or ".")
        return path + "/" if target.endswith("/") or not target else path

    def target_page(self, target: str) -> tuple[str, str]:
        """(page, anchor) of ``term:id`` / ``note:slug`` / an entry anchor."""
        kind, _, key = target.partition(":")
        if kind == "term":
            return f"glossary/{KIND_PAGES[self.terms[key].kind][0]}.md", key
        if kind == "note":
            return f"background/{key}.md", ""
        return self.entry_page(target), "" if target in ("intro", "headline") else target

    def link(self, from_page: str, target: str) -> str:
        link = self.links.get((from_page, target))
        if link is None:
            page, anchor = self.target_page(target)
            link = relative(from_page, page) + (f"#{anchor}" if anchor else "")
            self.links[from_page, target] = link
        return link

    def title(self, target: str) -> str:
        kind, _, key = target.partition(":")
        return self.terms[key].name if kind == "term" else self.notes[key].title

    def tooltip(self, target: str) -> str:
        kind, _, key = target.partition(":")
        summary = self.terms[key].summary if kind == "term" else self.notes[key].summary
        return plain_text(summary)


@cache  # called for every link; a site has few pages but a large one has 100,000s of links
def relative(from_page: str, to_page: str) -> str:
    """Relative Markdown link from one page path to another (MkDocs resolves ``.md``)."""
    if from_page == to_page:
        return ""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def render_site(explainer: Explainer, site_url: str = "", directory_urls: bool = True) -> Site:
    """Every page of the explainer, and the navigation.

    ``site_url`` (and MkDocs' ``use_directory_urls``) only make the structured data's
    addresses absolute; without it they are relative to the page.
    """
    router = Router(explainer, site_url, directory_urls)
    pages = {
        "index.md": render_overview(explainer, router),
        **render_timeline(explainer, router),
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
        {"Timeline": timeline_nav(router)},
        {"Glossary": glossary_nav},
        {"Background": notes_nav},
        {"About the source": "about.md"},
    ]
    return Site(pages, nav, explainer.warnings)


# -- pages ---------------------------------------------------------------------------------


def render_overview(explainer: Explainer, router: Router) -> str:
    """The front page: what the explainer is, the intro, key moments and where to go next."""
    source, blog = explainer.source, explainer.liveblog
    first, last = blog.entries[0], blog.entries[-1]
    layout = router.timeline
    published = format_day(source.published)
    lines = [
        *_render_front_matter(
            f"An annotated explainer of {source.outlet}’s live-blog of {published}: "
            f"{blog.headline.text}"
        ),
        # The headline's annotations are marked in it; their notes follow the attribution.
        "# " + _render_headline(explainer, router),
        "",
        f"An annotated explainer of {escape_text(source.outlet)}’s live-blog of "
        f"{published}. The live-blog’s words are reproduced verbatim; "
        "the glossary, background notes and annotations are the explainer’s own.",
        "{ .explainer-attribution }",
        "",
        *_render_annotation_notes(explainer.blocks["headline"], "index.md", router),
        *_render_block(explainer.blocks["intro"], "index.md", router),
        "## At a glance",
        "",
        f"- **Coverage:** {_format_span(first.posted, last.posted)}, "
        f"{_format_count(len(blog.entries), 'entry', 'entries')}",
        f"- **Source:** {escape_text(source.outlet)}, {published}",
        "",
    ]
    moments = key_moments(source.key_moments, blog.entries)
    if moments:
        lines += ["## Key moments", ""]
        lines += [_render_key_moment(entry, "index.md", router) for entry in moments]
        lines.append("")
    if layout.split:
        lines += ["## Day by day", ""]
        lines += [
            f"- [{day.label}]({relative('index.md', day.page)}): "
            f"{_format_count(len(day.entries), 'entry', 'entries')}, "
            f"{_format_clock_span(day.entries)}"
            for day in layout.days
        ]
        lines.append("")
    lines += [
        "## Where to go next",
        "",
        f"- [Timeline]({relative('index.md', layout.index)}): every entry, oldest first"
        + (", one page per day" if layout.split else "")
        + ", with the people and places it mentions and the editors’ annotations.",
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


def render_timeline(explainer: Explainer, router: Router) -> dict[str, str]:
    """The timeline: one page, or an index and one page per day (see ``timeline``)."""
    layout = router.timeline
    if not layout.split:
        return {layout.index: _render_timeline_page(explainer, router, layout.days[0])}
    pages = {layout.index: _render_timeline_index(explainer, router)}
    for number, day in enumerate(layout.days):
        pages[day.page] = _render_timeline_page(explainer, router, day, number)
    return pages


def timeline_nav(router: Router) -> str | list[dict[str, object]]:
    """The Timeline's place in the nav: a page, or a section with one page per day."""
    layout = router.timeline
    if not layout.split:
        return layout.index
    days: list[dict[str, object]] = [{day.label: day.page} for day in layout.days]
    return [{"Timeline": layout.index}, *days]


def _render_timeline_index(explainer: Explainer, router: Router) -> str:
    """A split timeline's first page: the days, how busy each was, and the key moments."""
    source, blog, layout = explainer.source, explainer.liveblog, router.timeline
    page = layout.index
    summary = (
        f"{_format_count(len(blog.entries), 'entry', 'entries')} from {source.outlet}’s "
        f"live-blog over {len(layout.days)} days, "
        f"{_format_span(blog.entries[0].posted, blog.entries[-1].posted)}, one page per day."
    )
    lines = [
        *_render_front_matter(summary),
        "# Timeline",
        "",
        escape_text(summary),
        "",
        render_day_chart(layout.days, lambda day: router.href(page, day.page)),
        "",
        _render_jsonld(explainer, router, page, ()),
        "",
        "## Days",
        "",
    ]
    lines += [
        f"- [{day.label}]({relative(page, day.page)}): "
        f"{_format_count(len(day.entries), 'entry', 'entries')}, "
        f"{_format_clock_span(day.entries)}"
        for day in layout.days
    ]
    moments = key_moments(source.key_moments, blog.entries)
    if moments:
        lines += ["", "## Key moments", ""]
        lines += [_render_key_moment(entry, page, router) for entry in moments]
    lines.append("")
    return "\n".join(lines)


def _render_timeline_page(
    explainer: Explainer, router: Router, day: TimelineDay, number: int = 0
) -> str:
    """The entries of one page: a heading, the strip, JSON-LD, then each entry."""
    source, layout, page = explainer.source, router.timeline, day.page
    key = frozenset(e.anchor for e in key_moments(source.key_moments, day.entries))
    span = _format_span(day.entries[0].posted, day.entries[-1].posted)
    count = _format_count(len(day.entries), "entry", "entries")
    if layout.split:
        title = day.label
        summary = (
            f"Day {number + 1} of {len(layout.days)} of {source.outlet}’s live-blog: "
            f"{count}, {span}, oldest first."
        )
    else:
        title = "Timeline"
        summary = f"{count} from {source.outlet}’s live-blog, {span}, oldest first."
    lines = [
        *_render_front_matter(summary),
        f"# {escape_text(title)}",
        "",
        escape_text(summary)
        + " The entries’ words are the source’s own"
        + ("; key moments are marked." if key else "."),
        "",
    ]
    day_nav = _render_day_nav(layout, number) if layout.split else []
    lines += day_nav
    lines += [
        render_strip(day.entries, lambda e: f"#{e.anchor}", key),
        "",
        _render_jsonld(explainer, router, page, day.entries),
        "",
    ]
    for entry in day.entries:
        badge = ' <span class="explainer-key">Key moment</span>' if entry.anchor in key else ""
        lines += [
            f'## <time datetime="{entry.posted.isoformat()}">{escape_text(entry.time_label)}'
            f"</time>{badge} {{ #{entry.anchor} }}",
            "",
            *_render_block(explainer.blocks[entry.anchor], page, router),
        ]
    return "\n".join(lines + day_nav)


def _render_day_nav(layout: TimelineLayout, number: int) -> list[str]:
    """Previous day · All days · Next day, as plain links (no script needed)."""
    days, page = layout.days, layout.days[number].page
    links = []
    if number > 0:
        links.append(f"[← {days[number - 1].label}]({relative(page, days[number - 1].page)})")
    links.append(f"[All days]({relative(page, layout.index)})")
    if number + 1 < len(days):
        links.append(f"[{days[number + 1].label} →]({relative(page, days[number + 1].page)})")
    return [" · ".join(links), "{ .explainer-daynav }", ""]


def _render_jsonld(explainer: Explainer, router: Router, page: str, entries: tuple) -> str:
    blog = explainer.liveblog
    page_url = router.page_url(page)
    return render_jsonld(
        explainer.source,
        explainer.source.headline,
        (blog.entries[0].posted, blog.entries[-1].posted),
        entries,
        page_url,
        lambda entry: f"{page_url}#{entry.anchor}",
    )


def _render_front_matter(description: str) -> list[str]:
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


def _render_key_moment(entry: Entry, from_page: str, router: Router) -> str:
    """``- [16:56 GMT](timeline.md#…): The West’s interference…`` (with the day when the
    timeline spans several)."""
    when = entry.time_label
    if router.timeline.split:
        when = f"{format_day(entry.posted.date())}, {when}"
    words = first_words(entry.paragraphs[0].text, 90) if entry.paragraphs else ""
    link = f"[{escape_text(when)}]({router.link(from_page, entry.anchor)})"
    return f"- {link}: {escape_text(words, at_line_start=False)}" if words else f"- {link}"


def _format_count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _format_clock_span(entries: tuple[Entry, ...]) -> str:
    first, last = entries[0], entries[-1]
    if first is last:
        return first.time_label
    return f"{first.posted:%H:%M}–{last.time_label}"


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
            f"- [{escape_text(t.name)}]({slug}.md#{t.id}): "
            + escape_text(plain_text(t.role or t.summary), at_line_start=False)
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
    lines += _render_backlinks(
        f"note:{slug}", page, explainer, router, heading="##", label="Referred to in"
    )
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
            # A list item's text starts a line too: "- 1. x" would nest a list.
            f"- {escape_text(p.text)} (line {p.line})"
            for p in blog.furniture
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


def _render_headline(explainer: Explainer, router: Router) -> str:
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


def _render_annotation_notes(block: Block, page: str, router: Router) -> list[str]:
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


def _render_references(
    label: str, references: tuple[Reference, ...], heading: str = ""
) -> list[str]:
    if not references:
        return []
    head = [f"{heading} {label}", ""] if heading else [f"**{label}:**", ""]
    return head + [f"- [{escape_text(r.title)}]({r.url})" for r in references] + [""]


def _render_backlinks(
    target: str,
    page: str,
    explainer: Explainer,
    router: Router,
    heading: str = "",
    label: str = "Mentioned in",
) -> list[str]:
    """Each block that mentions ``target``: its time, linked, and its first words."""
    keys = explainer.backlinks.get(target, ())
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
    return head + _group_backlinks(keys, items, explainer, router) + [""]


BACKLINKS_OPEN = 12
"""Up to this many mentions in all, a split timeline's day groups stay open."""


def _group_backlinks(
    keys: tuple[str, ...], items: list[str], explainer: Explainer, router: Router
) -> list[str]:
    """One day: the list as it is. Several days: grouped under each day, and collapsed into
    a ``<details>`` per day (its summary says the day and the count) once the list is long,
    so a term mentioned thousands of times still reads as a list of days."""
    if not router.timeline.split:
        return items
    out: list[str] = []
    days: dict[str, list[str]] = {}
    for key, item in zip(keys, items):
        entry = explainer.blocks[key].entry
        if entry is None:
            out.append(item)
        else:
            days.setdefault(format_day(entry.posted.date()), []).append(item)
    collapse = len(keys) > BACKLINKS_OPEN
    for day, day_items in days.items():
        count = _format_count(len(day_items), "entry", "entries")
        if collapse:
            out += [
                "",
                '<details class="explainer-days" markdown>',
                f"<summary>{day} ({count})</summary>",
                "",
                *day_items,
                "",
                "</details>",
                "",
            ]
        else:
            out += [f"- {day} ({count})", *(f"    {item}" for item in day_items)]
    return out


def _format_span(first: object, last: object) -> str:
    from datetime import datetime

    assert isinstance(first, datetime) and isinstance(last, datetime)
    zone = first.tzname() or first.strftime("%z")
    if first.date() == last.date():
        return f"{first:%-d %B %Y}, {first:%H:%M}–{last:%H:%M} {zone}"
    return f"{first:%-d %B %Y, %H:%M} – {last:%-d %B %Y, %H:%M} {zone}"


def _sort_name(term: GlossaryTerm) -> str:
    return term.name.casefold()
