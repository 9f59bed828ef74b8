"""The checks after dating: what is doubtful on the page is reported, each with a code
that source.yml's ``confirm`` can accept, and what an editor confirmed is not repeated.
"""

from __future__ import annotations

from ..errors import Problem, ProblemCollector
from .dating import Clock
from .furniture import FurnitureRules
from .lines import Page
from .names import Names
from .stamps import near_miss_kind, normalise

_NEAR_MISS_HINTS = {
    "date": "check the spelling of the weekday, month and year",
    "time": "write it as HH:MM with a known zone, such as '22:52 GMT'",
}


_STAYS = {
    "headline": "the headline",
    "intro": "part of the intro",
    "title": "the entry's title",
    "byline": "the entry's byline",
    "caption": "a caption",
    "paragraph": "part of the entry above",
}
"""Where a near miss ends up instead, by the kind of line it became."""


_STORY_LISTS = {
    "between": "read as a list of other stories (a label, then a stamp and one headline"
    " each, from line {stamp}), left out; entries follow it",
    "unlabelled": "read as a list of other stories from here to the end of the page (a"
    " stamp and one headline each, with no label above them), left out",
}
_STORY_LIST_HINTS = {
    "between": "check against the original that these are no entries, or confirm in source.yml",
    "unlabelled": "check the page's end against the original, or confirm in source.yml",
}
"""Why a list of other stories (latest.py) is in doubt, and what to do."""


def _column(raw_lines: list[str], line: int) -> int:
    raw = raw_lines[line - 1]
    return len(raw) - len(raw.lstrip()) + 1


def report_no_headline(page: Page, problems: ProblemCollector) -> None:
    first = next((n for n, kind in enumerate(page.kinds, 1) if kind != "blank"), 1)
    if page.kinds[first - 1] in ("date", "time", "dateline"):
        problems.add(first, 1, "the live-blog starts with a date line, not its headline",
                     "paste the headline as the first line, or set 'headline' in source.yml",
                     code="no-headline")  # fmt: skip
    else:
        problems.add(first, 1, "no headline found", "set 'headline' in source.yml",
                     code="no-headline")  # fmt: skip


def check_page(
    page: Page, raw_lines: list[str], rules: FurnitureRules, clock: Clock, names: Names
) -> None:
    for line in page.orphans:
        clock.problems.add(line, 1, "text between a date line and the next time line belongs"
                           " to no entry", "add the entry's time line above it, or move it above"
                           " the date line into the intro", code="no-entry")  # fmt: skip
    for line, draft in page.glued:
        clock.warn(line, 1, f"time line {normalise(raw_lines[line - 1])!r} stands inside the"
                   f" text of entry {draft.label}; kept as its text",
                   "if it opens an entry, put a blank line above it", "time-in-entry")  # fmt: skip
    glued = {line for line, _ in page.glued}  # already reported as time-in-entry
    for number, kind in enumerate(page.kinds, start=1):
        if kind in _STAYS and number not in glued:
            raw, clean = raw_lines[number - 1], page.clean[number - 1]
            near = near_miss_kind(clean, names.months, names.weekdays)
            if near is not None:
                clock.warn(number, len(raw) - len(raw.lstrip()) + 1,
                           f"line looks like a {near} line but is not one: {clean!r}",
                           f"{_NEAR_MISS_HINTS[near]}, or it stays {_STAYS[kind]}",
                           "unreadable-date" if near == "date" else "near-miss")  # fmt: skip
    if page.footer_prose is not None:
        line, column, label = page.footer_prose
        clock.warn(line, column, "read as the page's footer from here on, not as text of"
                   f" entry {label}",
                   "check the entry's end against the original, or confirm in source.yml",
                   "footer-cut")  # fmt: skip
    for line, stamp, why in page.story_lists:
        clock.warn(line, _column(raw_lines, line), _STORY_LISTS[why].format(stamp=stamp),
                   _STORY_LIST_HINTS[why], "story-list")  # fmt: skip
    if page.kicker_doubt is not None:
        _warn_kicker(page, raw_lines, clock, *page.kicker_doubt)
    for draft in page.drafts:
        if not draft.body and draft.title is None:
            clock.warn(draft.line, draft.column, f"entry {draft.label} has no text", "",
                       "empty-entry")  # fmt: skip
    for wanted in rules.unused():
        clock.warn(0, 0, f"furniture line not found: {wanted!r}",
                   "check 'furniture' in source.yml against the live-blog",
                   "furniture-not-found")  # fmt: skip


def _warn_kicker(page: Page, raw_lines: list[str], clock: Clock, label: int, top: int) -> None:
    """headline.kicker_doubt: a label in capitals read as a kicker may be the headline."""
    raw = raw_lines[label]
    clock.warn(label + 1, len(raw) - len(raw.lstrip()) + 1, f"{page.clean[label]!r} read as a"
               f" section label (kicker) over the headline on line {top + 1}; it may be the"
               " headline", "set 'headline' in source.yml, or confirm",
               "kicker-or-headline")  # fmt: skip


def confirmed(
    warnings: list[Problem], confirm: dict[str, tuple[str, ...]], raw_lines: list[str]
) -> list[Problem]:
    """Warnings an editor has confirmed in source.yml are not repeated."""
    if not confirm:
        return warnings
    kept = []
    for warning in warnings:
        texts = {normalise(t) for t in confirm.get(warning.code, ())}
        line_text = normalise(raw_lines[warning.line - 1]) if warning.line else ""
        if line_text and line_text in texts:
            continue
        kept.append(warning)
    return kept
