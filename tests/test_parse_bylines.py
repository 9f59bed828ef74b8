"""A byline's second line (generator/parse/bylines.py) and a reporter's job alone
(credits.is_role), line by line; the golden ingest cases test them in place
(paste_bbc_en_two_line_bylines, intl_*_two_line_bylines, trap_bylines_second_line_title)."""

from __future__ import annotations

import pytest

from generator.parse import bylines, credits


@pytest.mark.parametrize(
    ("line", "titled"),
    [
        ("BBC News, Kyiv", False),
        ("CNN, Moscow", False),
        ("Senior correspondent", False),
        ("Corresponsal en Kiev", False),
        ("ARD-Korrespondent in Istanbul", False),
        ("Chefkorrespondentin in Moskau", False),
        ("ARD-Studio Moskau", True),
        ("Istanbul Bureau", True),
        ("Redacción Internacional", True),
        ("Reuters, Moscow", True),
    ],
)
def test_second_line(line: str, titled: bool) -> None:
    assert bylines.continues_byline(line, titled)


@pytest.mark.parametrize(
    ("line", "titled"),
    [
        ("Kyiv, Moscow Trade Blame", False),  # a title in title case
        ("Russian TV Shows The Talks", False),
        ("Reuters, Moscow", False),  # no title yet: the outlet does not name itself
        ("ARD-Studio Moskau", False),
        ("Brent Crude Steady", True),
        ("16 May 2025", True),
        ("Officials confirmed the talks.", True),
        ("Jane Doe, chief economist at ING", True),
        ("“We are ready”, Zelensky says", True),
        ("Share", True),
        ("Photo: Reuters", True),
        ("Senior correspondent fired over leak", True),
        ("BBC News, Kyiv, Ukraine, Europe", True),
    ],
)
def test_no_second_line(line: str, titled: bool) -> None:
    assert not bylines.continues_byline(line, titled)


def test_name_over_role() -> None:
    assert bylines.name_over_role("Jane Smith", "Senior correspondent")
    assert not bylines.name_over_role("Jane Smith", "BBC News, Kyiv")
    assert not bylines.name_over_role("Markets shrug off the talks", "Senior correspondent")


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Political editor", True),
        ("Enviado especial a Estambul", True),
        ("Creditor", False),
        ("Correspondent in kyiv", False),  # a place is capitalised
        ("Senior correspondent 2", False),
    ],
)
def test_is_role(line: str, role: bool) -> None:
    assert credits.is_role(line) is role
