"""schema.org structured data for the timeline pages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime

from ..model import Entry, SourceInfo
from .escape import display_headline

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
"""A string in JSON text, escapes included."""


def render_jsonld(
    source: SourceInfo,
    headline: str,
    coverage: tuple[datetime, datetime],
    entries: Sequence[Entry],
    page_url: str,
    entry_url: Callable[[Entry], str],
    entry_headline: Callable[[Entry], str] = display_headline,
) -> str:
    """A schema.org LiveBlogPosting for one timeline page, as a ``<script>`` element.

    ``liveBlogUpdate`` lists the page's own entries (none on a split timeline's index), so
    no page carries the whole coverage. ``<``, ``>`` and ``&`` are written as ``\\u003c``
    etc., so no text of the source can close the script element.
    """
    posting: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": headline,
        "datePublished": source.published.isoformat(),
        "coverageStartTime": coverage[0].isoformat(),
        "coverageEndTime": coverage[1].isoformat(),
        "inLanguage": source.language,
        "publisher": {"@type": "Organization", "name": source.outlet},
    }
    if page_url:
        posting["url"] = page_url
    if source.url:
        posting["isBasedOn"] = source.url
    if entries:
        posting["liveBlogUpdate"] = [
            _render_update(entry, entry_url, entry_headline) for entry in entries
        ]
    text = json.dumps(posting, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    # "{" inside strings too: Markdown preprocessors such as CriticMarkup rewrite "{++ ++}"
    # even inside HTML, before it is set aside.
    text = _JSON_STRING.sub(lambda string: string[0].replace("{", "\\u007b"), text)
    # U+2028/9 are fine in JSON but end a line for some tools; keep the script on one line.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>'


def _render_update(
    entry: Entry, entry_url: Callable[[Entry], str], headline: Callable[[Entry], str]
) -> dict[str, object]:
    """One entry as a BlogPosting: the editors' headline, else the outlet's title, else a
    clean excerpt (``display_headline``)."""
    update: dict[str, object] = {
        "@type": "BlogPosting",
        "headline": headline(entry),
        "datePublished": entry.posted.isoformat(),
    }
    if entry.updated is not None:
        update["dateModified"] = entry.updated.isoformat()
    update["url"] = entry_url(entry)
    update["articleBody"] = "\n\n".join(p.text for p in entry.paragraphs)
    return update
