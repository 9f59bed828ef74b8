"""Mentions: where the intro and the entries name a glossary term or a background note.

All names and aliases go into one compiled pattern built from a trie, so each text is
scanned once whatever the number of terms; at each position the trie offers the longest
alias first. The first mention of a target in each block is the one that links.

Aliases of a term with ``match_case: false`` join the same trie, their letters written as
classes of case variants (``[Rr]``), so there is still one pattern and one pass, and the
branches at every node still start with different characters: the longest alias wins
whatever mix of case-sensitive and case-insensitive aliases share its beginning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass, field

from ..errors import Problem, ProblemCollector
from ..load.aliases import AliasClaims, alias_key, case_variants, fold_char, fold_key
from ..model import (
    BackgroundNote,
    Block,
    GlossaryTerm,
    Mention,
    NoteRef,
    PlacedAnnotation,
    Target,
    TermRef,
)


@dataclass(frozen=True)
class Matcher:
    """One compiled pattern for all aliases, and which target each alias stands for."""

    pattern: re.Pattern[str] | None
    """Every alias of every term and note, as one regular expression (None if none)."""
    targets: dict[str, Target]
    """Case-sensitive alias (as ``alias_key`` writes it) -> the term or note it names."""
    any_case: dict[str, Target] = field(default_factory=dict)
    """Alias of a ``match_case: false`` term (as ``fold_key`` writes it) -> the term."""

    def find(self, text: str) -> list[tuple[int, int, Target]]:
        """(start, end, target) of every mention in ``text``, left to right, in one pass."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self._target(m[0])) for m in self.pattern.finditer(text)]

    def _target(self, words: str) -> Target:
        # Words written as their key (the usual case) skip alias_key: a key is its own key.
        # No alias equals another ignoring case unless both are case-sensitive (build_matcher
        # refuses that), so the words stand for one target whichever table holds them.
        target = self.targets.get(words)
        if target is None:
            key = alias_key(words)
            target = self.targets.get(key) or self.any_case[fold_key(key)]
        return target


class KeptMentions:
    """Under ``mkdocs serve``: each text's mentions, kept while the matcher stays the same
    (a save of annotations.yml finds the same mentions in the same 10,000 paragraphs)."""

    def __init__(self) -> None:
        self._matcher: Matcher | None = None
        self._found: dict[str, list[tuple[int, int, Target]]] = {}

    def find(self, matcher: Matcher, text: str) -> list[tuple[int, int, Target]]:
        """``matcher.find(text)``, or what it found in the same text last time."""
        if matcher is not self._matcher:  # another glossary or notes: nothing kept holds
            self._matcher, self._found = matcher, {}
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = matcher.find(text)
        return found


_LAST_MATCHER: list[tuple[tuple[GlossaryTerm, ...], tuple[BackgroundNote, ...], Matcher]] = []


def build_matcher(
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
) -> Matcher:
    """``_build_matcher``, kept for the last glossary and notes it was built from: under
    ``mkdocs serve`` most saves leave both as they were, and compiling one pattern of a
    thousand terms' spellings takes a third of a second. (A glossary with an error keeps
    nothing, so its error is reported again.)"""
    if _LAST_MATCHER:
        kept_glossary, kept_notes, matcher = _LAST_MATCHER[0]
        if kept_glossary == glossary and kept_notes == notes:
            return matcher
    matcher = _build_matcher(glossary, notes)
    _LAST_MATCHER[:] = [(glossary, notes, matcher)]
    return matcher


