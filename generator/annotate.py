"""Helpers for writing annotations: list the entries, find which entry holds some words,
and write a ready-to-paste annotation for them (``explainer entries``, ``explainer find``).

Words are found exactly as the build places a quote (``link.quotes``): whitespace folded,
whole words at both ends; where they occur more than once in an entry, the shortest
``prefix`` (or ``suffix``) that picks each occurrence is filled in, so the skeleton places.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .link import make_blocks
from .link.entries import EntryIndex
from .link.quotes import block_text, chosen_by, quote_starts
from .model import Block, Liveblog

_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Finding:
    """One occurrence of the words in a block, and how an annotation names it."""

    block: Block
    ref: str
    """What to write as ``entry:``: the time, or the anchor when the time repeats."""
    quote: str
    prefix: str = ""
    suffix: str = ""
    context: str = ""
    """The occurrence with a few words either side."""


def entry_rows(liveblog: Liveblog) -> list[tuple[str, str, str]]:
    """(``entry:`` value, anchor and time, headline or first words) for the headline, the
    intro and every entry in reading order."""
    index = EntryIndex(liveblog.entries)
    rows = [("headline", "", _words(liveblog.headline.text))]
    if liveblog.intro:
        rows.append(("intro", "", _words(liveblog.intro[0].text)))
    for entry in liveblog.entries:
        words = entry.title or entry.headline or _words(" ".join(p.text for p in entry.paragraphs))
        rows.append((_ref(entry.anchor, index), f"{entry.anchor}  {entry.time_label}", words))
    return rows


def find_words(liveblog: Liveblog, words: str) -> list[Finding]:
    """Every occurrence of ``words`` in the headline, intro and entries."""
    index = EntryIndex(liveblog.entries)
    quote = " ".join(words.split())
    found = []
    for block in make_blocks(liveblog).values():
        text = block_text(block)
        starts = quote_starts(quote, text)
        for start in starts:
            prefix, suffix = _pick(text, starts, start, len(quote)) if len(starts) > 1 else ("", "")
            context = _context(text, start, len(quote))
            found.append(Finding(block, _ref(block.key, index), quote, prefix, suffix, context))
    return found


def near_misses(liveblog: Liveblog, words: str) -> list[tuple[str, str]]:
    """(``entry:`` value, the words as written) where ``words`` occur ignoring letter case
    and typographic quotes and dashes: what an editor probably meant."""
    index = EntryIndex(liveblog.entries)
    wanted = " ".join(words.split()).casefold().translate(_PLAIN)
    misses = []
    for block in make_blocks(liveblog).values():
        text = block_text(block)
        at = text.casefold().translate(_PLAIN).find(wanted)
        if wanted and at >= 0:
            misses.append((_ref(block.key, index), text[at : at + len(wanted)]))
    return misses


def skeleton(finding: Finding) -> str:
    """A ready-to-paste annotation (YAML): the note and its source are left for the editor,
    empty, so the build refuses it until they are written."""
    lines = [f"- entry: {_quoted(finding.ref)}", f"  quote: {_quoted(finding.quote)}"]
    if finding.prefix:
        lines.append(f"  prefix: {_quoted(finding.prefix)}")
    if finding.suffix:
        lines.append(f"  suffix: {_quoted(finding.suffix)}")
    lines += [
        "  kind: context",
        '  text: ""',
        "  sources:",
        '    - title: ""',
        '      url: ""',
    ]
    return "\n".join(lines) + "\n"


def _ref(key: str, index: EntryIndex) -> str:
    entry = index.by_anchor.get(key)
    if entry is None:
        return key  # intro, headline
    return entry.clock if len(index.by_clock[entry.clock]) == 1 else entry.anchor


def _pick(text: str, starts: list[int], start: int, length: int) -> tuple[str, str]:
    """The fewest words before (else after) the occurrence that pick it alone."""
    before = text[:start].split()
    for count in range(1, len(before) + 1):
        prefix = " ".join(before[-count:])
        if chosen_by(text, starts, length, prefix, "") == [start]:
            return prefix, ""
    after = text[start + length :].split()
    for count in range(1, len(after) + 1):
        suffix = " ".join(after[:count])
        if chosen_by(text, starts, length, "", suffix) == [start]:
            return "", suffix
    return " ".join(before), ""


def _context(text: str, start: int, length: int) -> str:
    """'…adviser Vladimir [Medinsky], who headed…': the words touching it stay touching."""
    before, after = text[:start].split(" "), text[start + length :].split(" ")
    left, right = " ".join(before[-5:]), " ".join(after[:5])
    return (
        ("…" if len(before) > 5 else "")
        + f"{left}[{text[start : start + length]}]{right}"
        + ("…" if len(after) > 5 else "")
    )


def _words(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)
