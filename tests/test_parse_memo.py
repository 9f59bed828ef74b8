"""memo.py: the line tests the parser remembers answer as they do fresh, and forget a page's
lines once it is parsed (the memory lasts one parse)."""

from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.parse import parse_liveblog
from generator.parse.credits import is_credit_alone
from generator.parse.durations import _is_player_line, _label_and_length
from generator.parse.furniture import is_chrome
from generator.parse.labels import _short_label

PAGE = """Harbour council live
The council meets.

16 May 2025

06:00 GMT
Share
Vote 1: the motion passed.
Video 1:32

06:09 GMT
Listen · 4 min
Vote 2: the motion failed.
"""

REMEMBERED = (is_chrome, _is_player_line, _short_label, is_credit_alone)


def _remembered_texts() -> int:
    return sum(test.cache_info().currsize for test in REMEMBERED)  # type: ignore[attr-defined]


def test_a_parse_forgets_its_lines():
    blog = parse_liveblog(PAGE)
    assert len(blog.entries) == 2
    assert _remembered_texts() == 0


def test_a_failed_parse_forgets_its_lines_too():
    with pytest.raises(ContentError):
        parse_liveblog("Headline\n\nA paragraph and no time at all.\n")
    assert _remembered_texts() == 0


@pytest.mark.parametrize(
    ("line", "player"),
    [
        ("Video 1:32", True),
        ("video 1:32", True),
        ("Listen · 4 min", True),
        ("4 min · Listen", True),
        ("Lecture 1 min.", True),
        ("14:05 Video", False),
        ("Vote 1: the motion passed.", False),
        ("Videos 1:32", False),
        ("Video ²", False),
    ],
)
def test_remembered_answers_are_the_answers(line: str, player: bool):
    assert _label_and_length(line) is player
    assert _is_player_line(line) is player
    assert _is_player_line(line) is player  # asked again: remembered, the same
    assert is_chrome(line) is is_chrome.__wrapped__(line)  # type: ignore[attr-defined]
