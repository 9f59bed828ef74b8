"""Stage 4, render: the linked Explainer -> Markdown pages (no MkDocs in here).

Source words go through ``escape_text`` and nothing else, so they reach the page verbatim
and never as markup; editors' Markdown (summaries, notes, annotations) is trusted after
``load`` checked it.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from html import escape as escape_html
from typing import get_args

from ..model import Explainer, LineKind, Reference, Site
from .blocks import (
    format_clock_span,
    format_count,
    format_span,
    render_annotation_notes,
    render_front_matter,
    render_headline,
    render_key_moment_cards,
    render_previews,
    render_source,
    render_summary_points,
)
from .escape import escape_attribute, escape_text
from .glossary import (
    render_background_index,
    render_glossary_index,
    render_glossary_page,
    render_note,
)
from .reuse import KeptPages, render_now
from .router import Router, format_day
from .timeline import render_timeline, timeline_nav


def render_site(
    explainer: Explainer,
    site_url: str = "",
    directory_urls: bool = True,
    kept: KeptPages | None = None,
) -> Site:
    """Every page of the explainer, and the navigation.

    ``site_url`` (and MkDocs' ``use_directory_urls``) only make the structured data's
    addresses absolute; without it they are relative to the page. ``kept`` (under ``mkdocs
    serve``) reuses the pages whose inputs are unchanged since the last build (reuse.py).
    """
    router = Router(explainer, site_url, directory_urls)
    keep = kept.for_site(explainer, router) if kept is not None else render_now
    pages = {
        router.overview: render_overview(explainer, router),
        **render_timeline(explainer, router, keep),
        router.about: render_about(explainer, router),
        router.glossary_index: render_glossary_index(explainer, router),
        router.background_index: render_background_index(explainer, router),
    }
    # Each section's own page is its first item, named for what it lists (not "Glossary >
    # Glossary"). Material's navigation.indexes would fold it into the section's name, but
    # leaves the section's menu without an accessible name.
    glossary_nav: list[object] = [{"All terms": router.glossary_index}]
    for part in router.glossary:  # a page per kind, or parts and terms' own pages
        terms = list(part.terms)
        render = partial(render_glossary_page, part.title, terms, explainer, router, part.path)
        pages[part.path] = keep(part.path, "glossary", render)
        glossary_nav.append({part.label: part.path})
    notes_nav: list[object] = [{"All notes": router.background_index}]
    for note in explainer.notes:
        page = router.note_page(note.slug)
        pages[page] = keep(page, "note", partial(render_note, note.slug, explainer, router))
        notes_nav.append({note.title: page})
    nav: list[object] = [
        {"Overview": router.overview},
        {"Timeline": timeline_nav(router)},
        {"Glossary": glossary_nav},
        {"Background": notes_nav},
        {"About": router.about},
    ]
    return Site(
        pages,
        nav,
        explainer.warnings,
        footer=render_footer(explainer),
        print_header=print_header(explainer),
        entry_pages={e.anchor: router.entry_page(e.anchor) for e in explainer.liveblog.entries},
    )


def render_overview(explainer: Explainer, router: Router) -> str:
    """The front page, in the explainer's own voice first: what happened (the editors'
    summary), the key moments, the source and what kind of outlet it is; then the source's
    headline and intro, framed as the source's words; then where to go next."""
    source, blog, summary = explainer.source, explainer.liveblog, explainer.summary
    layout, page = router.timeline, router.overview
    published = format_day(source.published)
    outlet = escape_text(source.outlet)
    title = escape_text(summary.title) if summary else render_headline(explainer, router)
    lines = [
        *render_front_matter(
            f"An annotated explainer of {source.outlet}’s live-blog of {published}: "
            + blog.headline.text
        ),
        f"# {title}",
        "",
    ]
    if summary is not None:
        block = explainer.blocks["summary"]
        lines += [
            "## What happened",
            "",
            '<div class="explainer-summary" markdown>',
            "",
            *render_summary_points(block, page, router),
            "",
            "</div>",
            "",
        ]
        lines += _sources_line(summary.sources)
        lines += render_annotation_notes(block, page, router)
    moments = explainer.key_moments
    if moments:
        lines += ["## Key moments", "", render_key_moment_cards(moments, page, router), ""]
        lines += [
            f"[Every entry, in order →]({router.page_link(page, layout.index)})"
            "{ .explainer-more }",
            "",
        ]
    lines += render_source_box(explainer, router)
    lines += [f"## How {outlet} reported it", ""]
    framed = render_source(
        explainer.blocks["intro"],
        page,
        router,
        f"{escape_attribute(source.outlet)}’s headline and introduction, verbatim",
    )
    # The headline opens the framed source (its annotations' notes follow the intro's).
    headline = (
        f'<p class="explainer-source__headline" markdown="span">'
        f"{render_headline(explainer, router)}</p>"
    )
    lines += [*framed[:4], headline, "", *framed[4:]]
    lines += render_annotation_notes(explainer.blocks["headline"], page, router)
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
        + ", with the explainer’s notes.",
        f"- [Glossary]({router.page_link(page, router.glossary_index)}): "
        "who and what the live-blog names.",
        f"- [Background notes]({router.page_link(page, router.background_index)}): "
        "the past events the speakers refer to.",
        f"- [About]({router.page_link(page, router.about)}): "
        "who made this explainer, how claims were checked, how to report an error.",
        "",
    ]
    return "\n".join(lines + render_previews(page, router))


