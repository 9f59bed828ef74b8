"""Labels, buttons, counters and embed wrappers (generator/parse/labels.py), line by line and
in the page: what is chrome, and the text that looks like it but is not."""

from __future__ import annotations

import pytest

from generator.parse.counters import is_bare_count, is_counter
from generator.parse.labels import chrome_lines, is_label_line


@pytest.mark.parametrize(
    "line",
    [
        "Breaking",
        "Última hora",
        "Eilmeldung",
        "Son dakika",
        "Load more posts",
        "Mehr laden",
        "Posten",
        "Réagir",
        "Aumentar fonte",
        "Deel artikel:",
        "Loading...",
        "Loading Twitter content",
        "Lecture 1 min.",
        "Skip twitter post by Met Office",
        "End of twitter post by Met Office",
        "Allow X content?",
        "Accept and continue",
        "The content may contain adverts.",
        "View this post on Instagram",
        "Story continues below advertisement",
        "Saltar Twitter publicación, 1",
        "Конец Twitter поста, 1",
        "Contenu non disponible",
        "RTVE.es",
        "www.ntv.de",
    ],
)
def test_label_lines(line: str) -> None:
    assert is_label_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Breaking news from the count: turnout is higher than at the last election.",
        "Skip Twitter post by post, the campaign told volunteers, and you will find nothing.",
        "Allow X content? Not in this newsroom, the editor said.",
        "A post shared by Harbor Street Toys (@harborstreettoys)",
        "— Met Office (@metoffice) January 24, 2025",
        "Loading the trucks took hours...",
        "Yellow card",
        "Skip the Twitter drama",
        "More at rtve.es",
        "St.Petersburg",
    ],
)
def test_text_that_looks_like_a_label(line: str) -> None:
    assert not is_label_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "1.234 Postings",
        "See all updates (18)",
        "Comentarios (86)",
        "1 / 12",
        "1 di 8",
        "Show 3 new updates",
        "Read 1.2K replies",
    ],
)
def test_counts_that_say_what_they_count(line: str) -> None:
    assert is_counter(line)


@pytest.mark.parametrize(
    "line", ["Trump wins (270)", "Aide (FAQ)", "12/03", "3 to 4", "14.05", "3 new arrests"]
)
def test_not_counts(line: str) -> None:
    assert not is_counter(line)


def test_a_decimal_is_no_bare_count() -> None:
    """'14.05' may be a time; '2.4K' and '1,873' are counts."""
    assert is_bare_count("2.4K") and is_bare_count("1,873") and is_bare_count("41%")
    assert not is_bare_count("14.05")


def _chrome(lines: list[str], chrome: set[str], stamps: set[str]) -> list[str]:
    def opens(i: int) -> bool:
        return lines[i] in stamps

    def taken(i: int) -> bool:
        return lines[i] in chrome

    plain = [line not in stamps for line in lines]
    return [lines[i] for i in chrome_lines(lines, plain, opens, taken)]


def test_a_line_every_entry_closes_with_is_chrome() -> None:
    lines = ["10:00", "Text one.", "Posten", "", "09:00", "Text two.", "Posten", ""]
    assert _chrome(lines, set(), {"10:00", "09:00"}) == ["Posten", "Posten"]


def test_a_repeated_title_is_text() -> None:
    lines = ["10:00", "Yellow card", "Booked.", "", "09:00", "Yellow card", "Booked again.", ""]
    assert _chrome(lines, set(), {"10:00", "09:00"}) == []


def test_a_number_under_a_button_is_a_count_but_not_one_the_text_introduces() -> None:
    lines = ["10:00", "Homes without power:", "560,000", "Share", "", "09:00", "Comment", "1,873"]
    assert _chrome(lines, {"Share", "Comment"}, {"10:00", "09:00"}) == ["1,873"]


def test_a_poll_under_its_button() -> None:
    lines = ["10:00", "What do you think?", "Vote", "Yes", "41%", "No", "59%", ""]
    assert _chrome(lines, {"Vote"}, {"10:00"}) == ["Yes", "41%", "No", "59%"]


def test_a_poll_with_shares_on_the_options_lines() -> None:
    lines = ["10:00", "What do you think?", "Vote", "Yes 41%", "No 59%", ""]
    assert _chrome(lines, {"Vote"}, {"10:00"}) == ["Yes 41%", "No 59%"]


def test_no_poll_without_shares() -> None:
    lines = ["10:00", "Vote", "Polls open at 7am.", "Bring photo ID.", ""]
    assert _chrome(lines, {"Vote"}, {"10:00"}) == []
