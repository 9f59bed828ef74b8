"""Turning untrusted source text into Markdown that shows it literally, and back to text."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Block, Entry, Target

# Characters that mean something to Markdown, HTML or a common extension wherever they
# stand (emphasis, links, attribute lists, emoji, marks, keys, tables, HTML, entities); a
# tab too, because Markdown expands tabs to spaces and the reader would lose it.
_ALWAYS = frozenset('\\`*_{}[]()<>&|~^=:$!"#+\t')
# Characters that only matter at the start of a line (lists, quotes, headings, snippets).
_AT_START = frozenset("-/%.")
_ORDERED = re.compile(r"^(\d+)([.)])")
# escape_text runs on every stretch of source text, most of which has no special character:
# one regular expression finds the few there are (three times faster than str.translate).
_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in sorted(_ALWAYS)) + "]")
_ATTRIBUTE_ENTITIES = {
    ord("&"): "&amp;",
    ord('"'): "&quot;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord("{"): "&#123;",
    ord("}"): "&#125;",
}
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"[*_`]+")


def escape_text(text: str, *, at_line_start: bool = True) -> str:
    """Markdown that renders exactly ``text``: every special character as a numeric entity.

    Entities survive every Markdown extension untouched and the browser shows the
    character itself, so nothing in the source can become markup.
    """
    if not text:
        return text
    # Runs of blanks would read as line breaks or code; keep them as they are seen.
    if at_line_start:
        # "1." or "1)" would open a list: its mark becomes an entity, the digits stay.
        if (ordered := _ORDERED.match(text)) is not None:
            cut = ordered.end(2)
            return f"{text[: cut - 1]}&#{ord(ordered[2])};{_SPECIAL.sub(_entity, text[cut:])}"
        if text[0] in _AT_START or text[0] == " ":
            return f"&#{ord(text[0])};{_SPECIAL.sub(_entity, text[1:])}"
    return _SPECIAL.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match[0])};"


def _squeeze(text: str) -> str:
    """Every run of blanks as one space, none at either end. (``str.split`` splits where
    ``\\s+`` would match, and several times faster than a regular expression.)"""
    return " ".join(text.split())


@lru_cache(maxsize=4096)  # every link to a term carries the same tooltip
def escape_attribute(text: str) -> str:
    """Text for a double-quoted Markdown link title, HTML attribute or raw HTML element.

    Braces too: Markdown preprocessors (CriticMarkup's ``{++ ++}``) rewrite raw HTML before
    it is set aside, and a ``}`` would end an attribute list early.
    """
    return text.translate(_ATTRIBUTE_ENTITIES)


@lru_cache(maxsize=4096)  # the same summary becomes the tooltip of every link to its term
def plain_text(markdown: str) -> str:
    """A one-line, markup-free version of editor Markdown (for tooltips and descriptions)."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown)
    text = _MARKDOWN_MARKS.sub("", text)
    return _squeeze(text)


@lru_cache(maxsize=65536)  # an entry's opening labels each of its many backlinks
def first_words(text: str, limit: int = 60) -> str:
    """The opening of a paragraph, cut at a word boundary, with an ellipsis when cut."""
    text = _squeeze(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


# A sentence ends at . ! ? or … (a closing quote or bracket may follow) before a space and
# a capital, a digit or an opening quote; not after a title or an initial ("Mr. Putin",
# "J. Smith", "U.S. officials").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)\]]*(?=\s+[“\"‘(A-Z0-9])")
_NOT_AN_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Jr|Sr|No|vs|etc|e\.g|i\.e)|"
    r"\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_ABBREVIATION_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.\n"
"""What a match of ``_NOT_AN_END`` is made of (and the line end ``$`` may stand before)."""


_WEAK_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "if",
        "that",
        "which",
        "who",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "than",
        "into",
    ]
)
"""Words a cut label should not end on ("… taken place are…")."""


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, covering the whole text."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if _ends_with_abbreviation(text[start:end].rstrip('”"’)]')):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _ends_with_abbreviation(words: str) -> bool:
    """``_NOT_AN_END.search(words)``, looked for only in the final run of letters and
    stops, where any match lies (``\\b`` still sees the character before it)."""
    return _NOT_AN_END.search(words, len(words.rstrip(_ABBREVIATION_CHARS))) is not None


