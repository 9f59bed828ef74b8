"""The timeline pages: one page, or an index and one page per day (see ``timeline``)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..model import Entry, Explainer
from .blocks import (
    format_clock_span,
    format_count,
    format_span,
    render_front_matter,
    render_key_moment,
    render_previews,
    render_source,
)
from .escape import escape_attribute, escape_text
from .jsonld import render_jsonld
from .reuse import Keep, day_key, render_now
from .router import Router, TimelineDay, TimelineLayout, relative
from .strip import render_day_chart, render_strip


def render_timeline(
    explainer: Explainer, router: Router, keep: Keep = render_now
) -> dict[str, str]:
    """The timeline: one page, or an index and one page per day (see ``timeline``); each
    day's page is kept by ``keep`` while its entries are unchanged (reuse.py)."""
    layout = router.timeline
    if not layout.split:
        day = layout.days[0]
        render = partial(_render_timeline_page, explainer, router, day)
        return {layout.index: keep(day.page, day_key(explainer, day), render)}
    pages = {layout.index: _render_timeline_index(explainer, router)}
    for number, day in enumerate(layout.days):
        pages[day.page] = keep(
            day.page,
            day_key(explainer, day),
            partial(_render_timeline_page, explainer, router, day, number),
        )
    return pages


def timeline_nav(router: Router) -> str | list[dict[str, object]]:
    """The Timeline's place in the nav: a page, or a section with one page per day."""
    layout = router.timeline
    if not layout.split:
        return layout.index
    days: list[dict[str, object]] = [{day.label: day.page} for day in layout.days]
    return [{"All days": layout.index}, *days]


def _render_timeline_index(explainer: Explainer, router: Router) -> str:
    """A split timeline's first page: the days, how busy each was, and the key moments."""
    source, blog, layout = explainer.source, explainer.liveblog, router.timeline
    page = layout.index
    summary = (
        f"{format_count(len(blog.entries), 'entry', 'entries')} from {source.outlet}’s "
        f"live-blog over {layout.day_count} days, "
        f"{format_span(blog.entries[0].posted, blog.entries[-1].posted)}, one page per day."
    )
    lines = [
        *render_front_matter(summary),
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
        f"{format_count(len(day.entries), 'entry', 'entries')}, "
        f"{format_clock_span(day.entries)}"
        for day in layout.days
    ]
    moments = explainer.key_moments
    if moments:
        lines += ["", "## Key moments", ""]
        lines += [render_key_moment(entry, page, router) for entry in moments]
    lines.append("")
    return "\n".join(lines)


def _render_timeline_page(
    explainer: Explainer, router: Router, day: TimelineDay, number: int = 0
) -> str:
    """The entries of one page: a heading, the strip, JSON-LD, then each entry."""
    source, layout, page = explainer.source, router.timeline, day.page
    on_day = {entry.anchor for entry in day.entries}
    key = frozenset(e.anchor for e in explainer.key_moments if e.anchor in on_day)
    span = format_span(day.entries[0].posted, day.entries[-1].posted)
    count = format_count(len(day.entries), "entry", "entries")
    if layout.split:
        title = day.label
        summary = (
            f"Day {day.number} of {layout.day_count} of {source.outlet}’s live-blog: "
            f"{count}, {span}, oldest first."
        )
    else:
        title = "Timeline"
        summary = f"{count} from {source.outlet}’s live-blog, {span}, oldest first."
    lines = [
        *render_front_matter(summary),
        f"# {escape_text(title)}",
        "",
        escape_text(f"{summary} {_whose_words(day.entries, source.outlet, bool(key))}"),
        "",
    ]
    day_nav = _render_day_nav(layout, number) if layout.split else []
    lines += day_nav
    lines += [
        render_strip(day.entries, lambda e: f"#{e.anchor}", key, headline=router.words.headline),
        "",
        _render_jsonld(explainer, router, page, day.entries),
        "",
    ]
    outlet = escape_attribute(source.outlet)
    for entry in day.entries:
        badge = (
            ['<p class="explainer-keyline"><span class="explainer-key">Key moment</span></p>', ""]
            if entry.anchor in key
            else []
        )
        lines += [
            f'## <time datetime="{entry.posted.isoformat()}">{escape_text(entry.time_label)}'
            f"</time> {escape_text(router.words.headline(entry), at_line_start=False)} "
            f"{{ #{entry.anchor} }}",
            "",
            *badge,
            *render_source(
                explainer.blocks[entry.anchor],
                page,
                router,
                f"{outlet} wrote at {escape_attribute(entry.time_label)}",
            ),
        ]
    return "\n".join(lines + day_nav + render_previews(page, router))


def _whose_words(entries: tuple[Entry, ...], outlet: str, key_moments: bool) -> str:
    """The line that tells a reader whose words are whose: the headlines are the editors'
    only when every entry on the page has one from ``headlines.yml``."""
    ours = "Headlines and notes are" if all(e.headline for e in entries) else "The notes are"
    return (
        f"{ours} the explainer’s; the framed text under each headline is {outlet}’s, verbatim"
        + ("; the editors mark key moments." if key_moments else ".")
    )


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


def _render_jsonld(
    explainer: Explainer, router: Router, page: str, entries: tuple[Entry, ...]
) -> str:
    blog = explainer.liveblog
    page_url = router.page_url(page)
    # The language the parser read the page in: source.yml's, or the one it detected.
    source = replace(explainer.source, language=blog.language or explainer.source.language)
    return render_jsonld(
        source,
        explainer.source.headline,
        (blog.entries[0].posted, blog.entries[-1].posted),
        entries,
        page_url,
        lambda entry: f"{page_url}#{entry.anchor}",
        router.words.headline,
    )
