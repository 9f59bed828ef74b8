"""Turning untrusted source text into Markdown that shows it literally, and back to text."""

from __future__ import annotations

import re
from functools import lru_cache

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
_SPACES = re.compile(r"\s+")


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
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)  # an entry's opening labels each of its many backlinks
def first_words(text: str, limit: int = 60) -> str:
    """The opening of a paragraph, cut at a word boundary, with an ellipsis when cut."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
