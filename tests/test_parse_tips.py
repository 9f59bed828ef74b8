"""tips.is_tip_line: an outlet's call for tips, a line made only of tip phrases."""

from __future__ import annotations

import pytest

from generator.parse.tips import is_tip_line


@pytest.mark.parametrize(
    "line",
    [
        "Have a confidential tip for our reporters? Get in touch",
        "Got a tip? Contact us",
        "Got a news tip? Email us at tips@example.com",
        "Contact us: tips@example.com",
        "Hinweis an die Redaktion",
        "Haben Sie einen Hinweis? Schreiben Sie uns",
        "Vous avez une information à nous transmettre ? Écrivez-nous",
        "¿Tienes una pista? Escríbenos",
        "Hai una segnalazione? Scrivi alla redazione",
        "Envie sua notícia",
        "Heb je een tip? Mail de redactie",
        "Есть новость? Пишите нам",
        "Маєте новину? Напишіть нам",
        "İhbar hattı",
    ],
)
def test_calls_for_tips(line: str) -> None:
    assert is_tip_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officers asked anyone with a tip to get in touch.",
        "Have a tip? Police say the public's help is needed to trace the two walkers.",
        "Get in touch with the families, the minister urged officials",
        "Contact us.",
        "Tips for staying cool in the heatwave",
        "Live blog: Follow our coverage of the decision",
        "",
    ],
)
def test_not_calls_for_tips(line: str) -> None:
    assert not is_tip_line(line)
