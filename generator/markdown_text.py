"""Turning untrusted source text into Markdown that shows it literally, and back to text."""

from __future__ import annotations

import re

# Characters that mean something to Markdown, HTML or a common extension wherever they
# stand (emphasis, links, attribute lists, emoji, marks, tables, HTML, entities).
_ALWAYS = frozenset('\\`*_{}[]()<>&|~^=:$!"#')
# Characters that only matter at the start of a line (lists, quotes, headings, snippets).
_AT_START = frozenset("-+/%.")
_ORDERED = re.compile(r"^(\d+)([.)])")
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
    out = [f"&#{ord(c)};" if c in _ALWAYS else c for c in text]
    if at_line_start:
        if text[0] in _AT_START:
            out[0] = f"&#{ord(text[0])};"
        if (ordered := _ORDERED.match(text)) is not None:
            out[ordered.end(2) - 1] = f"&#{ord(ordered[2])};"
        if out[0] == " ":
            out[0] = "&#32;"
    # Runs of blanks would read as line breaks or code; keep them as they are seen.
    return "".join(out)


def escape_attribute(text: str) -> str:
    """Text for a double-quoted Markdown link title or HTML attribute."""
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def plain_text(markdown: str) -> str:
    """A one-line, markup-free version of editor Markdown (for tooltips and descriptions)."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown)
    text = _MARKDOWN_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def first_words(text: str, limit: int = 60) -> str:
    """The opening of a paragraph, cut at a word boundary, with an ellipsis when cut."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
