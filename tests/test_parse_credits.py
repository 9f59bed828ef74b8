"""The shapes of photo credits and reporters' signatures (generator/parse/credits.py), line by
line; the golden ingest cases test them in place (paste_nyt_*, paste_abcus_*, trap_bylines_*,
trap_captions_*)."""

from __future__ import annotations

import pytest

from generator.parse import credits
from generator.parse.furniture import is_byline


@pytest.mark.parametrize(
    "line",
    [
        "Credit...Kenny Holston/The New York Times",
        "Credit…Doug Mills/The New York Times",
        "Фото: Офіс президента",
        "Photo : AFP",
        "O ex-presidente Jair Bolsonaro no Senado, em Brasília - PEDRO LADEIRA/FOLHAPRESS",
        "Zelensky in Kyiv – ARDA KUCUKKAYA/AFP",
        "Charles E. Schumer walks to the chamber. (Tom Brenner for The Washington Post)",
        "Delegates in the hall (Jane Doe/Reuters)",
        "Israeli hostages return home (Chaim Goldberg/Flash90)",
    ],
)
def test_credit(line: str) -> None:
    assert credits.is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Talks to resume in Geneva - US/EU",
        "Credit card spending rose by 4% in May",
        "The central bank raised rates - a first since 2008/2009",
        "Photographers gathered outside the palace.",
        "Latest major developments, 11 p.m. Moscow time (4 p.m. New York time)",
        "The vote was delayed (Senate Majority Leader for now)",
    ],
)
def test_not_credit(line: str) -> None:
    assert not credits.is_credit(line)


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("© РИА Новости / Алексей Никольский", True),
        ("© Reuters", True),
        ("(AP Photo/Efrem Lukatsky)", True),
        ("[Omar Havana/Al Jazeera]", True),
        ("© 2025 Sky UK", False),  # the page's copyright, no photo's
        ("Copyright Folha de S.Paulo. Todos os direitos reservados.", False),
        ("© ARD-aktuell / tagesschau.de, alle Rechte vorbehalten", False),
        ("© 2025 Jane Doe/Reuters", True),  # a photographer's, dated
        ("Evan Vucci/AP", True),
        ("Mandel Ngan/AFP/Getty Images", True),
        ("Israel/Gaza", False),
        ("Kyiv / Moscow / Washington", False),
    ],
)
def test_credit_alone(line: str, alone: bool) -> None:
    assert credits.is_credit_alone(line) is alone


def test_caption_above_credit() -> None:
    lines = ["Мария Захарова на брифинге в Москве", "© РИА Новости / Алексей Никольский", ""]
    assert credits.captions_credit(lines, 0, 1, set())
    # a link of two words above a credit is no caption
    assert not credits.captions_credit(["Contact Us", "© Reuters", ""], 0, 1, set())
    # an entry's closing sentence above an uncaptioned photo's credit is its text
    sentence = ["The president spoke from the balcony.", "Photo: Reuters", ""]
    assert not credits.captions_credit(sentence, 0, 1, set())
    assert credits.captions_credit([*sentence[:2], "Text goes on."], 0, 1, set())
    assert not credits.captions_credit([*sentence[:2], "12:05"], 0, 1, {2})


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("Alix Morgan, political reporter", True),
        ("Daniel Frost, political correspondent", True),
        ("Harriet Cole and Tom Ashby, Kyiv correspondents", True),
        ("Jane Doe, correspondent in Kyiv", True),
        ("Mario Rossi, inviato a Kiev", True),
        ("Anna Schmidt, ARD-Korrespondentin", True),
        ("Maya Lindqvist Reporting from the Capitol", True),
        ("Jane Doe, chief economist at ING", False),
        ("Jane Doe, reporter in the field", False),
        ("Giorgia Meloni da Trump", False),
        ("Olaf Scholz aus Hamburg", False),
        ("Officials reporting from the border said queues had grown.", False),
    ],
)
def test_signed_byline(line: str, signed: bool) -> None:
    assert credits.is_signed_byline(line) is signed


@pytest.mark.parametrize(
    ("line", "signature"),
    [
        ("-ABC News' Rachel Scott", True),
        ("—CNN’s Jane Doe and John Roe", True),
        ("— Volodymyr Zelensky", False),  # a quote's attribution
        ("— Name (@handle) August 2, 2021", False),  # an embedded post's signature
        ("- the Kremlin's view", False),
    ],
)
def test_signature(line: str, signature: bool) -> None:
    assert credits.is_signature(line) is signature


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von der Leyen: ‘This is Europe’s moment’", False),
        ("From Kyiv, Zelensky: “Moscow is afraid”", False),
        ("Par Jean Dupont: « Le pape est élu »", False),
        ("From CNN’s Jane O’Neill", True),
        ("By Jane Doe", True),
    ],
)
def test_no_byline_has_quote_marks(line: str, byline: bool) -> None:
    assert is_byline(line) is byline
