"""How big a page will be, estimated from the model before anything is rendered, and how
entries (or glossary terms) are cut into pages under a budget. The router decides which
pages there are (``router.PAGE_BUDGET``); this module only weighs and cuts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import TypeVar

from ..model import Entry

T = TypeVar("T")

Weigh = Callable[[Entry, Set[object]], tuple[float, Iterable[object]]]
"""An entry's estimated bytes on a page that shows the preview cards in its second
argument already (a page carries each card once), and the cards the entry shows."""

ENTRY_BYTES, CHAR_BYTES, LINK_BYTES, NOTE_BYTES, CARD_BYTES = 1_500, 1.4, 130, 1_200, 250
"""What an entry costs in HTML: its frame (heading, time, permalink, table-of-contents
line), each character of its words, each linked mention (plus its tooltip), each
annotation (marker and note), and (plus the summary) the preview card of each term or note
the page links to for the first time. Measured on the benchmark's month of coverage: the
estimate runs about a tenth above the HTML."""
TERM_BYTES, BACKLINK_BYTES = 2_500, 300
"""A glossary term's card (summary, sources, spellings), and each line of its "Mentioned
in" list; about 7% above what the benchmark's glossary pages hold."""


def cut_day(entries: list[Entry], weigh: Weigh, budget: float) -> list[list[Entry]]:
    """The fewest parts under the budget (greedy), then the same number of parts evened
    out, where that still fits."""
    greedy, total = _fill(entries, weigh, budget)
    if len(greedy) == 1:
        return greedy
    even, _ = _fill(entries, weigh, min(budget, total / len(greedy) * 1.05))
    return even if len(even) == len(greedy) else greedy


def _fill(entries: list[Entry], weigh: Weigh, limit: float) -> tuple[list[list[Entry]], float]:
    parts: list[list[Entry]] = [[]]
    seen: set[object] = set()
    filled = total = 0.0
    for entry in entries:
        weight, cards = weigh(entry, seen)
        if parts[-1] and filled + weight > limit:
            parts.append([])
            seen.clear()
            filled, (weight, cards) = 0.0, weigh(entry, seen)
        seen.update(cards)  # the page shows this entry's cards from here on
        parts[-1].append(entry)
        filled += weight
        total += weight
    return parts, total


def cut(entries: list[T], weigh: Callable[[T], float], budget: float) -> list[list[T]]:
    """Entries (or terms) in order, in the fewest parts of about equal weight under the
    budget."""
    weights = [weigh(entry) for entry in entries]
    total = sum(weights)
    if total <= budget:
        return [entries]
    share = total / -(-total // budget)  # the total over the fewest parts
    parts: list[list[T]] = [[]]
    filled = 0.0
    for entry, weight in zip(entries, weights):
        if parts[-1] and filled + weight > share * 1.02:
            parts.append([])
            filled = 0.0
        parts[-1].append(entry)
        filled += weight
    return parts