def _build_matcher(
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
) -> Matcher:
    """Collect every name and alias into one pattern; an alias claimed twice is an error.

    ``load_glossary`` already refused clashes between terms and lone given names, where it
    knows every position; what is left to find here is a note's alias that a term or another
    note also claims, reported at the note's alias.

    An alias of a ``match_case: false`` term clashes with any alias equal to it ignoring
    case ("Rand" in any case and "RAND"), since both would link the same words.
    """
    targets: dict[str, Target] = {}
    any_case: dict[str, Target] = {}
    claims: AliasClaims[Target] = AliasClaims()
    problems = ProblemCollector()

    def claim(
        spelling: str,
        target: Target,
        path: str,
        at: tuple[int, int],
        in_any_case: bool = False,
    ) -> None:
        clash = claims.claim(spelling, in_any_case, target, f"{path}:{at[0]}:{at[1]}")
        if clash:
            problems.file(path).add_at(
                at,
                f"alias '{spelling}' is claimed by {_format_target(clash[0])} and "
                f"{_format_target(target)}",
                f"an alias links to one term or note only; the other claim is at {clash[1]}",
            )
            return  # the first claim stays the owner, as the hint names it
        if in_any_case:
            any_case.setdefault(fold_key(spelling), target)
        else:
            targets.setdefault(alias_key(spelling), target)

    for term in glossary:
        path = term.path
        record_at = (term.line, term.column)
        target, in_any_case = TermRef(term.id), not term.match_case
        claim(term.name, target, path, term.name_at if term.line else record_at, in_any_case)
        for index, alias in enumerate(term.aliases):
            at = term.alias_at[index] if index < len(term.alias_at) else record_at
            claim(alias, target, path, at, in_any_case)
    for note in notes:
        for index, alias in enumerate(note.aliases):
            at = note.alias_at[index] if index < len(note.alias_at) else (1, 1)
            claim(alias, NoteRef(note.slug), note.path, at)
    problems.raise_if_any()
    if not targets and not any_case:
        return Matcher(None, {})
    # A word starts here and ends right after the alias: "Moscow" is not in "Moscowitz",
    # while "Kiev’s" (any punctuation after the alias) still matches.
    trie = _node_pattern(_trie(targets), _trie(any_case))
    return Matcher(re.compile(rf"(?<!\w){trie}(?!\w)"), targets, any_case)


def _format_target(target: Target) -> str:
    return f"'{target.id}'" if isinstance(target, TermRef) else f"note '{target.slug}'"


# In the text, any run of blanks matches an alias's space and either apostrophe its own.
_Trie = dict[str, "_Trie"]
"""A node of a character trie: each next character -> its node ("" ends a word)."""

_CHAR_PATTERNS = {" ": r"\s+", "'": "['’‘]"}


def _char_pattern(chars: list[str]) -> str:
    """One character of an alias, or a class of its case variants ("[Rr]")."""
    if len(chars) == 1:
        return _CHAR_PATTERNS.get(chars[0], re.escape(chars[0]))
    return "[" + "".join(map(re.escape, chars)) + "]"


