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

Signatures take two lines in the same way: a byline on the stamp's own line (``11:02 , Jane
Doe`` / ``BBC News``, ``14:05 GMT - By Jane Doe`` / ``Senior correspondent``) and a signature
closing an entry (``— Jane Doe`` / ``BBC News, Kyiv``, ``-ABC News' Jane Doe`` / ``and John
Roe``): under_stamp_byline and closing_second below.

The byline keeps both lines verbatim, joined by a line break (``"By Jane Smith\\nBBC News,
Kyiv"``): the outlet wrote no comma between them, and the reader's page shows the two
lines as the outlet did (render.blocks).
"""

from __future__ import annotations

from .credits import has_quote_marks, is_role, is_signature, is_signed_byline
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


# Signatures over two lines (the stamp's own line, or the entry's close).

_AND_WORDS = ("and", "&", "und", "et", "y", "e", "en", "и", "і", "ve")
"""What joins a second reporter's name on a line of its own: 'and John Roe'."""
_NAME_MARKS = str.maketrans("", "", "-'’.")
"""Marks inside a name: 'Jean-Luc', 'O’Neill', 'J. Doe'."""


def under_stamp_byline(second: str) -> bool:
    """The line right under a byline that shares the stamp's line ('11:02 , Jane Doe' /
    'BBC News', '14:05 GMT - By Jane Doe' / 'Senior correspondent'). The entry has no
    title yet, so a heading may stand there: only a reporter's job, an outlet and place
    that names itself ('BBC News, Kyiv'), or an outlet's name ending in a desk word ('BBC
    News', 'Kyiv Bureau', not 'Kyiv Bureau Reopens') is the byline's second line."""
    return continues_byline(second, titled=False) or _outlet_alone(second)


def closing_second(first: str, second: str, above: str) -> bool:
    """``second``, right under ``first`` at an entry's close, is the second line of the
    signature ``first`` opens: a signature by credits' one-line rules ('-ABC News' Jane
    Doe', 'Alix Morgan, political reporter') over more names ('and John Roe') or a byline's
    second line (continues_byline); or a dash and a reporter's name ('— Jane Doe') over a
    job, an outlet and place that names itself ('BBC News, Kyiv') or a desk ('ARD-Studio
    Moskau'), where the line above quotes no one ('“We are ready.”' / '— Volodymyr
    Zelensky' / ... is a quote's attribution)."""
    if is_signature(first) or is_signed_byline(first):
        return _more_names(second) or continues_byline(second, titled=True)
    if not _dash_name(first) or has_quote_marks(above):
        return False
    return continues_byline(second, titled=False) or _desk(second)


def _more_names(text: str) -> bool:
    """'and John Roe', 'und Anna Weber': a joiner and a reporter's name, capitalised."""
    joiner, _, names = text.partition(" ")
    words = names.split()
    return (
        joiner in _AND_WORDS
        and 2 <= len(words) <= 4
        and all(word[:1].isupper() and word.translate(_NAME_MARKS).isalpha() for word in words)
    )


def _dash_name(text: str) -> bool:
    """'— Jane Doe', '-Jane Doe': a dash, then a name of two to four capitalised words."""
    if text[:1] not in "-–—":
        return False
    name = text[1:].strip()
    words = name.split()
    return (
        2 <= len(words) <= 4
        and is_name_list(name)
        and not any(c in name for c in "@#()[],;:")
        and all(word[:1].isupper() for word in words)
    )


def _outlet_alone(text: str) -> bool:
    """'BBC News', 'Sky News', 'Kyiv Bureau', 'ARD-Hauptstadtstudio': one to three
    capitalised words, the last a desk word (alone, hyphenated or a compound's end)."""
    if not _short_plain(text) or len(text.split()) > 3 or not _capitalised(text):
        return False
    last = text.replace("-", " ").split()[-1].casefold()
    return last in _DESK_WORDS or (len(last) > 7 and last.endswith(_COMPOUND_DESKS))
