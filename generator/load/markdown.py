"""What editors' Markdown may hold (summaries, notes, annotations, the outlet note): links
to http, https and mailto addresses, and no raw HTML, images or attribute lists; each
problem is reported at the very characters that cause it."""

from __future__ import annotations

import re

from ..errors import ProblemCollector

# A tag or comment; autolinks (<https://...>, <name@example.org>) are links, checked below.
_RAW_HTML = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>|[^>\s@]+@[^>\s]+>)(?=[A-Za-z/!?])")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
# What Python-Markdown's attr_list would take as attributes: { .class }, {#id}, {: k=v }.
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?:[.#][^\s}]|[^\s}=]+=)[^}\n]*\}")
_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>",
    re.MULTILINE,
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def check_markdown(
    text: str,
    problems: ProblemCollector,
    at: tuple[int, int],
    name: str,
    written: str | None = None,
) -> None:
    """Editors' Markdown may link (http, https, mailto) but carries no raw HTML.

    Nor images (the site makes no requests to other hosts) nor attribute lists, which
    would let ``{ onclick=... }`` through as surely as raw HTML. ``written`` is the value as
    it stands in the file from ``at`` on (``YamlMap.raw_value``); with it, each problem
    points at the very characters, whatever the quoting or indentation.
    """

    def where(match: re.Match[str], group: int = 0) -> tuple[int, int]:
        start, end = match.start(group), match.end(group)
        found = _find_written(written, text, start, end, at)
        if found is None and written and written[0] in "\"'" and "\n" not in text[:start]:
            found = at[0], at[1] + 1 + start  # after the opening quote, escapes before it aside
        return found or _offset_position(text, start, *at)

    for match in _RAW_HTML.finditer(text):
        problems.add_at(
            where(match),
            f"raw HTML is not allowed in '{name}'",
            "use Markdown; write &lt; for a literal '<'",
        )
    for match in _IMAGE.finditer(text):
        problems.add_at(
            where(match),
            f"images are not allowed in '{name}'",
            "link to the picture instead: [title](https://...)",
        )
    for match in _ATTRIBUTE_LIST.finditer(text):
        problems.add_at(
            where(match),
            f"attribute lists are not allowed in '{name}': {match[0]!r}",
            "write \\{ for a literal brace",
        )
    for match in _LINK_TARGETS.finditer(text):
        group = next(index for index in (1, 2, 3) if match[index] is not None)
        target = match[group]
        if not target.lower().startswith(_SAFE_SCHEMES) and not target.startswith("#"):
            problems.add_at(
                where(match, group),
                f"link target {target!r} is not allowed in '{name}'",
                "links must start with http://, https:// or mailto:",
            )


def _find_written(
    written: str | None, text: str, start: int, end: int, at: tuple[int, int]
) -> tuple[int, int] | None:
    """Where ``text[start:end]`` stands in the file, if the file shows it verbatim."""
    if written is None:
        return None
    snippet = text[start:end]
    index = -1
    for _ in range(text[:start].count(snippet) + 1):  # the same occurrence, counted
        index = written.find(snippet, index + 1)
        if index < 0:
            return None
    before = written[:index]
    if "\n" not in before:
        return at[0], at[1] + index
    return at[0] + before.count("\n"), index - before.rfind("\n")


def _offset_position(text: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - before.rfind("\n")
