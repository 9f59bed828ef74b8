"""Which line of a pasted page is its headline.

Above the headline stand the site's name, its sections and logo links, a lead image's
caption, a topic label (a kicker: 'Krieg gegen die Ukraine' over 'Selenskyj: ...'); below
it the standfirst, datelines, module boxes. The headline is the first line of four words
or more among the lines above the first entry that is none of those.
"""

from __future__ import annotations

from .dateline import Reading
from .furniture import (
    SUMMARY_BLOCKS,
    TEASER_BLOCKS,
    FurnitureRules,
    ends_with_credit,
    is_byline,
    is_caption,
    is_chrome,
)
from .parts import next_text, title_like
from .stamps import normalise

_BULLETS = "•-–*·"


def is_dateline(reading: Reading | None) -> bool:
    return reading is not None and (reading.prefix is not None or reading.also is not None)


def find_headline(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules, wanted: str | None
) -> int | None:
    """source.yml's headline where it stands; else the first line of four words or more that
    no short line (a section name) follows and that is no kicker over the headline, among the
    lines above the first stamp."""
    if wanted:
        target = normalise(wanted)
        for index, text in enumerate(clean):
            if text == target:
                return index
    candidates = _candidates(clean, readings, rules)
    for position, index in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if len(clean[index].split()) < 4:
            continue
        if following is not None and following == next_text(clean, index):
            after = clean[following]
            section_name = not any(char.isdigit() for char in after) and not is_byline(after)
            if len(after.split()) <= 3 and section_name and not after.endswith("."):
                continue
        if following is not None and _kicker(clean, readings, index, following):
            return following
        return index
    return candidates[0] if candidates else None


def _candidates(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules
) -> list[int]:
    """Lines above the first stamp that could be the headline: no chrome, no stamp, no
    caption or credit, no module or teaser heading."""
    candidates = []
    for index, text in enumerate(clean):
        reading = readings[index]
        if reading is not None and reading.has_time and not is_dateline(reading):
            break
        if not text or is_chrome(text) or reading is not None or rules.matches(text):
            continue
        folded = text.casefold().rstrip(" :")
        if folded in SUMMARY_BLOCKS or folded in TEASER_BLOCKS:
            continue  # 'Summary' under the headline is a box's heading, not a section name
        if is_caption(text) or ends_with_credit(text):
            continue  # a lead image's caption above the headline: '... | AFP'
        candidates.append(index)
    return candidates


def _kicker(clean: list[str], readings: list[Reading | None], index: int, following: int) -> bool:
    """A short label over the headline (a topic, the site's logo link): the line is short,
    page chrome ('Liveblog', 'Live') parts it from the next text line, a longer heading, and
    a sentence, the standfirst, comes right under that. A short headline has its subtitle or
    standfirst right under it."""
    text, headline = clean[index], clean[following]
    words, headline_words = len(text.split()), len(headline.split())
    if words > 6 or ":" in text or not title_like(text) or text.rstrip().endswith(("...", "…")):
        return False
    between = [clean[i] for i in range(index + 1, following) if clean[i]]
    if not between or not all(is_chrome(line) for line in between):
        return False  # a headline's subtitle stands right under it; a kicker's 'Live' badge
    if headline[:1] in _BULLETS or not title_like(headline):
        return False
    if headline_words < words + 3 or headline_words > 25:
        return False
    below = next_text(clean, following)
    while below is not None and is_chrome(clean[below]):
        below = next_text(clean, below)
    if below is None or readings[below] is not None:
        return False
    standfirst = clean[below].rstrip("\"'”’»)")
    return standfirst.endswith((".", "!", "?")) and not title_like(clean[below])
