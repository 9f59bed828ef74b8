"""The glossary and background-note pages, with their "Mentioned in" backlinks."""

from __future__ import annotations

from datetime import date

from ..model import Block, EntryRef, Explainer, GlossaryTerm, NoteRef, Target, TermRef
from .blocks import format_count, render_references
from .escape import escape_text, plain_text, sentences
from .router import KIND_PAGES, Router, format_day

BACKLINKS_OPEN = 12
"""Up to this many mentions in all, a split timeline's day groups stay open."""


def render_glossary_index(explainer: Explainer, router: Router) -> str:
    page = router.glossary_index
    lines = [
        "# Glossary",
        "",
        "Who’s who, and the places and organisations the live-blog names, with the "
        "spellings it uses.",
        "",
    ]
    for kind, (_, title) in KIND_PAGES.items():
        terms = [t for t in explainer.glossary if t.kind == kind]
        if not terms:
            continue
        lines += [f"## {title}", ""]
        for group, members in _groups(terms):
            if group:
                lines += [f"**{escape_text(group)}**", "{ .explainer-group }", ""]
            lines += [
                f"- [{escape_text(t.name)}]({router.link(page, TermRef(t.id))}): "
                + escape_text(plain_text(t.role or t.summary), at_line_start=False)
                for t in members
            ]
            lines.append("")
    return "\n".join(lines)


def _groups(terms: list[GlossaryTerm]) -> list[tuple[str, list[GlossaryTerm]]]:
    """The editors' groups in the order they first use them, each sorted by name; terms
    without a group last (under no heading when no term has one)."""
    groups: dict[str, list[GlossaryTerm]] = {}
    for term in terms:
        groups.setdefault(term.group, []).append(term)
    ungrouped = groups.pop("", [])
    ordered = [(group, sorted(members, key=_sort_name)) for group, members in groups.items()]
    if ungrouped:
        ordered.append(("Others" if ordered else "", sorted(ungrouped, key=_sort_name)))
    return ordered


def render_glossary_page(
    title: str,
    terms: list[GlossaryTerm],
    explainer: Explainer,
    router: Router,
    page: str | None = None,
) -> str:
    """Who's who: a group at a time (the editors'), each term a compact card (name, role,
    the summary's first sentence), its full summary, spellings, sources and mentions folded
    under it."""
    page = page or router.glossary_page(terms[0].kind)  # the router's plan (router.glossary)
    lines = [f"# {title}", ""]
    for group, members in _groups(terms):
        if group:
            lines += [f"## {escape_text(group)}", ""]
        lines += ['<div class="explainer-terms" markdown>', ""]
        for term in members:
            lines += _render_term_card(term, page, explainer, router, "###" if group else "##")
        lines += ["</div>", ""]
    return "\n".join(lines)


def _render_term_card(
    term: GlossaryTerm, page: str, explainer: Explainer, router: Router, heading: str
) -> list[str]:
    lines = [
        '<div class="explainer-term" markdown>',
        "",
        f"{heading} {escape_text(term.name)} {{ #{term.id} }}",
        "",
    ]
    if term.role:
        lines += [escape_text(term.role), "{ .explainer-term__role }", ""]
    summary = " ".join(term.summary.split())
    line = plain_text(summary)
    first = line[: sentences(line)[0][1]] if line else ""
    lines += [escape_text(first), "{ .explainer-term__line }", ""]
    mentions = explainer.backlinks.get(TermRef(term.id), ())
    lines += [
        '<details class="explainer-term__more" markdown>',
        f"<summary>More: summary, sources, spellings, mentions ({len(mentions)})</summary>",
        "",
        summary,
        "",
    ]
    if term.aliases:
        lines += ["**Also written:** " + ", ".join(escape_text(a) for a in term.aliases), ""]
    lines += render_references("Sources", term.sources)
    if term.links:
        lines += render_references("Further reading", term.links)
    if term.wikidata:
        # The identifier the editors checked the term against, for readers and for tools.
        wikidata = f"https://www.wikidata.org/wiki/{term.wikidata}"
        lines += [f"**Wikidata:** [{term.wikidata}]({wikidata})", ""]
    lines += _render_backlinks(TermRef(term.id), page, explainer, router)
    return lines + ["</details>", "", "</div>", ""]


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
    """Each block that mentions ``target``: its headline and time, linked, and the sentence
    that names it, quoted."""
    keys = explainer.backlinks.get(target, ())
    head = [f"{heading} {label}", ""] if heading else [f"**{label}:**", ""]
    if not keys:
        return head + ["Not mentioned in the live-blog.", ""]
    items = []
    for key in keys:
        block = explainer.blocks[key]
        quote = _quote_mention(block, target, router)
        if block.entry is None:
            name = "In the summary" if key == "summary" else "In the introduction"
            link = router.link(page, EntryRef("intro")) or "#"
            items.append(f"- [{name}]({link}): {quote}")
            continue
        entry = block.entry
        label = escape_text(f"{entry.time_label} · {router.words.headline(entry)}")
        items.append(f"- [{label}]({router.link(page, EntryRef(key))}): {quote}")
    return head + _group_backlinks(keys, items, explainer, router) + [""]


def _quote_mention(block: Block, target: Target, router: Router) -> str:
    """The sentence of the block that first names ``target``, quoted and escaped."""
    words = router.words.mention_sentence(block, target)
    return "“" + escape_text(words, at_line_start=False) + "”" if words else ""


def _group_backlinks(
    keys: tuple[str, ...], items: list[str], explainer: Explainer, router: Router
) -> list[str]:
    """One day: the list as it is. Several days: grouped under each day, and collapsed into
    a ``<details>`` per day (its summary says the day and the count) once the list is long,
    so a term mentioned thousands of times still reads as a list of days."""
    if not router.timeline.split:
        return items
    out: list[str] = []
    days: dict[date, list[str]] = {}
    for key, item in zip(keys, items):
        entry = explainer.blocks[key].entry
        if entry is None:
            out.append(item)
        else:
            days.setdefault(entry.posted.date(), []).append(item)
    collapse = len(keys) > BACKLINKS_OPEN
    for posted, day_items in days.items():
        day = format_day(posted)
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