def render_source_box(explainer: Explainer, router: Router) -> list[str]:
    """Who published the live-blog, when, where, and what kind of outlet it is (in the
    editors' words, with their sources)."""
    source, blog = explainer.source, explainer.liveblog
    first, last = blog.entries[0], blog.entries[-1]
    outlet = escape_text(source.outlet)
    original = (
        f"[{escape_text(_host(source.url))}](<{source.url}>)" if source.url else "not recorded"
    )
    lines = [
        '<div class="explainer-sourcebox" markdown>',
        "",
        '<p class="explainer-sourcebox__title">The source</p>',
        "",
        f"- **Outlet:** {outlet}",
        f"- **Published:** {format_day(source.published)}; "
        f"{format_count(len(blog.entries), 'entry', 'entries')}, "
        f"{format_span(first.posted, last.posted)}",
        f"- **Original:** {original}",
    ]
    if source.outlet_note is not None:
        note = source.outlet_note
        refs = ", ".join(f"[{escape_text(r.title)}](<{r.url}>)" for r in note.sources)
        lines.append(f"- **About {outlet}:** {' '.join(note.text.split())} (Sources: {refs}.)")
    lines += [
        "",
        "Its words are reproduced verbatim and attributed; the summary, headlines, notes, "
        "glossary and background notes are the explainer’s own.",
        "",
        "</div>",
        "",
    ]
    return lines


def _host(url: str) -> str:
    """``rt.com`` for a reader, rather than the whole address."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _sources_line(references: tuple[Reference, ...]) -> list[str]:
    """The summary's sources, folded (each point already links its own)."""
    if not references:
        return []
    return [
        '<details class="explainer-sources-fold" markdown>',
        f"<summary>All sources for these points ({len(references)})</summary>",
        "",
        *(f"- [{escape_text(r.title)}](<{r.url}>)" for r in references),
        "",
        "</details>",
        "",
    ]


def render_footer(explainer: Explainer) -> str:
    """Every page's footer: whose words these are, and where to report an error (HTML)."""
    source = explainer.source
    outlet = escape_html(source.outlet)
    if source.url:
        outlet = f'<a href="{escape_html(source.url)}">{outlet}</a>'
    parts = [
        f"Live-blog text by {outlet}, {format_day(source.published)}, reproduced verbatim; "
        "summary, notes and glossary by the explainer’s editors."
    ]
    contact = corrections_link(source.corrections)
    if contact:
        parts.append(f"Spotted an error? {contact}.")
    return " ".join(parts)


def corrections_link(contact: str) -> str:
    """``<a href="mailto:...">Write to ...</a>`` for the corrections contact, or ""."""
    if not contact:
        return ""
    href = contact if ":" in contact else f"mailto:{contact}"
    shown = contact.removeprefix("mailto:") if "@" in contact else _host(contact)
    verb = "Write to" if href.startswith("mailto:") else "Report it at"
    return f'{verb} <a href="{escape_html(href)}">{escape_html(shown)}</a>'


def print_header(explainer: Explainer) -> str:
    source = explainer.source
    return f"Annotated explainer of {source.outlet}’s live-blog of {format_day(source.published)}"


