"""The glossary and background-note pages, with their "Mentioned in" backlinks."""

from __future__ import annotations

from ..model import EntryRef, Explainer, GlossaryTerm, NoteRef, Target, TermRef
from .blocks import format_count, render_references
from .escape import escape_text, first_words, plain_text
from .router import KIND_PAGES, Router, format_day

BACKLINKS_OPEN = 12
"""Up to this many mentions in all, a split timeline's day groups stay open."""


def render_glossary_index(explainer: Explainer, router: Router) -> str:
    page = router.glossary_index
    lines = [
        "# Glossary",
        "",
        "The people, places and organisations the live-blog names, with the spellings it uses.",
        "",
    ]
    for kind, (_, title) in KIND_PAGES.items():
        terms = sorted((t for t in explainer.glossary if t.kind == kind), key=_sort_name)
        if not terms:
            continue
        lines += [f"## {title}", ""]
        lines += [
            f"- [{escape_text(t.name)}]({router.link(page, TermRef(t.id))}): "
            + escape_text(plain_text(t.role or t.summary), at_line_start=False)
            for t in terms
        ]
        lines.append("")
    return "\n".join(lines)


def render_glossary_page(
    title: str, terms: list[GlossaryTerm], explainer: Explainer, router: Router
) -> str:
    page = router.glossary_page(terms[0].kind)
    lines = [f"# {title}", ""]
    for term in sorted(terms, key=_sort_name):
        lines += [f"## {escape_text(term.name)} {{ #{term.id} }}", ""]
        if term.role:
            lines += [f"*{escape_text(term.role)}*", ""]
        lines += [term.summary.strip(), ""]
        if term.aliases:
            lines += ["**Also written:** " + ", ".join(escape_text(a) for a in term.aliases), ""]
        lines += render_references("Sources", term.sources)
        if term.links:
            lines += render_references("Further reading", term.links)
        lines += _render_backlinks(TermRef(term.id), page, explainer, router)
    return "\n".join(lines)


def render_background_index(explainer: Explainer, router: Router) -> str:
    page = router.background_index
    lines = [
        "# Background notes",
        "",
        "Past events the live-blog’s speakers refer to, as the historical record has them.",
        "",
    ]
    for note in explainer.notes:
        lines += [
            f"## [{escape_text(note.title)}]({router.link(page, NoteRef(note.slug))})",
            "",
            f"*{escape_text(note.date)} · {escape_text(note.place)}*",
            "",
            note.summary.strip(),
            "",
        ]
    return "\n".join(lines)


def render_note(slug: str, explainer: Explainer, router: Router) -> str:
    note = router.notes[slug]
    page = router.note_page(slug)
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
    lines += render_references("Sources", note.sources, heading="##")
    lines += _render_backlinks(
        NoteRef(slug), page, explainer, router, heading="##", label="Referred to in"
    )
    return "\n".join(lines)


def _render_backlinks(
    target: Target,
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
            items.append(f"- [Introduction]({router.link(page, EntryRef('intro')) or '#'})")
            continue
        words = escape_text(
            first_words(block.paragraphs[0].text if block.paragraphs else ""), at_line_start=False
        )
        items.append(
            f"- [{escape_text(block.entry.time_label)}]({router.link(page, EntryRef(key))}): "
            f"{words}"
        )
    return head + _group_backlinks(keys, items, explainer, router) + [""]


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
        count = format_count(len(day_items), "entry", "entries")
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


def _sort_name(term: GlossaryTerm) -> tuple[str, str]:
    """People by surname (the last word of the name), as newsrooms list them; others by name."""
    name = term.name.casefold()
    return (name.split()[-1] if term.kind == "person" else name), name
