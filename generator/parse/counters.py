"""Counters a page shows beside its widgets: a count that names what it counts ('1.234
Postings', 'See all updates (18)', 'Comments: 12', 'Show 3 new updates'), a gallery's
position ('1 / 12', '1 di 8', 'Bild 1 von 12') and numbers alone ('2.4K', '4121', '41%'),
which labels.py counts as chrome only beside a button. Nouns are listed per language.
"""

from __future__ import annotations

import re

COUNT_NOUNS = (
    "postings|posts|comments|views|shares|likes|reactions|replies|updates|entries"
    "|kommentare|aufrufe|beiträge|reaktionen|commentaires|vues|réactions|partages|mises à jour"
    "|comentarios|visitas|vistas|actualizaciones|commenti|visualizzazioni|aggiornamenti"
    "|comentários|visualizações|atualizações|reacties|weergaven|yorum|görüntülenme|beğeni"
    "|güncelleme|комментариев|комментария|комментарий|просмотров|просмотра|обновлений"
    "|коментарів|коментарі|переглядів|оновлень|photos|images|fotos|bilder|foto's|фото"
)
"""Nouns of a count line ('1.234 Postings', 'See all updates (18)'), per language."""

_NUMBER = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+|\d{1,7}"
"""A count: '4121', '1,873', '1.234' (a decimal such as '14.05' may be a time: not a count)."""
_BARE_COUNT = re.compile(
    rf"(?:{_NUMBER}|\d+(?:[.,]\d)?\s?[KkMm])\+?"  # '4121', '1,873', '2.4K', '18+'
    rf"|(?:{_NUMBER}|\d+[.,]\d+)\s?%",  # a poll's share
)
"""A number alone: a counter when it stands by a button ('Comment' / '1,873')."""
_NEW = r"(?:new|neue|nouveaux|nouvelles|nuevas|nuevos|nuovi|novas|novos|nieuwe|новых|нових|yeni)"
_COUNTER = re.compile(
    rf"(?:(?:show|see|load|view|read|zeige|voir|ver|mostra|toon|показать|показати)\s)?"
    rf"(?:{_NUMBER}|\d+(?:[.,]\d)?\s?[KkMm])\s(?:{_NEW}\s)?(?:{COUNT_NOUNS})"  # '1.234 Postings'
    rf"|(?:[^\W\d_][\w'’]*\s){{0,3}}(?:{COUNT_NOUNS})\s?\(\d[\d.,]*\)"  # 'See all updates (18)'
    rf"|(?:{COUNT_NOUNS})\s?:\s?\d[\d.,]*",  # 'Comments: 12'
    re.IGNORECASE,
)
"""A count that says what it counts."""
_OF_N = re.compile(
    r"(?:(?:photo|image|picture|slide|bild|foto|imagen|immagine|фото|fotoğraf)\s)?"
    r"(\d+)\s?(?:/|of|von|sur|de|di|van|из|з|із)\s?(\d+)",
    re.IGNORECASE,
)
"""A gallery's position: '1 of 12', '1 / 12', '1 di 8', 'Bild 1 von 12'."""


def is_counter(clean: str) -> bool:
    """A count that names what it counts ('1.234 Postings', 'Comments (86)') or a gallery's
    position ('1 / 12', '1 di 8'). Asked only of a line that is no stamp or date ('1/12' may
    be a date where the page writes dates so)."""
    if not any(char.isdigit() for char in clean):
        return False
    return _COUNTER.fullmatch(clean) is not None or _gallery_count(clean)


def is_bare_count(clean: str) -> bool:
    """A number alone ('2.4K', '4121', '41%'): a counter only beside a button or other
    chrome (a number in the text, '1,000', is the text's)."""
    return clean[:1].isdigit() and _BARE_COUNT.fullmatch(clean) is not None


def _gallery_count(clean: str) -> bool:
    match = _OF_N.fullmatch(clean)
    return match is not None and 0 < int(match[1]) <= int(match[2])
