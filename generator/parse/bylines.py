"""Bylines over two lines: a reporter's name, then their job, desk or outlet and place.

Pages set a byline's parts on lines of their own: ``By Jane Smith`` / ``BBC News, Kyiv``,
``Jane Smith`` / ``Senior correspondent``, ``Von Anna Müller`` / ``ARD-Studio Moskau``,
``Por María López`` / ``Corresponsal en Kiev``. The second line joins the first only where
its shape is unambiguous: the first is a byline by the existing rules (furniture.is_byline,
credits.is_signed_byline, or a list of names) and the second, right under it (no blank line
between), is short, has no figures, quote marks or sentence punctuation, starts with a
capital, and is one of

- a reporter's job (credits.is_role): ``Senior correspondent``, ``Corresponsal en Kiev``;
- an outlet and a place, capitalised, parted by a comma: ``BBC News, Kyiv``, ``CNN, Moscow``;
- a desk's or outlet's name, capitalised, with a desk word of the tables below:
  ``ARD-Studio Moskau``, ``Kyiv Bureau``, ``Redacción Internacional``.

In an entry with no title yet the line may be its title in title case instead ('Kyiv,
Moscow Talks'): there only a job, or an outlet that names itself ('BBC News, Kyiv'), is
read as the byline's second line.

A list of names ('Jane Smith') right over a reporter's job is a byline even where the entry
has no title yet (else the name would be read as the title). Anything else under a byline
(a title in title case, a sentence, a date) stays what it was.

The byline keeps both lines verbatim, joined by a line break (``"By Jane Smith\\nBBC News,
Kyiv"``): the outlet wrote no comma between them, and the reader's page shows the two
lines as the outlet did (render.blocks).
"""

from __future__ import annotations

from .credits import has_quote_marks, is_role
from .furniture import is_caption, is_chrome, is_name_list

_DESKS = {
    "en": "news|bureau|desk|studio|studios|radio|tv|television|press|agency|newsroom|staff",
    "de": "studio|redaktion|nachrichten|büro|korrespondentenbüro|hauptstadtstudio",
    "fr": "rédaction|bureau|info|infos|radio|télévision",
    "es": "redacción|noticias|corresponsalía|radio|televisión",
    "it": "redazione|notizie|radio|studio",
    "pt": "redação|redacção|sucursal|notícias|rádio",
    "nl": "redactie|nieuws|studio",
    "ru": "редакция|бюро|новости|студия",
    "uk": "редакція|бюро|новини|студія",
    "tr": "haber|haberleri|bürosu|merkezi|ajansı",
}
"""Words that make a short capitalised line a desk's or outlet's name."""
_DESK_WORDS = frozenset(w for words in _DESKS.values() for w in words.split("|"))
_COMPOUND_DESKS = ("studio", "redaktion", "redactie", "büro")
"""German and Dutch compounds end in the desk word: 'Hauptstadtstudio', 'Auslandsredaktion'."""

_JOINERS = frozenset(
    {"of", "in", "at", "for", "de", "del", "der", "des", "di", "da", "do", "du", "en", "em"}
    | {"für", "aus", "el", "la", "le", "y", "e"}
)
"""Small words a desk's or place's name may hold uncapitalised: 'Bureau of ...'."""


def continues_byline(second: str, titled: bool) -> bool:
    """``second``, the line right under a byline, is that byline's second line. In an entry
    with no title yet, a heading in title case may stand there ('Kyiv, Moscow Talks',
    'Russian TV Shows The Talks'): there an outlet and place needs an outlet that names
    itself (a desk word, an acronym: 'BBC News, Kyiv', 'CNN, Moscow'), a desk alone is no
    second line, and a reporter's job still is."""
    if not _short_plain(second):
        return False
    if is_role(second):
        return True
    if titled:
        return _outlet_and_place(second) or _desk(second)
    return _outlet_and_place(second) and _names_itself(second.split(", ")[0])


def name_over_role(first: str, second: str) -> bool:
    """'Jane Smith' / 'Senior correspondent': a list of names right over a reporter's job."""
    if len(second) > 60:
        return False  # most lines under an entry's first line: a paragraph (a fast test)
    return is_role(second) and is_name_list(first) and _short_plain(second)


def _short_plain(text: str) -> bool:
    """Short, capitalised, with no figures, quote marks, sentence marks, chrome or credit."""
    words = text.split()
    if not (1 <= len(words) <= 6) or len(text) > 60 or not text[:1].isupper():
        return False
    if text.rstrip("\"'”’»)").endswith((".", "!", "?", ":", ";", ",", "…", "-", "–", "—")):
        return False
    if any(c.isdigit() or c in "@#/|()[]" for c in text) or ". " in text or "http" in text:
        return False
    return not (has_quote_marks(text) or is_chrome(text) or is_caption(text))


def _capitalised(text: str) -> bool:
    return all(word[:1].isupper() or word in _JOINERS for word in text.split())


def _outlet_and_place(text: str) -> bool:
    """'BBC News, Kyiv', 'CNN, Moscow': one comma, a capitalised name of one to three
    words before it and of one or two after it."""
    parts = text.split(", ")
    if len(parts) != 2 or "," in parts[0] or "," in parts[1]:
        return False
    outlet, place = parts
    return (
        1 <= len(outlet.split()) <= 3
        and 1 <= len(place.split()) <= 2
        and _capitalised(outlet)
        and _capitalised(place)
    )


def _names_itself(outlet: str) -> bool:
    """An outlet's name with a desk word or an acronym in it: 'BBC News', 'CNN', 'ARD'."""
    return _desk(outlet) or any(
        sum(c.isupper() for c in word) >= 2 and word.isalpha() and word.isupper()
        for word in outlet.replace("-", " ").split()
    )


def _desk(text: str) -> bool:
    """'ARD-Studio Moskau', 'Kyiv Bureau': capitalised, with a desk word (alone or as a
    hyphenated or compound word's end)."""
    if len(text.split()) > 4 or not _capitalised(text):
        return False
    for word in text.replace("-", " ").split():
        folded = word.casefold()
        if folded in _DESK_WORDS or (len(folded) > 7 and folded.endswith(_COMPOUND_DESKS)):
            return True
    return False
