"""Annotations anchored to quotes: find each annotation's exact words in its block.

Quotes are matched after the same whitespace folding the renderer uses, on whole words;
prefix/suffix choose between repeats (as W3C Web Annotation's TextQuoteSelector does);
every annotation that cannot be placed is reported, with the closest words as a hint.
"""

from __future__ import annotations

import difflib
import functools
import re
from itertools import repeat

from ..errors import ProblemCollector, did_you_mean
from ..model import (
    Annotation,
    Block,
    Paragraph,
    PlacedAnnotation,
)
from .entries import EntryIndex

_WHITESPACE = re.compile(r"\s+")
_RUNS = re.compile(r"\s+|\S+")


def place_annotations(
    annotations: tuple[Annotation, ...],
    blocks: dict[str, Block],
    entries: EntryIndex,
    known_targets: set[str] | None,
    path: str,
    collector: ProblemCollector | None = None,
) -> None:
    """Put each annotation on its quote; every one that cannot be placed is an error.

    The errors go to ``collector`` (which may already hold the file's other problems, so an
    editor sees them all at once); without one they are raised. ``known_targets`` of None
    skips checking ``see`` (the glossary could not be read).
    """
    problems = collector.file(path) if collector is not None else ProblemCollector(path)
    for annotation in annotations:
        block = _resolve_block(annotation, blocks, entries, problems)
        if known_targets is not None and annotation.see and annotation.see not in known_targets:
            problems.add_at(
                _at(annotation, annotation.see_at),
                f"'see' names no glossary term or background note: '{annotation.see}'",
                did_you_mean(annotation.see, known_targets),
            )
        if block is None:
            continue
        spans = _locate(annotation, block, blocks, problems)
        if spans is None:
            continue
        for index, start, end in spans:
            piece = PlacedAnnotation(start, end, annotation, 0)  # numbered by _renumber
            _add_piece(block.annotations[index], piece, annotation, problems)
    if collector is None:
        problems.raise_if_any()
    for block in blocks.values():
        _renumber(block)


def _at(annotation: Annotation, position: tuple[int, int]) -> tuple[int, int]:
    """Where a message about an annotation points: the value concerned, else the record."""
    return position if position != (0, 0) else (annotation.line, annotation.column)


def _add_piece(
    existing: list[PlacedAnnotation],
    piece: PlacedAnnotation,
    annotation: Annotation,
    problems: ProblemCollector,
) -> None:
    for other in existing:
        same = (other.start, other.end) == (piece.start, piece.end)
        if not same and other.start < piece.end and piece.start < other.end:
            problems.add_at(
                _at(annotation, annotation.quote_at),
                f"quote {annotation.quote!r} overlaps the quote of the annotation on "
                f"line {other.annotation.line}",
                "annotate the same words exactly, or words that do not overlap",
            )
            return
    existing.append(piece)
    existing.sort(key=lambda p: (p.start, p.end))


def _renumber(block: Block) -> None:
    """Number annotations in reading order within their block (1, 2, ...)."""
    order: dict[int, int] = {}
    for pieces in block.annotations:
        for piece in pieces:
            order.setdefault(id(piece.annotation), len(order) + 1)
    block.annotations = [
        [PlacedAnnotation(p.start, p.end, p.annotation, order[id(p.annotation)]) for p in pieces]
        for pieces in block.annotations
    ]


def _resolve_block(
    annotation: Annotation,
    blocks: dict[str, Block],
    entries: EntryIndex,
    problems: ProblemCollector,
) -> Block | None:
    ref = annotation.entry
    if ref in blocks:
        return blocks[ref]
    candidates = entries.find(ref)
    if len(candidates) == 1:
        return blocks[candidates[0].anchor]
    at = _at(annotation, annotation.entry_at)
    clock = ref.zfill(5)
    if candidates:
        problems.add_at(
            at, f"several entries were posted at {clock}", entries.several_hint(candidates)
        )
        return None
    holders = _holding(_collapse(annotation.quote), blocks)
    nearest = entries.nearest_clock(clock)
    near = entries.by_clock[nearest][0].anchor if nearest else ""
    if len(holders) == 1 and holders[0].key != near:
        # The words themselves say which entry was meant.
        hint, entry = f"these words are in {_block_refs(holders)}; name that entry", holders[0].key
    elif nearest:
        there = ", and the words are in it" if any(h.key == near for h in holders) else ""
        hint, entry = f"did you mean '{nearest}'? It is the nearest entry time{there}", near
    else:
        hint = did_you_mean(ref, entries.by_anchor) or (
            "there is no summary.md to annotate"
            if ref == "summary"
            else "use an entry's time (HH:MM), its anchor, 'intro', 'headline' or 'summary'"
        )
        entry = ""
    problems.add_at(at, f"no entry at {ref}", hint, entry=entry)
    return None


