"""tips.is_tip_line (a call for tips) and credits.captions_named_photo (a caption over a
photographer's credit), the two rules that read the Bloomberg paste."""

from __future__ import annotations

import pytest

from generator.parse.credits import captions_named_photo
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


@pytest.mark.parametrize(
    ("caption", "credit", "expected"),
    [
        ("Jerome Powell during a news conference in Washington on May 7.",
         "Photographer: Al Drago/Bloomberg", True),
        ("Olaf Scholz bei einer Pressekonferenz in Berlin.", "Foto: Anna Berg/Reuters", True),
        ("Pumps worked through the morning to clear the cellars.", "Photo: Reuters", False),
        ("She thanked them for their work. More help is promised.",
         "Photographer: John Doe/Example News", False),
        ("“We are ready,” she said.", "Photographer: John Doe/Example News", False),
        ("The talks ended early", "Photographer: John Doe/Example News", False),
    ],
)  # fmt: skip
def test_caption_over_named_photographer(caption: str, credit: str, expected: bool) -> None:
    """credits.captions_named_photo: asked only where the entry has text above the line."""
    assert captions_named_photo([caption, credit], 0, 1) is expected
    assert not captions_named_photo([caption, "", credit], 0, 2)  # a blank between: no