def render_about(explainer: Explainer, router: Router) -> str:
    """For readers: what this is, who made it and how, how claims were checked, how to
    report an error; the line accounting folded away at the end."""
    source, blog = explainer.source, explainer.liveblog
    counts = Counter(line.kind for line in blog.lines)
    outlet = escape_text(source.outlet)
    original = f"[{escape_text(source.url)}](<{source.url}>)" if source.url else "not recorded"
    contact = corrections_link(source.corrections)
    lines = [
        "# About this explainer",
        "",
        f"This site explains {outlet}’s live-blog of {format_day(source.published)}, "
        f"“{escape_text(source.headline, at_line_start=False)}”. "
        f"It shows the live-blog’s words as {outlet} published them, and around them the "
        "explainer’s own: a summary of what happened, a headline for each entry, notes on "
        "particular words, a glossary of the people, places and organisations it names, and "
        "background notes on the past events its speakers refer to.",
        "",
        "## Two voices",
        "",
        f"- **{outlet}’s words** are set in a framed block marked with the outlet and the time "
        "of the entry. They are never edited, including where their spelling or framing "
        f"differs from the common record{_spelling_example(explainer)}.",
        "- **The explainer’s words** (the summary, headlines, notes, glossary and background "
        "notes) are the editors’ own. A note says what kind it is: a fact-check, context, "
        "an attribution, a spelling or a translation.",
        "",
        "## How claims were checked",
        "",
        "Every note, glossary entry and background note names its sources, with links, "
        "beside the text it backs; the summary’s sources follow its points. Where the "
        "live-blog states something the public record does not support, or only one side "
        "claims it, a fact-check or attribution note says so at the exact words.",
        "",
        "## Report an error",
        "",
        (
            f"{contact}. Please name the page and the words."
            if contact
            else "Open an issue where this explainer is published, naming the page and the words."
        ),
        "",
        "## The source",
        "",
        f"- **Outlet:** {outlet}",
        f"- **Headline:** {escape_text(source.headline, at_line_start=False)}",
        f"- **Published:** {format_day(source.published)}",
        f"- **Original:** {original}",
        f"- **Times:** as the source gives them ({escape_text(source.timezone)})",
        "",
        '<details class="explainer-process" markdown>',
        "<summary>How the source was processed</summary>",
        "",
        "A generator reads the live-blog text and the editors’ files and writes these "
        "pages: it splits the text into headline, introduction and timed entries; checks "
        "the editors’ files; links each mention of a glossary term or past event (at its "
        "first mention on a page, and at most once per entry); and places each note on its "
        "exact words. MkDocs with the Material theme builds the pages into this site.",
        "",
        f"The copied text has {len(blog.lines)} lines: {_format_line_counts(counts)}.",
        "",
    ]
    if blog.furniture:
        lines += [
            "These lines of the copied page are page furniture, not part of the live-blog, "
            "and are not shown:",
            "",
        ]
        # A list item's text starts a line too: "- 1. x" would nest a list.
        lines += [f"- {escape_text(p.text)} (line {p.line})" for p in blog.furniture]
    else:
        lines.append("Every line of the copied text is shown.")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def _spelling_example(explainer: Explainer) -> str:
    """An example from the explainer's own spelling notes (`` (for example *Kiev* for
    Kyiv)``), or nothing: no other explainer's example may show here."""
    for note in explainer.annotations:
        if note.kind == "spelling":
            term = next((t for t in explainer.glossary if t.id == note.see), None)
            usual = f" for {escape_text(term.name, at_line_start=False)}" if term else ""
            if term and term.name == note.quote:
                usual = ""
            return f" (for example *{escape_text(note.quote, at_line_start=False)}*{usual})"
    return ""


_ALWAYS_COUNTED = ("headline", "intro", "date", "time", "paragraph", "furniture", "blank")
_KIND_NAMES = {"paragraph": "entry paragraph", "marker": "key-event or pinned marker"}


def _format_line_counts(counts: Counter[LineKind]) -> str:
    """``1 headline, 9 intro, ... and 0 blank``: every kind of line the file has, so the
    counts add up to its lines."""
    kinds: list[LineKind] = [k for k in get_args(LineKind) if k in _ALWAYS_COUNTED or counts[k]]
    kinds = [k for k in kinds if k != "blank"] + ["blank"]
    parts = [f"{counts[k]} {_KIND_NAMES.get(k, k)}" for k in kinds]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"
