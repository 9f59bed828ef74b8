"""Stage 3, link: find mentions, place annotations on their quotes, collect backlinks.

Mentions are found with one compiled pattern built from a trie of every alias, so each
text is scanned once whatever the number of terms; at each position the trie offers the
longest alias first.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from .errors import ContentError, Problem, ProblemCollector
from .model import (
    Annotation,
    BackgroundNote,
    Block,
    Entry,
    GlossaryTerm,
    Liveblog,
    Mention,
    Paragraph,
    PlacedAnnotation,
)

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Matcher:
    """One compiled pattern for all aliases, and which target each alias stands for."""

    pattern: re.Pattern[str] | None
    targets: dict[str, str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, target) of every mention in ``text``, left to right."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.targets[m[0]]) for m in self.pattern.finditer(text)]


def build_matcher(
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
    glossary_paths: dict[str, str],
) -> Matcher:
    """Collect every name and alias; an alias claimed twice or a lone given name is an error."""
    targets: dict[str, str] = {}
    problems: list[Problem] = []
    for term in glossary:
        given = term.name.split()[0] if term.kind == "person" and " " in term.name else None
        for alias in (term.name, *term.aliases):
            where = glossary_paths.get(term.id, "content/glossary.yml")
            if alias == given:
                problems.append(
                    Problem(
                        where,
                        term.line,
                        1,
                        f"alias '{alias}' of '{term.id}' is a given name alone",
                        "given names link to too many people; use the full name",
                    )
                )
            elif targets.get(alias, f"term:{term.id}") != f"term:{term.id}":
                problems.append(
                    Problem(
                        where,
                        term.line,
                        1,
                        f"alias '{alias}' is claimed by '{term.id}' and "
                        f"'{targets[alias].split(':', 1)[1]}'",
                        "an alias can stand for one term only",
                    )
                )
            else:
                targets[alias] = f"term:{term.id}"
    for note in notes:
        for alias in note.aliases:
            if targets.get(alias, f"note:{note.slug}") != f"note:{note.slug}":
                problems.append(
                    Problem(
                        note.path,
                        1,
                        1,
                        f"alias '{alias}' is claimed by note '{note.slug}' and "
                        f"'{targets[alias].split(':', 1)[1]}'",
                        "an alias can stand for one term or note only",
                    )
                )
            targets[alias] = f"note:{note.slug}"
    if problems:
        raise ContentError(problems)
    if not targets:
        return Matcher(None, {})
    # A word starts here and ends right after the alias: "Moscow" is not in "Moscowitz",
    # while "Kiev’s" (any punctuation after the alias) still matches.
    return Matcher(re.compile(rf"(?<!\w){_trie_pattern(list(targets))}(?!\w)"), targets)


def _trie_pattern(words: list[str]) -> str:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    # Longer continuations come first, so the longest alias wins; ending here comes last.
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def make_blocks(liveblog: Liveblog) -> dict[str, Block]:
    """Headline, intro and each entry as blocks of paragraphs, in reading order."""
    blocks = {
        "headline": Block("headline", (liveblog.headline,)),
        "intro": Block("intro", liveblog.intro),
    }
    for entry in liveblog.entries:
        blocks[entry.anchor] = Block(entry.anchor, entry.paragraphs, entry)
    for block in blocks.values():
        block.mentions = [[] for _ in block.paragraphs]
        block.annotations = [[] for _ in block.paragraphs]
    return blocks


def place_annotations(
    annotations: tuple[Annotation, ...],
    blocks: dict[str, Block],
    entries: tuple[Entry, ...],
    known_targets: set[str],
    path: str,
) -> None:
    """Put each annotation on its quote; every one that cannot be placed is an error."""
    problems = ProblemCollector(path)
    by_clock: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_clock[entry.clock].append(entry)
    numbers: dict[str, int] = defaultdict(int)
    placed: list[tuple[Block, list[PlacedAnnotation]]] = []
    for annotation in annotations:
        block = _resolve_block(annotation, blocks, by_clock, problems)
        if annotation.see and annotation.see not in known_targets:
            close = difflib.get_close_matches(annotation.see, sorted(known_targets), n=1)
            problems.add(
                annotation.line,
                annotation.column,
                f"'see' names no glossary term or background note: '{annotation.see}'",
                f"did you mean '{close[0]}'?" if close else "",
            )
        if block is None:
            continue
        spans = _locate(annotation, block, problems)
        if spans is None:
            continue
        numbers[block.key] += 1
        pieces = [
            PlacedAnnotation(start, end, annotation, numbers[block.key]) for _, start, end in spans
        ]
        placed.append((block, pieces))
        for (index, _, _), piece in zip(spans, pieces):
            _add_piece(block.annotations[index], piece, annotation, problems)
    problems.raise_if_any()
    for block in blocks.values():
        _renumber(block)


def _add_piece(
    existing: list[PlacedAnnotation],
    piece: PlacedAnnotation,
    annotation: Annotation,
    problems: ProblemCollector,
) -> None:
    for other in existing:
        same = (other.start, other.end) == (piece.start, piece.end)
        if not same and other.start < piece.end and piece.start < other.end:
            problems.add(
                annotation.line,
                annotation.column,
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
    by_clock: dict[str, list[Entry]],
    problems: ProblemCollector,
) -> Block | None:
    ref = annotation.entry
    if ref in blocks:
        return blocks[ref]
    clock = ref.zfill(5)
    candidates = by_clock.get(clock, [])
    if len(candidates) == 1:
        return blocks[candidates[0].anchor]
    if candidates:
        problems.add(
            annotation.line,
            annotation.column,
            f"several entries were posted at {clock}",
            "name one by its anchor: " + ", ".join(e.anchor for e in candidates),
        )
    else:
        close = difflib.get_close_matches(clock, sorted(by_clock), n=1)
        problems.add(
            annotation.line,
            annotation.column,
            f"no entry at {ref}",
            f"did you mean '{close[0]}'?"
            if close
            else "use an entry's time (HH:MM), its anchor, 'intro' or 'headline'",
        )
    return None


def _normalised(paragraphs: tuple[Paragraph, ...]) -> tuple[str, list[tuple[int, int]]]:
    """Block text with whitespace runs (and paragraph breaks) as one space, and where each
    character came from (paragraph index, offset)."""
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    for index, paragraph in enumerate(paragraphs):
        if chars and chars[-1] != " ":
            chars.append(" ")
            origin.append((index, 0))
        for offset, char in enumerate(paragraph.text):
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            origin.append((index, offset))
    return "".join(chars), origin


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _locate(
    annotation: Annotation, block: Block, problems: ProblemCollector
) -> list[tuple[int, int, int]] | None:
    """(paragraph index, start, end) pieces of the quote, or None after reporting why not."""
    text, origin = _normalised(block.paragraphs)
    quote = _collapse(annotation.quote)
    where = _block_name(block)
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        problems.add(
            annotation.line,
            annotation.column,
            f"quote not found in {where}: {annotation.quote!r}",
            _closest(quote, text),
        )
        return None
    prefix, suffix = _collapse(annotation.prefix), _collapse(annotation.suffix)
    chosen = [
        s
        for s in starts
        if text[:s].rstrip().endswith(prefix) and text[s + len(quote) :].lstrip().startswith(suffix)
    ]
    if len(chosen) != 1:
        contexts = "; ".join(
            f"…{text[max(0, s - 20) : s]}[{quote}]{text[s + len(quote) : s + len(quote) + 20]}…"
            for s in (chosen or starts)[:5]
        )
        if not chosen:
            problems.add(
                annotation.line,
                annotation.column,
                f"prefix/suffix match none of the {len(starts)} occurrence(s) of "
                f"{annotation.quote!r} in {where}",
                f"occurrences: {contexts}",
            )
        else:
            problems.add(
                annotation.line,
                annotation.column,
                f"quote occurs {len(chosen)} times in {where}: {annotation.quote!r}",
                f"add 'prefix' or 'suffix' to choose one: {contexts}",
            )
        return None
    return _pieces(chosen[0], chosen[0] + len(quote), text, origin, block)


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


def _closest(quote: str, text: str) -> str:
    """A 'did you mean' hint: the stretch of the block most like the quote."""
    words = [m.start() for m in re.finditer(r"\S+", text)]
    best, best_score = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for start in words:
        for length in {len(quote) - 2, len(quote), len(quote) + 2}:
            candidate = text[start : start + max(length, 1)]
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = candidate, score
    if best_score < 0.5:
        return "copy the words exactly from the entry, including ’ and “ ” marks"
    end = bisect.bisect_left(words, text.find(best) + len(best))
    del end
    return f"did you mean {best.strip()!r}?"


def _block_name(block: Block) -> str:
    if block.entry is not None:
        return f"entry {block.entry.time_label}"
    return f"the {block.key}"


def find_mentions(blocks: dict[str, Block], matcher: Matcher) -> None:
    """Record every mention in the intro and the entries; the first per block is linked.

    A mention that crosses an annotation's quote boundary is left unlinked (the link would
    have to cut the highlighted words).
    """
    for block in blocks.values():
        if block.key == "headline":
            continue
        seen: set[str] = set()
        for index, paragraph in enumerate(block.paragraphs):
            found = []
            for start, end, target in matcher.find(paragraph.text):
                crosses = any(
                    p.start < end and start < p.end and not (p.start <= start and end <= p.end)
                    for p in block.annotations[index]
                )
                if crosses:
                    continue
                found.append(Mention(start, end, target, target not in seen))
                seen.add(target)
            block.mentions[index] = found


def collect_backlinks(blocks: dict[str, Block]) -> dict[str, tuple[str, ...]]:
    """Target -> the blocks (intro, entries in time order) that mention it."""
    backlinks: dict[str, list[str]] = defaultdict(list)
    for block in blocks.values():
        for target in dict.fromkeys(m.target for ms in block.mentions for m in ms):
            backlinks[target].append(block.key)
    return {target: tuple(keys) for target, keys in backlinks.items()}


def unused_warnings(
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
    backlinks: dict[str, tuple[str, ...]],
    glossary_paths: dict[str, str],
) -> list[Problem]:
    """A term never mentioned, or a note no alias of which matches, deserves a warning."""
    warnings = []
    for term in glossary:
        if f"term:{term.id}" not in backlinks:
            warnings.append(
                Problem(
                    glossary_paths.get(term.id, "content/glossary.yml"),
                    term.line,
                    1,
                    f"glossary term '{term.id}' is never mentioned",
                    "check its name and aliases against the live-blog",
                )
            )
    for note in notes:
        if f"note:{note.slug}" not in backlinks:
            warnings.append(
                Problem(
                    note.path,
                    1,
                    1,
                    f"no alias of background note '{note.slug}' matches the live-blog",
                    "aliases must be words the live-blog uses",
                )
            )
    return warnings
