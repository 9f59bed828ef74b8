"""Signatures over two lines (generator/parse/bylines.py's under_stamp_byline and
closing_second), line by line; the golden ingest cases test them in place
(en_signatures_stamp_line_and_closing, intl_de_signatures_stamp_line_and_closing,
trap_signatures_attribution_and_titles)."""

from __future__ import annotations

import pytest

from generator.parse import bylines


@pytest.mark.parametrize(
    "line",
    [
        "BBC News",
        "Senior correspondent",
        "BBC News, Kyiv",
        "Kyiv Bureau",
        "ARD-Hauptstadtstudio",
        "Corresponsal en Kiev",
    ],
)
def test_under_stamp_byline(line: str) -> None:
    assert bylines.under_stamp_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Starmer, Macron Meet",  # a title naming people, no outlet that names itself
        "Zelensky, Geneva",
        "Kyiv Bureau Reopens",  # a desk word, not at the end: a title
        "Russian TV Shows The Talks",
        "ARD-Studio Moskau",  # a desk and a place: may be a title here (no title yet)
        "Officials confirmed the talks.",
        "Share",
    ],
)
def test_not_under_stamp_byline(line: str) -> None:
    assert not bylines.under_stamp_byline(line)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("— Jane Doe", "BBC News, Kyiv"),
        ("— Jonas Weber", "ARD-Studio Moskau"),
        ("-Jane Doe", "Senior correspondent"),
        ("-ABC News' Jane Doe", "and John Roe"),
        ("-BBC News' Jane O’Neill", "and Tom Roe"),
        ("Alix Morgan, political reporter", "BBC News, Westminster"),
        ("Lena Roth, Korrespondentin", "ARD-Studio Moskau"),
        ("— Pablo Ruiz", "Redacción Internacional"),
    ],
)
def test_closing_second(first: str, second: str) -> None:
    assert bylines.closing_second(first, second, "The talks went on for three hours.")


@pytest.mark.parametrize(
    ("first", "second", "above"),
    [
        ("— Olena Marchuk", "Kharkiv City Radio", "“Nobody slept,” a presenter said."),
        ("— Volodymyr Zelensky", "President of Ukraine", "The talks went on."),
        ("— Jane Doe", "Kyiv, Odesa", "The talks went on."),  # no outlet names itself
        ("-ABC News' Jane Doe", "More talks are expected on Tuesday", "The talks went on."),
        ("-ABC News' Jane Doe", "and more to come", "The talks went on."),
        ("— Jane Doe (@janedoe)", "BBC News", "The talks went on."),  # an embed's signature
        ("The talks went on", "BBC News, Kyiv", "Officials met."),
    ],
)
def test_no_closing_second(first: str, second: str, above: str) -> None:
    assert not bylines.closing_second(first, second, above)
