"""A byline's second line (generator/parse/bylines.py) and a reporter's job alone
(credits.is_role), line by line, and a kicker right above the headline (headline.py's
label_kicker, kicker_doubt) on a small page; the golden ingest cases test them in place
(paste_bbc_en_two_line_bylines, intl_*_two_line_bylines, trap_bylines_second_line_title,
paste_cnn_en_caps_kicker_live_updates, intl_lemonde_fr_kicker_en_direct,
en_kicker_caps_label_warned, trap_kicker_*)."""

from __future__ import annotations

import pytest

from generator.parse import bylines, credits
from generator.parse.liveblog import ParseOptions, read_liveblog


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


def _kicker_reading(label: str) -> tuple[str, bool]:
    """The headline read under ``label`` and whether the reading is reported."""
    text = (
        f"{label}\nCeasefire talks resume in Cairo as negotiators return for a third day\n"
        "Mediators said the gaps between the two sides had narrowed.\n\n16 May 2025\n\n"
        "14:10 BST\nDelegations return to the table\nThe team arrived in Cairo at noon.\n"
    )
    blog, _ = read_liveblog(text, "liveblog.txt", ParseOptions())
    assert blog.headline is not None
    codes = {warning.code for warning in blog.warnings}
    return blog.headline.text, "kicker-or-headline" in codes


@pytest.mark.parametrize(
    ("label", "kicker", "reported"),
    [
        ("RUSSIA-UKRAINE WAR LIVE UPDATES", True, False),
        ("Russia-Ukraine war: live updates", True, False),
        ("LIVE: Russia-Ukraine war", True, False),
        ("Guerra en Ucrania, en directo", True, True),
        ("WAR IN THE MIDDLE EAST", True, True),
        ("Krieg gegen die Ukraine", False, False),  # no chrome beside it: the headline
        ("Israel-Gaza war: day 200", False, False),
        ("Final: Madrid v Dortmund live", False, False),
    ],
)
def test_label_kicker(label: str, kicker: bool, reported: bool) -> None:
    headline, warned = _kicker_reading(label)
    assert (headline != label) is kicker
    assert warned is reported
