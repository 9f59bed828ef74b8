"""What ``mkdocs serve`` shows an editor on every page: the content's problems and warnings.

The banner is fixed to the bottom of the window, so it is on screen wherever the reader
has scrolled (the entry being annotated is rarely at the top). It lists every problem of
every file, as ``explainer check`` does, each linked to its entry where it has one, and
goes away with the next good save. No MkDocs here: the plugin passes in how to link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from .errors import Problem
from .model import Site

# Inline, so the banner is placed and readable in any project, whatever its stylesheets.
_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:10;max-height:40vh;overflow:auto;"
    "margin:0;padding:0.6rem 0.8rem;font-size:0.7rem;line-height:1.4;"
    "background-color:var(--md-default-bg-color,#fff);color:var(--md-default-fg-color,#000);"
    "box-shadow:0 -0.1rem 0.4rem rgba(0,0,0,0.3);border-top:0.2rem solid {colour}"
)
_RED, _AMBER = "#b71c1c", "#e65100"

PROBLEM_PAGE = "index.md"
"""The one page served when the content has been broken since ``mkdocs serve`` started."""


def problem_site() -> Site:
    """A one-page site for content that has never built: the banner says why."""
    text = (
        "# The content has problems\n\n"
        "Nothing could be built from the content folder yet. Its problems are listed at "
        "the foot of the window (and in the terminal); save a fix and this page reloads "
        "with the site.\n"
    )
    return Site({PROBLEM_PAGE: text}, [{"Problems": PROBLEM_PAGE}])


def render_banner(
    problems: Sequence[Problem],
    warnings: Sequence[Problem],
    *,
    built: bool,
    link: Callable[[Problem], str],
) -> str:
    """The banner's HTML ("" when there is nothing to say).

    ``built`` says whether a good version is being served; ``link`` gives the address of a
    problem's entry on this page's terms, or "".
    """
    if not problems and not warnings:
        return ""
    if problems:
        count = _count(len(problems), "problem")
        state = "This is the last good version." if built else "Nothing could be built yet."
        title = f"<strong>Not updated: the content has {count}.</strong> {state}"
        shown, colour, kind = problems, _RED, "explainer-stale"
    else:
        title = f"<strong>The content has {_count(len(warnings), 'warning')}.</strong>"
        shown, colour, kind = warnings, _AMBER, "explainer-warnings"
    items = "".join(f"<li>{_item(problem, link(problem))}</li>" for problem in shown)
    return (
        f'<div class="explainer-banner {kind}" role="alert" style="{_STYLE.format(colour=colour)}">'
        f'<p style="margin:0">{title}</p>'
        f'<ul style="margin:0.3rem 0 0 1rem;padding:0">{items}</ul></div>\n'
    )


def _item(problem: Problem, href: str) -> str:
    text = escape(str(problem))
    return f'<a href="{escape(href)}">{text}</a>' if href else text


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number != 1 else ''}"


def shrunk_warnings(before: dict[str, int], after: dict[str, int]) -> list[Problem]:
    """A warning for each file that holds fewer records than at the last good build: a
    file cut off at a record's end, or a paste over the wrong lines, still builds."""
    found = []
    for path, count in after.items():
        earlier = before.get(path, 0)
        if count < earlier:
            what = _record_word(path)
            found.append(
                Problem(
                    path,
                    0,
                    0,
                    f"holds {count} {what}, {earlier} at the last good build of this preview",
                    "if the file was cut off or pasted over, undo the change in your editor",
                )
            )
    return found


def _record_word(path: str) -> str:
    if path.endswith("liveblog.txt"):
        return "entries"
    if path.endswith("annotations.yml"):
        return "annotations"
    return "glossary terms"