def excerpt(text: str, limit: int = 90) -> str:
    """A clean short form of ``text`` for a label: its first sentence when that fits, else
    its first clause or words, never a cut word, never a trailing colon or stop."""
    text = _squeeze(text)
    if not text:
        return ""
    spans = sentences(text)
    first = text[: spans[0][1]] if spans else text
    if len(first) <= limit:
        return first.rstrip(" :;,.")
    # The longest clause that fits, else words.
    cut = max((text.rfind(mark, 0, limit) for mark in (", ", "; ", " – ", " — ")), default=-1)
    if cut > limit // 2:
        return text[:cut].rstrip(" :;,.") + "…"
    words = first_words(first, limit).rstrip(" :;,.…").split(" ")
    while len(words) > 3 and words[-1].casefold() in _WEAK_ENDINGS:
        words.pop()
    return " ".join(words).rstrip(" :;,.") + "…"


def sentence_around(
    text: str,
    start: int,
    end: int,
    limit: int = 320,
    spans: list[tuple[int, int]] | None = None,
) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, trimmed to ``limit`` around
    it at word boundaries (with ellipses where cut). ``spans``: ``sentences(text)``, when
    the caller has it already."""
    for first, last in (sentences(text) if spans is None else spans) or [(0, len(text))]:
        if first <= start < last:
            break
    else:
        first, last = 0, len(text)
    last = max(last, end)
    sentence = text[first:last].strip()
    if len(sentence) <= limit:
        return _squeeze(sentence)
    begin = max(first, start - limit // 2)
    if begin > first:
        begin = text.find(" ", begin, start) + 1 or begin
    stop = min(last, begin + limit)
    if stop < last:
        stop = text.rfind(" ", end, stop) if text.rfind(" ", end, stop) > end else stop
    words = _squeeze(text[begin:stop])
    return ("…" if begin > first else "") + words + ("…" if stop < last else "")


def display_headline(entry: Entry, limit: int = 90) -> str:
    """What a reader sees as an entry's headline: the editors' (``headlines.yml``), else the
    outlet's own title line, else a clean excerpt of its first sentence."""
    if entry.headline:
        return entry.headline
    if entry.title:
        return entry.title
    return excerpt(entry.paragraphs[0].text, limit) if entry.paragraphs else entry.time_label


class SourceWords:
    """What the pages derive from the source's words again and again, worked out once per
    build: each entry's headline (its heading, its mark on the strip, its structured data
    and every backlink to it show it) and each paragraph's sentences (every mention quoted
    from it splits it). One per build, held by the Router, so nothing outlives the build.
    """

    def __init__(self) -> None:
        self._headlines: dict[str, str] = {}
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._first_mentions: dict[str, dict[Target, tuple[str, int, int]]] = {}

    def headline(self, entry: Entry) -> str:
        """``display_headline(entry)``; entries are told apart by their anchors."""
        headline = self._headlines.get(entry.anchor)
        if headline is None:
            headline = self._headlines[entry.anchor] = display_headline(entry)
        return headline

    def mention_sentence(self, block: Block, target: Target) -> str:
        """The sentence of ``block`` that first names ``target`` ("" if none does)."""
        first = self._first_mentions.get(block.key)
        if first is None:
            first = self._first_mentions[block.key] = {}
            for paragraph, mentions in zip(block.paragraphs, block.mentions):
                for mention in mentions:
                    first.setdefault(mention.target, (paragraph.text, mention.start, mention.end))
        found = first.get(target)
        return self.sentence_around(*found) if found else ""

    def sentence_around(self, text: str, start: int, end: int) -> str:
        """``sentence_around(text, start, end)``, splitting each text into sentences once."""
        spans = self._sentences.get(text)
        if spans is None:
            spans = self._sentences[text] = sentences(text)
        return sentence_around(text, start, end, spans=spans)