def _normalised(paragraphs: tuple[Paragraph, ...]) -> tuple[str, list[tuple[int, int]]]:
    """Block text with whitespace runs (and paragraph breaks) as one space, and where each
    character came from (paragraph index, offset)."""
    pieces: list[str] = []
    origin: list[tuple[int, int]] = []
    spaced = False  # the text so far ends with a space
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if pieces and not spaced:
            pieces.append(" ")
            origin.append((index, 0))
            spaced = True
        # A run at a time (a character at a time in Python is most of placing a quote).
        for run in _RUNS.finditer(text):
            start, end = run.span()
            if not text[start].isspace():
                pieces.append(run[0])
                origin.extend(zip(repeat(index), range(start, end)))
                spaced = False
            elif not spaced:
                pieces.append(" ")
                origin.append((index, start))
                spaced = True
    return "".join(pieces), origin


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _locate(
    annotation: Annotation, block: Block, blocks: dict[str, Block], problems: ProblemCollector
) -> list[tuple[int, int, int]] | None:
    """(paragraph index, start, end) pieces of the quote, or None after reporting why not.

    The quote is compared with the block's text after both had every run of whitespace
    (line and paragraph breaks included) folded to one space, as a reader sees them; it
    must start and end at word boundaries, so no mark ever cuts a word in two.
    """
    text, origin = _normalised(block.paragraphs)
    quote = _collapse(annotation.quote)
    where = _block_name(block)
    at = _at(annotation, annotation.quote_at)
    starts = quote_starts(quote, text)
    if not starts:
        problems.add_at(
            at,
            f"quote not found in {where}: {annotation.quote!r}",
            _elsewhere(quote, block, blocks) or _closest(quote, text) or _NOT_FOUND_HINT,
            entry=block.key,
        )
        return None
    chosen = chosen_by(text, starts, len(quote), annotation.prefix, annotation.suffix)
    if len(chosen) != 1:
        contexts = _occurrences(text, chosen or starts, len(quote))
        if not chosen:
            problems.add_at(
                at,
                f"prefix/suffix match none of the {len(starts)} occurrence(s) of "
                f"{annotation.quote!r} in {where}",
                f"occurrences: {contexts}",
                entry=block.key,
            )
        else:
            problems.add_at(
                at,
                f"quote occurs {len(chosen)} times in {where}: {annotation.quote!r}",
                f"add 'prefix' or 'suffix' to choose one: {contexts}",
                entry=block.key,
            )
        return None
    return _pieces(chosen[0], chosen[0] + len(quote), text, origin, block)


def block_text(block: Block) -> str:
    """The block's text as quotes are matched against: whitespace runs folded to a space."""
    return _normalised(block.paragraphs)[0]


def quote_starts(quote: str, text: str) -> list[int]:
    """Where the quote (whitespace folded) occurs in ``text`` on whole words."""
    return [m.start() for m in _quote_regex(_collapse(quote)).finditer(text)]


def chosen_by(text: str, starts: list[int], length: int, prefix: str, suffix: str) -> list[int]:
    """The occurrences that ``prefix`` and ``suffix`` pick (all of them when both are "")."""
    prefix, suffix = _collapse(prefix), _collapse(suffix)
    return [
        s
        for s in starts
        if text[:s].rstrip().endswith(prefix) and text[s + length :].lstrip().startswith(suffix)
    ]


@functools.lru_cache(maxsize=8192)
def _quote_regex(quote: str) -> re.Pattern[str]:
    """Compiled once per quote: a thousand annotations overflow ``re``'s own cache of 512,
    and under ``mkdocs serve`` every save would compile them all again."""
    return re.compile(_quote_pattern(quote))


def _quote_pattern(quote: str) -> str:
    """The quote, matching only whole words at its ends: 'Kiev' is not in 'Kievan Rus'."""
    head = r"(?<!\w)" if quote[:1].isalnum() or quote[:1] == "_" else ""
    tail = r"(?!\w)" if quote[-1:].isalnum() or quote[-1:] == "_" else ""
    return head + re.escape(quote) + tail


_NOT_FOUND_HINT = "copy the words exactly from the entry, including ’ and “ ” marks"


