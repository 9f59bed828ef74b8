"""Stage 4, render: the linked Explainer -> Markdown pages (no MkDocs in here).

Source words go through ``escape_text`` and nothing else, so they reach the page verbatim
and never as markup; editors' Markdown (summaries, notes, annotations) is trusted after
``load`` checked it.
"""

from __future__ import annotations

from collections import Counter
from typing import get_args

from ..model import Explainer, LineKind, Site
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
from .router import KIND_PAGES, Router, format_day, relative
from .timeline import render_timeline, timeline_nav


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


def render_overview(explainer: Explainer, router: Router) -> str:
    """The front page: what the explainer is, the intro, key moments and where to go next."""
    source, blog = explainer.source, explainer.liveblog
    first, last = blog.entries[0], blog.entries[-1]
    layout = router.timeline
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
        *render_annotation_notes(explainer.blocks["headline"], "index.md", router),
        *render_block(explainer.blocks["intro"], "index.md", router),
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
        lines += [render_key_moment(entry, "index.md", router) for entry in moments]
        lines.append("")
    if layout.split:
        lines += ["## Day by day", ""]
        lines += [
            f"- [{day.label}]({relative('index.md', day.page)}): "
            f"{format_count(len(day.entries), 'entry', 'entries')}, "
            f"{format_clock_span(day.entries)}"
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
        f"framing differs from the common record{_spelling_example(explainer)}, an annotation "
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
        f"The source file has {len(blog.lines)} lines: {_format_line_counts(counts)}.",
        "",
    ]
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
