"""Lengths that look like times (generator/parse/durations.py): what is a length, what is
a player, and a bare time out of its neighbours' order."""

from __future__ import annotations

import pytest

from generator.parse import ParseOptions
from generator.parse.durations import is_length
from generator.parse.liveblog import parse_liveblog
from generator.parse.names import names_for, read_age


@pytest.mark.parametrize("text", ["4 min", "6 min", "12 Min.", "3 minutes", "45 s", "5 хв"])
def test_a_count_of_minutes_without_an_age_word_is_a_length(text: str) -> None:
    assert is_length(text)
    assert read_age(text, names_for("en")) is None


@pytest.mark.parametrize(
    ("text", "language", "minutes"),
    [("4 min ago", "en", 4), ("52m", "en", 52), ("6h", "en", 360), ("6 min fa", "it", 6),
     ("vor 5 Minuten", "de", 5), ("il y a 3 min", "fr", 3)],
)  # fmt: skip
def test_an_age_keeps_its_age_word(text: str, language: str, minutes: int) -> None:
    assert not is_length(text)
    age = read_age(text, names_for(language))
    assert age is not None and age.total_seconds() == minutes * 60


def _page(body: str) -> str:
    return "Storm batters the coast as red warning is issued\n16 May 2025\n\n" + body


def _parse(body: str) -> tuple[list[str], list[str]]:
    blog = parse_liveblog(_page(body), options=ParseOptions(timezone="Europe/London"))
    times = [entry.posted.strftime("%d %H:%M") for entry in blog.entries]
    return times, [paragraph.text for paragraph in blog.furniture]


def test_a_length_under_a_player_label_opens_no_entry() -> None:
    times, left_out = _parse(
        "14:20\nWaves batter the harbour\nHuge waves crashed over the wall.\nPlay\n0:57\n\n"
        "13:05\nThe warning began at noon.\n"
    )
    assert times == ["16 13:05", "16 14:20"]
    assert {"Play", "0:57"} <= set(left_out)


def test_a_clip_credit_after_its_length_is_chrome_with_the_clip_title() -> None:
    times, left_out = _parse(
        "14:20\nThe harbour wall gave way this morning.\nVideo Ad Feedback\n"
        "Why the wall gave way\n02:15 - Source: BBC\n\n13:05\nThe warning began at noon.\n"
    )
    assert times == ["16 13:05", "16 14:20"]
    assert {"Video Ad Feedback", "Why the wall gave way", "02:15 - Source: BBC"} <= set(left_out)


def test_a_label_after_a_blank_line_is_no_player() -> None:
    """'Watch' above a stamp after a blank names the entry below it: no length there."""
    blog = parse_liveblog(
        _page("14:20\nThe wall gave way.\n\nWatch\n13:05\nThe warning began at noon.\n"),
        options=ParseOptions(timezone="Europe/London"),
    )
    kinds = {line.text: line.kind for line in blog.lines}
    assert kinds["13:05"] != "furniture" and kinds["Watch"] != "furniture"


def test_a_bare_time_without_text_out_of_order_is_a_length() -> None:
    times, left_out = _parse(
        "18:45\nSoldiers are clearing the roads.\n02:47\nShare\n\n"
        "15:02\nThe toll has risen to 62.\n\n09:30\nTrains are suspended.\n"
    )
    assert times == ["16 09:30", "16 15:02", "16 18:45"]
    assert "02:47" in left_out


@pytest.mark.parametrize(
    "player", ["Listen · 4 min", "Video 1:32", "0:00 / 1:32", "Duration: 2 minutes 5 seconds"]
)
def test_a_label_and_its_length_on_one_line_are_chrome(player: str) -> None:
    times, left_out = _parse(
        f"14:20\nThe harbour wall gave way this morning.\n{player}\n\n"
        "13:05\nThe warning began at noon.\n"
    )
    assert times == ["16 13:05", "16 14:20"]
    assert player in left_out


@pytest.mark.parametrize("line", ["Lecture 1 min.", "4 min read", "Lesezeit: 4 Min."])
def test_a_reading_time_is_chrome(line: str) -> None:
    times, left_out = _parse(f"14:20\nThe harbour wall gave way this morning.\n{line}\n")
    assert times == ["16 14:20"]
    assert line in left_out


def test_a_label_the_clips_title_and_its_length_are_chrome() -> None:
    times, left_out = _parse(
        "21:15\nMerz wants a coalition by Easter.\nVideo\ntagesschau 20:00 Uhr, 23.02.2025\n"
        "3 Min\n\n19:40\nScholz concedes defeat.\n"
    )
    assert times == ["16 19:40", "16 21:15"]
    assert {"Video", "tagesschau 20:00 Uhr, 23.02.2025", "3 Min"} <= set(left_out)


def test_a_stray_time_whose_text_is_set_apart_by_a_blank_line_stays_an_entry() -> None:
    blog = parse_liveblog(
        _page(
            "18:45\n\nSoldiers are clearing the roads.\n\n1:32\n\nThe rail link stays closed.\n\n"
            "15:02\n\nThe toll has risen to 62.\n\n09:30\n\nTrains are suspended.\n"
        ),
        options=ParseOptions(timezone="Europe/London"),
    )
    assert [e.posted.strftime("%d %H:%M") for e in blog.entries] == [
        "16 01:32",
        "16 09:30",
        "16 15:02",
        "16 18:45",
    ]
    assert [(w.line, w.code) for w in blog.warnings] == [(8, "out-of-order")]


@pytest.mark.parametrize(
    ("line", "out"), [("4 min", True), ("6 Min.", True), ("10 minutes", False)]
)
def test_an_abbreviated_length_alone_is_chrome(line: str, out: bool) -> None:
    times, left_out = _parse(f"14:20\nThe harbour wall gave way this morning.\n{line}\n")
    assert times == ["16 14:20"]
    assert (line in left_out) is out