def _in_context(text: str, start: int, length: int) -> str:
    """An occurrence with three words either side: '…between Moscow and [Kiev] in over three…'."""
    end = start + length
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    left = " ".join(before[-4:])
    right = " ".join(after[:4])
    return (
        ("…" if len(before) > 4 else "")
        + f"{left}[{text[start:end]}]{right}"
        + ("…" if len(after) > 4 else "")
    )


def _occurrences(text: str, starts: list[int], length: int) -> str:
    shown = "; ".join(_in_context(text, start, length) for start in starts[:5])
    return shown + (f"; and {len(starts) - 5} more" if len(starts) > 5 else "")


def _pieces(
    start: int, end: int, text: str, origin: list[tuple[int, int]], block: Block
) -> list[tuple[int, int, int]]:
    """Split a normalised span into one span per paragraph, in original offsets."""
    pieces: list[tuple[int, int, int]] = []
    for position in range(start, end):
        if text[position] == " " and (position == start or position == end - 1):
            continue
        index, offset = origin[position]
        if pieces and pieces[-1][0] == index:
            pieces[-1] = (index, pieces[-1][1], offset + 1)
        else:
            pieces.append((index, offset, offset + 1))
    # A piece may end in whitespace folded away; trim so marks hug the words.
    trimmed = []
    for index, piece_start, piece_end in pieces:
        words = block.paragraphs[index].text
        while piece_end > piece_start and words[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > piece_start:
            trimmed.append((index, piece_start, piece_end))
    return trimmed


_WORD = re.compile(r"\w+")


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _closest(quote: str, text: str) -> str:
    """A 'did you mean' hint: the run of whole words in the block most like the quote.

    Candidates start and end at word boundaries (keeping punctuation that touches a word
    only where the quote has some at that end), span about as many words as the quote, and
    are compared without regard to case; so 'Boris Jonson' finds 'Boris Johnson', not
    'Boris Johnson’' or 'oris Johnson’s'.
    """
    words = list(_WORD.finditer(text))
    count = max(1, len(_WORD.findall(quote)))
    lead = not quote[:1].isalnum()
    trail = not quote[-1:].isalnum()
    target = quote.casefold().translate(_TYPOGRAPHIC)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    best, best_key = "", (0.0, 0)
    for i, first in enumerate(words):
        starts = {first.start()}
        if lead:
            starts.add(_punctuation_before(text, first.start()))
        for last in words[i + max(0, count - 2) : i + count + 1]:
            ends = {last.end()}
            if trail:
                ends.add(_punctuation_after(text, last.end()))
            for start in starts:
                for end in ends:
                    candidate = text[start:end]
                    matcher.set_seq1(candidate.casefold().translate(_TYPOGRAPHIC))
                    if matcher.real_quick_ratio() < best_key[0]:
                        continue
                    if matcher.quick_ratio() < best_key[0]:
                        continue
                    key = (matcher.ratio(), -abs(len(candidate) - len(quote)))
                    if key > best_key:
                        best, best_key = candidate, key
    if best_key[0] < 0.6:
        return ""
    if best.translate(_TYPOGRAPHIC) == quote.translate(_TYPOGRAPHIC):
        return f"did you mean {best!r}? The source writes typographic quotes and dashes"
    return f"did you mean {best!r}?"


def _punctuation_before(text: str, position: int) -> int:
    while position > 0 and not text[position - 1].isspace() and not text[position - 1].isalnum():
        position -= 1
    return position


def _punctuation_after(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace() and not text[position].isalnum():
        position += 1
    return position


def _elsewhere(quote: str, block: Block, blocks: dict[str, Block]) -> str:
    """Where the quote does occur, when the editor named the wrong entry."""
    found = _holding(quote, blocks, block)
    return f"these words are in {_block_refs(found)}; name that entry instead" if found else ""


def _holding(quote: str, blocks: dict[str, Block], other_than: Block | None = None) -> list[Block]:
    """The blocks whose text holds the quote (its whitespace folded)."""
    return [
        block
        for block in blocks.values()
        if block is not other_than and quote and quote in _normalised(block.paragraphs)[0]
    ]


def _block_refs(blocks: list[Block]) -> str:
    return ", ".join(_block_ref(block) for block in blocks[:3])


def _block_ref(block: Block) -> str:
    """How an editor names a block in ``entry``."""
    return f"'{block.entry.clock}'" if block.entry is not None else f"'{block.key}'"


def _block_name(block: Block) -> str:
    if block.entry is not None:
        return f"entry {block.entry.time_label}"
    return f"the {block.key}"
