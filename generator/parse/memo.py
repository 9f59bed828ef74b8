"""Answers about a line's text, remembered while one page is parsed.

The classifier asks the same question of the same text more than once: a line is tried as
chrome by the label rules, the players' rules and the walk; a page repeats its stamps'
clocks, its 'Share' buttons and its credits. A test decorated with ``per_parse`` depends on
the text alone (the module's tables and patterns), so its remembered answer is the answer:
nothing reads differently. ``read_liveblog`` (``@forgetting``) forgets when a page is done,
so the memory lasts one parse (and at most ``SIZE`` texts per test).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")

SIZE = 1 << 16
"""Texts remembered per test: more than the distinct lines of a 20,000-entry page."""

_REMEMBERED: list[Any] = []


def per_parse(test: Callable[[str], T]) -> Callable[[str], T]:
    """``test`` (a function of a line's text only), answering each text once per parse."""
    remembered = lru_cache(maxsize=SIZE)(test)
    _REMEMBERED.append(remembered)
    return remembered


def forget() -> None:
    """Drop every remembered answer (a page is parsed)."""
    for remembered in _REMEMBERED:
        remembered.cache_clear()


def forgetting(parse: Callable[P, T]) -> Callable[P, T]:
    """``parse``, forgetting every remembered answer when it returns or raises."""

    @wraps(parse)
    def parse_and_forget(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return parse(*args, **kwargs)
        finally:
            forget()

    return parse_and_forget
