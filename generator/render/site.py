"""Stage 4, render: the linked Explainer -> Markdown pages (no MkDocs in here).

Source words go through ``escape_text`` and nothing else, so they reach the page verbatim
and never as markup; editors' Markdown (summaries, notes, annotations) is trusted after
``load`` checked it.
"""

from __future__ import annotations

from collections import Counter

from ..model import Explainer, NoteRef, Site
from .blocks import (
    format_clock_span,
    format_count,
    format_span,
    render_annotation_notes,
    render_block,
    render_front_matter,
    render_headline,
    render_key_moment,
)
from .escape import escape_text
from .glossary import (
    render_background_index,
    render_glossary_index,
    render_glossary_page,
    render_note,
)
from .router import KIND_PAGES, Router, format_day
from .timeline import render_timeline, timeline_nav


def render_site(explainer: Explainer, site_url: str = "", directory_urls: bool = True) -> Site:
    """Every page of the explainer, and the navigation.

    ``site_url`` (and MkDocs' ``use_directory_urls``) only make the structured data's
    addresses absolute; without it they are relative to the page.
    """
    router = Router(explainer, site_url, directory_urls)
    pages = {
        router.overview: render_overview(explainer, router),
        **render_timeline(explainer, router),
        router.about: render_about(explainer),
        router.glossary_index: render_glossary_index(explainer, router),
        router.background_index: render_background_index(explainer, router),
    }
    glossary_nav: list[dict[str, object]] = [{"Glossary": router.glossary_index}]
    for kind, (_, title) in KIND_PAGES.items():
        terms = [t for t in explainer.glossary if t.kind == kind]
        if terms:
            page = router.glossary_page(terms[0].kind)
            pages[page] = render_glossary_page(title, terms, explainer, router)
            glossary_nav.append({title: page})
    notes_nav: list[dict[str, object]] = [{"Background notes": router.background_index}]
    for note in explainer.notes:
        page = router.note_page(note.slug)
        pages[page] = render_note(note.slug, explainer, router)
        notes_nav.append({note.title: page})
    nav: list[dict[str, object]] = [
        {"Overview": router.overview},
        {"Timeline": timeline_nav(router)},
        {"Glossary": glossary_nav},
        {"Background": notes_nav},
        {"About the source": router.about},
    ]
    return Site(pages, nav, explainer.warnings)


def render_overview(explainer: Explainer, router: Router) -> str:
    """The front page: what the explainer is, the intro, key moments and where to go next."""
    source, blog = explainer.source, explainer.liveblog
    first, last = blog.entries[0], blog.entries[-1]
    layout, page = router.timeline, router.overview
    published = format_day(source.published)
    lines = [
        *render_front_matter(
            f"An annotated explainer of {source.outlet}’s live-blog of {published}: "
            f"{blog.headline.text}"
        ),
        # The headline's annotations are marked in it; their notes follow the attribution.
        "# " + render_headline(explainer, router),
        "",
        f"An annotated explainer of {escape_text(source.outlet)}’s live-blog of "
        f"{published}. The live-blog’s words are reproduced verbatim; "
        "the glossary, background notes and annotations are the explainer’s own.",
        "{ .explainer-attribution }",
        "",
        *render_annotation_notes(explainer.blocks["headline"], page, router),
        *render_block(explainer.blocks["intro"], page, router),
        "## At a glance",
        "",
        f"- **Coverage:** {format_span(first.posted, last.posted)}, "
        f"{format_count(len(blog.entries), 'entry', 'entries')}",
        f"- **Source:** {escape_text(source.outlet)}, {published}",
        "",
    ]
    moments = explainer.key_moments
    if moments:
        lines += ["## Key moments", ""]
        lines += [render_key_moment(entry, page, router) for entry in moments]
        lines.append("")
    if layout.split:
        lines += ["## Day by day", ""]
        lines += [
            f"- [{day.label}]({router.page_link(page, day.page)}): "
            f"{format_count(len(day.entries), 'entry', 'entries')}, "
            f"{format_clock_span(day.entries)}"
            for day in layout.days
        ]
        lines.append("")
    lines += [
        "## Where to go next",
        "",
        f"- [Timeline]({router.page_link(page, layout.index)}): every entry, oldest first"
        + (", one page per day" if layout.split else "")
        + ", with the people and places it mentions and the editors’ annotations.",
        f"- [Glossary]({router.page_link(page, router.glossary_index)}): "
        "who and what the live-blog names.",
        f"- [Background notes]({router.page_link(page, router.background_index)}): "
        "the past events the speakers refer to.",
    ]
    lines += [
        f"    - [{escape_text(note.title)}]({router.link(page, NoteRef(note.slug))})"
        for note in explainer.notes
    ]
    lines += [
        f"- [About the source]({router.page_link(page, router.about)}): "
        "where the text comes from and how this explainer is made.",
        "",
    ]
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