def _trie(words: dict[str, Target]) -> _Trie:
    """The trie of the characters of ``words`` ("" marks where a word ends).

    Words that share a beginning share its pattern, so the engine reads each character of
    the text once per position instead of once per alias.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _node_pattern(exact: _Trie, folded: _Trie) -> str:
    """The pattern of a node of the case-sensitive trie and the same node of the folded one.

    Each branch starts with characters no other branch at the node starts with: a letter
    both tries continue with is one branch that goes on in both ("R" continues "RAND" and
    the folded "rand"), the folded trie's other case variants another ("r"). So, as in a
    plain trie, longer continuations come first and ending here comes last, and at each
    position the longest alias wins ("Vladimir Medinsky" before "Vladimir", were both aliases).
    """
    branches = [
        _char_pattern([char]) + _node_pattern(child, folded.get(fold_char(char), {}))
        for char, child in sorted(exact.items())
        if char
    ]
    for char, child in sorted(folded.items()):
        others = sorted(case_variants(char) - exact.keys()) if char else []
        if others:
            branches.append(_char_pattern(others) + _node_pattern({}, child))
    if "" in exact or "" in folded:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


FRONT_PAGE = ("summary", "intro")
"""Blocks the overview shows together: a term is linked at its first mention among them."""
_MARKUP = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>\s]+>|\\.")
"""In the editors' Markdown of the summary: links, code, autolinks and escapes, which a
mention must not cut into."""


def find_mentions(
    blocks: dict[str, Block],
    matcher: Matcher,
    unlinked: Set[Target] = frozenset(),
    kept: KeptMentions | None = None,
) -> None:
    """Record every mention in the summary, the intro and the entries; link few of them.

    A term links at its first mention on a page: the summary and the intro share the
    overview, so what the summary linked the intro does not link again; each entry links a
    term at most once (a reader arrives at an entry from a key moment, the strip or a
    backlink, not from the top of the timeline). A term marked ``link: false`` (``unlinked``:
    France, Europe) is recorded, for its backlinks, but never linked.

    A mention that crosses an annotation's quote boundary is recorded (the entry does name
    the term) but not linked, since the link would have to cut the highlighted words; the
    next mention of the same target in the block is linked instead. The headline is left
    alone: it repeats the intro. ``kept`` (under ``mkdocs serve``) remembers each text's
    mentions between builds.
    """
    front_page: set[Target] = set(unlinked)
    for block in blocks.values():
        if block.key == "headline":
            continue
        linked = front_page if block.key in FRONT_PAGE else set(unlinked)
        for index, paragraph in enumerate(block.paragraphs):
            found = []
            pieces = block.annotations[index]  # most paragraphs have none
            # The summary is the editors' Markdown: its own links and code stay as written.
            markup = (
                [m.span() for m in _MARKUP.finditer(paragraph.text)]
                if block.key == "summary"
                else []
            )
            named = kept.find(matcher, paragraph.text) if kept else matcher.find(paragraph.text)
            for start, end, target in named:
                if markup and any(a < end and start < b for a, b in markup):
                    continue
                first = target not in linked and not (pieces and _crosses_quote(start, end, pieces))
                if first:
                    linked.add(target)
                found.append(Mention(start, end, target, first))
            block.mentions[index] = found


def _crosses_quote(start: int, end: int, pieces: list[PlacedAnnotation]) -> bool:
    """True if the words overlap a quote without lying wholly inside it."""
    return any(
        p.start < end and start < p.end and not (p.start <= start and end <= p.end) for p in pieces
    )


def collect_backlinks(blocks: dict[str, Block]) -> dict[Target, tuple[str, ...]]:
    """Target -> the blocks (summary, intro, entries in time order) that mention it."""
    backlinks: dict[Target, list[str]] = defaultdict(list)
    for block in blocks.values():
        for target in dict.fromkeys(m.target for ms in block.mentions for m in ms):
            backlinks[target].append(block.key)
    return {target: tuple(keys) for target, keys in backlinks.items()}


def unused_warnings(
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
    backlinks: dict[Target, tuple[str, ...]],
    blocks: dict[str, Block],
) -> list[Problem]:
    """A term never mentioned, or a note's alias that matches nothing, deserves a warning.

    Terms list spellings other sources use, so only a term with no mention at all is
    suspect; a note's aliases are by definition phrases of this live-blog, so each must match.
    """
    warnings = []
    for term in glossary:
        if TermRef(term.id) not in backlinks:
            warnings.append(
                Problem(
                    term.path,
                    term.line,
                    term.column or 1,
                    f"glossary term '{term.id}' is never mentioned",
                    "check its name and aliases against the live-blog, capitals included, "
                    "or remove the term",
                )
            )
    matched = {
        (mention.target, alias_key(paragraph.text[mention.start : mention.end]))
        for block in blocks.values()
        for paragraph, mentions in zip(block.paragraphs, block.mentions)
        for mention in mentions
        if isinstance(mention.target, NoteRef)  # only notes' aliases are checked one by one
    }
    for note in notes:
        for index, alias in enumerate(note.aliases):
            if (NoteRef(note.slug), alias_key(alias)) in matched:
                continue
            line, column = note.alias_at[index] if index < len(note.alias_at) else (1, 1)
            warnings.append(
                Problem(
                    note.path,
                    line,
                    column,
                    f"alias '{alias}' of background note '{note.slug}' matches nothing in "
                    "the live-blog",
                    "copy the phrase exactly as an entry has it, capitals included, or "
                    "remove it; where aliases overlap, the longest wins",
                )
            )
    return warnings
